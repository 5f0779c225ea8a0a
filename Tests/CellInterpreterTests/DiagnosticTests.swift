import Testing
@testable import CellInterpreter

/// Errors are reported where they happen: inside the function that failed, with the calls
/// that led there, as a crash trace would show them; and no input ends the process.
struct DiagnosticTests {
    func failure(_ cells: [(file: String, line: Int, code: String)]) -> CellDiagnostic? {
        let session = Session()
        var last: CellDiagnostic?
        for cell in cells {
            last = session.run(CellSource(code: cell.code, file: cell.file, firstLine: cell.line)).failure
        }
        return last
    }

    @Test func aFailureInAFunctionOfAnEarlierCellPointsIntoIt() throws {
        let d = try #require(failure([
            ("notes.md", 10, "func ratio(_ a: Int, _ b: Int) -> Int {\n    let q = a / b\n    return q\n}"),
            ("notes.md", 20, "func twice(_ x: Int) -> Int { ratio(x, 0) * 2 }"),
            ("notes.md", 30, "let n = 4\nprint(twice(n))"),
        ]))
        #expect("\(d.file):\(d.line):\(d.column)" == "notes.md:11:15")
        #expect(d.message == "Fatal error: Division by zero")
        #expect(d.calledFrom == ["notes.md:20:31", "notes.md:31:7"])
        #expect(d.description.contains("called from notes.md:20:31\ncalled from notes.md:31:7"))
    }

    @Test func aTrapInAMethodAndAClosureIsTracedThroughBoth() throws {
        let d = try #require(failure([
            ("m.md", 1, "struct Bag {\n    var items: [Int]\n    func item(_ i: Int) -> Int { items[i] }\n}"),
            ("m.md", 7, "let bag = Bag(items: [1, 2])\nlet picked = [0, 5].map { bag.item($0) }"),
        ]))
        #expect("\(d.line):\(d.column)" == "3:39")
        #expect(d.calledFrom == ["m.md:8:31", "m.md:8:21"])
    }

    /// Refused before folding, at once (it used to take the type checker's whole step budget, and
    /// crashed the parser before that).
    @Test func aTwentyThousandTermExpressionIsRefusedNotACrash() throws {
        let code = "let total = " + Array(repeating: "1", count: 20_000).joined(separator: " + ")
        let clock = ContinuousClock()
        let start = clock.now
        let d = try #require(failure([("big.md", 1, code)]))
        #expect(clock.now - start < .seconds(5))
        #expect("\(d.line):\(d.column)" == "1:13")
        #expect(d.message.contains("more than \(SourceBounds.maxOperatorsPerExpression) operators"))
    }

    @Test func aLongExpressionWithinTheBoundsRuns() throws {
        let code = "let total = " + Array(repeating: "1", count: 200).joined(separator: " + ") + "\nprint(total)"
        #expect(failure([("ok.md", 1, code)]) == nil)
    }

    @Test func aChainThatNestsWithoutBracketsIsRefusedAtItsStart() throws {
        let code = "let s = \"a\"" + String(repeating: ".lowercased()", count: 3_000)
        let d = try #require(failure([("chain.md", 1, code)]))
        #expect(d.line == 1 && d.message.contains("nests more than \(SourceBounds.maxTreeDepth) levels"))
    }

    @Test func aThousandNestedBracketsAreRefusedAtTheThirteenth() throws {
        let code = "let x = " + String(repeating: "[", count: 1_000)
        let d = try #require(failure([("b.md", 1, code)]))
        #expect("\(d.line):\(d.column)" == "1:21")
        #expect(d.message == "square brackets nested more than 12 deep are not supported in cells")
    }

    @Test func thirtyNestedBracketsAreRefusedQuickly() throws {
        let code = "let x = " + String(repeating: "[", count: 30) + "1" + String(repeating: "]", count: 30)
        let clock = ContinuousClock()
        let start = clock.now
        let d = try #require(failure([("b.md", 1, code)]))
        #expect(clock.now - start < .seconds(5))
        #expect(d.line == 1 && d.message.contains("nested"))
    }

    @Test func deepNestingOfParenthesesIsALocatedError() throws {
        let code = "let x = " + String(repeating: "(", count: 5_000) + "1" + String(repeating: ")", count: 5_000)
        let d = try #require(failure([("p.md", 1, code)]))
        #expect("\(d.line):\(d.column)" == "1:\(9 + SourceBounds.maxNesting)")
        #expect(d.message.contains("nested more than \(SourceBounds.maxNesting) deep"))
    }
}
