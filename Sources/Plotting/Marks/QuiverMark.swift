/// Arrows (u, v) based at (x, y): a vector field such as a score ∇ log p or a denoising
/// direction. Arrow lengths are in data units times `scale`; points with a non-finite
/// component are left out with a note.
public struct QuiverMark: Sendable {
    /// Arrow bases.
    public let x: [Double], y: [Double]
    /// Arrow components.
    public let u: [Double], v: [Double]
    /// Data units of arrow per unit of vector.
    public let scale: Double
    /// One colour for every arrow; nil uses the palette (or the magnitude colours).
    public let color: Color?
    /// Colour arrows by their magnitude through `colorMap`, with a colour bar.
    public let colorByMagnitude: Bool
    /// The colour map for `colorByMagnitude`.
    public let colorMap: ColorMap

    let drawn: [Int]
    let magnitudeRange: (Double, Double)

    /// Validates a vector field. With `scale` nil, the longest arrow is 0.75 of the typical
    /// spacing between bases. Throws `PlotError` for empty data, mismatched lengths or no
    /// finite arrow.
    public init(x: [Double], y: [Double], u: [Double], v: [Double], scale: Double? = nil,
                color: Color? = nil, colorByMagnitude: Bool = false, colorMap: ColorMap = .viridis) throws {
        guard !x.isEmpty else { throw PlotError.empty("quiver", "arrows") }
        for (name, array) in [("y", y), ("u", u), ("v", v)] where array.count != x.count {
            throw PlotError.lengths("quiver", "x", x.count, name, array.count)
        }
        if let s = scale, !(s.isFinite && s > 0) { throw PlotError.invalid("quiver", "scale must be a positive number") }
        let drawn = x.indices.filter { x[$0].isFinite && y[$0].isFinite && u[$0].isFinite && v[$0].isFinite }
        guard !drawn.isEmpty else {
            throw PlotError(.nonFinite, "quiver: all \(x.count) arrows have a NaN or infinite component; nothing to draw")
        }
        let magnitudes = drawn.map { (u[$0] * u[$0] + v[$0] * v[$0]).squareRoot() }
        let longest = magnitudes.max()!
        let xe = Extent(of: drawn.map { x[$0] })!, ye = Extent(of: drawn.map { y[$0] })!
        let w = xe.max - xe.min, h = ye.max - ye.min
        let n = Double(drawn.count)
        let spacing = w > 0 && h > 0 ? (w * h / n).squareRoot() : max(w, h, 1) / max(n.squareRoot(), 1)
        (self.x, self.y, self.u, self.v) = (x, y, u, v)
        self.scale = scale ?? (longest > 0 ? 0.75 * spacing / longest : 1)
        (self.color, self.colorByMagnitude, self.colorMap) = (color, colorByMagnitude, colorMap)
        self.drawn = drawn
        self.magnitudeRange = (magnitudes.min()!, longest)
    }

    /// Samples a vector field `f(x, y) -> (u, v)` on `count` × `count` points over `x` × `y`.
    public init(x: ClosedRange<Double>, y: ClosedRange<Double>, count: Int = 15, scale: Double? = nil,
                color: Color? = nil, colorByMagnitude: Bool = false, colorMap: ColorMap = .viridis,
                _ f: (Double, Double) throws -> (Double, Double)) throws {
        guard count >= 2 && count <= 200 else { throw PlotError.invalid("quiver", "count must be between 2 and 200, got \(count)") }
        var xs: [Double] = [], ys: [Double] = [], us: [Double] = [], vs: [Double] = []
        for j in 0..<count {
            for i in 0..<count {
                let px = x.lowerBound + (x.upperBound - x.lowerBound) * Double(i) / Double(count - 1)
                let py = y.lowerBound + (y.upperBound - y.lowerBound) * Double(j) / Double(count - 1)
                let (a, b) = try f(px, py)
                xs.append(px); ys.append(py); us.append(a); vs.append(b)
            }
        }
        try self.init(x: xs, y: ys, u: us, v: vs, scale: scale, color: color,
                      colorByMagnitude: colorByMagnitude, colorMap: colorMap)
    }
}

extension QuiverMark: MarkDrawing {
    var xExtent: Extent? { Extent(of: drawn.flatMap { [x[$0], x[$0] + scale * u[$0]] }) }
    var yExtent: Extent? { Extent(of: drawn.flatMap { [y[$0], y[$0] + scale * v[$0]] }) }
    var usesDefaultColor: Bool { color == nil && !colorByMagnitude }
    func legendEntries(defaultColor: Color, categoryColors: [Color]) -> [LegendEntry] { [] }

    var colorBar: ColorBarSpec? {
        guard colorByMagnitude else { return nil }
        let (lo, hi) = magnitudeRange
        return ColorBarSpec(map: colorMap, low: lo, high: hi > lo ? hi : lo + 1, label: "magnitude", levels: nil,
                            mapLow: 0, mapHigh: 0.8)
    }

    var notes: [String] {
        let omitted = x.count - drawn.count
        return omitted > 0 ? ["\(omitted) of \(x.count) arrows not drawn (NaN or infinite values)"] : []
    }

    var summary: String {
        "vector field of \(drawn.count) arrows, magnitudes from \(NumberFormat.general(magnitudeRange.0)) "
            + "to \(NumberFormat.general(magnitudeRange.1))"
    }

    func draw(into svg: inout SVGWriter, _ ctx: MarkContext) {
        let single = colorByMagnitude ? nil : (color ?? ctx.defaultColor)
        if let single {
            svg.open("g", ["fill": "none", "stroke": single.hex, "stroke-width": "1.25", "stroke-linecap": "round", "stroke-linejoin": "round"])
        } else {
            svg.open("g", ["fill": "none", "stroke-width": "1.25", "stroke-linecap": "round", "stroke-linejoin": "round"])
        }
        let (lo, hi) = magnitudeRange
        for i in drawn {
            let x0 = ctx.x(x[i]), y0 = ctx.y(y[i])
            let x1 = ctx.x(x[i] + scale * u[i]), y1 = ctx.y(y[i] + scale * v[i])
            let dx = x1 - x0, dy = y1 - y0
            let length = (dx * dx + dy * dy).squareRoot()
            guard length >= 0.5 else { continue }  // a vanishing arrow has no direction to show
            let head = min(7, 0.35 * length), ux = dx / length, uy = dy / length
            let bx = x1 - head * ux, by = y1 - head * uy
            let wx = -uy * head * 0.5, wy = ux * head * 0.5
            let d = "M" + px(x0) + "," + px(y0) + "L" + px(x1) + "," + px(y1)
                + "M" + px(bx + wx) + "," + px(by + wy) + "L" + px(x1) + "," + px(y1) + "L" + px(bx - wx) + "," + px(by - wy)
            if single != nil {
                svg.element("path", ["d": d])
            } else {
                let m = (u[i] * u[i] + v[i] * v[i]).squareRoot()
                let t = hi > lo ? (m - lo) / (hi - lo) : 0.5
                svg.element("path", ["d": d, "stroke": colorMap.color(at: t * 0.8).hex])
            }
        }
        svg.close("g")
    }
}
