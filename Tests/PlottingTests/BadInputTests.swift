import Testing
@testable import Plotting

/// Bad input gives a typed, descriptive error, or a visible note in a well-formed SVG;
/// never a crash and never broken markup.
@Suite("Bad input")
struct BadInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let kind: PlotError.Kind
        /// Words the message must contain, so the author learns what is wrong.
        let mentions: [String]
        let make: @Sendable () throws -> String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "empty scatter", kind: .emptyData, mentions: ["scatter", "empty"]) {
            try Plot([.scatter(x: [], y: [])]).svg()
        },
        Case(name: "scatter x/y lengths", kind: .mismatchedLengths, mentions: ["x has 3", "y has 2"]) {
            try Plot([.scatter(x: [1, 2, 3], y: [1, 2])]).svg()
        },
        Case(name: "scatter colour length", kind: .mismatchedLengths, mentions: ["color"]) {
            try Plot([.scatter(x: [1, 2], y: [1, 2], color: .categories([1]))]).svg()
        },
        Case(name: "all-NaN scatter", kind: .nonFinite, mentions: ["NaN"]) {
            try Plot([.scatter(x: [.nan, .nan], y: [1, 2])]).svg()
        },
        Case(name: "eleven categories", kind: .tooManyCategories, mentions: ["11 categories", ".values"]) {
            try Plot([.scatter(x: Array(repeating: 0, count: 11), y: Array(repeating: 0, count: 11), color: .categories(Array(0..<11)))]).svg()
        },
        Case(name: "empty line", kind: .emptyData, mentions: ["line"]) { try Plot([.line(y: [])]).svg() },
        Case(name: "line lengths", kind: .mismatchedLengths, mentions: ["line"]) { try Plot([.line(x: [1], y: [1, 2])]).svg() },
        Case(name: "lines labels", kind: .mismatchedLengths, mentions: ["labels"]) {
            try Plot(Mark.lines(series: [[1, 2], [2, 3]], labels: ["a"])).svg()
        },
        Case(name: "empty histogram", kind: .emptyData, mentions: ["histogram"]) { try Plot([.histogram([])]).svg() },
        Case(name: "all-NaN histogram", kind: .nonFinite, mentions: ["histogram", "NaN"]) { try Plot([.histogram([.nan])]).svg() },
        Case(name: "zero bins", kind: .invalidArgument, mentions: ["bins"]) { try Plot([.histogram([1, 2], bins: 0)]).svg() },
        Case(name: "bar NaN", kind: .nonFinite, mentions: ["“b”"]) {
            try Plot([.bar(categories: ["a", "b"], values: [1, .nan])]).svg()
        },
        Case(name: "bar lengths", kind: .mismatchedLengths, mentions: ["categories"]) {
            try Plot([.bar(categories: ["a"], values: [1, 2])]).svg()
        },
        Case(name: "ragged heatmap", kind: .mismatchedLengths, mentions: ["row 1"]) { try Plot([.heatmap([[1, 2], [3]])]).svg() },
        Case(name: "empty heatmap", kind: .emptyData, mentions: ["heatmap"]) { try Plot([.heatmap([])]).svg() },
        Case(name: "constant contour", kind: .invalidArgument, mentions: ["constant"]) {
            try Plot([.contour(Grid.sample(x: 0...1, y: 0...1, count: 5) { _, _ in 1 })]).svg()
        },
        Case(name: "grid coordinates", kind: .invalidArgument, mentions: ["ascending"]) {
            try Plot([.contour(Grid(x: [0, 0], y: [0, 1], values: [[1, 2], [3, 4]]))]).svg()
        },
        Case(name: "quiver lengths", kind: .mismatchedLengths, mentions: ["quiver", "u"]) {
            try Plot([.quiver(x: [0, 1], y: [0, 1], u: [1], v: [1, 1])]).svg()
        },
        Case(name: "log y over zero", kind: .nonPositiveOnLogScale, mentions: ["logarithmic", "0"]) {
            try Plot([.line(y: [0, 1, 10])], yScale: .log).svg()
        },
        Case(name: "log x over negatives", kind: .nonPositiveOnLogScale, mentions: ["x axis", "-2"]) {
            try Plot([.scatter(x: [-2, 1], y: [1, 2])], xScale: .log).svg()
        },
        Case(name: "log domain", kind: .nonPositiveOnLogScale, mentions: ["domain"]) {
            try Plot([.line(y: [1, 2])], yScale: .log, yDomain: 0...10).svg()
        },
        Case(name: "histogram on log y", kind: .invalidArgument, mentions: ["log y"]) {
            try Plot([.histogram([1, 2, 3])], yScale: .log).svg()
        },
        Case(name: "no marks", kind: .emptyData, mentions: ["no marks"]) { try Plot([]).svg() },
        Case(name: "no panels", kind: .emptyData, mentions: ["no panels"]) { try Figure([]).svg() },
        Case(name: "tiny figure", kind: .invalidArgument, mentions: ["width"]) { try Plot([.line(y: [1, 2])]).svg(width: 10, height: 10) },
        Case(name: "crowded panel", kind: .invalidArgument, mentions: ["no room"]) {
            try Figure(Array(repeating: Plot([.line(y: [1, 2])]), count: 12), columns: 12, width: 600, height: 300).svg()
        },
        Case(name: "span beyond Double", kind: .invalidArgument, mentions: ["too wide"]) {
            try Plot([.line(y: [-1e308, 1e308])]).svg()
        },
        Case(name: "bad opacity", kind: .invalidArgument, mentions: ["opacity"]) {
            try Plot([.scatter(x: [1], y: [1], opacity: 2)]).svg()
        },
    ]

    @Test("throws a typed error that says what is wrong", arguments: cases)
    func throwsDescriptively(_ c: Case) {
        do {
            let svg = try c.make()
            Issue.record("expected \(c.kind), got an SVG of \(svg.count) characters")
        } catch let error as PlotError {
            #expect(error.kind == c.kind)
            for word in c.mentions {
                #expect(error.message.contains(word), "“\(error.message)” should mention \(word)")
            }
        } catch {
            Issue.record("unexpected error type: \(error)")
        }
    }

    struct Visible: CustomTestStringConvertible, Sendable {
        let name: String
        let note: String
        let make: @Sendable () throws -> Plot
        var testDescription: String { name }
    }

    /// Partly missing data is drawn, and what was left out is said on the figure itself.
    static let visible: [Visible] = [
        Visible(name: "NaN points", note: "2 of 5 points not drawn") {
            Plot([try .scatter(x: [1, .nan, 3, 4, .infinity], y: [1, 2, 3, 4, 5])])
        },
        Visible(name: "line gaps", note: "1 non-finite value left as gaps") { Plot([try .line(y: [1, .nan, 3, 4])]) },
        Visible(name: "NaN samples", note: "1 of 4 samples not counted") { Plot([try .histogram([1, 2, .nan, 3])]) },
        Visible(name: "NaN cells", note: "1 cell with NaN or infinite values drawn grey") { Plot([try .heatmap([[1, .nan], [2, 3]])]) },
        Visible(name: "NaN arrows", note: "1 of 2 arrows not drawn") {
            Plot([try .quiver(x: [0, 1], y: [0, 1], u: [1, .nan], v: [1, 1])])
        },
        Visible(name: "NaN grid values", note: "contours skip those cells") {
            Plot([try .contour(Grid.sample(x: -1...1, y: -1...1, count: 20) { x, y in x > 0.5 ? .nan : x * x + y * y })])
        },
    ]

    @Test("missing values are drawn around and noted on the figure", arguments: visible)
    func visibleHandling(_ v: Visible) throws {
        let svg = try v.make().svg()
        let check = SVGCheck(svg)
        #expect(check.wellFormed)
        #expect(check.texts.contains { $0.contains(v.note) }, "no note containing “\(v.note)”")
        #expect(!svg.contains("NaN") || svg.contains("NaN or infinite"))  // no NaN coordinates
    }

    @Test("a constant series still gets a usable axis")
    func constantSeries() throws {
        let svg = try Plot([.line(y: [5, 5, 5])]).svg()
        #expect(SVGCheck(svg).wellFormed)
        #expect(svg.contains(">5.0<"))  // the value sits mid-axis: the domain was widened by ±10% and niced
        let layout = try Figure(Plot([.line(y: [5, 5, 5])])).svgLayouts()[0]
        let (lo, hi) = try #require(layout.yAxis.shownDomain)
        #expect(lo < 5 && hi > 5 && abs((5 - lo) - (hi - 5)) < 1e-9)
    }
}
