import Foundation

// Tick generation after d3-array's `ticks.js` (the integer-index algorithm): ticks are
// produced as integers i1…i2 times (or divided by) a power-of-ten increment, so values
// such as 0.3 come out as 3 / 10 rather than as an accumulated 0.1 + 0.1 + 0.1.

/// Tick arithmetic shared by the scales: `ticks`, `tickIncrement`, `tickStep`, as in d3-array.
public enum Ticks {
    private static let e10 = (50.0).squareRoot()
    private static let e5 = (10.0).squareRoot()
    private static let e2 = (2.0).squareRoot()

    /// The integer range and increment for about `count` ticks in `start…stop` (start ≤ stop).
    /// A negative increment `-k` means "divide the integers by k" (exact for decimals).
    static func spec(_ start: Double, _ stop: Double, _ count: Double) -> (i1: Double, i2: Double, inc: Double) {
        let step = (stop - start) / max(0, count)
        let power = (log10(step)).rounded(.down)
        let error = step / pow10(power)
        let factor: Double = error >= e10 ? 10 : error >= e5 ? 5 : error >= e2 ? 2 : 1
        var i1: Double, i2: Double, inc: Double
        if power < 0 {
            inc = pow10(-power) / factor
            i1 = (start * inc).roundedHalfUp
            i2 = (stop * inc).roundedHalfUp
            if i1 / inc < start { i1 += 1 }
            if i2 / inc > stop { i2 -= 1 }
            inc = -inc
        } else {
            inc = pow10(power) * factor
            i1 = (start / inc).roundedHalfUp
            i2 = (stop / inc).roundedHalfUp
            if i1 * inc < start { i1 += 1 }
            if i2 * inc > stop { i2 -= 1 }
        }
        if i2 < i1 && 0.5 <= count && count < 2 { return spec(start, stop, count * 2) }
        return (i1, i2, inc)
    }

    /// About `count + 1` evenly spaced, round values within `start…stop` (either order),
    /// exactly as d3-array's `ticks(start, stop, count)`; empty for NaN or non-positive counts.
    public static func ticks(_ start: Double, _ stop: Double, count: Int) -> [Double] {
        let count = Double(count)
        guard start.isFinite, stop.isFinite, count > 0 else { return [] }
        if start == stop { return [start] }
        let reverse = stop < start
        let (i1, i2, inc) = reverse ? spec(stop, start, count) : spec(start, stop, count)
        guard i2 >= i1, (i2 - i1) < 1e6 else { return [] }
        let n = Int(i2 - i1) + 1
        var result = [Double]()
        result.reserveCapacity(n)
        for i in 0..<n {
            let k = reverse ? i2 - Double(i) : i1 + Double(i)
            let value = inc < 0 ? k / -inc : k * inc
            result.append(value + 0.0)  // `+ 0.0` turns −0 into +0, as d3 does
        }
        return result
    }

    /// The signed tick increment for `start…stop`: positive is a step, negative `-k` is 1/k.
    public static func tickIncrement(_ start: Double, _ stop: Double, count: Int) -> Double {
        spec(start, stop, Double(count)).inc
    }

    /// The tick step for `start…stop` (negative when stop < start), as d3-array's `tickStep`.
    public static func tickStep(_ start: Double, _ stop: Double, count: Int) -> Double {
        let reverse = stop < start
        let inc = reverse ? tickIncrement(stop, start, count: count) : tickIncrement(start, stop, count: count)
        return (reverse ? -1 : 1) * (inc < 0 ? 1 / -inc : inc)
    }

    /// Extends `start…stop` outward to round values (d3-scale's linear `nice`), iterating
    /// until the tick increment is stable.
    public static func nice(_ start: Double, _ stop: Double, count: Int) -> (Double, Double) {
        guard start.isFinite, stop.isFinite, count > 0 else { return (start, stop) }
        let reverse = stop < start
        var lo = reverse ? stop : start, hi = reverse ? start : stop
        var previous: Double? = nil
        for _ in 0..<10 {
            let step = tickIncrement(lo, hi, count: count)
            if step == previous || step == 0 || !step.isFinite { break }
            if step > 0 {
                lo = (lo / step).rounded(.down) * step
                hi = (hi / step).rounded(.up) * step
            } else if step < 0 {
                lo = (lo * step).rounded(.up) / step
                hi = (hi * step).rounded(.down) / step
            } else {
                break
            }
            previous = step
        }
        return reverse ? (hi, lo) : (lo, hi)
    }

    static func pow10(_ p: Double) -> Double {
        // Exact for the integer powers used here (|p| ≤ 22 are exact doubles); infinite and
        // huge exponents behave as Math.pow does, so degenerate inputs follow d3's results.
        guard p.isFinite else { return p.isNaN ? .nan : (p > 0 ? .infinity : 0) }
        if abs(p) > 400 { return p > 0 ? .infinity : 0 }
        var result = 1.0
        let n = Int(abs(p))
        if n <= 22 {
            for _ in 0..<n { result *= 10 }
            return p < 0 ? 1 / result : result
        }
        return p < 0 ? 1 / pow10(-p) : 1e22 * pow10(p - 22)
    }
}

extension Double {
    /// JavaScript's `Math.round`: halves round toward +∞.
    var roundedHalfUp: Double { (self + 0.5).rounded(.down) }
}
