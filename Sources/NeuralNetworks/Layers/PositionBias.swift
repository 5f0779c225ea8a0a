import Tensors

/// A learned bias for every feature map at every position, `[channels, height, width]`, added to
/// `[batch, channels, height, width]` feature maps; zero at the start. Convolutions apply the same
/// weights everywhere, so they cannot tell where in the image they are; this bias can (PixelCNN's
/// location-dependent bias, van den Oord et al., "Conditional Image Generation with PixelCNN
/// Decoders", 2016). It depends on the position only, never on the pixels, so it keeps a masked
/// network autoregressive.
public final class PositionBias: Layer {
    @Parameter public var bias: Tensor

    /// A zero bias for `channels` maps of `height`×`width`.
    public init(channels: Int, height: Int, width: Int) throws {
        guard channels > 0, height > 0, width > 0 else {
            throw TensorError.invalidArgument(operation: "PositionBias", reason: "sizes must be positive, got \(channels)×\(height)×\(width)")
        }
        _bias = Parameter(wrappedValue: try Tensor.zeros([channels, height, width]))
    }

    public var namedParameters: [(name: String, parameter: ParameterReference)] { [("positionBias", $bias)] }

    /// `x + bias` for `x` `[batch, channels, height, width]`; throws naming both shapes otherwise.
    public func callAsFunction(_ x: Tensor) throws -> Tensor {
        guard x.rank == 4, Array(x.shape.dropFirst()) == bias.shape else {
            throw TensorError.shapeMismatch(operation: "PositionBias", lhs: x.shape, rhs: bias.shape)
        }
        return try x + bias
    }
}
