import Testing
@testable import CellInterpreter

/// Runs cells in one session and renders what they did as text: printed output as is,
/// displayed values as `→ value`, a failure as `line:col: error: message`.
func transcript(_ cells: String..., limits: Limits = Limits()) -> String {
    let session = Session(limits: limits)
    var out: [String] = []
    var line = 1
    for code in cells {
        let run = session.run(CellSource(code: code, file: "cell.md", firstLine: line))
        line += code.split(separator: "\n", omittingEmptySubsequences: false).count + 2
        for output in run.outputs {
            switch output {
            case .text(let t): out.append(t.hasSuffix("\n") ? String(t.dropLast()) : t)
            case .value(.text(let t)): out.append("→ " + t)
            case .value(let other): out.append("→ \(other)")
            }
        }
        if let f = run.failure {
            out.append("\(f.line):\(f.column): error: \(f.message)")
            out += f.notes.map { "\(f.line):\(f.column): note: \($0)" }
        }
    }
    return out.joined(separator: "\n")
}

/// One row of a table-driven language test: a cell's source and its transcript (see `transcript`).
struct Case: Sendable, CustomTestStringConvertible {
    let source: String
    let expected: String
    var testDescription: String { source.replacingOccurrences(of: "\n", with: " ⏎ ") }
    init(_ source: String, _ expected: String) {
        self.source = source
        self.expected = expected
    }
}
