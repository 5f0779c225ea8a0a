import Notebook
import NotebookRunner
@testable import PageRendering
import Testing

/// A course as one site: every page carries the navigation (course title, chapters with the
/// current one marked, previous and next), numbers its figures and equations within its chapter,
/// and resolves references to the other chapters; a label is unique across the course.
struct SiteTests {
    static let chapters: [(page: String, text: String)] = [
        ("00-intro.html", "---\ntitle: Intro\ndescription: Why & how.\n---\n\nSee @fig-ring in the next chapter and @eq-bound.\n"),
        ("01-models.html", """
            ---
            title: Models
            ---

            $$
            p(x) \\ge 0
            $$ {#eq-bound}

            ```swift
            //| label: fig-ring
            //| caption: A ring.
            plot([1, 2, 3])
            ```

            And @fig-ring here, @eq-bound too.
            """),
        ("02-end.html", "---\ntitle: End\n---\n\nBack to @eq-bound.\n"),
    ]

    func documents(_ chapters: [(page: String, text: String)] = Self.chapters) throws -> [(page: String, document: Document)] {
        try chapters.map { ($0.page, try DocumentParser.parse(SourceFile(path: "notebooks/" + $0.page.replacingOccurrences(of: ".html", with: ".md"), text: $0.text))) }
    }

    func site(_ documents: [(page: String, document: Document)]) -> (Site, [Diagnostic]) {
        var site = Site(title: "Generative <models>", subtitle: "Notes",
                        chapters: documents.enumerated().map { Site.Chapter(page: $1.page, number: $0, title: $1.document.title,
                                                                            description: $1.document.frontMatter.description) },
                        links: [Site.Link(page: "reference.html", title: "Library reference")])
        let errors = site.collectLabels(from: documents)
        return (site, errors)
    }

    func pages() throws -> [String] {
        let docs = try documents()
        let (site, errors) = self.site(docs)
        #expect(errors.isEmpty)
        return docs.map { PageRenderer.render(NotebookRunner().run($0.document), site: site, page: $0.page) }.map {
            #expect($0.warnings.isEmpty, "\($0.warnings)")
            return $0.html
        }
    }

    @Test func everyPageCarriesTheNavigationWithItsChapterMarked() throws {
        let pages = try pages()
        for (i, html) in pages.enumerated() {
            #expect(html.contains("<a class=\"site-title\" href=\"./index.html\">Generative &lt;models&gt;</a>"))
            // The list is written twice (menu and sidebar); each marks the current chapter only.
            #expect(html.components(separatedBy: "<li aria-current=\"page\">").count - 1 == 2)
            #expect(html.contains("<li aria-current=\"page\"><a href=\"./\(Self.chapters[i].page)\">"))
            #expect(html.contains("<a href=\"./reference.html\">Library reference</a>"))
            #expect(html.contains("<h1 class=\"title\"><span class=\"chapter-number\">\(i)</span> "))
            #expect(html.contains("<title>\(["Intro", "Models", "End"][i]) · Generative &lt;models&gt;</title>"))
        }
        #expect(!pages[0].contains("rel=\"prev\""))
        #expect(pages[0].contains("<a class=\"pager-next\" rel=\"next\" href=\"./01-models.html\"><span class=\"pager-label\">Next</span><span class=\"chapter-number\">1</span> Models</a>"))
        #expect(pages[1].contains("rel=\"prev\" href=\"./00-intro.html\"") && pages[1].contains("rel=\"next\" href=\"./02-end.html\""))
        #expect(pages[2].contains("rel=\"prev\" href=\"./01-models.html\"") && !pages[2].contains("rel=\"next\""))
    }

    @Test func numbersAreTheChaptersAndReferencesCrossChapters() throws {
        let pages = try pages()
        #expect(pages[0].contains("See <a class=\"xref\" href=\"./01-models.html#fig-ring\">Figure 1.1</a> in the next chapter and <a class=\"xref\" href=\"./01-models.html#eq-bound\">Equation (1.1)</a>."))
        #expect(pages[1].contains("<span class=\"figure-number\">Figure 1.1:</span> A ring."))
        #expect(pages[1].contains("<span class=\"eq-number\">(1.1)</span>"))
        #expect(pages[1].contains("And <a class=\"xref\" href=\"#fig-ring\">Figure 1.1</a> here, <a class=\"xref\" href=\"#eq-bound\">Equation (1.1)</a> too."))
        #expect(pages[2].contains("Back to <a class=\"xref\" href=\"./01-models.html#eq-bound\">Equation (1.1)</a>."))
    }

    @Test func aLabelDefinedInTwoChaptersIsALocatedError() throws {
        var chapters = Self.chapters
        chapters[2].text = "---\ntitle: End\n---\n\nText.\n\n$$\ny = 2\n$$ {#eq-bound}\n"
        let (_, errors) = site(try documents(chapters))
        #expect(errors.map(\.description) == [
            "notebooks/02-end.md:7:1: error: the label 'eq-bound' is already used in 01-models.html for Equation (1.1); labels must be unique across the course",
        ])
    }

    @Test func aLabelDefinedTwiceOnOnePageIsALocatedError() throws {
        let document = try DocumentParser.parse(SourceFile(path: "nb.md", text: "# A {#sec-a}\n\n# B {#sec-a}\n\n## Summary\n\n## Summary\n"))
        let page = PageRenderer.render(NotebookRunner().run(document))
        // Headings without a written label may share their text ("Summary"): only written labels must be unique.
        #expect(page.warnings.map(\.description) == ["nb.md:3:1: error: the label 'sec-a' is already used for “A” (line 1); labels must be unique"])
    }

    @Test func aPageOfItsOwnHasNoNavigationAndPlainNumbers() throws {
        let document = try DocumentParser.parse(SourceFile(path: "nb.md", text: Self.chapters[1].text))
        let html = PageRenderer.render(NotebookRunner().run(document)).html
        #expect(!html.contains("<nav class=\"site-nav\"") && !html.contains("<nav class=\"pager\"") && html.contains("<body>"))
        #expect(html.contains("<span class=\"figure-number\">Figure 1:</span>") && html.contains("<span class=\"eq-number\">(1)</span>"))
    }

    @Test func theHomePageListsTheChaptersWithWhatEachTeaches() throws {
        let (site, _) = site(try documents())
        let html = IndexPage.render(site: site)
        #expect(html.contains("<li><a href=\"./00-intro.html\"><span class=\"chapter-number\">0</span> Intro</a><span class=\"description\">Why &amp; how.</span></li>"))
        #expect(html.contains("<li><a href=\"./02-end.html\"><span class=\"chapter-number\">2</span> End</a></li>"))
        #expect(html.contains("<p class=\"subtitle\">Notes</p>"))
        #expect(html.contains("<a class=\"site-title\" href=\"./index.html\" aria-current=\"page\">"))
    }

    @Test func furnitureFollowsThePageLanguage() throws {
        var chapters = Self.chapters
        chapters[1].text = chapters[1].text.replacingOccurrences(of: "title: Models", with: "title: 模型\nlang: zh-CN\ndate: 2026-12-03")
        let docs = try documents(chapters)
        var (site, _) = self.site(docs)
        site.language = "zh-CN"
        let html = PageRenderer.render(NotebookRunner().run(docs[1].document), site: site, page: docs[1].page).html
        #expect(html.contains("<p class=\"byline\">2026年12月3日</p>"))
        #expect(html.contains("<span class=\"figure-number\">图 1.1:</span>"))
        #expect(html.contains("<a class=\"xref\" href=\"#eq-bound\">式 (1.1)</a>"))
        #expect(html.contains("<span class=\"pager-label\">上一章</span>") && html.contains("<span class=\"pager-label\">下一章</span>"))
        #expect(html.contains("<summary>章节</summary>"))
    }

    @Test(arguments: [
        ("2026-12-03", "3 December 2026", "2026年12月3日"),
        ("2024-02-29", "29 February 2024", "2024年2月29日"),
        ("2023-02-29", "2023-02-29", "2023-02-29"),
        ("Autumn 2026", "Autumn 2026", "Autumn 2026"),
        ("2026-13-01", "2026-13-01", "2026-13-01"),
    ])
    func anISODateIsWrittenInThePagesLanguage(_ written: String, _ english: String, _ chinese: String) {
        #expect(Furniture.english.date(written) == english)
        #expect(Furniture.chinese.date(written) == chinese)
    }

    /// A marked term links to its glossary entry, with its definition as the title; its first mark
    /// on the page shows the other language's term; a term the glossary lacks is a located warning.
    @Test func termsLinkToTheGlossaryAndShowTheOtherLanguageOnce() throws {
        let glossary = try Glossary.parse("- {en: generative model, zh: 生成模型, definition: A model of p(x)., chapter: 0}",
                                          path: "glossary.yml", chapterCount: 3)
        let text = "---\ntitle: Intro\n---\n\nA [[generative model]] here, [[generative models]] again, and [[genrative model]].\n"
        let docs = try documents([("00-intro.html", text)])
        var (site, _) = self.site(docs)
        site.glossary = glossary
        let page = PageRenderer.render(NotebookRunner().run(docs[0].document), site: site, page: docs[0].page)
        let link = "<a class=\"term\" href=\"./glossary.html#term-generative-model\" title=\"A model of p(x).\">"
        #expect(page.html.contains("A \(link)generative model</a><span class=\"term-other\"> (<span lang=\"zh\">生成模型</span>)</span> here, \(link)generative models</a> again"))
        #expect(page.warnings.map(\.description) == [
            "notebooks/00-intro.md:5:63: warning: 'genrative model' is not in the glossary (glossary.yml); did you mean 'generative model'?",
        ])
        let glossaryPage = GlossaryPage.render(glossary, site: site)
        #expect(glossaryPage.contains("<dt id=\"term-generative-model\"><dfn>generative model</dfn> <span class=\"term-other\"><span lang=\"zh\">生成模型</span></span></dt>"))
        #expect(glossaryPage.contains("<dd>A model of p(x). <a class=\"term-chapter\" href=\"./00-intro.html\"><span class=\"chapter-number\">0</span> Intro</a></dd>"))
    }

    /// The glossary page lists terms alphabetically in English and by chapter in Chinese.
    @Test func theGlossaryIsOrderedForItsLanguage() throws {
        let glossary = try Glossary.parse("""
            - {en: zebra model, zh: 乙模型, definition: First in the course., chapter: 0}
            - {en: alpha model, zh: 甲模型, definition: Later., chapter: 2}
            """, path: "glossary.yml", chapterCount: 3)
        let (site, _) = site(try documents())
        let english = GlossaryPage.render(glossary, site: site, language: "en")
        let chinese = GlossaryPage.render(glossary, site: site, language: "zh")
        #expect(english.range(of: "alpha model")!.lowerBound < english.range(of: "zebra model")!.lowerBound)
        #expect(chinese.range(of: "<dfn>乙模型</dfn>")!.lowerBound < chinese.range(of: "<dfn>甲模型</dfn>")!.lowerBound)
        #expect(chinese.contains("<h1 class=\"title\">术语表</h1>"))
    }
}
