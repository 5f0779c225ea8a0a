import Testing
@testable import TeXToMathML

/// Long display formulas break as TeX authors break them by hand: before top-level relations
/// and after quads, never inside a group, a fence or a script.
struct LineBreakTests {
    static let breaking = MathMLConverter(breaksLines: true)

    /// The lines of a display formula: the text content of each line's `<mrow>`, or one
    /// line holding everything when the formula is not broken.
    static func lines(_ tex: String) throws -> [String] {
        let mathML = try breaking.convert(tex, display: true)
        guard let start = mathML.range(of: "<mrow class=\"tex-lines\">") else { return [text(of: mathML)] }
        var rest = mathML[start.upperBound...]
        var lines: [String] = []
        // Lines are the direct children; each opens with <mrow> and the list closes with </mrow></mrow>.
        var depth = 0, line = ""
        while !rest.isEmpty {
            if rest.hasPrefix("<mrow") {
                depth += 1
                if depth == 1 { line = "" }
            } else if rest.hasPrefix("</mrow>") {
                depth -= 1
                if depth == 0 { lines.append(text(of: line)) }
                if depth < 0 { break }
            }
            if depth >= 1 { line.append(rest.first!) }
            rest = rest.dropFirst()
        }
        return lines
    }

    /// The characters of the tokens, markup and the invisible function application dropped.
    static func text(of markup: some StringProtocol) -> String {
        var out = "", inTag = false
        let body = markup.components(separatedBy: "<annotation").first ?? String(markup)
        for ch in body {
            if ch == "<" { inTag = true } else if ch == ">" { inTag = false } else if !inTag { out.append(ch) }
        }
        return out.replacingOccurrences(of: "&#x2061;", with: "")
    }

    @Test("break points", arguments: [
        // A short left-hand side stays with its first relation; later relations start lines.
        ("a = b", ["a=b"]),
        ("p(x) = p(x_1) p(x_2) = \\prod_i p(x_i)", ["p(x)=p(x1)p(x2)", "=∏ip(xi)"]),
        ("a := b := c", ["a:=b", ":=c"]),
        ("a \\le b \\le c", ["a≤b", "≤c"]),
        ("x = 1,\\quad y = 2 = z", ["x=1,", "y=2", "=z"]),
        // A long one does not: the break before the first relation is allowed.
        ("abcdefg = e", ["abcdefg", "=e"]),
        // Between terms; a sign is not a binary operator.
        ("a + b - c", ["a", "+b", "−c"]),
        ("x = -a + b", ["x=−a", "+b"]),
        // Inside brackets only a long group breaks, and only between terms.
        ("\\Big( a + b \\Big)", ["(a+b)"]),
        ("y = \\Big( a + b c d e f g h i j k \\Big)", ["y=(a", "+bcdefghijk)"]),
        ("y = p(x \\mid z) + c", ["y=p(x∣z)", "+c"]),
        ("u = f(a,\\; b) \\; v", ["u=f(a,b)", "v"]),
        // After a thick space; not after a thin one.
        ("u = a \\; b \\, c", ["u=a", "bc"]),
        // Nothing to break at the top level: one line, as written.
        ("a b c", ["abc"]),
        ("\\left( a = b \\right)", ["(a=b)"]),
        ("{a = b}", ["a=b"]),
        ("\\frac{a = b}{c}", ["a=bc"]),
        ("x_{i = 1}", ["xi=1"]),
        // A leading relation has nothing before it to break from.
        ("= a = b", ["=a", "=b"]),
    ])
    func breaks(_ tex: String, _ expected: [String]) throws {
        #expect(try Self.lines(tex) == expected)
    }

    @Test("an operator that opens a line keeps its spacing between terms (form=infix), a relation too")
    func infixAtLineStart() throws {
        let mathML = try Self.breaking.convert("x = a + b", display: true)
        #expect(mathML.contains(#"</mrow><mrow><mo form="infix">+</mo>"#))
        #expect(!mathML.contains(#"<mo form="infix">=</mo>"#))  // glued to its short left side: not a line start
        #expect(try Self.breaking.convert("x = a = b", display: true).contains(#"</mrow><mrow><mo form="infix">=</mo>"#))
    }

    @Test("short inline formulas and the default converter never break")
    func noBreaks() throws {
        #expect(!(try Self.breaking.convert("a = b = c", display: false)).contains("tex-lines"))
        #expect(!(try Self.breaking.convert("a = b = c", display: false)).contains("tex-pieces"))
        #expect(!(try MathMLConverter().convert("a = b = c", display: true)).contains("tex-lines"))
        let long = #"\hat x_0 = (x_t - \sqrt{1 - \bar\alpha_t}\,\hat\epsilon)/\sqrt{\bar\alpha_t} = y + z"#
        #expect(!(try MathMLConverter().convert(long, display: false)).contains("tex-pieces"))
    }

    /// The text of each `<math>` piece of a broken inline formula.
    static func pieces(_ tex: String) throws -> [String] {
        let html = try breaking.convert(tex, display: false)
        return html.components(separatedBy: "<math").dropFirst().map { text(of: "<math" + $0) }
    }

    @Test("a long inline formula is written as pieces the paragraph can wrap between", arguments: [
        (#"\mathrm{ELBO}(q) = \mathbb{E}_q[\log p(x \mid z)] + \mathbb{E}_q[\log p(z)]"#,
         ["ELBO(q)=", "𝔼q[logp(x∣z)]+", "𝔼q[logp(z)]"]),
        (#"q(x_t \mid x_0) = \mathcal{N}(\sqrt{\bar\alpha_t}\,x_0, (1 - \bar\alpha_t)I)"#,
         ["q(xt∣x0)=", "𝒩(αˉtx0,(1−αˉt)I)"]),  // not inside the short brackets
        (#"D^*(x) = p_{\text{data}}(x) / (p_{\text{data}}(x) + p_g(x))"#,
         ["D∗(x)=", "pdata(x)/(pdata(x)+pg(x))"]),  // a short left-hand side may end a line
        (#"\sqrt{\alpha_t \alpha_{t-1} \alpha_{t-2} \alpha_{t-3}}\, x_{t-4}"#,
         ["αtαt−1αt−2αt−3xt−4"]),  // nothing to break at the top level: one math
    ])
    func inlinePieces(_ tex: String, _ expected: [String]) throws {
        let html = try Self.breaking.convert(tex, display: false)
        let got = try Self.pieces(tex)
        #expect(got == expected)
        if expected.count > 1 {
            // Read as one formula: the source labels the whole, the pieces are hidden.
            #expect(html.hasPrefix(#"<span class="tex-pieces" role="math" aria-label=""#))
            #expect(html.contains(#""><span aria-hidden="true"><math"#) && html.hasSuffix("</math></span></span>"))
            #expect(html.components(separatedBy: "<math").count - 1 == expected.count)
            #expect(html.components(separatedBy: "<wbr>").count - 1 == expected.count - 1)
            #expect(html.contains(#"form="infix">"#))  // an operator that ends a piece keeps its spacing
        } else {
            #expect(!html.contains("tex-pieces"))
        }
    }

    @Test("spacing is the same broken or not: only the line rows are added")
    func sameAtoms() throws {
        let tex = #"\mathbb{E}[x] = W\mathbb{E}[z] + \mu = \mu, \qquad \operatorname{Cov}[x] = WW^\top + \sigma^2 I"#
        let plain = try MathMLConverter().convert(tex, display: true)
        let broken = try Self.breaking.convert(tex, display: true)
        // The same tokens with the same attributes (spacing, stretching) in the same order;
        // only <mrow>s differ.
        func tokens(_ m: String) -> [String] {
            m.replacingOccurrences(of: #" form="infix""#, with: "")
                .components(separatedBy: "<").filter { !$0.hasPrefix("mrow") && !$0.hasPrefix("/mrow") }
        }
        #expect(broken.contains("tex-lines"))
        #expect(tokens(broken) == tokens(plain))
    }
}
