/// Why a cell stopped: a syntax error, a name that does not resolve, a runtime error, a
/// failed `expect`, or a limit (time, recursion, size). Positions are UTF-8 offsets into the
/// cell's code; `CellSource` turns them into file lines and columns.
public struct CellFailure: Error, Sendable {
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
    }

    public var kind: Kind
    public var message: String
    /// UTF-8 offset into the cell's code; nil when the error has no single place.
    public var position: Int?
    /// Further lines shown under the message (`note: …`).
    public var notes: [String]

    public init(_ kind: Kind, _ message: String, at position: Int? = nil, notes: [String] = []) {
        self.kind = kind
        self.message = message
        self.position = position
        self.notes = notes
    }

    /// The same failure placed at `position` unless it already has a place.
    func located(at position: Int) -> CellFailure {
        guard self.position == nil else { return self }
        var copy = self
        copy.position = position
        return copy
    }
}

/// An error from library code called by a cell, shown with its message. Library errors
/// that conform to `CustomStringConvertible` are shown through `description`.
func failure(from error: any Error, at position: Int) -> CellFailure {
    if let failure = error as? CellFailure { return failure.located(at: position) }
    return CellFailure(.runtime, String(describing: error), at: position)
}
