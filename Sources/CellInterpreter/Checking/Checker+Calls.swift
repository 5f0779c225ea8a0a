import SwiftSyntax

extension Checker {
    // MARK: Calls

    func generateCall(_ call: FunctionCallExprSyntax, _ s: inout SolverState) throws(CellFailure) -> TypedExpression {
        let parts = CallSyntaxParts(call)
        let callee = call.calledExpression
        let position = pos(call)
        if let ref = callee.as(DeclReferenceExprSyntax.self) {
            let name = ref.baseName.text
            if name == "type", call.arguments.count == 1, call.arguments.first?.label?.text == "of", call.trailingClosure == nil,
               scope.lookupValue("type") == nil {
                let inner = try generate(call.arguments.first!.expression, &s)
                return TypedExpression(.typeOf(inner), type: .metatype(inner.type), at: position)
            }
            if ref.baseName.tokenKind == .keyword(.self) || ref.baseName.tokenKind == .keyword(.Self) {
                if ref.baseName.tokenKind == .keyword(.Self), let t = scope.enclosingType { return try initializerCall(t, parts, at: position, &s) }
                return try callValue(try generate(callee, &s, inChain: true), parts, &s)
            }
            if case .dollarIdentifier = ref.baseName.tokenKind {
                return try callValue(try generate(callee, &s, inChain: true), parts, &s)
            }
            if let decl = genericTypeDeclaration(name) {
                return try initializerCall(openGeneric(decl, &s, at: position), parts, at: position, &s)
            }
            guard let meaning = lookupName(name) else { throw unknownName(name, at: pos(ref)) }
            switch meaning {
            case .functions(let fs):
                return try overloadedCall(fs, name: name, parts, at: pos(ref), &s)
            case .variable(let v):
                return try callValue(variableReference(v, at: pos(ref)), parts, &s)
            case .type(let t):
                return try initializerCall(t, parts, at: pos(ref), &s)
            case .implicitMember(let isStatic):
                return try implicitSelfMember(name, isStatic: isStatic, call: parts, at: pos(ref), &s)
            }
        }
        if let member = callee.as(MemberAccessExprSyntax.self) {
            if member.declName.baseName.text == "init", let base = member.base,
               let ref = base.as(DeclReferenceExprSyntax.self), ref.baseName.tokenKind == .keyword(.self) {
                guard let selfType = scope.enclosingType, function.isInitializer else {
                    throw CellFailure(.syntax, "'self.init' may only be called inside an initializer", at: pos(member))
                }
                return try delegatingInit(on: selfType, isSuper: false, parts, at: pos(member.declName), &s)
            }
            return try generateMember(member, call: parts, &s)
        }
        if let t = try? typeFromExpression(callee) {
            return try initializerCall(t, parts, at: position, &s)
        }
        return try callValue(try generate(callee, &s, inChain: true), parts, &s)
    }

    /// A generic type named without its arguments where it is called (`Set([1, 2])`).
    private func genericTypeDeclaration(_ name: String) -> NominalDecl? {
        let entry = scope.lookupType(name) ?? registry.typeEntry(name)
        guard case .nominal(let decl)? = entry, !decl.genericParameters.isEmpty, !decl.isProtocol else { return nil }
        if let (value, _) = scope.lookupValue(name), case .variable = value { return nil }
        if let enclosing = scope.enclosingType, case .nominal(let d, _) = enclosing, d === decl { return nil }
        return decl
    }

    /// The type with fresh unknowns for its generic parameters.
    func openGeneric(_ decl: NominalDecl, _ s: inout SolverState, at position: Int) -> CellType {
        let args = decl.genericParameters.map { p -> CellType in
            let v = s.newVariable(.genericParameter(p.name), at: position)
            for proto in p.conformances { s.add(.conforms(v, proto, at: position)) }
            return v
        }
        return registry.builtinType(decl, arguments: args) ?? .nominal(decl, args)
    }

    func generateArguments(_ parts: CallSyntaxParts, _ s: inout SolverState) throws(CellFailure) -> ([TypedExpression], [CallArgument]) {
        var expressions: [TypedExpression] = []
        var arguments: [CallArgument] = []
        for argument in parts.arguments {
            let position = pos(argument.expression)
            if let inoutExpr = argument.expression.as(InOutExprSyntax.self) {
                let target = try generate(inoutExpr.expression, &s)
                expressions.append(TypedExpression(.inoutArgument(target), type: target.type, at: pos(inoutExpr)))
                arguments.append(CallArgument(label: argument.label?.text, type: target.type, isInout: true, position: pos(inoutExpr)))
                continue
            }
            let e = try generate(argument.expression, &s)
            expressions.append(e)
            arguments.append(CallArgument(label: argument.label?.text, type: e.type, position: position))
        }
        if let closure = parts.trailingClosure {
            let e = try generateClosure(closure, &s)
            expressions.append(e)
            arguments.append(CallArgument(label: nil, type: e.type, isTrailingClosure: true, position: pos(closure)))
        }
        for extra in parts.additionalTrailingClosures {
            let e = try generateClosure(extra.closure, &s)
            expressions.append(e)
            arguments.append(CallArgument(label: extra.label.text, type: e.type, isTrailingClosure: true, position: pos(extra.closure)))
        }
        return (expressions, arguments)
    }

    /// `f(…)` where `f` names functions: each overload whose labels fit is an alternative.
    func overloadedCall(_ fs: [FunctionDecl], name: String, _ parts: CallSyntaxParts, at position: Int,
                        _ s: inout SolverState) throws(CellFailure) -> TypedExpression {
        let (expressions, arguments) = try generateArguments(parts, &s)
        let result = s.newVariable(at: position)
        var candidates: [OverloadCandidate] = []
        var options: [DisjunctionOption] = []
        var mismatches: [ArgumentMismatch] = []
        // A notebook's own function of a library function's name is the one it means whenever
        // it fits (`func show(_ v: Int?)` against the library's `show(_: Any)`): the library's
        // overloads stay reachable only for arguments the notebook's do not take.
        let declaresOwn = fs.contains { $0.source != nil || $0.position != nil }
        for f in fs {
            switch functionOption(f, arguments, result: result, positional: false, at: position, &s) {
            case .success(let (candidate, chosen)):
                var option = chosen
                if declaresOwn, f.source == nil, f.position == nil { option.cost.disfavored += 1 }
                candidates.append(candidate)
                options.append(option)
            case .failure(let m):
                mismatches.append(m)
            }
        }
        if candidates.isEmpty {
            if fs.count == 1, let m = mismatches.first { throw CellFailure(.type, m.failure.message, at: m.failure.position, notes: m.failure.notes) }
            throw CellFailure(.type, "no exact matches in call to global function '\(name)'", at: position,
                              notes: fs.map { "candidate: \($0.declaration)" })
        }
        let point = newChoicePoint()
        s.add(.disjunction(Disjunction(point: point, options: options, position: position, subject: .call(name: name, arguments: arguments))))
        let node = PendingNode(point: point, shape: .call(arguments: expressions, labels: arguments.map(\.label)), base: nil,
                               candidates: candidates, name: name)
        return TypedExpression(.pending(node), type: result, at: position)
    }

    /// The constraints for calling one function (a global, an operator) with the arguments.
    func functionOption(_ f: FunctionDecl, _ arguments: [CallArgument], result: CellType, positional: Bool, at position: Int,
                        _ s: inout SolverState) -> Result<(OverloadCandidate, DisjunctionOption), ArgumentMismatch> {
        var substitution: [GenericParameter: CellType] = [:]
        var typeArgs: [CellType] = []
        var constraints: [Constraint] = []
        for gp in f.allGenericParameters {
            let v = s.newVariable(.genericParameter(gp.name), at: position)
            substitution[gp] = v
            typeArgs.append(v)
            for p in gp.conformances { constraints.append(.conforms(v, p, at: position)) }
        }
        for r in f.requirements { constraints.append(r.substituting(substitution).constraint(at: position)) }
        let parameterTypes = f.parameters.map { $0.type.substituting(substitution) }
        var resultType = f.resultType.substituting(substitution)
        if f.isFailableInitializer { resultType = .optional(resultType) }
        let mapping: [[Int]]
        var quick: [(argument: CellType, parameter: CellType)] = []
        if positional {
            guard f.parameters.count == arguments.count else {
                return .failure(ArgumentMismatch(SolverFailure(message: "wrong number of operands", position: position)))
            }
            mapping = arguments.indices.map { [$0] }
            for (i, a) in arguments.enumerated() {
                if f.parameters[i].isInout {
                    constraints.append(.equal(a.type, parameterTypes[i], at: a.position))
                } else {
                    var t = parameterTypes[i]
                    if f.parameters[i].isAutoclosure, case .function(let fn) = t { t = fn.result }
                    constraints.append(.convert(a.type, t, .argument, at: a.position))
                    quick.append((a.type, t))
                }
            }
        } else {
            switch argumentConstraints(arguments, parameters: f.parameters, types: parameterTypes, calleeName: f.signature, at: position) {
            case .success(let (m, c, q)):
                mapping = m
                constraints += c
                quick = q
            case .failure(let mismatch):
                return .failure(mismatch)
            }
        }
        constraints.append(.equal(result, resultType, at: position))
        var cost = Score()
        if !f.allGenericParameters.isEmpty { cost.generic += 1 }
        if f.isDisfavored { cost.disfavored += 1 }
        let candidate = OverloadCandidate(target: .function(f), argumentMapping: mapping, genericArguments: typeArgs, baseType: nil,
                                          parameterTypes: parameterTypes, resultType: resultType)
        return .success((candidate, DisjunctionOption(constraints: constraints, quickChecks: quick, cost: cost)))
    }

    /// `T(…)`: the type's initializers are the alternatives.
    func initializerCall(_ type: CellType, _ parts: CallSyntaxParts, at position: Int, _ s: inout SolverState) throws(CellFailure) -> TypedExpression {
        if case .existential(let ps) = type, let p = ps.first {
            throw CellFailure(.type, "type 'any \(p.name)' cannot be instantiated", at: position)
        }
        let base = TypedExpression(.typeReference(type), type: .metatype(type), at: position)
        return try memberReference(base: base, name: "init", isStatic: true, call: parts, at: position, &s)
    }

    /// `self.init(…)` / `super.init(…)` inside an initializer.
    func delegatingInit(on type: CellType, isSuper: Bool, _ parts: CallSyntaxParts, at position: Int, superAt: Int? = nil,
                        _ s: inout SolverState) throws(CellFailure) -> TypedExpression {
        guard function.isInitializer else {
            throw CellFailure(.syntax, "'\(isSuper ? "super" : "self").init' may only be called inside an initializer", at: position)
        }
        if case .initializer(let current) = function.kind, let owner = current.owner, owner.isClass {
            if current.isConvenience && isSuper {
                throw CellFailure(.type, "convenience initializer for '\(owner.name)' must delegate (with 'self.init') rather than chaining to a superclass initializer (with 'super.init')", at: position)
            }
            if !current.isConvenience && !isSuper {
                throw CellFailure(.type, "designated initializer for '\(owner.name)' cannot delegate (with 'self.init'); did you mean this to be a convenience initializer?", at: current.position ?? position,
                                  notes: ["add 'convenience' before 'init'"])
            }
        }
        let (expressions, arguments) = try generateArguments(parts, &s)
        let found = memberCandidates(of: type, named: "init", isStatic: true)
        let result = s.newVariable(at: position)
        var candidates: [OverloadCandidate] = []
        var options: [DisjunctionOption] = []
        var mismatches: [ArgumentMismatch] = []
        for member in found {
            guard case .method(let f) = member.member else { continue }
            // `super.init` reaches the superclass's designated initializers only.
            if isSuper && f.isConvenience { continue }
            switch functionOption(f, arguments, result: result, positional: false, at: position, &s) {
            case .success(let (candidate, option)):
                candidates.append(candidate)
                var o = option
                o.constraints = o.constraints.filter { if case .equal(let a, _, _) = $0, a == result { return false }; return true }
                o.constraints.append(.equal(result, .void, at: position))
                options.append(o)
            case .failure(let m): mismatches.append(m)
            }
        }
        if candidates.isEmpty {
            if isSuper, found.contains(where: { if case .method(let f) = $0.member { return f.isConvenience }; return false }),
               case .nominal(let superDecl, _) = type {
                throw CellFailure(.type, "must call a designated initializer of the superclass '\(superDecl.name)'", at: superAt ?? position)
            }
            if let m = mismatches.first { throw CellFailure(.type, m.failure.message, at: m.failure.position) }
            throw CellFailure(.type, "'\(type)' has no initializer to call", at: position)
        }
        let point = newChoicePoint()
        s.add(.disjunction(Disjunction(point: point, options: options, position: position, subject: .call(name: "init", arguments: arguments))))
        let node = PendingNode(point: point, shape: .call(arguments: expressions, labels: arguments.map(\.label)),
                               base: TypedExpression(.typeReference(type), type: .metatype(type), at: position), candidates: candidates,
                               name: isSuper ? "super.init" : "self.init")
        return TypedExpression(.pending(node), type: .void, at: position)
    }

    /// A call of a value of function type.
    func callValue(_ callee: TypedExpression, _ parts: CallSyntaxParts, _ s: inout SolverState) throws(CellFailure) -> TypedExpression {
        // `model(x)` on a value whose type has `callAsFunction` (a layer, a network) calls it.
        switch callee.type {
        case .nominal, .parameter:
            if !memberCandidates(of: callee.type, named: "callAsFunction", isStatic: false).isEmpty {
                return try memberReference(base: callee, name: "callAsFunction", isStatic: false, call: parts, at: parts.position, &s)
            }
        default: break
        }
        let (expressions, arguments) = try generateArguments(parts, &s)
        let result = s.newVariable(at: callee.position)
        s.add(.applicable(callee: callee.type, arguments: arguments, result: result, at: parts.position))
        return TypedExpression(.callValue(callee: callee, arguments: expressions), type: result, at: parts.position)
    }

    // MARK: Subscripts

    func generateSubscript(_ sub: SubscriptCallExprSyntax, _ s: inout SolverState) throws(CellFailure) -> TypedExpression {
        let parts = CallSyntaxParts(sub)
        let position = pos(sub.leftSquare)
        if let type = try? typeFromExpression(sub.calledExpression) {
            let base = TypedExpression(.typeReference(type), type: .metatype(type), at: position)
            return try subscriptReference(base: base, parts, isStatic: true, at: position, &s)
        }
        let base = try generate(sub.calledExpression, &s, inChain: true)
        return try subscriptReference(base: base, parts, isStatic: false, at: position, &s)
    }

    private func subscriptReference(base: TypedExpression, _ parts: CallSyntaxParts, isStatic: Bool, at position: Int,
                                    _ s: inout SolverState) throws(CellFailure) -> TypedExpression {
        let (expressions, arguments) = try generateArguments(parts, &s)
        let result = s.newVariable(at: position)
        let point = newChoicePoint()
        s.add(.member(MemberConstraint(point: point, base: base.type, name: "subscript", type: result, call: arguments, isStatic: isStatic,
                                       isImplicit: false, position: position, baseIsMutable: false)))
        let node = PendingNode(point: point, shape: .subscriptGet(arguments: expressions), base: base, candidates: nil, name: "subscript")
        return TypedExpression(.pending(node), type: result, at: position)
    }

    // MARK: Operators

    func generateInfix(_ infix: InfixOperatorExprSyntax, _ s: inout SolverState) throws(CellFailure) -> TypedExpression {
        let position = pos(infix.operator)
        if infix.operator.is(AssignmentExprSyntax.self) {
            return try generateAssignment(infix.leftOperand, infix.rightOperand, at: position, &s)
        }
        guard let op = infix.operator.as(BinaryOperatorExprSyntax.self) else {
            throw CellFailure(.unsupported, "this operator is not supported in cells", at: position)
        }
        let text = op.operator.text
        switch text {
        case "&&", "||":
            let l = conversionSite(try generate(infix.leftOperand, &s), to: .bool, site: .argument, &s)
            let r = conversionSite(try generate(infix.rightOperand, &s), to: .bool, site: .argument, &s)
            return TypedExpression(text == "&&" ? .logicalAnd(l, r) : .logicalOr(l, r), type: .bool, at: position)
        case "??":
            return try generateNilCoalescing(infix.leftOperand, infix.rightOperand, at: position, &s)
        case "===", "!==":
            let l = try generate(infix.leftOperand, &s)
            let r = try generate(infix.rightOperand, &s)
            return try operatorCall(text, .infix, [l, r], at: position, &s)
        default:
            break
        }
        if Self.compoundAssignments.contains(text) {
            return try generateCompoundAssignment(infix.leftOperand, String(text.dropLast()), infix.rightOperand, at: position, &s)
        }
        if text == "==" || text == "!=" {
            // `x == nil`: a comparison of any optional with nil.
            let leftIsNil = infix.leftOperand.is(NilLiteralExprSyntax.self), rightIsNil = infix.rightOperand.is(NilLiteralExprSyntax.self)
            if leftIsNil != rightIsNil {
                let operand = try generate(leftIsNil ? infix.rightOperand : infix.leftOperand, &s)
                let wrapped = s.newVariable(at: position)
                s.add(.convert(operand.type, .optional(wrapped), .argument, at: operand.position))
                let converted = TypedExpression(.conversionSite(operand, to: .optional(wrapped)), type: .optional(wrapped), at: operand.position)
                let nilValue = TypedExpression(.nilLiteral, type: .optional(wrapped), at: position)
                return TypedExpression(.call(Call(callee: .function(registry.nilComparison(text)), arguments: [.value(converted), .value(nilValue)],
                                                  genericArguments: [wrapped], position: position)),
                                       type: .bool, at: position)
            }
        }
        let l = try generate(infix.leftOperand, &s)
        let r = try generate(infix.rightOperand, &s)
        return try operatorCall(text, .infix, [l, r], at: position, &s)
    }

    static let compoundAssignments: Set<String> = ["+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=", "&+=", "&-=", "&*="]

    /// An operator applied to operands: every implementation of it is an alternative.
    func operatorCall(_ name: String, _ fixity: OperatorFixity, _ operands: [TypedExpression], at position: Int,
                      _ s: inout SolverState) throws(CellFailure) -> TypedExpression {
        var fs = registry.operators(name, fixity)
        switch fixity {
        case .infix: fs += extensions.infixOperators[name] ?? []
        case .prefix: fs += extensions.prefixOperators[name] ?? []
        case .postfix: break
        }
        if fs.isEmpty {
            if name == "%" || name == "**" || name == "^" {
                throw CellFailure(.type, "cannot find operator '\(name)' for these operands", at: position)
            }
            throw CellFailure(.name, "cannot find operator '\(name)' in scope", at: position)
        }
        let arguments = operands.map { CallArgument(label: nil, type: $0.type, position: $0.position) }
        let result = s.newVariable(at: position)
        var candidates: [OverloadCandidate] = []
        var options: [DisjunctionOption] = []
        for f in fs {
            if case .success(let (candidate, option)) = functionOption(f, arguments, result: result, positional: true, at: position, &s) {
                candidates.append(candidate)
                options.append(option)
            }
        }
        let point = newChoicePoint()
        let subject: DisjunctionSubject = operands.count == 2 ? .binaryOperator(name, lhs: operands[0].type, rhs: operands[1].type)
            : .prefixOperator(name, operand: operands[0].type)
        s.add(.disjunction(Disjunction(point: point, options: options, position: position, subject: subject)))
        let node = PendingNode(point: point, shape: .operatorCall(arguments: operands), base: nil, candidates: candidates, name: name)
        return TypedExpression(.pending(node), type: result, at: position)
    }

    func generatePrefix(_ prefix: PrefixOperatorExprSyntax, _ s: inout SolverState) throws(CellFailure) -> TypedExpression {
        let position = pos(prefix)
        let text = prefix.operator.text
        // `-5` is a negative literal, as Swift reads it (so `-9223372036854775808` is an Int).
        if text == "-", prefix.operator.trailingTrivia.isEmpty {
            if let literal = prefix.expression.as(IntegerLiteralExprSyntax.self) {
                let t = s.newVariable(.literal, literal: .integer, at: position)
                return TypedExpression(.integerLiteral("-" + literal.literal.text), type: t, at: position)
            }
            if let literal = prefix.expression.as(FloatLiteralExprSyntax.self) {
                let t = s.newVariable(.literal, literal: .float, at: position)
                return TypedExpression(.floatLiteral("-" + literal.literal.text), type: t, at: position)
            }
        }
        let operand = try generate(prefix.expression, &s)
        if text == "!" {
            let c = conversionSite(operand, to: .bool, site: .argument, &s)
            return TypedExpression(.logicalNot(c), type: .bool, at: position)
        }
        return try operatorCall(text, .prefix, [operand], at: position, &s)
    }

    private func generateNilCoalescing(_ lhs: ExprSyntax, _ rhs: ExprSyntax, at position: Int, _ s: inout SolverState) throws(CellFailure) -> TypedExpression {
        let l = try generate(lhs, &s)
        let wrapped = s.newVariable(at: position)
        let left = conversionSite(l, to: .optional(wrapped), site: .argument, &s)
        let r = try generate(rhs, &s)
        let result = s.newVariable(at: position)
        let right = conversionSite(r, to: result, site: .argument, &s)
        let point = newChoicePoint()
        var optionalResult = Score()
        optionalResult.valueToOptional = 1
        let options = [DisjunctionOption(constraints: [.equal(result, wrapped, at: position)]),
                       DisjunctionOption(constraints: [.equal(result, .optional(wrapped), at: position)], cost: optionalResult)]
        let subject = DisjunctionSubject.binaryOperator("??", lhs: l.type, rhs: r.type)
        s.add(.disjunction(Disjunction(point: point, options: options, position: position, subject: subject)))
        return TypedExpression(.nilCoalescing(left, right), type: result, at: position)
    }

    // MARK: Assignment

    func generateAssignment(_ lhs: ExprSyntax, _ rhs: ExprSyntax, at position: Int, _ s: inout SolverState) throws(CellFailure) -> TypedExpression {
        if lhs.is(DiscardAssignmentExprSyntax.self) {
            let value = try generate(rhs, &s)
            return TypedExpression(.tupleAssign(targets: [nil], value: value), type: .void, at: position)
        }
        if let tuple = lhs.as(TupleExprSyntax.self), tuple.elements.count > 1 {
            var targets: [TypedExpression?] = []
            var types: [TupleElementType] = []
            for element in tuple.elements {
                if element.expression.is(DiscardAssignmentExprSyntax.self) {
                    let v = s.newVariable(at: pos(element))
                    targets.append(nil)
                    types.append(TupleElementType(label: nil, type: v))
                } else {
                    let target = try generate(element.expression, &s)
                    targets.append(target)
                    types.append(TupleElementType(label: nil, type: target.type))
                }
            }
            let value = conversionSite(try generate(rhs, &s), to: .tuple(types), site: .assignment, &s)
            return TypedExpression(.tupleAssign(targets: targets, value: value), type: .void, at: position)
        }
        let before = openBinds
        let target = try generate(lhs, &s, inChain: true)
        let value = conversionSite(try generate(rhs, &s), to: target.type, site: .assignment, &s)
        return chained(TypedExpression(.assign(target: target, value: value), type: .void, at: position), since: before)
    }

    /// `p?.x = 1`: an assignment into an optional chain is itself the chain (it does nothing
    /// when a `?` finds nil), so its target has the property's own type.
    private func chained(_ e: TypedExpression, since before: Int) -> TypedExpression {
        guard openBinds > before else { return e }
        openBinds = before
        return TypedExpression(.optionalChain(e), type: .optional(.void), at: e.position)
    }

    private func generateCompoundAssignment(_ lhs: ExprSyntax, _ op: String, _ rhs: ExprSyntax, at position: Int,
                                            _ s: inout SolverState) throws(CellFailure) -> TypedExpression {
        let before = openBinds
        let target = try generate(lhs, &s, inChain: true)
        let current = TypedExpression(.matchedValue, type: target.type, at: target.position)
        let r = try generate(rhs, &s)
        let operation = try operatorCall(op, .infix, [current, r], at: position, &s)
        s.add(.equal(operation.type, target.type, at: position))
        return chained(TypedExpression(.compoundAssign(target: target, operation: operation), type: .void, at: position), since: before)
    }

    // MARK: try, as

    func generateTry(_ t: TryExprSyntax, _ s: inout SolverState) throws(CellFailure) -> TypedExpression {
        let position = pos(t)
        let kind: TryKind
        switch t.questionOrExclamationMark?.tokenKind {
        case .postfixQuestionMark?: kind = .optional
        case .exclamationMark?: kind = .forced
        default: kind = .plain
        }
        if kind == .plain, !canThrowHere {
            throw CellFailure(.type, "errors thrown from here are not handled", at: position,
                              notes: ["mark the function 'throws', or handle the error with do/catch, try? or try!"])
        }
        let inner = try generate(t.expression, &s)
        switch kind {
        case .optional:
            let result = s.newVariable(at: position)
            s.add(.chainResult(inner: inner.type, result: result, at: position))
            return TypedExpression(.tryExpression(inner, .optional), type: result, at: position)
        default:
            return TypedExpression(.tryExpression(inner, kind), type: inner.type, at: position)
        }
    }

    /// Whether a `try` here has somewhere for its error to go.
    var canThrowHere: Bool {
        let f = function
        return f.isThrowing || f.catchDepth > 0 || f.isTopLevel || f.isClosure
    }

    func generateAs(_ asExpr: AsExprSyntax, _ s: inout SolverState) throws(CellFailure) -> TypedExpression {
        let position = pos(asExpr.asKeyword)
        let inner = try generate(asExpr.expression, &s)
        let type = try resolveType(asExpr.type)
        switch asExpr.questionOrExclamationMark?.tokenKind {
        case .postfixQuestionMark?:
            return TypedExpression(.cast(inner, type, forced: false), type: .optional(type), at: position)
        case .exclamationMark?:
            return TypedExpression(.cast(inner, type, forced: true), type: type, at: position)
        default:
            return conversionSite(inner, to: type, site: .other, &s)
        }
    }

    // MARK: Closures

    func generateClosure(_ closure: ClosureExprSyntax, _ s: inout SolverState) throws(CellFailure) -> TypedExpression {
        let position = pos(closure)
        nextClosureID += 1
        let id = nextClosureID
        let context = FunctionContext(kind: .closure, parent: function, resultType: nil, isThrowing: false)
        context.genericParameters = function.genericParameters
        context.selfType = function.selfType
        // `[v, w = e]`: values taken now, in the enclosing scope, and constants in the body.
        var captureList: [(variable: VarDecl, value: TypedExpression)] = []
        for item in closure.signature?.capture?.items ?? [] {
            if let specifier = item.specifier {
                throw CellFailure(.unsupported, "'\(specifier.trimmedDescription)' captures are not supported in cells", at: pos(specifier))
            }
            let name = item.name.text
            let value: TypedExpression
            if let initializer = item.initializer {
                value = try generate(initializer.value, &s)
            } else {
                guard let meaning = lookupName(name), case .variable(let outer) = meaning else { throw unknownName(name, at: pos(item.name)) }
                value = variableReference(outer, at: pos(item.name))
            }
            captureList.append((VarDecl(name: name, type: value.type, isMutable: false, position: pos(item.name), owner: function), value))
        }
        // Parameters: named, typed, or $0, $1 … as the body uses them.
        var names: [(String, Int, TypeSyntax?)] = []
        var explicitResult: TypeSyntax?
        var declaredThrows = false
        if let signature = closure.signature {
            switch signature.parameterClause {
            case .simpleInput(let list)?:
                for p in list { names.append((p.name.text, pos(p), nil)) }
            case .parameterClause(let clause)?:
                for p in clause.parameters {
                    let name = (p.secondName ?? p.firstName).text
                    if p.ellipsis != nil { throw CellFailure(.unsupported, "variadic closure parameters are not supported in cells", at: pos(p)) }
                    names.append((name, pos(p), p.type))
                }
            case nil:
                break
            }
            explicitResult = signature.returnClause?.type
            if let effects = signature.effectSpecifiers {
                if effects.asyncSpecifier != nil { throw CellFailure(.unsupported, "'async' is not supported in cells", at: pos(effects)) }
                declaredThrows = effects.throwsClause != nil
            }
            if let attribute = signature.attributes.first {
                throw CellFailure(.unsupported, "closure attributes are not supported in cells", at: pos(attribute))
            }
        } else {
            let count = Self.anonymousParameterCount(closure.statements)
            for i in 0..<count { names.append(("$\(i)", position, nil)) }
        }
        var parameterTypes: [CellType] = []
        for (name, p, typeSyntax) in names {
            if let typeSyntax {
                parameterTypes.append(try resolveType(typeSyntax))
            } else {
                parameterTypes.append(s.newVariable(.closureParameter(name), at: p))
            }
        }
        let result: CellType = try explicitResult.map { (t) throws(CellFailure) in try resolveType(t) }
            ?? s.newVariable(.closureResult, at: position)
        let throwsInferred = declaredThrows || Self.bodyThrows(closure.statements)
        context.isThrowing = throwsInferred
        let type = FunctionType(parameters: parameterTypes.map { ParameterType($0) }, result: result, throws: throwsInferred)
        let outerScope = scope
        let closureScope = LexicalScope(parent: outerScope, function: context)
        var parameters: [VarDecl] = []
        for ((name, p, _), t) in zip(names, parameterTypes) {
            let v = VarDecl(name: name, type: t, isMutable: false, position: p, owner: context)
            context.declare(v)
            parameters.append(v)
            if name != "_" { closureScope.values[name] = .variable(v) }
        }
        for (v, _) in captureList {
            context.addCaptureListEntry(v)
            closureScope.values[v.name] = .variable(v)
        }
        let expression = ClosureExpression(context: context, parameters: parameters, type: type)
        expression.captureList = captureList
        let statements = closure.statements
        if statements.count == 1, let only = statements.first, case .expr(let e) = only.item, !isStatementLike(e) {
            context.resultType = result
            scope = closureScope
            defer { scope = outerScope }
            let body = try generate(e, &s)
            expression.singleExpression = conversionSite(body, to: result, site: .closureBody, &s)
        } else {
            if explicitResult != nil { context.resultType = result }
            let body = ClosureBody(id: id, position: position, type: type) { [unowned self] state in
                for (v, _) in captureList { v.type = state.resolved(v.type) }
                for (v, t) in zip(parameters, parameterTypes) {
                    v.type = state.resolved(t)
                    if case .variable(let id) = t, state.inoutClosureParameters.contains(id) {
                        v.isInout = true
                        v.isMutable = true
                    }
                }
                let r = state.resolved(result)
                context.resultType = r.isResolved ? r : nil
                context.inferredResult = nil
                let saved = self.scope
                let savedOpen = self.openBinds
                self.scope = LexicalScope(parent: closureScope, function: context)
                defer {
                    self.scope = saved
                    self.openBinds = savedOpen
                }
                do throws(CellFailure) {
                    let checked = try self.checkBlockItems(statements)
                    if context.resultType == nil {
                        state.add(.equal(result, context.inferredResult ?? .void, at: position))
                    } else if context.resultType != .void, !Self.definitelyExits(checked) {
                        return SolverFailure(message: "missing return in closure expected to return '\(context.resultType!)'",
                                             position: pos(closure.rightBrace))
                    }
                    state.closureBodies[id] = ClosureBodyBox(checked)
                    return nil
                } catch {
                    return SolverFailure(message: error.message, position: error.position ?? position, notes: error.notes, kind: error.kind)
                }
            }
            s.add(.closureBody(body))
        }
        expression.bodyID = id
        return TypedExpression(.closure(expression), type: .function(type), at: position)
    }

    /// How many `$n` parameters a closure's body uses (not counting nested closures').
    static func anonymousParameterCount(_ statements: CodeBlockItemListSyntax) -> Int {
        final class Finder: SyntaxVisitor {
            var highest = -1
            override func visit(_ node: DeclReferenceExprSyntax) -> SyntaxVisitorContinueKind {
                if case .dollarIdentifier(let text) = node.baseName.tokenKind, let n = Int(text.dropFirst()) { highest = max(highest, n) }
                return .skipChildren
            }
            override func visit(_ node: ClosureExprSyntax) -> SyntaxVisitorContinueKind { .skipChildren }
        }
        let finder = Finder(viewMode: .sourceAccurate)
        finder.walk(statements)
        return finder.highest + 1
    }

    /// Whether a closure body can throw: a `try` or `throw` outside nested closures and
    /// exhaustive catches (Swift infers a closure's `throws` this way).
    static func bodyThrows(_ statements: CodeBlockItemListSyntax) -> Bool {
        final class Finder: SyntaxVisitor {
            var found = false
            override func visit(_ node: TryExprSyntax) -> SyntaxVisitorContinueKind {
                if node.questionOrExclamationMark == nil { found = true }
                return .visitChildren
            }
            override func visit(_ node: ThrowStmtSyntax) -> SyntaxVisitorContinueKind {
                found = true
                return .skipChildren
            }
            override func visit(_ node: ClosureExprSyntax) -> SyntaxVisitorContinueKind { .skipChildren }
            override func visit(_ node: FunctionDeclSyntax) -> SyntaxVisitorContinueKind { .skipChildren }
            override func visit(_ node: DoStmtSyntax) -> SyntaxVisitorContinueKind {
                // A do with a catch-all handles what its body throws.
                let catchesAll = node.catchClauses.contains { $0.catchItems.isEmpty }
                if catchesAll {
                    for clause in node.catchClauses { walk(clause) }
                    return .skipChildren
                }
                return .visitChildren
            }
        }
        let finder = Finder(viewMode: .sourceAccurate)
        finder.walk(statements)
        return finder.found
    }

    /// `if`/`switch` written as statements, and assignments, are not a single-expression body's value.
    func isStatementLike(_ e: ExprSyntax) -> Bool {
        if e.is(IfExprSyntax.self) || e.is(SwitchExprSyntax.self) { return true }
        if let infix = e.as(InfixOperatorExprSyntax.self) {
            if infix.operator.is(AssignmentExprSyntax.self) { return true }
            if let op = infix.operator.as(BinaryOperatorExprSyntax.self), Self.compoundAssignments.contains(op.operator.text) { return true }
        }
        return false
    }

    // MARK: if and switch as values

    func generateIfExpression(_ ifExpr: IfExprSyntax, _ s: inout SolverState) throws(CellFailure) -> TypedExpression {
        let result = s.newVariable(at: pos(ifExpr))
        let statement = try branchIf(ifExpr, result: result, &s)
        return TypedExpression(.statementExpression(statement), type: result, at: pos(ifExpr))
    }

    private func branchIf(_ ifExpr: IfExprSyntax, result: CellType, _ s: inout SolverState) throws(CellFailure) -> TypedStatement {
        var clauses: [(conditions: [TypedCondition], body: [TypedStatement])] = []
        var current: IfExprSyntax? = ifExpr
        var orElse: [TypedStatement]?
        while let clause = current {
            let (conditions, body) = try withScope { () throws(CellFailure) in
                let conditions = try checkConditions(clause.conditions)
                let body = try branchValue(clause.body.statements, result: result, at: pos(clause.body), &s)
                return (conditions, body)
            }
            clauses.append((conditions, body))
            switch clause.elseBody {
            case .ifExpr(let next)?: current = next
            case .codeBlock(let block)?:
                orElse = try withScope { () throws(CellFailure) in try branchValue(block.statements, result: result, at: pos(block), &s) }
                current = nil
            case nil:
                throw CellFailure(.syntax, "'if' must have an unconditional 'else' to be used as expression", at: pos(clause))
            }
        }
        return .ifStatement(clauses, orElse: orElse)
    }

    /// One branch of an `if`/`switch` expression: a single expression (its value) or a `throw`.
    func branchValue(_ items: CodeBlockItemListSyntax, result: CellType, at position: Int, _ s: inout SolverState) throws(CellFailure) -> [TypedStatement] {
        guard items.count == 1, let only = items.first else {
            throw CellFailure(.syntax, "a branch of an 'if' or 'switch' expression must be a single expression", at: position)
        }
        switch only.item {
        case .expr(let e):
            let value = try generate(e, &s)
            return [.yieldValue(conversionSite(value, to: result, site: .other, &s))]
        case .stmt(let stmt):
            if let t = stmt.as(ThrowStmtSyntax.self) { return [try checkThrow(t)] }
            if let e = stmt.as(ExpressionStmtSyntax.self) {
                let value = try generate(e.expression, &s)
                return [.yieldValue(conversionSite(value, to: result, site: .other, &s))]
            }
        default: break
        }
        throw CellFailure(.syntax, "a branch of an 'if' or 'switch' expression must be a single expression", at: pos(only))
    }

    func generateSwitchExpression(_ switchExpr: SwitchExprSyntax, _ s: inout SolverState) throws(CellFailure) -> TypedExpression {
        let result = s.newVariable(at: pos(switchExpr))
        let statement = try checkSwitch(switchExpr, label: nil) { (items, position) throws(CellFailure) in
            try self.branchValue(items, result: result, at: position, &s)
        }
        return TypedExpression(.statementExpression(statement), type: result, at: pos(switchExpr))
    }
}

/// A closure body checked in one branch of the solver.
final class ClosureBodyBox {
    let statements: [TypedStatement]
    init(_ statements: [TypedStatement]) { self.statements = statements }
}
