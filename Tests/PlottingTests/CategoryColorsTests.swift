import Testing
@testable import Plotting

@Suite("A label keeps its colour across the figures of a page")
struct CategoryColorsTests {
    @Test("a new label takes the first colour its panel leaves free, and keeps it")
    func firstFree() {
        var colors = CategoryColors()
        #expect(colors.indices(for: ["train", "validation"]) == [0, 1])
        #expect(colors.indices(for: ["sample", "score"]) == [0, 1])  // other labels, other figure
        #expect(colors.indices(for: ["test", "validation"]) == [0, 1])
        #expect(colors.indices(for: ["validation", "train", "test"]) == [1, 0, 2])
        #expect(colors.count == 5)
    }

    @Test("a label whose colour is taken in a panel borrows a free one there and keeps its own")
    func borrowed() {
        var colors = CategoryColors()
        _ = colors.indices(for: ["train"])
        _ = colors.indices(for: ["sample"])  // also 0
        #expect(colors.indices(for: ["train", "sample"]) == [0, 1])
        #expect(colors.indices(for: ["sample"]) == [0])
        #expect(colors.indices(for: ["train"], reserved: [0]) == [1])
        #expect(colors.indices(for: ["train"]) == [0])
    }

    @Test("colours are distinct within a panel, whatever the page holds", arguments: [
        (["x", "y"], ["y", "z", "x"]),
        ((0..<10).map(String.init), ["9", "new", "0", "other"]),
    ])
    func distinctInPanel(_ earlier: [String], _ panel: [String]) {
        var colors = CategoryColors()
        _ = colors.indices(for: earlier)
        _ = colors.indices(for: earlier.reversed())
        let got = colors.indices(for: panel)
        #expect(Set(got).count == panel.count)
    }

    static func points(_ classes: PointColor, _ n: Int) throws -> Mark {
        try .scatter(x: (0..<n).map(Double.init), y: (0..<n).map { Double($0 * $0) }, color: classes)
    }

    @Test("a named class has the same colour in two figures that share the page's colours")
    func acrossFigures() throws {
        var page = CategoryColors()
        let first = FigureRenderer(Figure(Plot([try Self.points(.names(["cat", "dog", "cat"]), 3)])))
        let second = FigureRenderer(Figure(Plot([try Self.points(.names(["bird", "dog", "bird"]), 3)])))
        let a = try first.plans(categoryColors: &page)[0], b = try second.plans(categoryColors: &page)[0]
        #expect(a.categoryColors[0] == [Palette.color(0), Palette.color(1)])  // cat, dog
        #expect(b.categoryColors[0] == [Palette.color(0), Palette.color(1)])  // bird, dog
        // On its own, the second figure starts from the palette's first colour.
        var fresh = CategoryColors()
        #expect(try second.plans(categoryColors: &fresh)[0].categoryColors[0] == [Palette.color(0), Palette.color(1)])
    }

    @Test("digit classes have the palette colour of their number on every page")
    func digits() throws {
        var page = CategoryColors()
        _ = page.indices(for: ["train", "validation", "test"])
        let some = try PanelPlan(Plot([try Self.points(.categories([3, 1, 3]), 3)]), categoryColors: &page)
        #expect(some.categoryColors[0] == [Palette.color(1), Palette.color(3)])  // classes 1, 3
        #expect(some.legend.map(\.label) == ["1", "3"])
        // A labelled line in the same panel avoids the digits' colours.
        let mixed = Plot([try Self.points(.categories([0, 1]), 2), try .line(y: [0, 1], label: "train")])
        let plan = try PanelPlan(mixed, categoryColors: &page)
        #expect(plan.markColors[1] == Palette.color(2))
        #expect(page.indices(for: ["train"]) == [0])  // still its own colour elsewhere
    }

    @Test("a labelled line keeps its colour; unlabelled marks avoid the colours of labelled ones")
    func labelledMarks() throws {
        var page = CategoryColors()
        let losses = Plot([try .line(y: [3, 2, 1], label: "train"), try .line(y: [3, 2.5, 2], label: "validation")])
        let later = Plot([try .line(y: [1, 2, 3]), try .line(y: [2, 2, 2], label: "validation")])
        let p1 = try PanelPlan(losses, categoryColors: &page), p2 = try PanelPlan(later, categoryColors: &page)
        #expect(p1.markColors == [Palette.color(0), Palette.color(1)])
        #expect(p2.markColors == [Palette.color(0), Palette.color(1)])  // unlabelled takes the free blue
        let legend = p2.legend.map(\.label)
        #expect(legend == ["validation"])
    }

    @Test("a figure that cannot be drawn leaves the page's colours as they were")
    func failedFigure() throws {
        var page = CategoryColors()
        // The first panel is planned, then the second fails: x reaches 0 on a log axis.
        let figure = Figure([Plot([try Self.points(.names(["a", "b"]), 2)]),
                             Plot([try Self.points(.names(["c", "d"]), 2)], xScale: .log)])
        #expect(throws: PlotError.self) { try figure.svg(categoryColors: &page) }
        #expect(page.count == 0)
    }

    @Test("points drawn over a heatmap get a white rim")
    func rimOnHeatmap() throws {
        let heat = try Mark.heatmap([[0, 1], [1, 0]])
        let svg = try Plot([heat, try Self.points(.automatic, 3)]).svg()
        #expect(svg.contains("stroke=\"#ffffff\" stroke-width=\"0.8\""))
        let plain = try Plot([try Self.points(.automatic, 3)]).svg()
        #expect(!plain.contains("stroke=\"#ffffff\""))
    }
}
