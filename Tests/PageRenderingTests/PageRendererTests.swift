import Foundation
import Notebook
import NotebookRunner
import PageRendering
import Testing

struct PageRendererTests {
    func page(_ text: String, path: String = "nb.md") throws -> String {
        let document = try DocumentParser.parse(SourceFile(path: path, text: text))
        return PageRenderer.render(NotebookRunner().run(document)).html
    }

    /// The whole page of a small notebook, byte for byte. Regenerate with LECTERN_UPDATE_GOLDEN=1.
    @Test func goldenPage() throws {
        let url = try #require(Bundle.module.url(forResource: "welcome", withExtension: "md", subdirectory: "Golden"))
        let text = try String(contentsOf: url, encoding: .utf8)
        let html = try page(text, path: "Golden/welcome.md")
        let goldenURL = url.deletingPathExtension().appendingPathExtension("html")
        if ProcessInfo.processInfo.environment["LECTERN_UPDATE_GOLDEN"] != nil {
            let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/welcome.html")
            try html.write(to: source, atomically: true, encoding: .utf8)
            return
        }
        let golden = try String(contentsOf: goldenURL, encoding: .utf8)
        #expect(html == golden)
    }

    @Test func theSamePageTwiceIsByteIdentical() throws {
        let text = "---\ntitle: T\n---\n# A\n\n```swift\nlet xs = [3, 1, 2].sorted()\nxs\n```\n"
        #expect(try page(text) == page(text))
    }

    @Test func aTableOfContentsListsTheSectionsWithTheirFormulas() throws {
        let html = try page("---\ntitle: T\ntoc: true\n---\n# Top\n\n## The goal: $p(x)$ {#sec-goal}\n\n### Detail\n\n## Next\n")
        let nav = try #require(html.range(of: "<nav class=\"toc\""))
        let after = html[nav.lowerBound...]
        #expect(after.contains("<a href=\"#sec-goal\">The goal: <span class=\"math inline\"><math"))
        #expect(after.contains("<a href=\"#detail\">Detail</a>"))
        #expect(try !page("# Top\n\n## A\n\n## B\n").contains("<nav class=\"toc\""))
    }

    @Test func aCellWithSeveralFiguresHasOneCaption() throws {
        let html = try page("```swift\n//| label: fig-two\n//| caption: Two lines.\nplot([1.0, 2.0])\nplot([2.0, 1.0])\n```\n")
        #expect(html.components(separatedBy: "<figcaption>").count == 2)
        #expect(html.components(separatedBy: "<figure>").count == 3)
    }

    func handout(_ text: String) throws -> String {
        let document = try DocumentParser.parse(SourceFile(path: "nb.md", text: text))
        return PageRenderer.render(NotebookRunner().run(document), options: PageOptions(handout: true)).html
    }

    @Test func aHandoutKeepsFiguresButNotThePrintsOfCodeItHides() throws {
        let hidden = try handout("```swift\nprint(\"orphan line\")\nplot([1.0, 2.0])\n```\n")
        #expect(!hidden.contains("orphan line"))
        #expect(hidden.contains("<figure>"))
        let kept = try handout("```swift\n//| output: true\nprint(\"asked for\")\n```\n")
        #expect(kept.contains("asked for"))
        let shown = try handout("```swift\n//| echo: true\nprint(\"with its code\")\n```\n")
        #expect(shown.contains("with its code"))
    }

    @Test func outputsInColumnsKeepThem() throws {
        let html = try page("```swift\nprint(\"k    loss\")\nprint(\"1    0.50\")\nprint(\"2    0.25\")\nprint(\"a sentence with single spaces\")\n```\n```swift\nprint(\"prose-like output, one line\")\n```\n")
        #expect(html.contains("<pre class=\"output tabular\">k    loss"))
        #expect(html.contains("<pre class=\"output\">prose-like output, one line</pre>"))
    }

    @Test func theFrontMatterSetsLanguageAndPaper() throws {
        let zh = try page("---\nlang: zh-Hans\npapersize: letter\n---\n生成模型\n")
        #expect(zh.contains("<html lang=\"zh-Hans\">"))
        #expect(zh.contains("@page { size: letter; }"))
        #expect(!zh.contains("<span lang=\"zh\">"))  // the page is Chinese: no runs to mark
        let en = try page("An English page with a 生成模型.\n")
        #expect(en.contains("<html lang=\"en\">"))
        #expect(en.contains("<span lang=\"zh\">生成模型</span>"))
        #expect(!en.contains("@page { size: letter"))
        for bad in ["papersize: a3", "lang: \"en us\""] {
            #expect(throws: Diagnostic.self) { try DocumentParser.parse(SourceFile(path: "nb.md", text: "---\n\(bad)\n---\nx\n")) }
        }
    }

    @Test func captionsSetTheirMathAsProseDoes() throws {
        let html = try page("```swift\n//| label: fig-d\n//| caption: The optimum $D^*(x)$ of $V$, in $ dollars.\nplot([1.0, 2.0])\n```\n")
        #expect(html.contains("<figcaption><span class=\"figure-number\">Figure 1:</span> The optimum <span class=\"math inline\"><math"))
        #expect(html.contains("alttext=\"D^*(x)\""))
        #expect(html.contains(", in $ dollars.</figcaption>"))
    }

    @Test("a value and the unit after it stay on one line; a word after a value does not")
    func aValueKeepsItsUnit() throws {
        let html = try page("```swift\nlet p = 60\n```\nIt took `{swift} p` %, `{swift} p` s per epoch, `{swift} p` nats, over `{swift} p` seeds and `{swift} p` sets.\n")
        for unit in ["%", "s per", "nats"] { #expect(html.contains("60</span>\u{00A0}\(unit)"), "\(unit)") }
        for word in ["seeds", "sets"] { #expect(html.contains("60</span> \(word)"), "\(word)") }
    }

    @Test func inlineValuesAreTypeset() throws {
        let html = try page("```swift\nlet x = -0.000000034\nlet n = 60000\n```\nx is `{swift} x`, n is `{swift} n`, a third `{swift} 1.0 / 3.0, digits: 2`.\n")
        #expect(html.contains("<span class=\"inline-value\">−3.4 × 10<sup>−8</sup></span>"))
        #expect(html.contains("<span class=\"inline-value\">60\u{202F}000</span>"))
        #expect(html.contains("<span class=\"inline-value\">0.33</span>"))
    }

    @Test func everythingACellPrintsIsEscaped() throws {
        let html = try page("```swift\nprint(\"<script>alert('x')</script> & more\")\n\"<b>\"\n```\n")
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more"))
        #expect(html.contains("&quot;&lt;b&gt;&quot;"))
        #expect(!html.contains("<script>"))
    }

    @Test func aCellErrorIsShownInAVisibleBoxWithItsLocation() throws {
        let html = try page("```swift\nlet y = nope\n```\n")
        #expect(html.contains("<div class=\"cell-error\" role=\"alert\"><span class=\"label\">error:</span> nb.md:2:9: cannot find &#39;nope&#39; in scope</div>")
                || html.contains("<div class=\"cell-error\" role=\"alert\"><span class=\"label\">error:</span> nb.md:2:9: cannot find 'nope' in scope</div>"))
    }

    @Test func thePageIsSelfContained() throws {
        let html = try page("# Hi\n\n```swift\n1\n```\n")
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.contains("<style>"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<link"))
        #expect(html.contains("<title>Hi</title>"))
    }

    @Test func mathBecomesMathMLAndIsNeverMangled() throws {
        let html = try page("Inline $x_1 * y_2$ and\n\n$$\n\\sum_i x_i\n$$\n")
        #expect(html.contains("<span class=\"math inline\"><math xmlns=\"http://www.w3.org/1998/Math/MathML\" alttext=\"x_1 * y_2\"><semantics><mrow><msub><mi>x</mi><mn>1</mn></msub>"))
        #expect(html.contains("<div class=\"math display\"><math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"block\" alttext=\"\\sum_i x_i\">"))
        #expect(!html.contains("<em>"))
        #expect(!html.contains("<p><div"))
    }

    @Test func aBadFormulaShowsItsSourceAndWarnsAtItsPlace() throws {
        let document = try DocumentParser.parse(SourceFile(path: "nb.md", text: "# T\n\nSee $\\frac{a}{$ here.\n\n$$\nx +\n\\unknowncommand\n$$\n"))
        let page = PageRenderer.render(NotebookRunner().run(document))
        #expect(page.warnings.map(\.description) == [
            "nb.md:3:14: warning: in math: unbalanced braces: this '{' is never closed",
            "nb.md:7:1: warning: in math: unknown command \\unknowncommand",
        ])
        #expect(page.html.contains("<merror class=\"tex-error\""))
    }

    @Test func optionsHideCodeOrOutputOrTheWholeCell() throws {
        let noEcho = try page("```swift\n//| echo: false\nprint(\"shown\")\n```\n")
        #expect(!noEcho.contains("class=\"code\""))
        #expect(noEcho.contains("shown"))
        let noOutput = try page("```swift\n//| output: false\nprint(\"hidden\")\n```\n")
        #expect(!noOutput.contains(">hidden<"))
        let excluded = try page("```swift\n//| include: false\nprint(\"gone\")\n```\n")
        #expect(!excluded.contains("gone"))
    }
}
