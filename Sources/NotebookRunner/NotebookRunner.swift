import CellInterpreter
import Notebook

/// Runs a notebook's cells in order in one session, with its parameters defined, evaluating
/// each inline `{swift}` expression after the cells before it.
public struct NotebookRunner {
    /// `--param name=value` overrides, typed as the front matter's default.
    public var parameterOverrides: [String: String]
    public var limits: Limits
    /// Receives the steps of long library calls (training), for a terminal progress display.
    public var progress: ((LibraryProgress) -> Void)?
    /// For notebooks from others (`--safe`): cells may use only files inside the notebook's
    /// folder, and a cell's `timeout:` cannot raise the time limit.
    public var safe = false
    /// Called just before a cell runs, with its index (a supervising process watches the time).
    public var cellStarting: ((Int) -> Void)?
    /// Called after each unit (unit 0: the inline expressions before the first cell; unit u:
    /// cell u−1 and the inline expressions after it) with the result so far and the unit's
    /// diagnostics, so a run can be reported as it goes.
    public var unitFinished: ((_ unit: Int, _ result: NotebookResult, _ diagnostics: [Diagnostic]) -> Void)?

    public init(parameterOverrides: [String: String] = [:], limits: Limits = Limits(),
                progress: ((LibraryProgress) -> Void)? = nil) {
        self.parameterOverrides = parameterOverrides
        self.limits = limits
        self.progress = progress
    }

    /// Checks the overrides against the notebook's `params` (an unknown name or a value of the
    /// wrong type is an error) and returns the values to define.
    public func parameters(of document: Document) throws(Diagnostic) -> [(String, ParameterValue)] {
        let declared = document.frontMatter.parameters
        for name in parameterOverrides.keys.sorted() where !declared.contains(where: { $0.name == name }) {
            var message = "unknown parameter '\(name)'"
            if let near = nearestName(to: name, in: declared.map(\.name)) { message += "; did you mean '\(near)'?" }
            message += declared.isEmpty ? " (the notebook declares no params)" : " (params: \(declared.map(\.name).joined(separator: ", ")))"
            throw .error(message, at: SourceLocation(file: document.source.path, line: 1, column: 1))
        }
        return try declared.map { (p) throws(Diagnostic) in
            guard let text = parameterOverrides[p.name] else { return (p.name, p.value) }
            guard let value = p.value.parsingOverride(text) else {
                throw .error("parameter '\(p.name)' is \(p.value.typeName), got '\(text)'", at: p.location)
            }
            return (p.name, value)
        }
    }

    /// Runs every cell. Never throws: failures are in the result, located.
    public func run(_ document: Document) -> NotebookResult {
        run(document, resuming: nil, keepingState: false).result
    }

    /// Runs the notebook, starting where `previous` (the state kept by the last run of it) can
    /// take over: the session is rewound to its snapshot after the last unchanged cell and only
    /// the cells from the first changed one on are run. The page is the same as a run from the
    /// top. Returns the state to pass next time (nil when the parameters were refused).
    public func run(_ document: Document, resuming previous: RunState?) -> (result: NotebookResult, state: RunState?) {
        run(document, resuming: previous, keepingState: true)
    }

    private func run(_ document: Document, resuming previous: RunState?, keepingState: Bool) -> (result: NotebookResult, state: RunState?) {
        var result = NotebookResult(document: document, cells: [], inlineValues: Array(repeating: .notRun, count: document.inlineExpressions.count),
                                    diagnostics: [])
        let parameters: [(String, ParameterValue)]
        do {
            parameters = try self.parameters(of: document)
        } catch {
            result.diagnostics.append(error)
            result.cells = document.cells.map { CellResult(cell: $0, status: .notRun, outputs: [], failure: nil, seconds: 0) }
            return (result, nil)
        }
        let cells = document.cells
        let keys = RunState.unitKeys(of: document)
        let setting = "\(parameters.map { "\($0.0)=\($0.1)" })|seed \(document.frontMatter.seed)|safe \(safe)|\(limits)|\(folder(of: document.source.path))"

        // Where to start: after the last unit whose snapshot is usable and whose code is unchanged.
        let session: Session
        var start = 0
        var unitDiagnostics: [[Diagnostic]] = []
        var snapshots: [SessionSnapshot?] = []
        // A file a kept cell read has changed since: nothing kept can be trusted, so all runs again.
        if let previous, previous.setting == setting,
           previous.result.filesRead.allSatisfy({ ContentDigest.of(file: $0.key) == $0.value }) {
            var changed = 0
            while changed < keys.count, changed < previous.keys.count, keys[changed] == previous.keys[changed] { changed += 1 }
            start = min(changed, previous.snapshots.count)
            while start > 0, previous.snapshots[start - 1] == nil { start -= 1 }
        }
        if let previous, start > 0 {
            session = previous.session
            session.restore(previous.snapshots[start - 1]!)
            // Units 1..<start are cells 0..<start-1: their results stand, under the new document's cells.
            result.cells = (0..<(start - 1)).map { var r = previous.result.cells[$0]; r.cell = cells[$0]; return r }
            for (i, inline) in document.inlineExpressions.enumerated() where inline.cellsBefore < start {
                result.inlineValues[i] = previous.result.inlineValues[i]
            }
            unitDiagnostics = Array(previous.unitDiagnostics[0..<start])
            snapshots = Array(previous.snapshots[0..<start])
        } else {
            start = 0
            session = Session(limits: limits, seed: document.frontMatter.seed)
            for (name, value) in parameters { session.define(name, Value(value)) }
        }
        session.directory = folder(of: document.source.path)
        session.progressSink = progress
        session.confinesFiles = safe

        var stopped = false
        // Running totals for the notebook's budget and output limit (kept cells included),
        // added to as cells run instead of summed again before each one.
        var secondsSpent = result.cells.reduce(0) { $0 + $1.seconds }
        var outputBytes = result.cells.reduce(0) { $0 + $1.outputs.reduce(0) { $0 + $1.byteCount } }
        // Unit 0 is the inline expressions before the first cell; unit u ≥ 1 is cell u−1 and the
        // inline expressions right after it.
        for unit in start..<keys.count {
            if unit > 0 {
                let k = unit - 1, cell = cells[k]
                if stopped {
                    result.cells.append(CellResult(cell: cell, status: .notRun, outputs: [], failure: nil, seconds: 0))
                } else if !cell.options.eval {
                    result.cells.append(CellResult(cell: cell, status: .skipped, outputs: [], failure: nil, seconds: 0))
                } else {
                    let source = CellSource(code: cell.code, file: cell.codeStart.file, firstLine: cell.codeStart.line,
                                            columnOffset: cell.codeStart.column - 1)
                    let budgetLeft = limits.notebookTimeBudget.map { $0 - secondsSpent }
                    let outputLeft = limits.maxNotebookOutputBytes - outputBytes
                    cellStarting?(k)
                    let run: CellRun
                    if let budgetLeft, budgetLeft <= 0 {
                        // Not started: a cell without loops would never look at its clock.
                        run = CellRun(outputs: [], failure: CellDiagnostic(
                            kind: .timeout, message: "the notebook's time budget of \(formatSeconds(limits.notebookTimeBudget!)) ran out before this cell",
                            file: cell.codeStart.file, line: cell.codeStart.line, column: cell.codeStart.column, notes: []), seconds: 0)
                    } else {
                        run = session.run(source, timeout: timeout(of: cell), displaySize: DisplaySize(width: cell.options.width, height: cell.options.height),
                                          outputBytesLeft: max(0, outputLeft), budgetLeft: budgetLeft)
                    }
                    let status = Self.status(of: cell, failure: run.failure)
                    // A failure the cell did not allow stops the notebook; an unexpected success does not.
                    if run.failure != nil, status == .failed(allowed: false) { stopped = true }
                    result.cells.append(CellResult(cell: cell, status: status, outputs: run.outputs, failure: run.failure, seconds: run.seconds))
                    secondsSpent += run.seconds
                    outputBytes += run.outputs.reduce(0) { $0 + $1.byteCount }
                }
            }
            for (i, inline) in document.inlineExpressions.enumerated() where inline.cellsBefore == unit && !stopped {
                let source = CellSource(code: inline.code, file: inline.location.file, firstLine: inline.location.line,
                                        columnOffset: inline.location.column - 1)
                switch session.evaluate(source) {
                case .success(let value): result.inlineValues[i] = value.isText ? .text(value.printed) : .value(value.printed)
                case .failure(let diagnostic): result.inlineValues[i] = .failed(diagnostic)
                }
            }
            let diagnostics = Self.diagnostics(ofUnit: unit, in: result)
            unitDiagnostics.append(diagnostics)
            unitFinished?(unit, result, diagnostics)
            if keepingState { snapshots.append(stopped ? nil : session.snapshot()) }
        }
        result.diagnostics = unitDiagnostics.flatMap { $0 }
        result.filesRead = session.filesRead
        guard keepingState else { return (result, nil) }
        let state = RunState(session: session, setting: setting, keys: keys, snapshots: snapshots,
                             unitDiagnostics: unitDiagnostics, result: result, resumedAfterCells: max(0, start - 1))
        return (result, state)
    }
}

extension NotebookRunner {
    /// The time limit a cell runs under: its own `timeout:`, which under `--safe` cannot raise
    /// the limit; nil for the session's.
    public func timeout(of cell: Cell) -> Double? {
        safe ? min(cell.options.timeout ?? limits.timeout, limits.timeout) : cell.options.timeout
    }

    /// How a cell that ran ended, given its failure: a failure the cell allowed (`error:`,
    /// `expect-error:`) and a success it did not (`expect-error:`) are told apart.
    static func status(of cell: Cell, failure: CellDiagnostic?) -> CellStatus {
        if failure != nil { return .failed(allowed: cell.options.error || cell.options.expectError) }
        return cell.options.expectError ? .failed(allowed: false) : .succeeded
    }

    /// The errors a unit reports (unit 0: the inline expressions before the first cell; unit u:
    /// cell u−1 and the inline expressions after it), from its results alone, in order.
    static func diagnostics(ofUnit unit: Int, in result: NotebookResult) -> [Diagnostic] {
        var out: [Diagnostic] = []
        if unit > 0, unit - 1 < result.cells.count {
            let r = result.cells[unit - 1]
            if r.status == .failed(allowed: false) {
                if let failure = r.failure {
                    out.append(Diagnostic(failure))
                } else {
                    out.append(.error("the cell was expected to fail ('expect-error: true') but it succeeded", at: r.cell.fence))
                }
            }
        }
        for (i, inline) in result.document.inlineExpressions.enumerated() where inline.cellsBefore == unit {
            if case .failed(let d) = result.inlineValues[i] { out.append(Diagnostic(d)) }
        }
        return out
    }
}

/// What a run keeps so that the next run of the same notebook can resume after its last
/// unchanged cell: the session, and per unit (the inline expressions before the first cell,
/// then each cell with the inline expressions after it) its code, its diagnostics and a
/// snapshot of the session after it (nil where none could be taken).
public final class RunState {
    let session: Session
    let setting: String
    let keys: [String]
    let snapshots: [SessionSnapshot?]
    let unitDiagnostics: [[Diagnostic]]
    let result: NotebookResult
    /// How many cells the run that made this state took from the run before it (0: it ran every cell).
    public let resumedAfterCells: Int

    init(session: Session, setting: String, keys: [String], snapshots: [SessionSnapshot?], unitDiagnostics: [[Diagnostic]],
         result: NotebookResult, resumedAfterCells: Int) {
        self.session = session
        self.setting = setting
        self.keys = keys
        self.snapshots = snapshots
        self.unitDiagnostics = unitDiagnostics
        self.result = result
        self.resumedAfterCells = resumedAfterCells
    }

    /// Per unit, everything that decides what it does and where its diagnostics point: the code,
    /// the options that change a run, and the places in the file.
    static func unitKeys(of document: Document) -> [String] {
        var keys: [String] = []
        // `cells` is computed from the blocks: taken once (per unit, it made 10,000 cells quadratic).
        let cells = document.cells
        var inlines = [[InlineExpression]](repeating: [], count: cells.count + 1)
        for inline in document.inlineExpressions where inlines.indices.contains(inline.cellsBefore) { inlines[inline.cellsBefore].append(inline) }
        for unit in 0...cells.count {
            var key = ""
            if unit > 0 {
                let c = cells[unit - 1]
                let o = c.options
                key = "cell \(c.codeStart.line):\(c.codeStart.column) \(c.fence.line) eval \(o.eval) error \(o.error) expect \(o.expectError) "
                    + "timeout \(String(describing: o.timeout)) size \(String(describing: o.width))x\(String(describing: o.height))\n\(c.code)"
            }
            for inline in inlines[unit] {
                key += "\ninline \(inline.location.line):\(inline.location.column) \(inline.code)"
            }
            keys.append(key)
        }
        return keys
    }
}

extension Value {
    init(_ parameter: ParameterValue) {
        switch parameter {
        case .int(let v): self = .int(v)
        case .double(let v): self = .double(v)
        case .bool(let v): self = .bool(v)
        case .string(let v): self = .string(v)
        }
    }
}

extension Diagnostic {
    /// A cell's failure as a notebook diagnostic.
    init(_ failure: CellDiagnostic) {
        self.init(.error, failure.message, at: SourceLocation(file: failure.file, line: failure.line, column: failure.column),
                  notes: failure.notes)
    }
}

/// The folder a file is in ("." for a bare name), where its relative paths resolve.
func folder(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
}
