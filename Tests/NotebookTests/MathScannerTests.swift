import Testing
@testable import Notebook

/// The pass before cmark: what is math, what stays text, what stays code.
struct MathScannerTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let markdown: String
        /// The TeX of each formula found, display ones marked with a leading "D:".
        let math: [String]
        let testDescription: String

        init(_ markdown: String, _ math: [String]) {
            self.markdown = markdown
            self.math = math
            self.testDescription = markdown.replacingOccurrences(of: "\n", with: "⏎")
        }
    }

    static let cases: [Case] = [
        Case("$x_1 * y_2$", ["x_1 * y_2"]),
        Case("$a<b$", ["a<b"]),
        Case("$$\n\\sum_i x_i\n$$", ["D:\\sum_i x_i"]),
        Case("costs $5 today", []),
        Case("between $5 and $10", []),
        Case("an escaped \\$ sign and \\$x\\$", []),
        Case("`code $x$` then $y$", ["y"]),
        Case("``a ` $b$ ``", []),
        Case("| a | $b_1$ |\n|---|---|\n| $c|d$ | 2 |", ["b_1", "c|d"]),
        Case("$ x$ is not math", []),
        Case("$x $ is not math", []),
        Case("$x$5", []),
        Case("inline $a$ and $b$", ["a", "b"]),
        Case("$a\\$b$", ["a\\$b"]),
        Case("```\n$x$\n```\n$y$", ["y"]),
        Case("~~~~\n$x$\n~~~~\n", []),
        Case("$x\n\ny$", []),
        Case("$$a$$ {#eq-one}", ["D:a"]),
        Case("text $$\nx\n$$ more", ["D:x"]),
        Case("$$$$", []),
        Case("a $`b`$", []),
        Case("> quoted $q$", ["q"]),
        Case("- item ```\n$z$", ["z"]),
    ]

    @Test(arguments: cases)
    func findsMath(_ c: Case) {
        let scanner = MathScanner(body: c.markdown, path: "t.md", firstLine: 1)
        #expect(scanner.math.map { ($0.display ? "D:" : "") + $0.tex } == c.math)
    }

    @Test func replacesMathWithTokensSoCmarkNeverSeesIt() {
        let scanner = MathScanner(body: "see $x_1 * y_2$ here", path: "t.md", firstLine: 1)
        #expect(scanner.text == "see \(SlotToken.make(.math, 0)) here")
        #expect(scanner.math[0].raw == "$x_1 * y_2$")
    }

    @Test func readsEquationLabels() {
        let scanner = MathScanner(body: "$$\np(x)\n$$ {#eq-marginal}\n", path: "t.md", firstLine: 1)
        #expect(scanner.math.first?.label == "eq-marginal")
        #expect(!scanner.text.contains("eq-marginal"))
    }

    @Test func mapsLinesBackAcrossMultiLineMath() {
        let body = "a\n$$\nx\ny\n$$\nb\n"
        let scanner = MathScanner(body: body, path: "t.md", firstLine: 5)
        // Protected text: "a", "<token>", "b": line 3 of it is the file's line 10.
        let lines = scanner.text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[2] == "b")
        #expect(scanner.lineMap[2] == 10)
        #expect(scanner.math[0].location == SourceLocation(file: "t.md", line: 6, column: 1))
    }

    @Test func locatesFormulasByCharacterColumn() {
        let scanner = MathScanner(body: "概率 $p$", path: "t.md", firstLine: 3)
        #expect(scanner.math[0].location.line == 3)
        #expect(scanner.math[0].location.column == 4)
    }

    @Test func findsInlineSwiftExpressions() {
        let scanner = MathScanner(body: "value `{swift} model.noise` and `plain`", path: "t.md", firstLine: 1)
        #expect(scanner.inlineExpressions.map(\.code) == ["model.noise"])
        #expect(scanner.inlineExpressions[0].location.column == 16)
        #expect(scanner.text.contains("`plain`"))
    }

    @Test func authorTextCannotForgeATokens() {
        let forged = "\u{E000}M0\u{E001} and $x$"
        let scanner = MathScanner(body: forged, path: "t.md", firstLine: 1)
        #expect(scanner.math.count == 1)
        #expect(scanner.text.hasPrefix("\u{FFFD}M0\u{FFFD}"))
    }
}

struct ReferenceScanningTests {
    @Test(arguments: [
        ("see @fig-latent.", ["fig-latent"]),
        ("(@eq-elbo, @tbl-results)", ["eq-elbo", "tbl-results"]),
        ("@sec-intro: start", ["sec-intro"]),
        ("mail a@fig-x.com", []),
        ("@figure and @fig- alone", []),
        ("@unknown-kind", []),
        // Chinese text puts no space before a reference, after punctuation or a character.
        ("平面（@fig-latent；维数）", ["fig-latent"]),
        ("正向运行。@fig-ppca-samples 比较", ["fig-ppca-samples"]),
        ("见@eq-model", ["eq-model"]),
        // After a letter of a spaced script it is an address.
        ("café@fig-x.fr", []),
    ])
    func findsCrossReferences(_ text: String, _ labels: [String]) {
        let scanner = MathScanner(body: text, path: "t.md", firstLine: 1)
        #expect(scanner.references.map(\.label) == labels)
    }
}
