/// Sorting, order statistics, running sums, norms and repetition, as NumPy and PyTorch offer them.
/// Each is built from differentiable primitives (a gather of sorted positions, a product with a
/// triangular matrix, broadcasts and reshapes), so gradients flow through all of them.
extension Tensor {
    /// The elements sorted along `axis` (ascending, or descending), as `torch.sort(…).values`.
    /// Equal elements keep their order (a stable sort), so the gradient goes to the same positions.
    public func sorted(axis: Int = -1, descending: Bool = false) throws -> Tensor {
        try takeAlong(try sortingIndices(axis: axis, descending: descending), axis: axis)
    }

    /// For each slice along `axis`, the positions that sort it (`argsort`), as a tensor of indices.
    public func sortingIndices(axis: Int = -1, descending: Bool = false) throws -> Tensor {
        let a = try Shape.axis(axis, rank: Swift.max(rank, 1), operation: "sortingIndices")
        guard rank > 0 else { return Tensor(0) }
        let (outer, n, inner) = Reduction.split(shape, axis: a)
        var order = [Double](repeating: 0, count: count)
        scalars.withUnsafeBufferPointer { x in
            var positions = [Int](repeating: 0, count: n)
            for o in 0..<outer {
                for j in 0..<inner {
                    for k in 0..<n { positions[k] = k }
                    let at = { (k: Int) in x[(o * n + k) * inner + j] }
                    // NaN counts as the largest value, as in PyTorch; ties keep their order.
                    positions.sort { p, q in
                        let u = at(p), v = at(q)
                        if u.isNaN != v.isNaN { return descending ? u.isNaN : v.isNaN }
                        if u == v || u.isNaN { return p < q }
                        return descending ? u > v : u < v
                    }
                    for k in 0..<n { order[(o * n + k) * inner + j] = Double(positions[k]) }
                }
            }
        }
        return Tensor(uncheckedShape: shape, scalars: order)
    }

    /// The median along `axis`: for an even count the lower of the two middle values, as
    /// `torch.median` (NumPy's `median` averages them: use `quantile(0.5, axis:)` for that).
    public func median(axis: Int, keepDims: Bool = false) throws -> Tensor {
        let a = try Shape.axis(axis, rank: rank, operation: "median")
        guard shape[a] > 0 else { throw TensorError.invalidShape(operation: "median", shape: shape, reason: "axis \(axis) is empty") }
        let picked = try sorted(axis: a).take([(shape[a] - 1) / 2], axis: a)
        return keepDims ? picked : try picked.squeezed(axis: a)
    }

    /// The median of all elements (the lower middle value for an even count, as `torch.median`).
    public func median() throws -> Tensor {
        try flattened().median(axis: 0)
    }

    /// The `q`-quantile along `axis`, interpolating linearly between the two nearest sorted values
    /// (`torch.quantile` and NumPy's default): `q = 0.5` of an even count is the mean of the middle two.
    public func quantile(_ q: Double, axis: Int, keepDims: Bool = false) throws -> Tensor {
        let a = try Shape.axis(axis, rank: rank, operation: "quantile")
        guard q >= 0 && q <= 1 else { throw TensorError.invalidArgument(operation: "quantile", reason: "q = \(q) is outside [0, 1]") }
        let n = shape[a]
        guard n > 0 else { throw TensorError.invalidShape(operation: "quantile", shape: shape, reason: "axis \(axis) is empty") }
        let position = q * Double(n - 1)
        let low = Int(position.rounded(.down)), high = Swift.min(low + 1, n - 1), fraction = position - Double(low)
        let s = try sorted(axis: a)
        let lower = try s.take([low], axis: a), upper = try s.take([high], axis: a)
        let value = try lower + (try upper - lower) * fraction
        return keepDims ? value : try value.squeezed(axis: a)
    }

    /// The running sum along `axis` (`cumsum`): element k is the sum of elements 0…k.
    public func cumulativeSum(axis: Int) throws -> Tensor {
        let a = try Shape.axis(axis, rank: rank, operation: "cumulativeSum")
        let n = shape[a]
        // x moved so that `axis` is last, times the upper-triangular matrix of ones, moved back.
        var order = Array(0..<rank)
        order.remove(at: a)
        order.append(a)
        var back = [Int](repeating: 0, count: rank)
        for (i, o) in order.enumerated() { back[o] = i }
        var ones = [Double](repeating: 0, count: n * n)
        for i in 0..<n { for j in i..<n { ones[i * n + j] = 1 } }
        let triangle = Tensor(uncheckedShape: [n, n], scalars: ones)
        return try (try permuted(order).matmul(triangle)).permuted(back)
    }

    /// The Euclidean norm of all elements (the Frobenius norm of a matrix), `sqrt(Σ x²)`.
    public func norm() -> Tensor {
        square().sum().sqrt()
    }

    /// The Euclidean norm along `axis`.
    public func norm(axis: Int, keepDims: Bool = false) throws -> Tensor {
        try square().sum(axis: axis, keepDims: keepDims).sqrt()
    }

    /// The tensor repeated `repeats[i]` times along each axis i, as `torch.Tensor.repeat` and
    /// NumPy's `tile` (a shorter `repeats` applies to the last axes).
    public func tiled(_ repeats: [Int]) throws -> Tensor {
        guard repeats.allSatisfy({ $0 >= 0 }) else {
            throw TensorError.invalidArgument(operation: "tiled", reason: "repeats \(repeats) must not be negative")
        }
        let r = Swift.max(rank, repeats.count)
        let base = Array(repeating: 1, count: r - rank) + shape
        let counts = Array(repeating: 1, count: r - repeats.count) + repeats
        // [s0, s1, …] → [1, s0, 1, s1, …] → broadcast to [c0, s0, c1, s1, …] → [c0·s0, c1·s1, …].
        let interleaved = base.flatMap { [1, $0] }
        let spread = zip(counts, base).flatMap { [$0, $1] }
        return try reshaped(interleaved).broadcast(to: spread).reshaped(zip(counts, base).map { $0 * $1 })
    }

    /// Each element repeated `count` times along `axis`, one after another, as
    /// `torch.repeat_interleave` and NumPy's `repeat`.
    public func repeated(_ count: Int, axis: Int) throws -> Tensor {
        let a = try Shape.axis(axis, rank: rank, operation: "repeated")
        guard count >= 0 else { throw TensorError.invalidArgument(operation: "repeated", reason: "count \(count) must not be negative") }
        var expanded = shape
        expanded.insert(1, at: a + 1)
        var spread = shape
        spread.insert(count, at: a + 1)
        var result = shape
        result[a] *= count
        return try reshaped(expanded).broadcast(to: spread).reshaped(result)
    }
}
