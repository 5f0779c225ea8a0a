import Foundation
import Testing
import Tensors
import NeuralNetworks
import GenerativeModels

@Suite("GAN")
struct GANTests {
    func normalDensity(_ x: Double, mean: Double, sd: Double) -> Double {
        exp(-(x - mean) * (x - mean) / (2 * sd * sd)) / (sd * (2 * Double.pi).squareRoot())
    }

    @Test("for a fixed generator the trained discriminator approaches p_data / (p_data + p_g) on 1-D Gaussians")
    func optimalDiscriminator() throws {
        // A linear generator G(z) = 1·z + 0 makes p_g = N(0, 1) exactly; the data are N(1, 0.5²).
        let gan = try GAN(dataDimension: 1, latentDimension: 1, generatorWidths: [], discriminatorWidths: [16, 16],
                          seed: 2)
        gan.generator.layers[0].weight = try Tensor([[1.0]])
        gan.generator.layers[0].bias = Tensor([0.0])
        let data = try Tensor.randomNormal([20000, 1], mean: 1, standardDeviation: 0.5, using: RandomGenerator(seed: 9))
        let before = gan.generator.parameters
        try gan.fitDiscriminator(data, steps: 1500, batchSize: 256, learningRate: 3e-3, seed: 1)
        #expect(gan.generator.parameters == before)
        let grid = (0...12).map { -1 + 0.25 * Double($0) }   // −1 … 2, where both densities have mass
        let scores = try gan.discriminate(try Tensor(grid.map { [$0] })).scalars
        var worst = 0.0
        for (x, score) in zip(grid, scores) {
            let pData = normalDensity(x, mean: 1, sd: 0.5), pG = normalDensity(x, mean: 0, sd: 1)
            worst = max(worst, abs(score - pData / (pData + pG)))
        }
        #expect(worst < 0.05, "largest gap to the optimal discriminator: \(worst)")
    }

    @Test("training moves the generated distribution onto a 1-D Gaussian", arguments: GANLoss.allCases)
    func learnsGaussian(loss: GANLoss) throws {
        let data = try Tensor.randomNormal([2000, 1], mean: 3, standardDeviation: 0.5, using: RandomGenerator(seed: 4))
        let gan = try GAN(dataDimension: 1, latentDimension: 1, generatorWidths: [16], discriminatorWidths: [16],
                          loss: loss, seed: 5)
        try gan.fit(data, steps: 400, batchSize: 128, learningRate: 5e-3, seed: 6)
        let samples = try gan.sample(2000, seed: 7)
        #expect(abs(try samples.mean().item - 3) < 0.4)
        let sd = try samples.standardDeviation().item
        #expect(sd > 0.2 && sd < 1.0)
    }

    @Test("the same seeds give bit-identical weights, histories and samples")
    func deterministic() throws {
        func run() throws -> (GAN, Tensor) {
            let gan = try GAN(dataDimension: 2, generatorWidths: [8], discriminatorWidths: [8], seed: 3)
            try gan.fit(try Dataset.ring(count: 200, seed: 1), steps: 15, batchSize: 32, discriminatorSteps: 2, seed: 4)
            return (gan, try gan.sample(50, seed: 5))
        }
        let (a, sampleA) = try run(), (b, sampleB) = try run()
        #expect(a.parameters == b.parameters)
        #expect(a.history == b.history)
        #expect(sampleA == sampleB)
        #expect(try a.sample(50, seed: 6) != sampleA)
    }

    @Test("the learning rate falls linearly to finalLearningRate: decaying to the same rate is training at a constant rate")
    func learningRateDecay() throws {
        func run(_ final: Double?) throws -> [Tensor] {
            let gan = try GAN(dataDimension: 2, generatorWidths: [8], discriminatorWidths: [8], seed: 3)
            try gan.fit(try Dataset.ring(count: 100), steps: 8, batchSize: 32, learningRate: 1e-3, finalLearningRate: final)
            return gan.parameters
        }
        #expect(try run(nil) == run(1e-3))
        #expect(try run(nil) != run(0))
    }

    @Test("keeps one history entry per generator step and reports every step to progress")
    func historyAndProgress() throws {
        let gan = try GAN(dataDimension: 2, generatorWidths: [8], discriminatorWidths: [8])
        var reports: [TrainingProgress] = []
        try gan.fit(try Dataset.ring(count: 100), steps: 12, batchSize: 32, discriminatorSteps: 3) { reports.append($0) }
        #expect(gan.history.names == ["discriminator", "fakeScore", "generator", "realScore"])
        #expect(gan.history["generator"].count == 12)
        #expect(reports.map(\.step) == Array(1...12))
        #expect(reports.allSatisfy { $0.totalSteps == 12 })
        #expect(gan.history["realScore"].allSatisfy { $0 > 0 && $0 < 1 })
    }

    @Test("a progress handler that throws stops training with its error")
    func progressStops() throws {
        struct Timeout: Error {}
        let gan = try GAN(dataDimension: 2, generatorWidths: [8], discriminatorWidths: [8])
        #expect(throws: Timeout.self) {
            try gan.fit(try Dataset.ring(count: 100), steps: 50) { if $0.step == 3 { throw Timeout() } }
        }
        #expect(gan.history["generator"].count == 3)
    }

    @Test("saves and loads both networks; loading into another architecture fails clearly")
    func checkpoint() throws {
        let path = NSTemporaryDirectory() + "gan-\(UUID().uuidString).ckpt"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let gan = try GAN(dataDimension: 2, generatorWidths: [8], discriminatorWidths: [8], seed: 1)
        try gan.fit(try Dataset.ring(count: 100), steps: 5, batchSize: 32)
        try gan.save(to: path)
        let copy = try GAN(dataDimension: 2, generatorWidths: [8], discriminatorWidths: [8], seed: 99)
        try copy.load(from: path)
        #expect(try copy.sample(20, seed: 2) == gan.sample(20, seed: 2))
        let points = try Dataset.ring(count: 10)
        #expect(try copy.discriminate(points) == gan.discriminate(points))
        let other = try GAN(dataDimension: 2, generatorWidths: [16], discriminatorWidths: [8])
        #expect(throws: CheckpointError.self) { try other.load(from: path) }
    }

    @Test("refuses data of the wrong shape and impossible settings")
    func errors() throws {
        let gan = try GAN(dataDimension: 2, generatorWidths: [8], discriminatorWidths: [8])
        #expect(throws: ModelError.self) { try gan.fit(try Tensor.zeros([10, 3]), steps: 1) }
        #expect(throws: ModelError.self) { try gan.fit(try Tensor.zeros([10, 2]), steps: 1, discriminatorSteps: 0) }
        #expect(throws: ModelError.self) { try gan.fit(try Tensor.zeros([10, 2]), steps: 1, batchSize: 0) }
        #expect(throws: ModelError.self) { try gan.discriminate(try Tensor.zeros([4, 5])) }
        #expect(throws: ModelError.self) { try GAN(dataDimension: 0) }
        #expect(throws: ModelError.self) { try GAN(dataDimension: 2, generatorWidths: [0]) }
    }
}
