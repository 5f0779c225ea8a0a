/// Arithmetic and comparisons on Ints, Doubles and Bools, each its own node so that a
/// parent of known type runs it through `evalInt`/`evalDouble`/`evalBool` with no `Value` built.
/// Int arithmetic traps on overflow and division by zero, as Swift does.

class BinaryExpr: Expr {
    let lhs: Expr
    let rhs: Expr
    /// The operands as the operation reads them: a variable's slot or a literal is read in
    /// place, with no call of the operand's node (half the calls of `n - 1` and `i < n`).
    private let left: InlineOperand
    private let right: InlineOperand

    init(_ lhs: Expr, _ rhs: Expr, position: Int) {
        self.lhs = lhs
        self.rhs = rhs
        left = InlineOperand(lhs)
        right = InlineOperand(rhs)
        super.init(position: position)
    }

    @inline(__always) final func leftInt(_ cx: Context) throws(CellFailure) -> Int { try left.int(lhs, cx) }
    @inline(__always) final func rightInt(_ cx: Context) throws(CellFailure) -> Int { try right.int(rhs, cx) }
    @inline(__always) final func leftDouble(_ cx: Context) throws(CellFailure) -> Double { try left.double(lhs, cx) }
    @inline(__always) final func rightDouble(_ cx: Context) throws(CellFailure) -> Double { try right.double(rhs, cx) }
}

@inline(never)
func overflow(_ op: String, _ x: Int, _ y: Int, _ position: Int) -> CellFailure {
    CellFailure(.runtime, "Fatal error: arithmetic overflow: \(x) \(op) \(y) does not fit in Int", at: position,
                notes: ["use Double for numbers this large, or &\(op) to wrap around"])
}

@inline(never)
func divisionByZero(_ remainder: Bool, _ position: Int) -> CellFailure {
    CellFailure(.runtime, remainder ? "Fatal error: Division by zero in remainder operation" : "Fatal error: Division by zero", at: position)
}

final class IntAdd: BinaryExpr {
    override func eval(_ cx: Context) throws(CellFailure) -> Value { .int(try evalInt(cx)) }
    override func evalInt(_ cx: Context) throws(CellFailure) -> Int {
        let x = try leftInt(cx), y = try rightInt(cx)
        let (r, o) = x.addingReportingOverflow(y)
        if o { throw overflow("+", x, y, position) }
        return r
    }
}

final class IntSubtract: BinaryExpr {
    override func eval(_ cx: Context) throws(CellFailure) -> Value { .int(try evalInt(cx)) }
    override func evalInt(_ cx: Context) throws(CellFailure) -> Int {
        let x = try leftInt(cx), y = try rightInt(cx)
        let (r, o) = x.subtractingReportingOverflow(y)
        if o { throw overflow("-", x, y, position) }
        return r
    }
}

final class IntMultiply: BinaryExpr {
    override func eval(_ cx: Context) throws(CellFailure) -> Value { .int(try evalInt(cx)) }
    override func evalInt(_ cx: Context) throws(CellFailure) -> Int {
        let x = try leftInt(cx), y = try rightInt(cx)
        let (r, o) = x.multipliedReportingOverflow(by: y)
        if o { throw overflow("*", x, y, position) }
        return r
    }
}

final class IntDivide: BinaryExpr {
    override func eval(_ cx: Context) throws(CellFailure) -> Value { .int(try evalInt(cx)) }
    override func evalInt(_ cx: Context) throws(CellFailure) -> Int {
        let x = try leftInt(cx), y = try rightInt(cx)
        if y == 0 { throw divisionByZero(false, position) }
        let (r, o) = x.dividedReportingOverflow(by: y)
        if o { throw overflow("/", x, y, position) }
        return r
    }
}

final class IntRemainder: BinaryExpr {
    override func eval(_ cx: Context) throws(CellFailure) -> Value { .int(try evalInt(cx)) }
    override func evalInt(_ cx: Context) throws(CellFailure) -> Int {
        let x = try leftInt(cx), y = try rightInt(cx)
        if y == 0 { throw divisionByZero(true, position) }
        let (r, o) = x.remainderReportingOverflow(dividingBy: y)
        if o { throw overflow("%", x, y, position) }
        return r
    }
}

final class IntBitAnd: BinaryExpr {
    override func eval(_ cx: Context) throws(CellFailure) -> Value { .int(try evalInt(cx)) }
    override func evalInt(_ cx: Context) throws(CellFailure) -> Int {
        let x = try leftInt(cx), y = try rightInt(cx)
        return x & y
    }
}

final class IntBitOr: BinaryExpr {
    override func eval(_ cx: Context) throws(CellFailure) -> Value { .int(try evalInt(cx)) }
    override func evalInt(_ cx: Context) throws(CellFailure) -> Int {
        let x = try leftInt(cx), y = try rightInt(cx)
        return x | y
    }
}

final class IntBitXor: BinaryExpr {
    override func eval(_ cx: Context) throws(CellFailure) -> Value { .int(try evalInt(cx)) }
    override func evalInt(_ cx: Context) throws(CellFailure) -> Int {
        let x = try leftInt(cx), y = try rightInt(cx)
        return x ^ y
    }
}

final class IntShiftLeft: BinaryExpr {
    override func eval(_ cx: Context) throws(CellFailure) -> Value { .int(try evalInt(cx)) }
    override func evalInt(_ cx: Context) throws(CellFailure) -> Int {
        let x = try leftInt(cx), y = try rightInt(cx)
        return x << y
    }
}

final class IntShiftRight: BinaryExpr {
    override func eval(_ cx: Context) throws(CellFailure) -> Value { .int(try evalInt(cx)) }
    override func evalInt(_ cx: Context) throws(CellFailure) -> Int {
        let x = try leftInt(cx), y = try rightInt(cx)
        return x >> y
    }
}

final class IntWrappingAdd: BinaryExpr {
    override func eval(_ cx: Context) throws(CellFailure) -> Value { .int(try evalInt(cx)) }
    override func evalInt(_ cx: Context) throws(CellFailure) -> Int {
        let x = try leftInt(cx), y = try rightInt(cx)
        return x &+ y
    }
}

final class IntWrappingSubtract: BinaryExpr {
    override func eval(_ cx: Context) throws(CellFailure) -> Value { .int(try evalInt(cx)) }
    override func evalInt(_ cx: Context) throws(CellFailure) -> Int {
        let x = try leftInt(cx), y = try rightInt(cx)
        return x &- y
    }
}

final class IntWrappingMultiply: BinaryExpr {
    override func eval(_ cx: Context) throws(CellFailure) -> Value { .int(try evalInt(cx)) }
    override func evalInt(_ cx: Context) throws(CellFailure) -> Int {
        let x = try leftInt(cx), y = try rightInt(cx)
        return x &* y
    }
}

final class IntLess: BinaryExpr {
    override func eval(_ cx: Context) throws(CellFailure) -> Value { .bool(try evalBool(cx)) }
    override func evalBool(_ cx: Context) throws(CellFailure) -> Bool {
        let x = try leftInt(cx), y = try rightInt(cx)
        return x < y
    }
}

final class IntLessEqual: BinaryExpr {
    override func eval(_ cx: Context) throws(CellFailure) -> Value { .bool(try evalBool(cx)) }
    override func evalBool(_ cx: Context) throws(CellFailure) -> Bool {
        let x = try leftInt(cx), y = try rightInt(cx)
        return x <= y
    }
}

final class IntGreater: BinaryExpr {
    override func eval(_ cx: Context) throws(CellFailure) -> Value { .bool(try evalBool(cx)) }
    override func evalBool(_ cx: Context) throws(CellFailure) -> Bool {
        let x = try leftInt(cx), y = try rightInt(cx)
        return x > y
    }
}

final class IntGreaterEqual: BinaryExpr {
    override func eval(_ cx: Context) throws(CellFailure) -> Value { .bool(try evalBool(cx)) }
    override func evalBool(_ cx: Context) throws(CellFailure) -> Bool {
        let x = try leftInt(cx), y = try rightInt(cx)
        return x >= y
    }
}

final class IntEqual: BinaryExpr {
    override func eval(_ cx: Context) throws(CellFailure) -> Value { .bool(try evalBool(cx)) }
    override func evalBool(_ cx: Context) throws(CellFailure) -> Bool {
        let x = try leftInt(cx), y = try rightInt(cx)
        return x == y
    }
}

final class IntNotEqual: BinaryExpr {
    override func eval(_ cx: Context) throws(CellFailure) -> Value { .bool(try evalBool(cx)) }
    override func evalBool(_ cx: Context) throws(CellFailure) -> Bool {
        let x = try leftInt(cx), y = try rightInt(cx)
        return x != y
    }
}

final class DoubleLess: BinaryExpr {
    override func eval(_ cx: Context) throws(CellFailure) -> Value { .bool(try evalBool(cx)) }
    override func evalBool(_ cx: Context) throws(CellFailure) -> Bool {
        let x = try leftDouble(cx), y = try rightDouble(cx)
        return x < y
    }
}

final class DoubleLessEqual: BinaryExpr {
    override func eval(_ cx: Context) throws(CellFailure) -> Value { .bool(try evalBool(cx)) }
    override func evalBool(_ cx: Context) throws(CellFailure) -> Bool {
        let x = try leftDouble(cx), y = try rightDouble(cx)
        return x <= y
    }
}

final class DoubleGreater: BinaryExpr {
    override func eval(_ cx: Context) throws(CellFailure) -> Value { .bool(try evalBool(cx)) }
    override func evalBool(_ cx: Context) throws(CellFailure) -> Bool {
        let x = try leftDouble(cx), y = try rightDouble(cx)
        return x > y
    }
}

final class DoubleGreaterEqual: BinaryExpr {
    override func eval(_ cx: Context) throws(CellFailure) -> Value { .bool(try evalBool(cx)) }
    override func evalBool(_ cx: Context) throws(CellFailure) -> Bool {
        let x = try leftDouble(cx), y = try rightDouble(cx)
        return x >= y
    }
}

final class DoubleEqual: BinaryExpr {
    override func eval(_ cx: Context) throws(CellFailure) -> Value { .bool(try evalBool(cx)) }
    override func evalBool(_ cx: Context) throws(CellFailure) -> Bool {
        let x = try leftDouble(cx), y = try rightDouble(cx)
        return x == y
    }
}

final class DoubleNotEqual: BinaryExpr {
    override func eval(_ cx: Context) throws(CellFailure) -> Value { .bool(try evalBool(cx)) }
    override func evalBool(_ cx: Context) throws(CellFailure) -> Bool {
        let x = try leftDouble(cx), y = try rightDouble(cx)
        return x != y
    }
}

final class DoubleAdd: BinaryExpr {
    override func eval(_ cx: Context) throws(CellFailure) -> Value { .double(try evalDouble(cx)) }
    override func evalDouble(_ cx: Context) throws(CellFailure) -> Double {
        let x = try leftDouble(cx), y = try rightDouble(cx)
        return x + y
    }
}

final class DoubleSubtract: BinaryExpr {
    override func eval(_ cx: Context) throws(CellFailure) -> Value { .double(try evalDouble(cx)) }
    override func evalDouble(_ cx: Context) throws(CellFailure) -> Double {
        let x = try leftDouble(cx), y = try rightDouble(cx)
        return x - y
    }
}

final class DoubleMultiply: BinaryExpr {
    override func eval(_ cx: Context) throws(CellFailure) -> Value { .double(try evalDouble(cx)) }
    override func evalDouble(_ cx: Context) throws(CellFailure) -> Double {
        let x = try leftDouble(cx), y = try rightDouble(cx)
        return x * y
    }
}

final class DoubleDivide: BinaryExpr {
    override func eval(_ cx: Context) throws(CellFailure) -> Value { .double(try evalDouble(cx)) }
    override func evalDouble(_ cx: Context) throws(CellFailure) -> Double {
        let x = try leftDouble(cx), y = try rightDouble(cx)
        return x / y
    }
}

final class BoolEqual: BinaryExpr {
    override func eval(_ cx: Context) throws(CellFailure) -> Value { .bool(try evalBool(cx)) }
    override func evalBool(_ cx: Context) throws(CellFailure) -> Bool {
        let x = try lhs.evalBool(cx), y = try rhs.evalBool(cx)
        return x == y
    }
}

final class BoolNotEqual: BinaryExpr {
    override func eval(_ cx: Context) throws(CellFailure) -> Value { .bool(try evalBool(cx)) }
    override func evalBool(_ cx: Context) throws(CellFailure) -> Bool {
        let x = try lhs.evalBool(cx), y = try rhs.evalBool(cx)
        return x != y
    }
}

/// `a && b`: `b` only when `a` is true.
final class LogicalAnd: BinaryExpr {
    override func eval(_ cx: Context) throws(CellFailure) -> Value { .bool(try evalBool(cx)) }
    /// The right operand runs only when the left is true (`j >= 0 && a[j] > key`).
    override func evalBool(_ cx: Context) throws(CellFailure) -> Bool {
        guard try lhs.evalBool(cx) else { return false }
        return try rhs.evalBool(cx)
    }
}

final class LogicalOr: BinaryExpr {
    override func eval(_ cx: Context) throws(CellFailure) -> Value { .bool(try evalBool(cx)) }
    /// The right operand runs only when the left is false.
    override func evalBool(_ cx: Context) throws(CellFailure) -> Bool {
        if try lhs.evalBool(cx) { return true }
        return try rhs.evalBool(cx)
    }
}

class UnaryExpr: Expr {
    let operand: Expr

    init(_ operand: Expr, position: Int) {
        self.operand = operand
        super.init(position: position)
    }
}

final class LogicalNot: UnaryExpr {
    override func eval(_ cx: Context) throws(CellFailure) -> Value { .bool(try evalBool(cx)) }
    override func evalBool(_ cx: Context) throws(CellFailure) -> Bool { !(try operand.evalBool(cx)) }
}

final class IntNegate: UnaryExpr {
    override func eval(_ cx: Context) throws(CellFailure) -> Value { .int(try evalInt(cx)) }
    override func evalInt(_ cx: Context) throws(CellFailure) -> Int {
        let x = try operand.evalInt(cx)
        if x == Int.min {
            throw CellFailure(.runtime, "Fatal error: arithmetic overflow: -(\(x)) does not fit in Int", at: position,
                              notes: ["use Double for numbers this large, or 0 &- x to wrap around"])
        }
        return -x
    }
}

final class IntBitNot: UnaryExpr {
    override func eval(_ cx: Context) throws(CellFailure) -> Value { .int(try evalInt(cx)) }
    override func evalInt(_ cx: Context) throws(CellFailure) -> Int { ~(try operand.evalInt(cx)) }
}

final class DoubleNegate: UnaryExpr {
    override func eval(_ cx: Context) throws(CellFailure) -> Value { .double(try evalDouble(cx)) }
    override func evalDouble(_ cx: Context) throws(CellFailure) -> Double { -(try operand.evalDouble(cx)) }
}

/// `Double(n)`.
final class IntToDouble: UnaryExpr {
    override func eval(_ cx: Context) throws(CellFailure) -> Value { .double(try evalDouble(cx)) }
    override func evalDouble(_ cx: Context) throws(CellFailure) -> Double { Double(try operand.evalInt(cx)) }
}

/// `Int(x)`: truncates toward zero; a value out of Int's range stops the cell, as in Swift.
final class DoubleToInt: UnaryExpr {
    override func eval(_ cx: Context) throws(CellFailure) -> Value { .int(try evalInt(cx)) }
    override func evalInt(_ cx: Context) throws(CellFailure) -> Int {
        let d = try operand.evalDouble(cx)
        return try doubleToInt(d, at: position)
    }
}

@inline(__always)
func doubleToInt(_ d: Double, at position: Int) throws(CellFailure) -> Int {
    guard d.isFinite else {
        throw CellFailure(.runtime, "Fatal error: Double value cannot be converted to Int because it is either infinite or NaN", at: position)
    }
    guard d > -9223372036854775809.0 && d < 9223372036854775808.0 else {
        throw CellFailure(.runtime, "Fatal error: Double value cannot be converted to Int because the result would be greater than Int.max",
                          at: position)
    }
    return Int(d)
}

/// `sqrt(x)` and its kind: a Double function of a Double, applied in place.
final class DoubleFunction: UnaryExpr {
    let function: (Double) -> Double

    init(_ operand: Expr, function: @escaping (Double) -> Double, position: Int) {
        self.function = function
        super.init(operand, position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value { .double(try evalDouble(cx)) }
    override func evalDouble(_ cx: Context) throws(CellFailure) -> Double { function(try operand.evalDouble(cx)) }
}

/// `a + b` of Strings.
final class StringConcat: BinaryExpr {
    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        guard case .string(let a) = try lhs.eval(cx) else { throw internalMismatch("String", .void, position) }
        guard case .string(let b) = try rhs.eval(cx) else { throw internalMismatch("String", .void, position) }
        let total = a.utf8.count + b.utf8.count
        if total > cx.limits.maxElements {
            throw CellFailure(.resourceLimit, "\(total) characters is more than the limit of \(cx.limits.maxElements)", at: position)
        }
        return .string(a + b)
    }
}

/// A conditional expression `c ? a : b`.
final class TernaryExpr: Expr {
    let condition: Expr
    let whenTrue: Expr
    let whenFalse: Expr

    /// `condition` as the branch evaluates it (a comparison made in place).
    private let test: InlineCondition

    init(_ condition: Expr, _ whenTrue: Expr, _ whenFalse: Expr, position: Int) {
        self.condition = condition
        self.whenTrue = whenTrue
        self.whenFalse = whenFalse
        test = InlineCondition(condition)
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        if try test.evaluate(cx) { return try whenTrue.eval(cx) }
        return try whenFalse.eval(cx)
    }

    override func evalInt(_ cx: Context) throws(CellFailure) -> Int {
        if try test.evaluate(cx) { return try whenTrue.evalInt(cx) }
        return try whenFalse.evalInt(cx)
    }

    override func evalDouble(_ cx: Context) throws(CellFailure) -> Double {
        if try test.evaluate(cx) { return try whenTrue.evalDouble(cx) }
        return try whenFalse.evalDouble(cx)
    }

    override func evalBool(_ cx: Context) throws(CellFailure) -> Bool {
        if try test.evaluate(cx) { return try whenTrue.evalBool(cx) }
        return try whenFalse.evalBool(cx)
    }
}
