import Markup
import Testing

/// One escaping rule for HTML pages, SVG figures and MathML equations.
struct MarkupTests {
    @Test("escape", arguments: [
        ("plain text, 中文 and ∑", "plain text, 中文 and ∑"),
        ("a < b && c > d", "a &lt; b &amp;&amp; c &gt; d"),
        ("say \"hi\" and 'bye'", "say &quot;hi&quot; and &#39;bye&#39;"),
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("tab\tline\ncr\r", "tab\tline\ncr\r"),
        ("nul\u{0}bell\u{7}", "nul\u{FFFD}bell\u{FFFD}"),
        ("not a character \u{FFFE}\u{FFFF}", "not a character \u{FFFD}\u{FFFD}"),
        ("no\u{A0}break", "no&#xA0;break"),
        ("x\u{302} and \u{338}", "x&#x302; and &#x338;"),
        ("zero\u{200B}width, invisible\u{2062}times", "zero&#x200B;width, invisible&#x2062;times"),
        ("→ ≤ ′ “quotes”", "→ ≤ ′ “quotes”"),
        ("\u{FE0F}", "&#xFE0F;"),
        ("", ""),
    ])
    func escape(_ text: String, _ expected: String) {
        #expect(Markup.escape(text) == expected)
        var bytes: [UInt8] = Array(">".utf8)
        Markup.append(text, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == ">" + expected)
    }

    @Test("escaped text never holds a markup character outside a reference")
    func noMarkupLeaks() {
        let text = String((0..<0x3000).compactMap { Unicode.Scalar($0) }.map(Character.init))
        let escaped = Markup.escape(text)
        #expect(!escaped.contains("<") && !escaped.contains(">") && !escaped.contains("\"") && !escaped.contains("'"))
        // Every & starts a reference.
        let pieces = escaped.split(separator: "&", omittingEmptySubsequences: false).dropFirst()
        #expect(pieces.allSatisfy { $0.hasPrefix("amp;") || $0.hasPrefix("lt;") || $0.hasPrefix("gt;") || $0.hasPrefix("quot;") || $0.hasPrefix("#") })
    }
}
