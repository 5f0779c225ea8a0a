import SwiftSyntax

extension Lowerer {
    func lowerStmt(_ stmt: StmtSyntax) throws(CellFailure) -> Stmt {
        if let e = stmt.as(ExpressionStmtSyntax.self) { return try lowerExpressionStatement(e.expression) }
        if let r = stmt.as(ReturnStmtSyntax.self) {
            guard !function.isRoot else {
                throw CellFailure(.syntax, "'return' outside of a function", at: pos(r))
            }
            return ReturnStmt(try r.expression.map { (e) throws(CellFailure) in try lowerExpr(e) }, position: pos(r))
        }
        if let w = stmt.as(WhileStmtSyntax.self) { return try lowerWhile(w, label: nil) }
        if let f = stmt.as(ForStmtSyntax.self) { return try lowerFor(f, label: nil) }
        if let r = stmt.as(RepeatStmtSyntax.self) { return try lowerRepeat(r, label: nil) }
        if let g = stmt.as(GuardStmtSyntax.self) { return try lowerGuard(g) }
        if let b = stmt.as(BreakStmtSyntax.self) {
            let label = b.label?.text
            try checkLoop(label, keyword: "break", at: pos(b))
            return BreakStmt(label: label, position: pos(b))
        }
        if let c = stmt.as(ContinueStmtSyntax.self) {
            let label = c.label?.text
            try checkLoop(label, keyword: "continue", at: pos(c))
            return ContinueStmt(label: label, position: pos(c))
        }
        if let l = stmt.as(LabeledStmtSyntax.self) {
            let label = l.label.text
            if let w = l.statement.as(WhileStmtSyntax.self) { return try lowerWhile(w, label: label) }
            if let f = l.statement.as(ForStmtSyntax.self) { return try lowerFor(f, label: label) }
            if let r = l.statement.as(RepeatStmtSyntax.self) { return try lowerRepeat(r, label: label) }
            throw CellFailure(.unsupported, "labels are supported on loops only", at: pos(l))
        }
        throw unsupported(stmt)
    }

    private func checkLoop(_ label: String?, keyword: String, at position: Int) throws(CellFailure) {
        if function.loops.isEmpty {
            throw CellFailure(.syntax, "'\(keyword)' is only allowed inside a loop", at: position)
        }
        if let label, !function.loops.contains(label) {
            throw CellFailure(.name, "cannot find label '\(label)' in scope", at: position)
        }
    }

    /// An expression used as a statement: displayed at the cell's top level, else dropped.
    func lowerExpressionStatement(_ e: ExprSyntax) throws(CellFailure) -> Stmt {
        if let i = e.as(IfExprSyntax.self) { return try lowerIf(i) }
        let lowered = try lowerExpr(e)
        return isCellTopLevel ? DisplayStmt(lowered) : ExprStmt(lowered)
    }

    func lowerIf(_ i: IfExprSyntax) throws(CellFailure) -> Stmt {
        try withScope { () throws(CellFailure) in
            let conditions = try lowerConditions(i.conditions)
            let then = try lowerBlock(i.body)
            var otherwise: Stmt?
            switch i.elseBody {
            case .ifExpr(let nested)?: otherwise = try lowerIf(nested)
            case .codeBlock(let block)?: otherwise = try lowerBlock(block)
            case nil: otherwise = nil
            }
            return IfStmt(conditions: conditions, then: then, otherwise: otherwise, position: pos(i))
        }
    }

    private func lowerGuard(_ g: GuardStmtSyntax) throws(CellFailure) -> Stmt {
        // Names bound by `guard let` stay visible after the guard: no new scope.
        let conditions = try lowerConditions(g.conditions)
        let otherwise = try lowerBlock(g.body)
        return GuardStmt(conditions: conditions, otherwise: otherwise, position: pos(g))
    }

    func lowerConditions(_ list: ConditionElementListSyntax) throws(CellFailure) -> [Expr] {
        var out: [Expr] = []
        for element in list {
            switch element.condition {
            case .expression(let e):
                out.append(try lowerExpr(e))
            case .optionalBinding(let b):
                guard let id = b.pattern.as(IdentifierPatternSyntax.self) else {
                    throw CellFailure(.unsupported, "this pattern is not supported in cells", at: pos(b.pattern))
                }
                let name = id.identifier.text
                let value: Expr
                if let initializer = b.initializer {
                    value = try lowerExpr(initializer.value)
                } else if let (address, _) = resolveVariable(name) {
                    value = LocalOrOuterGet.make(address, position: pos(id))
                } else {
                    throw unknownName(name, at: pos(id))
                }
                let address = try declareVariable(name, mutable: b.bindingSpecifier.tokenKind == .keyword(.var), at: pos(id))
                out.append(OptionalBindingExpr(address, value: value, position: pos(b)))
            default:
                throw CellFailure(.unsupported, "this kind of condition is not supported in cells", at: pos(element))
            }
        }
        return out
    }

    private func lowerWhile(_ w: WhileStmtSyntax, label: String?) throws(CellFailure) -> Stmt {
        try withScope { () throws(CellFailure) in
            let conditions = try lowerConditions(w.conditions)
            function.loops.append(label)
            defer { function.loops.removeLast() }
            let body = try lowerBlock(w.body)
            return WhileStmt(conditions: conditions, body: body, label: label, testFirst: true, position: pos(w))
        }
    }

    private func lowerRepeat(_ r: RepeatStmtSyntax, label: String?) throws(CellFailure) -> Stmt {
        function.loops.append(label)
        let body = try lowerBlock(r.body)
        function.loops.removeLast()
        let test = try lowerExpr(r.condition)
        return WhileStmt(conditions: [test], body: body, label: label, testFirst: false, position: pos(r))
    }

    private func lowerFor(_ f: ForStmtSyntax, label: String?) throws(CellFailure) -> Stmt {
        if f.awaitKeyword != nil || f.tryKeyword != nil || f.caseKeyword != nil {
            throw CellFailure(.unsupported, "this form of 'for' is not supported in cells", at: pos(f))
        }
        let sequence = try lowerExpr(f.sequence)
        return try withScope { () throws(CellFailure) in
            var targets: [SlotAddress?] = []
            var destructures = false
            if let id = f.pattern.as(IdentifierPatternSyntax.self) {
                targets = [try declareVariable(id.identifier.text, mutable: false, at: pos(id))]
            } else if f.pattern.is(WildcardPatternSyntax.self) {
                targets = [nil]
            } else if let tuple = f.pattern.as(TuplePatternSyntax.self) {
                destructures = true
                for element in tuple.elements {
                    if element.pattern.is(WildcardPatternSyntax.self) {
                        targets.append(nil)
                    } else if let id = element.pattern.as(IdentifierPatternSyntax.self) {
                        targets.append(try declareVariable(id.identifier.text, mutable: false, at: pos(id)))
                    } else {
                        throw CellFailure(.unsupported, "this pattern is not supported in cells", at: pos(element))
                    }
                }
            } else {
                throw CellFailure(.unsupported, "this pattern is not supported in cells", at: pos(f.pattern))
            }
            let filter = try f.whereClause.map { (w) throws(CellFailure) in try lowerExpr(w.condition) }
            function.loops.append(label)
            defer { function.loops.removeLast() }
            let body = try lowerBlock(f.body)
            return ForInStmt(sequence: sequence, targets: targets, destructures: destructures, filter: filter, body: body,
                             label: label, position: pos(f))
        }
    }
}

/// `if let x = e` / `guard let x = e`: true (and `x` bound) unless `e` is nil.
final class OptionalBindingExpr: Expr {
    let address: SlotAddress
    let value: Expr

    init(_ address: SlotAddress, value: Expr, position: Int) {
        self.address = address
        self.value = value
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        let v = try value.eval(cx)
        if case .none = v { return .bool(false) }
        address.pointer(cx).pointee = v
        return .bool(true)
    }
}

/// Makes the read node for an address.
enum LocalOrOuterGet {
    /// `function`: the function the read is in, whose known-Int slots make the read `.int`.
    static func make(_ address: SlotAddress, position: Int, in function: FunctionScope? = nil) -> Expr {
        switch address {
        case .local(let s):
            let get = LocalGet(slot: s, position: position)
            if let function, function.intSlots.contains(s) { get.staticKind = .int }
            return get
        case .global(let s): return GlobalGet(slot: s, position: position)
        case .outer(let d, let s): return OuterGet(depth: d, slot: s, position: position)
        }
    }
}
