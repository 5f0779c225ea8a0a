import Testing
@testable import Notebook

/// From text to a Document: cells, listings, prose HTML, headings and their locations.
struct DocumentParserTests {
    func parse(_ text: String) throws -> Document {
        try DocumentParser.parse(SourceFile(path: "nb.md", text: text))
    }

    func prose(_ d: Document) -> String {
        d.blocks.compactMap { if case .prose(let h) = $0 { h } else { nil } }.joined()
    }

    @Test func swiftFencesAreCellsAndOtherFencesAreShown() throws {
        let d = try parse("# T\n\n```swift\nlet x = 1\n```\n\n```python\nprint(1)\n```\n\n```swift norun\nfatal()\n```\n")
        #expect(d.cells.count == 1)
        #expect(d.cells[0].code == "let x = 1")
        #expect(d.cells[0].codeStart == SourceLocation(file: "nb.md", line: 4, column: 1))
        #expect(prose(d).contains("<code class=\"language-python\">print(1)"))
        let listings = d.blocks.compactMap { if case .listing(let l) = $0 { l } else { nil } }
        #expect(listings.map(\.code) == ["fatal()\n"])
    }

    @Test func quartoStyleBracesAlsoMakeACell() throws {
        let d = try parse("```{swift}\n1 + 1\n```\n")
        #expect(d.cells.map(\.code) == ["1 + 1"])
    }

    @Test func cellOptionsAreReadAndRemovedFromTheCode() throws {
        let d = try parse("```swift\n//| echo: false\n//| caption: \"A plot: of things\"\n//| label: fig-a\nlet x = 1\n```\n")
        let cell = d.cells[0]
        #expect(cell.options.echo == false)
        #expect(cell.options.caption == "A plot: of things")
        #expect(cell.options.label == "fig-a")
        #expect(cell.code == "let x = 1")
        #expect(cell.codeStart.line == 5)
    }

    @Test func anUnknownCellOptionIsAnErrorOnItsLine() throws {
        let error = #expect(throws: Diagnostic.self) { try parse("text\n\n```swift\n//| eco: false\n1\n```\n") }
        #expect(error?.location == SourceLocation(file: "nb.md", line: 4, column: 1))
        #expect(error?.message.contains("unknown cell option 'eco'; did you mean 'echo'?") == true)
    }

    @Test func aBadOptionValueIsAnError() throws {
        let error = #expect(throws: Diagnostic.self) { try parse("```swift\n//| echo: maybe\n1\n```\n") }
        #expect(error?.message == "option 'echo' must be true or false, got 'maybe'")
        #expect(error?.location?.line == 2)
    }

    /// Numbers past what a cell can use are refused where they are written (a timeout of 1e308
    /// once ended the process).
    @Test(arguments: [
        ("timeout: 1e308", "option 'timeout' must be at most 86400 s, got '1e308'"),
        ("timeout: 0", "option 'timeout' must be a positive number, got '0'"),
        ("timeout: nan", "option 'timeout' must be a positive number, got 'nan'"),
        ("width: 100000", "option 'width' must be at most 10000 px, got '100000'"),
        ("height: -3px", "option 'height' must be a positive number, got '-3px'"),
    ])
    func numericOptionsAreRangeChecked(_ option: String, _ message: String) throws {
        let error = #expect(throws: Diagnostic.self) { try parse("```swift\n//| \(option)\n1\n```\n") }
        #expect(error?.message == message)
        #expect(error?.location?.line == 2)
    }

    /// A NUL is replaced by U+FFFD, as CommonMark says, and nothing after it is lost: cmark was
    /// given the text up to its first NUL, so a failing `expect` after one passed `check`.
    @Test func aNULByteLosesNothingAfterIt() throws {
        let d = try parse("before \u{0} after\n\n```swift\nexpect(false)\n```\n\nThe end.\n")
        #expect(d.cells.map(\.code) == ["expect(false)"])
        #expect(prose(d).contains("before \u{FFFD} after"))
        #expect(prose(d).contains("The end."))
    }

    @Test func cellLinesCountFrontMatterAndMultiLineMath() throws {
        let text = "---\ntitle: T\n---\n\n$$\na\nb\n$$\n\n```swift\nlet x = 1\n```\n"
        let d = try parse(text)
        #expect(d.cells[0].codeStart.line == 11)
    }

    @Test func emphasisNeverReachesIntoMath() throws {
        let d = try parse("Both $x_1 * y_2$ and $a_1 * b_2$ stay math.\n")
        #expect(!prose(d).contains("<em>"))
        #expect(d.math.map(\.tex) == ["x_1 * y_2", "a_1 * b_2"])
    }

    @Test func gitHubExtensionsWork() throws {
        let html = prose(try parse("| a | b |\n|---|---|\n| 1 | ~~2~~ |\n\nhttps://example.org\n\n- [x] done\n\nNote[^1].\n\n[^1]: The note.\n"))
        #expect(html.contains("<table>"))
        #expect(html.contains("<del>2</del>"))
        #expect(html.contains("<a href=\"https://example.org\">"))
        #expect(html.contains("type=\"checkbox\""))
        #expect(html.contains("footnote"))
    }

    @Test func headingsGetIDsAndKeepTheirTitles() throws {
        let d = try parse("# The generative view\n\n## Setup {#sec-setup}\n\n## The generative view\n")
        #expect(d.headings.map(\.id) == ["the-generative-view", "sec-setup", "the-generative-view-1"])
        #expect(d.headings[1].text == "Setup")
        #expect(d.title == "The generative view")
    }

    @Test func titleComesFromFrontMatterFirst() throws {
        #expect(try parse("---\ntitle: PPCA\n---\n# Heading\n").title == "PPCA")
        #expect(try DocumentParser.parse(SourceFile(path: "dir/intro.md", text: "just text\n")).title == "intro")
    }

    @Test func inlineExpressionsKnowHowManyCellsComeBefore() throws {
        let d = try parse("`{swift} 1`\n\n```swift\nlet a = 2\n```\n\nThen `{swift} a`.\n")
        #expect(d.inlineExpressions.map(\.cellsBefore) == [0, 1])
    }

    @Test func dollarsInCodeBlocksAreRestored() throws {
        let d = try parse("    indented $x$ code\n")
        #expect(prose(d).contains("indented $x$ code"))
    }
}
