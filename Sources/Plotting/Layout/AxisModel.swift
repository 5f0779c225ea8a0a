/// One axis fitted to a pixel range: its scale and its ticks with their labels.
struct AxisModel {
    struct Tick {
        var value: Double
        /// Empty for unlabelled (minor) ticks.
        var label: String
        var major: Bool
    }

    var scale: AxisScale
    var ticks: [Tick]
    /// Band labels are turned 40° when they would collide.
    var rotatedLabels = false

    static let tickFont = 11.0

    /// Fits `domain` to `range`, asking for about `count` ticks. Horizontal axes (`spacing`
    /// true) drop to fewer ticks until neighbouring labels no longer touch.
    static func fit(_ domain: PanelPlan.Domain, range: (Double, Double), count: Int, horizontal: Bool) -> AxisModel {
        switch domain {
        case .band(let labels):
            let band = BandScale(count: labels.count, range: range)
            let ticks = labels.indices.map { Tick(value: Double($0), label: labels[$0], major: true) }
            let widest = labels.map { TextMetrics.width($0, fontSize: tickFont) }.max() ?? 0
            return AxisModel(scale: .band(band, labels: labels), ticks: ticks,
                             rotatedLabels: horizontal && widest > band.step - 6)
        case let .continuous(lo, hi, kind, nice, reversed):
            var n = max(count, 2)
            while true {
                let model = continuous(lo, hi, kind, nice, reversed, range, n)
                if !horizontal || n <= 2 || !model.labelsCollide() { return model }
                n = max(2, n * 2 / 3)
            }
        }
    }

    private static func continuous(_ lo: Double, _ hi: Double, _ kind: ScaleKind, _ nice: Bool,
                                   _ reversed: Bool, _ range: (Double, Double), _ n: Int) -> AxisModel {
        let r = reversed ? (range.1, range.0) : range
        switch kind {
        case .linear:
            var s = LinearScale(domain: (lo, hi), range: r)
            if nice { s = s.nice(n) }
            let values = s.ticks(n)
            let labels = NumberFormat.tickLabels(values, step: s.tickStep(n))
            return AxisModel(scale: .linear(s), ticks: zip(values, labels).map { Tick(value: $0, label: $1, major: true) })
        case .log:
            var s = LogScale(domain: (lo, hi), range: r)
            if nice { s = s.nice() }
            let values = s.ticks(n)
            let labelled = values.filter { s.isLabelled($0, count: n) }
            let labels = Dictionary(uniqueKeysWithValues: zip(labelled, NumberFormat.logTickLabels(labelled)))
            let ticks = values.map { v in
                labels[v].map { Tick(value: v, label: $0, major: true) } ?? Tick(value: v, label: "", major: false)
            }
            return AxisModel(scale: .log(s), ticks: ticks)
        }
    }

    /// Whether two neighbouring labels on a horizontal axis would overlap (with 8 px to spare).
    func labelsCollide() -> Bool {
        let labelled = ticks.filter { !$0.label.isEmpty }
        for (a, b) in zip(labelled, labelled.dropFirst()) {
            let gap = abs(scale(b.value) - scale(a.value))
            let need = (TextMetrics.width(a.label, fontSize: Self.tickFont) + TextMetrics.width(b.label, fontSize: Self.tickFont)) / 2 + 8
            if gap < need { return true }
        }
        return false
    }

    /// The widest tick label in px.
    var widestLabel: Double {
        ticks.map { TextMetrics.width($0.label, fontSize: Self.tickFont) }.max() ?? 0
    }

    /// The data interval the axis shows, low to high (for descriptions and equal aspect).
    var shownDomain: (Double, Double)? {
        switch scale {
        case .linear(let s): return (min(s.domain.0, s.domain.1), max(s.domain.0, s.domain.1))
        case .log(let s): return (min(s.domain.0, s.domain.1), max(s.domain.0, s.domain.1))
        case .band: return nil
        }
    }
}
