import Foundation
import Testing
@testable import CellInterpreter

/// One element limit for all a cell allocates, and caps on what it outputs: each way past them
/// is a located error, with what the cell did before kept.
struct AllocationLimitTests {
    static let small = Limits(maxElements: 1_000, maxCellOutputBytes: 100)

    static let overLimit: [Case] = [
        // Tensors follow the session's element limit, whichever operation makes them.
        Case("let t = Tensor.zeros([40, 40])", "1:16: error: a tensor of shape [40, 40] has more elements than the limit of 1000"),
        Case("let t = Tensor.ones([40, 1]).matmul(Tensor.ones([1, 40]))\nprint(t.shape)",
             "1:30: error: matmul: result of shape [40, 40] would exceed the limit of 1000 elements"),
        Case("let t = Tensor.ones([40]) + Tensor.ones([40, 1])", "1:27: error: add: result of shape [40, 40] would exceed the limit of 1000 elements"),
        // Arrays, strings, padding and repetition follow the same limit.
        Case("let a = [Int](repeating: 0, count: 2_000)", "1:9: error: 2000 elements is more than the limit of 1000"),
        Case("let s = String(repeating: \"ab\", count: 600)", "1:9: error: 1200 elements is more than the limit of 1000"),
        Case("let s = \"x\".padding(toLength: 5_000, withPad: \" \", startingAt: 0)", "1:13: error: 5000 elements is more than the limit of 1000"),
        Case("let s = String(format: \"%999999999d\", 1)", "1:9: error: 999999999 elements is more than the limit of 1000"),
        Case("let s = String(format: \"%-2000s|\", \"a\")", "1:9: error: 2000 elements is more than the limit of 1000"),
        Case("let s = String(format: \"%.5000f\", 1.0)", "1:9: error: 5000 elements is more than the limit of 1000"),
        Case("let s = String(format: \"%99999999999999999999999d\", 1)", "1:9: error: 9223372036854775807 elements is more than the limit of 1000"),
        // Output: what was printed before the limit stays (13 lines, 94 bytes); the print that
        // would pass it fails.
        Case("for i in 0..<100 { print(\"line \\(i)\") }",
             "line 0\nline 1\nline 2\nline 3\nline 4\nline 5\nline 6\nline 7\nline 8\nline 9\nline 10\nline 11\nline 12\n"
             + "1:20: error: the cell's output passed its limit of 100 bytes\n"
             + "1:20: note: print a summary (a shape, a mean, a few rows) instead of every value"),
        Case("show(String(repeating: \"a\", count: 200))",
             "1:1: error: the cell's output passed its limit of 100 bytes\n1:1: note: print a summary (a shape, a mean, a few rows) instead of every value"),
    ]

    @Test(arguments: overLimit)
    func aCellPastALimitFailsWhereItPassedIt(_ c: Case) {
        #expect(transcript(c.source, limits: Self.small) == c.expected)
    }

    @Test func theLimitIsTheSessionsOwn() {
        // Sessions with other limits, run at the same time by other tests, are untouched by it.
        #expect(transcript("Tensor.zeros([40, 40]).shape") == "→ [40, 40]")
        #expect(transcript("Tensor.zeros([40, 40]).shape", limits: Self.small).contains("more elements than the limit of 1000"))
    }

    @Test func theNotebooksOutputLimitIsSharedByItsCells() {
        let session = Session(limits: Limits(maxCellOutputBytes: 100, maxNotebookOutputBytes: 150))
        let first = session.run(CellSource(code: "print(String(repeating: \"a\", count: 90))", file: "n.md", firstLine: 1))
        #expect(first.failure == nil)
        let second = session.run(CellSource(code: "print(String(repeating: \"b\", count: 90))", file: "n.md", firstLine: 5),
                                 outputBytesLeft: 150 - 91)
        #expect(second.failure?.message == "the notebook's output passed its limit of 150 bytes")
    }

    @Test func aFileLargerThanTheLimitIsNotRead() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-limit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(String(repeating: "1,2\n", count: 3_000).utf8).write(to: dir.appendingPathComponent("big.csv"))
        let session = Session(limits: Limits(maxElements: 1_000))
        session.directory = dir.path
        let run = session.run(CellSource(code: "let d = Dataset.csv(path: \"big.csv\")", file: "n.md", firstLine: 1))
        #expect(run.failure?.message == "'big.csv' has 12000 bytes, more than the limit of 8000 for a file a cell reads")
    }

    @Test func aNotebookBudgetStopsTheCellItRunsOutIn() {
        let session = Session(limits: Limits(notebookTimeBudget: 0.2))
        let run = session.run(CellSource(code: "var i = 0\nwhile true { i += 1 }", file: "n.md", firstLine: 1), budgetLeft: 0.2)
        #expect(run.failure?.message == "the notebook's time budget of 0.2 s ran out in this cell and it was stopped")
        #expect(run.failure?.line == 2)
    }
}
