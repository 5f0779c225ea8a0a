/// An image that cannot be built or encoded as asked, with what is wrong.
public struct ImagingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The broad kind of problem (for tests and bindings).
    public enum Kind: Sendable, Equatable {
        case emptyData
        case shapeMismatch
        case nonFinite
        case invalidArgument
        case encodingFailed
    }

    /// The broad kind of problem.
    public let kind: Kind
    /// The full sentence shown to the author.
    public let message: String

    public var description: String { message }

    init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }
}
