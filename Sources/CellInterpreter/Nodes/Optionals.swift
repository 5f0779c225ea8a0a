/// `x!`.
final class ForceUnwrapExpr: Expr {
    let operand: Expr
    /// The wrapped type is itself optional (so the optional is boxed).
    let wrapped: CellType

    init(_ operand: Expr, wrapped: CellType, position: Int) {
        self.operand = operand
        self.wrapped = wrapped
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        let v = try operand.eval(cx)
        if case .none = v { throw unexpectedNil(at: position) }
        return unwrapOptional(v, wrappedIsOptional: cx.concrete(wrapped).isOptional)
    }
}

/// `a?` inside an optional chain: nil ends the whole chain.
final class BindOptionalExpr: Expr {
    let operand: Expr
    let wrapped: CellType

    init(_ operand: Expr, wrapped: CellType, position: Int) {
        self.operand = operand
        self.wrapped = wrapped
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        let v = try operand.eval(cx)
        if case .none = v { throw CellFailure(.optionalChainNil, "", at: position) }
        return unwrapOptional(v, wrappedIsOptional: cx.concrete(wrapped).isOptional)
    }
}

/// The root of `a?.b.c`: nil if a `?` inside found nil, else the value made optional (unless it is).
final class OptionalChainExpr: Expr {
    let operand: Expr
    let innerType: CellType

    init(_ operand: Expr, innerType: CellType, position: Int) {
        self.operand = operand
        self.innerType = innerType
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        do throws(CellFailure) {
            // An inner value that is already optional is the chain's value as it is.
            return try operand.eval(cx)
        } catch {
            if error.kind == .optionalChainNil { return .none }
            throw error
        }
    }
}

/// `a ?? b`.
final class NilCoalescingExpr: Expr {
    let optional: Expr
    let fallback: Expr
    let wrapped: CellType
    /// The result is optional (`a ?? b` with `b` optional): `a` is returned as it is.
    let resultIsOptional: Bool

    init(_ optional: Expr, _ fallback: Expr, wrapped: CellType, resultIsOptional: Bool, position: Int) {
        self.optional = optional
        self.fallback = fallback
        self.wrapped = wrapped
        self.resultIsOptional = resultIsOptional
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        let v = try optional.eval(cx)
        if case .none = v { return try fallback.eval(cx) }
        return resultIsOptional ? v : unwrapOptional(v, wrappedIsOptional: cx.concrete(wrapped).isOptional)
    }

    override func evalDouble(_ cx: Context) throws(CellFailure) -> Double {
        let v = try eval(cx)
        if case .double(let d) = v { return d }
        throw internalMismatch("Double", v, position)
    }

    override func evalInt(_ cx: Context) throws(CellFailure) -> Int {
        let v = try eval(cx)
        if case .int(let i) = v { return i }
        throw internalMismatch("Int", v, position)
    }
}

/// `try?`: an error thrown becomes nil; `try!`: it stops the cell.
final class TryExpr: Expr {
    let operand: Expr
    let kind: TryKind
    let innerIsOptional: Bool

    init(_ operand: Expr, kind: TryKind, innerIsOptional: Bool, position: Int) {
        self.operand = operand
        self.kind = kind
        self.innerIsOptional = innerIsOptional
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        do throws(CellFailure) {
            return try operand.eval(cx)
        } catch {
            guard error.kind == .thrown else { throw error }
            switch kind {
            case .plain: throw error
            case .optional: return .none
            case .forced:
                var f = CellFailure(.runtime, "Fatal error: 'try!' expression unexpectedly raised an error: \(error.message)", at: position)
                f.notes = error.notes
                throw f
            }
        }
    }
}
