/// Elementary functions computed with IEEE-754 `+ − × ÷` only, in a fixed order, so that they give
/// the same bits on every machine (the platform's `libm` may differ in the last place). Used by
/// `RandomGenerator`, whose draws must be reproducible everywhere.
enum PortableMath {
    private static let ln2Hi = 6.93147180369123816490e-01  // upper bits of ln 2 (exact product with small ints)
    private static let ln2Lo = 1.90821492927058770002e-10  // ln 2 − ln2Hi

    /// The natural logarithm of a positive finite `x`, within about one unit in the last place.
    /// `x = m·2^e` with `m ∈ [√½, √2)`; `log m = 2·atanh(t)`, `t = (m−1)/(m+1)`, `|t| ≤ 0.1716`,
    /// summed as an odd series to t²³ (the next term is below 2⁻⁶⁰ of the result).
    static func log(_ x: Double) -> Double {
        guard x > 0, x.isFinite else { return x == 0 ? -.infinity : .nan }
        var e = Double(x.exponent)
        var m = x.significand  // [1, 2)
        if m > 1.4142135623730951 {
            m = m / 2
            e += 1
        }
        let t = (m - 1) / (m + 1)
        let t2 = t * t
        // Horner form of 1 + t²/3 + t⁴/5 + … + t²²/23.
        var series = 1.0 / 23.0
        var k = 21.0
        while k >= 1 {
            series = series * t2 + 1 / k
            k -= 2
        }
        let logM = 2 * t * series
        return e * ln2Hi + (e * ln2Lo + logM)
    }
}
