import Foundation
import Testing
import Tensors
import NeuralNetworks
import GenerativeModels

@Suite("DDPM")
struct DDPMTests {
    func gaussianData() throws -> Tensor {
        try Tensor.randomNormal([512, 2], mean: 0, standardDeviation: 0.5, using: RandomGenerator(seed: 8)) + 1
    }

    @Test("training lowers the simple loss, and same seeds give bit-identical weights and samples")
    func trainsDeterministically() throws {
        func run() throws -> DDPM {
            let ddpm = try DDPM(dataDimension: 2, steps: 50, hiddenWidths: [32, 32], timeEmbedding: 8, seed: 1)
            try ddpm.fit(try gaussianData(), steps: 200, batchSize: 64, learningRate: 3e-3, seed: 2)
            return ddpm
        }
        let a = try run(), b = try run()
        let losses = a.history["loss"]
        #expect(losses.count == 200)
        let early = losses.prefix(20).reduce(0, +) / 20, late = losses.suffix(50).reduce(0, +) / 50
        #expect(late < 0.8 * early, "loss \(early) → \(late)")
        #expect(a.parameters == b.parameters)
        #expect(try a.sample(30, seed: 3) == b.sample(30, seed: 3))
        #expect(try a.sampleDDIM(30, steps: 10, seed: 3) == b.sampleDDIM(30, steps: 10, seed: 3))
    }

    @Test("the learning rate falls linearly to finalLearningRate: decaying to the same rate is training at a constant rate")
    func learningRateDecay() throws {
        func run(_ final: Double?) throws -> [Tensor] {
            let ddpm = try DDPM(dataDimension: 2, steps: 20, hiddenWidths: [8], timeEmbedding: 4, seed: 1)
            try ddpm.fit(try gaussianData(), steps: 10, batchSize: 64, learningRate: 2e-3, finalLearningRate: final, seed: 2)
            return ddpm.parameters
        }
        #expect(try run(nil) == run(2e-3))
        #expect(try run(nil) != run(0))
    }

    @Test("a briefly trained model's samples land near the data's mean")
    func samplesNearData() throws {
        let ddpm = try DDPM(dataDimension: 2, steps: 50, hiddenWidths: [32, 32], timeEmbedding: 8, seed: 1)
        try ddpm.fit(try gaussianData(), steps: 300, batchSize: 64, learningRate: 3e-3, seed: 2)
        let samples = try ddpm.sample(500, seed: 4)
        let m = try samples.mean(axis: 0).scalars
        #expect(abs(m[0] - 1) < 0.25 && abs(m[1] - 1) < 0.25, "sample mean \(m)")
    }

    @Test("noised(t: 0) is the data and noised at T is almost pure noise")
    func noisedEnds() throws {
        let ddpm = try DDPM(dataDimension: 2, steps: 1000, seed: 1)
        let x0 = try Tensor.full([4000, 2], value: 3)
        #expect(try ddpm.noised(x0, t: 0) == x0)
        let end = try ddpm.noised(x0, t: 1000, seed: 5)
        #expect(abs(try end.mean().item) < 0.1)
        #expect(abs(try end.variance().item - 1) < 0.1)
    }

    @Test("progress hears every sampling step and may stop it")
    func samplingProgress() throws {
        let ddpm = try DDPM(dataDimension: 2, steps: 20, hiddenWidths: [8], timeEmbedding: 4)
        var steps: [Int] = []
        _ = try ddpm.sample(4) { steps.append($0.step) }
        #expect(steps == Array(1...20))
        struct Stop: Error {}
        #expect(throws: Stop.self) { try ddpm.sampleDDIM(4, steps: 5) { if $0.step == 2 { throw Stop() } } }
    }

    @Test("saves and loads the network; a different architecture refuses the file")
    func checkpoint() throws {
        let path = NSTemporaryDirectory() + "ddpm-\(UUID().uuidString).ckpt"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let ddpm = try DDPM(dataDimension: 2, steps: 20, hiddenWidths: [8], timeEmbedding: 4, seed: 1)
        try ddpm.fit(try gaussianData(), steps: 5, batchSize: 64)
        try ddpm.save(to: path)
        let copy = try DDPM(dataDimension: 2, steps: 20, hiddenWidths: [8], timeEmbedding: 4, seed: 7)
        try copy.load(from: path)
        #expect(try copy.sample(10, seed: 1) == ddpm.sample(10, seed: 1))
        let other = try DDPM(dataDimension: 2, steps: 20, hiddenWidths: [16], timeEmbedding: 4)
        #expect(throws: CheckpointError.self) { try other.load(from: path) }
    }

    @Test("refuses wrong shapes and impossible settings")
    func errors() throws {
        let ddpm = try DDPM(dataDimension: 2, steps: 20, hiddenWidths: [8], timeEmbedding: 4)
        #expect(throws: ModelError.self) { try ddpm.fit(try Tensor.zeros([10, 3]), steps: 1) }
        #expect(throws: ModelError.self) { try ddpm.predictNoise(try Tensor.zeros([4, 3]), t: 1) }
        #expect(throws: TensorError.self) { try ddpm.predictNoise(try Tensor.zeros([4, 2]), t: 21) }
        #expect(throws: TensorError.self) { try ddpm.sampleDDIM(4, steps: 40) }
        #expect(throws: (any Error).self) { try DDPM(dataDimension: 2, timeEmbedding: 5) }
    }
}
