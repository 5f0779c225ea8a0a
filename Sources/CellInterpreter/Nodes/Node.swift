/// The lowered tree. A cell's syntax is lowered once into these nodes (names bound to
/// slots, calls to their targets where known), then run; nothing walks SwiftSyntax while
/// running. Each node is a final class whose `eval`/`exec` is its whole behaviour, in the
/// spirit of jlox's interpreter but with resolution done ahead of time.
class Expr {
    /// UTF-8 offset of the node in the cell's code, for error messages.
    let position: Int
    /// What lowering proved the node always yields (see `StaticKind`).
    var staticKind = StaticKind.unknown

    init(position: Int) {
        self.position = position
    }

    func eval(_ cx: Context) throws(CellFailure) -> Value {
        fatalError("\(type(of: self)) does not implement eval")
    }

    /// The value as an Int, for a parent that knows it is one (`staticKind == .int`): nodes
    /// that can compute an Int without building a `Value` override this.
    func evalInt(_ cx: Context) throws(CellFailure) -> Int {
        let v = try eval(cx)
        if case .int(let i) = v { return i }
        throw CellFailure(.type, "cannot use a value of type '\(v.typeName)' as 'Int'", at: position)
    }

    /// The value as a condition, which must be a Bool (Swift has no truthiness).
    func evalBool(_ cx: Context) throws(CellFailure) -> Bool {
        let v = try eval(cx)
        if case .bool(let b) = v { return b }
        throw CellFailure(.type, "a condition must be a Bool, got a value of type '\(v.typeName)'", at: position)
    }
}

/// The type a node is known to yield whatever happens at run time, found while lowering from
/// what Swift's own rules fix: literals, parameters declared `Int` (checked on entry, and a
/// parameter cannot be assigned), calls of functions declared `-> Int` (checked on return),
/// Int arithmetic and comparisons of those. Nodes of a known kind are run through
/// `evalInt`/`evalBool`, with no `Value` built in between.
enum StaticKind: UInt8 {
    case unknown, int, bool
}

/// How a statement finished: normally, or unwinding for `break`, `continue` or `return`.
enum Flow {
    case normal
    case breakLoop
    case continueLoop
    case returned
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

    init(_ statements: [Stmt], position: Int) {
        self.statements = statements
        super.init(position: position)
    }

    override func exec(_ cx: Context) throws(CellFailure) -> Flow {
        for statement in statements {
            let flow = try statement.exec(cx)
            if case .normal = flow { continue }
            return flow
        }
        return .normal
    }
}

/// An expression whose value is dropped.
final class ExprStmt: Stmt {
    let expr: Expr

    init(_ expr: Expr) {
        self.expr = expr
        super.init(position: expr.position)
    }

    override func exec(_ cx: Context) throws(CellFailure) -> Flow {
        _ = try expr.eval(cx)
        return .normal
    }
}

/// A top-level expression statement: its value, unless Void, is shown under the cell.
final class DisplayStmt: Stmt {
    let expr: Expr

    init(_ expr: Expr) {
        self.expr = expr
        super.init(position: expr.position)
    }

    override func exec(_ cx: Context) throws(CellFailure) -> Flow {
        let value = try expr.eval(cx)
        if !value.isVoid { try cx.display(value, at: position) }
        return .normal
    }
}
