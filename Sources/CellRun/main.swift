import CellInterpreterNext
import Foundation

// Runs a Swift file as one cell and prints what it printed, then its error if any.
let path = CommandLine.arguments[1]
let code = try! String(contentsOfFile: path, encoding: .utf8)
let session = Session()
let run = session.run(CellSource(code: code, file: path, firstLine: 1))
for output in run.outputs {
    switch output {
    case .text(let t): print(t, terminator: "")
    case .value(let v):
        if case .text(let t) = v { print("→ " + t) } else { print("→ <rich>") }
    }
}
if let failure = run.failure { print(failure.description) }
