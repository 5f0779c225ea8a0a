import Testing
@testable import Plotting

/// Small multiples: one range when asked, and text at its own size in a page's column.
struct SmallMultiplesTests {
    func tickValues(_ axis: AxisModel) -> [Double] { axis.ticks.filter(\.major).map(\.value) }

    @Test("sharedAxes gives every panel the union of the data on each axis")
    func shared() throws {
        let small = Plot([try .line(x: [0, 1], y: [0, 1])]), large = Plot([try .line(x: [0, 10], y: [-5, 50])])
        let own = try Figure([small, large], columns: 2).svgLayouts()
        #expect(tickValues(own[0].xAxis) != tickValues(own[1].xAxis))
        let one = try Figure([small, large], columns: 2, sharedAxes: true).svgLayouts()
        #expect(tickValues(one[0].xAxis) == tickValues(one[1].xAxis))
        #expect(tickValues(one[0].yAxis) == tickValues(one[1].yAxis))
        #expect(tickValues(one[0].yAxis).first! <= -5 && tickValues(one[0].yAxis).last! >= 50)
    }

    @Test("a fixed domain and a log axis keep their own range; a log axis never takes a linear panel's zeros")
    func sharedKeepsWhatIsFixed() throws {
        let fixed = Plot([try .line(x: [0, 1], y: [0, 1])], yDomain: 0...2)
        let logged = Plot([try .line(x: [0, 1], y: [1, 100])], yScale: .log)
        let free = Plot([try .line(x: [0, 3], y: [-1, 3])])
        let l = try Figure([fixed, logged, free], columns: 3, sharedAxes: true).svgLayouts()
        #expect(tickValues(l[0].yAxis).last! == 2)
        #expect(tickValues(l[1].yAxis).allSatisfy { $0 > 0 })
        #expect(tickValues(l[0].xAxis) == tickValues(l[2].xAxis))
    }

    @Test("default widths fit a page's column, so ticks are drawn at their own size", arguments: [
        (1, 640.0), (2, 720.0), (3, 720.0), (4, 720.0),
    ])
    func columnWidth(_ columns: Int, _ width: Double) throws {
        let f = Figure(Array(repeating: Plot([try .line(y: [1, 2])]), count: columns), columns: columns)
        #expect(f.width == width)
        #expect(f.width <= Figure.columnWidth)
    }
}
