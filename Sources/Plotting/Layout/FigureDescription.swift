/// The generated accessible description of a figure (its `<desc>`): what each panel draws
/// and the ranges its axes show, in plain sentences.
struct FigureDescription {
    let text: String

    init(_ figure: Figure, _ layouts: [PanelLayout]) {
        var sentences: [String] = []
        if layouts.count > 1 { sentences.append("\(layouts.count) panels.") }
        for (k, layout) in layouts.enumerated() {
            let plot = layout.plan.plot
            var s = layouts.count > 1 ? "Panel \(k + 1)" : ""
            if let title = plot.title { s += (s.isEmpty ? "" : " ") + "“\(title)”" }
            let marks = layout.plan.drawings.map(\.summary).joined(separator: "; ")
            s += (s.isEmpty ? "" : ": ") + Self.capitalisedIfFirst(marks, first: s.isEmpty) + "."
            s += Self.axis("x", plot.xLabel, layout.xAxis, plot.xScale)
            s += Self.axis("y", plot.yLabel, layout.yAxis, plot.yScale)
            sentences.append(s)
        }
        text = sentences.joined(separator: " ")
    }

    private static func axis(_ name: String, _ label: String?, _ axis: AxisModel, _ kind: ScaleKind) -> String {
        let title = label.map { " “\($0)”" } ?? ""
        if case .band(_, let labels) = axis.scale {
            return " The \(name) axis\(title) lists \(labels.count) categories."
        }
        guard let (lo, hi) = axis.shownDomain else { return "" }
        return " The \(name) axis\(title)\(kind == .log ? " (logarithmic)" : "") runs from "
            + "\(NumberFormat.general(lo)) to \(NumberFormat.general(hi))."
    }

    private static func capitalisedIfFirst(_ s: String, first: Bool) -> String {
        guard first, let c = s.first else { return s }
        return c.uppercased() + s.dropFirst()
    }
}
