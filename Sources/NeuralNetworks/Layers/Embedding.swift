import Tensors

/// A lookup table of learned vectors for a small vocabulary: token `i` maps to row `i` of `weight`.
public final class Embedding: Layer {
    /// The table, `[count, dimensions]`, initialised from N(0, 1).
    @Parameter public var weight: Tensor

    /// A table of `count` vectors of `dimensions` each.
    public init(count: Int, dimensions: Int, using generator: RandomGenerator) throws {
        guard count > 0, dimensions > 0 else {
            throw TensorError.invalidArgument(operation: "Embedding", reason: "count and dimensions must be positive")
        }
        _weight = Parameter(wrappedValue: try Tensor.randomNormal([count, dimensions], using: generator))
    }

    public var namedParameters: [(name: String, parameter: ParameterReference)] { [("weight", $weight)] }

    /// The vectors of the integral token ids in `indices`, of shape `indices.shape + [dimensions]`;
    /// throws for an id outside the table.
    public func callAsFunction(_ indices: Tensor) throws -> Tensor {
        try weight.take(indices, axis: 0)
    }
}
