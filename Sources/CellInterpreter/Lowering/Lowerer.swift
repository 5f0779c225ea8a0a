/// The slots of one function being lowered: each variable it owns gets one, in first-seen order
/// (parameters first).
final class LoweringFrame {
    let context: FunctionContext
    private var slots: [ObjectIdentifier: Int] = [:]
    private var variables: [VarDecl] = []
    private(set) var size = 0

    init(context: FunctionContext, parameters: [VarDecl]) {
        self.context = context
        for p in parameters { _ = slot(for: p) }
    }

    func slot(for v: VarDecl) -> Int {
        if let s = slots[ObjectIdentifier(v)] { return s }
        slots[ObjectIdentifier(v)] = size
        variables.append(v)
        size += 1
        return size - 1
    }

    /// Every slot holds an Int, a Double or a Bool (or nothing yet): a call can pop such a
    /// frame without looking at its values. Asked once the body is lowered.
    var holdsOnlyNumbers: Bool {
        variables.allSatisfy { v in
            guard !v.isCaptured else { return false }
            switch v.type {
            case .int, .double, .bool: return true
            default: return false
            }
        }
    }
}

/// Turns the checked tree into runnable nodes: variables become slots (boxes where closures
/// capture them), calls their targets, operations on Int and Double their own nodes.
final class Lowerer {
    unowned let runtime: SessionRuntime
    /// The code whose positions the nodes carry (for `called from` lines).
    let source: CellSource?
    var frame: LoweringFrame

    var registry: Registry { runtime.registry }
    var standard: StandardDeclarations { registry.standard }

    init(runtime: SessionRuntime, source: CellSource?, frame: LoweringFrame) {
        self.runtime = runtime
        self.source = source
        self.frame = frame
    }

    // MARK: Entry points

    /// A cell's top-level statements, with the size of the frame its own locals need.
    static func lowerCell(_ statements: [TypedStatement], context: FunctionContext, runtime: SessionRuntime,
                          source: CellSource) throws(CellFailure) -> (Stmt, frameSize: Int) {
        let lowerer = Lowerer(runtime: runtime, source: source, frame: LoweringFrame(context: context, parameters: []))
        let body = try lowerer.block(statements, position: 0)
        return (body, lowerer.frame.size)
    }

    /// An inline expression (`{swift} x`) at the top level.
    static func lowerInline(_ e: TypedExpression, context: FunctionContext, runtime: SessionRuntime,
                            source: CellSource) throws(CellFailure) -> (Expr, frameSize: Int) {
        let lowerer = Lowerer(runtime: runtime, source: source, frame: LoweringFrame(context: context, parameters: []))
        let node = try lowerer.expr(e)
        return (node, lowerer.frame.size)
    }

    /// A cell's function or method (cached: lowered once).
    static func lowerFunction(_ cell: CellFunction, runtime: SessionRuntime) throws(CellFailure) -> LoweredFunction {
        if let done = cell.lowered as? LoweredFunction { return done }
        let f = LoweredFunction(name: cell.decl.name, source: cell.decl.source)
        cell.lowered = f
        var parameters = cell.parameters
        if let s = cell.selfDecl { parameters.insert(s, at: 0) }
        let lowerer = Lowerer(runtime: runtime, source: cell.decl.source, frame: LoweringFrame(context: cell.context, parameters: parameters))
        do throws(CellFailure) {
            try lowerer.lowerBody(cell.body, into: f, position: cell.decl.position ?? 0)
        } catch {
            cell.lowered = nil
            throw error
        }
        f.parameterCount = parameters.count
        f.boxedParameters = parameters.enumerated().filter { $0.element.isCaptured }.map(\.offset)
        f.frameSize = max(lowerer.frame.size, parameters.count)
        f.frameHoldsOnlyNumbers = lowerer.frame.holdsOnlyNumbers
        f.isLowered = true
        return f
    }

    /// A function's statements as its body. A body that ends in `return value` and cannot
    /// return before is run as its other statements (the prelude) and then `value` as an
    /// expression, so that a call can take an Int or Double result without a `Value`.
    func lowerBody(_ statements: [TypedStatement], into f: LoweredFunction, position: Int) throws(CellFailure) {
        guard let last = statements.last, case .returnStatement(let value?, _) = last,
              statements.dropLast().allSatisfy(\.cannotReturn) else {
            f.body = try block(statements, position: position)
            return
        }
        if statements.count > 1 { f.prelude = try block(Array(statements.dropLast()), position: position) }
        f.expressionBody = try expr(value)
    }

    /// A stored property's initial value, as a function of no arguments (run where an instance
    /// is made, or when a static property is first read). For a lazy property, `self` is its argument.
    func initialValueFunction(_ p: PropertyDecl) throws(CellFailure) -> LoweredFunction {
        if let cached = initialValueCache[ObjectIdentifier(p)] { return cached }
        guard let value = p.initialValue else {
            throw CellFailure(.runtime, "internal error: property '\(p.name)' has no initial value", at: p.position ?? 0)
        }
        let context = p.lazyContext ?? p.initialContext ?? FunctionContext(kind: .closure, parent: nil, resultType: nil, isThrowing: false)
        let parameters = p.lazyContext?.selfDecl.map { [$0] } ?? []
        let f = LoweredFunction(name: p.name, source: value.position >= 0 ? source : nil)
        let lowerer = Lowerer(runtime: runtime, source: source, frame: LoweringFrame(context: context, parameters: parameters))
        f.expressionBody = try lowerer.expr(value)
        f.parameterCount = parameters.count
        f.frameSize = max(lowerer.frame.size, parameters.count)
        f.isLowered = true
        initialValueCache[ObjectIdentifier(p)] = f
        return f
    }

    // MARK: Variables

    func storage(_ v: VarDecl, at position: Int) throws(CellFailure) -> VariableStorage {
        if let g = v.globalSlot { return .global(g) }
        if v.owner === frame.context {
            let s = frame.slot(for: v)
            return v.isCaptured ? .boxedLocal(s) : .local(s)
        }
        guard let i = frame.context.captureSlot(of: v) else {
            throw CellFailure(.runtime, "internal error: '\(v.name)' is not reachable here", at: position)
        }
        return .capture(i)
    }

    func read(_ v: VarDecl, at position: Int) throws(CellFailure) -> Expr {
        switch try storage(v, at: position) {
        case .global(let g): return GlobalGet(slot: g, position: position)
        case .local(let s): return LocalGet(slot: s, position: position)
        case .boxedLocal(let s): return BoxedLocalGet(slot: s, position: position)
        case .capture(let i): return CaptureGet(index: i, position: position)
        }
    }

    /// Where a called local function's captures come from, here.
    func captureSources(for context: FunctionContext, captureList: [(variable: VarDecl, value: TypedExpression)] = [],
                        at position: Int) throws(CellFailure) -> [CaptureSource] {
        var out: [CaptureSource] = []
        for v in context.captures {
            if let entry = captureList.first(where: { $0.variable === v }) {
                out.append(.fresh(try expr(entry.value)))
                continue
            }
            switch try storage(v, at: position) {
            case .boxedLocal(let s): out.append(.localBox(s))
            case .capture(let i): out.append(.capture(i))
            case .local, .global:
                throw CellFailure(.runtime, "internal error: captured variable '\(v.name)' is not boxed", at: position)
            }
        }
        return out
    }

    // MARK: Statements

    func block(_ statements: [TypedStatement], position: Int) throws(CellFailure) -> Stmt {
        var nodes: [Stmt] = []
        var deferred: [Stmt?] = []
        var hasDefer = false
        for s in statements {
            if case .deferStatement(let body) = s {
                hasDefer = true
                nodes.append(BlockStmt([], position: position))
                deferred.append(try block(body, position: position))
                continue
            }
            guard let node = try statement(s) else { continue }
            nodes.append(node)
            deferred.append(nil)
        }
        if hasDefer { return DeferringBlockStmt(nodes, deferred: deferred, position: position) }
        if nodes.count == 1 { return nodes[0] }
        return BlockStmt(nodes, position: position)
    }

    func statement(_ s: TypedStatement) throws(CellFailure) -> Stmt? {
        switch s {
        case .expression(let e, let display):
            let node = try expr(e)
            return display ? DisplayStmt(node, type: e.type) : ExprStmt(node)
        case .variable(let v, let value):
            return DeclareStmt(try storage(v, at: v.position), value: try value.map { (e) throws(CellFailure) in try expr(e) }, valueType: value?.type, position: v.position)
        case .patternBinding(let pattern, let value):
            return PatternBindingStmt(try self.pattern(pattern, type: value.type, at: value.position), value: try expr(value), position: value.position)
        case .function, .empty, .initializeStatic:
            return nil
        case .block(let b):
            return try block(b, position: 0)
        case .ifStatement(let clauses, let orElse):
            var lowered: [(conditions: [ConditionNode], body: Stmt)] = []
            for clause in clauses {
                lowered.append((try conditions(clause.conditions), try block(clause.body, position: 0)))
            }
            return IfStmt(lowered, orElse: try orElse.map { (b) throws(CellFailure) in try block(b, position: 0) }, label: nil, position: 0)
        case .guardStatement(let conditions, let orElse):
            return GuardStmt(try self.conditions(conditions), orElse: try block(orElse, position: 0), position: 0)
        case .whileLoop(let label, let conditions, let body):
            // Located at its first condition, so a loop stopped by the clock points at itself.
            let position: Int
            switch conditions.first {
            case .boolean(let e), .optionalBinding(_, let e), .pattern(_, let e): position = e.position
            case nil: position = 0
            }
            return WhileStmt(try self.conditions(conditions), body: try block(body, position: 0), label: label, position: position)
        case .repeatWhile(let label, let body, let condition):
            return RepeatStmt(body: try block(body, position: 0), condition: try expr(condition), label: label, position: condition.position)
        case .forIn(let label, let pattern, let sequence, let whereClause, let body):
            return try forLoop(label: label, pattern: pattern, sequence: sequence, whereClause: whereClause, body: body)
        case .switchStatement(let label, let subject, let cases):
            var lowered: [SwitchStmt.Case] = []
            for c in cases {
                var patterns: [(PatternNode, Expr?)] = []
                for (p, w) in c.patterns {
                    patterns.append((try pattern(p, type: subject.type, at: c.position), try w.map { (e) throws(CellFailure) in try expr(e) }))
                }
                lowered.append(SwitchStmt.Case(patterns: patterns, body: try block(c.body, position: c.position), isDefault: c.isDefault))
            }
            return SwitchStmt(subject: try expr(subject), cases: lowered, label: label, position: subject.position)
        case .breakStatement(let label, let position):
            return BreakStmt(label: label, position: position)
        case .continueStatement(let label, let position):
            return ContinueStmt(label: label, position: position)
        case .fallthroughStatement(let position):
            return FallthroughStmt(position: position)
        case .returnStatement(let value, let position):
            return ReturnStmt(try value.map { (e) throws(CellFailure) in try expr(e) }, position: position)
        case .throwStatement(let value, let position):
            return ThrowStmt(try expr(value), position: position)
        case .doCatch(let body, let catches, let label):
            var lowered: [DoCatchStmt.Catch] = []
            let errorType = CellType.existential([standard.error])
            for c in catches {
                lowered.append(DoCatchStmt.Catch(
                    pattern: try c.pattern.map { (p) throws(CellFailure) in try pattern(p, type: errorType, at: c.position) },
                    whereClause: try c.whereClause.map { (w) throws(CellFailure) in try expr(w) },
                    errorStorage: try c.errorVariable.map { (v) throws(CellFailure) in try storage(v, at: c.position) },
                    body: try block(c.body, position: c.position)))
            }
            return DoCatchStmt(body: try block(body, position: 0), catches: lowered, label: label, position: 0)
        case .deferStatement(let body):
            return try block(body, position: 0)
        case .yieldValue(let e):
            return YieldStmt(try expr(e))
        }
    }

    private func conditions(_ conditions: [TypedCondition]) throws(CellFailure) -> [ConditionNode] {
        try conditions.map { (c) throws(CellFailure) -> ConditionNode in
            switch c {
            case .boolean(let e): return .boolean(try expr(e))
            case .optionalBinding(let v, let e):
                guard case .optional(let wrapped) = e.type else { return .boolean(BoolConstant(false, position: e.position)) }
                return .optionalBinding(try storage(v, at: v.position), try expr(e), wrappedIsOptional: wrapped)
            case .pattern(let p, let e):
                return .pattern(try pattern(p, type: e.type, at: e.position), try expr(e))
            }
        }
    }

    private func forLoop(label: String?, pattern: TypedPattern, sequence: TypedExpression, whereClause: TypedExpression?,
                         body: [TypedStatement]) throws(CellFailure) -> Stmt {
        let position = sequence.position
        // `for i in a..<b`: counts without making a range.
        if case .call(let call) = sequence.kind, case .function(let f) = call.callee,
           f.intrinsic == .halfOpenIntRange || f.intrinsic == .closedIntRange,
           call.arguments.count == 2, case .value(let a) = call.arguments[0], case .value(let b) = call.arguments[1] {
            var storage: VariableStorage?
            switch pattern {
            case .binding(let v): storage = try self.storage(v, at: v.position)
            case .wildcard: storage = nil
            default: storage = nil
            }
            if case .binding = pattern {} else if case .wildcard = pattern {} else {
                return try genericFor(label: label, pattern: pattern, sequence: sequence, whereClause: whereClause, body: body)
            }
            return ForRangeStmt(storage: storage, lower: try expr(a), upper: try expr(b), closed: f.intrinsic == .closedIntRange,
                                whereClause: try whereClause.map { (w) throws(CellFailure) in try expr(w) },
                                body: try block(body, position: position), label: label, position: position)
        }
        return try genericFor(label: label, pattern: pattern, sequence: sequence, whereClause: whereClause, body: body)
    }

    private func genericFor(label: String?, pattern: TypedPattern, sequence: TypedExpression, whereClause: TypedExpression?,
                            body: [TypedStatement]) throws(CellFailure) -> Stmt {
        let element = registry.sequenceElement(of: sequence.type) ?? .void
        let type = sequence.type
        let loop = ForEachStmt(pattern: try self.pattern(pattern, type: element, at: sequence.position), sequence: try expr(sequence),
                               elements: { (v, cx, position) throws(CellFailure) in try sequenceElements(v, type: type, cx, at: position) },
                               whereClause: try whereClause.map { (w) throws(CellFailure) in try expr(w) },
                               body: try block(body, position: sequence.position), label: label, position: sequence.position)
        if case .nominal(let d, let args) = type, args.first == .int {
            if d === standard.range { loop.rangeKind = false }
            if d === standard.closedRange || d === standard.partialRangeFrom { loop.rangeKind = true }
        }
        return loop
    }

    // MARK: Patterns

    func pattern(_ p: TypedPattern, type: CellType, at position: Int) throws(CellFailure) -> PatternNode {
        switch p {
        case .wildcard:
            return WildcardPattern(position: position)
        case .binding(let v):
            return BindingPattern(try storage(v, at: v.position), position: v.position)
        case .tuple(let elements):
            guard case .tuple(let types) = type, types.count == elements.count else {
                throw CellFailure(.runtime, "internal error: tuple pattern", at: position)
            }
            return TuplePattern(try zip(elements, types).map { (pair) throws(CellFailure) in try pattern(pair.0, type: pair.1.type, at: position) },
                                position: position)
        case .expression(let call):
            // `~=`(pattern value, matched value): the pattern value is evaluated first, on its own.
            guard case .call(var c) = call.kind, c.arguments.count == 2, case .value(let value) = c.arguments[0] else {
                throw CellFailure(.runtime, "internal error: expression pattern", at: position)
            }
            let placeholder = TypedExpression(.operandValue, type: value.type, at: value.position)
            c.arguments[0] = .value(placeholder)
            let test = TypedExpression(.call(c), type: .bool, at: call.position)
            return ExpressionPattern(value: try expr(value), test: try expr(test), position: call.position)
        case .enumCase(let c, let payload):
            if c === standard.noneCase { return NonePattern(position: position) }
            if c === standard.someCase {
                guard case .optional(let wrapped) = type else { throw CellFailure(.runtime, "internal error: some pattern", at: position) }
                return SomePattern(try payload.map { (p) throws(CellFailure) in try pattern(p, type: wrapped, at: position) } ?? WildcardPattern(position: position),
                                   wrapped: wrapped, position: position)
            }
            var payloadNode: PatternNode?
            let count = c.payload?.count ?? 0
            if let payload, let elements = c.payload {
                let substitution: [GenericParameter: CellType]
                if let (decl, args) = registry.declaration(of: type) {
                    substitution = Dictionary(uniqueKeysWithValues: zip(decl.genericParameters, args))
                } else {
                    substitution = [:]
                }
                let payloadType: CellType = count == 1 ? elements[0].type.substituting(substitution)
                    : .tuple(elements.map { TupleElementType(label: $0.label, type: $0.type.substituting(substitution)) })
                payloadNode = try pattern(payload, type: payloadType, at: position)
            }
            return EnumCasePattern(index: c.index, payload: payloadNode, payloadIsTuple: count > 1, position: position)
        case .optionalSome(let inner):
            guard case .optional(let wrapped) = type else { throw CellFailure(.runtime, "internal error: optional pattern", at: position) }
            return SomePattern(try pattern(inner, type: wrapped, at: position), wrapped: wrapped, position: position)
        case .isType(let t):
            return CastPattern(nil, from: type, target: t, position: position)
        case .cast(let inner, let t):
            return CastPattern(try pattern(inner, type: t, at: position), from: type, target: t, position: position)
        }
    }

    private var initialValueCache: [ObjectIdentifier: LoweredFunction] {
        get { runtime.initialValues }
        set { runtime.initialValues = newValue }
    }
}

extension TypedStatement {
    /// Whether the statement can neither return from its function nor defer work to the
    /// function's end: such statements may run as a prelude before a final `return value`.
    var cannotReturn: Bool {
        switch self {
        case .returnStatement, .deferStatement, .yieldValue:
            return false
        case .expression, .variable, .patternBinding, .function, .empty, .breakStatement, .continueStatement,
             .fallthroughStatement, .throwStatement, .initializeStatic:
            return true
        case .block(let b), .whileLoop(_, _, let b), .repeatWhile(_, let b, _), .forIn(_, _, _, _, let b):
            return b.allSatisfy(\.cannotReturn)
        case .ifStatement(let branches, let orElse):
            return branches.allSatisfy { $0.body.allSatisfy(\.cannotReturn) } && (orElse ?? []).allSatisfy(\.cannotReturn)
        case .guardStatement(_, let orElse):
            return orElse.allSatisfy(\.cannotReturn)
        case .switchStatement(_, _, let cases):
            return cases.allSatisfy { $0.body.allSatisfy(\.cannotReturn) }
        case .doCatch(let body, let catches, _):
            return body.allSatisfy(\.cannotReturn) && catches.allSatisfy { $0.body.allSatisfy(\.cannotReturn) }
        }
    }
}
