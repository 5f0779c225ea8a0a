/// A child node read without retaining it, for the hottest paths (a call's arguments and its
/// callee's body). Read from a stored property and called, a node is retained and released
/// around the call whenever the compiler cannot prove the property keeps it alive, which in a
/// call it never can (writes to the new frame could release anything). Each holder also keeps a
/// strong reference to the same node, so the node outlives every use; measured in the commit
/// that introduced it and in `PlainCallExpr`'s comment.
struct UnretainedExpr {
    private let reference: Unmanaged<Expr>

    init(_ node: Expr) {
        reference = .passUnretained(node)
    }

    @inline(__always)
    func eval(_ cx: Context) throws(CellFailure) -> Value {
        var failure: CellFailure?
        let v = reference._withUnsafeGuaranteedRef { e -> Value in
            do throws(CellFailure) { return try e.eval(cx) } catch { failure = error; return .void }
        }
        if let failure { throw failure }
        return v
    }

    @inline(__always)
    func run(_ cx: Context) throws(CellFailure) {
        var failure: CellFailure?
        reference._withUnsafeGuaranteedRef { e in
            do throws(CellFailure) { try e.run(cx) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    @inline(__always)
    func evalInt(_ cx: Context) throws(CellFailure) -> Int {
        var failure: CellFailure?
        let v = reference._withUnsafeGuaranteedRef { e -> Int in
            do throws(CellFailure) { return try e.evalInt(cx) } catch { failure = error; return 0 }
        }
        if let failure { throw failure }
        return v
    }

    @inline(__always)
    func evalDouble(_ cx: Context) throws(CellFailure) -> Double {
        var failure: CellFailure?
        let v = reference._withUnsafeGuaranteedRef { e -> Double in
            do throws(CellFailure) { return try e.evalDouble(cx) } catch { failure = error; return 0 }
        }
        if let failure { throw failure }
        return v
    }

    @inline(__always)
    func evalBool(_ cx: Context) throws(CellFailure) -> Bool {
        var failure: CellFailure?
        let v = reference._withUnsafeGuaranteedRef { e -> Bool in
            do throws(CellFailure) { return try e.evalBool(cx) } catch { failure = error; return false }
        }
        if let failure { throw failure }
        return v
    }
}

/// A statement read without retaining it: see `UnretainedExpr`.
struct UnretainedStmt {
    private let reference: Unmanaged<Stmt>

    init(_ node: Stmt) {
        reference = .passUnretained(node)
    }

    @inline(__always)
    func exec(_ cx: Context) throws(CellFailure) -> Flow {
        var failure: CellFailure?
        let flow = reference._withUnsafeGuaranteedRef { s -> Flow in
            do throws(CellFailure) { return try s.exec(cx) } catch { failure = error; return .normal }
        }
        if let failure { throw failure }
        return flow
    }
}
