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
    func int(_ e: UnretainedExpr, _ cx: Context) throws(CellFailure) -> Int {
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
    func double(_ e: UnretainedExpr, _ cx: Context) throws(CellFailure) -> Double {
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

    /// The same readers for an operand node held strongly.
    @inline(__always)
    func int(_ e: Expr, _ cx: Context) throws(CellFailure) -> Int { try int(UnretainedExpr(e), cx) }

    @inline(__always)
    func double(_ e: Expr, _ cx: Context) throws(CellFailure) -> Double { try double(UnretainedExpr(e), cx) }
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

/// How a branch (`?:`, `if`, `while`) evaluates its Bool condition: a comparison of two Ints or
/// two Doubles is made in the branch itself, with its operands read in place where they are
/// variables or literals, instead of by a call of the comparison's node (one call fewer for
/// every `n < 2`). Any other condition is called as it is.
///
/// Every field is trivial (nodes unretained: the branch keeps its condition, and the comparison
/// its operands), so a branch copies it for free; with strong references, copying it on every
/// `if` doubled mandelbrot's instructions.
struct InlineCondition {
    private enum Comparison {
        case less, lessEqual, greater, greaterEqual, equal, notEqual
    }
    private enum Form {
        case node
        case int(Comparison)
        case double(Comparison)
    }
    private let form: Form
    /// The condition's node, and its operands' nodes when it is a comparison.
    private let node: UnretainedExpr
    private let lhs: UnretainedExpr
    private let rhs: UnretainedExpr
    private let left: InlineOperand
    private let right: InlineOperand

    init(_ condition: Expr) {
        node = UnretainedExpr(condition)
        let comparison: (Form, BinaryExpr)? = switch condition {
        case let e as IntLess: (.int(.less), e)
        case let e as IntLessEqual: (.int(.lessEqual), e)
        case let e as IntGreater: (.int(.greater), e)
        case let e as IntGreaterEqual: (.int(.greaterEqual), e)
        case let e as IntEqual: (.int(.equal), e)
        case let e as IntNotEqual: (.int(.notEqual), e)
        case let e as DoubleLess: (.double(.less), e)
        case let e as DoubleLessEqual: (.double(.lessEqual), e)
        case let e as DoubleGreater: (.double(.greater), e)
        case let e as DoubleGreaterEqual: (.double(.greaterEqual), e)
        case let e as DoubleEqual: (.double(.equal), e)
        case let e as DoubleNotEqual: (.double(.notEqual), e)
        default: nil
        }
        let operands = comparison.map { ($0.1.lhs, $0.1.rhs) } ?? (condition, condition)
        form = comparison?.0 ?? .node
        lhs = UnretainedExpr(operands.0)
        rhs = UnretainedExpr(operands.1)
        left = InlineOperand(operands.0)
        right = InlineOperand(operands.1)
    }

    @inline(__always)
    func evaluate(_ cx: Context) throws(CellFailure) -> Bool {
        switch form {
        case .node:
            return try node.evalBool(cx)
        case .int(let c):
            let x = try left.int(lhs, cx), y = try right.int(rhs, cx)
            switch c {
            case .less: return x < y
            case .lessEqual: return x <= y
            case .greater: return x > y
            case .greaterEqual: return x >= y
            case .equal: return x == y
            case .notEqual: return x != y
            }
        case .double(let c):
            let x = try left.double(lhs, cx), y = try right.double(rhs, cx)
            switch c {
            case .less: return x < y
            case .lessEqual: return x <= y
            case .greater: return x > y
            case .greaterEqual: return x >= y
            case .equal: return x == y
            case .notEqual: return x != y
            }
        }
    }
}
