/// A polyline through (x, y) in order: a loss curve, a density, one series of several.
/// Non-finite values break the line into pieces (a visible gap) and are counted in a note.
public struct LineMark: Sendable {
    /// Horizontal positions (0, 1, 2, … when built without x).
    public let x: [Double]
    /// Vertical positions.
    public let y: [Double]
    /// The legend label (no legend entry when nil).
    public let label: String?
    /// The stroke colour; nil takes the next palette colour.
    public let color: Color?
    /// Stroke width in px.
    public let width: Double
    /// Dashed instead of solid.
    public let dashed: Bool
    /// An arrowhead at the last point, pointing along the last segment (a diagram's flow).
    public let arrow: Bool

    let finite: [Bool]

    /// Validates a line; throws `PlotError` for empty data, mismatched lengths or no
    /// finite point at all.
    public init(x: [Double]? = nil, y: [Double], label: String? = nil, color: Color? = nil,
                width: Double = 1.75, dashed: Bool = false, arrow: Bool = false) throws {
        guard !y.isEmpty else { throw PlotError.empty("line", "points") }
        let xs = x ?? y.indices.map(Double.init)
        guard xs.count == y.count else { throw PlotError.lengths("line", "x", xs.count, "y", y.count) }
        guard width > 0 && width <= 20 else { throw PlotError.invalid("line", "width must be in (0, 20] px, got \(NumberFormat.general(width))") }
        let finite = zip(xs, y).map { $0.isFinite && $1.isFinite }
        guard finite.contains(true) else {
            throw PlotError(.nonFinite, "line: all \(y.count) points have a NaN or infinite coordinate; nothing to draw")
        }
        if arrow, !(finite.last ?? false) || finite.count < 2 || !finite[finite.count - 2] {
            throw PlotError.invalid("line", "an arrow needs its last two points finite, to point along the last segment")
        }
        (self.x, self.y, self.label, self.color, self.width, self.dashed, self.arrow, self.finite) =
            (xs, y, label, color, width, dashed, arrow, finite)
    }
}

extension LineMark: MarkDrawing {
    var xExtent: Extent? { Extent(of: zip(x, finite).filter { $1 }.map { $0.0 }) }
    var yExtent: Extent? { Extent(of: zip(y, finite).filter { $1 }.map { $0.0 }) }
    var usesDefaultColor: Bool { color == nil }
    var legendKey: String? { label }

    func legendEntries(defaultColor: Color, categoryColors: [Color]) -> [LegendEntry] {
        label.map { [LegendEntry(label: $0, swatch: .line(color ?? defaultColor, dashed: dashed))] } ?? []
    }

    var notes: [String] {
        let gaps = finite.filter { !$0 }.count
        guard gaps > 0 else { return [] }
        return ["\(label.map { "“\($0)”: " } ?? "")\(gaps) non-finite value\(gaps == 1 ? "" : "s") left as gaps in the line"]
    }

    var summary: String {
        "line\(label.map { " “\($0)”" } ?? "") through \(finite.filter { $0 }.count) points"
    }

    func draw(into svg: inout SVGWriter, _ ctx: MarkContext) {
        // One subpath per run of finite points; a lone point becomes a dot ("h0", round cap).
        var d = ""
        var run = 0
        for i in x.indices {
            guard finite[i] else {
                if run == 1 { d += "h0" }
                run = 0
                continue
            }
            let (px0, py0) = arrow && i == x.count - 1 ? arrowhead(ctx).base : (ctx.x(x[i]), ctx.y(y[i]))
            d += (run > 0 ? "L" : "M") + px(px0) + "," + px(py0)
            run += 1
        }
        if run == 1 { d += "h0" }
        let stroke = (color ?? ctx.defaultColor).hex
        if arrow, case let points = arrowhead(ctx).triangle, !points.isEmpty {
            svg.element("path", ["d": "M" + points.map { px($0.0) + "," + px($0.1) }.joined(separator: "L") + "Z", "fill": stroke])
        }
        if dashed {
            svg.element("path", ["d": d, "fill": "none", "stroke": stroke, "stroke-width": px(width),
                                 "stroke-linejoin": "round", "stroke-linecap": "round",
                                 "stroke-dasharray": "6 4"])
        } else {
            svg.element("path", ["d": d, "fill": "none", "stroke": stroke, "stroke-width": px(width),
                                 "stroke-linejoin": "round", "stroke-linecap": "round"])
        }
    }

    /// The arrowhead: a triangle whose tip is the last point, 4 line widths long (at least 7 px),
    /// and the middle of its base, where the line stops so its round cap does not blunt the tip.
    private func arrowhead(_ ctx: MarkContext) -> (triangle: [(Double, Double)], base: (Double, Double)) {
        let n = x.count
        let (tipX, tipY) = (ctx.x(x[n - 1]), ctx.y(y[n - 1]))
        let (dx, dy) = (tipX - ctx.x(x[n - 2]), tipY - ctx.y(y[n - 2]))
        let length = (dx * dx + dy * dy).squareRoot()
        guard length > 0 else { return ([], (tipX, tipY)) }
        let (ux, uy) = (dx / length, dy / length)
        let head = min(max(7, 4 * width), length), half = head * 0.45
        let (baseX, baseY) = (tipX - ux * head, tipY - uy * head)
        return ([(tipX, tipY), (baseX - uy * half, baseY + ux * half), (baseX + uy * half, baseY - ux * half)], (baseX, baseY))
    }
}
