import Testing
import Tensors
@testable import NeuralNetworks

@Suite("Gradients of models, optimisers, training")
struct TrainingTests {
    /// The model gradient against central finite differences on every parameter element.
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

    @Test func parametersAreRestoredWhenTheLossThrows() throws {
        let model = try Linear(2, 2, using: RandomGenerator(seed: 2))
        let before = model.parameters
        #expect(throws: TensorError.self) {
            try valueAndGrad(model: model) { try model(Tensor.zeros([1, 3])).sum() }
        }
        #expect(model.parameters == before)
        #expect(model.parameters.allSatisfy { !$0.isTracked })
    }

    /// Adam on f(p) = Σ (p − c)² reaches c.
    @Test func adamMinimisesAQuadraticToItsMinimum() throws {
        let target = Tensor([3, -2, 0.5])
        let model = try Linear(1, 3, using: RandomGenerator(seed: 3))
        let optimizer = Adam(learningRate: 0.05)
        for _ in 0..<2000 {
            let (_, g) = try valueAndGrad(model: model) { try (model.weight.reshaped([3]) - target).square().sum() }
            try optimizer.update(g)
        }
        #expect(zip(model.weight.scalars, target.scalars).allSatisfy { Swift.abs($0 - $1) < 1e-4 })
        #expect(optimizer.step == 2000)
    }

    /// With bias correction the first Adam step moves each parameter by the learning rate (for ε ≪ |g|).
    @Test func adamsFirstStepIsTheLearningRate() throws {
        let model = try Linear(1, 2, initialization: .zeros, using: RandomGenerator(seed: 4))
        let optimizer = Adam(learningRate: 0.1)
        let (_, g) = try valueAndGrad(model: model) { try (model.weight * Tensor([[3, -0.001]])).sum() }
        try optimizer.update(g)
        #expect(zip(model.weight.scalars, [-0.1, 0.1]).allSatisfy { Swift.abs($0 - $1) < 1e-6 })
    }

    @Test func adamWeightDecayForms() throws {
        for decoupled in [false, true] {
            let model = try Linear(1, 1, bias: false, initialization: .zeros, using: RandomGenerator(seed: 5))
            model.weight = try Tensor([[1]])
            let optimizer = Adam(learningRate: 0.1, weightDecay: 0.5, decoupledWeightDecay: decoupled)
            let (_, g) = try valueAndGrad(model: model) { model.weight.sum() * 0 }
            try optimizer.update(g)
            // Coupled: the gradient becomes λp = 0.5 and Adam's first step is lr·sign = 0.1.
            // Decoupled: p ← p − lr·λ·p = 0.95, and the zero gradient adds nothing.
            #expect(Swift.abs(model.weight.scalars[0] - (decoupled ? 0.95 : 0.9)) < 1e-8)  // ε/|g| = 2e-8 relative
        }
    }

    /// SGD with momentum on f(p) = ½ a p² reaches 0; one plain step is p − lr·g.
    @Test func sgdWithMomentumConverges() throws {
        let model = try Linear(1, 1, bias: false, using: RandomGenerator(seed: 6))
        model.weight = try Tensor([[2]])
        let plain = SGD(learningRate: 0.1)
        var (_, g) = try valueAndGrad(model: model) { 0.5 * 3 * model.weight.square().sum() }
        try plain.update(g)
        #expect(model.weight.scalars[0] == 2 - 0.1 * 6)
        let optimizer = SGD(learningRate: 0.05, momentum: 0.9, nesterov: true)
        for _ in 0..<300 {
            (_, g) = try valueAndGrad(model: model) { 0.5 * 3 * model.weight.square().sum() }
            try optimizer.update(g)
        }
        #expect(Swift.abs(model.weight.scalars[0]) < 1e-6)
    }

    @Test func nonFiniteGradientsNameTheStepAndTheTensor() throws {
        let model = try MLP(widths: [2, 2], using: RandomGenerator(seed: 7))
        let optimizer = SGD(learningRate: 0.1)
        let x = try Tensor([[1, 1]])
        let (_, good) = try valueAndGrad(model: model) { try model(x).sum() }
        try optimizer.update(good)
        let before = model.parameters
        let (_, bad) = try valueAndGrad(model: model) { try (model(x) * Tensor([[0, .nan]])).sum() }
        do {
            try optimizer.update(bad)
            Issue.record("expected a non-finite error")
        } catch let error as TrainingError {
            guard case let .nonFinite(step, tensor, _) = error else { return }
            #expect(step == 2)
            #expect(tensor == "gradient of layers.0.weight")
            #expect(error.description.hasPrefix("step 2: gradient of layers.0.weight contains nan"))
        }
        #expect(model.parameters == before)
    }

    @Test func divergingParametersAreReported() throws {
        let model = try Linear(1, 1, bias: false, using: RandomGenerator(seed: 8))
        model.weight = try Tensor([[1e308]])
        let (_, g) = try valueAndGrad(model: model) { model.weight.sum() * 1e308 }
        #expect(throws: TrainingError.self) { try SGD(learningRate: 10).update(g) }
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

    @Test func miniBatchesCoverEveryRowOnce() throws {
        let x = try Tensor.arange(10).reshaped([10, 1]), y = try Tensor.arange(10) * 2
        let batches = try miniBatches([x, y], batchSize: 4, using: RandomGenerator(seed: 10))
        #expect(batches.map { $0[0].shape[0] } == [4, 4, 2])
        let rows = batches.flatMap { $0[0].scalars }
        #expect(rows.sorted() == Array(0..<10).map(Double.init))
        #expect(rows != Array(0..<10).map(Double.init))
        for batch in batches { #expect(batch[1].scalars == batch[0].scalars.map { $0 * 2 }) }
        #expect(try miniBatches(x, batchSize: 3, using: nil).map { $0.scalars } == [[0, 1, 2], [3, 4, 5], [6, 7, 8], [9]])
        #expect(throws: TensorError.self) { try miniBatches([x, Tensor.zeros([9])], batchSize: 2, using: nil) }
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
}
