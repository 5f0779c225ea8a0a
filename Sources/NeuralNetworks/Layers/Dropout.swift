import Tensors

/// Dropout (Srivastava et al., 2014), as PyTorch's `nn.Dropout`: in training each element is zeroed
/// with probability `probability` and the others scaled by 1/(1 − probability), so that every
/// element keeps its expected value; in evaluation the layer is left out. A regulariser: no unit can
/// rely on another being present.
public struct Dropout: Sendable {
    /// The probability of zeroing an element, in [0, 1).
    public let probability: Double

    public init(_ probability: Double) throws {
        guard probability >= 0, probability < 1 else {
            throw TensorError.invalidArgument(operation: "Dropout", reason: "the probability must lie in [0, 1), got \(probability)")
        }
        self.probability = probability
    }

    /// `x` with each element zeroed or scaled by 1/(1 − p), by `generator`'s uniform draws in
    /// row-major order (a training step); differentiable in `x`.
    public func callAsFunction(_ x: Tensor, using generator: RandomGenerator) throws -> Tensor {
        guard probability > 0 else { return x }
        let keep = 1 - probability, scale = 1 / keep
        let mask = try Tensor(shape: x.shape, data: (0..<x.count).map { _ in generator.uniform() < keep ? scale : 0 })
        return try x * mask
    }
}
