import Foundation

/// The limits that end a cell with a clear error instead of hanging or crashing the process.
public struct Limits: Sendable {
    /// Seconds a cell may run (Quarto-like `//| timeout:` overrides it per cell).
    public var timeout: Double = 60
    /// Nested calls a cell may make before "recursion too deep".
    public var maxCallDepth = 2_000
    /// The most elements one tensor or array may hold.
    public var maxElements = Limits.defaultMaxElements
    /// The default element limit: 50 million (400 MB of Float64).
    public static let defaultMaxElements = 50_000_000
    /// Steps (loop iterations and calls) a cell may take, counted in blocks of 4,096: a budget
    /// that, unlike the timeout, ends a cell at the same place on any machine (the fuzzer's).
    /// Nil: no budget.
    public var maxSteps: Int?

    public init(timeout: Double = 60, maxCallDepth: Int = 2_000, maxElements: Int = 50_000_000, maxSteps: Int? = nil) {
        self.timeout = timeout
        self.maxCallDepth = maxCallDepth
        self.maxElements = maxElements
        self.maxSteps = maxSteps
    }
}

extension Limits {
    /// Lower caps for notebooks from others (`--safe`): 10 s per cell, 500 nested calls,
    /// 5 million elements (40 MB of Float64) per tensor or array.
    public static let safe = Limits(timeout: 10, maxCallDepth: 500, maxElements: 5_000_000)
}

/// Monotonic nanoseconds, for deadlines.
@inline(__always)
func monotonicNanoseconds() -> UInt64 {
    DispatchTime.now().uptimeNanoseconds
}
