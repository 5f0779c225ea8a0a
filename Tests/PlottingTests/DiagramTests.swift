import Foundation
import Testing
@testable import Plotting

/// Diagrams drawn with marks: texts at points, arrows at the end of lines, and a panel without
/// axes (a model's pipeline, a network's connections).
@Suite("Diagrams: texts, arrows and panels without axes")
struct DiagramTests {
    static func pipeline(axes: Bool) throws -> Plot {
        Plot([try .line(x: [0, 1], y: [0, 0], color: Color(hex: 0x444444), arrow: true),
              try .text(["encoder", "$q(z \\mid x)$", "decoder"], x: [0, 1, 2], y: [0.2, 0.2, 0.2])],
             axes: axes)
    }

    @Test("texts are drawn where placed, with math, anchored as asked, outside the clip")
    func texts() throws {
        let svg = try Self.pipeline(axes: true).svg()
        let check = SVGCheck(svg)
        #expect(check.wellFormed)
        #expect(check.texts.contains("encoder") && check.texts.contains("decoder"))
        #expect(svg.contains("<tspan font-style=\"italic\">q</tspan>"), "math in a text is set as in titles")
        // Drawn after the clipped group closes: a text near the edge is not cut.
        let clipped = svg.components(separatedBy: "clip-path=\"url(").last!
        let clippedGroup = clipped.components(separatedBy: "</g>").first!
        #expect(!clippedGroup.contains("encoder"))
        let start = try Plot([try .text(["a"], x: [0], y: [0], anchor: .start)]).svg()
        #expect(start.contains("text-anchor=\"start\""))
    }

    @Test("without axes: no ticks, tick labels or grid, and the plot area grows into their room")
    func noAxes() throws {
        let with = try Self.pipeline(axes: true).svg(), without = try Self.pipeline(axes: false).svg()
        #expect(with.contains("lc-axis") && !without.contains("lc-axis"))
        #expect(SVGCheck(without).wellFormed)
        let tickLabels = { (svg: String) in SVGCheck(svg).texts.filter { Double($0.replacingOccurrences(of: "−", with: "-")) != nil } }
        #expect(!tickLabels(with).isEmpty && tickLabels(without).isEmpty)
        // The clip rectangle (the plot area plus a pixel) is wider without the y axis's labels.
        let width = { (svg: String) in
            Double(svg.firstMatch(of: /<clipPath[^>]*>\n<rect x="[^"]*" y="[^"]*" width="([0-9.]+)"/)?.1 ?? "0") ?? 0
        }
        #expect(width(without) > width(with) + 10, "\(width(without)) vs \(width(with))")
    }

    @Test("an arrow's head is a triangle whose tip is the line's last point, and the line stops at its base")
    func arrowhead() throws {
        let plot = Plot([try .line(x: [0, 10], y: [5, 5], width: 2, arrow: true)], xDomain: 0...10, yDomain: 0...10, axes: false)
        let svg = try Figure(plot, width: 220, height: 120).svg()
        #expect(SVGCheck(svg).wellFormed)
        let head = try #require(svg.firstMatch(of: /<path d="M([0-9.]+),([0-9.]+)L[^"]*Z" fill="#/))
        let line = try #require(svg.firstMatch(of: /<path d="M([0-9.]+),([0-9.]+)L([0-9.]+),([0-9.]+)" fill="none"/))
        // Horizontal line: the tip lies 8 px (4 widths) right of where the line stops.
        let tip = try #require(Double(head.1)), lineEnd = try #require(Double(line.3))
        #expect(abs(tip - lineEnd - 8) < 0.01, "tip \(tip), line end \(lineEnd)")
    }

    @Test("bad texts and arrows are refused with what is wrong",
          arguments: ["lengths", "nonFinite", "size", "arrow"])
    func refusals(_ name: String) {
        #expect(throws: PlotError.self, "\(name)") {
            switch name {
            case "lengths": _ = try Mark.text(["a", "b"], x: [0], y: [0, 1])
            case "nonFinite": _ = try Mark.text(["a"], x: [.nan], y: [0])
            case "size": _ = try Mark.text(["a"], x: [0], y: [0], size: 90)
            default: _ = try Mark.line(x: [0, 1], y: [0, .nan], arrow: true)
            }
        }
    }

    @Test("a text's words are in the figure's description for screen readers")
    func described() throws {
        let svg = try Self.pipeline(axes: false).svg()
        #expect(svg.contains("“encoder”"))
    }
}
