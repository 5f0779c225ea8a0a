/// A figure: one or more panels in a grid, rendered to a self-contained SVG string with
/// `<title>` and `<desc>` for screen readers. Same figure, same bytes.
///
///     let f = Figure([loss, latent, samples, density], columns: 2, title: "VAE training")
///     let markup = try f.svg()
public struct Figure: Sendable {
    /// The panels, filled row by row.
    public var panels: [Plot]
    /// Panels per row.
    public var columns: Int
    /// Width and height in CSS px.
    public var width: Double, height: Double
    /// The figure's title, drawn above the panels and used as the accessible title.
    public var title: String?
    /// The accessible description; nil generates one from the marks and axes.
    public var description: String?
    /// Panels share their x range and their y range (each the union of all panels' data on
    /// that axis), so small multiples compare at a glance. Axes with a fixed domain or with
    /// categories keep their own.
    public var sharedAxes: Bool

    /// The widest a figure is by default: a page's text column, so that text in the figure
    /// is shown at its own size (11 px ticks stay 11 px) instead of shrunk to fit.
    public static let columnWidth = 720.0

    /// A figure of `panels`, `columns` per row (default: up to 3 per row, as square as
    /// possible). Default size: 640 × 400 px for one panel; otherwise 360 × 280 px per panel,
    /// narrowed to `columnWidth` with the panels' shape kept when the row is wider.
    public init(_ panels: [Plot], columns: Int? = nil, width: Double? = nil, height: Double? = nil,
                title: String? = nil, description: String? = nil, sharedAxes: Bool = false) {
        let n = max(panels.count, 1)
        let cols = max(1, min(columns ?? min(3, Int(Double(n).squareRoot().rounded(.up))), n))
        let rows = (n + cols - 1) / cols
        self.panels = panels
        self.columns = cols
        let panelWidth = min(360, Self.columnWidth / Double(cols))
        self.width = width ?? (n == 1 ? 640 : panelWidth * Double(cols))
        self.height = height ?? (n == 1 ? 400 : (panelWidth * 280 / 360).rounded() * Double(rows) + (title == nil ? 0 : 30))
        self.title = title
        self.description = description
        self.sharedAxes = sharedAxes
    }

    /// A figure holding one panel.
    public init(_ plot: Plot, width: Double = 640, height: Double = 400, title: String? = nil,
                description: String? = nil) {
        self.init([plot], columns: 1, width: width, height: height, title: title, description: description)
    }

    /// Rows of panels.
    public var rows: Int { (panels.count + columns - 1) / columns }

    /// The figure as an SVG document. Throws `PlotError` when there is nothing to draw, the
    /// size is unusable, or a panel's data does not fit its scales (e.g. a log axis over
    /// values ≤ 0).
    public func svg() throws -> String {
        var colors = CategoryColors()
        return try svg(categoryColors: &colors)
    }

    /// The figure as an SVG document whose categories and labelled marks keep the colours
    /// they have elsewhere on the page; new labels are added to `categoryColors`.
    public func svg(categoryColors: inout CategoryColors) throws -> String {
        try FigureRenderer(self).render(categoryColors: &categoryColors)
    }
}
