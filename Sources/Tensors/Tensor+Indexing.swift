/// Subscripts and slicing: `x[i]`, `x[a..<b]`, `x[.all, j]`, and replacing a region. Both directions
/// are differentiable.
extension Tensor {
    /// The part of the tensor the indices select (see `TensorIndex`); `nil` adds an axis of size 1
    /// (`x[nil, 0..<3]`, NumPy's `None`). Throws for an index out of range.
    public subscript(_ indices: (any TensorIndexConvertible)?...) -> Tensor {
        get throws { try indexed(indices.map { $0?.tensorIndex ?? .newAxis }) }
    }

    /// `x[..., 1]`: the indices apply to the last axes and every leading axis is kept (NumPy's
    /// and PyTorch's Ellipsis).
    public subscript(_ leading: UnboundedRange, _ indices: (any TensorIndexConvertible)?...) -> Tensor {
        get throws { try indexed([.ellipsis] + indices.map { $0?.tensorIndex ?? .newAxis }) }
    }

    /// The part of the tensor the indices select (see `TensorIndex`); throws for an index out of range.
    public func indexed(_ indices: [TensorIndex]) throws -> Tensor {
        let (region, resultShape) = try resolve(indices, operation: "subscript")
        let part: Tensor
        if region == SliceRegion(whole: shape) {
            part = self
        } else {
            var out = Tensor(uncheckedShape: region.counts, scalars: region.read(scalars, shape: shape))
            out = Tensor.tracked(out, self, .slice(inputShape: shape, region: region))
            part = out
        }
        return part.reshapedUnchecked(resultShape)
    }

    /// A copy with the selected part replaced by `value` (broadcast to the part's shape).
    public func replacing(_ indices: any TensorIndexConvertible..., with value: Tensor) throws -> Tensor {
        try replacing(indices.map(\.tensorIndex), with: value)
    }

    /// A copy with the selected part set to `value`.
    public func replacing(_ indices: any TensorIndexConvertible..., with value: Double) throws -> Tensor {
        try replacing(indices.map(\.tensorIndex), with: Tensor(value))
    }

    /// Replaces the selected part by `value` (broadcast to the part's shape), in place.
    public mutating func replace(_ indices: any TensorIndexConvertible..., with value: Tensor) throws {
        self = try replacing(indices.map(\.tensorIndex), with: value)
    }

    /// Sets the selected part to `value`, in place.
    public mutating func replace(_ indices: any TensorIndexConvertible..., with value: Double) throws {
        self = try replacing(indices.map(\.tensorIndex), with: Tensor(value))
    }

    /// A copy with the part selected by `indices` replaced by `value` (broadcast to the part's shape).
    public func replacing(_ indices: [TensorIndex], with value: Tensor) throws -> Tensor {
        let (region, resultShape) = try resolve(indices, operation: "replace")
        guard Shape.broadcast(value.shape, resultShape) == resultShape else {
            throw TensorError.shapeMismatch(operation: "replace", lhs: resultShape, rhs: value.shape)
        }
        let patch = value.broadcastUnchecked(to: resultShape).reshapedUnchecked(region.counts)
        var data = scalars
        region.write(patch.scalars, into: &data, shape: shape)
        var out = Tensor(uncheckedShape: shape, scalars: data)
        out = Tensor.tracked(out, self, patch, .replace(inputShape: shape, region: region))
        return out
    }

    /// The strided region of this tensor the indices select, and the result's shape.
    func resolve(_ indices: [TensorIndex], operation: String) throws -> (SliceRegion, [Int]) {
        let consumed = indices.filter { $0 != .newAxis && $0 != .ellipsis }.count
        guard indices.filter({ $0 == .ellipsis }).count <= 1 else {
            throw TensorError.invalidArgument(operation: operation, reason: "at most one ellipsis is allowed")
        }
        guard consumed <= rank else {
            throw TensorError.invalidArgument(
                operation: operation, reason: "\(consumed) indices given for a tensor of shape \(shape)")
        }
        var expanded: [TensorIndex] = []
        for index in indices {
            if index == .ellipsis {
                expanded += [TensorIndex](repeating: .all, count: rank - consumed)
            } else {
                expanded.append(index)
            }
        }
        var region = SliceRegion(whole: shape)
        var resultShape: [Int] = []
        var axis = 0
        for index in expanded {
            switch index {
            case .newAxis:
                resultShape.append(1)
                continue
            case .ellipsis, .all:
                resultShape.append(shape[axis])
            case .index(let i):
                let size = shape[axis]
                let position = i < 0 ? i + size : i
                guard position >= 0, position < size else {
                    throw TensorError.indexOutOfRange(operation: operation, index: i, axis: axis, size: size)
                }
                region.starts[axis] = position
                region.counts[axis] = 1
            case let .range(start, end, step):
                let size = shape[axis]
                guard step > 0 else {
                    throw TensorError.invalidArgument(operation: operation, reason: "step \(step) must be positive")
                }
                var lo = start ?? 0, hi = end ?? size
                if lo < 0 { lo += size }
                if hi < 0 { hi += size }
                guard lo >= 0, hi <= size, lo <= hi else {
                    throw TensorError.invalidArgument(
                        operation: operation,
                        reason: "range \(start.map(String.init) ?? "")..<\(end.map(String.init) ?? "") is out of bounds for axis \(axis) of size \(size)")
                }
                region.starts[axis] = lo
                region.steps[axis] = step
                region.counts[axis] = hi > lo ? (hi - lo - 1) / step + 1 : 0
                resultShape.append(region.counts[axis])
            }
            axis += 1
        }
        resultShape += shape[axis...]
        return (region, resultShape)
    }
}
