/// The exponential, logistic sigmoid and tanh as branch-free arithmetic that the compiler
/// vectorises, for the single-precision setting (`ProductPrecision.float32`) of the recurrent gates
/// and the cross-entropy: C's `exp` and `tanh` are called once per element and were a third of a
/// float32 character-RNN epoch.
///
/// All reduce to `e^u − 1` for `u ≤ 0`: `u = n·ln 2 + r` with `n` an integer and `|r| ≤ ln 2 / 2`,
/// `e^r − 1` by its Taylor polynomial to degree 8 (truncation below 6e-10 relative), and `2^n` built
/// from its bit pattern. Computed in double precision, the results are within 1e-9 relative of the
/// exact values (bounded in the tests against the C library), well inside single precision's 6e-8:
/// accurate for single precision, but not the C library's bits, so the default double-precision
/// setting keeps `LibM`.
enum VectorMath {
    /// `e^u − 1` for `u` in [−708, 709.7] (the callers clamp), with its `e^u`: without cancellation near 0.
    @inline(__always)
    static func expMinusOne(_ u: Double) -> (minusOne: Double, exp: Double) {
        // Round u/ln 2 to the nearest integer by adding and subtracting 1.5·2⁵²; the sum's low bits
        // then hold n, so 2^n is an integer addition and a shift away (no conversion instruction).
        let shifter = 6755399441055744.0  // 1.5·2⁵²
        let shifted = u * 1.4426950408889634 + shifter
        let n = shifted - shifter
        let r = u - n * 0.6931471805599453
        let scale = Double(bitPattern: (shifted.bitPattern &- shifter.bitPattern &+ 1023) << 52)
        // e^r − 1 = r + r²/2! + … + r⁸/8!, by Horner's rule.
        var p = 1.0 / 40320
        p = p * r + 1.0 / 5040
        p = p * r + 1.0 / 720
        p = p * r + 1.0 / 120
        p = p * r + 1.0 / 24
        p = p * r + 1.0 / 6
        p = p * r + 0.5
        p = p * r + 1
        p *= r
        // e^u − 1 = (2^n − 1) + 2^n·(e^r − 1): for n = 0 the polynomial alone.
        return ((scale - 1) + scale * p, scale + scale * p)
    }

    /// `e^x`: 0 below −708 (where the exact value is under 3e-308), ∞ above 709.78.
    @inline(__always)
    static func exp(_ x: Double) -> Double {
        let e = expMinusOne(Swift.min(Swift.max(x, -708), 709.7)).exp
        return x < -708 ? 0 : (x > 709.78 ? .infinity : e)
    }

    /// `1 / (1 + e^−x)`; 0 below −708, where the exact value is under 3e-308.
    @inline(__always)
    static func sigmoid(_ x: Double) -> Double {
        let a = Swift.abs(x)
        let e = expMinusOne(-Swift.min(a, 708)).exp
        let numerator = x >= 0 ? 1 : (a > 708 ? 0 : e)
        return numerator / (1 + e)
    }

    /// `tanh x = −m / (2 + m)` with `m = e^(−2|x|) − 1`, the sign of `x` restored; ±1 from |x| = 20.
    @inline(__always)
    static func tanh(_ x: Double) -> Double {
        let m = expMinusOne(-2 * Swift.min(Swift.abs(x), 20)).minusOne
        return Double(signOf: x, magnitudeOf: -m / (2 + m))
    }
}
