/// A call of a cell's function whose arguments are all values and which needs no captures and
/// no type arguments: most calls in numeric code (`fib(n - 1)`, `a(i, j)`). The arguments are
/// evaluated straight into the new frame, and an Int, Double or Bool result comes back through
/// `evalInt`/`evalDouble`/`evalBool` without a `Value` in between.
///
/// The first two arguments and the callee's body are read unretained (`UnretainedExpr`): read
/// from properties, each was retained and released on every call. Timings in the commit.
final class PlainCallExpr: Expr {
    let target: LoweredFunction
    let callerSource: CellSource?
    private let argumentCount: Int
    /// The first and second arguments (a placeholder where the call has fewer), unretained
    /// (`general` holds them).
    private let first: UnretainedExpr
    private let second: UnretainedExpr
    private let placeholder: Expr
    private let rest: [Expr]
    /// How each argument is evaluated: an Int or Double through `evalInt`/`evalDouble`.
    private let firstKind: ValueKind
    private let secondKind: ValueKind
    private let restKinds: [ValueKind]
    /// The general call, for a callee that boxes a parameter (a closure in its body captures
    /// it): known only once the callee is lowered, which for a recursive call is later.
    private let general: CallFunctionExpr

    /// `argumentTypes`: the arguments' static types where known (nil: evaluated as values).
    init(_ target: LoweredFunction, arguments: [Expr], argumentTypes: [CellType?], callerSource: CellSource?, position: Int) {
        self.target = target
        self.callerSource = callerSource
        argumentCount = arguments.count
        let kinds = arguments.indices.map { ValueKind($0 < argumentTypes.count ? argumentTypes[$0] : nil) }
        firstKind = kinds.first ?? .value
        secondKind = kinds.count > 1 ? kinds[1] : .value
        restKinds = Array(kinds.dropFirst(2))
        placeholder = ConstantExpr(.void, position: position)
        first = UnretainedExpr(arguments.first ?? placeholder)
        second = UnretainedExpr(arguments.count > 1 ? arguments[1] : placeholder)
        rest = Array(arguments.dropFirst(2))
        general = CallFunctionExpr(target, arguments: arguments.map { .value($0) }, captures: [], typeArguments: [],
                                   callerSource: callerSource, position: position)
        super.init(position: position)
    }

    /// Enters the callee: a new frame holding the arguments (evaluated in the caller's frame)
    /// becomes the running one. Returns the caller's frame, for `leave`.
    @inline(__always)
    private func enter(_ cx: Context, size: Int) throws(CellFailure) -> UnsafeMutablePointer<Value> {
        try cx.enterCall(at: position)
        // The argument slots are initialized by the arguments themselves, not first to
        // `.uninitialized` (a sixth of a call's instructions when the frame is all arguments).
        let slots: UnsafeMutablePointer<Value>
        do throws(CellFailure) {
            slots = try cx.claimSlots(size, leavingUninitialized: argumentCount, at: position)
        } catch {
            cx.leaveCall()
            throw error
        }
        if argumentCount > 0 {
            var filled = 0
            do throws(CellFailure) {
                slots.initialize(to: try firstKind.eval(first, cx))
                filled = 1
                if argumentCount > 1 {
                    (slots + 1).initialize(to: try secondKind.eval(second, cx))
                    filled = 2
                    for a in rest {
                        (slots + filled).initialize(to: try restKinds[filled - 2].eval(UnretainedExpr(a), cx))
                        filled += 1
                    }
                }
            } catch {
                cx.releaseSlots(slots, size, callerFills: argumentCount, filled: filled)
                cx.leaveCall()
                throw error
            }
        }
        let callerFrame = cx.frame
        cx.frame = slots
        return callerFrame
    }

    /// Leaves the callee: its frame is released and the caller's runs again.
    @inline(__always)
    private func leave(_ cx: Context, size: Int, callerFrame: UnsafeMutablePointer<Value>) {
        if target.frameHoldsOnlyNumbers {
            cx.popTrivialSlots(size)
        } else {
            cx.releaseSlots(cx.frame, size)
        }
        cx.frame = callerFrame
        cx.leaveCall()
    }

    @inline(never)
    private func leaving(_ error: CellFailure) -> CellFailure {
        if error.kind == .optionalChainNil { return error }
        return error.leavingCall(calleeSource: target.source, callPosition: position, callerSource: callerSource)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        let f = target
        if f.boxesParameters { return try general.eval(cx) }
        let size = f.frameSize
        let callerFrame = try enter(cx, size: size)
        let result: Value
        do throws(CellFailure) {
            if let e = f.runningExpressionBody {
                if let p = f.runningPrelude { _ = try p.exec(cx) }
                result = try e.eval(cx)
            } else {
                result = cx.result(of: try f.runningBody.exec(cx))
            }
        } catch {
            leave(cx, size: size, callerFrame: callerFrame)
            throw leaving(error)
        }
        leave(cx, size: size, callerFrame: callerFrame)
        return result
    }

    override func evalInt(_ cx: Context) throws(CellFailure) -> Int {
        let f = target
        if f.boxesParameters { return try general.evalInt(cx) }
        let size = f.frameSize
        let callerFrame = try enter(cx, size: size)
        let result: Int
        do throws(CellFailure) {
            if let e = f.runningExpressionBody {
                if let p = f.runningPrelude { _ = try p.exec(cx) }
                result = try e.evalInt(cx)
            } else {
                let v = cx.result(of: try f.runningBody.exec(cx))
                guard case .int(let i) = v else { throw internalMismatch("Int", v, position) }
                result = i
            }
        } catch {
            leave(cx, size: size, callerFrame: callerFrame)
            throw leaving(error)
        }
        leave(cx, size: size, callerFrame: callerFrame)
        return result
    }

    override func evalDouble(_ cx: Context) throws(CellFailure) -> Double {
        let f = target
        if f.boxesParameters { return try general.evalDouble(cx) }
        let size = f.frameSize
        let callerFrame = try enter(cx, size: size)
        let result: Double
        do throws(CellFailure) {
            if let e = f.runningExpressionBody {
                if let p = f.runningPrelude { _ = try p.exec(cx) }
                result = try e.evalDouble(cx)
            } else {
                let v = cx.result(of: try f.runningBody.exec(cx))
                guard case .double(let d) = v else { throw internalMismatch("Double", v, position) }
                result = d
            }
        } catch {
            leave(cx, size: size, callerFrame: callerFrame)
            throw leaving(error)
        }
        leave(cx, size: size, callerFrame: callerFrame)
        return result
    }

    override func evalBool(_ cx: Context) throws(CellFailure) -> Bool {
        let f = target
        if f.boxesParameters { return try general.evalBool(cx) }
        let size = f.frameSize
        let callerFrame = try enter(cx, size: size)
        let result: Bool
        do throws(CellFailure) {
            if let e = f.runningExpressionBody {
                if let p = f.runningPrelude { _ = try p.exec(cx) }
                result = try e.evalBool(cx)
            } else {
                let v = cx.result(of: try f.runningBody.exec(cx))
                guard case .bool(let b) = v else { throw internalMismatch("Bool", v, position) }
                result = b
            }
        } catch {
            leave(cx, size: size, callerFrame: callerFrame)
            throw leaving(error)
        }
        leave(cx, size: size, callerFrame: callerFrame)
        return result
    }
}
