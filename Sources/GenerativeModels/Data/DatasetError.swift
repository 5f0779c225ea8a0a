/// A data set that cannot be made or read: a bad argument, an unreadable file, or a CSV cell that is
/// not a number or a row of the wrong length (named by line and column, counted from 1).
public enum DatasetError: Error, CustomStringConvertible, Equatable, Sendable {
    /// An argument outside its domain (a negative count, a noise below zero, …).
    case invalidArgument(String)
    /// The file could not be read.
    case unreadable(path: String, reason: String)
    /// The file holds no data rows.
    case empty(path: String)
    /// A row with a different number of cells than the first data row.
    case raggedRow(path: String, line: Int, expected: Int, found: Int)
    /// A cell that is not a number.
    case notANumber(path: String, line: Int, column: Int, text: String)
    /// The bundled resource is missing from the built package.
    case missingResource(String)

    public var description: String {
        switch self {
        case let .invalidArgument(message):
            return message
        case let .unreadable(path, reason):
            return "\(path): cannot read the file: \(reason)"
        case let .empty(path):
            return "\(path): no data rows"
        case let .raggedRow(path, line, expected, found):
            return "\(path):\(line): this row has \(found) value\(found == 1 ? "" : "s"), the rows before it have \(expected)"
        case let .notANumber(path, line, column, text):
            let hint = line == 1 ? " (if the first line holds column names, pass hasHeader: true)" : ""
            return "\(path):\(line):\(column): '\(text)' is not a number (line \(line), column \(column))\(hint)"
        case let .missingResource(name):
            return "the bundled resource '\(name)' is missing from the package"
        }
    }
}
