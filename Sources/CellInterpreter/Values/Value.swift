/// A value in a cell: the interpreter is dynamically typed, so every expression yields one.
public enum Value {
    /// The result of statements and of functions that return nothing; never displayed.
    case void
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    /// A Swift array: value semantics, as in Swift.
    case array([Value])
    /// A tuple, with optional element labels.
    case tuple(TupleValue)
    /// A half-open or closed range of integers.
    case range(RangeValue)
    /// A function, a closure or a library call target.
    case function(FunctionValue)
    /// `nil`.
    case none
    /// A library value (tensor, model, figure, image, dataset …), bound through the registry.
    case object(any LibraryValue)
}

/// A tuple's elements and their labels (nil for an unlabelled element).
public struct TupleValue {
    public var elements: [Value]
    public var labels: [String?]

    public init(_ elements: [Value], labels: [String?]? = nil) {
        self.elements = elements
        self.labels = labels ?? Array(repeating: nil, count: elements.count)
    }
}

/// An integer range: `lower..<upper` or `lower...upper`, stored half-open.
public struct RangeValue: Equatable {
    public var lower: Int
    /// Exclusive upper bound.
    public var upper: Int
    /// Written with `...` (shown that way).
    public var closed: Bool

    public init(lower: Int, upper: Int, closed: Bool) {
        self.lower = lower
        self.upper = upper
        self.closed = closed
    }

    /// The bound a one-sided range leaves open (`..<5` starts here, `2...` ends here): the
    /// subscript it is used in puts the collection's own bound in its place.
    public static let openStart = Int.min
    public static let openEnd = Int.max

    public var count: Int {
        let (n, overflow) = upper.subtractingReportingOverflow(lower)
        return overflow ? Int.max : Swift.max(0, n)
    }

    /// The range with open bounds replaced by `0` and `length`.
    public func resolved(length: Int) -> (lower: Int, upper: Int) {
        (lower == Self.openStart ? 0 : lower, upper == Self.openEnd ? length : upper)
    }
}

/// A value from the model library. Types conform through their binding in the registry;
/// the interpreter asks the registry, not the value, for methods and properties. Conformers
/// are classes (library structs such as `Tensor` are held in a box), which keeps `Value`
/// two words wide so the interpreter copies it cheaply.
public protocol LibraryValue: AnyObject {
    /// The Swift type name shown in messages and in `lectern reference` (`Tensor`, `PPCA`).
    var typeName: String { get }
}

extension Value {
    /// The Swift type name of the value, as messages show it.
    public var typeName: String {
        switch self {
        case .void: "Void"
        case .bool: "Bool"
        case .int: "Int"
        case .double: "Double"
        case .string: "String"
        case .array(let items):
            if let first = items.first, items.allSatisfy({ $0.typeName == first.typeName }) { "[\(first.typeName)]" } else { "Array" }
        case .tuple(let t): "(" + zip(t.labels, t.elements).map { ($0.0.map { "\($0): " } ?? "") + $0.1.typeName }.joined(separator: ", ") + ")"
        case .range(let r): r.closed ? "ClosedRange<Int>" : "Range<Int>"
        case .function(let f): f.typeDescription
        case .none: "Optional"
        case .object(let o): o.typeName
        }
    }

    /// True for `.void`: such results are not displayed.
    public var isVoid: Bool {
        if case .void = self { return true }
        return false
    }
}
