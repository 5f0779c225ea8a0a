import SwiftSyntax

extension Checker {
    // MARK: Blocks

    /// A cell's top level: its types and functions are declared first (so they may be used
    /// before they are written), then its statements are checked in order.
    func checkTopLevel(_ items: CodeBlockItemListSyntax) throws(CellFailure) -> [TypedStatement] {
        try declareAhead(items)
        var out: [TypedStatement] = []
        for item in items { out += try checkItem(item, display: true) }
        return out
    }

    /// A block's statements, in the current scope.
    func checkBlockItems(_ items: CodeBlockItemListSyntax) throws(CellFailure) -> [TypedStatement] {
        try declareAhead(items)
        var out: [TypedStatement] = []
        for item in items { out += try checkItem(item, display: false) }
        return out
    }

    /// `{ … }` in its own scope.
    func checkBlock(_ block: CodeBlockSyntax) throws(CellFailure) -> [TypedStatement] {
        try withScope { () throws(CellFailure) in try checkBlockItems(block.statements) }
    }

    private func checkItem(_ item: CodeBlockItemSyntax, display: Bool) throws(CellFailure) -> [TypedStatement] {
        switch item.item {
        case .decl(let d): return try checkDeclaration(d)
        case .stmt(let s): return [try checkStatement(s)]
        case .expr(let e): return [try checkExpressionStatement(e, display: display && function.isTopLevel && scope === session.rootScope)]
        }
    }

    private func checkExpressionStatement(_ e: ExprSyntax, display: Bool) throws(CellFailure) -> TypedStatement {
        if let ifExpr = e.as(IfExprSyntax.self) { return try checkIf(ifExpr) }
        if let switchExpr = e.as(SwitchExprSyntax.self) { return try checkSwitchStatement(switchExpr, label: nil) }
        let typed = try checkExpression(e, contextual: nil)
        // `list?.append(x)` as a statement is a Void? that says only whether it ran: not shown.
        let shown = display && typed.type != .void && typed.type != .optional(.void) && typed.type != .never && !isStatementLike(e)
        return .expression(typed, display: shown)
    }

    // MARK: Statements

    func checkStatement(_ stmt: StmtSyntax) throws(CellFailure) -> TypedStatement {
        let position = pos(stmt)
        if let e = stmt.as(ExpressionStmtSyntax.self) { return try checkExpressionStatement(e.expression, display: false) }
        if let r = stmt.as(ReturnStmtSyntax.self) { return try checkReturn(r) }
        if let t = stmt.as(ThrowStmtSyntax.self) { return try checkThrow(t) }
        if let g = stmt.as(GuardStmtSyntax.self) { return try checkGuard(g) }
        if let w = stmt.as(WhileStmtSyntax.self) { return try checkWhile(w, label: nil) }
        if let r = stmt.as(RepeatStmtSyntax.self) { return try checkRepeat(r, label: nil) }
        if let f = stmt.as(ForStmtSyntax.self) { return try checkFor(f, label: nil) }
        if let d = stmt.as(DoStmtSyntax.self) { return try checkDo(d, label: nil) }
        if let d = stmt.as(DeferStmtSyntax.self) {
            function.deferDepth += 1
            defer { function.deferDepth -= 1 }
            return .deferStatement(try checkBlock(d.body))
        }
        if let b = stmt.as(BreakStmtSyntax.self) {
            let label = b.label?.text
            try checkJump(label: label, isContinue: false, at: position)
            return .breakStatement(label: label, position: position)
        }
        if let c = stmt.as(ContinueStmtSyntax.self) {
            let label = c.label?.text
            try checkJump(label: label, isContinue: true, at: position)
            return .continueStatement(label: label, position: position)
        }
        if stmt.is(FallthroughStmtSyntax.self) {
            guard function.breakTargets.last?.isSwitch == true else {
                throw CellFailure(.syntax, "'fallthrough' is only allowed inside a switch", at: position)
            }
            return .fallthroughStatement(position: position)
        }
        if let labeled = stmt.as(LabeledStmtSyntax.self) {
            let label = labeled.label.text
            let inner = labeled.statement
            if let w = inner.as(WhileStmtSyntax.self) { return try checkWhile(w, label: label) }
            if let r = inner.as(RepeatStmtSyntax.self) { return try checkRepeat(r, label: label) }
            if let f = inner.as(ForStmtSyntax.self) { return try checkFor(f, label: label) }
            if let d = inner.as(DoStmtSyntax.self) { return try checkDo(d, label: label) }
            if let e = inner.as(ExpressionStmtSyntax.self) {
                if let s = e.expression.as(SwitchExprSyntax.self) { return try checkSwitchStatement(s, label: label) }
                if let i = e.expression.as(IfExprSyntax.self) {
                    function.breakTargets.append((label, false, false))
                    defer { function.breakTargets.removeLast() }
                    return try checkIf(i)
                }
            }
            throw CellFailure(.unsupported, "this labelled statement is not supported in cells", at: position)
        }
        if stmt.is(DiscardStmtSyntax.self) || stmt.is(YieldStmtSyntax.self) {
            throw CellFailure(.unsupported, "this statement is not supported in cells", at: position)
        }
        throw CellFailure(.unsupported, "this statement is not supported in cells", at: position)
    }

    private func checkJump(label: String?, isContinue: Bool, at position: Int) throws(CellFailure) {
        if function.deferDepth > 0 {
            throw CellFailure(.syntax, "'\(isContinue ? "continue" : "break")' cannot transfer control out of a defer statement", at: position)
        }
        let targets = function.breakTargets
        if let label {
            guard let target = targets.last(where: { $0.label == label }) else {
                throw CellFailure(.name, "cannot find label '\(label)' in scope", at: position)
            }
            if isContinue && !target.isLoop {
                throw CellFailure(.syntax, "'continue' cannot be used with if statements", at: position)
            }
            return
        }
        if isContinue {
            guard targets.contains(where: { $0.isLoop }) else {
                throw CellFailure(.syntax, "'continue' is only allowed inside a loop", at: position)
            }
        } else {
            guard targets.contains(where: { $0.isLoop || $0.isSwitch }) else {
                throw CellFailure(.syntax, "'break' is only allowed inside a loop, if, do, or switch", at: position)
            }
        }
    }

    private func checkReturn(_ r: ReturnStmtSyntax) throws(CellFailure) -> TypedStatement {
        let position = pos(r)
        let f = function
        if f.isTopLevel { throw CellFailure(.syntax, "return invalid outside of a func", at: position) }
        if f.deferDepth > 0 { throw CellFailure(.syntax, "'return' cannot transfer control out of a defer statement", at: position) }
        guard let e = r.expression else {
            if let expected = f.resultType, expected != .void, !f.isInitializer {
                throw CellFailure(.type, "non-void function should return a value", at: position)
            }
            if f.resultType == nil { f.inferredResult = f.inferredResult ?? .void }
            return .returnStatement(nil, position: position)
        }
        if f.isInitializer {
            // `return nil` ends a failable initializer with no value.
            if e.is(NilLiteralExprSyntax.self), let decl = f.functionDecl {
                guard decl.isFailableInitializer else {
                    throw CellFailure(.type, "only a failable initializer can return 'nil'", at: position,
                                      notes: ["use 'init?' to make the initializer 'init' failable"])
                }
                return .returnStatement(TypedExpression(.nilLiteral, type: .optional(decl.resultType), at: pos(e)), position: position)
            }
            throw CellFailure(.type, "'nil' is the only return value permitted in an initializer", at: pos(e))
        }
        if let expected = f.resultType {
            if expected == .void {
                let value = try checkExpression(e, contextual: nil)
                if value.type != .void {
                    throw CellFailure(.type, "unexpected non-void return value in void function", at: pos(e))
                }
                return .returnStatement(value, position: position)
            }
            return .returnStatement(try checkExpression(e, contextual: expected, site: .returnValue), position: position)
        }
        // A closure whose result is inferred: the first return fixes it.
        if let inferred = f.inferredResult {
            return .returnStatement(try checkExpression(e, contextual: inferred, site: .returnValue), position: position)
        }
        let value = try checkExpression(e, contextual: nil)
        f.inferredResult = value.type
        return .returnStatement(value, position: position)
    }

    func checkThrow(_ t: ThrowStmtSyntax) throws(CellFailure) -> TypedStatement {
        let position = pos(t)
        if !canThrowHere {
            throw CellFailure(.type, "error is not handled because the enclosing function is not declared 'throws'", at: position)
        }
        if function.deferDepth > 0 { throw CellFailure(.syntax, "errors cannot be thrown out of a defer body", at: position) }
        let value = try checkExpression(t.expression, contextual: .existential([standard.error]), site: .argument)
        function.didThrow = true
        return .throwStatement(value, position: position)
    }

    // MARK: Conditions

    /// An `if`/`while`/`guard` condition list; bindings are declared in the current scope.
    func checkConditions(_ list: ConditionElementListSyntax, isGuard: Bool = false) throws(CellFailure) -> [TypedCondition] {
        var out: [TypedCondition] = []
        for element in list {
            switch element.condition {
            case .expression(let e):
                out.append(.boolean(try checkExpression(e, contextual: .bool, site: .condition)))
            case .optionalBinding(let binding):
                guard let id = binding.pattern.as(IdentifierPatternSyntax.self) else {
                    throw CellFailure(.unsupported, "only a name can be bound here", at: pos(binding.pattern))
                }
                let name = id.identifier.text
                let mutable = binding.bindingSpecifier.tokenKind == .keyword(.var)
                let annotation = try binding.typeAnnotation.map { (a) throws(CellFailure) in try resolveType(a.type) }
                let value: TypedExpression
                if let initializer = binding.initializer {
                    value = try checkExpression(initializer.value, contextual: annotation.map { .optional($0) }, site: .annotation)
                } else {
                    // `if let x`: unwraps the variable of the same name.
                    guard let meaning = lookupName(name), case .variable(let v) = meaning else { throw unknownName(name, at: pos(id)) }
                    value = variableReference(v, at: pos(id))
                }
                guard case .optional(let wrapped) = value.type else {
                    throw CellFailure(.type, "initializer for conditional binding must have Optional type, not '\(value.type)'", at: value.position)
                }
                let v = try declareVariable(name, type: annotation ?? wrapped, mutable: mutable, at: pos(id), shadowing: isGuard)
                out.append(.optionalBinding(v, value))
            case .matchingPattern(let m):
                let value = try checkExpression(m.initializer.value, contextual: try m.typeAnnotation.map { (a) throws(CellFailure) in try resolveType(a.type) })
                let pattern = try checkPattern(m.pattern, against: value.type, binding: nil)
                out.append(.pattern(pattern, value))
            case .availability(let a):
                throw CellFailure(.unsupported, "availability conditions are not supported in cells", at: pos(a))
            }
        }
        return out
    }

    // MARK: if, guard, loops

    func checkIf(_ ifExpr: IfExprSyntax) throws(CellFailure) -> TypedStatement {
        var clauses: [(conditions: [TypedCondition], body: [TypedStatement])] = []
        var current: IfExprSyntax? = ifExpr
        var orElse: [TypedStatement]?
        while let clause = current {
            let checked = try withScope { () throws(CellFailure) in
                let conditions = try checkConditions(clause.conditions)
                return (conditions: conditions, body: try checkBlock(clause.body))
            }
            clauses.append(checked)
            switch clause.elseBody {
            case .ifExpr(let next)?: current = next
            case .codeBlock(let block)?:
                orElse = try checkBlock(block)
                current = nil
            case nil:
                current = nil
            }
        }
        return .ifStatement(clauses, orElse: orElse)
    }

    private func checkGuard(_ g: GuardStmtSyntax) throws(CellFailure) -> TypedStatement {
        let conditions = try checkConditions(g.conditions, isGuard: true)
        // The else body cannot see the bindings; check it in a scope without them.
        let saved = scope
        var withoutBindings: LexicalScope = scope
        var names: [String: ScopeEntry] = [:]
        for c in conditions {
            if case .optionalBinding(let v, _) = c { names[v.name] = scope.values[v.name] }
        }
        if !names.isEmpty {
            withoutBindings = LexicalScope(parent: scope.parent, function: scope.function)
            withoutBindings.values = scope.values.filter { entry in
                if case .variable(let v) = entry.value { return !conditions.contains { if case .optionalBinding(let b, _) = $0 { return b === v }; return false } }
                return true
            }
            withoutBindings.types = scope.types
            withoutBindings.memberOf = scope.memberOf
        }
        scope = withoutBindings
        let body: [TypedStatement]
        do throws(CellFailure) {
            body = try checkBlock(g.body)
            scope = saved
        } catch {
            scope = saved
            throw error
        }
        if !Self.blockExits(body, loopExitsCount: true) {
            throw CellFailure(.type, "'guard' body must not fall through, consider using a 'return' or 'throw' to exit the scope",
                              at: pos(g.body.rightBrace))
        }
        return .guardStatement(conditions, orElse: body)
    }

    private func checkWhile(_ w: WhileStmtSyntax, label: String?) throws(CellFailure) -> TypedStatement {
        try withScope { () throws(CellFailure) in
            let conditions = try checkConditions(w.conditions)
            function.breakTargets.append((label, true, false))
            defer { function.breakTargets.removeLast() }
            return .whileLoop(label: label, conditions, try checkBlock(w.body))
        }
    }

    private func checkRepeat(_ r: RepeatStmtSyntax, label: String?) throws(CellFailure) -> TypedStatement {
        function.breakTargets.append((label, true, false))
        let body: [TypedStatement]
        do throws(CellFailure) {
            body = try checkBlock(r.body)
            function.breakTargets.removeLast()
        } catch {
            function.breakTargets.removeLast()
            throw error
        }
        let condition = try checkExpression(r.condition, contextual: .bool, site: .condition)
        return .repeatWhile(label: label, body, condition)
    }

    private func checkFor(_ f: ForStmtSyntax, label: String?) throws(CellFailure) -> TypedStatement {
        if f.tryKeyword != nil || f.awaitKeyword != nil {
            throw CellFailure(.unsupported, "'for try await' is not supported in cells", at: pos(f))
        }
        let sequence = try checkExpression(f.sequence, contextual: nil)
        guard let element = registry.sequenceElement(of: sequence.type) else {
            var notes: [String] = []
            if case .nominal(let d, let args) = sequence.type, d === standard.range || d === standard.closedRange, args.first == .double {
                notes = ["a range of Doubles does not count in steps; use stride(from:to:by:)"]
            }
            throw CellFailure(.type, "for-in loop requires '\(sequence.type)' to conform to 'Sequence'", at: sequence.position, notes: notes)
        }
        return try withScope { () throws(CellFailure) in
            var annotated = element
            if let annotation = f.typeAnnotation {
                annotated = try resolveType(annotation.type)
                guard annotated == element else {
                    throw CellFailure(.type, "cannot convert sequence element type '\(element)' to expected type '\(annotated)'", at: pos(annotation))
                }
            }
            let pattern: TypedPattern
            if f.caseKeyword != nil {
                pattern = try checkPattern(f.pattern, against: element, binding: nil)
            } else {
                pattern = try checkBindingPattern(f.pattern, type: annotated, mutable: false)
            }
            let whereClause = try f.whereClause.map { (w) throws(CellFailure) in try checkExpression(w.condition, contextual: .bool, site: .condition) }
            function.breakTargets.append((label, true, false))
            defer { function.breakTargets.removeLast() }
            let body = try checkBlock(f.body)
            return .forIn(label: label, pattern: pattern, sequence: sequence, whereClause: whereClause, body: body)
        }
    }

    /// A `let`/`for` pattern that binds names (a name, a tuple of names, `_`).
    func checkBindingPattern(_ p: PatternSyntax, type: CellType, mutable: Bool) throws(CellFailure) -> TypedPattern {
        if let id = p.as(IdentifierPatternSyntax.self) {
            return .binding(try declareVariable(id.identifier.text, type: type, mutable: mutable, at: pos(id)))
        }
        if p.is(WildcardPatternSyntax.self) { return .wildcard }
        if let tuple = p.as(TuplePatternSyntax.self) {
            guard case .tuple(let elements) = type, elements.count == tuple.elements.count else {
                throw CellFailure(.type, "tuple pattern cannot match values of type '\(type)'", at: pos(tuple))
            }
            var out: [TypedPattern] = []
            for (element, t) in zip(tuple.elements, elements) { out.append(try checkBindingPattern(element.pattern, type: t.type, mutable: mutable)) }
            return .tuple(out)
        }
        if let binding = p.as(ValueBindingPatternSyntax.self) {
            return try checkBindingPattern(binding.pattern, type: type, mutable: binding.bindingSpecifier.tokenKind == .keyword(.var))
        }
        throw CellFailure(.unsupported, "this pattern is not supported here", at: pos(p))
    }

    private func checkDo(_ d: DoStmtSyntax, label: String?) throws(CellFailure) -> TypedStatement {
        if d.throwsClause != nil { throw CellFailure(.unsupported, "typed throws are not supported in cells", at: pos(d)) }
        let catchesAll = d.catchClauses.contains { $0.catchItems.isEmpty || $0.catchItems.contains { $0.pattern == nil && $0.whereClause == nil } }
        if !d.catchClauses.isEmpty && catchesAll { function.catchDepth += 1 }
        if label != nil { function.breakTargets.append((label, false, false)) }
        let body: [TypedStatement]
        do throws(CellFailure) {
            body = try checkBlock(d.body)
            if !d.catchClauses.isEmpty && catchesAll { function.catchDepth -= 1 }
        } catch {
            if !d.catchClauses.isEmpty && catchesAll { function.catchDepth -= 1 }
            if label != nil { function.breakTargets.removeLast() }
            throw error
        }
        defer { if label != nil { function.breakTargets.removeLast() } }
        if !d.catchClauses.isEmpty && !catchesAll && !canThrowHere {
            throw CellFailure(.type, "errors thrown from here are not handled because the enclosing catch is not exhaustive", at: pos(d.catchClauses))
        }
        var catches: [TypedCatch] = []
        for clause in d.catchClauses {
            let checked = try withScope { () throws(CellFailure) -> TypedCatch in
                let errorType = CellType.existential([standard.error])
                if clause.catchItems.isEmpty {
                    let v = try declareVariable("error", type: errorType, mutable: false, at: pos(clause))
                    return TypedCatch(pattern: nil, whereClause: nil, body: try checkBlockItems(clause.body.statements), errorVariable: v,
                                      position: pos(clause))
                }
                guard clause.catchItems.count == 1, let item = clause.catchItems.first else {
                    throw CellFailure(.unsupported, "a catch with several patterns is not supported in cells", at: pos(clause))
                }
                let pattern = try item.pattern.map { (p) throws(CellFailure) in try checkPattern(p, against: errorType, binding: nil) }
                let whereClause = try item.whereClause.map { (w) throws(CellFailure) in try checkExpression(w.condition, contextual: .bool, site: .condition) }
                var errorVariable: VarDecl?
                if pattern == nil { errorVariable = try declareVariable("error", type: errorType, mutable: false, at: pos(clause)) }
                return TypedCatch(pattern: pattern, whereClause: whereClause, body: try checkBlockItems(clause.body.statements),
                                  errorVariable: errorVariable, position: pos(clause))
            }
            catches.append(checked)
        }
        return .doCatch(body: body, catches: catches, label: label)
    }

    // MARK: switch

    func checkSwitchStatement(_ s: SwitchExprSyntax, label: String?) throws(CellFailure) -> TypedStatement {
        try checkSwitch(s, label: label) { (items, _) throws(CellFailure) in try self.checkBlockItems(items) }
    }

    /// A switch: the subject is checked first, each case's patterns against its type, and the
    /// cases must cover every value (`default` or the patterns, as Swift's exhaustiveness says).
    func checkSwitch(_ s: SwitchExprSyntax, label: String?,
                     body: (CodeBlockItemListSyntax, Int) throws(CellFailure) -> [TypedStatement]) throws(CellFailure) -> TypedStatement {
        let subject = try checkExpression(s.subject, contextual: nil)
        function.breakTargets.append((label, false, true))
        defer { function.breakTargets.removeLast() }
        var cases: [TypedSwitchCase] = []
        for item in s.cases {
            guard case .switchCase(let c) = item else {
                throw CellFailure(.unsupported, "'#if' inside a switch is not supported in cells", at: pos(item))
            }
            let checked = try withScope { () throws(CellFailure) -> TypedSwitchCase in
                switch c.label {
                case .default:
                    if c.statements.isEmpty { throw CellFailure(.syntax, "'default' label in a 'switch' must have at least one executable statement", at: pos(c)) }
                    return TypedSwitchCase(patterns: [], body: try body(c.statements, pos(c)), isDefault: true, position: pos(c))
                case .case(let caseLabel):
                    var patterns: [(TypedPattern, TypedExpression?)] = []
                    var bound: [String: VarDecl]?
                    for caseItem in caseLabel.caseItems {
                        let pattern = try checkPattern(caseItem.pattern, against: subject.type, binding: nil, sharedScope: true)
                        var names: [String: VarDecl] = [:]
                        for v in Self.boundVariables(pattern) { names[v.name] = v }
                        if let bound, bound.keys.sorted() != names.keys.sorted() {
                            // Swift points at the variable in the pattern that binds it.
                            let missing = Set(bound.keys).symmetricDifference(names.keys).sorted().first ?? ""
                            throw CellFailure(.type, "'\(missing)' must be bound in every pattern",
                                              at: (bound[missing] ?? names[missing])?.position ?? pos(caseItem))
                        }
                        if let bound {
                            for (name, v) in names where bound[name]!.type != v.type {
                                throw CellFailure(.type, "pattern variable bound to type '\(v.type)', expected type '\(bound[name]!.type)'", at: v.position)
                            }
                        }
                        bound = names
                        let whereClause = try caseItem.whereClause.map { (w) throws(CellFailure) in try checkExpression(w.condition, contextual: .bool, site: .condition) }
                        patterns.append((pattern, whereClause))
                    }
                    if c.statements.isEmpty {
                        throw CellFailure(.syntax, "'case' label in a 'switch' must have at least one executable statement", at: pos(c))
                    }
                    return TypedSwitchCase(patterns: patterns, body: try body(c.statements, pos(c)), isDefault: false, position: pos(c))
                }
            }
            cases.append(checked)
        }
        for (i, c) in cases.enumerated() {
            for case .fallthroughStatement(let position) in c.body {
                guard i + 1 < cases.count else {
                    throw CellFailure(.type, "'fallthrough' without a following 'case' or 'default' block", at: position)
                }
                if let name = cases[i + 1].patterns.lazy.flatMap({ Self.boundVariables($0.0) }).first?.name {
                    throw CellFailure(.type, "'fallthrough' from a case which doesn't bind variable '\(name)'", at: position)
                }
            }
        }
        try checkExhaustive(cases, subject: subject.type, at: pos(s.switchKeyword))
        return .switchStatement(label: label, subject: subject, cases: cases)
    }

    /// The variables a pattern binds, in order.
    static func boundVariables(_ p: TypedPattern) -> [VarDecl] {
        switch p {
        case .wildcard, .expression, .isType: return []
        case .binding(let v): return v.name == "_" ? [] : [v]
        case .tuple(let ps): return ps.flatMap(boundVariables)
        case .enumCase(_, let payload): return payload.map(boundVariables) ?? []
        case .optionalSome(let inner), .cast(let inner, _): return boundVariables(inner)
        }
    }

    // MARK: Where control goes

    /// True when control cannot reach the end of the statements (a `return`, `throw`, a call
    /// that never returns, or branches that all do): a function that can fall off its end is refused.
    static func definitelyExits(_ statements: [TypedStatement]) -> Bool {
        blockExits(statements, loopExitsCount: false)
    }

    static func blockExits(_ statements: [TypedStatement], loopExitsCount: Bool) -> Bool {
        statements.contains { exits($0, loopExitsCount: loopExitsCount) }
    }

    private static func exits(_ s: TypedStatement, loopExitsCount: Bool) -> Bool {
        switch s {
        case .returnStatement, .throwStatement: return true
        case .breakStatement, .continueStatement: return loopExitsCount
        case .expression(let e, _): return e.type == .never
        case .block(let b): return blockExits(b, loopExitsCount: loopExitsCount)
        case .ifStatement(let clauses, let orElse):
            guard let orElse else { return false }
            return clauses.allSatisfy { blockExits($0.body, loopExitsCount: loopExitsCount) } && blockExits(orElse, loopExitsCount: loopExitsCount)
        case .switchStatement(_, _, let cases):
            return cases.allSatisfy { blockExits($0.body, loopExitsCount: loopExitsCount) || endsInFallthrough($0.body) }
        case .doCatch(let body, let catches, _):
            return blockExits(body, loopExitsCount: loopExitsCount) && catches.allSatisfy { blockExits($0.body, loopExitsCount: loopExitsCount) }
                && catches.contains { $0.pattern == nil && $0.whereClause == nil }
        case .whileLoop(let label, let conditions, let body):
            // `while true` without a break out of it never ends normally.
            guard conditions.count == 1, case .boolean(let c) = conditions[0], isTrueLiteral(c) else { return false }
            return !breaksOut(body, label: label, depth: 0)
        case .repeatWhile(let label, let body, let condition):
            if blockExits(body, loopExitsCount: false) { return true }
            return isTrueLiteral(condition) && !breaksOut(body, label: label, depth: 0)
        default:
            return false
        }
    }

    private static func endsInFallthrough(_ body: [TypedStatement]) -> Bool {
        if case .fallthroughStatement? = body.last { return true }
        return false
    }

    private static func isTrueLiteral(_ e: TypedExpression) -> Bool {
        switch e.kind {
        case .booleanLiteral(let b): return b
        case .conversionSite(let inner, _), .conversion(let inner, _): return isTrueLiteral(inner)
        default: return false
        }
    }

    /// Whether a `break` in the statements leaves the loop (unlabelled at its level, or by label).
    private static func breaksOut(_ statements: [TypedStatement], label: String?, depth: Int) -> Bool {
        for s in statements {
            switch s {
            case .breakStatement(let l, _):
                if l == nil && depth == 0 { return true }
                if let l, l == label { return true }
            case .block(let b): if breaksOut(b, label: label, depth: depth) { return true }
            case .ifStatement(let clauses, let orElse):
                if clauses.contains(where: { breaksOut($0.body, label: label, depth: depth) }) { return true }
                if let orElse, breaksOut(orElse, label: label, depth: depth) { return true }
            case .guardStatement(_, let body): if breaksOut(body, label: label, depth: depth) { return true }
            case .doCatch(let body, let catches, _):
                if breaksOut(body, label: label, depth: depth) || catches.contains(where: { breaksOut($0.body, label: label, depth: depth) }) { return true }
            case .whileLoop(_, _, let body), .repeatWhile(_, let body, _), .forIn(_, _, _, _, let body):
                if breaksOut(body, label: label, depth: depth + 1) { return true }
            case .switchStatement(_, _, let cases):
                if cases.contains(where: { breaksOut($0.body, label: label, depth: depth + 1) }) { return true }
            default: continue
            }
        }
        return false
    }
}
