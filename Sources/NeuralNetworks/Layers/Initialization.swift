import Tensors

/// How a weight matrix of shape `[fanIn, fanOut]` is drawn.
///
/// References: X. Glorot, Y. Bengio, "Understanding the difficulty of training deep feedforward neural
/// networks", AISTATS 2010; K. He et al., "Delving deep into rectifiers", ICCV 2015.
public enum Initialization: Sendable, Equatable {
    /// Uniform in ±√(6 / (fanIn + fanOut)) (Glorot/Xavier).
    case xavierUniform
    /// Normal with standard deviation √(2 / (fanIn + fanOut)) (Glorot/Xavier).
    case xavierNormal
    /// Uniform in ±gain·√(3 / fanIn) (He/Kaiming).
    case kaimingUniform(gain: Double)
    /// Normal with standard deviation gain / √fanIn (He/Kaiming).
    case kaimingNormal(gain: Double)
    /// Normal with the given standard deviation.
    case normal(standardDeviation: Double)
    /// All zeros.
    case zeros
    /// PyTorch's `nn.Linear` default: weight *and bias* uniform in ±1/√fanIn (`kaiming_uniform_`
    /// with a = √5). Every other scheme starts biases at zero, which puts every ReLU's kink
    /// through the origin of its input at the start: a small generator then stays a radial map
    /// of its noise (a GAN on an 8-mode ring covers 0 of 8 modes in PyTorch with zero biases,
    /// 7–8 with these).
    case pytorch

    /// The weight drawn from `generator`.
    public func weight(fanIn: Int, fanOut: Int, using generator: RandomGenerator) throws -> Tensor {
        let shape = [fanIn, fanOut]
        let fi = Double(max(fanIn, 1)), fo = Double(max(fanOut, 1))
        switch self {
        case .xavierUniform:
            let a = (6 / (fi + fo)).squareRoot()
            return try Tensor.randomUniform(shape, low: -a, high: a, using: generator)
        case .xavierNormal:
            return try Tensor.randomNormal(shape, standardDeviation: (2 / (fi + fo)).squareRoot(), using: generator)
        case .kaimingUniform(let gain):
            let a = gain * (3 / fi).squareRoot()
            return try Tensor.randomUniform(shape, low: -a, high: a, using: generator)
        case .kaimingNormal(let gain):
            return try Tensor.randomNormal(shape, standardDeviation: gain / fi.squareRoot(), using: generator)
        case .normal(let sd):
            return try Tensor.randomNormal(shape, standardDeviation: sd, using: generator)
        case .zeros:
            return try Tensor.zeros(shape)
        case .pytorch:
            let a = 1 / fi.squareRoot()
            return try Tensor.randomUniform(shape, low: -a, high: a, using: generator)
        }
    }

    /// The bias of a layer with `fanIn` inputs and `count` outputs: uniform in ±1/√fanIn for
    /// `.pytorch`, zeros otherwise.
    public func bias(fanIn: Int, count: Int, using generator: RandomGenerator) throws -> Tensor {
        guard self == .pytorch else { return try Tensor.zeros([count]) }
        let a = 1 / Double(max(fanIn, 1)).squareRoot()
        return try Tensor.randomUniform([count], low: -a, high: a, using: generator)
    }
}
