import Notebook
import NotebookRunner
@testable import PageRendering
import Testing

/// Blocks on the page: numbered per kind in reading order (and per chapter in a course), titled,
/// referred to by their labels in the page's language; hints and solutions fold without script.
struct BlockRendererTests {
    static let text = """
        ---
        title: Blocks
        ---

        See @exr-sum, @exr-pairs and @thm-gauss.

        ::: {.exercise #exr-sum title="Sum of $n$ numbers"}
        Add $1 + \\dots + n$.

        ::: hint
        Pair them.
        :::

        ::: {.solution}
        $n(n + 1)/2$.
        :::
        :::

        ::: {#thm-gauss}
        The sum is $n(n+1)/2$.
        :::

        ::: proof
        Pair the first with the last.
        :::

        ::: {.exercise #exr-pairs}
        Count the pairs.
        :::

        ::: {.callout-tip title="Check it"}
        Run it for $n = 10$.
        :::

        ::: {.warning}
        Mind the overflow.
        :::
        """

    func render(_ text: String = text, language: String? = nil, chapter: Int? = nil) throws -> Page {
        var source = text
        if let language { source = source.replacingOccurrences(of: "title: Blocks", with: "title: Blocks\nlang: \(language)") }
        let document = try DocumentParser.parse(SourceFile(path: "nb.md", text: source))
        var site: Site?
        if let chapter {
            let chapters = (0...chapter).map { Site.Chapter(page: $0 == chapter ? "nb.html" : "c\($0).html", number: $0, title: "C\($0)") }
            site = Site(title: "Course", chapters: chapters)
            site?.language = language ?? "en"
        }
        return PageRenderer.render(NotebookRunner().run(document), site: site, page: chapter == nil ? nil : "nb.html")
    }

    @Test func blocksAreNumberedPerKindTitledAndReferredTo() throws {
        let page = try render()
        #expect(page.warnings.isEmpty, "\(page.warnings)")
        let html = page.html
        #expect(html.contains("See <a class=\"xref\" href=\"#exr-sum\">Exercise 1</a>, <a class=\"xref\" href=\"#exr-pairs\">Exercise 2</a> and <a class=\"xref\" href=\"#thm-gauss\">Theorem 1</a>."))
        #expect(html.contains("<div class=\"block block-exercise\" id=\"exr-sum\"><p class=\"block-title\"><span class=\"block-label\">Exercise 1</span><span class=\"block-name\"> (Sum of <span class=\"math inline\"><math"))
        #expect(html.contains("<details class=\"block block-hint\"><summary>Hint</summary>\n<p>Pair them.</p>\n</details>"))
        #expect(html.contains("<details class=\"block block-solution\"><summary>Solution</summary>"))
        #expect(html.contains("<div class=\"block block-theorem\" id=\"thm-gauss\"><p class=\"block-title\"><span class=\"block-label\">Theorem 1</span></p>"))
        #expect(html.contains("<div class=\"block block-proof\"><p class=\"block-title\"><span class=\"block-label\">Proof</span></p>"))
        // A titled callout shows its title alone (as in Quarto); an untitled one its kind.
        #expect(html.contains("<div class=\"callout callout-tip\" role=\"note\"><p class=\"callout-title\">Check it</p>"))
        #expect(html.contains("<div class=\"callout callout-warning\" role=\"note\"><p class=\"callout-title\">Warning</p>"))
    }

    @Test func inACourseTheyCarryTheChapterAndThePagesLanguage() throws {
        let page = try render(language: "zh-CN", chapter: 2)
        let html = page.html
        #expect(html.contains("<a class=\"xref\" href=\"#exr-sum\">练习 2.1</a>"))
        #expect(html.contains("<a class=\"xref\" href=\"#thm-gauss\">定理 2.1</a>"))
        #expect(html.contains("<span class=\"block-label\">练习 2.2</span>"))
        #expect(html.contains("<span class=\"block-label\">练习 2.1</span><span class=\"block-name\">（Sum of"))
        #expect(html.contains("<summary>提示</summary>") && html.contains("<summary>解答</summary>"))
        #expect(html.contains("<p class=\"callout-title\">Check it</p>"))
        #expect(html.contains("<p class=\"callout-title\">警告</p>"))
    }

    @Test func aBlockLabelIsUniqueOnThePage() throws {
        let page = try render("::: {.exercise #exr-a}\nOne.\n:::\n\n::: {.exercise #exr-a}\nTwo.\n:::\n")
        #expect(page.warnings.map(\.description) == ["nb.md:5:1: error: the label 'exr-a' is already used for Exercise 1 (line 1); labels must be unique"])
    }
}
