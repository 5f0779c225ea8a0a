/// Selecting elements by integer positions (`take`, `takeAlong`), by a condition (`where`), and
/// one-hot encoding. `take` and `takeAlong` are differentiable with respect to the source tensor.
extension Tensor {
    /// The slices at `indices` along `axis` (NumPy's `take`, PyTorch's `index_select`); negative
    /// indices count from the end.
    public func take(_ indices: [Int], axis: Int = 0) throws -> Tensor {
        try take(indices, indexShape: [indices.count], axis: axis)
    }

    /// The slices at the integral values of `indices` along `axis`; the result has shape
    /// `shape[..<axis] + indices.shape + shape[(axis+1)...]`.
    public func take(_ indices: Tensor, axis: Int = 0) throws -> Tensor {
        try take(try indices.integers(operation: "take"), indexShape: indices.shape, axis: axis)
    }

    private func take(_ indices: [Int], indexShape: [Int], axis: Int) throws -> Tensor {
        let a = try Shape.axis(axis, rank: rank, operation: "take")
        let size = shape[a]
        let positions = try indices.map { i -> Int in
            let p = i < 0 ? i + size : i
            guard p >= 0, p < size else {
                throw TensorError.indexOutOfRange(operation: "take", index: i, axis: a, size: size)
            }
            return p
        }
        let (outer, _, inner) = Reduction.split(shape, axis: a)
        let outShape = Array(shape[..<a]) + indexShape + Array(shape[(a + 1)...])
        try Shape.validate(outShape, operation: "take")
        let m = positions.count
        let data = scalars.withUnsafeBufferPointer { xp in
            Elementwise.make(outer * m * inner) { out in
                for o in 0..<outer {
                    for (k, p) in positions.enumerated() {
                        let src = xp.baseAddress! + (o * size + p) * inner
                        let dst = out + (o * m + k) * inner
                        for j in 0..<inner { dst[j] = src[j] }
                    }
                }
            }
        }
        var out = Tensor(uncheckedShape: outShape, scalars: data)
        out = Tensor.tracked(out, self, .take(inputShape: shape, axis: a, positions: positions))
        return out
    }

    /// Elements picked along `axis` by an index tensor of the same shape except along `axis`
    /// (NumPy's `take_along_axis`, PyTorch's `gather`): `out[i][j] = x[i][indices[i][j]]` for axis 1.
    public func takeAlong(_ indices: Tensor, axis: Int) throws -> Tensor {
        let a = try Shape.axis(axis, rank: rank, operation: "takeAlong")
        var expected = shape
        expected[a] = indices.rank == rank ? indices.shape[a] : -1
        guard indices.shape == expected else {
            throw TensorError.shapeMismatch(operation: "takeAlong", lhs: shape, rhs: indices.shape)
        }
        let size = shape[a]
        let raw = try indices.integers(operation: "takeAlong")
        let (outer, m, inner) = Reduction.split(indices.shape, axis: a)
        var positions = [Int](repeating: 0, count: raw.count)
        for o in 0..<outer {
            for k in 0..<m {
                for j in 0..<inner {
                    let t = (o * m + k) * inner + j
                    let p = raw[t] < 0 ? raw[t] + size : raw[t]
                    guard p >= 0, p < size else {
                        throw TensorError.indexOutOfRange(operation: "takeAlong", index: raw[t], axis: a, size: size)
                    }
                    positions[t] = (o * size + p) * inner + j
                }
            }
        }
        let data = scalars.withUnsafeBufferPointer { xp in
            Elementwise.make(positions.count) { out in
                for (t, p) in positions.enumerated() { out[t] = xp[p] }
            }
        }
        var out = Tensor(uncheckedShape: indices.shape, scalars: data)
        out = Tensor.tracked(out, self, .takeFlat(inputShape: shape, positions: positions))
        return out
    }

    /// Elements of `a` where `condition` is non-zero and of `b` elsewhere, with broadcasting of all
    /// three (PyTorch's `torch.where`). Differentiable with respect to `a` and `b`.
    public static func `where`(_ condition: Tensor, _ a: Tensor, _ b: Tensor) throws -> Tensor {
        guard let ab = Shape.broadcast(a.shape, b.shape), let shape = Shape.broadcast(condition.shape, ab) else {
            throw TensorError.invalidArgument(
                operation: "where", reason: "cannot broadcast condition \(condition.shape), \(a.shape) and \(b.shape)")
        }
        try Shape.validate(shape, operation: "where")
        // Untracked operands of the result's shape: one pass over the three arrays, no mask made
        // (measured in the commit that added it, over 10⁶ elements).
        if a.tracker == nil && b.tracker == nil && condition.shape == shape && a.shape == shape && b.shape == shape {
            return Tensor(uncheckedShape: shape, scalars: Elementwise.zip3(condition.scalars, a.scalars, b.scalars) { $0 != 0 ? $1 : $2 })
        }
        let mask = Tensor(uncheckedShape: shape,
                          scalars: Copy.broadcast(condition.scalars.map { $0 != 0 ? 1 : 0 }, shape: condition.shape, to: shape))
        let a2 = a.broadcastUnchecked(to: shape), b2 = b.broadcastUnchecked(to: shape)
        var out = Tensor(uncheckedShape: shape, scalars: Elementwise.zip3(mask.scalars, a2.scalars, b2.scalars) { $0 != 0 ? $1 : $2 })
        out = Tensor.tracked(out, a2, b2, .where(mask: mask))
        return out
    }

    /// Vectors of length `classes` with a 1 at each integral value of this tensor (shape grows by one axis).
    public func oneHot(classes: Int) throws -> Tensor {
        let labels = try integers(operation: "oneHot")
        guard classes > 0 else { throw TensorError.invalidArgument(operation: "oneHot", reason: "classes must be positive") }
        let outShape = shape + [classes]
        try Shape.validate(outShape, operation: "oneHot")
        var data = [Double](repeating: 0, count: labels.count * classes)
        for (i, label) in labels.enumerated() {
            guard label >= 0, label < classes else {
                throw TensorError.indexOutOfRange(operation: "oneHot", index: label, axis: rank, size: classes)
            }
            data[i * classes + label] = 1
        }
        return Tensor(uncheckedShape: outShape, scalars: data)
    }

    /// The elements as integers; throws when one is not integral.
    func integers(operation: String) throws -> [Int] {
        try scalars.map { v in
            guard v.rounded() == v, Swift.abs(v) < 9.0e15 else {
                throw TensorError.invalidArgument(operation: operation, reason: "index \(v) is not an integer")
            }
            return Int(v)
        }
    }

    /// The elements as integers (for labels and indices); throws when one is not integral.
    public func integerScalars() throws -> [Int] { try integers(operation: "integerScalars") }
}
