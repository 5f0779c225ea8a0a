import Testing
@testable import CellInterpreter

/// The cell language as a specification: source on the left, what the cell shows on the right.
/// (Lines of a failure are counted from the cell's first line, 1.)
struct LanguageTests {
    static let literalsAndArithmeticCases: [Case] = [
        Case("1 + 2 * 3", "→ 7"),
        Case("(1 + 2) * 3", "→ 9"),
        Case("7 / 2", "→ 3"),
        Case("7 % 3", "→ 1"),
        Case("-7 / 2", "→ -3"),
        Case("7.0 / 2", "→ 3.5"),
        Case("0.1 + 0.2", "→ 0.30000000000000004"),
        Case("1e-5", "→ 1e-05"),
        Case("1_000_000", "→ 1000000"),
        Case("0xff", "→ 255"),
        Case("2 - 3 - 4", "→ -5"),
        Case("1 < 2 && 2 < 3", "→ true"),
        Case("!(1 == 1) || false", "→ false"),
        Case("\"a\" + \"b\"", "→ \"ab\""),
        Case("\"x\" == \"x\"", "→ true"),
        Case("true ? 1 : 2", "→ 1"),
        Case("let n = 3\n\"n is \\(n), twice \\(n * 2)\"", "→ \"n is 3, twice 6\""),
        Case("\"tab\\there\"", "→ \"tab\\there\""),
        Case("1 / 0", "1:3: error: division by zero"),
        Case("let d = 0\n1 / d", "2:3: error: Fatal error: Division by zero"),
        Case("9223372036854775807 + 1", "1:21: error: arithmetic operation '9223372036854775807 + 1' (on type 'Int') results in an overflow"),
        Case("let big = Int.max\nbig + 1", "2:5: error: Fatal error: arithmetic overflow: 9223372036854775807 + 1 does not fit in Int\n2:5: note: use Double for numbers this large, or &+ to wrap around"),
        Case("1.0 / 0", "→ inf"),
        Case("\"a\" * 2", "1:5: error: binary operator '*' cannot be applied to operands of type 'String' and 'Int'"),
        Case("if 1 { }", "1:4: error: type 'Int' cannot be used as a boolean; test for '!= 0' instead"),
    ]

    static let variablesCases: [Case] = [
        Case("let x = 1\nx", "→ 1"),
        Case("var x = 1\nx += 2\nx", "→ 3"),
        Case("var x = 1.5\nx *= 2\nx", "→ 3.0"),
        Case("let x = 1\nx = 2", "2:1: error: cannot assign to value: 'x' is a 'let' constant\n2:1: note: change 'let' to 'var' to make it mutable"),
        Case("let x: Double = 1\nx", "→ 1.0"),
        Case("let s: String = 3", "1:17: error: cannot convert value of type 'Int' to specified type 'String'"),
        Case("let x = 1\nlet x = 2", "2:5: error: invalid redeclaration of 'x'"),
        Case("let (a, b) = (1, 2)\na + b", "→ 3"),
        Case("undefinedName", "1:1: error: cannot find 'undefinedName' in scope"),
        Case("let count = 3\ncuont", "2:1: error: cannot find 'cuont' in scope; did you mean 'count'?"),
        Case("pritn(1)", "1:1: error: cannot find 'pritn' in scope; did you mean 'print'?"),
        Case("let x = 1\nx", "→ 1"),
    ]

    static let displayCases: [Case] = [
        Case("print(\"hello\")", "hello"),
        Case("print(1, 2.5, \"three\", separator: \", \")", "1, 2.5, three"),
        Case("print(\"a\", terminator: \"\")\nprint(\"b\")", "ab"),
        Case("let x = 2\nx\nx * 3", "→ 2\n→ 6"),
        Case("print(\"<script>\")", "<script>"),
        Case("[1, 2, 3]", "→ [1, 2, 3]"),
        Case("[\"a\", \"b\"]", "→ [\"a\", \"b\"]"),
        Case("(1, \"a\")", "→ (1, \"a\")"),
        Case("(x: 1, y: 2.0)", "→ (x: 1, y: 2.0)"),
        Case("0..<3", "→ 0..<3"),
        Case("func f() {}\nf()", ""),
        Case("show(1 + 1)", "→ 2"),
        Case("expect(1 + 1 == 2, \"arithmetic\")", ""),
        Case("expect(1 + 1 == 3, \"arithmetic\")", "1:1: error: expectation failed: arithmetic"),
        Case("print(1)\nlet y = nope", "2:9: error: cannot find 'nope' in scope"),
        Case("print(1)\nlet y = 1 / 0\nprint(2)", "2:11: error: division by zero"),
        Case("print(1)\nlet zero = 0\nlet y = 1 / zero\nprint(2)", "1\n3:11: error: Fatal error: Division by zero"),
    ]

    static let syntaxAndUnsupportedCases: [Case] = [
        Case("let x = (1 + ", "1:14: error: expected expression after operator"),
        // Found by the cell fuzzer: swift-syntax's diagnostics stopped the process on this.
        Case("let x \u{FFFD}= 0\nx", "1:7: error: invalid character in source file"),
        Case("let x \u{FFFD} = 0", "1:7: error: invalid character in source file"),
        // Also found by the fuzzer: swift-syntax parses nested brackets in exponential time.
        Case("let x: Double" + String(repeating: "[", count: 130) + " = 2", "1:26: error: square brackets nested more than 12 deep are not supported in cells"),
        Case(String(repeating: "[", count: 12) + "1" + String(repeating: "]", count: 12) + ".count", "→ 1"),
        Case("\"" + String(repeating: "[", count: 40) + "\".count // [[[[[[[[[[[[[[[[[[[[", "→ 40"),
        Case("import Foundation\nsqrt(4.0)", "→ 2.0"),
        Case("actor A {}", "1:1: error: 'actor' is not supported in cells (no concurrency)"),
        Case("func f() async {}", "1:10: error: 'async' is not supported in cells (no concurrency)"),
        Case("@propertyWrapper struct W { var wrappedValue: Int }", "1:1: error: the attribute '@propertyWrapper' is not supported in cells"),
        Case("#warning(\"x\")", "1:1: error: macros are not supported in cells"),
        Case("let x: Int! = 1", "1:8: error: implicitly unwrapped optionals ('Int!') are not supported in cells; use '?'"),
    ]

    @Test(arguments: literalsAndArithmeticCases) func literalsAndArithmetic(_ c: Case) { #expect(transcript(c.source) == c.expected) }
    @Test(arguments: variablesCases) func variables(_ c: Case) { #expect(transcript(c.source) == c.expected) }
    @Test(arguments: displayCases) func display(_ c: Case) { #expect(transcript(c.source) == c.expected) }
    @Test(arguments: syntaxAndUnsupportedCases) func syntaxAndUnsupported(_ c: Case) { #expect(transcript(c.source) == c.expected) }

    @Test func theSessionIsSharedAcrossCells() {
        #expect(transcript("let a = 20", "var b = a + 1", "b += 1\nb") == "→ 22")
    }

    @Test func aLaterCellMayRedefineAName() {
        #expect(transcript("let a = 1", "let a = \"two\"\na") == "→ \"two\"")
    }

    @Test func aCellThatFailsToLowerDeclaresNothing() {
        #expect(transcript("let a = 1\nlet b = nope", "b") == "2:9: error: cannot find 'nope' in scope\n5:1: error: cannot find 'b' in scope")
    }

    @Test func errorLocationsAreInTheMarkdownFile() {
        let session = Session()
        let run = session.run(CellSource(code: "let x = 1\n  let y = zzz", file: "notebooks/vae.md", firstLine: 41, columnOffset: 0))
        #expect(run.failure?.description == "notebooks/vae.md:42:11: error: cannot find 'zzz' in scope")
    }
}
