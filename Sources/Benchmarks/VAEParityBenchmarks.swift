import Foundation
import GenerativeModels
import NeuralNetworks
import Tensors

/// Issue 19's VAE parity: Lectern in the configuration of `scripts/vae_parity.py` (all 1797 digits as
/// grey levels, 64 → 256 → 2 → 256 → 64 with ReLU, Bernoulli likelihood, batch 128, Adam 1e-3, 50
/// epochs), scored by the importance-weighted bound with K = 100 on all digits, per seed, under
/// Lectern's default initialisation and PyTorch's.
///
///     swift run -c release Benchmarks vae-parity        # seeds 0–4
enum VAEParityBenchmarks {
    static func run() throws {
        let seedCount = ProcessInfo.processInfo.environment["LECTERN_PARITY_SEEDS"].flatMap(Int.init) ?? 5
        let x = try Dataset.digits().x
        print("VAE parity (64-256-2-256-64 ReLU, Bernoulli on grey levels, batch 128, Adam 1e-3, 50 epochs), "
              + "IWAE K = 100 on all \(x.shape[0]) digits, nats per image, seeds 0..<\(seedCount):")
        for (name, initialization) in [("default", nil), ("pytorch", Initialization.pytorch)] as [(String, Initialization?)] {
            var scores: [Double] = []
            for seed in 0..<seedCount {
                let model = try VAE(inputSize: 64, latentSize: 2, hiddenSizes: [256], initialization: initialization, seed: UInt64(seed))
                try model.fit(x, epochs: 50, batchSize: 128, learningRate: 1e-3, seed: UInt64(seed))
                scores.append(try model.logLikelihood(x, samples: 100, seed: UInt64(1000 + seed)))
            }
            let mean = scores.reduce(0, +) / Double(scores.count)
            let sd = (scores.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(max(scores.count - 1, 1))).squareRoot()
            print("  Lectern \(name.padding(toLength: 8, withPad: " ", startingAt: 0)) \(scores.map { String(format: "%.3f", $0) })  "
                  + "mean \(String(format: "%.2f", mean)) sd \(String(format: "%.2f", sd))")
        }
    }
}
