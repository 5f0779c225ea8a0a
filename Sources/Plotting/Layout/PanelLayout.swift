/// Space around a panel's plot area, in px.
struct Margins: Equatable {
    var left = 0.0, right = 0.0, top = 0.0, bottom = 0.0
}

/// A panel fitted into its cell: the plot area, the two axes, and where the legend and
/// colour bar go. Margins come from what the marks and axes put there (tick label widths,
/// legend labels), as in Observable Plot.
struct PanelLayout {
    static let tickLength = 5.0
    static let legendFont = 11.5
    static let labelFont = 12.0
    static let titleFont = 13.5
    static let noteFont = 10.5

    let plan: PanelPlan
    let cell: Rect
    let area: Rect
    let xAxis: AxisModel
    let yAxis: AxisModel
    let colorBarAxis: AxisModel?

    /// Fits `plan` into `area` (already inside `cell`), adjusting the area for equal aspect.
    init(_ plan: PanelPlan, cell: Rect, area: Rect) {
        self.plan = plan
        self.cell = cell
        var area = area
        var x = AxisModel.fit(plan.x, range: (area.x, area.right), count: Self.tickCount(area.width, per: 80), horizontal: true)
        var y = AxisModel.fit(plan.y, range: (area.bottom, area.y), count: Self.tickCount(area.height, per: 50), horizontal: false)
        if plan.plot.equalAspect, case .linear(let sx) = x.scale, case .linear(let sy) = y.scale {
            // Shrink one side so a data unit has one length; keep the (niced) domains.
            let dx = abs(sx.domain.1 - sx.domain.0), dy = abs(sy.domain.1 - sy.domain.0)
            if dx > 0 && dy > 0 {
                let unit = min(area.width / dx, area.height / dy)
                let w = dx * unit, h = dy * unit
                area = Rect(x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h)
                let fixedX = PanelPlan.Domain.continuous(lo: sx.domain.0, hi: sx.domain.1, kind: .linear,
                                                         nice: false, reversed: plan.x.isReversed)
                let fixedY = PanelPlan.Domain.continuous(lo: sy.domain.0, hi: sy.domain.1, kind: .linear,
                                                         nice: false, reversed: plan.y.isReversed)
                x = AxisModel.fit(fixedX, range: (area.x, area.right), count: Self.tickCount(area.width, per: 80), horizontal: true)
                y = AxisModel.fit(fixedY, range: (area.bottom, area.y), count: Self.tickCount(area.height, per: 50), horizontal: false)
            }
        }
        self.area = area
        self.xAxis = x
        self.yAxis = y
        if let bar = plan.colorBar {
            let top = area.y, bottom = area.y + min(area.height, 220)
            colorBarAxis = AxisModel.fit(.continuous(lo: bar.low, hi: bar.high, kind: .linear, nice: false, reversed: false),
                                         range: (bottom, top), count: Self.tickCount(bottom - top, per: 36), horizontal: false)
        } else {
            colorBarAxis = nil
        }
    }

    static func tickCount(_ length: Double, per spacing: Double) -> Int {
        max(2, Int(length / spacing))
    }

    /// The margins this layout's axes, labels, legend and colour bar need.
    var neededMargins: Margins {
        var m = Margins()
        let plot = plan.plot
        m.left = 6 + (plot.yLabel == nil ? 0 : 20) + (plot.axes ? yAxis.widestLabel + Self.tickLength + 4 : 0)
        m.top = plot.title == nil ? 12 : 30
        var bottom = plot.axes ? Self.tickLength + 4 + AxisModel.tickFont : 0
        if plot.axes && xAxis.rotatedLabels { bottom = Self.tickLength + 4 + xAxis.widestLabel * 0.643 + AxisModel.tickFont * 0.766 }
        bottom += plot.xLabel == nil ? 6 : 24
        bottom += Double(min(plan.notes.count, 3)) * 14
        m.bottom = bottom
        let lastX = !plot.axes ? 0 : xAxis.ticks.last.map { TextMetrics.width($0.label, fontSize: AxisModel.tickFont) / 2 } ?? 0
        m.right = max(12, lastX + 4, legendWidth + colorBarWidth)
        return m
    }

    var legendWidth: Double {
        guard !plan.legend.isEmpty else { return 0 }
        let widest = plan.legend.map { MathText.width(of: $0.label, fontSize: Self.legendFont) }.max() ?? 0
        return 14 + 14 + 6 + widest + 6
    }

    var colorBarWidth: Double {
        guard let spec = plan.colorBar, let axis = colorBarAxis else { return 0 }
        return 18 + 12 + Self.tickLength + 3 + axis.widestLabel + (spec.label == nil ? 0 : 20)
    }
}
