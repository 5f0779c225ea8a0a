/// Reductions: sums, means, variances, extremes and log-sum-exp, over all elements or along axes.
/// Axes may be negative (counted from the end); `keepDims` keeps reduced axes with size 1.
extension Tensor {
    /// The sum of all elements, as a scalar tensor.
    public func sum() -> Tensor { sumUnchecked(axes: Array(0..<rank), keepDims: false) }

    /// The sum along `axis`.
    public func sum(axis: Int, keepDims: Bool = false) throws -> Tensor {
        try sum(axes: [axis], keepDims: keepDims)
    }

    /// The sum along each of `axes`.
    public func sum(axes: [Int], keepDims: Bool = false) throws -> Tensor {
        sumUnchecked(axes: try Shape.axes(axes, rank: rank, operation: "sum"), keepDims: keepDims)
    }

    /// Sum along normalised, sorted, distinct axes.
    func sumUnchecked(axes: [Int], keepDims: Bool) -> Tensor {
        var keptShape = shape
        for a in axes { keptShape[a] = 1 }
        let outShape = keepDims ? keptShape : shape.enumerated().filter { !axes.contains($0.offset) }.map(\.element)
        let data: [Double]
        if axes.isEmpty {
            data = scalars
        } else if axes.count == rank {
            let total = scalars.withUnsafeBufferPointer { p in
                p.count == 0 ? 0 : Reduction.sumContiguous(p.baseAddress!, p.count)
            }
            data = [total]
        } else {
            var current = scalars, currentShape = shape
            for a in axes.reversed() {
                current = Reduction.sum(current, shape: currentShape, axis: a)
                currentShape[a] = 1
            }
            data = current
        }
        var out = Tensor(uncheckedShape: outShape, scalars: data)
        out = Tensor.tracked(out, self, .sum(inputShape: shape, keptShape: keptShape))
        return out
    }

    /// The mean of all elements, as a scalar tensor (NaN for an empty tensor).
    public func mean() -> Tensor { sum() / Double(count) }

    /// The mean along `axis`.
    public func mean(axis: Int, keepDims: Bool = false) throws -> Tensor {
        try mean(axes: [axis], keepDims: keepDims)
    }

    /// The mean along each of `axes`.
    public func mean(axes: [Int], keepDims: Bool = false) throws -> Tensor {
        let axes = try Shape.axes(axes, rank: rank, operation: "mean")
        let n = axes.reduce(1) { $0 * shape[$1] }
        return sumUnchecked(axes: axes, keepDims: keepDims) / Double(n)
    }

    /// The variance `Σ(x − mean)² / (n − correction)` along `axes` (all when nil); `correction: 1` gives
    /// the unbiased estimate.
    public func variance(axes: [Int]? = nil, keepDims: Bool = false, correction: Int = 0) throws -> Tensor {
        let axes = try Shape.axes(axes, rank: rank, operation: "variance")
        let n = axes.reduce(1) { $0 * shape[$1] }
        let centered = try self - sumUnchecked(axes: axes, keepDims: true) / Double(n)
        return centered.square().sumUnchecked(axes: axes, keepDims: keepDims) / Double(n - correction)
    }

    /// The variance along `axis` (see `variance(axes:keepDims:correction:)`).
    public func variance(axis: Int, keepDims: Bool = false, correction: Int = 0) throws -> Tensor {
        try variance(axes: [axis], keepDims: keepDims, correction: correction)
    }

    /// The standard deviation along `axes` (all when nil): the square root of `variance`.
    public func standardDeviation(axes: [Int]? = nil, keepDims: Bool = false, correction: Int = 0) throws -> Tensor {
        try variance(axes: axes, keepDims: keepDims, correction: correction).sqrt()
    }

    /// The largest element; throws for an empty tensor.
    public func max() throws -> Tensor { try flattened().extreme(axis: 0, keepDims: false, smallest: false, operation: "max") }
    /// The least element; throws for an empty tensor.
    public func min() throws -> Tensor { try flattened().extreme(axis: 0, keepDims: false, smallest: true, operation: "min") }

    /// The largest element along `axis` (the gradient goes to the first maximum).
    public func max(axis: Int, keepDims: Bool = false) throws -> Tensor {
        try extreme(axis: axis, keepDims: keepDims, smallest: false, operation: "max")
    }

    /// The least element along `axis` (the gradient goes to the first minimum).
    public func min(axis: Int, keepDims: Bool = false) throws -> Tensor {
        try extreme(axis: axis, keepDims: keepDims, smallest: true, operation: "min")
    }

    /// The position of the largest element along `axis`, as a tensor of integral values.
    public func argmax(axis: Int, keepDims: Bool = false) throws -> Tensor {
        let (_, positions, outShape) = try extremeValues(axis: axis, keepDims: keepDims, smallest: false, operation: "argmax")
        return Tensor(uncheckedShape: outShape, scalars: positions.map(Double.init))
    }

    /// The position of the least element along `axis`, as a tensor of integral values.
    public func argmin(axis: Int, keepDims: Bool = false) throws -> Tensor {
        let (_, positions, outShape) = try extremeValues(axis: axis, keepDims: keepDims, smallest: true, operation: "argmin")
        return Tensor(uncheckedShape: outShape, scalars: positions.map(Double.init))
    }

    /// The row-major position of the largest element; throws for an empty tensor.
    public func argmax() throws -> Int {
        try flattened().extremeValues(axis: 0, keepDims: false, smallest: false, operation: "argmax").positions[0]
    }

    /// The row-major position of the least element; throws for an empty tensor.
    public func argmin() throws -> Int {
        try flattened().extremeValues(axis: 0, keepDims: false, smallest: true, operation: "argmin").positions[0]
    }

    private func extremeValues(axis: Int, keepDims: Bool, smallest: Bool, operation: String) throws
        -> (values: [Double], positions: [Int], shape: [Int]) {
        let a = try Shape.axis(axis, rank: rank, operation: operation)
        guard shape[a] > 0 else {
            throw TensorError.invalidShape(operation: operation, shape: shape, reason: "axis \(axis) is empty")
        }
        let (values, positions) = Reduction.extreme(scalars, shape: shape, axis: a, smallest: smallest)
        var outShape = shape
        if keepDims { outShape[a] = 1 } else { outShape.remove(at: a) }
        return (values, positions, outShape)
    }

    private func extreme(axis: Int, keepDims: Bool, smallest: Bool, operation: String) throws -> Tensor {
        let a = try Shape.axis(axis, rank: rank, operation: operation)
        let (values, positions, outShape) = try extremeValues(axis: a, keepDims: keepDims, smallest: smallest, operation: operation)
        var out = Tensor(uncheckedShape: outShape, scalars: values)
        out = Tensor.tracked(out, self, .select(inputShape: shape, axis: a, positions: positions))
        return out
    }

    /// `log Σ exp(x)` over all elements, computed stably (shifted by the maximum).
    public func logSumExp() -> Tensor { flattened().logSumExpUnchecked(axis: 0, keepDims: false) }

    /// `log Σ exp(x)` along `axis`, computed stably (shifted by the maximum).
    public func logSumExp(axis: Int, keepDims: Bool = false) throws -> Tensor {
        logSumExpUnchecked(axis: try Shape.axis(axis, rank: rank, operation: "logSumExp"), keepDims: keepDims)
    }

    func logSumExpUnchecked(axis: Int, keepDims: Bool) -> Tensor {
        let (outer, n, inner) = Reduction.split(shape, axis: axis)
        let data = scalars.withUnsafeBufferPointer { xp in
            Elementwise.make(outer * inner) { out in
                for o in 0..<outer {
                    for j in 0..<inner {
                        let base = o * n * inner + j
                        var m = -Double.infinity
                        for k in 0..<n { m = Swift.max(m, xp[base + k * inner]) }
                        let shift = m.isFinite ? m : 0
                        var s = 0.0
                        for k in 0..<n { s += LibM.exp(xp[base + k * inner] - shift) }
                        out[o * inner + j] = shift + LibM.log(s)
                    }
                }
            }
        }
        var keptShape = shape
        keptShape[axis] = 1
        var outShape = keptShape
        if !keepDims { outShape.remove(at: axis) }
        var out = Tensor(uncheckedShape: outShape, scalars: data)
        out = Tensor.tracked(out, self, .logSumExp(input: detached, output: Tensor(uncheckedShape: keptShape, scalars: data)))
        return out
    }

    /// `exp(x) / Σ exp(x)` along `axis` (default the last), computed stably.
    public func softmax(axis: Int = -1) throws -> Tensor {
        // Shifting by the (constant) maximum changes nothing mathematically, gradient included.
        let m = try detached.max(axis: axis, keepDims: true)
        let e = try (self - m.unary(.clamp(-.greatestFiniteMagnitude, .greatestFiniteMagnitude))).exp()
        return try e / e.sum(axis: axis, keepDims: true)
    }

    /// `x − logΣexp(x)` along `axis` (default the last): log-probabilities from logits.
    public func logSoftmax(axis: Int = -1) throws -> Tensor {
        try self - logSumExp(axis: axis, keepDims: true)
    }
}
