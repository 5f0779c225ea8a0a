import Foundation
import Testing
@testable import Plotting

/// A deterministic pseudo-random stream for test data (no global state).
struct TestRandom {
    var state: UInt64
    mutating func uniform() -> Double {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Double(state >> 11) / Double(1 << 53)
    }
    mutating func normal() -> Double {
        let u1 = uniform() + 1e-12, u2 = uniform()
        return (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
    }
}

@Suite("Figures render to well-formed, deterministic, accessible SVG")
struct FigureTests {
    static func scatter(_ n: Int, categorical: Bool = true) throws -> Plot {
        var r = TestRandom(state: 7)
        let x = (0..<n).map { _ in r.normal() }, y = (0..<n).map { _ in r.normal() }
        let color: PointColor = categorical ? .categories((0..<n).map { $0 % 10 }) : .values(x.map { $0 * $0 })
        return Plot([try .scatter(x: x, y: y, color: color, colorLabel: "x²")], title: "Latent space", xLabel: "z₁", yLabel: "z₂")
    }

    @Test("a 10,000-point scatter stays under 1 MB", arguments: [true, false])
    func scatterSize(_ categorical: Bool) throws {
        let svg = try Self.scatter(10_000, categorical: categorical).svg()
        #expect(svg.utf8.count < 1_000_000)
        let check = SVGCheck(svg)
        #expect(check.wellFormed)
        #expect(check.count("circle") >= 10_000)
    }

    @Test("same data, same bytes")
    func deterministic() throws {
        let a = try Self.scatter(500).svg(), b = try Self.scatter(500).svg()
        #expect(a == b)
        let c = try Self.scatter(501).svg()
        #expect(a != c)
    }

    @Test("title, desc and size in CSS px are on the root element")
    func accessibility() throws {
        let svg = try Figure(Self.scatter(100), width: 500, height: 300).svg()
        let check = SVGCheck(svg)
        #expect(check.wellFormed)
        #expect(check.root["width"] == "500" && check.root["height"] == "300" && check.root["viewBox"] == "0 0 500 300")
        #expect(check.root["role"] == "img")
        let labelled = check.root["aria-labelledby"]!.split(separator: " ").map(String.init)
        #expect(labelled.allSatisfy(check.ids.contains))
        #expect(check.count("title") == 1 && check.count("desc") == 1)
        #expect(check.texts.contains("Latent space"))
        let desc = check.texts.first { $0.hasPrefix("“Latent space”") }
        #expect(desc?.contains("scatter of 100 points in 10 categories") == true)
        #expect(desc?.contains("The x axis “z₁” runs from") == true)
    }

    @Test("ids differ between different figures (safe to inline several in one page)")
    func uniqueIDs() throws {
        let a = SVGCheck(try Self.scatter(50).svg()).ids, b = SVGCheck(try Self.scatter(60).svg()).ids
        #expect(Set(a).isDisjoint(with: Set(b)))
        #expect(Set(a).count == a.count)
    }

    @Test("user text is escaped")
    func escaping() throws {
        let p = Plot([try .line(y: [1, 2, 3], label: "a < b & \"c\"")], title: "<script>alert(1)</script>")
        let svg = try p.svg()
        #expect(!svg.contains("<script>"))
        #expect(svg.contains("&lt;script&gt;"))
        let check = SVGCheck(svg)
        #expect(check.wellFormed)
        #expect(check.texts.contains("a < b & \"c\""))
    }

    @Test("user text that looks like the id placeholder is left alone")
    func placeholderInUserText() throws {
        let tricky = "\"LCID-desc\" url(#LCID-clip0) LCID-title"
        let svg = try Plot([try .line(y: [1, 2])], title: tricky).svg()
        let check = SVGCheck(svg)
        #expect(check.wellFormed)
        #expect(check.texts.contains(tricky))
        #expect(check.ids.allSatisfy { $0.hasPrefix("lc") && !$0.contains("LCID") })
    }

    @Test("panels: a 2 × 2 grid of four plot areas, aligned by row and column")
    func panels() throws {
        let p = try Plot([.line(y: [1, 3, 2])], title: "A")
        let q = try Plot([.line(y: [100000, 300000, 200000])], title: "B")
        let svg = try Figure([p, q, p, q], columns: 2, title: "Four").svg()
        let check = SVGCheck(svg)
        #expect(check.wellFormed)
        #expect(check.count("clipPath") == 4)
        #expect(check.texts.filter { $0 == "A" }.count == 2)
        let layouts = try Figure([p, q, p, q], columns: 2).svgLayouts()
        #expect(layouts[0].area.y == layouts[1].area.y && layouts[0].area.height == layouts[1].area.height)
        #expect(layouts[0].area.x - layouts[0].cell.x == layouts[2].area.x - layouts[2].cell.x)
        // B's wider tick labels widen the left margin of both panels in its column.
        #expect(layouts[1].area.x - layouts[1].cell.x > layouts[0].area.x - layouts[0].cell.x)
    }

    @Test("margins grow with tick label widths")
    func marginsFromLabels() throws {
        let narrow = try Figure(Plot([.line(y: [1, 2])])).svgLayouts()[0]
        let wide = try Figure(Plot([.line(y: [1_000_000.5, 2_000_000.25])])).svgLayouts()[0]
        #expect(wide.area.x > narrow.area.x)
    }

    @Test("equal aspect: one data unit is as long on x as on y")
    func equalAspect() throws {
        let p = Plot([try .scatter(x: [-4, 4], y: [-1, 1])], equalAspect: true)
        let l = try Figure(p).svgLayouts()[0]
        guard case .linear(let sx) = l.xAxis.scale, case .linear(let sy) = l.yAxis.scale else { Issue.record(); return }
        let ux = abs(sx(1) - sx(0)), uy = abs(sy(1) - sy(0))
        #expect(abs(ux - uy) < 1e-9)
    }

    @Test("a matrix heatmap puts row 0 at the top")
    func heatmapOrientation() throws {
        let l = try Figure(Plot([.heatmap([[0, 1], [2, 3], [4, 5]])])).svgLayouts()[0]
        #expect(l.yAxis.scale(0) < l.yAxis.scale(2))
    }

    @Test("log axis ticks are powers of ten with labels")
    func logAxis() throws {
        let p = Plot([try .line(y: (1...100).map { 10 / Double($0 * $0) })], yScale: .log)
        let svg = try p.svg()
        #expect(SVGCheck(svg).wellFormed)
        #expect(svg.contains(">0.01<") && svg.contains(">10<"))
    }

    @Test("every mark kind renders", arguments: Array(0..<9))
    func everyMark(_ k: Int) throws {
        let g = try Grid.sample(x: -2...2, y: -2...2, count: 30) { exp(-($0 * $0 + $1 * $1)) }
        let marks: [Mark] = [
            try .scatter(x: [1, 2, 3], y: [3, 1, 2], color: .names(["a", "b", "a"])),
            try .line(x: [1, 2, 3], y: [1, 4, 9], label: "squares", dashed: true),
            try .histogram([1, 2, 2, 3, 3, 3], bins: 3, kde: true),
            try .bar(categories: ["VAE", "GAN", "DDPM"], values: [-1.5, 2, 3]),
            try .heatmap(g, colorMap: .diverging),
            try .contour(g, levels: 6),
            try .quiver(x: [0, 1], y: [0, 1], u: [1, 0], v: [0, 1], colorByMagnitude: true),
            try .heatmap([[1, .nan], [3, 4]]),
            try .scatter(x: [1, 2, 3], y: [1, 2, 3], sizes: [1, 10, 100], label: "sized"),
        ]
        let svg = try Plot([marks[k]], title: "mark \(k)").svg()
        #expect(SVGCheck(svg).wellFormed)
    }
}

extension Figure {
    /// The layouts `svg()` uses, for tests of geometry.
    func svgLayouts() throws -> [PanelLayout] {
        try FigureRenderer(self).layouts()
    }
}
