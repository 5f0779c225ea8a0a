import Foundation

/// A continuous linear map from a data domain to a pixel range, as d3-scale's `scaleLinear`:
/// a pure function with `ticks(_:)` and `nice(_:)`.
public struct LinearScale: Sendable, Equatable {
    /// The data interval (may be reversed: `domain.0 > domain.1`).
    public var domain: (Double, Double) { (d0, d1) }
    /// The output interval in pixels (may be reversed, as for a y axis).
    public var range: (Double, Double) { (r0, r1) }
    private var d0, d1, r0, r1: Double

    /// A scale mapping `domain` linearly onto `range`.
    public init(domain: (Double, Double), range: (Double, Double)) {
        (d0, d1, r0, r1) = (domain.0, domain.1, range.0, range.1)
    }

    /// Maps a data value to the range; a zero-width domain maps to the range's middle.
    public func callAsFunction(_ value: Double) -> Double {
        let span = d1 - d0
        if span == 0 { return (r0 + r1) / 2 }
        return r0 + (value - d0) / span * (r1 - r0)
    }

    /// Maps a range value back to the domain.
    public func invert(_ pixel: Double) -> Double {
        let span = r1 - r0
        if span == 0 { return (d0 + d1) / 2 }
        return d0 + (pixel - r0) / span * (d1 - d0)
    }

    /// About `count + 1` round values inside the domain (d3-array's integer-index ticks).
    public func ticks(_ count: Int = 10) -> [Double] {
        Ticks.ticks(d0, d1, count: count)
    }

    /// The spacing between the ticks `ticks(count)` returns (positive).
    public func tickStep(_ count: Int = 10) -> Double {
        abs(Ticks.tickStep(d0, d1, count: count))
    }

    /// The same scale with its domain extended to round values, so that the ends are ticks.
    public func nice(_ count: Int = 10) -> LinearScale {
        let (a, b) = Ticks.nice(d0, d1, count: count)
        return LinearScale(domain: (a, b), range: (r0, r1))
    }

    /// The same scale with another range (layout decides the range after the domain).
    public func withRange(_ range: (Double, Double)) -> LinearScale {
        LinearScale(domain: (d0, d1), range: range)
    }

    public static func == (a: LinearScale, b: LinearScale) -> Bool {
        a.d0 == b.d0 && a.d1 == b.d1 && a.r0 == b.r0 && a.r1 == b.r1
    }
}
