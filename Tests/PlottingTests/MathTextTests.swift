import Testing
@testable import Plotting

/// TeX-style math in plot text: italic letters, real scripts, symbols from commands.
struct MathTextTests {
    typealias Run = MathText.Run

    @Test("runs", arguments: [
        ("plain text, no math", [Run(text: "plain text, no math")]),
        ("cost in $", [Run(text: "cost in $")]),
        (#"$\mu_k$"#, [Run(text: "μ", italic: true), Run(text: "k", italic: true, position: .sub)]),
        (#"$p_{\text{data}}$"#, [Run(text: "p", italic: true), Run(text: "data", position: .sub)]),
        (#"$\sigma^2 = 0.5$"#, [Run(text: "σ", italic: true), Run(text: "2", position: .sup), Run(text: " = 0.5")]),
        (#"loss $-\log p(x)$"#, [Run(text: "loss −log "), Run(text: "p", italic: true), Run(text: "("),
                                 Run(text: "x", italic: true), Run(text: ")")]),
        (#"$D(G(z))$, trained"#, [Run(text: "D", italic: true), Run(text: "("), Run(text: "G", italic: true), Run(text: "("),
                                  Run(text: "z", italic: true), Run(text: ")), trained")]),
        (#"$\Sigma \unknown$"#, [Run(text: "Σ\\unknown")]),
        (#"$x_{i,1}$"#, [Run(text: "x", italic: true), Run(text: "i", italic: true, position: .sub), Run(text: ",1", position: .sub)]),
    ] as [(String, [Run])])
    func runs(_ text: String, _ expected: [Run]) {
        #expect(MathText(text).runs == expected)
    }

    @Test("accessible text marks scripts")
    func plain() {
        #expect(MathText(#"$\mu_k$ and $x^{10}$"#).plain == "μ_k and x^{10}")
    }

    @Test("SVG: scripts are tspans moved with dy and brought back to the baseline")
    func svg() {
        var w = SVGWriter()
        w.label("text", ["x": "1"], #"$\mu_k$ <b>"#)
        #expect(w.output == #"<text x="1"><tspan font-style="italic">μ</tspan><tspan dy="0.314em" font-size="70%" font-style="italic">k</tspan><tspan dy="-0.22em"> &lt;b&gt;</tspan></text>"# + "\n")
        var plain = SVGWriter()
        plain.label("text", [:], "no math")
        #expect(plain.output == "<text>no math</text>\n")
    }

    @Test("scripts are narrower than the same letters on the baseline")
    func width() {
        #expect(MathText.width(of: "$x_k$", fontSize: 12) < TextMetrics.width("xk", fontSize: 12))
        #expect(MathText.width(of: "plain", fontSize: 12) == TextMetrics.width("plain", fontSize: 12))
    }
}
