import Foundation
import Testing
@testable import Plotting

/// Whole figures compared byte for byte with checked-in SVG files. After an intended change,
/// regenerate with `LECTERN_UPDATE_GOLDEN=1 swift test --filter GoldenTests` and review the diff.
@Suite("Golden SVG figures")
struct GoldenTests {
    static let figures: [(name: String, make: @Sendable () throws -> Figure)] = [
        ("scatter-categorical", {
            Figure(Plot([try .scatter(x: [0.1, 0.8, 1.9, 2.4, 3.1, 3.3], y: [1.2, 0.4, 2.2, 1.7, 3.0, 2.6],
                                      color: .categories([0, 0, 1, 1, 2, 2]))],
                        title: "Three classes", xLabel: "z₁", yLabel: "z₂"), width: 420, height: 300)
        }),
        ("lines-log", {
            let steps = (1...8).map(Double.init)
            return Figure(Plot(try Mark.lines(x: steps, series: [steps.map { 2 / $0 }, steps.map { 3 / ($0 * $0) + 0.05 }],
                                              labels: ["train", "validation"]),
                               title: "Loss", xLabel: "epoch", yLabel: "loss", yScale: .log), width: 420, height: 300)
        }),
        ("bar-histogram-panels", {
            let bars = Plot([try .bar(categories: ["PPCA", "VAE", "GAN"], values: [-1.2, 2.5, 0.8])], title: "Score")
            let hist = Plot([try .histogram([0, 0.1, 0.25, 0.5, 0.5, 0.75, 0.9, 1, 1, 2], bins: 4, density: true)], title: "Density")
            return Figure([bars, hist], columns: 2, width: 560, height: 260, title: "Two panels")
        }),
        ("contour-heatmap", {
            let g = try Grid.sample(x: -1...1, y: -1...1, count: 6) { $0 * $0 - $1 * $1 }
            return Figure(Plot([try .heatmap(g, colorMap: .diverging), try .contour(g, thresholds: [-0.5, 0, 0.5], color: Color(hex: 0x222222))],
                               title: "Saddle", equalAspect: true), width: 380, height: 320)
        }),
    ]

    @Test("matches the checked-in SVG", arguments: figures.indices)
    func golden(_ k: Int) throws {
        let (name, make) = Self.figures[k]
        let svg = try make().svg()
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/\(name).svg")
        if ProcessInfo.processInfo.environment["LECTERN_UPDATE_GOLDEN"] == "1" {
            try svg.write(to: url, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(svg == expected, "\(name).svg differs; run with LECTERN_UPDATE_GOLDEN=1 and review the diff")
        #expect(SVGCheck(svg).wellFormed)
    }
}
