/// One panel: marks drawn over shared x and y axes, with a title, axis labels, linear or
/// log scales, optional grid lines and equal aspect. A value: modifying returns a copy.
///
///     let p = Plot([try .scatter(x: z1, y: z2, color: .categories(labels))],
///                  title: "Latent space", xLabel: "z₁", yLabel: "z₂", equalAspect: true)
///     let svg = try p.svg()
public struct Plot: Sendable {
    /// The layers, drawn in order (later marks on top).
    public var marks: [Mark]
    /// The panel's title, drawn above it.
    public var title: String?
    /// The horizontal axis label.
    public var xLabel: String?
    /// The vertical axis label.
    public var yLabel: String?
    /// Linear or logarithmic horizontal axis.
    public var xScale: ScaleKind
    /// Linear or logarithmic vertical axis.
    public var yScale: ScaleKind
    /// A fixed horizontal domain; nil fits the data (extended to round values).
    public var xDomain: ClosedRange<Double>?
    /// A fixed vertical domain; nil fits the data (extended to round values).
    public var yDomain: ClosedRange<Double>?
    /// Light grid lines at the ticks.
    public var grid: Bool
    /// One data unit has the same length on both axes (for latent spaces, vector fields).
    public var equalAspect: Bool
    /// Show the legend when marks have labels or categories.
    public var legend: Bool
    /// Draw the axes, ticks and grid; without them the panel is a diagram drawn with marks.
    public var axes: Bool

    /// A panel of `marks`.
    public init(_ marks: [Mark], title: String? = nil, xLabel: String? = nil, yLabel: String? = nil,
                xScale: ScaleKind = .linear, yScale: ScaleKind = .linear,
                xDomain: ClosedRange<Double>? = nil, yDomain: ClosedRange<Double>? = nil,
                grid: Bool = true, equalAspect: Bool = false, legend: Bool = true, axes: Bool = true) {
        self.marks = marks
        (self.title, self.xLabel, self.yLabel) = (title, xLabel, yLabel)
        (self.xScale, self.yScale, self.xDomain, self.yDomain) = (xScale, yScale, xDomain, yDomain)
        (self.grid, self.equalAspect, self.legend, self.axes) = (grid, equalAspect, legend, axes)
    }

    /// A copy with `mark` drawn on top of the existing marks.
    public func adding(_ mark: Mark) -> Plot {
        var copy = self
        copy.marks.append(mark)
        return copy
    }

    /// The panel alone as an SVG document `width` × `height` CSS px.
    public func svg(width: Double = 640, height: Double = 400) throws -> String {
        try Figure(self, width: width, height: height).svg()
    }
}
