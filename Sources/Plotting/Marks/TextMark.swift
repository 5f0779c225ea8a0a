/// Words at data positions: the names of a diagram's boxes, a value beside a bar, a note at a
/// point. Each text is anchored at its (x, y) — its start, middle or end, vertically centred —
/// and may hold `$math$` as titles do. Texts are not clipped to the plot area.
public struct TextMark: Sendable {
    /// Where a text sits relative to its point.
    public enum Anchor: String, Sendable, CaseIterable {
        case start, middle, end
    }

    /// Horizontal positions.
    public let x: [Double]
    /// Vertical positions (the middle of the text's lower-case letters).
    public let y: [Double]
    /// The words, one per point.
    public let texts: [String]
    /// The ink; nil is the page's text colour (dark, or light in dark mode).
    public let color: Color?
    /// Font size in px.
    public let size: Double
    /// Which part of each text lies on its point.
    public let anchor: Anchor

    /// Validates the texts; throws `PlotError` for empty or mismatched data, non-finite
    /// positions or a size outside 6…40 px.
    public init(x: [Double], y: [Double], texts: [String], color: Color? = nil, size: Double = 12,
                anchor: Anchor = .middle) throws {
        guard !texts.isEmpty else { throw PlotError.empty("text", "texts") }
        guard x.count == texts.count else { throw PlotError.lengths("text", "x", x.count, "texts", texts.count) }
        guard y.count == texts.count else { throw PlotError.lengths("text", "y", y.count, "texts", texts.count) }
        if let k = x.indices.first(where: { !x[$0].isFinite || !y[$0].isFinite }) {
            throw PlotError(.nonFinite, "text: “\(texts[k])” is placed at a NaN or infinite position (\(x[k]), \(y[k]))")
        }
        guard (6...40).contains(size) else {
            throw PlotError.invalid("text", "size must be between 6 and 40 px, got \(NumberFormat.general(size))")
        }
        (self.x, self.y, self.texts, self.color, self.size, self.anchor) = (x, y, texts, color, size, anchor)
    }
}

extension TextMark: MarkDrawing {
    var xExtent: Extent? { Extent(of: x) }
    var yExtent: Extent? { Extent(of: y) }
    var usesDefaultColor: Bool { false }

    func legendEntries(defaultColor: Color, categoryColors: [Color]) -> [LegendEntry] { [] }

    var summary: String {
        let shown = texts.prefix(6).map { "“\($0)”" }.joined(separator: ", ")
        return "text\(texts.count == 1 ? "" : "s") \(shown)\(texts.count > 6 ? " and \(texts.count - 6) more" : "")"
    }

    func draw(into svg: inout SVGWriter, _ ctx: MarkContext) {
        for k in texts.indices {
            // `dy` of 0.35 em puts the middle of lower-case letters on the point.
            let (x, y, size) = (px(ctx.x(self.x[k])), px(ctx.y(self.y[k])), px(self.size))
            if let color {
                svg.label("text", ["x": x, "y": y, "dy": "0.35em", "text-anchor": anchor.rawValue, "font-size": size,
                                   "fill": color.hex], texts[k])
            } else {
                svg.label("text", ["x": x, "y": y, "dy": "0.35em", "text-anchor": anchor.rawValue, "font-size": size,
                                   "fill": PanelRenderer.ink, "class": "lc-ink"], texts[k])
            }
        }
    }
}
