import CellInterpreter
import Notebook
import NotebookRunner
import Testing

struct NotebookRunnerTests {
    func run(_ text: String, overrides: [String: String] = [:]) throws -> NotebookResult {
        let document = try DocumentParser.parse(SourceFile(path: "nb.md", text: text))
        return NotebookRunner(parameterOverrides: overrides).run(document)
    }

    func texts(_ r: CellResult) -> [String] {
        r.outputs.map {
            switch $0 {
            case .text(let t): t
            case .value(.text(let t)): "→ " + t
            case .value: "→ rich"
            }
        }
    }

    @Test func paramsAreConstantsAndOverridesKeepTheirType() throws {
        let text = "---\nparams:\n  latent: 2\n  rate: 0.5\n---\n```swift\nlatent * 10\nrate\n```\n"
        #expect(texts(try run(text).cells[0]) == ["→ 20", "→ 0.5"])
        #expect(texts(try run(text, overrides: ["latent": "5", "rate": "1"]).cells[0]) == ["→ 50", "→ 1.0"])
    }

    @Test func aBadOverrideIsAnError() throws {
        let text = "---\nparams:\n  latent: 2\n---\n```swift\nlatent\n```\n"
        let wrongType = try run(text, overrides: ["latent": "two"])
        #expect(wrongType.failed)
        #expect(wrongType.diagnostics.first?.description == "nb.md:3:3: error: parameter 'latent' is Int, got 'two'")
        let unknown = try run(text, overrides: ["latnet": "1"])
        #expect(unknown.diagnostics.first?.message.contains("unknown parameter 'latnet'; did you mean 'latent'?") == true)
    }

    @Test func aFailingCellStopsTheRunAndLaterCellsAreNotRun() throws {
        let r = try run("```swift\nprint(1)\n```\n\n```swift\nlet x = nope\n```\n\n```swift\nprint(3)\n```\n")
        #expect(r.failed)
        #expect(r.cells.map(\.status) == [.succeeded, .failed(allowed: false), .notRun])
        #expect(r.diagnostics.map(\.description) == ["nb.md:6:9: error: cannot find 'nope' in scope"])
    }

    @Test func errorTrueShowsTheFailureAndGoesOn() throws {
        let r = try run("```swift\n//| error: true\nlet x = nope\n```\n\n```swift\nprint(3)\n```\n")
        #expect(!r.failed)
        #expect(r.cells.map(\.status) == [.failed(allowed: true), .succeeded])
        #expect(r.cells[0].failure?.line == 3)
    }

    @Test func expectErrorFailsTheRunWhenTheCellSucceeds() throws {
        let ok = try run("```swift\n//| expect-error: true\n1 / 0\n```\n")
        #expect(!ok.failed)
        let wrong = try run("```swift\n//| expect-error: true\n1 / 1\n```\n")
        #expect(wrong.failed)
    }

    @Test func evalFalseSkipsTheCell() throws {
        let r = try run("```swift\n//| eval: false\nthisWouldFail\n```\n")
        #expect(r.cells.map(\.status) == [.skipped])
        #expect(!r.failed)
    }

    @Test func inlineExpressionsSeeTheCellsBeforeThem() throws {
        let r = try run("Before: `{swift} 1 + 1`.\n\n```swift\nlet k = 21\n```\n\nAfter: `{swift} k * 2`, bad: `{swift} nothing`.\n")
        guard case .value("2") = r.inlineValues[0], case .value("42") = r.inlineValues[1], case .failed(let d) = r.inlineValues[2] else {
            Issue.record("unexpected inline values: \(r.inlineValues)")
            return
        }
        #expect(d.description == "nb.md:7:39: error: cannot find 'nothing' in scope")
        #expect(r.failed)
    }

    /// A String is the author's own text, kept apart from a printed value (which pages round).
    @Test func anInlineStringIsTextNotAValue() throws {
        let r = try run("`{swift} String(format: \"%.6f\", 0.0523981234)` and `{swift} 0.0523981234`.\n")
        guard case .text("0.052398") = r.inlineValues[0], case .value("0.0523981234") = r.inlineValues[1] else {
            Issue.record("unexpected inline values: \(r.inlineValues)")
            return
        }
    }
}

extension NotebookRunnerTests {
    @Test func theNotebookBudgetIsSharedByItsCells() throws {
        let text = "```swift\nvar i = 0\nwhile i < 1 { }\n```\n\n```swift\nprint(1)\n```\n"
        let document = try DocumentParser.parse(SourceFile(path: "nb.md", text: text))
        let r = NotebookRunner(limits: Limits(timeout: 5, notebookTimeBudget: 0.3)).run(document)
        #expect(r.cells.map(\.status) == [.failed(allowed: false), .notRun])
        #expect(r.diagnostics.first?.description == "nb.md:3:9: error: the notebook's time budget of 0.3 s ran out in this cell and it was stopped")
    }

    @Test func theNotebooksOutputLimitCoversItsCells() throws {
        let text = "```swift\nprint(String(repeating: \"a\", count: 80))\n```\n\n```swift\nprint(String(repeating: \"b\", count: 80))\n```\n"
        let document = try DocumentParser.parse(SourceFile(path: "nb.md", text: text))
        let r = NotebookRunner(limits: Limits(maxCellOutputBytes: 100, maxNotebookOutputBytes: 120)).run(document)
        #expect(r.cells.map(\.status) == [.succeeded, .failed(allowed: false)])
        #expect(r.diagnostics.first?.message == "the notebook's output passed its limit of 120 bytes")
    }
}
