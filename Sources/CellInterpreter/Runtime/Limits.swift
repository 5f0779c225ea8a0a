import Foundation

/// The limits that end a cell with a clear error instead of hanging or crashing the process.
/// One element limit covers everything a cell allocates: tensors (the Tensors library is run
/// under it), arrays, strings, formatting and padding, and the files a cell reads.
public struct Limits: Sendable, CustomStringConvertible {
    /// Seconds a cell may run (Quarto-like `//| timeout:` overrides it per cell).
    public var timeout: Double = 60
    /// Nested calls a cell may make before "recursion too deep".
    public var maxCallDepth = 2_000
    /// The most elements one tensor or array may hold, or characters one string; a file a cell
    /// reads may have at most eight bytes per element (the memory of the largest tensor).
    public var maxElements = Limits.defaultMaxElements
    /// The default element limit: 50 million (400 MB of Float64).
    public static let defaultMaxElements = 50_000_000
    /// Steps (loop iterations and calls) a cell may take, counted in blocks of 4,096: a budget
    /// that, unlike the timeout, ends a cell at the same place on any machine (the fuzzer's).
    /// Nil: no budget.
    public var maxSteps: Int?
    /// Bytes of output (printed text, displayed values, images) one cell may produce.
    public var maxCellOutputBytes = 64 << 20
    /// Bytes of output all the cells of a notebook may produce together: the page's cap.
    public var maxNotebookOutputBytes = 256 << 20
    /// Seconds all the cells of a notebook may take together; nil: no budget.
    public var notebookTimeBudget: Double?

    public init(timeout: Double = 60, maxCallDepth: Int = 2_000, maxElements: Int = 50_000_000, maxSteps: Int? = nil,
                maxCellOutputBytes: Int = 64 << 20, maxNotebookOutputBytes: Int = 256 << 20, notebookTimeBudget: Double? = nil) {
        self.timeout = timeout
        self.maxCallDepth = maxCallDepth
        self.maxElements = maxElements
        self.maxSteps = maxSteps
        self.maxCellOutputBytes = maxCellOutputBytes
        self.maxNotebookOutputBytes = maxNotebookOutputBytes
        self.notebookTimeBudget = notebookTimeBudget
    }

    /// The largest file a cell may read: eight bytes per element of the element limit.
    public var maxFileBytes: Int { maxElements.multipliedReportingOverflow(by: 8).overflow ? Int.max : maxElements * 8 }

    public var description: String {
        "timeout \(timeout) depth \(maxCallDepth) elements \(maxElements) steps \(maxSteps.map(String.init) ?? "-") "
            + "output \(maxCellOutputBytes)/\(maxNotebookOutputBytes) budget \(notebookTimeBudget.map { "\($0)" } ?? "-")"
    }
}

extension Limits {
    /// Lower caps for notebooks from others (`--safe`): 10 s per cell and 300 s per notebook,
    /// 500 nested calls, 5 million elements (40 MB of Float64) per tensor, array or string,
    /// 2 MiB of output per cell and 16 MiB per page.
    public static let safe = Limits(timeout: 10, maxCallDepth: 500, maxElements: 5_000_000,
                                    maxCellOutputBytes: 2 << 20, maxNotebookOutputBytes: 16 << 20, notebookTimeBudget: 300)
}

/// A byte count as a reader says it: "2 MiB", "512 KiB", "100 bytes".
func formatBytes(_ n: Int) -> String {
    if n >= 1 << 20, n % (1 << 20) == 0 { return "\(n >> 20) MiB" }
    if n >= 1 << 10, n % (1 << 10) == 0 { return "\(n >> 10) KiB" }
    return n == 1 ? "1 byte" : "\(n) bytes"
}

/// Monotonic nanoseconds, for deadlines.
@inline(__always)
func monotonicNanoseconds() -> UInt64 {
    DispatchTime.now().uptimeNanoseconds
}
