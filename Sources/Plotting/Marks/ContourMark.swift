/// Contour lines of a grid (a 2-D function or density) at several levels, by marching
/// squares. Lines are coloured by level through a colour map, with a colour bar, or drawn
/// in one colour (e.g. over a heatmap).
public struct ContourMark: Sendable {
    /// The levels drawn, ascending.
    public let levels: [Double]
    /// The polylines of each level, in data coordinates.
    public let lines: [[MarchingSquares.Polyline]]
    /// The colour map for levels (when `color` is nil).
    public let colorMap: ColorMap
    /// One colour for every line; nil colours by level.
    public let color: Color?
    /// The colour bar's title.
    public let colorLabel: String?

    let grid: Grid
    let valueExtent: (Double, Double)
    let missing: Int

    /// Contours at about `levels` round values strictly inside the grid's range (d3-contour's
    /// thresholds). Throws `PlotError` when the grid has no finite value or is constant.
    public init(grid: Grid, levels: Int = 10, colorMap: ColorMap = .viridis, color: Color? = nil,
                colorLabel: String? = nil) throws {
        guard levels >= 1 && levels <= 100 else { throw PlotError.invalid("contour", "levels must be between 1 and 100, got \(levels)") }
        let e = try Self.extent(grid)
        let (a, b) = Ticks.nice(e.min, e.max, count: levels)
        let thresholds = Ticks.ticks(a, b, count: levels).filter { $0 > e.min && $0 < e.max }
        try self.init(grid: grid, thresholds: thresholds, colorMap: colorMap, color: color, colorLabel: colorLabel)
    }

    /// Contours at the given `thresholds` (sorted ascending; duplicates removed).
    public init(grid: Grid, thresholds: [Double], colorMap: ColorMap = .viridis, color: Color? = nil,
                colorLabel: String? = nil) throws {
        let e = try Self.extent(grid)
        guard !thresholds.isEmpty else { throw PlotError.empty("contour", "levels") }
        guard thresholds.allSatisfy(\.isFinite) else { throw PlotError(.nonFinite, "contour: every level must be a finite number") }
        let levels = Array(Set(thresholds)).sorted()
        self.levels = levels
        self.lines = levels.map { MarchingSquares.contours(grid, level: $0) }
        (self.colorMap, self.color, self.colorLabel, self.grid) = (colorMap, color, colorLabel, grid)
        self.valueExtent = (e.min, e.max)
        self.missing = grid.values.reduce(0) { $0 + $1.filter { !$0.isFinite }.count }
    }

    private static func extent(_ grid: Grid) throws -> Extent {
        guard let e = Extent(of: grid.values.flatMap { $0 }) else {
            throw PlotError(.nonFinite, "contour: every grid value is NaN or infinite; nothing to draw")
        }
        guard e.max > e.min else {
            throw PlotError.invalid("contour", "the grid is constant (\(NumberFormat.general(e.min))), so it has no contour lines")
        }
        return e
    }

    /// The part of the colour map lines use: the top of viridis is too pale to read on white.
    static let usedMap = (0.0, 0.8)

    func levelColor(_ k: Int) -> Color {
        if let color { return color }
        let t = levels.count > 1 ? Double(k) / Double(levels.count - 1) : 0.5
        return colorMap.color(at: Self.usedMap.0 + t * (Self.usedMap.1 - Self.usedMap.0))
    }
}

extension ContourMark: MarkDrawing {
    var xExtent: Extent? { Extent(min: grid.x[0], max: grid.x[grid.x.count - 1]) }
    var yExtent: Extent? { Extent(min: grid.y[0], max: grid.y[grid.y.count - 1]) }
    var usesDefaultColor: Bool { false }
    func legendEntries(defaultColor: Color, categoryColors: [Color]) -> [LegendEntry] { [] }

    var colorBar: ColorBarSpec? {
        guard color == nil else { return nil }
        let lo = levels.first!, hi = levels.last!
        return ColorBarSpec(map: colorMap, low: lo, high: hi == lo ? lo + 1 : hi, label: colorLabel, levels: levels,
                            mapLow: Self.usedMap.0, mapHigh: Self.usedMap.1)
    }

    var notes: [String] {
        missing > 0 ? ["\(missing) grid value\(missing == 1 ? "" : "s") NaN or infinite: contours skip those cells"] : []
    }

    var summary: String {
        "contour lines at \(levels.count) level\(levels.count == 1 ? "" : "s") from "
            + "\(NumberFormat.general(levels.first!)) to \(NumberFormat.general(levels.last!)) of a "
            + "\(grid.x.count) × \(grid.y.count) grid"
    }

    func draw(into svg: inout SVGWriter, _ ctx: MarkContext) {
        svg.open("g", ["fill": "none", "stroke-width": "1.5", "stroke-linejoin": "round"])
        for (k, polylines) in lines.enumerated() where !polylines.isEmpty {
            var d = ""
            for line in polylines {
                for (i, p) in line.points.enumerated() {
                    d += (i == 0 ? "M" : "L") + px(ctx.x(p.x)) + "," + px(ctx.y(p.y))
                }
                if line.closed { d += "Z" }
            }
            svg.element("path", ["d": d, "stroke": levelColor(k).hex])
        }
        svg.close("g")
    }
}
