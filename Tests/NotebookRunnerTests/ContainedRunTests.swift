import CellInterpreter
import Foundation
import Notebook
import NotebookRunner
import Testing

/// The parent's side of a contained run, against stand-in children (shell scripts) that
/// behave well, crash, hang, or report what a real run could not have produced.
struct ContainedRunTests {
    static let notebook = "# N\n\n```swift\nprint(1)\n```\n\nValue `{swift} 2`.\n\n```swift\nprint(2)\n```\n"

    func run(child script: String, limits: Limits = .safe, text: String = notebook) throws -> NotebookResult {
        let document = try DocumentParser.parse(SourceFile(path: "nb.md", text: text), safe: true)
        var runner = NotebookRunner(limits: limits)
        runner.safe = true
        var contained = ContainedRun(executable: "/bin/sh", arguments: ["-c", "cat >/dev/null; " + script])
        contained.grace = 0.2
        return contained.run(document, runner: runner)
    }

    static let cell1 = #"{"unit":{"cell":{"outputs":[{"kind":"printed","text":"1\n"}],"seconds":0.01,"status":{"allowed":false,"name":"succeeded"}},"inlines":[{"index":0,"result":{"value":"2"}}],"unit":1}}"#
    static let cell2 = #"{"unit":{"cell":{"outputs":[{"kind":"printed","text":"2\n"}],"seconds":0.01,"status":{"allowed":false,"name":"succeeded"}},"inlines":[],"unit":2}}"#
    static let unit0 = #"{"unit":{"inlines":[],"unit":0}}"#

    func lines(_ events: String...) -> String {
        "printf '%s\\n' " + events.map { "'\($0)'" }.joined(separator: " ")
    }

    @Test func aWellBehavedChildsReportIsTheResult() throws {
        let r = try run(child: lines(Self.unit0, #"{"started":{"cell":0}}"#, Self.cell1, #"{"started":{"cell":1}}"#, Self.cell2,
                                     #"{"finished":{"files":[]}}"#))
        #expect(!r.failed, "\(r.diagnostics)")
        #expect(r.cells.map(\.status) == [.succeeded, .succeeded])
        if case .value(let v) = r.inlineValues[0] { #expect(v == "2") } else { Issue.record("inline value missing") }
    }

    @Test func aChildThatDiesFailsTheCellThatWasRunning() throws {
        let r = try run(child: lines(Self.unit0, #"{"started":{"cell":0}}"#, Self.cell1, #"{"started":{"cell":1}}"#)
                        + "; echo 'Fatal error: failed to allocate' >&2; kill -SEGV $$")
        #expect(r.cells.map(\.status) == [.succeeded, .failed(allowed: false)])
        #expect(r.diagnostics.map(\.description).first?.hasPrefix("nb.md:10:1: error: the cell ran out of memory and ended the process that ran it (SIGSEGV)") == true)
        #expect(r.diagnostics.first?.notes.first == "it said: Fatal error: failed to allocate")
    }

    @Test func aCellThatOverrunsItsLimitIsStoppedFromOutside() throws {
        var limits = Limits.safe
        limits.timeout = 0.3
        let start = Date()
        let r = try run(child: lines(Self.unit0, #"{"started":{"cell":0}}"#) + "; exec sleep 30", limits: limits)
        #expect(Date().timeIntervalSince(start) < 10)
        #expect(r.cells.map(\.status) == [.failed(allowed: false), .notRun])
        #expect(r.diagnostics.first?.message.hasPrefix("the cell ran for more than 0.3 s and was stopped") == true)
    }

    @Test func theNotebookBudgetIsKeptFromOutside() throws {
        var limits = Limits.safe
        limits.notebookTimeBudget = 0.3
        let r = try run(child: lines(Self.unit0, #"{"started":{"cell":0}}"#, Self.cell1) + "; exec sleep 30", limits: limits)
        #expect(r.cells.map(\.status) == [.succeeded, .failed(allowed: false)])
        #expect(r.diagnostics.first?.message == "the notebook's time budget of 0.3 s ran out in this cell and it was stopped")
    }

    static let unbelievable: [(String, String)] = [
        ("a line that is not JSON", "<script>alert(1)</script>"),
        ("units out of order", Self.cell2),
        ("a failure outside its cell", #"{"unit":{"cell":{"failure":{"column":1,"kind":"runtime","lineOffset":9999,"message":"x","notes":[]},"outputs":[],"seconds":0,"status":{"allowed":false,"name":"failed"}},"inlines":[],"unit":1}}"#),
        ("an image whose header lies", #"{"unit":{"cell":{"outputs":[{"kind":"png","png":"AAAA","width":10,"height":10}],"seconds":0,"status":{"allowed":false,"name":"succeeded"}},"inlines":[],"unit":1}}"#),
        ("an inline value out of place", #"{"unit":{"cell":{"outputs":[],"seconds":0,"status":{"allowed":false,"name":"succeeded"}},"inlines":[{"index":7,"result":{"value":"x"}}],"unit":1}}"#),
    ]

    @Test(arguments: unbelievable)
    func aReportThatCouldNotComeFromARunIsNotBelieved(_ what: String, _ line: String) throws {
        let r = try run(child: lines(Self.unit0, line, #"{"finished":{"files":[]}}"#))
        #expect(r.failed, "\(what)")
        #expect(r.cells.allSatisfy { $0.outputs.isEmpty }, "\(what)")
        #expect(r.diagnostics.first?.message.contains("nothing it reported is shown") == true, "\(what): \(r.diagnostics)")
    }

    @Test func aChildThatCannotStartIsALocatedError() throws {
        let document = try DocumentParser.parse(SourceFile(path: "nb.md", text: Self.notebook), safe: true)
        var runner = NotebookRunner(limits: .safe)
        runner.safe = true
        let r = ContainedRun(executable: "/nonexistent/lectern", arguments: []).run(document, runner: runner)
        #expect(r.diagnostics.first?.description.hasPrefix("nb.md:1:1: error: could not start the process that runs the notebook") == true)
    }
}
