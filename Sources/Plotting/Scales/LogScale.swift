import Foundation

/// A base-10 logarithmic map from a positive domain to a pixel range, as d3-scale's
/// `scaleLog`: ticks at 1, 2, …, 9 × 10ᵏ when few decades are shown, powers of ten otherwise.
public struct LogScale: Sendable, Equatable {
    /// The data interval; both ends are positive.
    public let domain: (Double, Double)
    /// The output interval in pixels.
    public let range: (Double, Double)

    /// A log scale; the caller guarantees a positive domain (`Plot` checks data first).
    public init(domain: (Double, Double), range: (Double, Double)) {
        self.domain = domain
        self.range = range
    }

    /// Maps a positive value to the range.
    public func callAsFunction(_ value: Double) -> Double {
        let a = log10(domain.0), b = log10(domain.1)
        if a == b { return (range.0 + range.1) / 2 }
        return range.0 + (log10(value) - a) / (b - a) * (range.1 - range.0)
    }

    /// Tick values as d3-scale's log `ticks(count)`.
    public func ticks(_ count: Int = 10) -> [Double] {
        var u = domain.0, v = domain.1
        let reversed = v < u
        if reversed { swap(&u, &v) }
        var i = log10(u), j = log10(v)
        let n = Double(count)
        var z: [Double] = []
        if j - i < n {
            i = i.rounded(.down)
            j = j.rounded(.up)
            var e = i
            outer: while e <= j {
                for k in 1..<10 {
                    let t = e < 0 ? Double(k) / Ticks.pow10(-e) : Double(k) * Ticks.pow10(e)
                    if t < u { continue }
                    if t > v { break outer }
                    z.append(t)
                }
                e += 1
            }
            if Double(z.count) * 2 < n { z = Ticks.ticks(u, v, count: count) }
        } else {
            z = Ticks.ticks(i, j, count: Int(min(j - i, n))).map(powerOfTen)
        }
        return reversed ? z.reversed() : z
    }

    /// Whether a tick carries a label. As d3's log `tickFormat(count)`, a budget
    /// k = max(1, 10·count / ticks().count) says how many leading digits a decade can label;
    /// unlike d3 (which labels 1, 2, …, k), the labels are then 1–9 when k ≥ 9, 1, 2 and 5
    /// when k ≥ 2, and powers of ten only otherwise, which reads more evenly.
    public func isLabelled(_ tick: Double, count: Int = 10) -> Bool {
        let all = ticks()
        let k = max(1.0, 10.0 * Double(count) / Double(max(all.count, 1)))
        var m = (tick / powerOfTen((log10(tick) + 1e-9).rounded(.down))).roundedHalfUp  // leading digit 1…9
        if m >= 10 { m = 1 }
        if k >= 9 { return true }
        if k >= 2 { return m == 1 || m == 2 || m == 5 }
        return m == 1
    }

    /// The scale with its domain extended to whole powers of ten.
    public func nice() -> LogScale {
        let a = powerOfTen(log10(min(domain.0, domain.1)).rounded(.down))
        let b = powerOfTen(log10(max(domain.0, domain.1)).rounded(.up))
        return domain.0 <= domain.1
            ? LogScale(domain: (a, b), range: range) : LogScale(domain: (b, a), range: range)
    }

    /// The same scale with another range.
    public func withRange(_ range: (Double, Double)) -> LogScale {
        LogScale(domain: domain, range: range)
    }

    public static func == (a: LogScale, b: LogScale) -> Bool {
        a.domain == b.domain && a.range == b.range
    }

    private func powerOfTen(_ e: Double) -> Double {
        let r = e.rounded()
        return abs(e - r) < 1e-9 ? Ticks.pow10(r) : pow(10, e)
    }
}
