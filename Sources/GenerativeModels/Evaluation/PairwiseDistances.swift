import Tensors

/// Squared Euclidean distances between the rows of two point sets, the core of the kernel and
/// nearest-neighbour measures: `‖a_i‖² + ‖b_j‖² − 2 a_i·b_j` through one matrix product, clamped at 0.
enum PairwiseDistances {
    /// `[n, m]` squared distances between the rows of `a` (`[n, d]`) and `b` (`[m, d]`).
    static func squared(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        let aNorms = try a.square().sum(axis: 1, keepDims: true)
        let bNorms = try b.square().sum(axis: 1).reshaped([1, -1])
        let cross = try Tensor.matmul(a, b, transposeB: true)
        return try (aNorms + bNorms - 2 * cross).clamped(min: 0)
    }

    /// Checks that `a` and `b` are non-empty `[n, d]` point sets of one dimension, naming `operation`.
    static func validate(_ a: Tensor, _ b: Tensor, operation: String) throws {
        guard a.rank == 2, b.rank == 2, a.shape[1] == b.shape[1] else {
            throw TensorError.invalidArgument(
                operation: operation, reason: "expected two point sets [n, d] and [m, d], got \(a.shape) and \(b.shape)")
        }
        guard a.shape[0] > 0, b.shape[0] > 0 else {
            throw TensorError.invalidArgument(operation: operation, reason: "both point sets need at least one row")
        }
        guard a.allFinite, b.allFinite else {
            throw TensorError.invalidArgument(operation: operation, reason: "the points contain NaN or infinite values")
        }
    }
}
