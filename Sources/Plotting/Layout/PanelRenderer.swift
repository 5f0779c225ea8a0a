/// Draws one laid-out panel: grid lines, marks (clipped to the plot area), axes, labels,
/// title, legend, colour bar and notes, in that order.
struct PanelRenderer {
    let layout: PanelLayout
    let index: Int
    let idPrefix: String

    static let ink = "#222222"
    static let axisInk = "#444444"
    static let gridInk = "#e8e8e8"

    var area: Rect { layout.area }
    var plot: Plot { layout.plan.plot }

    func draw(into svg: inout SVGWriter) {
        svg.open("g", ["class": "panel"])
        if plot.grid && plot.axes { drawGrid(into: &svg) }
        drawMarks(into: &svg)
        if plot.axes { drawAxes(into: &svg) }
        drawLabels(into: &svg)
        drawLegend(into: &svg)
        drawColorBar(into: &svg)
        drawNotes(into: &svg)
        svg.close("g")
    }

    private func drawMarks(into svg: inout SVGWriter) {
        // Points may overhang the area by their radius; everything else is cut at its edge.
        let slack = layout.plan.drawings.compactMap { $0 as? ScatterMark }.map { m in
            m.sizes == nil ? m.radius : 9
        }.max().map { $0 + 1 } ?? 1
        let clip = "\(idPrefix)-clip\(index)"
        svg.open("clipPath", ["id": clip])
        svg.element("rect", ["x": px(area.x - slack), "y": px(area.y - slack),
                             "width": px(area.width + 2 * slack), "height": px(area.height + 2 * slack)])
        svg.close("clipPath")
        svg.open("g", ["clip-path": "url(#\(clip))"])
        let ctx0 = MarkContext(x: layout.xAxis.scale, y: layout.yAxis.scale, left: area.x, top: area.y,
                               width: area.width, height: area.height, defaultColor: Palette.color(0))
        let marks = layout.plan.plot.marks
        for (k, drawing) in layout.plan.drawings.enumerated() where !marks[k].isText {
            var ctx = ctx0
            ctx.defaultColor = layout.plan.markColors[k]
            ctx.categoryColors = layout.plan.categoryColors[k]
            ctx.overFill = marks[..<k].contains(where: \.fillsExtent)
            drawing.draw(into: &svg, ctx)
        }
        svg.close("g")
        for (k, drawing) in layout.plan.drawings.enumerated() where marks[k].isText {
            drawing.draw(into: &svg, ctx0)
        }
        // Bars that go below zero get a zero line to stand on.
        if layout.plan.plot.marks.contains(where: \.needsZeroBaseline), case .linear(let s) = layout.yAxis.scale,
           min(s.domain.0, s.domain.1) < 0, max(s.domain.0, s.domain.1) > 0 {
            let y = px(s(0))
            svg.element("line", ["x1": px(area.x), "x2": px(area.right), "y1": y, "y2": y,
                                 "stroke": Self.axisInk, "stroke-width": "1", "class": "lc-axis"])
        }
    }

    private func drawLabels(into svg: inout SVGWriter) {
        if let title = plot.title {
            svg.label("text", ["x": px(area.x + area.width / 2), "y": px(layout.cell.y + 19), "text-anchor": "middle",
                              "font-size": px(PanelLayout.titleFont), "font-weight": "600", "fill": "#111111", "class": "lc-ink"], title)
        }
        if let label = plot.xLabel {
            let below = !plot.axes ? 0 : layout.xAxis.rotatedLabels
                ? PanelLayout.tickLength + 4 + layout.xAxis.widestLabel * 0.643 + AxisModel.tickFont * 0.766
                : PanelLayout.tickLength + 4 + AxisModel.tickFont
            svg.label("text", ["x": px(area.x + area.width / 2), "y": px(area.bottom + below + 17),
                              "text-anchor": "middle", "font-size": px(PanelLayout.labelFont), "fill": Self.ink, "class": "lc-ink"], label)
        }
        if let label = plot.yLabel {
            // Beside the tick labels (not the cell edge), so it follows an equal-aspect area.
            let x = area.x - (plot.axes ? PanelLayout.tickLength + 3 + layout.yAxis.widestLabel : 0) - 8
            let y = area.y + area.height / 2
            svg.label("text", ["transform": "translate(\(px(x)),\(px(y))) rotate(-90)", "text-anchor": "middle",
                              "font-size": px(PanelLayout.labelFont), "fill": Self.ink, "class": "lc-ink"], label)
        }
    }

    private func drawNotes(into svg: inout SVGWriter) {
        var notes = layout.plan.notes
        if notes.count > 3 { notes = Array(notes.prefix(2)) + ["and \(notes.count - 2) more notes"] }
        let bottom = layout.cell.y + layout.cell.height - 6
        for (k, note) in notes.reversed().enumerated() {
            svg.text("text", ["x": px(layout.cell.x + 6), "y": px(bottom - Double(k) * 14),
                              "font-size": px(PanelLayout.noteFont), "font-style": "italic", "fill": "#8a3b00"],
                     "Note: " + note)
        }
    }
}
