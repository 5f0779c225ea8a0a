/// A pattern at run time: matches a value, binding what it names.
class PatternNode {
    let position: Int

    init(position: Int) {
        self.position = position
    }

    func match(_ v: Value, _ cx: Context) throws(CellFailure) -> Bool {
        fatalError("\(type(of: self)) does not implement match")
    }
}

final class WildcardPattern: PatternNode {
    override func match(_ v: Value, _ cx: Context) throws(CellFailure) -> Bool { true }
}

final class BindingPattern: PatternNode {
    let storage: VariableStorage

    init(_ storage: VariableStorage, position: Int) {
        self.storage = storage
        super.init(position: position)
    }

    override func match(_ v: Value, _ cx: Context) throws(CellFailure) -> Bool {
        store(v, into: storage, cx, declaring: true)
        return true
    }
}

final class TuplePattern: PatternNode {
    let elements: [PatternNode]

    init(_ elements: [PatternNode], position: Int) {
        self.elements = elements
        super.init(position: position)
    }

    override func match(_ v: Value, _ cx: Context) throws(CellFailure) -> Bool {
        guard case .tuple(let parts) = v, parts.count == elements.count else { return false }
        for (p, part) in zip(elements, parts) where !(try p.match(part, cx)) { return false }
        return true
    }
}

/// `case 1:`, `case 0..<10:`: the pattern's value `~=` the matched value.
final class ExpressionPattern: PatternNode {
    let value: Expr
    /// The `~=` call, reading the pattern's value and the matched value from the context.
    let test: Expr

    init(value: Expr, test: Expr, position: Int) {
        self.value = value
        self.test = test
        super.init(position: position)
    }

    override func match(_ v: Value, _ cx: Context) throws(CellFailure) -> Bool {
        let patternValue = try value.eval(cx)
        let savedMatched = cx.matchedValue, savedOperand = cx.operandValue
        cx.matchedValue = v
        cx.operandValue = patternValue
        defer {
            cx.matchedValue = savedMatched
            cx.operandValue = savedOperand
        }
        return try test.evalBool(cx)
    }
}

final class EnumCasePattern: PatternNode {
    let index: Int
    let payload: PatternNode?
    /// Associated values matched as one tuple (more than one of them).
    let payloadIsTuple: Bool

    init(index: Int, payload: PatternNode?, payloadIsTuple: Bool, position: Int) {
        self.index = index
        self.payload = payload
        self.payloadIsTuple = payloadIsTuple
        super.init(position: position)
    }

    override func match(_ v: Value, _ cx: Context) throws(CellFailure) -> Bool {
        guard case .enumValue(let tag, let values) = v, tag == index else { return false }
        guard let payload else { return true }
        guard let values else { return false }
        return try payload.match(payloadIsTuple ? .tuple(values) : values[0], cx)
    }
}

/// `nil` / `.none`.
final class NonePattern: PatternNode {
    override func match(_ v: Value, _ cx: Context) throws(CellFailure) -> Bool {
        if case .none = v { return true }
        return false
    }
}

/// `x?`, `.some(x)`.
final class SomePattern: PatternNode {
    let inner: PatternNode
    let wrapped: CellType

    init(_ inner: PatternNode, wrapped: CellType, position: Int) {
        self.inner = inner
        self.wrapped = wrapped
        super.init(position: position)
    }

    override func match(_ v: Value, _ cx: Context) throws(CellFailure) -> Bool {
        if case .none = v { return false }
        return try inner.match(unwrapOptional(v, wrappedIsOptional: cx.concrete(wrapped).isOptional), cx)
    }
}

/// `is T`, and `let x as T`.
final class CastPattern: PatternNode {
    let inner: PatternNode?
    let from: CellType
    let target: CellType

    init(_ inner: PatternNode?, from: CellType, target: CellType, position: Int) {
        self.inner = inner
        self.from = from
        self.target = target
        super.init(position: position)
    }

    override func match(_ v: Value, _ cx: Context) throws(CellFailure) -> Bool {
        guard let c = cast(v, from: cx.concrete(from), to: cx.concrete(target), cx) else { return false }
        return try inner?.match(c, cx) ?? true
    }
}

/// Binds a `let (a, b) = e` / `for (i, x) in …` pattern (always matches).
final class PatternBindingStmt: Stmt {
    let pattern: PatternNode
    let value: Expr

    init(_ pattern: PatternNode, value: Expr, position: Int) {
        self.pattern = pattern
        self.value = value
        super.init(position: position)
    }

    override func exec(_ cx: Context) throws(CellFailure) -> Flow {
        _ = try pattern.match(try value.eval(cx), cx)
        return .normal
    }
}

/// The right operand kept aside by a compound assignment or an expression pattern.
final class OperandValueExpr: Expr {
    override func eval(_ cx: Context) throws(CellFailure) -> Value { cx.operandValue }

    override func evalInt(_ cx: Context) throws(CellFailure) -> Int {
        if case .int(let i) = cx.operandValue { return i }
        throw internalMismatch("Int", cx.operandValue, position)
    }

    override func evalDouble(_ cx: Context) throws(CellFailure) -> Double {
        if case .double(let d) = cx.operandValue { return d }
        throw internalMismatch("Double", cx.operandValue, position)
    }
}
