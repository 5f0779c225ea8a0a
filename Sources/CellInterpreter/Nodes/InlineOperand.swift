/// How a node reads an Int or Double operand: a variable's slot or a literal is read in place,
/// with no call of the operand's node (half the calls of `n - 1`, `i < n`, `a[j]`). The node
/// keeps the operand's node too, for every other case.
enum InlineOperand {
    case local(Int)
    case global(Int)
    case int(Int)
    case double(Double)
    /// Any other node: evaluated by calling it.
    case node

    init(_ e: Expr) {
        switch e {
        case let e as LocalGet: self = .local(e.slot)
        case let e as GlobalGet: self = .global(e.slot)
        case let e as IntConstant: self = .int(e.value)
        case let e as DoubleConstant: self = .double(e.value)
        default: self = .node
        }
    }

    @inline(__always)
    func int(_ e: Expr, _ cx: Context) throws(CellFailure) -> Int {
        switch self {
        case .local(let s):
            if case .int(let i) = cx.frame[s] { return i }
            throw internalMismatch("Int", cx.frame[s], e.position)
        case .global(let s):
            if case .int(let i) = cx.globals[s] { return i }
            throw internalMismatch("Int", cx.globals[s], e.position)
        case .int(let i):
            return i
        default:
            return try e.evalInt(cx)
        }
    }

    @inline(__always)
    func double(_ e: Expr, _ cx: Context) throws(CellFailure) -> Double {
        switch self {
        case .local(let s):
            if case .double(let d) = cx.frame[s] { return d }
            throw internalMismatch("Double", cx.frame[s], e.position)
        case .global(let s):
            if case .double(let d) = cx.globals[s] { return d }
            throw internalMismatch("Double", cx.globals[s], e.position)
        case .double(let d):
            return d
        default:
            return try e.evalDouble(cx)
        }
    }
}

/// How a node evaluates a value whose static type it was told: an Int or a Double through
/// `evalInt`/`evalDouble`, with no `Value` made by the child and copied by the parent.
enum ValueKind {
    case int, double, value

    init(_ type: CellType?) {
        switch type {
        case .int?: self = .int
        case .double?: self = .double
        default: self = .value
        }
    }

    @inline(__always)
    func eval(_ e: UnretainedExpr, _ cx: Context) throws(CellFailure) -> Value {
        switch self {
        case .int: .int(try e.evalInt(cx))
        case .double: .double(try e.evalDouble(cx))
        case .value: try e.eval(cx)
        }
    }
}
