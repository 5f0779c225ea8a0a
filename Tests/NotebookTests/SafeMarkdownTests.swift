import Notebook
import Testing

/// Markdown from others for another renderer (Jupyter): no raw HTML, no script-capable address,
/// math and code exactly as written.
struct SafeMarkdownTests {
    static let cases: [(String, String)] = [
        ("<script>alert(1)</script>\n\nAfter.", "After.\n"),
        ("Text with <b onclick=\"x()\">bold</b>.", "Text with bold.\n"),
        ("A [link](javascript:alert(1)).", "A [link]().\n"),
        ("A [link](JaVaScRiPt:alert(1)).", "A [link]().\n"),
        ("A [link](&#106;avascript:alert(1)).", "A [link]().\n"),
        ("An ![image](data:text/html;base64,PHNjcmlwdD4=).", "An ![image]().\n"),
        ("An autolink <vbscript:msgbox>.", "An autolink [vbscript:msgbox]().\n"),
        ("A [reference][r].\n\n[r]: javascript:alert(1)", "A [reference]().\n"),
        ("A [good one](https://example.org/a?b=1#c) and [a page](02-next.html#top).",
         "A [good one](https://example.org/a?b=1#c) and [a page](02-next.html#top).\n"),
        ("Math $a_1 * b_2 < c$ and $$\\frac{x}{y} <br> z$$ stay.", "Math $a_1 * b_2 < c$ and $$\\frac{x}{y} <br> z$$ stay.\n"),
        ("Code `<script>` stays code.", "Code `<script>` stays code.\n"),
        ("```html\n<script>x</script>\n```", "``` html\n<script>x</script>\n```\n"),
        ("See @fig-a and `{swift} x`.", "See @fig-a and `{swift} x`.\n"),
    ]

    @Test(arguments: cases)
    func sanitizeKeepsTextAndDropsWhatCouldRun(_ input: String, _ expected: String) {
        #expect(SafeMarkdown.sanitize(input) == expected)
    }

    static let escapes: [(String, String)] = [
        ("0.5", "0\\.5"),
        ("<img src=x onerror=alert(1)>", "&lt;img src\\=x onerror\\=alert\\(1\\)\\>"),
        ("*not emphasis* and $5", "\\*not emphasis\\* and \\$5"),
        ("a & b\nc", "a &amp; b c"),
        ("生成模型", "生成模型"),
    ]

    @Test(arguments: escapes)
    func escapedTextIsShownAsWritten(_ input: String, _ expected: String) {
        #expect(SafeMarkdown.escape(input) == expected)
    }
}
