/// Boolean-mask reads and writes, as PyTorch's `x[mask]` and `x[mask] = v`. The mask must come
/// from a comparison (`isMask`) and have the tensor's shape, so that a tensor of positions can
/// never be read as a mask: that would select different elements without a word.
extension Tensor {
    /// The elements where `mask` is 1, in row-major order, as a vector (`torch.masked_select`).
    /// Differentiable: the gradient flows back to the selected positions.
    public func masked(_ mask: Tensor) throws -> Tensor {
        try checkMask(mask, "masked")
        var positions: [Int] = []
        positions.reserveCapacity(mask.count)
        mask.scalars.withUnsafeBufferPointer { m in
            for i in 0..<m.count where m[i] != 0 { positions.append(i) }
        }
        let data = scalars.withUnsafeBufferPointer { x in positions.map { x[$0] } }
        var out = Tensor(uncheckedShape: [positions.count], scalars: data)
        out = Tensor.tracked(out, self, .takeFlat(inputShape: shape, positions: positions))
        return out
    }

    /// The tensor with `value` where `mask` is 1 (`x[mask] = value`). Differentiable in `self`:
    /// the replaced elements get no gradient.
    public func replacing(mask: Tensor, with value: Double) throws -> Tensor {
        try checkMask(mask, "replacing(mask:)")
        // Untracked: one pass over the mask and the elements.
        if tracker == nil { return Tensor(uncheckedShape: shape, scalars: Elementwise.zip(mask.scalars, scalars) { $0 != 0 ? value : $1 }) }
        return try Tensor.where(mask, Tensor(value), self)
    }

    /// The tensor with the elements of `values` (a vector, one per selected element, in row-major
    /// order) where `mask` is 1 (`x[mask] = values`).
    public func replacing(mask: Tensor, with values: Tensor) throws -> Tensor {
        try checkMask(mask, "replacing(mask:)")
        // The values are spread through plain numbers: refused rather than cut off from a gradient.
        if values.isTracked { throw TensorError.notDifferentiable(operation: "replacing(mask:with:) in its values") }
        if values.count == 1 && values.rank <= 1 { return try Tensor.where(mask, values.reshapedUnchecked([]), self) }
        let selected = mask.scalars.reduce(0) { $0 + ($1 != 0 ? 1 : 0) }
        guard values.rank == 1, values.count == selected else {
            throw TensorError.invalidArgument(
                operation: "replacing(mask:)", reason: "the mask selects \(selected) elements but \(values.shape) values were given")
        }
        var spread = [Double](repeating: 0, count: count)
        var k = 0
        for i in 0..<count where mask.scalars[i] != 0 {
            spread[i] = values.scalars[k]
            k += 1
        }
        let placed = Tensor(uncheckedShape: shape, scalars: spread)
        return try Tensor.where(mask, placed, self)
    }

    private func checkMask(_ mask: Tensor, _ operation: String) throws {
        guard mask.isMask else {
            throw TensorError.invalidArgument(
                operation: operation,
                reason: "the index is not a mask; a mask comes from a comparison (x > 0); to pick elements by position use take(_:axis:)")
        }
        guard mask.shape == shape else {
            throw TensorError.invalidArgument(operation: operation, reason: "the mask has shape \(mask.shape) but the tensor \(shape)")
        }
    }
}
