/// A figure that cannot be drawn as asked, with what is wrong and where.
/// Thrown by mark constructors (bad data) and by `Figure.svg()` (bad combinations).
public struct PlotError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, in broad terms (for tests and bindings).
    public enum Kind: Sendable, Equatable {
        case emptyData
        case mismatchedLengths
        case nonFinite
        case nonPositiveOnLogScale
        case invalidArgument
        case tooManyCategories
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

    static func empty(_ mark: String, _ what: String = "values") -> PlotError {
        PlotError(.emptyData, "\(mark): no \(what) to draw (the data is empty)")
    }

    static func lengths(_ mark: String, _ a: String, _ n: Int, _ b: String, _ m: Int) -> PlotError {
        PlotError(.mismatchedLengths,
                  "\(mark): \(a) has \(n) value\(n == 1 ? "" : "s") but \(b) has \(m); they must be the same length")
    }

    static func invalid(_ mark: String, _ what: String) -> PlotError {
        PlotError(.invalidArgument, "\(mark): \(what)")
    }
}
