/// Vertical bars, one per category, from zero to each value (negative values go down).
public struct BarMark: Sendable {
    /// The category names along the horizontal axis, in order.
    public let categories: [String]
    /// One value per category.
    public let values: [Double]
    /// The bar colour; nil takes the next palette colour.
    public let color: Color?
    /// The legend label (no legend entry when nil).
    public let label: String?

    /// Validates bars; throws `PlotError` for empty data, mismatched lengths or a value that
    /// is NaN or infinite (a bar cannot show a missing value honestly).
    public init(categories: [String], values: [Double], color: Color? = nil, label: String? = nil) throws {
        guard !values.isEmpty || !categories.isEmpty else { throw PlotError.empty("bar", "bars") }
        guard categories.count == values.count else {
            throw PlotError.lengths("bar", "categories", categories.count, "values", values.count)
        }
        if let bad = values.firstIndex(where: { !$0.isFinite }) {
            throw PlotError(.nonFinite, "bar: the value for “\(categories[bad])” (index \(bad)) is \(NumberFormat.general(values[bad])); every bar needs a finite value")
        }
        (self.categories, self.values, self.color, self.label) = (categories, values, color, label)
    }
}

extension BarMark: MarkDrawing {
    /// Bars live on a band axis: the extent is in category indices.
    var xExtent: Extent? { Extent(min: 0, max: Double(categories.count - 1)) }
    var yExtent: Extent? {
        Extent(min: min(0, values.min()!), max: max(0, values.max()!))
    }
    var usesDefaultColor: Bool { color == nil }
    var legendKey: String? { label }

    func legendEntries(defaultColor: Color, categoryColors: [Color]) -> [LegendEntry] {
        label.map { [LegendEntry(label: $0, swatch: .area(color ?? defaultColor))] } ?? []
    }

    var summary: String {
        let pairs = zip(categories, values).prefix(12).map { "\($0) \(NumberFormat.general($1))" }
        return "bar chart of \(values.count) categories: " + pairs.joined(separator: ", ")
            + (values.count > 12 ? ", …" : "")
    }

    func draw(into svg: inout SVGWriter, _ ctx: MarkContext) {
        guard case .band(let band, _) = ctx.x else { return }
        svg.open("g", ["fill": (color ?? ctx.defaultColor).hex])
        let base = ctx.y(0)
        for (i, v) in values.enumerated() {
            let top = ctx.y(v)
            svg.element("rect", ["x": px(band(i)), "y": px(min(top, base)),
                                 "width": px(band.bandwidth), "height": px(abs(base - top))])
        }
        svg.close("g")
    }
}
