import Tensors

/// An affine map `y = x·W + b` on the last axis, with `W` of shape `[inputs, outputs]` (so no transpose
/// is needed) and `b` of shape `[outputs]`, initialised from a seeded generator.
public final class Linear: Layer {
    /// The weight matrix, `[inputs, outputs]`.
    @Parameter public var weight: Tensor
    /// The bias vector, `[outputs]`, or nil for a layer without bias.
    public var bias: Tensor? {
        get { _bias?.value }
        set { if let newValue { _bias?.value = newValue } }
    }
    /// Storage of `bias` (reflection reports it as `bias`).
    private let _bias: ParameterReference?
    /// The arithmetic of the matrix product (default `float64`; `float32` is PyTorch's, faster).
    public var precision: ProductPrecision = .float64

    /// A layer from `inputs` to `outputs` features; the weight is drawn with `initialization`
    /// (Glorot uniform by default), then the bias (zero, except for `.pytorch`).
    public init(_ inputs: Int, _ outputs: Int, bias: Bool = true,
                initialization: Initialization = .xavierUniform, using generator: RandomGenerator) throws {
        guard inputs > 0, outputs > 0 else {
            throw TensorError.invalidArgument(operation: "Linear", reason: "sizes must be positive, got \(inputs) → \(outputs)")
        }
        _weight = Parameter(wrappedValue: try initialization.weight(fanIn: inputs, fanOut: outputs, using: generator))
        _bias = bias ? ParameterReference(try initialization.bias(fanIn: inputs, count: outputs, using: generator)) : nil
    }

    public var namedParameters: [(name: String, parameter: ParameterReference)] {
        [("weight", $weight)] + (_bias.map { [("bias", $0)] } ?? [])
    }

    /// The number of input features.
    public var inputs: Int { weight.shape[0] }
    /// The number of output features.
    public var outputs: Int { weight.shape[1] }

    /// `x·W + b` for `x` of shape `[…, inputs]`; throws naming both shapes on a mismatch.
    public func callAsFunction(_ x: Tensor) throws -> Tensor {
        guard x.rank >= 1, x.shape[x.rank - 1] == inputs else {
            throw TensorError.shapeMismatch(operation: "Linear(\(inputs) → \(outputs))", lhs: x.shape, rhs: weight.shape)
        }
        guard let bias = _bias?.value else { return try x.matmul(weight, precision: precision) }
        return try Tensor.affine(x, weight, bias, precision: precision)
    }
}
