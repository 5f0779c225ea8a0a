import Foundation
import GenerativeModels
import NeuralNetworks
import Tensors

/// Issue 19's GAN parity: Lectern in the configuration of `scripts/gan_parity.py` (ring of 8, radius
/// 2, σ 0.02; G 2→128→128→2 and D 2→128→128→1 with ReLU; non-saturating loss; Adam 1e-4, β = (0.5,
/// 0.999); batch 256; 5,000 steps of one D step then one G step), modes covered by 2,000 samples (at
/// least 1 % within 0.06 of a centre) per seed, for each initialisation. Every batch is fresh data,
/// as in the reference: the ring has 256 × 5,000 points, each used once.
///
///     swift run -c release Benchmarks gan-parity        # seeds 0–9
///     LECTERN_PARITY_SEEDS=3 LECTERN_PARITY_VARIANTS=pytorch,zero-bias swift run -c release Benchmarks gan-parity
enum GANParityBenchmarks {
    static let batchSize = 256
    /// 5,000 as in the reference; LECTERN_PARITY_STEPS sets fewer, to see how early coverage is decided.
    static let steps = ProcessInfo.processInfo.environment["LECTERN_PARITY_STEPS"].flatMap(Int.init) ?? 5000

    static func run() throws {
        let seedCount = ProcessInfo.processInfo.environment["LECTERN_PARITY_SEEDS"].flatMap(Int.init) ?? 10
        let seeds = Array(0..<seedCount)
        // "zero-bias": PyTorch's weights, every bias then set to zero (the script's variant of that name).
        let variants: [(String, Initialization?, Bool)] = [("pytorch", .pytorch, false), ("default", nil, false),
                                                         ("zero-bias", .pytorch, true)]
        print("GAN parity (\(steps) steps, batch \(batchSize), ReLU, Adam 1e-4 β (0.5, 0.999), non-saturating), modes covered of 8 over seeds \(seeds):")
        let chosen = ProcessInfo.processInfo.environment["LECTERN_PARITY_VARIANTS"]?.split(separator: ",").map(String.init)
        for (name, initialization, zeroBiases) in variants where chosen?.contains(name) ?? true {
            var covered: [Int] = []
            var seconds = 0.0
            for seed in seeds {
                let start = Date()
                covered.append(try coverage(seed: seed, initialization: initialization, zeroBiases: zeroBiases))
                seconds += Date().timeIntervalSince(start)
            }
            print("  Lectern \(name.padding(toLength: 10, withPad: " ", startingAt: 0)) \(covered)  mean \(mean(covered))  "
                  + "(\(String(format: "%.1f", seconds / Double(seeds.count))) s per run)")
        }
    }

    /// Modes covered after training one GAN of the reference's configuration from `seed`.
    static func coverage(seed: Int, initialization: Initialization?, zeroBiases: Bool = false) throws -> Int {
        let data = try Dataset.ring(count: steps * batchSize, noise: 0.02, seed: UInt64(1000 + seed))
        let gan = try GAN(dataDimension: 2, latentDimension: 2, generatorWidths: [128, 128], discriminatorWidths: [128, 128],
                          activation: .relu, initialization: initialization, seed: UInt64(seed))
        if zeroBiases {
            for (name, parameter) in gan.namedParameters where name.hasSuffix("bias") { parameter.value = Tensor.zeros(like: parameter.value) }
        }
        try gan.fit(data, steps: steps, batchSize: batchSize, learningRate: 1e-4, beta1: 0.5, seed: UInt64(seed))
        let samples = try gan.sample(2000, seed: UInt64(seed))
        return try Evaluation.ringModeCoverage(samples, noise: 0.02, nearDistance: 0.06, minimumShare: 0.01).modesCovered
    }

    static func mean(_ values: [Int]) -> String {
        String(format: "%.1f", Double(values.reduce(0, +)) / Double(max(values.count, 1)))
    }
}
