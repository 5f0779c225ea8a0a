/// Diagonals and traces of matrices, differentiable (a gather of the diagonal's positions).
extension Tensor {
    /// The main diagonal of a matrix, or of each matrix in a batch (the last two axes):
    /// `[..., n, m]` gives `[..., min(n, m)]`, as PyTorch's `diagonal(dim1: -2, dim2: -1)`.
    public func diagonal() throws -> Tensor {
        guard rank >= 2 else {
            throw TensorError.invalidShape(operation: "diagonal", shape: shape, reason: "needs a matrix (or a batch of them)")
        }
        let n = shape[rank - 2], m = shape[rank - 1], k = Swift.min(n, m)
        let batch = count / Swift.max(n * m, 1)
        var positions: [Int] = []
        positions.reserveCapacity(batch * k)
        for b in 0..<batch { for i in 0..<k { positions.append(b * n * m + i * m + i) } }
        let data = scalars.withUnsafeBufferPointer { xp in positions.map { xp[$0] } }
        var out = Tensor(uncheckedShape: Array(shape.dropLast(2)) + [k], scalars: data)
        out = Tensor.tracked(out, self, .takeFlat(inputShape: shape, positions: positions))
        return out
    }

    /// The sum of the main diagonal of a matrix (of each matrix in a batch): `[..., n, m]` gives `[...]`.
    public func trace() throws -> Tensor {
        try diagonal().sum(axis: -1)
    }
}
