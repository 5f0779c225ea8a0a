import CellInterpreter
import Foundation

// A development tool: runs a Swift file as one cell, or each ```swift fence of a Markdown
// notebook as a cell of one session, printing outputs and the first error of each cell.
let path = CommandLine.arguments[1]
let text = try! String(contentsOfFile: path, encoding: .utf8)
var cells: [(code: String, line: Int)] = []
if path.hasSuffix(".md") {
    var current: [String]?
    var start = 0
    for (i, line) in text.components(separatedBy: "\n").enumerated() {
        if current == nil, line.hasPrefix("```swift") {
            current = []
            start = i + 2
        } else if current != nil, line.hasPrefix("```") {
            cells.append((current!.joined(separator: "\n"), start))
            current = nil
        } else if current != nil {
            current!.append(line)
        }
    }
} else {
    cells = [(text, 1)]
}
// A notebook's front matter may set `seed: N` for its random stream.
let seed = text.components(separatedBy: "\n").prefix(40).first { $0.hasPrefix("seed:") }
    .flatMap { UInt64($0.dropFirst(5).trimmingCharacters(in: .whitespaces)) } ?? 0
let session = Session(seed: seed)
session.directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
// `--define name=value` stands in for a notebook's params (Int, Double, Bool or String).
for case let (i, arg) in CommandLine.arguments.enumerated() where arg == "--define" {
    let parts = CommandLine.arguments[i + 1].split(separator: "=", maxSplits: 1).map(String.init)
    let v = parts[1]
    if let n = Int(v) { session.define(parts[0], .int(n)) }
    else if let d = Double(v) { session.define(parts[0], .double(d)) }
    else if let b = Bool(v) { session.define(parts[0], .bool(b)) }
    else { session.define(parts[0], .string(v)) }
}
let quiet = CommandLine.arguments.contains("--quiet")
// `--repeat N`: runs the file as one cell in N fresh sessions, as `Benchmarks interpreter`
// times it, and prints the median and best of the cell's own seconds.
if let r = CommandLine.arguments.firstIndex(of: "--repeat"), let n = Int(CommandLine.arguments[r + 1]) {
    let times = (0..<n).map { _ in Session(seed: seed).run(CellSource(code: text, file: path, firstLine: 1), timeout: 600).seconds }.sorted()
    print(String(format: "median %.1f ms, best %.1f ms (%d runs)", times[n / 2] * 1000, times[0] * 1000, n))
    exit(0)
}
// `--program`: as the corpus records a compiled program: printed text only, `[trap]` after a
// run-time failure, `LINE:COL: error: MESSAGE` for a refusal.
if CommandLine.arguments.contains("--program") {
    let run = session.run(CellSource(code: text, file: path, firstLine: 1))
    for case .text(let t) in run.outputs { print(t, terminator: "") }
    if let f = run.failure {
        switch f.kind {
        case .syntax, .unsupported, .name, .type: print("\(f.line):\(f.column): error: \(f.message)")
        default: print("[trap]"); FileHandle.standardError.write(Data((f.description + "\n").utf8))
        }
    }
    exit(0)
}
let timeout = CommandLine.arguments.firstIndex(of: "--timeout").map { Double(CommandLine.arguments[$0 + 1])! }
for cell in cells {
    let run = session.run(CellSource(code: cell.code, file: path, firstLine: cell.line), timeout: timeout)
    if !quiet {
        for output in run.outputs {
            switch output {
            case .text(let t): print(t, terminator: "")
            case .value(let v):
                if case .text(let t) = v { print("→ " + t) } else { print("→ <rich>") }
            }
        }
    }
    if let failure = run.failure { print(failure.description) }
}
