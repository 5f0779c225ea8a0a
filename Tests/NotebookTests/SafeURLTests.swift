import Testing
@testable import Notebook

/// What a `--safe` page keeps of the addresses in a stranger's notebook: http, https, mailto,
/// relative and fragment addresses, however the scheme is disguised.
struct SafeURLTests {
    @Test(arguments: [
        ("https://example.org/a?b=1", true),
        ("http://example.org", true),
        ("mailto:staff@example.org", true),
        ("notes/02-ppca.html#sec-em", true),
        ("#fig-samples", true),
        ("../data/digits.csv", true),
        ("page.html?at=12:30", true),
        ("HTTPS://EXAMPLE.ORG", true),
        ("javascript:alert(1)", false),
        ("JaVaScRiPt:alert(1)", false),
        (" javascript:alert(1)", false),
        ("java\tscript:alert(1)", false),
        ("java\nscript:alert(1)", false),
        ("\u{1}javascript:alert(1)", false),
        ("vbscript:msgbox(1)", false),
        ("data:text/html,<script>alert(1)</script>", false),
        ("data:image/svg+xml;base64,PHN2Zz4=", false),
        ("data:image/png;base64,iVBORw0KGgo=", false),
        ("file:///etc/passwd", false),
        ("javascript%3Aalert(1)", true),  // no scheme: a relative path with a % in it
    ])
    func addresses(_ url: String, _ allowed: Bool) {
        #expect(SafeURL.isAllowed(url) == allowed, "\(url)")
    }

    func safeProse(_ markdown: String) throws -> String {
        let d = try DocumentParser.parse(SourceFile(path: "nb.md", text: markdown), safe: true)
        return d.blocks.compactMap { if case .prose(let h) = $0 { h } else { nil } }.joined()
    }

    /// Every way Markdown writes an address: inline, reference, autolink, image, in a footnote and
    /// in a table cell. None keeps a script-capable address on a safe page.
    @Test(arguments: [
        "[x](javascript:alert(1))",
        "[x](JaVa&#x09;Script:alert(1))",
        "[x][r]\n\n[r]: javascript:alert(1)",
        "<javascript:alert(1)>",
        "![a](data:image/svg+xml;base64,PHN2Zz4=)",
        "A note.[^1]\n\n[^1]: See [x](vbscript:msgbox(1)).",
        "| a |\n|---|\n| [x](data:text/html,hi) |",
    ])
    func noScriptCapableAddressSurvives(_ markdown: String) throws {
        let html = try safeProse(markdown)
        let addresses = try Regex(#"(?:href|src)="([^"]*)""#)
        let found = html.matches(of: addresses).map { String($0.output[1].substring ?? "").lowercased() }
        #expect(!found.isEmpty, "\(markdown) → \(html)")
        for url in found {
            #expect(!["javascript:", "vbscript:", "data:"].contains { url.contains($0) }, "\(markdown) → \(html)")
        }
    }

    @Test func safeAddressesAreKept() throws {
        let html = try safeProse("[a](https://example.org) [b](other.html#x) <mailto:t@example.org>")
        #expect(html.contains("href=\"https://example.org\""))
        #expect(html.contains("href=\"other.html#x\""))
        #expect(html.contains("href=\"mailto:t@example.org\""))
    }

    @Test func withoutSafeAddressesAreTheAuthors() throws {
        let d = try DocumentParser.parse(SourceFile(path: "nb.md", text: "[x](javascript:void(0))"), safe: false)
        let html = d.blocks.compactMap { if case .prose(let h) = $0 { h } else { nil } }.joined()
        #expect(html.contains("javascript:void(0)"))
    }
}
