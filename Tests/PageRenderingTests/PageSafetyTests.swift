import Foundation
import PageRendering
import Testing

/// The independent check of a `--safe` page: each way a page could run code is found, and
/// nothing Lectern itself writes is mistaken for one.
struct PageSafetyTests {
    static let unsafe: [(String, String)] = [
        ("<script>alert(1)</script>", "a <script> element"),
        ("<SCRIPT SRC=//x></SCRIPT>", "a <script> element"),
        ("<svg><script>alert(1)</script></svg>", "a <script> element"),
        ("<iframe src=\"https://example.org\"></iframe>", "a <iframe> element"),
        ("<base href=\"https://evil.example/\">", "a <base> element"),
        ("<meta http-equiv=\"refresh\" content=\"0;url=javascript:x\">", "a <meta http-equiv> element"),
        ("<img src=x onerror=alert(1)>", "an event handler attribute 'onerror' on <img>"),
        ("<b\nONCLICK='x()'>b</b>", "an event handler attribute 'ONCLICK' on <b>"),
        ("<svg/onload=alert(1)>", "an event handler attribute 'onload' on <svg>"),
        ("<a href=\"javascript:alert(1)\">a</a>", "the address 'javascript:alert(1)' in href on <a>"),
        ("<a href=\" &#106;ava&#x73;cript&colon;alert(1)\">a</a>", "the address ' javascript:alert(1)' in href on <a>"),
        ("<a href='java\tscript:x'>a</a>", "the address 'java\tscript:x' in href on <a>"),
        ("<img src=\"data:image/svg+xml,<svg onload=x>\">", "the address 'data:image/svg+xml,<svg onload=x>' in src on <img>"),
        ("<a href=\"data:image/png;base64,AAAA\">a</a>", "the address 'data:image/png;base64,AAAA' in href on <a>"),
        ("<svg><a xlink:href=\"vbscript:x\">a</a></svg>", "the address 'vbscript:x' in xlink:href on <a>"),
        ("<p style=\"background:url(javascript:x)\">", "a script address in a style attribute on <p>"),
        // Only the course search's own tag, exactly, is Lectern's: not another file, not inline code.
        ("<script src=\"./search.js\"></script>", "a <script> element"),
        ("<script src=\"./other.js\" defer></script>", "a <script> element"),
        ("<script src=\"./search.js\" defer type=\"module\"></script>", "a <script> element"),
    ]

    @Test(arguments: unsafe)
    func eachWayToRunCodeIsFound(_ html: String, _ violation: String) {
        #expect(PageSafety.violations(in: "<p>before</p>" + html + "<p>after</p>") == [violation])
    }

    static let safe: [String] = [
        "<p>Text about &lt;script&gt; and onerror=alert(1) in prose.</p>",
        "<pre><code>let s = \"&lt;img src=x onerror=y&gt;\"</code></pre>",
        "<a href=\"https://example.org/a?b=1#c\">x</a> <a href=\"#sec-1\">y</a> <a href=\"02-next.html\">z</a> <a href=\"mailto:a@b.c\">m</a>",
        "<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"digits\">",
        "<!-- <script>alert(1)</script> -->",
        "<math><mi>x</mi><mo>&lt;</mo><mn>1</mn></math>",
        "<span title=\"onerror=x javascript:y\">t</span>",
        "<script src=\"./search.js\" defer></script>",
    ]

    @Test(arguments: safe)
    func whatLecternWritesIsNotMistakenForIt(_ html: String) {
        #expect(PageSafety.violations(in: html) == [])
    }

    @Test func theGoldenPageIsSafe() throws {
        let url = try #require(Bundle.module.url(forResource: "welcome", withExtension: "html", subdirectory: "Golden"))
        #expect(PageSafety.violations(in: try String(contentsOf: url, encoding: .utf8)) == [])
    }
}
