/// Changing how elements are arranged: reshape, transpose/permute, adding and removing unit axes,
/// broadcasting. All are differentiable.
extension Tensor {
    /// The same elements with a new shape of equal element count; one size may be -1 (inferred).
    public func reshaped(_ newShape: [Int]) throws -> Tensor {
        var shape = newShape
        let mismatch = TensorError.shapeMismatch(operation: "reshape", lhs: self.shape, rhs: newShape)
        if let inferred = shape.firstIndex(of: -1) {
            var known = shape
            known.remove(at: inferred)
            guard shape.filter({ $0 == -1 }).count == 1, (try? Shape.validate(known, operation: "reshape")) != nil else {
                throw mismatch
            }
            let product = Shape.count(known)
            guard product > 0, count % product == 0 else { throw mismatch }
            shape[inferred] = count / product
        }
        guard (try? Shape.validate(shape, operation: "reshape")) != nil, Shape.count(shape) == count else {
            throw mismatch
        }
        return reshapedUnchecked(shape)
    }

    /// Reshape to a shape already known to have the same element count.
    func reshapedUnchecked(_ shape: [Int]) -> Tensor {
        if shape == self.shape { return self }
        var out = Tensor(uncheckedShape: shape, scalars: scalars)
        out = Tensor.tracked(out, self, .reshape(inputShape: self.shape))
        return out
    }

    /// The elements as a vector.
    public func flattened() -> Tensor { reshapedUnchecked([count]) }

    /// The axes reversed: the transpose of a matrix; a vector or scalar is unchanged.
    public var T: Tensor { transposed() }

    /// The axes reversed: the transpose of a matrix; a vector or scalar is unchanged.
    public func transposed() -> Tensor {
        permutedUnchecked(Array((0..<rank).reversed()))
    }

    /// Axes `a` and `b` swapped (PyTorch's `transpose(a, b)`).
    public func transposed(_ a: Int, _ b: Int) throws -> Tensor {
        let a = try Shape.axis(a, rank: rank, operation: "transpose")
        let b = try Shape.axis(b, rank: rank, operation: "transpose")
        var axes = Array(0..<rank)
        axes.swapAt(a, b)
        return permutedUnchecked(axes)
    }

    /// The axes rearranged: output axis `i` is input axis `axes[i]` (NumPy's `transpose(axes)`).
    public func permuted(_ axes: [Int]) throws -> Tensor {
        let normalized = try axes.map { try Shape.axis($0, rank: rank, operation: "permute") }
        guard normalized.count == rank, Set(normalized).count == rank else {
            throw TensorError.invalidArgument(
                operation: "permute", reason: "axes \(axes) are not a permutation of 0..<\(rank) for shape \(shape)")
        }
        return permutedUnchecked(normalized)
    }

    func permutedUnchecked(_ axes: [Int]) -> Tensor {
        if axes == Array(0..<rank) { return self }
        let newShape = axes.map { shape[$0] }
        // Moving only unit axes keeps the element order: a reshape suffices.
        let data = axes.filter({ shape[$0] != 1 }) == (0..<rank).filter({ shape[$0] != 1 })
            ? scalars : Copy.permute(scalars, shape: shape, axes: axes)
        var out = Tensor(uncheckedShape: newShape, scalars: data)
        out = Tensor.tracked(out, self, .permute(axes: axes))
        return out
    }

    /// A new axis of size 1 inserted at `axis` (which may be `rank`, or negative counting from the end).
    public func expandedDimensions(axis: Int) throws -> Tensor {
        let a = try Shape.axis(axis, rank: rank + 1, operation: "expandedDimensions")
        var newShape = shape
        newShape.insert(1, at: a)
        return reshapedUnchecked(newShape)
    }

    /// The axis `axis` removed; it must have size 1.
    public func squeezed(axis: Int) throws -> Tensor {
        let a = try Shape.axis(axis, rank: rank, operation: "squeeze")
        guard shape[a] == 1 else {
            throw TensorError.invalidShape(operation: "squeeze", shape: shape, reason: "axis \(axis) has size \(shape[a]), not 1")
        }
        var newShape = shape
        newShape.remove(at: a)
        return reshapedUnchecked(newShape)
    }

    /// Every axis of size 1 removed.
    public func squeezed() -> Tensor {
        reshapedUnchecked(shape.filter { $0 != 1 })
    }

    /// The tensor stretched to `newShape` by NumPy's broadcasting rules.
    public func broadcast(to newShape: [Int]) throws -> Tensor {
        guard Shape.broadcast(shape, newShape) == newShape else {
            throw TensorError.shapeMismatch(operation: "broadcast", lhs: shape, rhs: newShape)
        }
        try Shape.validate(newShape, operation: "broadcast")
        return broadcastUnchecked(to: newShape)
    }

    func broadcastUnchecked(to newShape: [Int]) -> Tensor {
        if newShape == shape { return self }
        var out = Tensor(uncheckedShape: newShape, scalars: Copy.broadcast(scalars, shape: shape, to: newShape))
        out = Tensor.tracked(out, self, .broadcast(inputShape: shape))
        return out
    }

    /// The sum of a (broadcast) gradient over the axes that broadcasting stretched, giving `target`.
    /// Total for any pair of broadcast-compatible shapes: a gradient of lower rank than `target` is
    /// given leading axes of size 1, and one of size 1 where `target` is larger is spread over it.
    func summed(toShape target: [Int]) -> Tensor {
        if shape == target { return self }
        if rank < target.count {
            return reshapedUnchecked(Array(repeating: 1, count: target.count - rank) + shape).summed(toShape: target)
        }
        let lead = rank - target.count
        var axes = Array(0..<lead)
        for i in 0..<target.count where target[i] == 1 && shape[i + lead] != 1 { axes.append(i + lead) }
        let reduced = sumUnchecked(axes: axes, keepDims: true)
        let trimmed = reduced.reshapedUnchecked(Array(reduced.shape.suffix(target.count)))
        return trimmed.shape == target ? trimmed : trimmed.broadcastUnchecked(to: target)
    }
}
