/// Creating tensors: constants, identity matrices, ranges. Sizes are validated: a negative size or
/// one beyond `Tensor.elementLimit` throws.
extension Tensor {
    /// A tensor of `shape` filled with `value`.
    public static func full(_ shape: [Int], value: Double) throws -> Tensor {
        try filled(shape, value, operation: "full")
    }

    /// A tensor of `shape` filled with zeros.
    public static func zeros(_ shape: [Int]) throws -> Tensor { try filled(shape, 0, operation: "zeros") }

    /// A tensor of `shape` filled with ones.
    public static func ones(_ shape: [Int]) throws -> Tensor { try filled(shape, 1, operation: "ones") }

    private static func filled(_ shape: [Int], _ value: Double, operation: String) throws -> Tensor {
        try Shape.validate(shape, operation: operation)
        return Tensor(uncheckedShape: shape, scalars: [Double](repeating: value, count: Shape.count(shape)))
    }

    /// Zeros of the same shape as `other`.
    public static func zeros(like other: Tensor) -> Tensor {
        Tensor(uncheckedShape: other.shape, scalars: [Double](repeating: 0, count: other.count))
    }

    /// Ones of the same shape as `other`.
    public static func ones(like other: Tensor) -> Tensor {
        Tensor(uncheckedShape: other.shape, scalars: [Double](repeating: 1, count: other.count))
    }

    /// The `n × n` identity matrix (or `n × m` with ones on the main diagonal).
    public static func eye(_ n: Int, _ m: Int? = nil) throws -> Tensor {
        let m = m ?? n
        try Shape.validate([n, m], operation: "eye")
        var t = try zeros([n, m])
        for i in 0..<Swift.min(n, m) { t.scalars[i * m + i] = 1 }
        return t
    }

    /// A square matrix with `diagonal` on its main diagonal and zeros elsewhere.
    public static func diagonal(_ diagonal: Tensor) throws -> Tensor {
        guard diagonal.rank == 1 else {
            throw TensorError.invalidShape(operation: "diagonal", shape: diagonal.shape, reason: "expected a vector")
        }
        let n = diagonal.count
        var t = try zeros([n, n])
        for i in 0..<n { t.scalars[i * n + i] = diagonal.scalars[i] }
        return t
    }

    /// `start, start + step, …` below `end` (NumPy's `arange`), as a vector.
    public static func arange(_ start: Double = 0, _ end: Double, step: Double = 1) throws -> Tensor {
        guard step != 0, step.isFinite, start.isFinite, end.isFinite else {
            throw TensorError.invalidArgument(operation: "arange", reason: "start, end and a non-zero step must be finite")
        }
        let length = Swift.max(0, ((end - start) / step).rounded(.up))
        guard length <= Double(Tensor.elementLimit) else {
            throw TensorError.tooLarge(operation: "arange", shape: [], limit: Tensor.elementLimit)
        }
        let n = Int(length)
        return Tensor(uncheckedShape: [n], scalars: (0..<n).map { start + Double($0) * step })
    }

    /// `0, 1, …, n − 1` as a vector.
    public static func arange(_ n: Int) throws -> Tensor {
        try Shape.validate([n], operation: "arange")
        return Tensor(uncheckedShape: [n], scalars: (0..<n).map(Double.init))
    }

    /// `count` evenly spaced values from `start` to `end` inclusive (NumPy's `linspace`).
    public static func linspace(_ start: Double, _ end: Double, count: Int) throws -> Tensor {
        try Shape.validate([count], operation: "linspace")
        if count == 1 { return Tensor([start]) }
        let step = (end - start) / Double(count - 1)
        var values = (0..<count).map { start + Double($0) * step }
        if count > 1 { values[count - 1] = end }
        return Tensor(uncheckedShape: [count], scalars: values)
    }
}
