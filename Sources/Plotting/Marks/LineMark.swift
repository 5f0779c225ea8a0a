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

    let finite: [Bool]

    /// Validates a line; throws `PlotError` for empty data, mismatched lengths or no
    /// finite point at all.
    public init(x: [Double]? = nil, y: [Double], label: String? = nil, color: Color? = nil,
                width: Double = 1.75, dashed: Bool = false) throws {
        guard !y.isEmpty else { throw PlotError.empty("line", "points") }
        let xs = x ?? y.indices.map(Double.init)
        guard xs.count == y.count else { throw PlotError.lengths("line", "x", xs.count, "y", y.count) }
        guard width > 0 && width <= 20 else { throw PlotError.invalid("line", "width must be in (0, 20] px, got \(NumberFormat.general(width))") }
        let finite = zip(xs, y).map { $0.isFinite && $1.isFinite }
        guard finite.contains(true) else {
            throw PlotError(.nonFinite, "line: all \(y.count) points have a NaN or infinite coordinate; nothing to draw")
        }
        (self.x, self.y, self.label, self.color, self.width, self.dashed, self.finite) =
            (xs, y, label, color, width, dashed, finite)
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
            d += (run > 0 ? "L" : "M") + px(ctx.x(x[i])) + "," + px(ctx.y(y[i]))
            run += 1
        }
        if run == 1 { d += "h0" }
        let stroke = (color ?? ctx.defaultColor).hex
        if dashed {
            svg.element("path", ["d": d, "fill": "none", "stroke": stroke, "stroke-width": px(width),
                                 "stroke-linejoin": "round", "stroke-linecap": "round",
                                 "stroke-dasharray": "6 4"])
        } else {
            svg.element("path", ["d": d, "fill": "none", "stroke": stroke, "stroke-width": px(width),
                                 "stroke-linejoin": "round", "stroke-linecap": "round"])
        }
    }
}
