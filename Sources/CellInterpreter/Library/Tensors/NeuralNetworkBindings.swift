import NeuralNetworks
import Tensors

/// A layer or model of the NeuralNetworks library as cells hold it: callable on a tensor.
final class ModuleValue: LibraryValue, CustomStringConvertible {
    let module: any Layer
    let typeName: String

    init(_ module: any Layer, typeName: String) {
        self.module = module
        self.typeName = typeName
    }

    var description: String { "<\(typeName), \(module.parameterCount) parameters>" }
}

/// An optimiser as cells hold it.
final class OptimizerValue: LibraryValue, CustomStringConvertible {
    let optimizer: Optimizer
    let typeName: String

    init(_ optimizer: Optimizer, typeName: String) {
        self.optimizer = optimizer
        self.typeName = typeName
    }

    var description: String { "<\(typeName), learning rate \(formatDouble(optimizer.learningRate)), step \(optimizer.step)>" }
}

/// The gradients of a model's parameters, from `valueAndGrad(model) { loss }`.
final class GradientsValue: LibraryValue, CustomStringConvertible {
    let gradients: Gradients
    var typeName: String { "Gradients" }

    init(_ gradients: Gradients) {
        self.gradients = gradients
    }

    var description: String { "<Gradients of \(gradients.names.count) tensors, norm \(formatDouble(gradients.globalNorm))>" }
}

extension Registry {
    func registerNeuralNetworks() {
        let call = "callAsFunction(_ x: Tensor) -> Tensor"
        let forward = NativeFunction(call, doc: "Runs the layer on a batch (rows are examples).") { call in
            .tensor(try call.receiver(as: ModuleValue.self).module(try call.tensor(0)))
        }
        let parameterCount = NativeProperty("parameterCount", "Int", doc: "The number of trainable scalars.", get: { v in
            guard case .object(let m as ModuleValue) = v else { return .int(0) }
            return .int(m.module.parameterCount)
        })

        type(TypeBinding("Linear", doc: "A fully connected layer y = x W + b (Glorot-initialised from the notebook's generator).")
            .initializer(NativeFunction("init(_ inputs: Int, _ outputs: Int, bias: Bool = true)", doc: "A layer from inputs to outputs features.") { call in
                .object(ModuleValue(try Linear(try call.int(0), try call.int(1), bias: try call.bool(2, default: true), using: call.generator),
                                    typeName: "Linear"))
            })
            .method(forward).property(parameterCount)
            .property(NativeProperty("weight", "Tensor", doc: "The inputs × outputs weight matrix.", get: { v in
                guard case .object(let m as ModuleValue) = v, let layer = m.module as? Linear else { return .none }
                return .tensor(layer.weight)
            })),
             topic: "Neural networks")

        type(TypeBinding("MLP", doc: "A multilayer perceptron through the given widths (Kaiming-initialised).")
            .initializer(NativeFunction("init(widths: [Int], activation: String = \"relu\", outputActivation: String = \"identity\")",
                                        doc: "Layers between successive widths; activations: relu, tanh, sigmoid, softplus, gelu, silu, identity.") { call in
                let mlp = try MLP(widths: try call.ints(0), activation: try activation(call, 1, default: "relu"),
                                  outputActivation: try activation(call, 2, default: "identity"), using: call.generator)
                return .object(ModuleValue(mlp, typeName: "MLP"))
            })
            .method(forward).property(parameterCount),
             topic: "Neural networks")

        for (name, doc) in [("Adam", "Adam with bias correction (Kingma & Ba, 2015)."), ("SGD", "Stochastic gradient descent, optionally with momentum.")] {
            let binding = TypeBinding(name, doc: doc)
            if name == "Adam" {
                binding.initializer(NativeFunction("init(learningRate: Double = 0.001, beta1: Double = 0.9, beta2: Double = 0.999, weightDecay: Double = 0)",
                                                   doc: "An Adam optimiser.") { call in
                    .object(OptimizerValue(Adam(learningRate: try call.double(0, default: 1e-3), beta1: try call.double(1, default: 0.9),
                                                beta2: try call.double(2, default: 0.999), weightDecay: try call.double(3, default: 0)),
                                           typeName: "Adam"))
                })
            } else {
                binding.initializer(NativeFunction("init(learningRate: Double, momentum: Double = 0)", doc: "An SGD optimiser.") { call in
                    .object(OptimizerValue(SGD(learningRate: try call.double(0), momentum: try call.double(1, default: 0)), typeName: "SGD"))
                })
            }
            binding.method(NativeFunction("update(_ gradients: Gradients)", doc: "One step against the gradients.") { call in
                try call.receiver(as: OptimizerValue.self).optimizer.update(try call.object(0, as: GradientsValue.self, named: "Gradients").gradients)
                return .void
            })
            binding.property(NativeProperty("learningRate", "Double", doc: "The step size.", get: { v in
                guard case .object(let o as OptimizerValue) = v else { return .none }
                return .double(o.optimizer.learningRate)
            }, set: { v, new in
                guard case .object(let o as OptimizerValue) = v else { return }
                o.optimizer.learningRate = new.asDouble
            }))
            type(binding, topic: "Neural networks")
        }
        type(TypeBinding("Gradients", doc: "Gradients of a model's parameters.")
            .property(NativeProperty("norm", "Double", doc: "The global L2 norm.", get: { v in
                guard case .object(let g as GradientsValue) = v else { return .none }
                return .double(g.gradients.globalNorm)
            }))
            .method(NativeFunction("clipped(maxNorm: Double) -> Gradients", doc: "Scaled down so the global norm is at most maxNorm.") { call in
                .object(GradientsValue(try call.receiver(as: GradientsValue.self).gradients.clipped(maxNorm: try call.double(0))))
            }),
             topic: "Neural networks")

        function(NativeFunction("valueAndGrad(_ model: MLP, _ loss: () -> Tensor) -> (loss: Double, gradients: Gradients)",
                                doc: "A loss computed from the model, and its gradients for the model's parameters.") { call in
            let model = try call.object(0, as: ModuleValue.self, named: "a model")
            let loss = call.value(1)!
            let (value, gradients) = try NeuralNetworks.valueAndGrad(model: model.module) {
                let v = try call.call(loss, [])
                guard let t = try v.asTensor() else { throw call.fail("the loss must be a Tensor, got a value of type '\(v.typeName)'") }
                return t
            }
            return .tuple(TupleValue([.double(try value.item), .object(GradientsValue(gradients))], labels: ["loss", "gradients"]))
        }, topic: "Gradients")

        // Losses
        function(NativeFunction("mse(_ prediction: Tensor, _ target: Tensor) -> Tensor", doc: "Mean squared error.") { call in
            .tensor(try Loss.meanSquaredError(try call.tensor(0), try call.tensor(1)))
        }, topic: "Losses")
        function(NativeFunction("binaryCrossEntropy(logits: Tensor, targets: Tensor) -> Tensor", doc: "Mean binary cross-entropy of logits against 0/1 targets.") { call in
            .tensor(try Loss.binaryCrossEntropy(logits: try call.tensor(0), targets: try call.tensor(1)))
        }, topic: "Losses")
        function(NativeFunction("crossEntropy(logits: Tensor, labels: Tensor) -> Tensor", doc: "Mean cross-entropy of logits against integer class labels.") { call in
            .tensor(try Loss.crossEntropy(logits: try call.tensor(0), labels: try call.tensor(1)))
        }, topic: "Losses")
        function(NativeFunction("gaussianNLL(mean: Tensor, logVariance: Tensor, target: Tensor) -> Tensor", doc: "Mean Gaussian negative log-likelihood.") { call in
            .tensor(try Loss.gaussianNegativeLogLikelihood(mean: try call.tensor(0), logVariance: try call.tensor(1), target: try call.tensor(2)))
        }, topic: "Losses")
        function(NativeFunction("klStandardNormal(mean: Tensor, logVariance: Tensor) -> Tensor", doc: "Mean KL(N(μ, σ²) ‖ N(0, 1)) per element.") { call in
            .tensor(try Loss.klDivergenceFromStandardNormal(mean: try call.tensor(0), logVariance: try call.tensor(1)))
        }, topic: "Losses")
    }
}

func activation(_ call: Invocation, _ i: Int, default d: String) throws -> Activation {
    let name = try call.string(i, default: d)
    if name == "leakyRelu" { return .leakyRelu(slope: 0.2) }
    let all: [Activation] = [.identity, .relu, .tanh, .sigmoid, .softplus, .gelu, .silu]
    guard let a = all.first(where: { $0.description == name }) else {
        throw call.fail("unknown activation '\(name)'; choose one of \((all.map(\.description) + ["leakyRelu"]).joined(separator: ", "))")
    }
    return a
}
