/// Why a cell stopped: a syntax error, a name that does not resolve, a type error, a runtime
/// error, a failed `expect`, an error thrown and not caught, or a limit (time, recursion, size).
/// Positions are UTF-8 offsets into the code of `source` (the cell, or the earlier cell that
/// declared the function the failure happened in); `CellSource` turns them into file places.
public struct CellFailure: Error {
    public enum Kind: String, Sendable, Equatable {
        case syntax
        case unsupported
        case name
        case type
        case runtime
        case expectation
        case timeout
        case recursion
        case resourceLimit
        /// A Swift error thrown by `throw` and not caught.
        case thrown
        /// Internal: a `?` in an optional chain found nil (caught by the chain).
        case optionalChainNil
    }

    /// The failure's fields, in one shared box: a thrown `CellFailure` is one reference, so
    /// every node's error path (and stack frame) stays small. Written copy-on-write.
    private final class Storage {
        var kind: Kind
        var message: String
        var position: Int?
        var notes: [String]
        var source: CellSource?
        var trace: [(position: Int, source: CellSource?)] = []
        var thrown: Value?

        init(kind: Kind, message: String, position: Int?, notes: [String]) {
            self.kind = kind
            self.message = message
            self.position = position
            self.notes = notes
        }

        func copy() -> Storage {
            let c = Storage(kind: kind, message: message, position: position, notes: notes)
            c.source = source
            c.trace = trace
            c.thrown = thrown
            return c
        }
    }

    private var storage: Storage

    private mutating func unique() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return storage
    }

    public var kind: Kind {
        get { storage.kind }
        set { unique().kind = newValue }
    }
    public var message: String {
        get { storage.message }
        set { unique().message = newValue }
    }
    /// UTF-8 offset into the code of `source`; nil when the error has no single place.
    public var position: Int? {
        get { storage.position }
        set { unique().position = newValue }
    }
    /// Further lines shown under the message (`note: …`).
    public var notes: [String] {
        get { storage.notes }
        set { unique().notes = newValue }
    }
    /// The code the position is in, when it is not the cell that is running.
    var source: CellSource? {
        get { storage.source }
        set { unique().source = newValue }
    }
    /// The calls the failure passed through on its way out, innermost first.
    var trace: [(position: Int, source: CellSource?)] {
        get { storage.trace }
        set { unique().trace = newValue }
    }
    /// For `.thrown`: the error value (of type `any Error`).
    var thrown: Value? {
        get { storage.thrown }
        set { unique().thrown = newValue }
    }

    public init(_ kind: Kind, _ message: String, at position: Int? = nil, notes: [String] = []) {
        storage = Storage(kind: kind, message: message, position: position, notes: notes)
    }

    /// The same failure placed at `position` unless it already has a place.
    func located(at position: Int) -> CellFailure {
        guard self.position == nil else { return self }
        var copy = self
        copy.position = position
        return copy
    }

    /// The failure as it leaves a call: its place is in the callee's code, and the call is added
    /// to its trace.
    func leavingCall(calleeSource: CellSource?, callPosition: Int, callerSource: CellSource?) -> CellFailure {
        var copy = self
        if copy.source == nil && copy.trace.isEmpty { copy.source = calleeSource }
        copy.trace.append((callPosition, callerSource))
        return copy
    }
}

/// An error from library code called by a cell, shown with its message.
func failure(from error: any Error, at position: Int) -> CellFailure {
    if let failure = error as? CellFailure { return failure.located(at: position) }
    return CellFailure(.runtime, String(describing: error), at: position)
}

/// A located failure of a cell, as `file:line:col: error: message`, with the calls it
/// passed through as `called from file:line:col` lines.
public struct CellDiagnostic: Error, Sendable, CustomStringConvertible {
    public var kind: CellFailure.Kind
    public var message: String
    public var file: String
    public var line: Int
    public var column: Int
    public var notes: [String]
    /// `file:line:col` of each call the failure passed through, innermost first.
    public var calledFrom: [String]

    public init(_ failure: CellFailure, in source: CellSource) {
        let origin = failure.source ?? source
        let (line, column) = origin.location(of: failure.position ?? 0)
        self.kind = failure.kind
        self.message = failure.message
        self.file = origin.file
        self.line = line
        self.column = column
        self.notes = failure.notes
        self.calledFrom = failure.trace.map { step in
            let s = step.source ?? source
            let (l, c) = s.location(of: step.position)
            return "\(s.file):\(l):\(c)"
        }
    }

    public init(kind: CellFailure.Kind, message: String, file: String, line: Int, column: Int, notes: [String], calledFrom: [String] = []) {
        self.kind = kind
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.notes = notes
        self.calledFrom = calledFrom
    }

    /// `file:line:col`.
    public var location: String { "\(file):\(line):\(column)" }

    public var description: String {
        ([ "\(location): error: \(message)" ] + notes.map { "\(location): note: \($0)" } + calledFrom.map { "called from \($0)" })
            .joined(separator: "\n")
    }
}

/// A cell's code and where it sits in the Markdown file, so every position the interpreter
/// reports (UTF-8 offsets into the code) becomes the file's line and column.
public struct CellSource: Sendable {
    public var code: String
    /// The file as the user named it.
    public var file: String
    /// The file line of the code's first line.
    public var firstLine: Int
    /// Columns to add to every column (the fence's indentation).
    public var columnOffset: Int
    private let lineStarts: [Int]

    public init(code: String, file: String, firstLine: Int, columnOffset: Int = 0) {
        self.code = code
        self.file = file
        self.firstLine = firstLine
        self.columnOffset = columnOffset
        var starts = [0]
        for (i, b) in code.utf8.enumerated() where b == UInt8(ascii: "\n") { starts.append(i + 1) }
        lineStarts = starts
    }

    /// The file line and column (1-based, counted in characters) of a UTF-8 offset into the code.
    public func location(of offset: Int) -> (line: Int, column: Int) {
        let offset = max(0, min(offset, code.utf8.count))
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        let utf8 = code.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: lineStarts[low])
        let end = utf8.index(utf8.startIndex, offsetBy: offset)
        let column = utf8[start..<end].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } + 1
        return (firstLine + low, column + columnOffset)
    }
}
