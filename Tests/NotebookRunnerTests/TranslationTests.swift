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

    /// A failing cell's error names the translation's file and line on the translation's page,
    /// and so do the calls it passed through in earlier cells.
    @Test func aFailureIsLocatedInTheTranslation() throws {
        let result = try run("# Sums\n\n```swift\nfunc half(_ n: Int) -> Int {\n    n / (n - n)\n}\n```\n\n```swift\n//| error: true\nhalf(4)\n```\n")
        let original = try #require(result.cells[1].failure)
        let zh = try translation("# 求和\n\n多一行。\n\n```swift\nfunc half(_ n: Int) -> Int {\n    n / (n - n)\n}\n```\n\n再多一行。\n\n```swift\n//| error: true\nhalf(4)\n```\n")
        let shown = try #require(try Translation.apply(zh, to: result).cells[1].failure)
        #expect(original.file == "a.md" && shown.file == "a.zh.md")
        // The translation has two lines more before the first cell and four before the second.
        let moved = [5: 7, 11: 15]
        #expect(original.line == 5 || original.line == 11, "\(original)")
        #expect(shown.line == moved[original.line], "\(original) → \(shown)")
        #expect(shown.calledFrom == original.calledFrom.map { $0.replacingOccurrences(of: "a.md:11:", with: "a.zh.md:15:")
                                                              .replacingOccurrences(of: "a.md:5:", with: "a.zh.md:7:") })
        #expect(shown.message == original.message)
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

    static let figure = """
        ```swift
        plot([1.0, 0.5, 0.25], x: [1.0, 2.0, 3.0], label: "EM", title: "log-likelihood per image",
             xLabel: "iteration", yLabel: "$z_1$ (nats)")
        ```
        """

    /// A figure's texts in the translation's words (`//| translate:`): the drawn texts, the
    /// accessible title and the quoted names in its description; nothing else of the figure.
    @Test func aTranslationTranslatesItsFiguresTexts() throws {
        let result = try run(Self.figure)
        let zh = try translation(Self.figure.replacingOccurrences(of: "```swift\n", with: """
            ```swift
            //| translate: iteration -> 迭代次数
            //| translate: log-likelihood per image -> 每幅图像的对数似然
            //| translate: "$z_1$ (nats)" -> "$z_1$（奈特）"

            """))
        let shown = try Translation.apply(zh, to: result)
        guard case .value(.svg(let original, _)) = result.cells[0].outputs.last,
              case .value(.svg(let svg, let description)) = shown.cells[0].outputs.last else {
            Issue.record("no figure"); return
        }
        #expect(original.contains(">iteration</text>") && original.contains("“iteration”"))
        #expect(svg.contains(">迭代次数</text>") && !svg.contains(">iteration</text>"))
        #expect(svg.contains("“迭代次数”") && !svg.contains("“iteration”"), "the description names the translated axis")
        #expect(svg.contains(">每幅图像的对数似然</title>"))
        #expect(svg.contains("（奈特）") && !svg.contains("(nats)"), "math labels match as the figure writes them")
        #expect(description == "每幅图像的对数似然")
        #expect(svg.replacingOccurrences(of: "迭代次数", with: "iteration").count <= original.count + 40, "nothing else changed")
    }

    @Test(arguments: [
        ("//| translate: iterations -> 迭代", "no figure of this cell shows the text 'iterations' that 'translate' names; its figures show 'log-likelihood per image', 'iteration', 'z1 (nats)', 'EM' (write each as the cell does"),
        ("//| translate: EM -> 期望最大化算法", "'期望最大化算法' is wider than 'EM', and the figure left room for the original only"),
        ("//| translate: iteration", "option 'translate' takes one text of the figure and its translation, 'original -> translation', got 'iteration'"),
    ])
    func aTranslatedTextTheFigureCannotShowIsALocatedError(_ option: String, _ message: String) throws {
        let result = try run(Self.figure)
        do {
            let zh = try translation(Self.figure.replacingOccurrences(of: "```swift\n", with: "```swift\n\(option)\n"))
            _ = try Translation.apply(zh, to: result)
            Issue.record("no error")
        } catch {
            #expect("\(error)".hasPrefix("a.zh.md:"), "\(error)")
            #expect("\(error)".contains(message), "\(error)")
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
