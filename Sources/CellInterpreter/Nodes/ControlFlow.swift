/// A condition of `if`, `while` or `guard`: a Bool, an optional binding or a pattern.
enum ConditionNode {
    case boolean(Expr)
    /// `let x = e`: true and `x` bound when `e` is not nil.
    case optionalBinding(VariableStorage, Expr, wrappedIsOptional: CellType)
    case pattern(PatternNode, Expr)
}

@inline(__always)
func evaluateConditions(_ conditions: [ConditionNode], _ cx: Context) throws(CellFailure) -> Bool {
    for c in conditions {
        switch c {
        case .boolean(let e):
            if !(try e.evalBool(cx)) { return false }
        case .optionalBinding(let storage, let e, let wrapped):
            let v = try e.eval(cx)
            if case .none = v { return false }
            store(unwrapOptional(v, wrappedIsOptional: cx.concrete(wrapped).isOptional), into: storage, cx, declaring: true)
        case .pattern(let p, let e):
            if !(try p.match(try e.eval(cx), cx)) { return false }
        }
    }
    return true
}

final class IfStmt: Stmt {
    let clauses: [(conditions: [ConditionNode], body: Stmt)]
    let orElse: Stmt?
    /// A labelled `if`: `break label` leaves it.
    let label: String?

    /// `if condition { … } else { … }` with one Boolean condition and no label, run without
    /// walking the clause list (whose reads retain and release every part), unretained.
    private let simple: (condition: InlineCondition, body: UnretainedStmt, orElse: UnretainedStmt?)?

    init(_ clauses: [(conditions: [ConditionNode], body: Stmt)], orElse: Stmt?, label: String?, position: Int) {
        self.clauses = clauses
        self.orElse = orElse
        self.label = label
        if label == nil, clauses.count == 1, clauses[0].conditions.count == 1, case .boolean(let c) = clauses[0].conditions[0] {
            simple = (InlineCondition(c), UnretainedStmt(clauses[0].body), orElse.map(UnretainedStmt.init))
        } else {
            simple = nil
        }
        super.init(position: position)
    }

    override func exec(_ cx: Context) throws(CellFailure) -> Flow {
        if let simple {
            if try simple.condition.evaluate(cx) { return try simple.body.exec(cx) }
            if let orElse = simple.orElse { return try orElse.exec(cx) }
            return .normal
        }
        var flow = Flow.normal
        var ran = false
        for clause in clauses where try evaluateConditions(clause.conditions, cx) {
            flow = try clause.body.exec(cx)
            ran = true
            break
        }
        if !ran, let orElse { flow = try orElse.exec(cx) }
        if let label, case .breakLoop = flow, cx.pendingLabel == label {
            cx.pendingLabel = nil
            return .normal
        }
        return flow
    }
}

final class GuardStmt: Stmt {
    let conditions: [ConditionNode]
    let orElse: Stmt

    init(_ conditions: [ConditionNode], orElse: Stmt, position: Int) {
        self.conditions = conditions
        self.orElse = orElse
        super.init(position: position)
    }

    override func exec(_ cx: Context) throws(CellFailure) -> Flow {
        if try evaluateConditions(conditions, cx) { return .normal }
        return try orElse.exec(cx)
    }
}

/// What a loop does with how its body finished: go on, stop, or pass the unwinding outward.
@inline(__always)
func loopFlow(_ flow: Flow, label: String?, _ cx: Context) -> Flow? {
    switch flow {
    case .normal: return nil
    case .continueLoop:
        if cx.pendingLabel == nil || cx.pendingLabel == label {
            cx.pendingLabel = nil
            return nil
        }
        return flow
    case .breakLoop:
        if cx.pendingLabel == nil || cx.pendingLabel == label {
            cx.pendingLabel = nil
            return .normal
        }
        return flow
    case .returned, .fallthroughCase:
        return flow
    }
}

final class WhileStmt: Stmt {
    let conditions: [ConditionNode]
    let body: Stmt
    let label: String?

    /// The condition when it is one Boolean expression (a comparison made in place), and the
    /// body, run unretained.
    private let condition: InlineCondition?
    private let runningBody: UnretainedStmt

    init(_ conditions: [ConditionNode], body: Stmt, label: String?, position: Int) {
        self.conditions = conditions
        self.body = body
        self.label = label
        if conditions.count == 1, case .boolean(let c) = conditions[0] { condition = InlineCondition(c) } else { condition = nil }
        runningBody = UnretainedStmt(body)
        super.init(position: position)
    }

    override func exec(_ cx: Context) throws(CellFailure) -> Flow {
        if let condition {
            while try condition.evaluate(cx) {
                try cx.tick(at: position)
                if let out = loopFlow(try runningBody.exec(cx), label: label, cx) { return out }
            }
            return .normal
        }
        while try evaluateConditions(conditions, cx) {
            try cx.tick(at: position)
            if let out = loopFlow(try body.exec(cx), label: label, cx) { return out }
        }
        return .normal
    }
}

final class RepeatStmt: Stmt {
    let body: Stmt
    let condition: Expr
    let label: String?

    init(body: Stmt, condition: Expr, label: String?, position: Int) {
        self.body = body
        self.condition = condition
        self.label = label
        super.init(position: position)
    }

    override func exec(_ cx: Context) throws(CellFailure) -> Flow {
        repeat {
            try cx.tick(at: position)
            if let out = loopFlow(try body.exec(cx), label: label, cx) { return out }
        } while try condition.evalBool(cx)
        return .normal
    }
}

/// `for i in a..<b` (or `a...b`) over Ints: no range is made.
final class ForRangeStmt: Stmt {
    let storage: VariableStorage?
    let lower: Expr
    let upper: Expr
    let closed: Bool
    let whereClause: Expr?
    let body: Stmt
    let label: String?
    /// `body` and `whereClause`, run unretained (see `UnretainedExpr`).
    private let runningBody: UnretainedStmt
    private let runningWhereClause: UnretainedExpr?

    init(storage: VariableStorage?, lower: Expr, upper: Expr, closed: Bool, whereClause: Expr?, body: Stmt, label: String?, position: Int) {
        self.storage = storage
        self.lower = lower
        self.upper = upper
        self.closed = closed
        self.whereClause = whereClause
        self.body = body
        self.label = label
        runningBody = UnretainedStmt(body)
        runningWhereClause = whereClause.map(UnretainedExpr.init)
        bodyExpression = (body as? ExprStmt).map { UnretainedExpr($0.expr) }
        super.init(position: position)
    }

    /// A body that is one expression statement (`s += i`), run directly.
    private let bodyExpression: UnretainedExpr?

    override func exec(_ cx: Context) throws(CellFailure) -> Flow {
        let low = try lower.evalInt(cx)
        var high = try upper.evalInt(cx)
        if closed {
            guard low <= high else { throw CellFailure(.runtime, "Fatal error: Range requires lowerBound <= upperBound", at: position) }
            if high == Int.max {
                throw CellFailure(.unsupported, "a closed range up to Int.max is not supported in cells", at: position)
            }
            high += 1
        } else if low > high {
            throw CellFailure(.runtime, "Fatal error: Range requires lowerBound <= upperBound", at: position)
        }
        var i = low
        while i < high {
            try cx.tick(at: position)
            if let storage { store(.int(i), into: storage, cx, declaring: true) }
            i += 1
            if let runningWhereClause, !(try runningWhereClause.evalBool(cx)) { continue }
            if let bodyExpression {
                try bodyExpression.run(cx)
                continue
            }
            if let out = loopFlow(try runningBody.exec(cx), label: label, cx) { return out }
        }
        return .normal
    }
}

/// `for x in sequence`: the elements, bound by a pattern.
final class ForEachStmt: Stmt {
    let pattern: PatternNode
    let sequence: Expr
    let elements: (Value, Context, Int) throws(CellFailure) -> [Value]
    let whereClause: Expr?
    let body: Stmt
    let label: String?
    /// For a `Range<Int>` (false) or `ClosedRange<Int>` (true) sequence: counted in place.
    var rangeKind: Bool?

    init(pattern: PatternNode, sequence: Expr, elements: @escaping (Value, Context, Int) throws(CellFailure) -> [Value], whereClause: Expr?,
         body: Stmt, label: String?, position: Int) {
        self.pattern = pattern
        self.sequence = sequence
        self.elements = elements
        self.whereClause = whereClause
        self.body = body
        self.label = label
        super.init(position: position)
    }

    override func exec(_ cx: Context) throws(CellFailure) -> Flow {
        let value = try sequence.eval(cx)
        if case .intRange(let lower, let upper) = value, let closed = rangeKind {
            // A range held in a variable: counted, not made into elements.
            var i = lower
            let end = closed ? upper : upper - 1
            while i <= end {
                try cx.tick(at: position)
                let item = Value.int(i)
                if i == Int.max { break }
                i += 1
                if !(try pattern.match(item, cx)) { continue }
                if let whereClause, !(try whereClause.evalBool(cx)) { continue }
                if let out = loopFlow(try body.exec(cx), label: label, cx) { return out }
            }
            return .normal
        }
        let items = try elements(value, cx, position)
        for item in items {
            try cx.tick(at: position)
            if !(try pattern.match(item, cx)) { continue }
            if let whereClause, !(try whereClause.evalBool(cx)) { continue }
            if let out = loopFlow(try body.exec(cx), label: label, cx) { return out }
        }
        return .normal
    }
}

final class SwitchStmt: Stmt {
    struct Case {
        var patterns: [(PatternNode, Expr?)]
        var body: Stmt
        var isDefault: Bool
    }

    let subject: Expr
    let cases: [Case]
    let label: String?

    init(subject: Expr, cases: [Case], label: String?, position: Int) {
        self.subject = subject
        self.cases = cases
        self.label = label
        super.init(position: position)
    }

    override func exec(_ cx: Context) throws(CellFailure) -> Flow {
        let value = try subject.eval(cx)
        var chosen: Int?
        search: for (i, c) in cases.enumerated() {
            if c.isDefault {
                chosen = i
                break
            }
            for (pattern, guardClause) in c.patterns {
                if try pattern.match(value, cx) {
                    if let guardClause, !(try guardClause.evalBool(cx)) { continue }
                    chosen = i
                    break search
                }
            }
        }
        guard var i = chosen else {
            throw CellFailure(.runtime, "internal error: no case of the switch matched", at: position)
        }
        while true {
            let flow = try cases[i].body.exec(cx)
            switch flow {
            case .fallthroughCase:
                i += 1
                if i >= cases.count { return .normal }
                continue
            case .breakLoop:
                if cx.pendingLabel == nil || cx.pendingLabel == label {
                    cx.pendingLabel = nil
                    return .normal
                }
                return flow
            default:
                return flow
            }
        }
    }
}

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

final class FallthroughStmt: Stmt {
    override func exec(_ cx: Context) throws(CellFailure) -> Flow { .fallthroughCase }
}

final class ReturnStmt: Stmt {
    let value: Expr?

    init(_ value: Expr?, position: Int) {
        self.value = value
        super.init(position: position)
    }

    override func exec(_ cx: Context) throws(CellFailure) -> Flow {
        cx.returnValue = try value?.eval(cx) ?? .void
        return .returned
    }
}

/// `throw e`: a Swift error, which `do`/`catch`, `try?` and `try!` can handle.
final class ThrowStmt: Stmt {
    let value: Expr

    init(_ value: Expr, position: Int) {
        self.value = value
        super.init(position: position)
    }

    override func exec(_ cx: Context) throws(CellFailure) -> Flow {
        let error = try value.eval(cx)
        var failure = CellFailure(.thrown, "Fatal error: Error raised at top level: \(try cx.debugDescribe(error, .existential([cx.registry.standard.error]), at: position))",
                                  at: position)
        failure.thrown = error
        throw failure
    }
}

final class DoCatchStmt: Stmt {
    struct Catch {
        var pattern: PatternNode?
        var whereClause: Expr?
        var errorStorage: VariableStorage?
        var body: Stmt
    }

    let body: Stmt
    let catches: [Catch]
    let label: String?

    init(body: Stmt, catches: [Catch], label: String?, position: Int) {
        self.body = body
        self.catches = catches
        self.label = label
        super.init(position: position)
    }

    override func exec(_ cx: Context) throws(CellFailure) -> Flow {
        var flow: Flow
        do throws(CellFailure) {
            flow = try body.exec(cx)
        } catch {
            guard error.kind == .thrown, let thrown = error.thrown else { throw error }
            var handled: Flow?
            for c in catches {
                if let pattern = c.pattern, !(try pattern.match(thrown, cx)) { continue }
                if let storage = c.errorStorage { store(thrown, into: storage, cx, declaring: true) }
                if let w = c.whereClause, !(try w.evalBool(cx)) { continue }
                handled = try c.body.exec(cx)
                break
            }
            guard let h = handled else { throw error }
            flow = h
        }
        if let label, case .breakLoop = flow, cx.pendingLabel == label {
            cx.pendingLabel = nil
            return .normal
        }
        return flow
    }
}
