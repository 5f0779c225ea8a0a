import Foundation
import NeuralNetworks
import Tensors
import Testing
import GenerativeModels

/// Issue 19's VAE configuration, as `scripts/vae_parity.py` runs it in PyTorch: all 1797 digits as grey
/// levels, 64 → 256 → 2 → 256 → 64 with ReLU, Bernoulli likelihood, batch 128, Adam 1e-3, 50 epochs,
/// scored by the importance-weighted bound (K = 100) on all digits. The reference's answers are in
/// `scripts/vae_parity_results.json`, under PyTorch's initialisation and under Lectern's default.
@Suite("VAE parity with PyTorch")
struct VAEParityTests {
    struct Run: Decodable, Sendable {
        var variant: String
        var seeds: [Int]
        var iwae: [Double]
    }
    struct Results: Decodable, Sendable { var runs: [Run] }

    static let reference: [Run] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("scripts/vae_parity_results.json")
        return (try? JSONDecoder().decode(Results.self, from: Data(contentsOf: url)))?.runs ?? []
    }()

    /// Mean and sample standard deviation of the reference's scores with `variant`.
    static func spread(_ variant: String) -> (mean: Double, sd: Double) {
        let scores = reference.first { $0.variant == variant }?.iwae ?? []
        let mean = scores.reduce(0, +) / Double(max(scores.count, 1))
        let sd = (scores.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(max(scores.count - 1, 1))).squareRoot()
        return (mean, sd)
    }

    /// Lectern's score at the reference's settings from `seed`.
    static func score(initialization: Initialization?, seed: UInt64) throws -> Double {
        let x = try Dataset.digits().x
        let model = try VAE(inputSize: 64, latentSize: 2, hiddenSizes: [256], initialization: initialization, seed: seed)
        try model.fit(x, epochs: 50, batchSize: 128, learningRate: 1e-3, seed: seed)
        return try model.logLikelihood(x, samples: 100, seed: 1000 + seed)
    }

    @Test("each initialisation lands inside PyTorch's spread for the same initialisation (seed 0: mean ± 3 sd over PyTorch's five seeds)")
    func eachInitialisationMatchesTheReference() throws {
        #expect(Self.reference.count == 2)
        for (variant, initialization) in [("torch", Initialization.pytorch), ("lectern", nil)] as [(String, Initialization?)] {
            let (mean, sd) = Self.spread(variant)
            let lectern = try Self.score(initialization: initialization, seed: 0)
            #expect(abs(lectern - mean) <= 3 * sd, "\(variant): Lectern \(lectern), PyTorch \(mean) ± \(sd)")
        }
        // The gap the issue saw (−25.26 against −24.80) is the initialisation's, in PyTorch too.
        #expect(Self.spread("torch").mean - Self.spread("lectern").mean > 0.15)
    }
}
