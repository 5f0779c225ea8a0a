/// `a op b` for arithmetic and comparison operators.
final class BinaryExpr: Expr {
    let op: BinaryOperator
    let lhs: Expr
    let rhs: Expr

    init(_ op: BinaryOperator, _ lhs: Expr, _ rhs: Expr, position: Int) {
        self.op = op
        self.lhs = lhs
        self.rhs = rhs
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        let a = try lhs.eval(cx)
        let b = try rhs.eval(cx)
        if case .int(let x) = a, case .int(let y) = b { return try intBinary(op, x, y, at: position) }
        if case .double(let x) = a, case .double(let y) = b { return try doubleBinary(op, x, y, at: position) }
        return try applyBinary(op, a, b, registry: cx.registry, at: position, maxElements: cx.limits.maxElements)
    }
}

/// `n < 2`, `i % 2`, `n - 1`: a local variable and an integer literal, the commonest operands
/// in loops and recursions, read in place without evaluating two child nodes.
final class LocalConstantBinaryExpr: Expr {
    let op: BinaryOperator
    let slot: Int
    let constant: Int
    let general: BinaryExpr

    init(_ op: BinaryOperator, slot: Int, constant: Int, general: BinaryExpr) {
        self.op = op
        self.slot = slot
        self.constant = constant
        self.general = general
        super.init(position: general.position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        if case .int(let x) = cx.locals[slot] { return try intBinary(op, x, constant, at: position) }
        return try general.eval(cx)
    }
}

/// `a && b` and `a || b`, evaluating `b` only when needed.
final class LogicalExpr: Expr {
    let isAnd: Bool
    let lhs: Expr
    let rhs: Expr

    init(isAnd: Bool, _ lhs: Expr, _ rhs: Expr, position: Int) {
        self.isAnd = isAnd
        self.lhs = lhs
        self.rhs = rhs
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        let a = try condition(lhs, cx)
        if isAnd ? !a : a { return .bool(a) }
        return .bool(try condition(rhs, cx))
    }
}

/// Evaluates a condition, which must be a Bool (Swift has no truthiness).
@inline(__always)
func condition(_ e: Expr, _ cx: Context) throws(CellFailure) -> Bool {
    let v = try e.eval(cx)
    if case .bool(let b) = v { return b }
    throw CellFailure(.type, "a condition must be a Bool, got a value of type '\(v.typeName)'", at: e.position)
}

/// `-x`, `+x` and `!x`.
final class UnaryExpr: Expr {
    enum Op: String {
        case negate = "-", plus = "+", not = "!"
    }

    let op: Op
    let operand: Expr

    init(_ op: Op, _ operand: Expr, position: Int) {
        self.op = op
        self.operand = operand
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        let v = try operand.eval(cx)
        switch (op, v) {
        case (.negate, .int(let i)):
            guard i != Int.min else { throw CellFailure(.runtime, "arithmetic overflow: -(\(i)) does not fit in Int", at: position) }
            return .int(-i)
        case (.negate, .double(let d)): return .double(-d)
        case (.plus, .int), (.plus, .double): return v
        case (.not, .bool(let b)): return .bool(!b)
        case (.negate, .object): return try cx.registry.applyNegation(v, at: position)
        default:
            throw CellFailure(.type, "unary operator '\(op.rawValue)' cannot be applied to an operand of type '\(v.typeName)'", at: position)
        }
    }
}

/// `c ? a : b`.
final class TernaryExpr: Expr {
    let test: Expr
    let then: Expr
    let otherwise: Expr

    init(_ test: Expr, then: Expr, otherwise: Expr, position: Int) {
        self.test = test
        self.then = then
        self.otherwise = otherwise
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        try condition(test, cx) ? then.eval(cx) : otherwise.eval(cx)
    }
}
