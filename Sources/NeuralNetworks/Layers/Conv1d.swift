import Tensors

/// A 1-D convolution layer as PyTorch's `nn.Conv1d` (channels first, zero padding, `groups = 1`):
/// `weight` `[out, in, k]`, `bias` `[out]`, both uniform in ±1/√(in·k) as PyTorch draws them. A
/// causal layer pads `(k − 1)·dilation` zeros on the left only, so output `t` depends on inputs up to
/// `t` (WaveNet's causal dilated convolution): stacking dilations 1, 2, 4, … doubles the receptive
/// field per layer.
public final class Conv1d: Layer {
    /// The kernels, `[out, in, k]`.
    @Parameter public var weight: Tensor
    /// The bias, `[out]`, or nil for a layer without bias.
    public var bias: Tensor? {
        get { _bias?.value }
        set { if let newValue { _bias?.value = newValue } }
    }
    /// Storage of `bias` (reflection reports it as `bias`).
    private let _bias: ParameterReference?
    public let stride: Int, padding: Int, dilation: Int
    /// Whether all the padding goes on the left (see the type's description).
    public let causal: Bool
    /// The arithmetic of the convolution's matrix products (default `float64`; `float32` is
    /// PyTorch's, and faster).
    public var precision: ProductPrecision = .float64

    /// A layer from `inputs` to `outputs` channels with kernels of `kernelSize` taps.
    public init(_ inputs: Int, _ outputs: Int, kernelSize: Int, stride: Int = 1, padding: Int = 0, dilation: Int = 1,
                causal: Bool = false, bias: Bool = true, initialization: Initialization = .pytorch,
                using generator: RandomGenerator) throws {
        guard inputs > 0, outputs > 0, kernelSize > 0 else {
            throw TensorError.invalidArgument(
                operation: "Conv1d", reason: "channels and kernel size must be positive, got \(inputs) → \(outputs), kernel \(kernelSize)")
        }
        let fanIn = inputs * kernelSize
        let w = try initialization.weight(fanIn: fanIn, fanOut: outputs, using: generator)
        _weight = Parameter(wrappedValue: try w.reshaped([outputs, inputs, kernelSize]))
        _bias = bias ? ParameterReference(try initialization.bias(fanIn: fanIn, count: outputs, using: generator)) : nil
        self.stride = stride
        self.padding = padding
        self.dilation = dilation
        self.causal = causal
        // Check the settings now rather than on the first pass.
        _ = try Tensor.conv1d(Tensor.zeros([0, inputs, max(1, dilation) * kernelSize]), weight: weight,
                              stride: stride, padding: padding, dilation: dilation, causal: causal)
    }

    public var namedParameters: [(name: String, parameter: ParameterReference)] {
        [("weight", $weight)] + (_bias.map { [("bias", $0)] } ?? [])
    }

    /// Input channels.
    public var inputs: Int { weight.shape[1] }
    /// Output channels.
    public var outputs: Int { weight.shape[0] }
    /// Taps per kernel.
    public var kernelSize: Int { weight.shape[2] }
    /// How many input steps one output sees: `(k − 1)·dilation + 1`.
    public var receptiveField: Int { (kernelSize - 1) * dilation + 1 }

    /// The convolution of `x` `[N, in, L]`: `[N, out, Lo]`.
    public func callAsFunction(_ x: Tensor) throws -> Tensor {
        try Tensor.conv1d(x, weight: weight, bias: _bias?.value, stride: stride, padding: padding, dilation: dilation, causal: causal,
                       precision: precision)
    }
}
