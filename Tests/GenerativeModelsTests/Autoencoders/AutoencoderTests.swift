import Foundation
import NeuralNetworks
import Tensors
import Testing
@testable import GenerativeModels

@Suite("Autoencoder")
struct AutoencoderTests {
    /// The principal angles (radians) between the column spans of two `[n, k]` matrices, via the SVD:
    /// the cosines are the singular values of `Q₁ᵀQ₂` for orthonormal bases `Q₁`, `Q₂`.
    static func principalAngles(_ a: Tensor, _ b: Tensor) throws -> [Double] {
        let qa = try Linalg.svd(a).u, qb = try Linalg.svd(b).u
        return try Linalg.svd(try qa.T • qb).singularValues.scalars.map { Foundation.acos(min(1, $0)) }
    }

    @Test("a linear autoencoder's decoder spans PCA's top principal subspace")
    func linearAutoencoderFindsPrincipalSubspace() throws {
        let x = try AutoencoderTestData.nearPlane()
        let ae = try Autoencoder.linear(inputSize: 5, latentSize: 2, seed: 1)
        try ae.fit(x, epochs: 1500, batchSize: 300, learningRate: 0.02, seed: 2)

        let centred = try x - x.mean(axis: 0)
        let covariance = try (centred.T • centred) / Double(x.shape[0])
        let eigenvectors = try Linalg.eigh(covariance).eigenvectors
        let top = try eigenvectors[TensorIndex.all, 3..<5]                 // eigenvalues ascend: the last two columns
        let decoderWeight = ae.decoder.layers[0].weight          // [2, 5]: its rows span the decoder's image
        let angles = try Self.principalAngles(decoderWeight.T, top)
        #expect(angles.allSatisfy { $0 < 0.01 }, "principal angles \(angles)")

        // And a random plane is far from it, so the check can fail.
        let random = try Tensor.randomNormal([5, 2], using: RandomGenerator(seed: 9))
        #expect(try Self.principalAngles(random, top).max()! > 0.1)
    }

    @Test("the linear autoencoder's error approaches PCA's rank-2 error, which no rank-2 map can beat")
    func linearAutoencoderMatchesPCAError() throws {
        let x = try AutoencoderTestData.nearPlane()
        let ae = try Autoencoder.linear(inputSize: 5, latentSize: 2, seed: 1)
        try ae.fit(x, epochs: 1500, batchSize: 300, learningRate: 0.02, seed: 2)
        let mean = try x.mean(axis: 0)
        let centred = try x - mean
        let top = try Linalg.eigh(try centred.T • centred).eigenvectors[TensorIndex.all, 3..<5]
        let pcaReconstruction = try (try (centred • top) • top.T) + mean
        let pcaError = try Loss.meanSquaredError(pcaReconstruction, x).item
        let aeError = try ae.reconstructionError(x)
        #expect(aeError >= pcaError * (1 - 1e-9), "Eckart–Young: autoencoder \(aeError), PCA \(pcaError)")
        #expect(aeError < 1.5 * pcaError, "autoencoder \(aeError), PCA \(pcaError)")
    }

    @Test("a nonlinear autoencoder lowers its loss and gives codes of the latent size")
    func nonlinearAutoencoderTrains() throws {
        let x = try AutoencoderTestData.bars()
        let ae = try Autoencoder(widths: [16, 8, 2], activation: .tanh, outputActivation: .sigmoid, seed: 4)
        let before = try ae.reconstructionError(x)
        try ae.fit(x, epochs: 40, batchSize: 16, learningRate: 1e-2, seed: 5)
        #expect(try ae.reconstructionError(x) < 0.7 * before)
        #expect(try ae.encode(x).shape == [64, 2])
        #expect(try ae.decode(try ae.encode(x)).shape == [64, 16])
        #expect(ae.history["loss"].count == 40 * 4)
    }

    @Test("the same seeds give bit-identical weights and histories")
    func sameSeedSameBits() throws {
        let x = try AutoencoderTestData.bars()
        func trained() throws -> Autoencoder {
            let ae = try Autoencoder(widths: [16, 6, 3], seed: 11)
            try ae.fit(x, epochs: 3, batchSize: 10, seed: 12)
            return ae
        }
        let a = try trained(), b = try trained()
        #expect(a.history == b.history)
        #expect(zip(a.parameters, b.parameters).allSatisfy { $0.scalars == $1.scalars })
    }

    @Test("saving and loading restores the weights exactly")
    func checkpointRoundTrip() throws {
        let x = try AutoencoderTestData.bars()
        let ae = try Autoencoder(widths: [16, 6, 3], seed: 1)
        try ae.fit(x, epochs: 2, batchSize: 16)
        let path = AutoencoderTestData.temporaryPath("ae")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try ae.save(to: path)
        let copy = try Autoencoder(widths: [16, 6, 3], seed: 99)
        try copy.load(from: path)
        #expect(try copy.reconstruct(x) == ae.reconstruct(x))
        let other = try Autoencoder(widths: [16, 5, 3], seed: 1)
        #expect(throws: CheckpointError.self) { try other.load(from: path) }
    }

    @Test("mistakes a user can make are thrown as errors",
          arguments: [[16], [16, 0], []] as [[Int]])
    func badWidths(_ widths: [Int]) {
        #expect(throws: ModelError.self) { try Autoencoder(widths: widths) }
    }

    @Test("data of the wrong width, or bad settings, are rejected")
    func badFitArguments() throws {
        let ae = try Autoencoder(widths: [16, 2])
        let x = try AutoencoderTestData.bars()
        #expect(throws: ModelError.self) { try ae.fit(try Tensor.zeros([4, 15])) }
        #expect(throws: ModelError.self) { try ae.fit(x, epochs: 0) }
        #expect(throws: ModelError.self) { try ae.fit(x, batchSize: 0) }
        #expect(throws: ModelError.self) { try ae.fit(x, learningRate: -1) }
        #expect(throws: ModelError.self) { try ae.encode(try Tensor.zeros([3, 5])) }
    }

    @Test("a throwing progress handler stops training after the step it was called on")
    func progressCanStopTraining() throws {
        struct Stop: Error {}
        let ae = try Autoencoder(widths: [16, 2])
        var seen: [TrainingProgress] = []
        #expect(throws: Stop.self) {
            try ae.fit(try AutoencoderTestData.bars(), epochs: 5, batchSize: 16) { p in
                seen.append(p)
                if p.step == 3 { throw Stop() }
            }
        }
        #expect(seen.map(\.step) == [1, 2, 3])
        #expect(seen.allSatisfy { $0.totalSteps == 20 && $0.totalEpochs == 5 && $0.epoch == 1 })
        #expect(ae.history["loss"].count == 3)
    }
}
