import Tensors

/// An elementwise nonlinearity, usable as a function (`Activation.relu(x)`) or as a layer.
public enum Activation: Sendable, Equatable, CustomStringConvertible {
    case identity, relu, tanh, sigmoid, softplus, gelu, silu
    case leakyRelu(slope: Double)
    case elu(alpha: Double)

    /// The nonlinearity applied elementwise.
    public func callAsFunction(_ x: Tensor) -> Tensor {
        switch self {
        case .identity: x
        case .relu: x.relu()
        case .tanh: x.tanh()
        case .sigmoid: x.sigmoid()
        case .softplus: x.softplus()
        case .gelu: x.gelu()
        case .silu: x.silu()
        case .leakyRelu(let slope): x.leakyRelu(slope: slope)
        case .elu(let alpha): x.elu(alpha: alpha)
        }
    }

    /// The gain Kaiming initialisation uses for this nonlinearity (PyTorch's `calculate_gain`).
    public var gain: Double {
        switch self {
        case .relu, .gelu, .silu, .elu: 2.0.squareRoot()
        case .leakyRelu(let slope): (2 / (1 + slope * slope)).squareRoot()
        case .tanh: 5.0 / 3
        case .identity, .sigmoid, .softplus: 1
        }
    }

    public var description: String {
        switch self {
        case .identity: "identity"
        case .relu: "relu"
        case .tanh: "tanh"
        case .sigmoid: "sigmoid"
        case .softplus: "softplus"
        case .gelu: "gelu"
        case .silu: "silu"
        case .leakyRelu(let slope): "leakyRelu(\(slope))"
        case .elu(let alpha): "elu(\(alpha))"
        }
    }
}

/// An activation as a parameter-free layer, for `Sequential`.
public final class ActivationLayer: Layer {
    /// The nonlinearity.
    public let activation: Activation

    /// A layer applying `activation`.
    public init(_ activation: Activation) {
        self.activation = activation
    }

    public var namedParameters: [(name: String, parameter: ParameterReference)] { [] }

    public func callAsFunction(_ x: Tensor) throws -> Tensor { activation(x) }
}
