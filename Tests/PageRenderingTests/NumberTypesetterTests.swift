@testable import PageRendering
import Testing

/// Inline values set as numbers in prose: a true minus, powers of ten, sensible digits.
struct NumberTypesetterTests {
    @Test("numbers as Swift prints them", arguments: [
        // Integers: never rounded; minus sign; groups of three from five digits.
        ("42", nil, "42"), ("-3", nil, "−3"), ("1797", nil, "1797"), ("60000", nil, "60\u{202F}000"),
        ("-1234567", nil, "−1\u{202F}234\u{202F}567"),
        // Doubles: four significant digits by default, trailing zeros dropped.
        ("0.30000000000000004", nil, "0.3"), ("1.3862943611198906", nil, "1.386"), ("-17.2", nil, "−17.2"),
        ("1797.0", nil, "1797"), ("123456.7", nil, "123\u{202F}457"), ("0.0001234", nil, "0.0001234"),
        ("9.99996", nil, "10"), ("2.5", nil, "2.5"), ("0.0", nil, "0"), ("-0.0", nil, "0"),
        // Powers of ten instead of e-notation.
        ("3.4e-12", nil, "3.4 × 10<sup>−12</sup>"), ("-1e-05", nil, "−1 × 10<sup>−5</sup>"),
        ("6.02214076e+23", nil, "6.022 × 10<sup>23</sup>"), ("1e+16", nil, "1 × 10<sup>16</sup>"),
        // Digits the author asked for: exactly that many, zeros kept; integer parts kept whole.
        ("1.5", 4, "1.500"), ("3.14159", 2, "3.1"), ("1797.3", 2, "1797"), ("3.4e-12", 3, "3.40 × 10<sup>−12</sup>"),
        ("0.1", 17, "0.10000000000000001"),
        // Rounded from the binary value, not its decimal text: 2.675 is 2.67499999…
        ("2.675", 3, "2.67"),
        // Not finite.
        ("inf", nil, "∞"), ("-inf", nil, "−∞"), ("nan", nil, "NaN"),
        // Lists of numbers, each typeset.
        ("[0.5, -1.25, 3e-07]", nil, "[0.5, −1.25, 3 × 10<sup>−7</sup>]"),
        // Anything else is text, escaped and unchanged.
        ("a-b", nil, "a-b"), ("-", nil, "-"), ("1.", nil, "1."), ("1e", nil, "1e"), ("[a, -1]", nil, "[a, -1]"),
        ("<b>-1</b>", nil, "&lt;b&gt;-1&lt;/b&gt;"), ("Optional(-1.0)", nil, "Optional(-1.0)"), ("", nil, ""),
    ] as [(String, Int?, String)])
    func typeset(_ printed: String, _ digits: Int?, _ expected: String) {
        #expect(NumberTypesetter.html(printed, digits: digits) == expected)
    }

    /// A String the author formatted keeps every digit it was written with: 0.052398 was shown
    /// as 0.0524 (and 1.0002 as 1) when strings were rounded like printed Doubles.
    @Test("text the author formatted", arguments: [
        ("0.052398", "0.052398"), ("1.0002", "1.0002"), ("0.00", "0.00"), ("-0.50", "−0.50"),
        ("8.6e-33", "8.6 × 10<sup>−33</sup>"), ("1.50E+04", "1.50 × 10<sup>4</sup>"), ("60000", "60\u{202F}000"),
        ("123456.789", "123\u{202F}456.789"), ("[0.10, -2.50]", "[0.10, −2.50]"), ("0.1 nats", "0.1 nats"),
    ])
    func asWritten(_ text: String, _ expected: String) {
        #expect(NumberTypesetter.html(text, asWritten: true) == expected)
    }
}

/// Chinese runs in prose marked `lang="zh"`; markup, math, figures and code left alone.
struct LanguageRunsTests {
    @Test("runs of Chinese", arguments: [
        ("plain English", "plain English"),
        ("a 生成模型 (generative model)", #"a <span lang="zh">生成模型</span> (generative model)"#),
        ("<p>证据下界，即 ELBO</p>", #"<p><span lang="zh">证据下界，即</span> ELBO</p>"#),
        ("生成 模型", #"<span lang="zh">生成 模型</span>"#),
        (##"<a title="模型" href="#x">模型</a>"##, ##"<a title="模型" href="#x"><span lang="zh">模型</span></a>"##),
        ("<math><mtext>模型</mtext></math> 模型", #"<math><mtext>模型</mtext></math> <span lang="zh">模型</span>"#),
        ("<pre><code>// 注释</code></pre>", "<pre><code>// 注释</code></pre>"),
        ("<svg><text>图</text></svg>图", #"<svg><text>图</text></svg><span lang="zh">图</span>"#),
        ("<code>x</code>模型<br/>型", #"<code>x</code><span lang="zh">模型</span><br/><span lang="zh">型</span>"#),
        ("→ ≤ ′ “quotes” ∑", "→ ≤ ′ “quotes” ∑"),
    ])
    func mark(_ html: String, _ expected: String) {
        #expect(LanguageRuns.markChinese(html) == expected)
    }

    /// A Chinese page's source line breaks between Chinese characters are dropped (a browser
    /// would show a space); breaks beside Latin text or markup, and inside code blocks, stay.
    @Test(arguments: [
        ("<p>后验是高斯\n分布。</p>", "<p>后验是高斯分布。</p>"),
        ("<p>代价是，\n而构造</p>", "<p>代价是，而构造</p>"),
        ("<p>使用 PPCA\n模型</p>", "<p>使用 PPCA\n模型</p>"),
        ("<p>模型\n<em>线性</em></p>", "<p>模型\n<em>线性</em></p>"),
        ("<pre><code>中文\n代码</code></pre><p>之后\n合并</p>", "<pre><code>中文\n代码</code></pre><p>之后合并</p>"),
    ])
    func joinChineseLines(_ html: String, _ expected: String) {
        #expect(LanguageRuns.joinChineseLines(html) == expected)
    }
}
