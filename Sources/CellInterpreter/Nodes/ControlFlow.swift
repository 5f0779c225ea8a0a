/// `if c1, c2 { … } else { … }`.
final class IfStmt: Stmt {
    let conditions: [Expr]
    let then: Stmt
    let otherwise: Stmt?

    init(conditions: [Expr], then: Stmt, otherwise: Stmt?, position: Int) {
        self.conditions = conditions
        self.then = then
        self.otherwise = otherwise
        super.init(position: position)
    }

    override func exec(_ cx: Context) throws(CellFailure) -> Flow {
        for c in conditions where !(try condition(c, cx)) {
            return try otherwise?.exec(cx) ?? .normal
        }
        return try then.exec(cx)
    }
}

/// `guard c else { … }`; the lowering checks the else block does not fall through.
final class GuardStmt: Stmt {
    let conditions: [Expr]
    let otherwise: Stmt

    init(conditions: [Expr], otherwise: Stmt, position: Int) {
        self.conditions = conditions
        self.otherwise = otherwise
        super.init(position: position)
    }

    override func exec(_ cx: Context) throws(CellFailure) -> Flow {
        for c in conditions where !(try condition(c, cx)) {
            let flow = try otherwise.exec(cx)
            if case .normal = flow {
                throw CellFailure(.runtime, "'guard' body must not fall through; end it with return, break or continue", at: position)
            }
            return flow
        }
        return .normal
    }
}

/// Decides what a loop does with its body's flow; true means leave the loop with `flow`.
@inline(__always)
func loopExits(_ flow: inout Flow, label: String?, _ cx: Context) -> Bool {
    switch flow {
    case .normal:
        return false
    case .continueLoop:
        if cx.pendingLabel == nil || cx.pendingLabel == label {
            cx.pendingLabel = nil
            return false
        }
        return true
    case .breakLoop:
        if cx.pendingLabel == nil || cx.pendingLabel == label {
            cx.pendingLabel = nil
            flow = .normal
        }
        return true
    case .returned:
        return true
    }
}

/// `while c { … }` and `repeat { … } while c`.
final class WhileStmt: Stmt {
    let conditions: [Expr]
    let body: Stmt
    let label: String?
    let testFirst: Bool

    init(conditions: [Expr], body: Stmt, label: String?, testFirst: Bool, position: Int) {
        self.conditions = conditions
        self.body = body
        self.label = label
        self.testFirst = testFirst
        super.init(position: position)
    }

    private func test(_ cx: Context) throws(CellFailure) -> Bool {
        for c in conditions where !(try condition(c, cx)) { return false }
        return true
    }

    override func exec(_ cx: Context) throws(CellFailure) -> Flow {
        if testFirst, !(try test(cx)) { return .normal }
        repeat {
            try cx.tick(at: position)
            var flow = try body.exec(cx)
            if loopExits(&flow, label: label, cx) { return flow }
        } while try test(cx)
        return .normal
    }
}

/// `for pattern in sequence where filter { … }` over ranges, arrays, strings and library values.
final class ForInStmt: Stmt {
    let sequence: Expr
    /// Where each element goes: one slot, or one per tuple element (`for (i, x) in …`); nil for `_`.
    let targets: [SlotAddress?]
    let destructures: Bool
    let filter: Expr?
    let body: Stmt
    let label: String?

    init(sequence: Expr, targets: [SlotAddress?], destructures: Bool, filter: Expr?, body: Stmt, label: String?, position: Int) {
        self.sequence = sequence
        self.targets = targets
        self.destructures = destructures
        self.filter = filter
        self.body = body
        self.label = label
        super.init(position: position)
    }

    override func exec(_ cx: Context) throws(CellFailure) -> Flow {
        let s = try sequence.eval(cx)
        switch s {
        case .range(let r):
            // The common case, without making an array of the range.
            guard !destructures else { throw CellFailure(.type, "cannot destructure an Int from a range", at: position) }
            var i = r.lower
            while i < r.upper {
                try cx.tick(at: position)
                if let target = targets[0] { target.pointer(cx).pointee = .int(i) }
                i += 1
                if let filter, !(try condition(filter, cx)) { continue }
                var flow = try body.exec(cx)
                if loopExits(&flow, label: label, cx) { return flow }
            }
            return .normal
        default:
            let items = try elements(of: s, cx)
            for item in items {
                try cx.tick(at: position)
                try bind(item, cx)
                if let filter, !(try condition(filter, cx)) { continue }
                var flow = try body.exec(cx)
                if loopExits(&flow, label: label, cx) { return flow }
            }
            return .normal
        }
    }

    private func bind(_ item: Value, _ cx: Context) throws(CellFailure) {
        if !destructures {
            if let target = targets[0] { target.pointer(cx).pointee = item }
            return
        }
        let parts: [Value]
        switch item {
        case .tuple(let t): parts = t.elements
        case .array(let a): parts = a
        default: throw CellFailure(.type, "cannot destructure a value of type '\(item.typeName)' into \(targets.count) names", at: position)
        }
        guard parts.count == targets.count else {
            throw CellFailure(.type, "cannot destructure \(parts.count) values into \(targets.count) names", at: position)
        }
        for (target, part) in zip(targets, parts) {
            guard let target else { continue }
            target.pointer(cx).pointee = part
        }
    }

    private func elements(of s: Value, _ cx: Context) throws(CellFailure) -> [Value] {
        switch s {
        case .array(let items): return items
        case .string(let text): return text.map { .string(String($0)) }
        default:
            guard let binding = cx.registry.binding(for: s), let f = binding.methods["elements"]?.first else {
                throw CellFailure(.type, "for-in loop requires a sequence; a value of type '\(s.typeName)' is not one", at: sequence.position)
            }
            let result = try invokeNative(f, receiver: s, arguments: [], context: cx, at: sequence.position).0
            guard case .array(let items) = result else { return [] }
            return items
        }
    }
}

/// `break` and `break label`.
final class BreakStmt: Stmt {
    let label: String?

    init(label: String?, position: Int) {
        self.label = label
        super.init(position: position)
    }

    override func exec(_ cx: Context) throws(CellFailure) -> Flow {
        cx.pendingLabel = label
        return .breakLoop
    }
}

/// `continue` and `continue label`.
final class ContinueStmt: Stmt {
    let label: String?

    init(label: String?, position: Int) {
        self.label = label
        super.init(position: position)
    }

    override func exec(_ cx: Context) throws(CellFailure) -> Flow {
        cx.pendingLabel = label
        return .continueLoop
    }
}
