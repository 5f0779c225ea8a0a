import Testing
import Tensors
@testable import NeuralNetworks

@Suite("Optimisers: SGD and Adam, NaN/Inf detection")
struct OptimizerTests {
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
}

@Suite("Adam's vectorised kernel")
struct AdamKernelTests {
    /// The SSE2 path and the scalar path must give the same bits as the formula evaluated one element
    /// at a time (odd lengths exercise the scalar tail).
    @Test(arguments: [1, 2, 7, 64, 1001])
    func matchesTheScalarFormulaBitForBit(_ n: Int) throws {
        let rng = RandomGenerator(seed: UInt64(n))
        var p = (0..<n).map { _ in rng.normal() }, m = (0..<n).map { _ in rng.normal() * 0.1 }
        var v = (0..<n).map { _ in rng.uniform() * 0.01 }
        let g = (0..<n).map { _ in rng.normal() }
        let k = AdamKernel.Constants(beta1: 0.9, beta2: 0.999, stepSize: 0.01, secondMomentScale: 1.3, epsilon: 1e-8, l2: 0.01, shrink: 0.999)
        var (pr, mr, vr) = (p, m, v)
        for i in 0..<n {
            let gi = g[i] + k.l2 * pr[i]
            mr[i] = k.beta1 * mr[i] + (1 - k.beta1) * gi
            vr[i] = k.beta2 * vr[i] + (1 - k.beta2) * gi * gi
            pr[i] = k.shrink * pr[i] - (k.stepSize * mr[i]) / (vr[i].squareRoot() * k.secondMomentScale + k.epsilon)
        }
        p.withUnsafeMutableBufferPointer { pp in
            m.withUnsafeMutableBufferPointer { mp in
                v.withUnsafeMutableBufferPointer { vp in
                    g.withUnsafeBufferPointer { gp in
                        AdamKernel.update(parameter: pp, gradient: gp, firstMoment: mp, secondMoment: vp, constants: k)
                    }
                }
            }
        }
        #expect(p.map(\.bitPattern) == pr.map(\.bitPattern))
        #expect(m.map(\.bitPattern) == mr.map(\.bitPattern))
        #expect(v.map(\.bitPattern) == vr.map(\.bitPattern))
    }
}
