infix operator .== : ComparisonPrecedence
infix operator .!= : ComparisonPrecedence
infix operator .< : ComparisonPrecedence
infix operator .<= : ComparisonPrecedence
infix operator .> : ComparisonPrecedence
infix operator .>= : ComparisonPrecedence

/// Elementwise comparisons with broadcasting, giving tensors of 1 (true) and 0 (false), as NumPy's
/// `x < y`. They are not differentiable (their results are constants). `==` compares whole tensors.
extension Tensor {
    private static func compare(_ name: String, _ a: Tensor, _ b: Tensor, _ f: (Double, Double) -> Bool) throws -> Tensor {
        guard let shape = Shape.broadcast(a.shape, b.shape) else {
            throw TensorError.shapeMismatch(operation: name, lhs: a.shape, rhs: b.shape)
        }
        try Shape.validate(shape, operation: name)
        var mask = Tensor(uncheckedShape: shape,
                          scalars: Elementwise.broadcast(a.scalars, a.shape, b.scalars, b.shape, shape) { f($0, $1) ? 1 : 0 })
        mask.isMask = true
        return mask
    }

    /// 1 where the elements are equal, else 0.
    public static func .== (a: Tensor, b: Tensor) throws -> Tensor { try compare("==", a, b) { $0 == $1 } }
    /// 1 where the elements differ, else 0.
    public static func .!= (a: Tensor, b: Tensor) throws -> Tensor { try compare("!=", a, b) { $0 != $1 } }
    /// 1 where `a < b`, else 0.
    public static func .< (a: Tensor, b: Tensor) throws -> Tensor { try compare("<", a, b) { $0 < $1 } }
    /// 1 where `a <= b`, else 0.
    public static func .<= (a: Tensor, b: Tensor) throws -> Tensor { try compare("<=", a, b) { $0 <= $1 } }
    /// 1 where `a > b`, else 0.
    public static func .> (a: Tensor, b: Tensor) throws -> Tensor { try compare(">", a, b) { $0 > $1 } }
    /// 1 where `a >= b`, else 0.
    public static func .>= (a: Tensor, b: Tensor) throws -> Tensor { try compare(">=", a, b) { $0 >= $1 } }

    /// 1 where the element equals `b`, else 0.
    public static func .== (a: Tensor, b: Double) -> Tensor { a.mapConstant { $0 == b } }
    /// 1 where the element differs from `b`, else 0.
    public static func .!= (a: Tensor, b: Double) -> Tensor { a.mapConstant { $0 != b } }
    /// 1 where the element is below `b`, else 0.
    public static func .< (a: Tensor, b: Double) -> Tensor { a.mapConstant { $0 < b } }
    /// 1 where the element is at most `b`, else 0.
    public static func .<= (a: Tensor, b: Double) -> Tensor { a.mapConstant { $0 <= b } }
    /// 1 where the element is above `b`, else 0.
    public static func .> (a: Tensor, b: Double) -> Tensor { a.mapConstant { $0 > b } }
    /// 1 where the element is at least `b`, else 0.
    public static func .>= (a: Tensor, b: Double) -> Tensor { a.mapConstant { $0 >= b } }

    private func mapConstant(_ f: (Double) -> Bool) -> Tensor {
        var mask = Tensor(uncheckedShape: shape, scalars: Elementwise.map(scalars) { f($0) ? 1 : 0 })
        mask.isMask = true
        return mask
    }

    /// 1 where the element is NaN, else 0.
    public func isNaN() -> Tensor { mapConstant { $0.isNaN } }
    /// 1 where the element is finite (not NaN or ±∞), else 0.
    public func isFinite() -> Tensor { mapConstant { $0.isFinite } }
    /// Whether every element is finite.
    public var allFinite: Bool {
        // x·0 is 0 for finite x and NaN otherwise; four running sums keep the loop vectorisable.
        scalars.withUnsafeBufferPointer { p in
            var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
            var i = 0
            while i + 4 <= p.count {
                s0 += p[i] * 0; s1 += p[i + 1] * 0; s2 += p[i + 2] * 0; s3 += p[i + 3] * 0
                i += 4
            }
            while i < p.count { s0 += p[i] * 0; i += 1 }
            return (s0 + s1 + s2 + s3) == 0
        }
    }

    /// Whether the shapes match and every pair of elements satisfies `|a − b| ≤ absolute + relative·|b|`.
    public func isApproximatelyEqual(to other: Tensor, relative: Double = 1e-9, absolute: Double = 1e-12) -> Bool {
        guard shape == other.shape else { return false }
        for (a, b) in Swift.zip(scalars, other.scalars) where a != b {
            if !(Swift.abs(a - b) <= absolute + relative * Swift.abs(b)) { return false }
        }
        return true
    }
}
