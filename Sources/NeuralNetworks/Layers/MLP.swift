import Tensors

/// A multilayer perceptron: `Linear` layers through `widths` with `activation` between them and
/// `outputActivation` after the last. `MLP(widths: [64, 256, 2], activation: .relu, using: rng)`.
public final class MLP: Layer {
    /// The affine layers, first applied first.
    public let layers: [Linear]
    /// The nonlinearity between layers.
    public let activation: Activation
    /// The nonlinearity after the last layer.
    public let outputActivation: Activation

    /// An MLP through `widths` (at least two: input and output). Weights use Kaiming initialisation
    /// with the activation's gain (Glorot for `.identity`, `.tanh` and `.sigmoid`, and for the
    /// last layer) and zero biases, unless `initialization` is given (`.pytorch` applies to
    /// every layer, as `nn.Linear` does).
    public init(widths: [Int], activation: Activation = .relu, outputActivation: Activation = .identity,
                initialization: Initialization? = nil, using generator: RandomGenerator) throws {
        guard widths.count >= 2 else {
            throw TensorError.invalidArgument(operation: "MLP", reason: "needs at least two widths, got \(widths)")
        }
        let scheme: Initialization
        if let initialization {
            scheme = initialization
        } else {
            switch activation {
            case .identity, .tanh, .sigmoid: scheme = .xavierUniform
            default: scheme = .kaimingUniform(gain: activation.gain)
            }
        }
        layers = try (0..<(widths.count - 1)).map { i in
            try Linear(widths[i], widths[i + 1],
                       initialization: i == widths.count - 2 && scheme != .pytorch ? .xavierUniform : scheme, using: generator)
        }
        self.activation = activation
        self.outputActivation = outputActivation
    }

    public var namedParameters: [(name: String, parameter: ParameterReference)] {
        layers.enumerated().flatMap { i, layer in layer.namedParameters.map { ("layers.\(i).\($0.name)", $0.parameter) } }
    }

    /// The layer widths, input first.
    public var widths: [Int] { [layers[0].inputs] + layers.map(\.outputs) }

    public func callAsFunction(_ x: Tensor) throws -> Tensor {
        var h = x
        for (i, layer) in layers.enumerated() {
            h = try layer(h)
            h = i == layers.count - 1 ? outputActivation(h) : activation(h)
        }
        return h
    }
}
