// The names cells call. Each constructor checks its data and throws `PlotError` with a
// sentence naming the mark and the problem.

extension Mark {
    /// Points at (x, y); see `ScatterMark`.
    public static func scatter(x: [Double], y: [Double], color: PointColor = .automatic,
                               colorMap: ColorMap = .viridis, radius: Double? = nil, sizes: [Double]? = nil,
                               opacity: Double? = nil, label: String? = nil, colorLabel: String? = nil) throws -> Mark {
        .scatter(try ScatterMark(x: x, y: y, color: color, colorMap: colorMap, radius: radius, sizes: sizes,
                                 opacity: opacity, label: label, colorLabel: colorLabel))
    }

    /// A line through (x, y), x defaulting to 0, 1, 2, …; see `LineMark`.
    public static func line(x: [Double]? = nil, y: [Double], label: String? = nil, color: Color? = nil,
                            width: Double = 1.75, dashed: Bool = false, arrow: Bool = false) throws -> Mark {
        .line(try LineMark(x: x, y: y, label: label, color: color, width: width, dashed: dashed, arrow: arrow))
    }

    /// Several lines over one x (e.g. training and validation loss), one per series, each
    /// labelled for the legend. Throws when labels and series disagree in number.
    public static func lines(x: [Double]? = nil, series: [[Double]], labels: [String]? = nil) throws -> [Mark] {
        guard !series.isEmpty else { throw PlotError.empty("lines", "series") }
        if let labels, labels.count != series.count {
            throw PlotError.lengths("lines", "series", series.count, "labels", labels.count)
        }
        return try series.enumerated().map { k, ys in
            try .line(x: x, y: ys, label: labels?[k])
        }
    }

    /// Texts at (x, y); see `TextMark`.
    public static func text(_ texts: [String], x: [Double], y: [Double], color: Color? = nil, size: Double = 12,
                            anchor: TextMark.Anchor = .middle) throws -> Mark {
        .text(try TextMark(x: x, y: y, texts: texts, color: color, size: size, anchor: anchor))
    }

    /// A histogram of samples; see `HistogramMark`.
    public static func histogram(_ values: [Double], bins: Int? = nil, density: Bool = false, kde: Bool = false,
                                 label: String? = nil, color: Color? = nil) throws -> Mark {
        .histogram(try HistogramMark(values, bins: bins, density: density, kde: kde, label: label, color: color))
    }

    /// Bars for categories; see `BarMark`.
    public static func bar(categories: [String], values: [Double], color: Color? = nil, label: String? = nil) throws -> Mark {
        .bar(try BarMark(categories: categories, values: values, color: color, label: label))
    }

    /// A heatmap of a matrix (row 0 at the top); see `HeatmapMark`.
    public static func heatmap(_ matrix: [[Double]], colorMap: ColorMap = .viridis, range: ClosedRange<Double>? = nil,
                               colorLabel: String? = nil) throws -> Mark {
        .heatmap(try HeatmapMark(matrix: matrix, colorMap: colorMap, range: range, colorLabel: colorLabel))
    }

    /// A heatmap of a sampled function (y upward); see `HeatmapMark`.
    public static func heatmap(_ grid: Grid, colorMap: ColorMap = .viridis, range: ClosedRange<Double>? = nil,
                               colorLabel: String? = nil) throws -> Mark {
        .heatmap(try HeatmapMark(grid: grid, colorMap: colorMap, range: range, colorLabel: colorLabel))
    }

    /// Contour lines at about `levels` round values; see `ContourMark`.
    public static func contour(_ grid: Grid, levels: Int = 10, colorMap: ColorMap = .viridis, color: Color? = nil,
                               colorLabel: String? = nil) throws -> Mark {
        .contour(try ContourMark(grid: grid, levels: levels, colorMap: colorMap, color: color, colorLabel: colorLabel))
    }

    /// Contour lines at the given levels; see `ContourMark`.
    public static func contour(_ grid: Grid, thresholds: [Double], colorMap: ColorMap = .viridis, color: Color? = nil,
                               colorLabel: String? = nil) throws -> Mark {
        .contour(try ContourMark(grid: grid, thresholds: thresholds, colorMap: colorMap, color: color, colorLabel: colorLabel))
    }

    /// Arrows (u, v) at (x, y); see `QuiverMark`.
    public static func quiver(x: [Double], y: [Double], u: [Double], v: [Double], scale: Double? = nil,
                              color: Color? = nil, colorByMagnitude: Bool = false,
                              colorMap: ColorMap = .viridis) throws -> Mark {
        .quiver(try QuiverMark(x: x, y: y, u: u, v: v, scale: scale, color: color,
                               colorByMagnitude: colorByMagnitude, colorMap: colorMap))
    }
}
