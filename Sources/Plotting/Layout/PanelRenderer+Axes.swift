extension PanelRenderer {
    /// Light lines across the plot area at the labelled ticks (none along category axes).
    func drawGrid(into svg: inout SVGWriter) {
        var d = ""
        if !isBand(layout.xAxis) {
            for t in layout.xAxis.ticks where t.major {
                let x = px(layout.xAxis.scale(t.value))
                d += "M\(x),\(px(area.y))V\(px(area.bottom))"
            }
        }
        for t in layout.yAxis.ticks where t.major {
            let y = px(layout.yAxis.scale(t.value))
            d += "M\(px(area.x)),\(y)H\(px(area.right))"
        }
        guard !d.isEmpty else { return }
        svg.element("path", ["d": d, "stroke": Self.gridInk, "stroke-width": "1", "fill": "none", "class": "lc-grid"])
    }

    /// The bottom and left axis lines, ticks pointing outward, and tick labels.
    func drawAxes(into svg: inout SVGWriter) {
        let tick = PanelLayout.tickLength
        // x axis
        var d = "M\(px(area.x)),\(px(area.bottom))H\(px(area.right))"
        for t in layout.xAxis.ticks {
            let x = px(layout.xAxis.scale(t.value))
            d += "M\(x),\(px(area.bottom))v\(px(t.major ? tick : tick * 0.6))"
        }
        // y axis
        d += "M\(px(area.x)),\(px(area.y))V\(px(area.bottom))"
        for t in layout.yAxis.ticks {
            let y = px(layout.yAxis.scale(t.value))
            d += "M\(px(area.x)),\(y)h\(px(-(t.major ? tick : tick * 0.6)))"
        }
        svg.element("path", ["d": d, "stroke": Self.axisInk, "stroke-width": "1", "fill": "none", "class": "lc-axis"])

        svg.open("g", ["fill": Self.ink, "class": "lc-ink"])
        let labelY = area.bottom + tick + 4 + AxisModel.tickFont * 0.8
        for t in layout.xAxis.ticks where !t.label.isEmpty {
            let x = layout.xAxis.scale(t.value)
            if layout.xAxis.rotatedLabels {
                svg.text("text", ["transform": "translate(\(px(x + 3)),\(px(area.bottom + tick + 4))) rotate(-40)",
                                  "text-anchor": "end", "dy": "0.7em"], t.label)
            } else {
                svg.text("text", ["x": px(x), "y": px(labelY), "text-anchor": "middle"], t.label)
            }
        }
        for t in layout.yAxis.ticks where !t.label.isEmpty {
            let y = layout.yAxis.scale(t.value)
            svg.text("text", ["x": px(area.x - tick - 3), "y": px(y + AxisModel.tickFont * 0.35), "text-anchor": "end"], t.label)
        }
        svg.close("g")
    }

    private func isBand(_ axis: AxisModel) -> Bool {
        if case .band = axis.scale { return true }
        return false
    }
}
