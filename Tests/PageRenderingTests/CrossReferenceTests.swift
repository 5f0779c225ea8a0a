import Notebook
import NotebookRunner
import PageRendering
import Testing

struct CrossReferenceTests {
    func render(_ text: String) throws -> Page {
        let document = try DocumentParser.parse(SourceFile(path: "nb.md", text: text))
        return PageRenderer.render(NotebookRunner().run(document))
    }

    @Test func figuresAndEquationsAreNumberedInReadingOrder() throws {
        let page = try render("""
            See @fig-b, @fig-a and @eq-one.

            ```swift
            //| label: fig-a
            //| caption: First.
            plot([1, 2, 3])
            ```

            $$
            x = 1
            $$ {#eq-one}

            ```swift
            //| label: fig-b
            //| caption: Second.
            plot([3, 2, 1])
            ```
            """)
        #expect(page.html.contains("<a class=\"xref\" href=\"#fig-b\">Figure 2</a>, <a class=\"xref\" href=\"#fig-a\">Figure 1</a> and <a class=\"xref\" href=\"#eq-one\">Equation (1)</a>"))
        #expect(page.html.contains("<figcaption><span class=\"figure-number\">Figure 1:</span> First.</figcaption>"))
        #expect(page.html.contains("<span class=\"eq-number\">(1)</span></div>"))
        #expect(page.warnings.isEmpty)
    }

    @Test func anUnknownReferenceIsALocatedWarningAndVisible() throws {
        let page = try render("# A\n\nSee @fig-missing here.\n")
        #expect(page.warnings.map(\.description) == ["nb.md:3:5: warning: unknown cross-reference '@fig-missing'"])
        #expect(page.html.contains("?@fig-missing"))
    }

    @Test func sectionsCanBeNumbered() throws {
        let page = try render("---\nnumber-sections: true\n---\n# Intro {#sec-intro}\n\n## Detail\n\n# Next\n\nBack to @sec-intro.\n")
        #expect(page.html.contains("<h1 id=\"sec-intro\"><span class=\"section-number\">1</span> Intro</h1>"))
        #expect(page.html.contains("<h2 id=\"detail\"><span class=\"section-number\">1.1</span> Detail</h2>"))
        #expect(page.html.contains("<h1 id=\"next\"><span class=\"section-number\">2</span> Next</h1>"))
        #expect(page.html.contains("<a class=\"xref\" href=\"#sec-intro\">Section 1</a>"))
    }

    /// A caption refers as prose does: a link with the target's number, a located warning for a
    /// label nothing defines, and an address or a formula left as it is.
    @Test func aCaptionsReferencesAreLinks() throws {
        let page = try render("""
            $$
            x = 1
            $$ {#eq-one}

            ```swift
            //| label: fig-a
            //| caption: As @eq-one says, $a@b$ and me@fig-x.org; see @fig-b. And @fig-nowhere.
            plot([1, 2, 3])
            ```

            ```swift
            //| label: fig-b
            //| caption: Second.
            plot([3, 2, 1])
            ```
            """)
        #expect(page.html.contains("Figure 1:</span> As <a class=\"xref\" href=\"#eq-one\">Equation (1)</a> says, <span class=\"math inline\">"))
        #expect(page.html.contains("and me@fig-x.org; see <a class=\"xref\" href=\"#fig-b\">Figure 2</a>. And <span class=\"xref-missing\""))
        #expect(page.warnings.map(\.description) == ["nb.md:5:1: warning: unknown cross-reference '@fig-nowhere'"])
    }

    @Test func referencesInCodeStayCode() throws {
        let page = try render("Write `@fig-x` to refer to a figure.\n")
        #expect(page.html.contains("<code>@fig-x</code>"))
        #expect(page.warnings.isEmpty)
    }
}
