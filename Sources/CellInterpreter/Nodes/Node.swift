/// The runnable tree. A checked cell is lowered once into these nodes (names bound to slots,
/// calls to their targets, every operation chosen by the static types), then run; nothing looks
/// at syntax or types while running, except generic code asking what its type arguments are.
/// Nodes whose static type is Int, Double or Bool evaluate through `evalInt`/`evalDouble`/
/// `evalBool` as well, so arithmetic runs on plain numbers with no `Value` in between.
class Expr {
    /// UTF-8 offset of the node in its cell's code, for error messages.
    let position: Int

    init(position: Int) {
        self.position = position
    }

    func eval(_ cx: Context) throws(CellFailure) -> Value {
        fatalError("\(type(of: self)) does not implement eval")
    }

    /// Evaluates the expression for its effect only (an expression statement): assignments
    /// override it, to do their work without making a `()` value to throw away.
    func run(_ cx: Context) throws(CellFailure) {
        _ = try eval(cx)
    }

    func evalInt(_ cx: Context) throws(CellFailure) -> Int {
        let v = try eval(cx)
        if case .int(let i) = v { return i }
        throw internalMismatch("Int", v, position)
    }

    func evalDouble(_ cx: Context) throws(CellFailure) -> Double {
        let v = try eval(cx)
        if case .double(let d) = v { return d }
        throw internalMismatch("Double", v, position)
    }

    func evalBool(_ cx: Context) throws(CellFailure) -> Bool {
        let v = try eval(cx)
        if case .bool(let b) = v { return b }
        throw internalMismatch("Bool", v, position)
    }
}

/// A value of the wrong shape where the static type promised another: a bug in Lectern, or a
/// variable read while lent out to an `inout` access (Swift's exclusivity violation).
@inline(never)
func internalMismatch(_ expected: String, _ v: Value, _ position: Int) -> CellFailure {
    if case .uninitialized = v {
        return CellFailure(.runtime, "variable used before being initialized (or while it is being modified)", at: position)
    }
    return CellFailure(.runtime, "internal error: expected a value of type \(expected)", at: position)
}

class Stmt {
    let position: Int

    init(position: Int) {
        self.position = position
    }

    func exec(_ cx: Context) throws(CellFailure) -> Flow {
        fatalError("\(type(of: self)) does not implement exec")
    }
}

/// Runs statements in order, stopping at the first that unwinds.
final class BlockStmt: Stmt {
    let statements: [Stmt]
    /// `statements` as they run, unretained (see `UnretainedExpr`); an expression statement's
    /// expression is run directly, one call fewer per statement.
    private let running: [Item]

    private enum Item {
        case statement(UnretainedStmt)
        case expression(UnretainedExpr)
    }

    init(_ statements: [Stmt], position: Int) {
        self.statements = statements
        running = statements.map { s in
            if let e = s as? ExprStmt { return .expression(UnretainedExpr(e.expr)) }
            return .statement(UnretainedStmt(s))
        }
        super.init(position: position)
    }

    override func exec(_ cx: Context) throws(CellFailure) -> Flow {
        for item in running {
            switch item {
            case .expression(let e):
                try e.run(cx)
            case .statement(let s):
                let flow = try s.exec(cx)
                if case .normal = flow { continue }
                return flow
            }
        }
        return .normal
    }
}

/// A block with `defer` statements: each deferred body runs when the block is left, last first,
/// however it is left.
final class DeferringBlockStmt: Stmt {
    let statements: [Stmt]
    /// For each statement, the deferred body it registers (nil for other statements).
    let deferred: [Stmt?]

    init(_ statements: [Stmt], deferred: [Stmt?], position: Int) {
        self.statements = statements
        self.deferred = deferred
        super.init(position: position)
    }

    override func exec(_ cx: Context) throws(CellFailure) -> Flow {
        var registered: [Stmt] = []
        var result = Flow.normal
        var failure: CellFailure?
        for (i, statement) in statements.enumerated() {
            if let body = deferred[i] {
                registered.append(body)
                continue
            }
            do throws(CellFailure) {
                let flow = try statement.exec(cx)
                if case .normal = flow { continue }
                result = flow
            } catch {
                failure = error
            }
            break
        }
        let savedReturn = cx.returnValue
        for body in registered.reversed() { _ = try body.exec(cx) }
        cx.returnValue = savedReturn
        if let failure { throw failure }
        return result
    }
}

/// An expression whose value is dropped.
final class ExprStmt: Stmt {
    let expr: Expr
    /// `expr`, run unretained (see `UnretainedExpr`).
    private let running: UnretainedExpr

    init(_ expr: Expr) {
        self.expr = expr
        running = UnretainedExpr(expr)
        super.init(position: expr.position)
    }

    override func exec(_ cx: Context) throws(CellFailure) -> Flow {
        try running.run(cx)
        return .normal
    }
}

/// A top-level expression statement: its value is shown under the cell.
final class DisplayStmt: Stmt {
    let expr: Expr
    let type: CellType

    init(_ expr: Expr, type: CellType) {
        self.expr = expr
        self.type = type
        super.init(position: expr.position)
    }

    override func exec(_ cx: Context) throws(CellFailure) -> Flow {
        let value = try expr.eval(cx)
        try cx.display(value, type: type, at: position)
        return .normal
    }
}

/// A constant.
final class ConstantExpr: Expr {
    let value: Value

    init(_ value: Value, position: Int) {
        self.value = value
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value { value }
}

final class IntConstant: Expr {
    let value: Int

    init(_ value: Int, position: Int) {
        self.value = value
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value { .int(value) }
    override func evalInt(_ cx: Context) throws(CellFailure) -> Int { value }
}

final class DoubleConstant: Expr {
    let value: Double

    init(_ value: Double, position: Int) {
        self.value = value
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value { .double(value) }
    override func evalDouble(_ cx: Context) throws(CellFailure) -> Double { value }
}

final class BoolConstant: Expr {
    let value: Bool

    init(_ value: Bool, position: Int) {
        self.value = value
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value { .bool(value) }
    override func evalBool(_ cx: Context) throws(CellFailure) -> Bool { value }
}
