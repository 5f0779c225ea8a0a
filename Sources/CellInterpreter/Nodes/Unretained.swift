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

    /// Calls `body` with the node, unretained. `_withUnsafeGuaranteedRef` rethrows untyped
    /// errors, so the typed failure is carried out of it by hand.
    @inline(__always)
    private func with<T>(_ body: (Expr) throws(CellFailure) -> T) throws(CellFailure) -> T {
        var failure: CellFailure?
        let result = reference._withUnsafeGuaranteedRef { e -> T? in
            do throws(CellFailure) { return try body(e) } catch { failure = error; return nil }
        }
        if let failure { throw failure }
        return result!
    }

    /// The node's position, for a failure.
    var position: Int { reference._withUnsafeGuaranteedRef { $0.position } }

    @inline(__always)
    func eval(_ cx: Context) throws(CellFailure) -> Value { try with { (e) throws(CellFailure) in try e.eval(cx) } }

    @inline(__always)
    func run(_ cx: Context) throws(CellFailure) { try with { (e) throws(CellFailure) in try e.run(cx) } }

    @inline(__always)
    func evalInt(_ cx: Context) throws(CellFailure) -> Int { try with { (e) throws(CellFailure) in try e.evalInt(cx) } }

    @inline(__always)
    func evalDouble(_ cx: Context) throws(CellFailure) -> Double { try with { (e) throws(CellFailure) in try e.evalDouble(cx) } }

    @inline(__always)
    func evalBool(_ cx: Context) throws(CellFailure) -> Bool { try with { (e) throws(CellFailure) in try e.evalBool(cx) } }
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
