extension PanelRenderer {
    /// The legend, to the right of the plot area, top-aligned with it.
    func drawLegend(into svg: inout SVGWriter) {
        let entries = layout.plan.legend
        guard !entries.isEmpty else { return }
        let x = area.right + 14
        svg.open("g", ["font-size": px(PanelLayout.legendFont), "fill": Self.ink, "class": "lc-ink"])
        for (k, entry) in entries.enumerated() {
            let cy = area.y + 8 + Double(k) * 18
            switch entry.swatch {
            case .point(let c):
                svg.element("circle", ["cx": px(x + 7), "cy": px(cy), "r": "4.5", "fill": c.hex])
            case .line(let c, let dashed):
                if dashed {
                    svg.element("path", ["d": "M\(px(x)),\(px(cy))h14", "stroke": c.hex, "stroke-width": "2", "stroke-dasharray": "4 2"])
                } else {
                    svg.element("path", ["d": "M\(px(x)),\(px(cy))h14", "stroke": c.hex, "stroke-width": "2"])
                }
            case .area(let c):
                svg.element("rect", ["x": px(x + 1), "y": px(cy - 6), "width": "12", "height": "12", "fill": c.hex])
            }
            svg.label("text", ["x": px(x + 20), "y": px(cy + PanelLayout.legendFont * 0.35)], entry.label)
        }
        svg.close("g")
    }

    /// The colour bar: a ramp (or the levels of a contour) with its own small axis.
    func drawColorBar(into svg: inout SVGWriter) {
        guard let spec = layout.plan.colorBar, let axis = layout.colorBarAxis,
              case .linear(let scale) = axis.scale else { return }
        let x = area.right + layout.legendWidth + 18
        let top = scale.range.1, bottom = scale.range.0
        let steps = 64
        svg.open("g", ["shape-rendering": "crispEdges"])
        for k in 0..<steps {
            // Band k covers [k, k+1]/steps of the bar, coloured at its centre.
            let t = (Double(k) + 0.5) / Double(steps)
            let y0 = bottom - (bottom - top) * Double(k + 1) / Double(steps)
            let y1 = bottom - (bottom - top) * Double(k) / Double(steps)
            let c = spec.map.color(at: spec.mapLow + t * (spec.mapHigh - spec.mapLow))
            svg.element("rect", ["x": px(x), "y": px(y0), "width": "12", "height": px(y1 - y0 + 0.5), "fill": c.hex])
        }
        svg.close("g")
        var d = "M\(px(x)),\(px(top))h12V\(px(bottom))h-12Z"
        for t in axis.ticks { d += "M\(px(x + 12)),\(px(scale(t.value)))h\(px(PanelLayout.tickLength))" }
        svg.element("path", ["d": d, "stroke": Self.axisInk, "stroke-width": "1", "fill": "none", "class": "lc-axis"])
        if let levels = spec.levels {
            var marks = ""
            for level in levels { marks += "M\(px(x)),\(px(scale(level)))h12" }
            svg.element("path", ["d": marks, "stroke": "#ffffff", "stroke-width": "1", "fill": "none"])
        }
        svg.open("g", ["fill": Self.ink, "class": "lc-ink"])
        for t in axis.ticks {
            svg.text("text", ["x": px(x + 12 + PanelLayout.tickLength + 3), "y": px(scale(t.value) + AxisModel.tickFont * 0.35)], t.label)
        }
        svg.close("g")
        if let label = spec.label {
            let lx = x + 12 + PanelLayout.tickLength + 3 + axis.widestLabel + 14
            svg.label("text", ["transform": "translate(\(px(lx)),\(px((top + bottom) / 2))) rotate(-90)",
                              "text-anchor": "middle", "font-size": px(PanelLayout.labelFont), "fill": Self.ink, "class": "lc-ink"], label)
        }
    }
}
