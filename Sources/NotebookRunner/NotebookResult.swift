import CellInterpreter
import Notebook

/// What running a notebook produced: a result per cell and per inline expression, and the
/// diagnostics to print.
public struct NotebookResult {
    public var document: Document
    /// By cell index.
    public var cells: [CellResult]
    /// By inline-expression index.
    public var inlineValues: [InlineResult]
    /// Everything to report, in order: cell failures, inline failures, warnings.
    public var diagnostics: [Diagnostic]
    /// The files the cells read, each with its content digest when it was read.
    public var filesRead: [String: String] = [:]
    /// The result came from `.lectern-cache/`, not from running the cells.
    public var fromCache = false
    /// For a result from the cache, the key of its entry (`RunCache.key`): with the document's
    /// text, it decides everything the page shows, so a page already written from the same key
    /// and text need not be rendered again (`PageCache`).
    public var cacheKey: String?

    public init(document: Document, cells: [CellResult], inlineValues: [InlineResult], diagnostics: [Diagnostic]) {
        self.document = document
        self.cells = cells
        self.inlineValues = inlineValues
        self.diagnostics = diagnostics
    }

    /// True when the run must exit non-zero: an error a cell did not allow.
    public var failed: Bool { diagnostics.contains { $0.severity == .error } }
}

/// How a cell ended.
public enum CellStatus: Equatable, Sendable {
    case succeeded
    /// It failed; `allowed` when the cell said `error: true` or `expect-error: true`.
    case failed(allowed: Bool)
    /// `eval: false`.
    case skipped
    /// An earlier cell failed, so this one did not run.
    case notRun
}

public struct CellResult {
    public init(cell: Cell, status: CellStatus, outputs: [CellOutput], failure: CellDiagnostic?, seconds: Double) {
        self.cell = cell
        self.status = status
        self.outputs = outputs
        self.failure = failure
        self.seconds = seconds
    }

    public var cell: Cell
    public var status: CellStatus
    public var outputs: [CellOutput]
    public var failure: CellDiagnostic?
    public var seconds: Double
}

/// What an inline expression gave.
public enum InlineResult {
    /// A value, as Swift prints it (a Double with all its digits: pages round it).
    case value(String)
    /// A String: text the author formatted (`String(format: "%.6f", x)`), shown with its digits
    /// as written.
    case text(String)
    case failed(CellDiagnostic)
    case notRun
}
