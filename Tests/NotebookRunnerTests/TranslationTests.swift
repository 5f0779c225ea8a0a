import Notebook
import NotebookRunner
import Testing

/// A translation shown with its original's one run: same cells, the original's outputs and
/// inline values under the translation's prose; drift is a located error.
struct TranslationTests {
    static let original = """
        ---
        title: Sums
        ---

        ```swift
        //| label: fig-dots
        //| caption: Dots.
        let total = 1 + 2
        print("total", total)
        ```

        The total is `{swift} total` and twice it `{swift} 2 * total`. After: `{swift} total + 1`.
        """

    func run(_ text: String = original) throws -> NotebookResult {
        NotebookRunner().run(try DocumentParser.parse(SourceFile(path: "a.md", text: text)))
    }

    func translation(_ text: String) throws -> Document {
        try DocumentParser.parse(SourceFile(path: "a.zh.md", text: text))
    }

    @Test func theTranslationShowsTheOriginalsOutputsAndValues() throws {
        let result = try run()
        let zh = try translation("""
            ---
            title: 求和
            lang: zh-CN
            ---

            ```swift
            //| label: fig-dots
            //| caption: 点。
            let total = 1 + 2
            print("total", total)
            ```

            两倍是 `{swift} 2 * total`，总和是 `{swift} total`。之后：`{swift} total + 1`。
            """)
        let shown = try Translation.apply(zh, to: result)
        #expect(shown.document.title == "求和")
        #expect(shown.cells.map(\.cell.options.caption) == ["点。"])
        #expect(shown.cells.map(\.outputs.count) == result.cells.map(\.outputs.count))
        let values = shown.inlineValues.map { if case .value(let v) = $0 { v } else { "?" } }
        #expect(values == ["6", "3", "4"], "values follow the translation's order")
    }

    @Test(arguments: [
        ("Text.\n\n```swift\nlet total = 1 + 3\nprint(\"total\", total)\n```\n",
         "a.zh.md:3:1: error: cell 1 differs from cell 1 of a.md (line 1)"),
        ("No cells.\n", "a.zh.md:1:1: error: this translation has 0 cells, a.md has 1"),
        ("```swift\nlet total = 1 + 2\nprint(\"total\", total)\n```\n\n`{swift} total * 3`\n",
         "a.zh.md:6:10: error: the inline expression `total * 3` is not in a.md after the same cell"),
        ("The total `{swift} total`.\n\n```swift\nlet total = 1 + 2\nprint(\"total\", total)\n```\n",
         "a.zh.md:1:20: error: the inline expression `total` is not in a.md after the same cell"),
    ])
    func aTranslationThatDriftedIsALocatedError(_ text: String, _ message: String) throws {
        let result = try run(Self.original.replacingOccurrences(of: "---\ntitle: Sums\n---\n\n", with: ""))
        do {
            _ = try Translation.apply(try translation(text), to: result)
            Issue.record("no error")
        } catch {
            #expect("\(error)".hasPrefix(message), "\(error)")
        }
    }

    @Test func translationsAreNamedAndRecognisedBesideTheirOriginals() {
        #expect(Translation.path(of: "notebooks/02-ppca.md", language: "zh") == "notebooks/02-ppca.zh.md")
        let names: Set<String> = ["a.md", "a.zh.md", "a.zh-Hans.md", "b.v2.md", "c.fr.md", "x.y.md"]
        #expect(Translation.isTranslation("a.zh.md", among: names))
        #expect(Translation.isTranslation("a.zh-Hans.md", among: names))
        #expect(!Translation.isTranslation("a.md", among: names))
        #expect(!Translation.isTranslation("b.v2.md", among: names), "v2 is not a language")
        #expect(!Translation.isTranslation("c.fr.md", among: names), "no c.md beside it")
    }
}
