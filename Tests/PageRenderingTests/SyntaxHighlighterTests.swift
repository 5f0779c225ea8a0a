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

    @Test func keepsEveryCharacterEvenInBrokenCode() {
        let code = "let x = (1 + \n  \"unterminated"
        let html = SyntaxHighlighter.highlight(code)
        let text = html.replacingOccurrences(of: #"<[^>]+>"#, with: "", options: .regularExpression)
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
        #expect(text == code)
    }
}
