import Tensors

/// A 2-D convolution layer as PyTorch's `nn.Conv2d` (channels first, zero padding, `groups = 1`):
/// `weight` `[out, in, kH, kW]`, `bias` `[out]`, initialised as PyTorch does (both uniform in
/// ±1/√(in·kH·kW)). A masked layer convolves with its weight times a fixed 0/1 `mask` on every
/// pass, so masked taps neither contribute nor learn (PixelCNN's masked convolutions,
/// `ConvolutionMask`); they are skipped, not multiplied by zero.
public final class Conv2d: Layer {
    /// The kernels, `[out, in, kH, kW]`.
    @Parameter public var weight: Tensor
    /// The bias, `[out]`, or nil for a layer without bias.
    public var bias: Tensor? {
        get { _bias?.value }
        set { if let newValue { _bias?.value = newValue } }
    }
    /// Storage of `bias` (reflection reports it as `bias`).
    private let _bias: ParameterReference?
    /// Per spatial axis (height, width).
    public let stride: [Int], padding: [Int], dilation: [Int]
    /// The fixed 0/1 mask `[kH, kW]` multiplied into every kernel, or nil.
    public let mask: Tensor?
    /// Which mask, for the description of a masked layer.
    public let maskType: ConvolutionMask?
    /// The arithmetic of the convolution's matrix products (default `float64`; `float32` is
    /// PyTorch's, and faster).
    public var precision: ProductPrecision = .float64

    /// A layer from `inputs` to `outputs` channels with square `kernelSize` kernels (or
    /// `[kH, kW]`); `stride`, `padding` and `dilation` take one value or one per axis.
    public init(_ inputs: Int, _ outputs: Int, kernelSize: [Int], stride: [Int] = [1], padding: [Int] = [0],
                dilation: [Int] = [1], bias: Bool = true, mask: ConvolutionMask? = nil,
                initialization: Initialization = .pytorch, using generator: RandomGenerator) throws {
        let kernel = kernelSize.count == 1 ? [kernelSize[0], kernelSize[0]] : kernelSize
        guard inputs > 0, outputs > 0, kernel.count == 2, kernel.allSatisfy({ $0 > 0 }) else {
            throw TensorError.invalidArgument(
                operation: "Conv2d", reason: "channels and kernel sizes must be positive, got \(inputs) → \(outputs), kernel \(kernelSize)")
        }
        let fanIn = inputs * kernel[0] * kernel[1]
        let w = try initialization.weight(fanIn: fanIn, fanOut: outputs, using: generator)
        _weight = Parameter(wrappedValue: try w.reshaped([outputs, inputs, kernel[0], kernel[1]]))
        _bias = bias ? ParameterReference(try initialization.bias(fanIn: fanIn, count: outputs, using: generator)) : nil
        self.stride = stride
        self.padding = padding
        self.dilation = dilation
        self.mask = try mask.map { try $0.mask(height: kernel[0], width: kernel[1]) }
        maskType = mask
        // Check the settings now rather than on the first pass.
        let span = max(1, dilation.max() ?? 1)
        _ = try Tensor.conv2d(Tensor.zeros([0, inputs, span * kernel[0], span * kernel[1]]), weight: weight,
                              stride: stride, padding: padding, dilation: dilation)
    }

    public var namedParameters: [(name: String, parameter: ParameterReference)] {
        [("weight", $weight)] + (_bias.map { [("bias", $0)] } ?? [])
    }

    /// Input channels.
    public var inputs: Int { weight.shape[1] }
    /// Output channels.
    public var outputs: Int { weight.shape[0] }
    /// `[kH, kW]`.
    public var kernelSize: [Int] { [weight.shape[2], weight.shape[3]] }

    /// The kernels as applied: `weight` times the mask, if any.
    public var effectiveWeight: Tensor {
        get throws { try mask.map { try weight * $0 } ?? weight }
    }

    /// The convolution of `x` `[N, in, H, W]`: `[N, out, Ho, Wo]`.
    public func callAsFunction(_ x: Tensor) throws -> Tensor {
        try Tensor.conv2d(x, weight: weight, bias: _bias?.value, stride: stride, padding: padding, dilation: dilation, mask: mask,
                       precision: precision)
    }
}

/// PixelCNN's kernel masks (van den Oord et al., 2016), for pixels generated in raster order: a tap
/// is kept when it lies above the centre row, or on it to the left of the centre. Type A also drops
/// the centre (the first layer: a pixel must not see itself); type B keeps it (later layers, whose
/// centre feature already depends only on earlier pixels).
public enum ConvolutionMask: String, Sendable, Equatable, CaseIterable {
    case a = "A"
    case b = "B"

    /// The `[height, width]` mask; both sizes must be odd so that the kernel has a centre.
    public func mask(height: Int, width: Int) throws -> Tensor {
        guard height % 2 == 1, width % 2 == 1 else {
            throw TensorError.invalidArgument(operation: "mask \(rawValue)", reason: "a masked kernel needs odd sizes (a centre), got \(height)×\(width)")
        }
        let (ci, cj) = (height / 2, width / 2)
        var values: [Double] = []
        for i in 0..<height {
            for j in 0..<width {
                let kept = i < ci || (i == ci && (j < cj || (j == cj && self == .b)))
                values.append(kept ? 1 : 0)
            }
        }
        return try Tensor(shape: [height, width], data: values)
    }
}
