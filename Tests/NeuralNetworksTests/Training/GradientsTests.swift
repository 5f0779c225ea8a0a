import Testing
import Tensors
@testable import NeuralNetworks

@Suite("Model gradients, clipping, deterministic training")
struct GradientsTests {
    @Test func modelGradientsMatchFiniteDifferences() throws {
        let rng = RandomGenerator(seed: 1)
        let model = try MLP(widths: [3, 5, 2], activation: .tanh, using: rng)
        let x = try Tensor.randomNormal([4, 3], using: rng), y = try Tensor.randomNormal([4, 2], using: rng)
        let loss = { try Loss.meanSquaredError(model(x), y) }
        let (value, gradients) = try valueAndGrad(model: model, loss)
        #expect(try value.item == loss().item)
        let h = 1e-6
        for (reference, gradient) in zip(gradients.references, gradients.tensors) {
            for i in 0..<reference.value.count {
                let original = reference.value
                var plus = original, minus = original
                plus.withUnsafeMutableBufferPointer { $0[i] += h }
                minus.withUnsafeMutableBufferPointer { $0[i] -= h }
                reference.value = plus
                let fPlus = try loss().item
                reference.value = minus
                let fMinus = try loss().item
                reference.value = original
                let numeric = (fPlus - fMinus) / (2 * h)
                #expect(Swift.abs(gradient.scalars[i] - numeric) <= 1e-6 * max(1, Swift.abs(numeric)))
            }
        }
        #expect(model.parameters.allSatisfy { !$0.isTracked })
    }

    /// An encoder and a decoder trained by one loss: one Gradients over both, each part equal to
    /// the gradient taken for that model alone; a model listed twice counts once.
    @Test func gradientsOfSeveralModelsAtOnce() throws {
        let rng = RandomGenerator(seed: 3)
        let encoder = try MLP(widths: [4, 3, 2], activation: .tanh, using: rng)
        let decoder = try Linear(2, 4, using: rng)
        let x = try Tensor.randomNormal([5, 4], using: rng)
        let loss = { try Loss.meanSquaredError(decoder(encoder(x)), x) }
        let (value, both) = try valueAndGrad(models: [encoder, decoder], loss)
        #expect(try value.item == loss().item)
        #expect(both.names == ["0.layers.0.weight", "0.layers.0.bias", "0.layers.1.weight", "0.layers.1.bias", "1.weight", "1.bias"])
        let (_, alone0) = try valueAndGrad(model: encoder, loss)
        let (_, alone1) = try valueAndGrad(model: decoder, loss)
        #expect(both.tensors == alone0.tensors + alone1.tensors)
        #expect(both.references.map(ObjectIdentifier.init) == (alone0.references + alone1.references).map(ObjectIdentifier.init))

        let (_, twice) = try valueAndGrad(models: [decoder, decoder], loss)
        #expect(twice.names == ["0.weight", "0.bias"])
        #expect(twice.tensors == alone1.tensors)
        #expect(encoder.parameters.allSatisfy { !$0.isTracked } && decoder.parameters.allSatisfy { !$0.isTracked })
    }

    @Test func parametersAreRestoredWhenTheLossThrows() throws {
        let model = try Linear(2, 2, using: RandomGenerator(seed: 2))
        let before = model.parameters
        #expect(throws: TensorError.self) {
            try valueAndGrad(model: model) { try model(Tensor.zeros([1, 3])).sum() }
        }
        #expect(model.parameters == before)
        #expect(model.parameters.allSatisfy { !$0.isTracked })
    }

    @Test func gradientClipping() throws {
        let model = try Linear(2, 1, bias: false, using: RandomGenerator(seed: 9))
        let (_, g) = try valueAndGrad(model: model) { try (model.weight * Tensor([[3], [4]])).sum() }
        #expect(g.globalNorm == 5)
        let clipped = try g.clipped(maxNorm: 1)
        #expect(Swift.abs(clipped.globalNorm - 1) < 1e-15)
        #expect(try clipped["weight"]!.isApproximatelyEqual(to: Tensor([[0.6], [0.8]]), relative: 1e-15))
        #expect(try g.clipped(maxNorm: 10).tensors == g.tensors)
        #expect(try g.clipped(maxValue: 3.5)["weight"] == Tensor([[3], [3.5]]))
        #expect(throws: TensorError.self) { try g.clipped(maxNorm: 0) }
    }

    /// Same seed, same data: training gives the same bits.
    @Test func trainingIsDeterministic() throws {
        func train() throws -> [Tensor] {
            let rng = RandomGenerator(seed: 11)
            let model = try MLP(widths: [4, 16, 4], using: rng)
            let data = try Tensor.randomNormal([64, 4], using: rng)
            let optimizer = Adam(learningRate: 0.01)
            for _ in 0..<3 {
                for batch in try miniBatches(data, batchSize: 16, using: rng) {
                    let (_, g) = try valueAndGrad(model: model) { try Loss.meanSquaredError(model(batch), batch) }
                    try optimizer.update(g)
                }
            }
            return model.parameters
        }
        #expect(try train() == train())
    }

    /// Layers wide enough that their products are split across threads: the trained weights must be
    /// the same bits with one thread and with several.
    @Test func trainingIsIndependentOfTheThreadCount() throws {
        func train(threads: Int) throws -> [Tensor] {
            let saved = Tensor.threadCount
            Tensor.threadCount = threads
            defer { Tensor.threadCount = saved }
            let rng = RandomGenerator(seed: 12)
            let model = try MLP(widths: [512, 512, 512], using: rng)
            let data = try Tensor.randomNormal([128, 512], using: rng)
            let optimizer = Adam(learningRate: 0.001)
            for batch in try miniBatches(data, batchSize: 64, using: rng) {
                let (_, g) = try valueAndGrad(model: model) { try Loss.meanSquaredError(model(batch), batch) }
                try optimizer.update(g)
            }
            return model.parameters
        }
        #expect(try train(threads: 1) == train(threads: 4))
    }
}
