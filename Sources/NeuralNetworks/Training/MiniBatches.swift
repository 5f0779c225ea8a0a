import Tensors

/// The rows of `tensors` (which share their first axis) split into mini-batches of `batchSize`, in a
/// shuffled order drawn from `generator` (or in order when it is nil); the last batch may be smaller.
/// Each element holds one batch of every tensor: `for batch in try miniBatches([x, y], …) { batch[0]; batch[1] }`.
public func miniBatches(_ tensors: [Tensor], batchSize: Int, using generator: RandomGenerator?) throws -> [[Tensor]] {
    guard let first = tensors.first, first.rank >= 1 else {
        throw TensorError.invalidArgument(operation: "miniBatches", reason: "needs at least one tensor with a first axis")
    }
    let n = first.shape[0]
    for t in tensors where t.rank < 1 || t.shape[0] != n {
        throw TensorError.shapeMismatch(operation: "miniBatches", lhs: first.shape, rhs: t.shape)
    }
    let batches: [[Int]]
    if let generator {
        batches = try generator.batches(count: n, size: batchSize)
    } else {
        guard batchSize > 0 else {
            throw TensorError.invalidArgument(operation: "miniBatches", reason: "batch size must be positive")
        }
        batches = stride(from: 0, to: n, by: batchSize).map { Array($0..<min($0 + batchSize, n)) }
    }
    return try batches.map { indices in try tensors.map { try $0.take(indices, axis: 0) } }
}

/// The rows of `x` split into shuffled mini-batches of `batchSize` (see `miniBatches(_:batchSize:using:)`).
public func miniBatches(_ x: Tensor, batchSize: Int, using generator: RandomGenerator?) throws -> [Tensor] {
    try miniBatches([x], batchSize: batchSize, using: generator).map { $0[0] }
}
