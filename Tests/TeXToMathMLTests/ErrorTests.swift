import Testing
@testable import TeXToMathML
import Markup

/// Malformed or unknown input: the error's kind and where it points (UTF-8 offset, and
/// 1-based line and column in UTF-8 bytes), and that `render` shows the source instead.
struct ErrorCase: Sendable, CustomTestStringConvertible {
    let tex: String
    let display: Bool
    let kind: TeXMathError.Kind
    let offset: Int
    let line: Int
    let column: Int

    init(_ tex: String, display: Bool = false, _ kind: TeXMathError.Kind, at offset: Int, line: Int = 1, column: Int? = nil) {
        self.tex = tex
        self.display = display
        self.kind = kind
        self.offset = offset
        self.line = line
        self.column = column ?? offset + 1
    }

    var testDescription: String { tex.count > 60 ? String(tex.prefix(60)) + "…" : tex }
}

@Suite("Errors")
struct ErrorTests {
    static let cases: [ErrorCase] = [
        ErrorCase(#"\foo"#, .unknownCommand("foo"), at: 0),
        ErrorCase(#"x + \foo{y}"#, .unknownCommand("foo"), at: 4),
        ErrorCase(#"\newcommand{\R}{\mathbb{R}}"#, .unknownCommand("newcommand"), at: 0),
        ErrorCase(#"\begin{foo} x \end{foo}"#, .unknownEnvironment("foo"), at: 0),
        ErrorCase(#"\frac{a}{b"#, .unclosedBrace, at: 8),
        ErrorCase(#"{x"#, .unclosedBrace, at: 0),
        ErrorCase(#"x}"#, .unexpectedCloseBrace, at: 1),
        ErrorCase(#"\frac{a}"#, .missingArgument(command: #"\frac"#), at: 0),
        ErrorCase(#"\sqrt"#, .missingArgument(command: #"\sqrt"#), at: 0),
        ErrorCase(#"\mathbf"#, .missingArgument(command: #"\mathbf"#), at: 0),
        ErrorCase(#"\hat}"#, .missingArgument(command: #"\hat"#), at: 0),
        ErrorCase(#"x^"#, .missingArgument(command: "^"), at: 1),
        ErrorCase(#"x_"#, .missingArgument(command: "_"), at: 1),
        ErrorCase(#"x^&"#, .missingArgument(command: "^"), at: 1),
        ErrorCase(#"\not"#, .missingArgument(command: #"\not"#), at: 0),
        ErrorCase(#"\left( x"#, .leftWithoutRight, at: 0),
        ErrorCase(#"\left( \frac{a}{b} \right"#, .invalidDelimiter(command: #"\right"#, found: "end of formula"), at: 19),
        ErrorCase(#"x \right)"#, .rightWithoutLeft, at: 2),
        ErrorCase(#"a \middle| b"#, .middleWithoutLeft, at: 2),
        ErrorCase(#"\begin{matrix} \left( a & b \right) \end{matrix}"#, .leftWithoutRight, at: 15),
        ErrorCase(#"\left x \right)"#, .invalidDelimiter(command: #"\left"#, found: "x"), at: 6),
        ErrorCase(#"\left"#, .invalidDelimiter(command: #"\left"#, found: "end of formula"), at: 0),
        ErrorCase(#"\big x"#, .invalidDelimiter(command: #"\big"#, found: "x"), at: 5),
        ErrorCase(#"\begin{matrix} a"#, .missingEnd(environment: "matrix"), at: 0),
        ErrorCase(#"\begin{matrix} a \end{pmatrix}"#, .mismatchedEnd(expected: "matrix", found: "pmatrix"), at: 17),
        ErrorCase(#"a \end{matrix}"#, .endWithoutBegin("matrix"), at: 2),
        ErrorCase(#"\begin x"#, .missingOpenBrace(command: #"\begin"#), at: 0),
        ErrorCase(#"\begin{equation} x"#, display: true, .missingEnd(environment: "equation"), at: 0),
        ErrorCase(#"x^a^b"#, .doubleSuperscript, at: 3),
        ErrorCase(#"x_a_b"#, .doubleSubscript, at: 3),
        ErrorCase(#"x^2'"#, .doubleSuperscript, at: 3),
        ErrorCase(#"a & b"#, .misplacedAlignmentTab, at: 2),
        ErrorCase(#"{a \\ b}"#, display: true, .misplacedLineBreak, at: 3),
        ErrorCase(#"\frac{a \\ b}{c}"#, .misplacedLineBreak, at: 8),
        ErrorCase(#"x \tag{1}"#, .tagInInlineMath, at: 2),
        ErrorCase(#"{x \tag{1}}"#, display: true, .misplacedTag, at: 3),
        ErrorCase(#"\frac{a}{b \tag{1}}"#, display: true, .misplacedTag, at: 11),
        ErrorCase(#"\begin{aligned} a \tag{1} \end{aligned}"#, display: true, .misplacedTag, at: 18),
        ErrorCase(#"x \tag{1} \tag{2}"#, display: true, .duplicateTag, at: 10),
        ErrorCase(#"\begin{align} a \tag{1} \tag{2} \end{align}"#, display: true, .duplicateTag, at: 24),
        ErrorCase(#"\limits"#, .misplacedLimits, at: 0),
        ErrorCase(#"x\limits_0"#, .misplacedLimits, at: 1),
        ErrorCase(#"\sqrt[3{x}"#, .unclosedArgument(command: #"\sqrt"#), at: 0),
        ErrorCase(#"\text{abc"#, .unclosedArgument(command: #"\text"#), at: 0),
        ErrorCase(#"\xrightarrow[a"#, .unclosedArgument(command: #"\xrightarrow"#), at: 0),
        ErrorCase(#"\color{not a color} x"#, .invalidArgument(command: #"\color"#, argument: "not a color"), at: 0),
        ErrorCase(#"\textcolor{#12}{x}"#, .invalidArgument(command: #"\textcolor"#, argument: "#12"), at: 0),
        ErrorCase(#"\hspace{wide}"#, .invalidArgument(command: #"\hspace"#, argument: "wide"), at: 0),
        ErrorCase(#"\kern x"#, .invalidArgument(command: #"\kern"#, argument: ""), at: 0),
        ErrorCase(#"\begin{array}{cx} a \end{array}"#, .invalidArgument(command: #"\begin{array}"#, argument: "cx"), at: 0),
        ErrorCase(#"a # b"#, .unexpectedCharacter("#"), at: 2),
        ErrorCase(#"a $ b"#, .unexpectedCharacter("$"), at: 2),
        ErrorCase("x \\", .unexpectedCharacter("\\"), at: 2),
        ErrorCase(#"\text{$x}"#, .unexpectedCharacter("$"), at: 6),
        ErrorCase(#"\text{\foo}"#, .unknownCommand("foo"), at: 6),
        ErrorCase(#"\text{\textbf x}"#, .missingOpenBrace(command: #"\textbf"#), at: 6),
        ErrorCase(#"{a \over b \over c}"#, .doubleOver, at: 11),
        ErrorCase("a\n+ \\foo", .unknownCommand("foo"), at: 4, line: 2, column: 3),
        ErrorCase("a \\\\\n b &", display: true, .misplacedAlignmentTab, at: 8, line: 2, column: 4),
        ErrorCase(#"α + \foo"#, .unknownCommand("foo"), at: 5),
        ErrorCase(#"\mathbb{R}^n \to \R"#, .unknownCommand("R"), at: 17),
    ]

    @Test("convert throws the expected error", arguments: cases)
    func throwsError(_ errorCase: ErrorCase) {
        do {
            _ = try MathMLConverter().convert(errorCase.tex, display: errorCase.display)
            Issue.record("expected an error for \(errorCase.tex)")
        } catch {
            #expect(error.kind == errorCase.kind)
            #expect(error.utf8Offset == errorCase.offset)
            #expect(error.line == errorCase.line)
            #expect(error.column == errorCase.column)
            #expect(!error.message.isEmpty)
            #expect(error.description == "\(errorCase.line):\(errorCase.column): \(error.message)")
        }
    }

    @Test("render shows the whole source in merror and reports the diagnostic", arguments: cases)
    func rendersSource(_ errorCase: ErrorCase) {
        let rendering = MathMLConverter().render(errorCase.tex, display: errorCase.display)
        #expect(rendering.isError)
        #expect(rendering.diagnostics.count == 1)
        #expect(rendering.diagnostics.first?.utf8Offset == errorCase.offset)
        #expect(rendering.tag == nil)
        let source = Markup.escape(errorCase.tex)
        #expect(rendering.mathML.contains("<merror class=\"tex-error\" data-message=\""))
        #expect(rendering.mathML.contains("<mtext>" + source + "</mtext></merror></math>"))
        #expect(rendering.mathML.contains(" alttext=\"" + source + "\""))
        #expect(rendering.mathML.contains(" display=\"block\"") == errorCase.display)
        #expect(WellFormedness.problems(in: rendering.mathML).isEmpty)
    }

    @Test("messages name what is wrong")
    func messages() {
        let error = TeXMathError(.unknownCommand("foo"), utf8Offset: 4, in: "x + \\foo")
        #expect(error.message == #"unknown command \foo"#)
        #expect(error.description == #"1:5: unknown command \foo"#)
        let brace = TeXMathError(.unclosedBrace, utf8Offset: 0, in: "{")
        #expect(brace.message.contains("never closed"))
        let environment = TeXMathError(.mismatchedEnd(expected: "matrix", found: "pmatrix"), utf8Offset: 0, in: "")
        #expect(environment.message == #"\begin{matrix} ended by \end{pmatrix}"#)
    }

    @Test("the message is escaped in the error element")
    func escapedMessage() {
        let rendering = MathMLConverter().render(#"\color{<b>} x"#, display: false)
        #expect(rendering.mathML.contains(#"data-message="1:1: invalid argument &#39;&lt;b&gt;&#39; for \color""#))
        #expect(WellFormedness.problems(in: rendering.mathML).isEmpty)
    }
}
