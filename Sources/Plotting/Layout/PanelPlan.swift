/// What a panel needs before any size is known: validated domains, legend entries, the
/// colour bar, notes and each mark's colour. Building the plan is where bad combinations of
/// data and scales (e.g. a log axis over values ≤ 0) are reported.
struct PanelPlan {
    /// The domain of one axis before it is fitted to a pixel range.
    enum Domain {
        case band(labels: [String])
        /// `lo < hi`; `reversed` puts `lo` at the top (y) or right (x).
        case continuous(lo: Double, hi: Double, kind: ScaleKind, nice: Bool, reversed: Bool)

        var isReversed: Bool {
            if case .continuous(_, _, _, _, let r) = self { return r }
            return false
        }
    }

    let plot: Plot
    let drawings: [any MarkDrawing]
    let x: Domain
    let y: Domain
    let legend: [LegendEntry]
    let colorBar: ColorBarSpec?
    let notes: [String]
    /// The palette colour given to each mark that has none.
    let markColors: [Color]
    /// Each mark's colour per category (for categorical scatters; empty for other marks).
    let categoryColors: [[Color]]

    /// `sharedX`, `sharedY`: extents every panel of a figure spans (`Figure.sharedAxes`),
    /// joined to this panel's own data on an axis without a fixed domain. `categoryColors`
    /// holds the colours labels have on the page so far and takes this panel's new ones.
    init(_ plot: Plot, sharedX: Extent? = nil, sharedY: Extent? = nil, categoryColors: inout CategoryColors) throws {
        guard !plot.marks.isEmpty else {
            throw PlotError(.emptyData, "plot\(plot.title.map { " “\($0)”" } ?? ""): no marks to draw")
        }
        self.plot = plot
        let drawings = plot.marks.map(\.drawing)
        self.drawings = drawings

        // Bars put categories on x; every bar mark must share them.
        let bars = plot.marks.compactMap { if case .bar(let b) = $0 { return b } else { return nil } }
        if let first = bars.first {
            if let other = bars.first(where: { $0.categories != first.categories }) {
                throw PlotError.invalid("bar", "two bar marks in one panel have different categories (\(first.categories.count) vs \(other.categories.count)); draw them in separate panels")
            }
            if plot.xScale == .log { throw PlotError.invalid("bar", "categories cannot lie on a log x axis") }
            x = .band(labels: first.categories)
        } else {
            x = try Self.domain(axis: "x", kind: plot.xScale, fixed: plot.xDomain, marks: plot.marks,
                                extents: drawings.map(\.xExtent) + [sharedX], reversed: false)
        }
        let reversedY = plot.marks.contains { if case .heatmap(let h) = $0 { return h.rowZeroAtTop } else { return false } }
        if plot.yScale == .log, let m = plot.marks.first(where: \.needsZeroBaseline) {
            let name = if case .bar = m { "bar" } else { "histogram" }
            throw PlotError.invalid(name, "bars are measured from zero, so they cannot stand on a log y axis; use a linear y scale")
        }
        y = try Self.domain(axis: "y", kind: plot.yScale, fixed: plot.yDomain, marks: plot.marks,
                            extents: drawings.map(\.yExtent) + [sharedY], reversed: reversedY)

        // Colours: digit classes have their own; other classes and labelled marks given no
        // colour take their label's colour on the page; unlabelled marks given none take the
        // colours left free in the panel.
        var digitIndices: Set<Int> = []
        var keys: [String] = []
        var seen: Set<String> = []
        for d in drawings {
            let scatter = d as? ScatterMark
            if let digits = scatter?.digitClasses {
                digitIndices.formUnion(digits)
                continue
            }
            let classes = scatter?.categoryLabels ?? []
            let own = !classes.isEmpty ? classes : d.usesDefaultColor ? d.legendKey.map { [$0] } ?? [] : []
            for key in own where seen.insert(key).inserted { keys.append(key) }
        }
        let keyIndices = categoryColors.indices(for: keys, reserved: digitIndices)
        let colorOf = Dictionary(uniqueKeysWithValues: zip(keys, keyIndices.map(Palette.color)))
        var used = digitIndices.union(keyIndices)
        var colors: [Color] = []
        var perCategory: [[Color]] = []
        var legend: [LegendEntry] = []
        for d in drawings {
            var c = Palette.color(0)
            var categories: [Color] = []
            if let s = d as? ScatterMark, !s.categoryLabels.isEmpty {
                categories = s.digitClasses?.map(Palette.color) ?? s.categoryLabels.map { colorOf[$0]! }
            } else if d.usesDefaultColor, let key = d.legendKey {
                c = colorOf[key]!
            } else if d.usesDefaultColor {
                let i = CategoryColors.firstFree(avoiding: used)
                used.insert(i)
                c = Palette.color(i)
            }
            legend += d.legendEntries(defaultColor: c, categoryColors: categories)
            colors.append(c)
            perCategory.append(categories)
        }
        self.categoryColors = perCategory
        self.markColors = colors
        self.legend = plot.legend ? legend : []
        self.colorBar = drawings.lazy.compactMap(\.colorBar).first
        self.notes = drawings.flatMap(\.notes)
    }

    private static func domain(axis: String, kind: ScaleKind, fixed: ClosedRange<Double>?, marks: [Mark],
                               extents: [Extent?], reversed: Bool) throws -> Domain {
        if kind == .log {
            for (mark, e) in zip(marks, extents) {
                if let e, e.min <= 0 {
                    throw PlotError(.nonPositiveOnLogScale,
                        "\(mark.drawing.summary): the \(axis) axis is logarithmic but the data reaches "
                        + "\(NumberFormat.general(e.min)), and a log scale shows only values > 0; "
                        + "use a linear \(axis) scale, or plot positive values")
                }
            }
        }
        if let fixed {
            guard fixed.lowerBound.isFinite, fixed.upperBound.isFinite, fixed.upperBound > fixed.lowerBound else {
                throw PlotError.invalid("plot", "\(axis) domain must be finite with lower < upper")
            }
            if kind == .log && fixed.lowerBound <= 0 {
                throw PlotError(.nonPositiveOnLogScale, "plot: the \(axis) axis is logarithmic but its domain starts at \(NumberFormat.general(fixed.lowerBound)); a log domain must be > 0")
            }
            return .continuous(lo: fixed.lowerBound, hi: fixed.upperBound, kind: kind, nice: false, reversed: reversed)
        }
        guard var e = extents.compactMap({ $0 }).reduce(nil, { (acc: Extent?, next: Extent) in acc?.union(next) ?? next }) else {
            throw PlotError(.emptyData, "plot: no mark has data along the \(axis) axis")
        }
        guard (e.max - e.min).isFinite else {
            throw PlotError.invalid("plot", "the \(axis) values span \(NumberFormat.general(e.min)) to \(NumberFormat.general(e.max)), too wide for a linear axis; use a log scale or rescale the data")
        }
        if e.min == e.max {  // one distinct value: widen so that it sits in the middle
            if kind == .log {
                e = Extent(min: e.min / 10.0.squareRoot(), max: e.max * 10.0.squareRoot())
            } else {
                let half = e.min == 0 ? 1 : abs(e.min) * 0.1
                e = Extent(min: e.min - half, max: e.max + half)
            }
        }
        let nice = !marks.contains(where: \.fillsExtent)
        return .continuous(lo: e.min, hi: e.max, kind: kind, nice: nice, reversed: reversed)
    }
}
