import PageRendering
import Testing

struct SyntaxHighlighterTests {
    @Test(arguments: [
        ("let x = 1", "<span class=\"kw\">let</span> x = <span class=\"nu\">1</span>"),
        ("// note", "<span class=\"co\">// note</span>"),
        ("\"a<b\"", "<span class=\"st\">&quot;a&lt;b&quot;</span>"),
        ("f(x: 2.5)", "f(<span class=\"lb\">x</span>: <span class=\"nu\">2.5</span>)"),
        ("let t: Int", "<span class=\"kw\">let</span> t: <span class=\"ty\">Int</span>"),
    ])
    func classifiesTokens(_ code: String, _ html: String) {
        #expect(SyntaxHighlighter.highlight(code) == html)
    }

    /// Listings past `SourceBounds` are shown as plain escaped text, at once: nested square
    /// brackets took time exponential in their depth (30 levels ran past 60 s), and 1,000 of
    /// them or a 20,000-term sum overflowed the stack.
    @Test(arguments: [
        "let x = " + String(repeating: "[", count: 30) + "1" + String(repeating: "]", count: 30),
        "let x = " + String(repeating: "[", count: 1_000),
        "let s = " + Array(repeating: "1", count: 20_000).joined(separator: " + "),
        "let s = \"a<b\"" + String(repeating: ".lowercased()", count: 3_000),
    ])
    func codeBeyondTheBoundsIsPlainText(_ code: String) {
        let clock = ContinuousClock()
        let start = clock.now
        let html = SyntaxHighlighter.highlight(code)
        #expect(clock.now - start < .seconds(5))
        #expect(!html.contains("<span"))
        #expect(html == code.replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: "\"", with: "&quot;"))
    }

    @Test func keepsEveryCharacterEvenInBrokenCode() {
        let code = "let x = (1 + \n  \"unterminated"
        let html = SyntaxHighlighter.highlight(code)
        let text = html.replacingOccurrences(of: #"<[^>]+>"#, with: "", options: .regularExpression)
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
        #expect(text == code)
    }
}
