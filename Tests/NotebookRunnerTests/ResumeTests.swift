import CellInterpreter
import Foundation
import Notebook
import NotebookRunner
import Testing

/// Running a notebook again after an edit, from the state kept by the last run: only the cells
/// from the first changed one on run, and the result is the one a run from the top gives.
struct ResumeTests {
    func document(_ text: String) throws -> Document {
        try DocumentParser.parse(SourceFile(path: "nb.md", text: text))
    }

    /// Everything a page shows of a run, except the seconds each cell took.
    func shown(_ r: NotebookResult) -> String {
        let cells = r.cells.map { c in
            "\(c.cell.codeStart.line) \(c.status) \(c.outputs.map { "\($0)" }) \(c.failure.map { "\($0.line):\($0.column) \($0.message)" } ?? "")"
        }
        return (cells + r.inlineValues.map { "\($0)" } + r.diagnostics.map(\.description)).joined(separator: "\n")
    }

    static let training = """
        # Model

        ```swift
        let m = MADE(inputs: 4, hidden: [8], seed: 1)
        let x = Tensor([[0.0, 1, 1, 0], [1, 0, 1, 1], [1, 1, 0, 0]])
        m.fit(x, epochs: 5, batchSize: 2)
        var calls = 0
        ```

        The loss is `{swift} m.history["loss"].count` epochs long.

        ```swift
        m.fit(x, epochs: 3, batchSize: 2)
        calls += 1
        m.negativeLogLikelihood(x)
        ```

        ```swift
        print(calls, m.history["loss"].count)
        Tensor.randomNormal([2])
        ```
        """

    /// Each edit, applied to the notebook, resumed from the state of the run before it.
    @Test(arguments: [
        ("the last cell", "print(calls, m.history[\"loss\"].count)", "print(\"calls:\", calls)", 2),
        ("a cell that trains the model again", "m.fit(x, epochs: 3, batchSize: 2)", "m.fit(x, epochs: 4, batchSize: 1)", 1),
        ("the first cell", "m.fit(x, epochs: 5, batchSize: 2)", "m.fit(x, epochs: 6, batchSize: 2)", 0),
        ("an inline expression", "`{swift} m.history[\"loss\"].count`", "`{swift} m.history[\"loss\"].count * 2`", 0),
        ("prose that moves the cells below", "# Model\n", "# Model\n\nA new paragraph.\n", 0),
        ("nothing", "", "", 3),
    ])
    func anEditResumesAfterTheLastUnchangedCellWithTheSameResult(_ what: String, _ old: String, _ new: String, _ kept: Int) throws {
        let runner = NotebookRunner()
        let first = runner.run(try document(Self.training), resuming: nil)
        #expect(first.result.diagnostics.isEmpty, "\(first.result.diagnostics)")
        #expect(first.state?.resumedAfterCells == 0)

        let edited = old.isEmpty ? Self.training : Self.training.replacingOccurrences(of: old, with: new)
        #expect(old.isEmpty || edited != Self.training)
        let resumed = runner.run(try document(edited), resuming: first.state)
        let fresh = runner.run(try document(edited))
        #expect(shown(resumed.result) == shown(fresh), "\(what)")
        #expect(resumed.state?.resumedAfterCells == kept, "\(what)")

        // And again from the resumed state, after undoing the edit.
        let back = runner.run(try document(Self.training), resuming: resumed.state)
        #expect(shown(back.result) == shown(first.result), "\(what), undone")
    }

    @Test func aFailedCellIsRunAgainAfterItIsFixed() throws {
        let runner = NotebookRunner()
        let broken = "```swift\nvar n = 1\n```\n\n```swift\nn += nope\n```\n\n```swift\nn\n```\n"
        let first = runner.run(try document(broken), resuming: nil)
        #expect(first.result.failed)
        let fixed = broken.replacingOccurrences(of: "nope", with: "2")
        let resumed = runner.run(try document(fixed), resuming: first.state)
        #expect(!resumed.result.failed)
        #expect(shown(resumed.result) == shown(runner.run(try document(fixed))))
        #expect(resumed.state?.resumedAfterCells == 1)
    }

    @Test func otherParametersStartFromTheTop() throws {
        let text = "---\nparams:\n  k: 2\n---\n```swift\nlet a = k * 10\n```\n\n```swift\na\n```\n"
        let first = NotebookRunner().run(try document(text), resuming: nil)
        let other = NotebookRunner(parameterOverrides: ["k": "3"]).run(try document(text), resuming: first.state)
        #expect(other.state?.resumedAfterCells == 0)
        #expect(shown(other.result).contains("30"))
    }

    /// A data file that changed after a cell read it makes the kept state stale: preview used to
    /// keep the cell's old result (and store it under the new file's digest).
    @Test func aChangedDataFileRunsEverythingAgain() throws {
        let folder = NSTemporaryDirectory() + "resume-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let csv = folder + "/d.csv"
        try "1,2\n3,4\n".write(toFile: csv, atomically: true, encoding: .utf8)
        let text = "```swift\nlet d = Dataset.csv(path: \"d.csv\")\n```\n\n```swift\nd.sum()\n```\n"
        let doc = try DocumentParser.parse(SourceFile(path: folder + "/nb.md", text: text))
        let runner = NotebookRunner()
        let first = runner.run(doc, resuming: nil)
        #expect(shown(first.result).contains("10.0"))
        #expect(first.result.filesRead.keys.contains(csv))
        try "1,2\n3,5\n".write(toFile: csv, atomically: true, encoding: .utf8)
        let again = runner.run(doc, resuming: first.state)
        #expect(again.state?.resumedAfterCells == 0)
        #expect(shown(again.result).contains("11.0"), "\(shown(again.result))")
        #expect(again.result.filesRead[csv] == ContentDigest.of(file: csv))
    }
}
