/// The smallest and largest values a mark occupies along one axis, and the smallest
/// positive one (for log axes).
struct Extent: Equatable {
    var min: Double
    var max: Double
    /// The smallest value > 0, nil when there is none.
    var minPositive: Double?

    init(min: Double, max: Double, minPositive: Double? = nil) {
        self.min = min
        self.max = max
        self.minPositive = min > 0 ? min : minPositive
    }

    /// The extent of the finite values in `values`, nil if none is finite.
    init?(of values: [Double]) {
        var lo = Double.infinity, hi = -Double.infinity, pos = Double.infinity
        for v in values where v.isFinite {
            if v < lo { lo = v }
            if v > hi { hi = v }
            if v > 0 && v < pos { pos = v }
        }
        guard lo <= hi else { return nil }
        self.min = lo
        self.max = hi
        self.minPositive = pos.isFinite ? pos : nil
    }

    func union(_ other: Extent) -> Extent {
        var e = Extent(min: Swift.min(min, other.min), max: Swift.max(max, other.max))
        switch (minPositive, other.minPositive) {
        case let (a?, b?): e.minPositive = Swift.min(a, b)
        case let (a?, nil): e.minPositive = a
        case let (nil, b?): e.minPositive = b
        default: e.minPositive = nil
        }
        return e
    }
}

/// How a legend entry's swatch is drawn.
enum Swatch: Equatable {
    case point(Color)
    case line(Color, dashed: Bool)
    case area(Color)
}

/// One row of a panel's legend.
struct LegendEntry: Equatable {
    var label: String
    var swatch: Swatch
}

/// A colour bar beside a panel: a continuous ramp, or bands for discrete levels.
struct ColorBarSpec: Equatable {
    var map: ColorMap
    var low: Double
    var high: Double
    var label: String?
    /// Contour levels drawn as lines across the bar, nil for a plain ramp.
    var levels: [Double]?
    /// The part of the colour map the mark uses (contours and arrows stop short of the pale
    /// top of viridis so that lines stay visible on white).
    var mapLow = 0.0, mapHigh = 1.0
}

/// Everything a mark needs from layout to draw itself.
struct MarkContext {
    var x: AxisScale
    var y: AxisScale
    /// The plot area in px.
    var left, top, width, height: Double
    /// Palette colour for a mark that was given none.
    var defaultColor: Color
    /// The colour of each category of a categorical mark, in its categories' order.
    var categoryColors: [Color] = []
    /// A filled mark (a heatmap) lies under this one: points get a light outline to stand out.
    var overFill = false
}

/// A rectangle in px.
struct Rect: Equatable {
    var x, y, width, height: Double
    var right: Double { x + width }
    var bottom: Double { y + height }
}

/// Shorthand for SVG coordinates.
@inline(__always) func px(_ v: Double) -> String { NumberFormat.coordinate(v) }
