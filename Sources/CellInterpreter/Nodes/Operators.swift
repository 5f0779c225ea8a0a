/// `a op b` for arithmetic and comparison operators.
final class BinaryExpr: Expr {
    let op: BinaryOperator
    let lhs: Expr
    let rhs: Expr

    /// Both operands are known Ints: evaluated as such, with no `Value` in between.
    let intOperands: Bool

    init(_ op: BinaryOperator, _ lhs: Expr, _ rhs: Expr, position: Int) {
        self.op = op
        self.lhs = lhs
        self.rhs = rhs
        intOperands = lhs.staticKind == .int && rhs.staticKind == .int && op.appliesToInts
        super.init(position: position)
        if intOperands { staticKind = op.isComparison ? .bool : .int }
    }

    override func evalInt(_ cx: Context) throws(CellFailure) -> Int {
        guard intOperands else { return try super.evalInt(cx) }
        return try intArithmetic(op, try lhs.evalInt(cx), try rhs.evalInt(cx), at: position)
    }

    override func evalBool(_ cx: Context) throws(CellFailure) -> Bool {
        guard intOperands else { return try super.evalBool(cx) }
        return intComparison(op, try lhs.evalInt(cx), try rhs.evalInt(cx))
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        if intOperands { return op.isComparison ? .bool(try evalBool(cx)) : .int(try evalInt(cx)) }
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
        staticKind = general.staticKind
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        if case .int(let x) = cx.locals[slot] { return try intBinary(op, x, constant, at: position) }
        return try general.eval(cx)
    }

    override func evalInt(_ cx: Context) throws(CellFailure) -> Int { try intValue(cx) }

    override func evalBool(_ cx: Context) throws(CellFailure) -> Bool { try truth(cx) }

    /// `evalInt`, inlined where a parent holds this node by its own type (arguments, tests).
    @inline(__always)
    func intValue(_ cx: Context) throws(CellFailure) -> Int {
        if case .int(let x) = cx.locals[slot], op.appliesToInts, !op.isComparison {
            return try intArithmetic(op, x, constant, at: position)
        }
        return try general.evalInt(cx)
    }

    /// `evalBool`, inlined likewise.
    @inline(__always)
    func truth(_ cx: Context) throws(CellFailure) -> Bool {
        if case .int(let x) = cx.locals[slot], op.isComparison { return intComparison(op, x, constant) }
        return try general.evalBool(cx)
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
        staticKind = .bool
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        .bool(try evalBool(cx))
    }

    override func evalBool(_ cx: Context) throws(CellFailure) -> Bool {
        let a = try lhs.evalBool(cx)
        if isAnd ? !a : a { return a }
        return try rhs.evalBool(cx)
    }
}

/// Evaluates a condition, which must be a Bool (Swift has no truthiness).
@inline(__always)
func condition(_ e: Expr, _ cx: Context) throws(CellFailure) -> Bool {
    try e.evalBool(cx)
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
        if op == .negate, operand.staticKind == .int { staticKind = .int }
        if op == .not { staticKind = .bool }
    }

    override func evalInt(_ cx: Context) throws(CellFailure) -> Int {
        guard op == .negate, operand.staticKind == .int else { return try super.evalInt(cx) }
        let i = try operand.evalInt(cx)
        guard i != Int.min else { throw CellFailure(.runtime, "arithmetic overflow: -(\(i)) does not fit in Int", at: position) }
        return -i
    }

    override func evalBool(_ cx: Context) throws(CellFailure) -> Bool {
        guard op == .not else { return try super.evalBool(cx) }
        let v = try operand.eval(cx)
        if case .bool(let b) = v { return !b }
        throw CellFailure(.type, "unary operator '!' cannot be applied to an operand of type '\(v.typeName)'", at: position)
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

    /// The test when it compares a local with an Int literal (`n < 2`), done in place.
    /// Unretained: `test` owns it.
    private let comparison: Unmanaged<LocalConstantBinaryExpr>?

    init(_ test: Expr, then: Expr, otherwise: Expr, position: Int) {
        self.test = test
        self.then = then
        self.otherwise = otherwise
        comparison = (test as? LocalConstantBinaryExpr).flatMap { $0.op.isComparison ? Unmanaged.passUnretained($0) : nil }
        super.init(position: position)
        if then.staticKind == otherwise.staticKind { staticKind = then.staticKind }
    }

    @inline(__always)
    private func holds(_ cx: Context) throws(CellFailure) -> Bool {
        if let comparison {
            do { return try comparison._withUnsafeGuaranteedRef { try $0.truth(cx) } } catch { throw error as! CellFailure }
        }
        return try test.evalBool(cx)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        try holds(cx) ? then.eval(cx) : otherwise.eval(cx)
    }

    override func evalInt(_ cx: Context) throws(CellFailure) -> Int {
        try holds(cx) ? then.evalInt(cx) : otherwise.evalInt(cx)
    }

    override func evalBool(_ cx: Context) throws(CellFailure) -> Bool {
        try holds(cx) ? then.evalBool(cx) : otherwise.evalBool(cx)
    }
}
