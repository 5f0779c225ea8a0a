/// A discrete map from category indices to equal bands of a pixel range, as d3-scale's
/// `scaleBand` with equal inner and outer padding (a fraction of the step) and centred bands.
public struct BandScale: Sendable, Equatable {
    /// How many categories share the range.
    public let count: Int
    /// The output interval in pixels.
    public let range: (Double, Double)
    /// The gap between bands, and at each end, as a fraction of the step (0 ≤ padding < 1).
    public let padding: Double

    /// A band scale for `count` categories over `range`.
    public init(count: Int, range: (Double, Double), padding: Double = 0.2) {
        self.count = count
        self.range = range
        self.padding = min(max(padding, 0), 0.95)
    }

    /// The distance from one band's start to the next: width / (n + padding).
    public var step: Double { (range.1 - range.0) / (Double(max(count, 1)) + padding) }

    /// The width of each band.
    public var bandwidth: Double { step * (1 - padding) }

    /// The start of the band for category `index`.
    public func callAsFunction(_ index: Int) -> Double {
        range.0 + step * (padding + Double(index))
    }

    /// The centre of the band for category `index`.
    public func center(_ index: Int) -> Double { self(index) + bandwidth / 2 }

    public static func == (a: BandScale, b: BandScale) -> Bool {
        a.count == b.count && a.range == b.range && a.padding == b.padding
    }
}
