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
        let utf8 = Array(code.utf8)
        let column = utf8[lineStarts[low]..<offset].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } + 1
        return (firstLine + low, column + columnOffset)
    }
}

/// A located failure of a cell, as `file:line:col: error: message`.
public struct CellDiagnostic: Error, Sendable, CustomStringConvertible {
    public var kind: CellFailure.Kind
    public var message: String
    public var file: String
    public var line: Int
    public var column: Int
    public var notes: [String]

    public init(_ failure: CellFailure, in source: CellSource) {
        let (line, column) = source.location(of: failure.position ?? 0)
        self.kind = failure.kind
        self.message = failure.message
        self.file = source.file
        self.line = line
        self.column = column
        self.notes = failure.notes
    }

    public init(kind: CellFailure.Kind, message: String, file: String, line: Int, column: Int, notes: [String]) {
        self.kind = kind
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.notes = notes
    }

    /// `file:line:col`.
    public var location: String { "\(file):\(line):\(column)" }

    public var description: String {
        ([ "\(location): error: \(message)" ] + notes.map { "\(location): note: \($0)" }).joined(separator: "\n")
    }
}
