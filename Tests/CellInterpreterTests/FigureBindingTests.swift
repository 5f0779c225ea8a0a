import Testing
@testable import CellInterpreter

/// Plots and images from cells: what displays, and what bad data says.
struct FigureBindingTests {
    func outputs(_ code: String) -> (kinds: [String], failure: String?) {
        let run = Session().run(CellSource(code: code, file: "f.md", firstLine: 1))
        let kinds = run.outputs.map { output -> String in
            switch output {
            case .value(.svg(let svg, _)): svg.hasPrefix("<svg") ? "svg" : "bad svg"
            case .value(.png(let bytes, _, _, _)): bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) ? "png" : "bad png"
            case .value(.text(let t)): "text:\(t)"
            default: "other"
            }
        }
        return (kinds, run.failure.map { "\($0.line):\($0.column): \($0.message)" })
    }

    @Test(arguments: [
        "scatter([1, 2, 3], [3, 1, 2], color: [0, 1, 0])",
        "scatter([1, 2, 3], [3, 1, 2], color: [0.5, 1.5, 2.5], title: \"t\")",
        "plot([1, 4, 9], label: \"squares\")",
        "plot(series: [[1, 2], [2, 1]], labels: [\"a\", \"b\"])",
        "hist([1, 2, 2, 3, 3, 3], bins: 3, density: true, kde: true)",
        "bar([\"a\", \"b\"], [1, 2])",
        "heatmap([[1, 2], [3, 4]], colorMap: \"diverging\")",
        "contour(x: -1...1, y: -1.0...1.0, levels: 5) { x, y in x * x + y * y }",
        "quiver(x: -1...1, y: -1...1, count: 5) { x, y in (-y, x) }",
        "figure([plot([1, 2]), hist([1, 2, 3])], columns: 2)",
        "plot([1, 2, 3]).overlay(plot([3, 2, 1], dashed: true))",
    ])
    func plotsDisplayAsSVG(_ code: String) {
        let result = outputs(code)
        #expect(result.failure == nil)
        #expect(result.kinds == ["svg"])
    }

    @Test func imageGridsDisplayAsPNG() {
        let result = outputs("imageGrid([[0, 1, 1, 0], [1, 0, 0, 1]], height: 2, width: 2, columns: 2)")
        #expect(result.kinds == ["png"])
    }

    @Test(arguments: [
        ("scatter([1, 2, 3], [1, 2])", "scatter"),
        ("plot([])", "line"),
        ("heatmap([[1, 2], [3]])", "heatmap"),
        ("plot([1, 2], title: nil, logY: true)\nplot([0, 1], logY: true)", "log"),
        ("contour(x: 1...1, y: 0...1) { x, y in x }", "range"),
        ("imageGrid([[1, 2, 3]], height: 2, width: 2)", "image"),
        ("heatmap([[1]], colorMap: \"rainbow\")", "unknown colour map 'rainbow'"),
        ("quiver(x: -1...1, y: -1...1) { x, y in x }", "cannot convert value of type 'Double' to '(Double, Double)'"),
    ])
    func badDataIsAClearErrorAtTheCall(_ code: String, _ mentions: String) throws {
        let result = outputs(code)
        let failure = try #require(result.failure)
        #expect(failure.lowercased().contains(mentions.lowercased()), "\(failure)")
    }
}
