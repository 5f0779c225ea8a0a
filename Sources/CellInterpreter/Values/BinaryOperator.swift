/// The binary operators cells can use, with Swift's meanings.
enum BinaryOperator: String, CaseIterable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", remainder = "%"
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case matmul = "•"
    case bitAnd = "&", bitOr = "|", bitXor = "^", shiftLeft = "<<", shiftRight = ">>"
    /// Elementwise comparisons of tensors (Swift's SIMD spelling): 1 where true, 0 where false.
    case elementLess = ".<", elementLessEqual = ".<=", elementGreater = ".>", elementGreaterEqual = ".>="
    case elementEqual = ".==", elementNotEqual = ".!="

    var isElementwiseComparison: Bool { rawValue.hasPrefix(".") }

    /// Defined on two Ints: arithmetic, bit operations, shifts and comparisons.
    var appliesToInts: Bool {
        switch self {
        case .matmul, .elementLess, .elementLessEqual, .elementGreater, .elementGreaterEqual, .elementEqual, .elementNotEqual: false
        default: true
        }
    }

    var isComparison: Bool {
        switch self {
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: true
        default: false
        }
    }
}

/// Applies a binary operator to two values: Int and Double arithmetic (an Int meeting a
/// Double is widened, a lenience Swift's literals mostly give anyway), string and array
/// concatenation, comparisons, and library operators (tensors) through the registry.
func applyBinary(
    _ op: BinaryOperator, _ a: Value, _ b: Value, registry: Registry, at position: Int,
    maxElements: Int = Limits.defaultMaxElements
) throws(CellFailure) -> Value {
    switch (a, b) {
    case (.int(let x), .int(let y)):
        return try intBinary(op, x, y, at: position)
    case (.double(let x), .double(let y)):
        return try doubleBinary(op, x, y, at: position)
    case (.int(let x), .double(let y)):
        return try doubleBinary(op, Double(x), y, at: position)
    case (.double(let x), .int(let y)):
        return try doubleBinary(op, x, Double(y), at: position)
    case (.string(let x), .string(let y)):
        switch op {
        case .add:
            try checkGrowth(x.utf8.count + y.utf8.count, maxElements, "characters", at: position)
            return .string(x + y)
        case .equal: return .bool(x == y)
        case .notEqual: return .bool(x != y)
        case .less: return .bool(x < y)
        case .lessEqual: return .bool(x <= y)
        case .greater: return .bool(x > y)
        case .greaterEqual: return .bool(x >= y)
        default: break
        }
    case (.bool(let x), .bool(let y)):
        switch op {
        case .equal: return .bool(x == y)
        case .notEqual: return .bool(x != y)
        default: break
        }
    case (.array(let x), .array(let y)) where op == .add:
        try checkGrowth(x.count + y.count, maxElements, "elements", at: position)
        return .array(x + y)
    default:
        break
    }
    if case .object = a { return try registry.applyOperator(op, a, b, at: position) }
    if case .object = b { return try registry.applyOperator(op, a, b, at: position) }
    if op == .equal { return .bool(valuesEqual(a, b)) }
    if op == .notEqual { return .bool(!valuesEqual(a, b)) }
    throw CellFailure(
        .type, "binary operator '\(op.rawValue)' cannot be applied to operands of type '\(a.typeName)' and '\(b.typeName)'",
        at: position)
}

@inline(__always)
func intBinary(_ op: BinaryOperator, _ x: Int, _ y: Int, at position: Int) throws(CellFailure) -> Value {
    switch op {
    case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: return .bool(intComparison(op, x, y))
    case .matmul: throw CellFailure(.type, "'•' needs tensors, got Int and Int", at: position)
    case .elementLess, .elementLessEqual, .elementGreater, .elementGreaterEqual, .elementEqual, .elementNotEqual:
        throw CellFailure(.type, "'\(op.rawValue)' compares tensors element by element; for Ints use '\(op.rawValue.dropFirst())'", at: position)
    default: return .int(try intArithmetic(op, x, y, at: position))
    }
}

/// `x op y` for an operator whose result is an Int (`appliesToInts` and not a comparison),
/// trapping overflow and division by zero as located errors.
@inline(__always)
func intArithmetic(_ op: BinaryOperator, _ x: Int, _ y: Int, at position: Int) throws(CellFailure) -> Int {
    switch op {
    case .add:
        let (r, o) = x.addingReportingOverflow(y)
        if o { throw overflow("+", x, y, position) }
        return r
    case .subtract:
        let (r, o) = x.subtractingReportingOverflow(y)
        if o { throw overflow("-", x, y, position) }
        return r
    case .multiply:
        let (r, o) = x.multipliedReportingOverflow(by: y)
        if o { throw overflow("*", x, y, position) }
        return r
    case .divide:
        if y == 0 { throw divisionByZero("division by zero", position) }
        let (r, o) = x.dividedReportingOverflow(by: y)
        if o { throw overflow("/", x, y, position) }
        return r
    case .remainder:
        if y == 0 { throw divisionByZero("division by zero in remainder operation", position) }
        let (r, o) = x.remainderReportingOverflow(dividingBy: y)
        if o { throw overflow("%", x, y, position) }
        return r
    case .bitAnd: return x & y
    case .bitOr: return x | y
    case .bitXor: return x ^ y
    // Swift's smart shifts: a negative count shifts the other way, a large one gives 0 (or -1).
    case .shiftLeft: return x << y
    case .shiftRight: return x >> y
    default:
        throw notIntArithmetic(op, position)
    }
}

@inline(never)
private func divisionByZero(_ message: String, _ position: Int) -> CellFailure {
    CellFailure(.runtime, message, at: position)
}

@inline(never)
private func notIntArithmetic(_ op: BinaryOperator, _ position: Int) -> CellFailure {
    CellFailure(.type, "binary operator '\(op.rawValue)' does not give an Int", at: position)
}

/// `x op y` for a comparison operator (any other compares equal-as-false; callers check `isComparison`).
@inline(__always)
func intComparison(_ op: BinaryOperator, _ x: Int, _ y: Int) -> Bool {
    switch op {
    case .equal: x == y
    case .notEqual: x != y
    case .less: x < y
    case .lessEqual: x <= y
    case .greater: x > y
    case .greaterEqual: x >= y
    default: false
    }
}

@inline(__always)
func doubleBinary(_ op: BinaryOperator, _ x: Double, _ y: Double, at position: Int) throws(CellFailure) -> Value {
    switch op {
    case .add: return .double(x + y)
    case .subtract: return .double(x - y)
    case .multiply: return .double(x * y)
    case .divide: return .double(x / y)
    case .remainder: return .double(x.truncatingRemainder(dividingBy: y))
    case .equal: return .bool(x == y)
    case .notEqual: return .bool(x != y)
    case .less: return .bool(x < y)
    case .lessEqual: return .bool(x <= y)
    case .greater: return .bool(x > y)
    case .greaterEqual: return .bool(x >= y)
    case .matmul: throw CellFailure(.type, "'•' needs tensors, got Double and Double", at: position)
    case .elementLess, .elementLessEqual, .elementGreater, .elementGreaterEqual, .elementEqual, .elementNotEqual:
        throw CellFailure(.type, "'\(op.rawValue)' compares tensors element by element; for Doubles use '\(op.rawValue.dropFirst())'", at: position)
    case .bitAnd, .bitOr, .bitXor, .shiftLeft, .shiftRight:
        throw CellFailure(.type, "binary operator '\(op.rawValue)' needs Int operands, got Double", at: position)
    }
}

/// Refuses a concatenation whose result would pass the session's size limit, before allocating it.
func checkGrowth(_ count: Int, _ limit: Int, _ unit: String, at position: Int) throws(CellFailure) {
    if count > limit {
        throw CellFailure(.resourceLimit, "\(count) \(unit) is more than the limit of \(limit)", at: position)
    }
}

/// Out of line, so the arithmetic that may need it stays small.
@inline(never)
private func overflow(_ op: String, _ x: Int, _ y: Int, _ position: Int) -> CellFailure {
    CellFailure(.runtime, "arithmetic overflow: \(x) \(op) \(y) does not fit in Int", at: position,
                notes: ["use Double for numbers this large"])
}

/// Structural equality for values without a library operator.
func valuesEqual(_ a: Value, _ b: Value) -> Bool {
    switch (a, b) {
    case (.void, .void), (.none, .none): return true
    case (.bool(let x), .bool(let y)): return x == y
    case (.int(let x), .int(let y)): return x == y
    case (.double(let x), .double(let y)): return x == y
    case (.int(let x), .double(let y)), (.double(let y), .int(let x)): return Double(x) == y
    case (.string(let x), .string(let y)): return x == y
    case (.array(let x), .array(let y)): return x.count == y.count && zip(x, y).allSatisfy { valuesEqual($0, $1) }
    case (.tuple(let x), .tuple(let y)):
        return x.elements.count == y.elements.count && zip(x.elements, y.elements).allSatisfy { valuesEqual($0, $1) }
    case (.range(let x), .range(let y)): return x == y
    case (.function(let x), .function(let y)): return x === y
    case (.object(let x), .object(let y)): return x === y
    default: return false
    }
}
