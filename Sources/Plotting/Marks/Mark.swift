/// What every mark tells layout, and how it draws itself once scales are known.
/// Marks know nothing of margins or panels (layout is separate, as in Observable Plot).
protocol MarkDrawing {
    /// The data interval the mark occupies horizontally / vertically (nil: none).
    var xExtent: Extent? { get }
    var yExtent: Extent? { get }
    /// Whether the mark takes the next palette colour (it was given no colour).
    var usesDefaultColor: Bool { get }
    /// The label that names the mark's one colour in the legend (nil: none); a mark given no
    /// colour takes the colour its label has on the page (`CategoryColors`).
    var legendKey: String? { get }
    /// The mark's rows of the legend, given the colour the panel chose for it (when it was given
    /// none) and, for a categorical mark, each category's colour on the page.
    func legendEntries(defaultColor: Color, categoryColors: [Color]) -> [LegendEntry]
    var colorBar: ColorBarSpec? { get }
    /// Visible notes about data left out (shown under the panel).
    var notes: [String] { get }
    /// One phrase describing the mark, for the figure's `<desc>`.
    var summary: String { get }
    func draw(into svg: inout SVGWriter, _ ctx: MarkContext)
}

extension MarkDrawing {
    var legendKey: String? { nil }
    var colorBar: ColorBarSpec? { nil }
    var notes: [String] { [] }
}

/// One layer of a panel: points, lines, bars, cells, contour lines or arrows.
/// Build marks with the throwing constructors (`Mark.scatter(…)`, …), which check the data.
public enum Mark: Sendable {
    /// Points (categorical or continuous colour).
    case scatter(ScatterMark)
    /// A polyline, one series.
    case line(LineMark)
    /// Binned samples, counts or density, optionally with a KDE curve.
    case histogram(HistogramMark)
    /// One bar per category.
    case bar(BarMark)
    /// Coloured cells of a matrix or sampled function.
    case heatmap(HeatmapMark)
    /// Level lines of a sampled function.
    case contour(ContourMark)
    /// Arrows of a vector field.
    case quiver(QuiverMark)
    /// Words at points (a diagram's names, a value beside a bar).
    case text(TextMark)

    var drawing: any MarkDrawing {
        switch self {
        case .scatter(let m): return m
        case .line(let m): return m
        case .histogram(let m): return m
        case .bar(let m): return m
        case .heatmap(let m): return m
        case .contour(let m): return m
        case .quiver(let m): return m
        case .text(let m): return m
        }
    }

    /// Bars and histograms need a linear value axis starting from a baseline of zero.
    var needsZeroBaseline: Bool {
        switch self {
        case .bar, .histogram: return true
        default: return false
        }
    }

    /// Texts are drawn over the whole figure, not cut at the plot area's edge.
    var isText: Bool {
        if case .text = self { return true }
        return false
    }

    /// Heatmaps fill their extent exactly: the axes are not extended to round values.
    var fillsExtent: Bool {
        if case .heatmap = self { return true }
        return false
    }
}
