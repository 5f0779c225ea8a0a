import Foundation
import NeuralNetworks
import Tensors
import Testing
@testable import GenerativeModels

@Suite("VQVAE")
struct VQVAETests {
    /// A small VQ-VAE on the bar images (2 positions, 8 codes of size 3).
    static func model(seed: UInt64 = 1) throws -> VQVAE {
        try VQVAE(inputSize: 16, latentCount: 2, codeSize: 3, codebookSize: 8, hiddenSizes: [16], seed: seed)
    }

    @Test("each vector is quantised to the code at the least squared distance")
    func nearestCode() throws {
        let vq = try Self.model()
        let vectors = try Tensor.randomNormal([50, 3], using: RandomGenerator(seed: 4))
        let chosen = try vq.nearestCodes(vectors).integerScalars()
        let codebook = vq.codebook
        for r in 0..<50 {
            let v = try vectors[r].scalars
            let distances = try (0..<8).map { k in zip(v, try codebook[k].scalars).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } }
            #expect(chosen[r] == distances.indices.min { distances[$0] < distances[$1] }!)
        }
    }

    @Test("the reconstruction gradient passes the quantiser straight through to the encoder")
    func straightThroughGradient() throws {
        let vq = try Self.model()
        let x = try AutoencoderTestData.bars(count: 8)
        // The decoder's loss gradient at the quantised codes, g = ∂L/∂z_q …
        let zq = try vq.codebook.take(try vq.codes(x).flattened(), axis: 0).reshaped([8, 6])
        let g = try grad(at: zq) { z in try Loss.meanSquaredError(try vq.decoder(z), x) }
        // … pulled back through the encoder, Jᵀg, is what the straight-through estimator gives the encoder.
        let expected = try valueAndGrad(model: vq.encoder) { try (try vq.encoder(x) * g).sum() }.gradients
        let actual = try valueAndGrad(model: vq) { try vq.objective(x).reconstruction }.gradients
        for (name, e) in zip(expected.names, expected.tensors) {
            let a = actual["encoder.\(name)"]!
            #expect(a.isApproximatelyEqual(to: e, relative: 1e-10, absolute: 1e-14), "\(name)")
            #expect(try a.abs().max().item > 0)
        }
        // The reconstruction term gives the codebook no gradient (only the codebook loss moves it).
        #expect(try actual["codebook"]!.abs().max().item == 0)
    }

    @Test("the codebook loss moves only the codebook and the commitment loss only the encoder")
    func lossesMoveTheirOwnParts() throws {
        let vq = try Self.model()
        let x = try AutoencoderTestData.bars(count: 8)
        let codebookGradients = try valueAndGrad(model: vq) { try vq.objective(x).codebook }.gradients
        let commitmentGradients = try valueAndGrad(model: vq) { try vq.objective(x).commitment }.gradients
        for (name, g) in zip(codebookGradients.names, codebookGradients.tensors) {
            let moved = try g.abs().max().item > 0
            #expect(moved == (name == "codebook"), "codebook loss, \(name)")
        }
        for (name, g) in zip(commitmentGradients.names, commitmentGradients.tensors) where name.hasPrefix("decoder") || name == "codebook" {
            #expect(try g.abs().max().item == 0, "commitment loss, \(name)")
        }
        #expect(try commitmentGradients["encoder.layers.0.weight"]!.abs().max().item > 0)
    }

    @Test("the codebook and commitment losses are the mean squared distance from each vector to its code")
    func lossValues() throws {
        let vq = try Self.model()
        let x = try AutoencoderTestData.bars(count: 8)
        let z = try vq.encode(x).reshaped([16, 3])
        let codes = try vq.codes(x).flattened().integerScalars()
        var sum = 0.0
        for (r, code) in codes.enumerated() {
            for (a, b) in zip(try z[r].scalars, try vq.codebook[code].scalars) { sum += (a - b) * (a - b) }
        }
        let losses = try vq.losses(x)
        #expect(abs(losses.codebook - sum / 48) < 1e-12)
        #expect(abs(losses.commitment - sum / 48) < 1e-12)
        #expect(abs(losses.total - (losses.reconstruction + losses.codebook + 0.25 * losses.commitment)) < 1e-12)
    }

    @Test("perplexity is exp of the code entropy", arguments: [
        ([0, 0, 0, 0], 1.0, 1),
        ([0, 1, 2, 3], 4.0, 4),
        ([0, 0, 1, 1], 2.0, 2),
        ([0, 0, 0, 1], Foundation.exp(-(0.75 * Foundation.log(0.75) + 0.25 * Foundation.log(0.25))), 2),
    ] as [([Int], Double, Int)])
    func perplexity(codes: [Int], perplexity: Double, used: Int) {
        let usage = CodebookUsage(codes: codes, codebookSize: 8)
        #expect(abs(usage.perplexity - perplexity) < 1e-12)
        #expect(usage.used == used)
        #expect(usage.fraction == Double(used) / 8)
        #expect(usage.counts.reduce(0, +) == codes.count)
    }

    @Test("training lowers the loss, uses several codes, and samples only codes seen in training")
    func training() throws {
        let vq = try Self.model()
        let x = try AutoencoderTestData.bars()
        try vq.fit(x, epochs: 1, batchSize: 16, learningRate: 1e-2, seed: 2)
        let early = try vq.losses(x).total
        try vq.fit(x, epochs: 30, batchSize: 16, learningRate: 1e-2, seed: 3)
        #expect(try vq.losses(x).total < 0.5 * early)
        let usage = try vq.codebookUsage(x)
        #expect(usage.used >= 3 && usage.perplexity > 2, "\(usage)")
        #expect(Set(vq.history.names) == ["codebook", "commitment", "loss", "perplexity", "reconstruction"])

        let frequencies = vq.codeFrequencies
        #expect(frequencies.shape == [2, 8])
        let sampled = try vq.sampleCodes(200, seed: 4).integerScalars()
        for (i, code) in sampled.enumerated() { #expect(try frequencies[i % 2, code].item > 0) }
        #expect(try vq.sample(5, seed: 4).shape == [5, 16])
        #expect(try vq.reconstruct(x).shape == [64, 16])
    }

    @Test("the same seeds give bit-identical training and samples")
    func sameSeedSameBits() throws {
        let x = try AutoencoderTestData.bars()
        func trained() throws -> VQVAE {
            let vq = try Self.model(seed: 5)
            try vq.fit(x, epochs: 3, batchSize: 16, seed: 6)
            return vq
        }
        let a = try trained(), b = try trained()
        #expect(a.history == b.history)
        #expect(zip(a.parameters, b.parameters).allSatisfy { $0.scalars == $1.scalars })
        #expect(try a.sample(4, seed: 1) == b.sample(4, seed: 1))
    }

    @Test("saving and loading restores weights, codebook and code frequencies; a different model is refused")
    func checkpointRoundTrip() throws {
        let x = try AutoencoderTestData.bars()
        let vq = try Self.model()
        try vq.fit(x, epochs: 2, batchSize: 16)
        let path = AutoencoderTestData.temporaryPath("vqvae")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try vq.save(to: path)
        let copy = try Self.model(seed: 77)
        try copy.load(from: path)
        #expect(copy.codebook == vq.codebook)
        #expect(copy.codeFrequencies == vq.codeFrequencies)
        #expect(try copy.sample(3, seed: 2) == vq.sample(3, seed: 2))
        let other = try VQVAE(inputSize: 16, latentCount: 2, codeSize: 3, codebookSize: 9, hiddenSizes: [16])
        #expect(throws: CheckpointError.self) { try other.load(from: path) }
        #expect(other.codeFrequencies.shape == [2, 9])
    }

    @Test("mistakes a user can make are thrown as errors")
    func errors() throws {
        #expect(throws: ModelError.self) { try VQVAE(inputSize: 16, codebookSize: 0) }
        #expect(throws: ModelError.self) { try VQVAE(inputSize: 16, beta: -1) }
        let vq = try Self.model()
        #expect(throws: ModelError.self) { try vq.decode(codes: try Tensor([[0.0, 8.0]])) }
        #expect(throws: ModelError.self) { try vq.decode(codes: try Tensor([[0.0, 1.5]])) }
        #expect(throws: ModelError.self) { try vq.decode(codes: Tensor([0.0, 1.0])) }
        #expect(throws: ModelError.self) { try vq.fit(try Tensor.zeros([3, 4])) }
    }
}
