/// `a...b` with Double bounds: a closed interval, as plots take for their axes.
public final class Interval: LibraryValue, CustomStringConvertible {
    public let lower: Double
    public let upper: Double

    public init(lower: Double, upper: Double) {
        self.lower = lower
        self.upper = upper
    }

    public var typeName: String { "ClosedRange<Double>" }
    public var description: String { "\(formatDouble(lower))...\(formatDouble(upper))" }
}

extension Value {
    var isInt: Bool {
        if case .int = self { return true }
        return false
    }

    /// A closed range of Doubles from `a...b`, whether written with Ints or Doubles.
    var closedInterval: ClosedRange<Double>? {
        switch self {
        case .range(let r) where r.closed: return Double(r.lower)...Double(r.upper - 1)
        case .object(let o as Interval): return o.lower...o.upper
        default: return nil
        }
    }
}
