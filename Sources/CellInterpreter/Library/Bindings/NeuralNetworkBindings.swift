import GenerativeModels
import NeuralNetworks
import Tensors

extension Registry {
    /// Layers, optimisers, gradients of a model's parameters, losses, and timing.
    func registerNeuralNetworks() {
        let linear = libraryDecl("Linear")
        extend(linear) { t in
            t.staticMethod("init(_ inputs: Int, _ outputs: Int, bias: Bool = true)", doc: "A layer from inputs to outputs features.") {
                (cx, i: Int, o: Int, bias: Bool) in try Linear(i, o, bias: bias, using: cx.generator)
            }
            t.method("func callAsFunction(_ x: Tensor) -> Tensor", doc: "Runs the layer on a batch (rows are examples).") { (l: Linear, x: Tensor) in
                try l(x)
            }
            t.property("var weight: Tensor", doc: "The inputs × outputs weight matrix; assign one of the same shape to change the layer.",
                       get: { (l: Linear) in l.weight },
                       set: { (l: Linear, w: Tensor) in
                           guard w.shape == l.weight.shape else {
                               throw CellFailure(.runtime, "a weight of shape \(w.shape) cannot replace this layer's \(l.weight.shape)")
                           }
                           l.weight = w
                       })
            t.property("var bias: Tensor?", doc: "The bias vector (nil for a layer made with bias: false); assign one of the same shape to change it.",
                       get: { (l: Linear) in l.bias },
                       set: { (l: Linear, b: Tensor?) in
                           guard let old = l.bias else { throw CellFailure(.runtime, "this layer was made with bias: false and has no bias to set") }
                           guard let b else { throw CellFailure(.runtime, "a layer's bias cannot be removed; assign zeros instead") }
                           guard b.shape == old.shape else {
                               throw CellFailure(.runtime, "a bias of shape \(b.shape) cannot replace this layer's \(old.shape)")
                           }
                           l.bias = b
                       })
            t.property("var parameters: [Tensor]", doc: "The trainable tensors: the weight, then the bias.") { (l: Linear) in l.parameters }
        }
        // Every model and layer counts its parameters the same way: one binding for all of them.
        for name in Self.moduleTypeNames {
            extend(libraryDecl(name)) { t in
                t.property("var parameterCount: Int", doc: "The number of trainable scalars.") { (m: AnyModule) in m.module.parameterCount }
            }
        }
        let mlp = libraryDecl("MLP")
        extend(mlp) { t in
            t.staticMethod("init(widths: [Int], activation: String = \"relu\", outputActivation: String = \"identity\")",
                           doc: "Layers between successive widths; activations: relu, tanh, sigmoid, softplus, gelu, silu, leakyRelu, identity.") {
                (cx, widths: [Int], a: String, o: String) in
                try MLP(widths: widths, activation: try activation(a, cx), outputActivation: try activation(o, cx), using: cx.generator)
            }
            t.method("func callAsFunction(_ x: Tensor) -> Tensor", doc: "Runs the network on a batch (rows are examples).") { (m: MLP, x: Tensor) in
                try m(x)
            }
            t.property("var parameters: [Tensor]", doc: "The trainable tensors, layer by layer (weight, then bias).") { (m: MLP) in m.parameters }
            t.property("var layers: [Linear]", doc: "The linear layers, input side first.") { (m: MLP) in m.layers }
        }
        let adam = libraryDecl("Adam")
        extend(adam) { t in
            t.staticMethod("init(learningRate: Double = 0.001, beta1: Double = 0.9, beta2: Double = 0.999, weightDecay: Double = 0)",
                           doc: "An Adam optimiser.") { (_, lr: Double, b1: Double, b2: Double, wd: Double) in
                Adam(learningRate: lr, beta1: b1, beta2: b2, weightDecay: wd)
            }
            t.method("func update(_ gradients: Gradients)", doc: "One step against the gradients.") { (o: Adam, g: Gradients) in
                try o.update(g)
                return Nothing()
            }
            t.property("var learningRate: Double", doc: "The step size; set it between steps to change it.", get: { (o: Adam) in o.learningRate },
                       set: { (o: Adam, v: Double) in o.learningRate = v })
            t.property("var schedule: LearningRateSchedule?", doc: "When set, each update takes its rate from it (update k uses rate(at: k)).",
                       get: { (o: Adam) in o.schedule }, set: { (o: Adam, v: LearningRateSchedule?) in o.schedule = v })
        }
        let sgd = libraryDecl("SGD")
        extend(sgd) { t in
            t.staticMethod("init(learningRate: Double, momentum: Double = 0)", doc: "An SGD optimiser.") { (_, lr: Double, m: Double) in
                SGD(learningRate: lr, momentum: m)
            }
            t.method("func update(_ gradients: Gradients)", doc: "One step against the gradients.") { (o: SGD, g: Gradients) in
                try o.update(g)
                return Nothing()
            }
            t.property("var learningRate: Double", doc: "The step size; set it between steps to change it.", get: { (o: SGD) in o.learningRate },
                       set: { (o: SGD, v: Double) in o.learningRate = v })
            t.property("var schedule: LearningRateSchedule?", doc: "When set, each update takes its rate from it (update k uses rate(at: k)).",
                       get: { (o: SGD) in o.schedule }, set: { (o: SGD, v: LearningRateSchedule?) in o.schedule = v })
        }
        extend(libraryDecl("LearningRateSchedule")) { t in
            t.staticMethod("static func constant(_ rate: Double) -> LearningRateSchedule", doc: "The same rate at every step.") {
                (_, r: Double) in try LearningRateSchedule.constant(r).validated()
            }
            t.staticMethod("static func stepDecay(initial: Double, every: Int, factor: Double) -> LearningRateSchedule",
                           doc: "initial · factor^⌊step / every⌋ (PyTorch's StepLR).") {
                (_, initial: Double, every: Int, factor: Double) in try LearningRateSchedule.stepDecay(initial: initial, every: every, factor: factor).validated()
            }
            t.staticMethod("static func exponential(initial: Double, factor: Double) -> LearningRateSchedule",
                           doc: "initial · factor^step (PyTorch's ExponentialLR).") {
                (_, initial: Double, factor: Double) in try LearningRateSchedule.exponential(initial: initial, factor: factor).validated()
            }
            t.staticMethod("static func cosine(initial: Double, minimum: Double = 0, steps: Int) -> LearningRateSchedule",
                           doc: "From initial down to minimum over steps along half a cosine (PyTorch's CosineAnnealingLR).") {
                (_, initial: Double, minimum: Double, steps: Int) in try LearningRateSchedule.cosine(initial: initial, minimum: minimum, steps: steps).validated()
            }
            t.staticMethod("static func linear(initial: Double, startFactor: Double, endFactor: Double = 1, steps: Int) -> LearningRateSchedule",
                           doc: "initial times a factor going linearly from startFactor to endFactor over steps: a warm-up (PyTorch's LinearLR).") {
                (_, initial: Double, start: Double, end: Double, steps: Int) in
                try LearningRateSchedule.linear(initial: initial, startFactor: start, endFactor: end, steps: steps).validated()
            }
            t.staticMethod("static func sequence(_ first: LearningRateSchedule, steps: Int, then: LearningRateSchedule) -> LearningRateSchedule",
                           doc: "first for steps steps, then the other from its own step 0: a warm-up, then a decay (PyTorch's SequentialLR).") {
                (_, first: LearningRateSchedule, steps: Int, then: LearningRateSchedule) in
                try LearningRateSchedule.sequence(first, steps: steps, then: then).validated()
            }
            t.method("func rate(at step: Int) -> Double", doc: "The rate for a step (0 for the first update).") {
                (s: LearningRateSchedule, k: Int) in s.rate(at: k)
            }
        }
        let gradients = libraryDecl("Gradients")
        extend(gradients) { t in
            t.property("var norm: Double", doc: "The global L2 norm.") { (g: Gradients) in g.globalNorm }
            t.method("func clipped(maxNorm: Double) -> Gradients", doc: "Scaled down so the global norm is at most maxNorm.") {
                (g: Gradients, m: Double) in try g.clipped(maxNorm: m)
            }
        }
        typedFunction("func valueAndGrad(_ model: any Module, _ loss: () -> Tensor) -> (loss: Double, gradients: Gradients)",
                      doc: "A loss computed from the model, and its gradients for the model's parameters.", topic: "Gradients") {
            (_, model: AnyModule, loss: CellFunction0<Tensor>) in try lossAndGradients([model], prefixed: false, loss)
        }
        typedFunction("func valueAndGrad(_ models: (any Module, any Module), _ loss: () -> Tensor) -> (loss: Double, gradients: Gradients)",
                      doc: "A loss of two models (an encoder and a decoder), and its gradients for both: one optimiser updates both.",
                      topic: "Gradients") {
            (_, models: Pair<AnyModule, AnyModule>, loss: CellFunction0<Tensor>) in try lossAndGradients([models.first, models.second], prefixed: true, loss)
        }
        typedFunction("func valueAndGrad(_ models: (any Module, any Module, any Module), _ loss: () -> Tensor) -> (loss: Double, gradients: Gradients)",
                      doc: "A loss of three models, and its gradients for all three.", topic: "Gradients") {
            (_, models: Triple<AnyModule, AnyModule, AnyModule>, loss: CellFunction0<Tensor>) in
            try lossAndGradients([models.first, models.second, models.third], prefixed: true, loss)
        }
        typedFunction("func valueAndGrad(_ models: [any Module], _ loss: () -> Tensor) -> (loss: Double, gradients: Gradients)",
                      doc: "A loss of any number of models, and its gradients for all of them.", topic: "Gradients") {
            (_, models: [AnyModule], loss: CellFunction0<Tensor>) in try lossAndGradients(models, prefixed: true, loss)
        }

        // Losses
        typedFunction("func mse(_ prediction: Tensor, _ target: Tensor) -> Tensor", doc: "Mean squared error.", topic: "Losses") {
            (_, p: Tensor, t: Tensor) in try Loss.meanSquaredError(p, t)
        }
        typedFunction("func binaryCrossEntropy(logits: Tensor, targets: Tensor) -> Tensor", doc: "Mean binary cross-entropy of logits against 0/1 targets.",
                      topic: "Losses") { (_, l: Tensor, t: Tensor) in try Loss.binaryCrossEntropy(logits: l, targets: t) }
        typedFunction("func crossEntropy(logits: Tensor, labels: Tensor) -> Tensor", doc: "Mean cross-entropy of logits against integer class labels.",
                      topic: "Losses") { (_, l: Tensor, y: Tensor) in try Loss.crossEntropy(logits: l, labels: y) }
        typedFunction("func gaussianNLL(mean: Tensor, logVariance: Tensor, target: Tensor) -> Tensor", doc: "Mean Gaussian negative log-likelihood.",
                      topic: "Losses") { (_, m: Tensor, v: Tensor, t: Tensor) in try Loss.gaussianNegativeLogLikelihood(mean: m, logVariance: v, target: t) }
        typedFunction("func klStandardNormal(mean: Tensor, logVariance: Tensor) -> Tensor", doc: "Mean KL(N(μ, σ²) ‖ N(0, 1)) per element.",
                      topic: "Losses") { (_, m: Tensor, v: Tensor) in try Loss.klDivergenceFromStandardNormal(mean: m, logVariance: v) }

        // Timing
        typedFunction("func timeIt(repeats: Int = 5, warmUp: Bool = true, _ body: () -> ()) -> Double",
                      doc: "The median seconds the block takes over repeats (after one untimed warm-up run unless warmUp is false).", topic: "Timing") {
            (cx, repeats: Int, warmUp: Bool, body: CellFunction0<Nothing>) in
            guard (1...1000).contains(repeats) else { throw cx.fail("repeats must be between 1 and 1000, got \(repeats)") }
            return try GenerativeModels.timeIt(repeats: repeats, warmUp: warmUp) { _ = try body() }
        }
    }
}

/// What every cell form of valueAndGrad gives: the loss as a number and the gradients of all the
/// models' parameters (one model keeps its own names; a tuple or array of them is prefixed by position).
private func lossAndGradients(_ models: [AnyModule], prefixed: Bool, _ loss: CellFunction0<Tensor>) throws -> Pair<Double, Gradients> {
    let (value, g) = !prefixed
        ? try NeuralNetworks.valueAndGrad(model: models[0].module) { try loss() }
        : try NeuralNetworks.valueAndGrad(models: models.map(\.module)) { try loss() }
    return Pair(try value.item, g)
}

/// A weight initialisation named in a cell: "default" (nil: the model's own), "pytorch",
/// "xavier" (Glorot uniform) or "kaiming" (He uniform for ReLU).
func initialization(_ name: String, _ cx: LibraryContext) throws -> Initialization? {
    switch name {
    case "default": return nil
    case "pytorch": return .pytorch
    case "xavier": return .xavierUniform
    case "kaiming": return .kaimingUniform(gain: 2.0.squareRoot())
    default: throw cx.fail("unknown initialization '\(name)'; choose \"default\", \"pytorch\", \"xavier\" or \"kaiming\"")
    }
}

/// An activation function by name.
func activation(_ name: String, _ cx: LibraryContext) throws -> Activation {
    if name == "leakyRelu" { return .leakyRelu(slope: 0.2) }
    let all: [Activation] = [.identity, .relu, .tanh, .sigmoid, .softplus, .gelu, .silu]
    guard let a = all.first(where: { $0.description == name }) else {
        throw cx.fail("unknown activation '\(name)'; choose one of \((all.map(\.description) + ["leakyRelu"]).joined(separator: ", "))")
    }
    return a
}
