/// How the points of a scatter are coloured.
public enum PointColor: Sendable, Equatable {
    /// One colour: the next colour of the categorical palette.
    case automatic
    /// One given colour.
    case fixed(Color)
    /// Integer class labels (e.g. digit classes): palette colours and a legend, classes in
    /// ascending order.
    case categories([Int])
    /// Named classes: palette colours and a legend, names in order of first appearance.
    case names([String])
    /// A value per point, through a colour map, with a colour bar.
    case values([Double])
}

/// Points at (x, y): categorical colour with a legend or continuous colour with a colour
/// bar, optional per-point sizes, opacity. Non-finite points are left out with a visible note.
public struct ScatterMark: Sendable {
    /// Horizontal positions.
    public let x: [Double]
    /// Vertical positions.
    public let y: [Double]
    /// How points are coloured.
    public let color: PointColor
    /// The colour map for `.values` colouring.
    public let colorMap: ColorMap
    /// Point radius in px (when `sizes` is nil).
    public let radius: Double
    /// Optional per-point magnitudes, drawn as areas between 2 and 9 px radius.
    public let sizes: [Double]?
    /// Fill opacity, 0…1.
    public let opacity: Double
    /// The legend label for a single-colour scatter.
    public let label: String?
    /// The colour bar's title for `.values` colouring.
    public let colorLabel: String?

    /// Indices of the points drawn (finite position, colour value and size).
    let drawn: [Int]
    /// For categorical colour: each point's category index and the categories' labels.
    let category: [Int]
    let categoryLabels: [String]
    let valueRange: (Double, Double)?

    /// Integer classes all within 0…9 (digits): class k has the palette's k-th colour on every
    /// page. Nil for named classes and other integers.
    var digitClasses: [Int]? {
        guard case .categories = color else { return nil }
        let values = categoryLabels.compactMap(Int.init)
        return values.allSatisfy { (0..<Palette.maximumCategories).contains($0) } ? values : nil
    }

    /// Validates and prepares a scatter; throws `PlotError` for empty data, mismatched
    /// lengths, all-non-finite data or more categories than the palette holds.
    public init(x: [Double], y: [Double], color: PointColor = .automatic, colorMap: ColorMap = .viridis,
                radius: Double? = nil, sizes: [Double]? = nil, opacity: Double? = nil,
                label: String? = nil, colorLabel: String? = nil) throws {
        let name = "scatter"
        guard !x.isEmpty || !y.isEmpty else { throw PlotError.empty(name, "points") }
        guard x.count == y.count else { throw PlotError.lengths(name, "x", x.count, "y", y.count) }
        var colorValues: [Double]? = nil
        switch color {
        case .categories(let c) where c.count != x.count:
            throw PlotError.lengths(name, "x", x.count, "color (categories)", c.count)
        case .names(let c) where c.count != x.count:
            throw PlotError.lengths(name, "x", x.count, "color (names)", c.count)
        case .values(let v):
            guard v.count == x.count else { throw PlotError.lengths(name, "x", x.count, "color (values)", v.count) }
            colorValues = v
        default: break
        }
        if let sizes, sizes.count != x.count { throw PlotError.lengths(name, "x", x.count, "sizes", sizes.count) }
        if let r = radius, !(r > 0 && r <= 50) { throw PlotError.invalid(name, "radius must be in (0, 50] px, got \(NumberFormat.general(r))") }
        if let o = opacity, !(o > 0 && o <= 1) { throw PlotError.invalid(name, "opacity must be in (0, 1], got \(NumberFormat.general(o))") }

        var drawn: [Int] = []
        drawn.reserveCapacity(x.count)
        for i in x.indices where x[i].isFinite && y[i].isFinite
            && (colorValues?[i].isFinite ?? true) && (sizes?[i].isFinite ?? true) {
            drawn.append(i)
        }
        guard !drawn.isEmpty else {
            throw PlotError(.nonFinite, "scatter: all \(x.count) points have a NaN or infinite coordinate, colour value or size; nothing to draw")
        }

        var category: [Int] = []
        var labels: [String] = []
        switch color {
        case .categories(let c):
            let distinct = Array(Set(drawn.map { c[$0] })).sorted()
            guard distinct.count <= Palette.maximumCategories else { throw Self.tooMany(distinct.count) }
            let index = Dictionary(uniqueKeysWithValues: distinct.enumerated().map { ($1, $0) })
            category = c.map { index[$0] ?? 0 }
            labels = distinct.map(String.init)
        case .names(let c):
            var index: [String: Int] = [:]
            for i in drawn where index[c[i]] == nil {
                index[c[i]] = labels.count
                labels.append(c[i])
            }
            guard labels.count <= Palette.maximumCategories else { throw Self.tooMany(labels.count) }
            category = c.map { index[$0] ?? 0 }
        default: break
        }
        var valueRange: (Double, Double)? = nil
        if let v = colorValues {
            let e = Extent(of: drawn.map { v[$0] })!
            valueRange = (e.min, e.max)
        }

        (self.x, self.y, self.color, self.colorMap) = (x, y, color, colorMap)
        let n = drawn.count
        self.radius = radius ?? (n < 200 ? 4 : n < 2000 ? 3 : 2)
        self.opacity = opacity ?? min(0.9, max(0.3, 30 / Double(n).squareRoot()))
        (self.sizes, self.label, self.colorLabel) = (sizes, label, colorLabel)
        (self.drawn, self.category, self.categoryLabels, self.valueRange) = (drawn, category, labels, valueRange)
    }

    private static func tooMany(_ n: Int) -> PlotError {
        PlotError(.tooManyCategories,
                  "scatter: \(n) categories but the palette tells only \(Palette.maximumCategories) apart; "
                  + "colour by .values for a continuous quantity, or group the categories")
    }
}

extension ScatterMark: MarkDrawing {
    var xExtent: Extent? { Extent(of: drawn.map { x[$0] }) }
    var yExtent: Extent? { Extent(of: drawn.map { y[$0] }) }
    var usesDefaultColor: Bool { color == .automatic }
    var legendKey: String? { label }

    func legendEntries(defaultColor: Color, categoryColors: [Color]) -> [LegendEntry] {
        switch color {
        case .categories, .names:
            return zip(categoryLabels, categoryColors).map { LegendEntry(label: $0, swatch: .point($1)) }
        case .automatic:
            return label.map { [LegendEntry(label: $0, swatch: .point(defaultColor))] } ?? []
        case .fixed(let c):
            return label.map { [LegendEntry(label: $0, swatch: .point(c))] } ?? []
        case .values:
            return []
        }
    }

    var colorBar: ColorBarSpec? {
        guard let (lo, hi) = valueRange else { return nil }
        return ColorBarSpec(map: colorMap, low: lo, high: hi, label: colorLabel, levels: nil)
    }

    var notes: [String] {
        let omitted = x.count - drawn.count
        return omitted > 0 ? ["\(omitted) of \(x.count) points not drawn (NaN or infinite values)"] : []
    }

    var summary: String {
        var s = "scatter of \(drawn.count) point\(drawn.count == 1 ? "" : "s")"
        switch color {
        case .categories, .names:
            s += " in \(categoryLabels.count) categor\(categoryLabels.count == 1 ? "y" : "ies") ("
                + categoryLabels.prefix(10).joined(separator: ", ") + ")"
        case .values:
            if let (lo, hi) = valueRange {
                s += ", coloured by \(colorLabel ?? "value") from \(NumberFormat.general(lo)) to \(NumberFormat.general(hi))"
            }
        default:
            if let label { s += " (\(label))" }
        }
        return s
    }

    func draw(into svg: inout SVGWriter, _ ctx: MarkContext) {
        let radii = radiusPerPoint()
        let r0 = NumberFormat.coordinate(radius)
        let (lo, hi) = valueRange ?? (0, 1)
        let single: Color? = {
            switch color {
            case .automatic: return ctx.defaultColor
            case .fixed(let c): return c
            default: return nil
            }
        }()
        // On a heatmap, points of any colour stay visible with a white rim, nearly opaque.
        let fillOpacity = NumberFormat.coordinate(ctx.overFill ? max(opacity, 0.9) : opacity)
        let rim: SVGWriter.Attributes = ctx.overFill ? ["stroke": "#ffffff", "stroke-width": "0.8"] : [:]
        if let single {
            svg.open("g", ["fill": single.hex, "fill-opacity": fillOpacity], rim)
        } else {
            svg.open("g", ["fill-opacity": fillOpacity], rim)
        }
        // Fills are worked out before the loop (one hex string per category or map entry).
        var fills: [String] = []
        switch color {
        case .values(let v):
            let table = (0..<256).map { colorMap.color(at: (Double($0) + 0.5) / 256).hex }
            fills = v.map { table[ColorMap.index(hi > lo ? ($0 - lo) / (hi - lo) : 0.5)] }
        case .categories, .names:
            let table = ctx.categoryColors.map(\.hex)
            fills = category.map { table[$0] }
        default: break
        }
        for i in drawn {
            let cx = px(ctx.x(x[i])), cy = px(ctx.y(y[i]))
            let r = radii.map { NumberFormat.coordinate($0[i]) } ?? r0
            if fills.isEmpty {
                svg.element("circle", ["cx": cx, "cy": cy, "r": r])
            } else {
                svg.element("circle", ["cx": cx, "cy": cy, "r": r, "fill": fills[i]])
            }
        }
        svg.close("g")
    }

    /// Radii from `sizes`: area proportional to size, 2…9 px.
    private func radiusPerPoint() -> [Double]? {
        guard let sizes else { return nil }
        let e = Extent(of: drawn.map { sizes[$0] })!
        let lo = max(0, e.min)
        return sizes.map { s in
            let t = e.max > lo ? (max(s, lo) - lo) / (e.max - lo) : 0.5
            return (4 + t * (81 - 4)).squareRoot()
        }
    }
}
