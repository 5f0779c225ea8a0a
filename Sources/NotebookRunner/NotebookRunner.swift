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
        var result = NotebookResult(document: document, cells: [], inlineValues: Array(repeating: .notRun, count: document.inlineExpressions.count),
                                    diagnostics: [])
        let session = Session(limits: limits, seed: document.frontMatter.seed)
        session.directory = folder(of: document.source.path)
        session.progressSink = progress
        session.confinesFiles = safe
        do {
            for (name, value) in try parameters(of: document) { session.define(name, Value(value)) }
        } catch {
            result.diagnostics.append(error)
            result.cells = document.cells.map { CellResult(cell: $0, status: .notRun, outputs: [], failure: nil, seconds: 0) }
            return result
        }

        var stopped = false
        let cells = document.cells
        func runInline(after count: Int) {
            for (i, inline) in document.inlineExpressions.enumerated() where inline.cellsBefore == count && !stopped {
                let source = CellSource(code: inline.code, file: inline.location.file, firstLine: inline.location.line,
                                        columnOffset: inline.location.column - 1)
                switch session.evaluate(source) {
                case .success(let value):
                    result.inlineValues[i] = .value(value.printed)
                case .failure(let diagnostic):
                    result.inlineValues[i] = .failed(diagnostic)
                    result.diagnostics.append(Diagnostic(diagnostic))
                }
            }
        }
        runInline(after: 0)
        for (k, cell) in cells.enumerated() {
            if stopped {
                result.cells.append(CellResult(cell: cell, status: .notRun, outputs: [], failure: nil, seconds: 0))
                continue
            }
            if !cell.options.eval {
                result.cells.append(CellResult(cell: cell, status: .skipped, outputs: [], failure: nil, seconds: 0))
                runInline(after: k + 1)
                continue
            }
            let source = CellSource(code: cell.code, file: cell.codeStart.file, firstLine: cell.codeStart.line,
                                    columnOffset: cell.codeStart.column - 1)
            let timeout = safe ? min(cell.options.timeout ?? limits.timeout, limits.timeout) : cell.options.timeout
            let run = session.run(source, timeout: timeout,
                                  displaySize: DisplaySize(width: cell.options.width, height: cell.options.height))
            var status = CellStatus.succeeded
            if let failure = run.failure {
                let allowed = cell.options.error || cell.options.expectError
                status = .failed(allowed: allowed)
                if !allowed {
                    result.diagnostics.append(Diagnostic(failure))
                    stopped = true
                }
            } else if cell.options.expectError {
                status = .failed(allowed: false)
                result.diagnostics.append(.error("the cell was expected to fail ('expect-error: true') but it succeeded", at: cell.fence))
            }
            result.cells.append(CellResult(cell: cell, status: status, outputs: run.outputs, failure: run.failure, seconds: run.seconds))
            runInline(after: k + 1)
        }
        result.filesRead = session.filesTouched.sorted()
        return result
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
