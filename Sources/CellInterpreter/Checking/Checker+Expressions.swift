@_spi(Compiler) import SwiftParser
import SwiftSyntax

extension Checker {
    // MARK: Entry

    /// Checks one expression: generates its constraints (with the contextual type, if any,
    /// flowing in), solves them and returns the typed expression.
    func checkExpression(_ syntax: ExprSyntax, contextual: CellType?, site: ConversionSite = .other) throws(CellFailure) -> TypedExpression {
        let savedSize = expressionSize
        expressionSize = 0
        defer { expressionSize = savedSize }
        var state = SolverState()
        let e = try generate(syntax, &state)
        var root = e
        if var contextual {
            // Placeholders of a generic type named without arguments become unknowns.
            contextual = contextual.rewritten { t in
                if case .variable(-1) = t { return state.newVariable(at: pos(syntax)) }
                return nil
            }
            root = conversionSite(e, to: contextual, site: site, &state)
        }
        return try solveAndFinalize(root, state, at: pos(syntax))
    }

    func solveAndFinalize(_ root: TypedExpression, _ state: SolverState, at position: Int) throws(CellFailure) -> TypedExpression {
        let solver = Solver(environment: self)
        switch solver.solve(state, at: position) {
        case .success(let solution):
            return try finalize(root, solution)
        case .failure(let f):
            throw CellFailure(f.kind, f.message, at: f.position, notes: f.notes)
        }
    }

    /// A place where the value must become `type` (an argument, an annotated initializer).
    func conversionSite(_ e: TypedExpression, to type: CellType, site: ConversionSite, _ s: inout SolverState) -> TypedExpression {
        s.add(.convert(e.type, type, site, at: e.position))
        return TypedExpression(.conversionSite(e, to: type), type: type, at: e.position)
    }

    // MARK: Generation

    /// The typed expression for `syntax`, with its constraints added to `s`. `inChain`: the
    /// expression is the base of a member, call or subscript, so an optional chain goes on.
    func generate(_ syntax: ExprSyntax, _ s: inout SolverState, inChain: Bool = false) throws(CellFailure) -> TypedExpression {
        expressionSize += 1
        if expressionSize > Self.maxExpressionSize {
            throw CellFailure(.unsupported, "the compiler is unable to type-check this expression in reasonable time; try breaking up the expression into distinct sub-expressions",
                              at: pos(syntax))
        }
        let before = openBinds
        let e = try generateNode(syntax, &s)
        if !inChain && openBinds > before {
            openBinds = before
            let result = s.newVariable(at: e.position)
            s.add(.chainResult(inner: e.type, result: result, at: e.position))
            return TypedExpression(.optionalChain(e), type: result, at: e.position)
        }
        return e
    }

    private func generateNode(_ syntax: ExprSyntax, _ s: inout SolverState) throws(CellFailure) -> TypedExpression {
        let position = pos(syntax)
        if let literal = syntax.as(IntegerLiteralExprSyntax.self) {
            let t = s.newVariable(.literal, literal: .integer, at: position)
            return TypedExpression(.integerLiteral(literal.literal.text), type: t, at: position)
        }
        if let literal = syntax.as(FloatLiteralExprSyntax.self) {
            let t = s.newVariable(.literal, literal: .float, at: position)
            return TypedExpression(.floatLiteral(literal.literal.text), type: t, at: position)
        }
        if let literal = syntax.as(BooleanLiteralExprSyntax.self) {
            let t = s.newVariable(.literal, literal: .boolean, at: position)
            return TypedExpression(.booleanLiteral(literal.literal.tokenKind == .keyword(.true)), type: t, at: position)
        }
        if syntax.is(NilLiteralExprSyntax.self) {
            let t = s.newVariable(.literal, literal: .nilLiteral, at: position)
            return TypedExpression(.nilLiteral, type: t, at: position)
        }
        if let literal = syntax.as(StringLiteralExprSyntax.self) { return try generateString(literal, &s) }
        if let array = syntax.as(ArrayExprSyntax.self) { return try generateArray(array, &s) }
        if let dictionary = syntax.as(DictionaryExprSyntax.self) { return try generateDictionary(dictionary, &s) }
        if let tuple = syntax.as(TupleExprSyntax.self) { return try generateTuple(tuple, &s) }
        if let ref = syntax.as(DeclReferenceExprSyntax.self) { return try generateName(ref, &s) }
        if let member = syntax.as(MemberAccessExprSyntax.self) { return try generateMember(member, call: nil, &s) }
        if let call = syntax.as(FunctionCallExprSyntax.self) { return try generateCall(call, &s) }
        if let sub = syntax.as(SubscriptCallExprSyntax.self) { return try generateSubscript(sub, &s) }
        if let infix = syntax.as(InfixOperatorExprSyntax.self) { return try generateInfix(infix, &s) }
        if let prefix = syntax.as(PrefixOperatorExprSyntax.self) { return try generatePrefix(prefix, &s) }
        if let ternary = syntax.as(TernaryExprSyntax.self) {
            let condition = try generate(ternary.condition, &s)
            let c = conversionSite(condition, to: .bool, site: .other, &s)
            let result = s.newVariable(at: position)
            let a = try generate(ternary.thenExpression, &s)
            let b = try generate(ternary.elseExpression, &s)
            return TypedExpression(.ternary(c, join(a, into: result, &s), join(b, into: result, &s)), type: result, at: position)
        }
        if let closure = syntax.as(ClosureExprSyntax.self) { return try generateClosure(closure, &s) }
        if let force = syntax.as(ForceUnwrapExprSyntax.self) {
            let inner = try generate(force.expression, &s, inChain: true)
            let wrapped = s.newVariable(at: position)
            s.add(.optionalObject(optional: inner.type, wrapped: wrapped, at: pos(force.exclamationMark), forChaining: false))
            return TypedExpression(.forceUnwrap(inner), type: wrapped, at: position)
        }
        if let chain = syntax.as(OptionalChainingExprSyntax.self) {
            let inner = try generate(chain.expression, &s, inChain: true)
            let wrapped = s.newVariable(at: position)
            s.add(.optionalObject(optional: inner.type, wrapped: wrapped, at: pos(chain.questionMark), forChaining: true))
            openBinds += 1
            return TypedExpression(.bindOptional(inner), type: wrapped, at: position)
        }
        if let t = syntax.as(TryExprSyntax.self) { return try generateTry(t, &s) }
        if let isExpr = syntax.as(IsExprSyntax.self) {
            let inner = try generate(isExpr.expression, &s)
            let type = try resolveType(isExpr.type)
            return TypedExpression(.typeCheck(inner, type), type: .bool, at: pos(isExpr.isKeyword))
        }
        if let asExpr = syntax.as(AsExprSyntax.self) { return try generateAs(asExpr, &s) }
        if let inoutExpr = syntax.as(InOutExprSyntax.self) {
            throw CellFailure(.syntax, "'&' may only be used to pass an argument to an inout parameter", at: pos(inoutExpr))
        }
        if syntax.is(DiscardAssignmentExprSyntax.self) {
            throw CellFailure(.syntax, "'_' can only appear in a pattern or on the left side of an assignment", at: position)
        }
        if syntax.is(SuperExprSyntax.self) {
            throw CellFailure(.syntax, "'super' cannot be used outside of a member access", at: position)
        }
        if let ifExpr = syntax.as(IfExprSyntax.self) { return try generateIfExpression(ifExpr, &s) }
        if let switchExpr = syntax.as(SwitchExprSyntax.self) { return try generateSwitchExpression(switchExpr, &s) }
        if let spec = syntax.as(GenericSpecializationExprSyntax.self) {
            let type = try typeFromExpression(ExprSyntax(spec))
            return TypedExpression(.typeReference(type), type: .metatype(type), at: position)
        }
        if let typeExpr = syntax.as(TypeExprSyntax.self) {
            let type = try resolveType(typeExpr.type)
            return TypedExpression(.typeReference(type), type: .metatype(type), at: position)
        }
        if let postfix = syntax.as(PostfixOperatorExprSyntax.self) {
            let operand = try generate(postfix.expression, &s)
            return try operatorCall(postfix.operator.text, .postfix, [operand], at: pos(postfix.operator), &s)
        }
        if syntax.is(AwaitExprSyntax.self) { throw CellFailure(.unsupported, "'await' is not supported in cells (no concurrency)", at: position) }
        if let keyPath = syntax.as(KeyPathExprSyntax.self) { return try keyPathAsFunction(keyPath, &s) }
        if syntax.is(MacroExpansionExprSyntax.self) { throw CellFailure(.unsupported, "macros are not supported in cells", at: position) }
        if syntax.is(RegexLiteralExprSyntax.self) { throw CellFailure(.unsupported, "regex literals are not supported in cells", at: position) }
        if syntax.is(PackExpansionExprSyntax.self) || syntax.is(PackElementExprSyntax.self) {
            throw CellFailure(.unsupported, "parameter packs are not supported in cells", at: position)
        }
        throw CellFailure(.unsupported, "this expression is not supported in cells", at: position)
    }

    /// An expression whose value goes into a place of a type shared with others (a ternary's
    /// branches, an array's elements): literals merge with the others' types; other values convert.
    func join(_ e: TypedExpression, into type: CellType, _ s: inout SolverState, site: ConversionSite = .other) -> TypedExpression {
        if case .variable(let v) = s.shallow(e.type), let literal = s.literals[v], literal != .nilLiteral {
            s.add(.equal(e.type, type, at: e.position))
            return e
        }
        return conversionSite(e, to: type, site: site, &s)
    }

    // MARK: Literals

    private func generateString(_ literal: StringLiteralExprSyntax, _ s: inout SolverState) throws(CellFailure) -> TypedExpression {
        let position = pos(literal)
        if literal.hasError { throw CellFailure(.syntax, "this string literal is not well formed", at: position) }
        guard let kind = literal.stringLiteralKind else { throw CellFailure(.syntax, "this string literal is not supported", at: position) }
        var segments: [InterpolationSegment] = []
        var text = ""
        var interpolated = false
        for segment in literal.segments {
            switch segment {
            case .stringSegment(let piece):
                piece.appendUnescapedLiteralValue(stringLiteralKind: kind, delimiterLength: literal.delimiterLength, to: &text)
            case .expressionSegment(let e):
                interpolated = true
                if !text.isEmpty { segments.append(.text(text)) }
                text = ""
                guard e.expressions.count == 1, let only = e.expressions.first, only.label == nil else {
                    throw CellFailure(.unsupported, "interpolation with labels or several values is not supported in cells", at: pos(e))
                }
                let value = try generate(only.expression, &s)
                segments.append(.value(value))
            }
        }
        if !interpolated {
            let t = s.newVariable(.literal, literal: .string, at: position)
            return TypedExpression(.stringLiteral(text), type: t, at: position)
        }
        if !text.isEmpty { segments.append(.text(text)) }
        return TypedExpression(.interpolation(segments), type: .string, at: position)
    }

    private func generateArray(_ array: ArrayExprSyntax, _ s: inout SolverState) throws(CellFailure) -> TypedExpression {
        let position = pos(array)
        let element = s.newVariable(array.elements.isEmpty ? .emptyCollection : .other, at: position)
        var generated: [TypedExpression] = []
        for item in array.elements { generated.append(try generate(item.expression, &s)) }
        // Literals of one family (`[1, 2.5]`) share a type, found together. Literals that cannot
        // (`[1, "two"]`) each keep their own and convert to the element type, which only a
        // context such as [Any] can give, as in Swift.
        var families: Set<String> = []
        for e in generated {
            guard case .variable(let v) = s.shallow(e.type), let literal = s.literals[v] else { continue }
            switch literal {
            case .integer, .float: families.insert("number")
            case .nilLiteral: continue
            default: families.insert(literal.noun)
            }
        }
        let items = generated.map { e in
            families.count > 1 ? conversionSite(e, to: element, site: .collectionElement, &s) : join(e, into: element, &s, site: .collectionElement)
        }
        let t = s.newVariable(.literal, literal: .array(element), at: position)
        return TypedExpression(.arrayLiteral(items), type: t, at: position)
    }

    private func generateDictionary(_ dictionary: DictionaryExprSyntax, _ s: inout SolverState) throws(CellFailure) -> TypedExpression {
        let position = pos(dictionary)
        var pairs: [(TypedExpression, TypedExpression)] = []
        var empty = true
        if case .elements(let elements) = dictionary.content { empty = elements.isEmpty }
        let key = s.newVariable(empty ? .emptyCollection : .other, at: position)
        let value = s.newVariable(empty ? .emptyCollection : .other, at: position)
        if case .elements(let elements) = dictionary.content {
            for element in elements {
                let k = try generate(element.key, &s)
                let v = try generate(element.value, &s)
                pairs.append((join(k, into: key, &s, site: .collectionElement), join(v, into: value, &s, site: .collectionElement)))
            }
        }
        let t = s.newVariable(.literal, literal: .dictionary(key, value), at: position)
        return TypedExpression(.dictionaryLiteral(pairs), type: t, at: position)
    }

    private func generateTuple(_ tuple: TupleExprSyntax, _ s: inout SolverState) throws(CellFailure) -> TypedExpression {
        let position = pos(tuple)
        if tuple.elements.count == 1, let only = tuple.elements.first, only.label == nil {
            return try generate(only.expression, &s)
        }
        if tuple.elements.isEmpty { return TypedExpression(.tuple([]), type: .void, at: position) }
        var items: [TypedExpression] = []
        var elements: [TupleElementType] = []
        for element in tuple.elements {
            let e = try generate(element.expression, &s)
            items.append(e)
            elements.append(TupleElementType(label: element.label?.text, type: e.type))
        }
        return TypedExpression(.tuple(items), type: .tuple(elements), at: position)
    }

    // MARK: Names

    private func generateName(_ ref: DeclReferenceExprSyntax, _ s: inout SolverState) throws(CellFailure) -> TypedExpression {
        let position = pos(ref)
        let name = ref.baseName.text
        if ref.baseName.tokenKind == .keyword(.self) {
            guard let selfDecl = function.selfDecl ?? enclosingSelf() else {
                throw CellFailure(.name, "cannot find 'self' in scope; 'self' is only available in methods and initializers", at: position)
            }
            if selfDecl.owner !== function { function.capture(selfDecl) }
            return TypedExpression(.selfValue(selfDecl), type: selfDecl.type, at: position)
        }
        if ref.baseName.tokenKind == .keyword(.Self) {
            guard let t = scope.enclosingType else { throw CellFailure(.name, "cannot find type 'Self' in scope", at: position) }
            return TypedExpression(.typeReference(t), type: .metatype(t), at: position)
        }
        if case .dollarIdentifier = ref.baseName.tokenKind {
            guard let (entry, _) = scope.lookupValue(name), case .variable(let v) = entry else {
                throw CellFailure(.name, "anonymous closure argument not contained in a closure", at: position)
            }
            return variableReference(v, at: position)
        }
        if Checker.isOperatorName(name), lookupName(name) == nil {
            // An operator used as a function: `reduce(0, +)`, `sorted(by: >)`, `map(-)`, and `...`
            // alone (UnboundedRange). As in Swift, every fixity's declarations are candidates.
            let fs = registry.operators(name, .infix) + (extensions.infixOperators[name] ?? [])
                + registry.operators(name, .prefix) + (extensions.prefixOperators[name] ?? []) + registry.operators(name, .postfix)
            guard !fs.isEmpty else { throw CellFailure(.name, "cannot find operator '\(name)' in scope", at: position) }
            return try functionValue(fs, name: name, argumentNames: nil, at: position, &s)
        }
        guard let meaning = lookupName(name) else { throw unknownName(name, at: position) }
        switch meaning {
        case .variable(let v):
            return variableReference(v, at: position)
        case .functions(let fs):
            return try functionValue(fs, name: name, argumentNames: ref.argumentNames, at: position, &s)
        case .type(let t):
            return TypedExpression(.typeReference(t), type: .metatype(t), at: position)
        case .implicitMember(let isStatic):
            return try implicitSelfMember(name, isStatic: isStatic, call: nil, at: position, &s)
        }
    }

    /// `self` of the innermost method around a closure.
    private func enclosingSelf() -> VarDecl? {
        var context: FunctionContext? = function
        while let c = context {
            if let s = c.selfDecl { return s }
            context = c.parent
        }
        return nil
    }

    func variableReference(_ v: VarDecl, at position: Int) -> TypedExpression {
        function.capture(v)
        return TypedExpression(.variable(v), type: v.type, at: position)
    }

    /// A function named as a value: its overloads are the alternatives.
    private func functionValue(_ fs: [FunctionDecl], name: String, argumentNames: DeclNameArgumentsSyntax?, at position: Int,
                               _ s: inout SolverState) throws(CellFailure) -> TypedExpression {
        var functions = fs
        if let names = argumentNames {
            let labels = names.arguments.map { $0.name.text == "_" ? nil : $0.name.text }
            functions = fs.filter { $0.parameters.map(\.label) == labels }
            if functions.isEmpty { throw CellFailure(.name, "cannot find '\(name)(\(labels.map { ($0 ?? "_") + ":" }.joined()))' in scope", at: position) }
        }
        let result = s.newVariable(at: position)
        var candidates: [OverloadCandidate] = []
        var options: [DisjunctionOption] = []
        for f in functions {
            var substitution: [GenericParameter: CellType] = [:]
            var constraints: [Constraint] = []
            var args: [CellType] = []
            for gp in f.genericParameters {
                let v = s.newVariable(.genericParameter(gp.name), at: position)
                substitution[gp] = v
                args.append(v)
                for p in gp.conformances { constraints.append(.conforms(v, p, at: position)) }
            }
            let fn = CellType.function(FunctionType(
                parameters: f.parameters.map { ParameterType($0.type.substituting(substitution), isInout: $0.isInout, variadic: $0.isVariadic) },
                result: f.resultType.substituting(substitution), throws: f.isThrowing))
            constraints.append(.equal(result, fn, at: position))
            candidates.append(OverloadCandidate(target: .function(f), argumentMapping: nil, genericArguments: args, baseType: nil,
                                                parameterTypes: [], resultType: fn))
            var cost = Score()
            if !f.genericParameters.isEmpty { cost.generic += 1 }
            options.append(DisjunctionOption(constraints: constraints, cost: cost))
        }
        let point = newChoicePoint()
        s.add(.disjunction(Disjunction(point: point, options: options, position: position, subject: .member(base: .void, name: name))))
        let node = PendingNode(point: point, shape: .member, base: nil, candidates: candidates, name: name)
        return TypedExpression(.pending(node), type: result, at: position)
    }

    /// `count` inside a method: `self.count`.
    func implicitSelfMember(_ name: String, isStatic: Bool, call: CallSyntaxParts?, at position: Int,
                            _ s: inout SolverState) throws(CellFailure) -> TypedExpression {
        guard let type = scope.enclosingType else { throw unknownName(name, at: position) }
        let base: TypedExpression
        if isStatic {
            base = TypedExpression(.typeReference(type), type: .metatype(type), at: position)
        } else {
            guard let selfDecl = function.selfDecl ?? enclosingSelf() else { throw unknownName(name, at: position) }
            if selfDecl.owner !== function { function.capture(selfDecl) }
            base = TypedExpression(.selfValue(selfDecl), type: selfDecl.type, at: position)
        }
        return try memberReference(base: base, name: name, isStatic: isStatic, call: call, at: position, &s)
    }

    // MARK: Members

    func generateMember(_ member: MemberAccessExprSyntax, call: CallSyntaxParts?, _ s: inout SolverState) throws(CellFailure) -> TypedExpression {
        let position = pos(member.declName)
        let name = member.declName.baseName.text
        guard let baseSyntax = member.base else {
            // `.red`, `.init(…)`: a member of the type the context expects.
            let result = s.newVariable(at: position)
            let point = newChoicePoint()
            let arguments = try call.map { (c) throws(CellFailure) in try generateArguments(c, &s) }
            s.add(.member(MemberConstraint(point: point, base: result, name: name, type: result, call: arguments?.1, isStatic: true,
                                           isImplicit: true, position: position, baseIsMutable: false)))
            let node = PendingNode(point: point, shape: arguments.map { .call(arguments: $0.0, labels: $0.1.map(\.label)) } ?? .member,
                                   base: nil, candidates: nil, name: name)
            return TypedExpression(.pending(node), type: result, at: position)
        }
        if baseSyntax.is(SuperExprSyntax.self) {
            return try superMember(name, call: call, at: position, superAt: pos(baseSyntax), &s)
        }
        // `t.0`: a tuple element.
        if case .integerLiteral(let digits) = member.declName.baseName.tokenKind, let index = Int(digits) {
            let base = try generate(baseSyntax, &s, inChain: true)
            let element = s.newVariable(at: position)
            s.add(.tupleElement(tuple: base.type, element: .index(index), type: element, at: position))
            let e = TypedExpression(.tupleElement(base, index), type: element, at: position)
            if let call { return try callValue(e, call, &s) }
            return e
        }
        // A type's member: `Double.pi`, `Tensor.zeros(…)`, `Outer.Inner`.
        if let type = try? typeFromExpression(baseSyntax) {
            if case .nominal(let decl, _) = type, let nested = decl.nestedTypes[name] {
                let t = nested.declaredType
                let e = TypedExpression(.typeReference(t), type: .metatype(t), at: position)
                if let call { return try initializerCall(t, call, at: position, &s) }
                return e
            }
            if name == "self" { return TypedExpression(.typeReference(type), type: .metatype(type), at: position) }
            if name == "init", let call { return try initializerCall(type, call, at: position, &s) }
            let base = TypedExpression(.typeReference(type), type: .metatype(type), at: pos(baseSyntax))
            return try memberReference(base: base, name: name, isStatic: true, call: call, at: position, &s)
        }
        let base = try generate(baseSyntax, &s, inChain: true)
        if name == "init" { throw CellFailure(.unsupported, "'init' on a value is not supported in cells", at: position) }
        return try memberReference(base: base, name: name, isStatic: false, call: call, at: position, &s)
    }

    /// A member of a value (or of a type, `isStatic`), found once the base's type is known.
    func memberReference(base: TypedExpression, name: String, isStatic: Bool, call: CallSyntaxParts?, at position: Int,
                         _ s: inout SolverState) throws(CellFailure) -> TypedExpression {
        let result = s.newVariable(at: position)
        let point = newChoicePoint()
        let arguments = try call.map { (c) throws(CellFailure) in try generateArguments(c, &s) }
        s.add(.member(MemberConstraint(point: point, base: base.type, name: name, type: result, call: arguments?.1, isStatic: isStatic,
                                       isImplicit: false, position: position, baseIsMutable: false)))
        let node = PendingNode(point: point, shape: arguments.map { .call(arguments: $0.0, labels: $0.1.map(\.label)) } ?? .member,
                               base: base, candidates: nil, name: name)
        return TypedExpression(.pending(node), type: result, at: position)
    }

    /// `super.f(…)` in a class method.
    private func superMember(_ name: String, call: CallSyntaxParts?, at position: Int, superAt: Int,
                             _ s: inout SolverState) throws(CellFailure) -> TypedExpression {
        guard let selfDecl = function.selfDecl ?? enclosingSelf(), case .nominal(let decl, _) = selfDecl.type, let sup = decl.superclass else {
            throw CellFailure(.name, "'super' cannot be used outside of a class with a superclass", at: position)
        }
        if selfDecl.owner !== function { function.capture(selfDecl) }
        let base = TypedExpression(.superValue(selfDecl), type: sup, at: position)
        if name == "init" {
            guard let call else { throw CellFailure(.syntax, "'super.init' must be called", at: position) }
            return try delegatingInit(on: sup, isSuper: true, call, at: position, superAt: superAt, &s)
        }
        return try memberReference(base: base, name: name, isStatic: false, call: call, at: position, &s)
    }

    /// A type written where an expression stands: `Int`, `[Double]`, `Stack<Int>`, `Outer.Inner`.
    func typeFromExpression(_ syntax: ExprSyntax) throws(CellFailure) -> CellType {
        if let ref = syntax.as(DeclReferenceExprSyntax.self) {
            if ref.baseName.tokenKind == .keyword(.Self), let t = scope.enclosingType { return t }
            if let (entry, _) = scope.lookupValue(ref.baseName.text), case .variable = entry { throw notAType }
            if case .functions? = scope.lookupValue(ref.baseName.text)?.0 { throw notAType }
            return try resolveTypeName(ref.baseName.text, at: pos(ref))
        }
        if let spec = syntax.as(GenericSpecializationExprSyntax.self), let ref = spec.expression.as(DeclReferenceExprSyntax.self) {
            let args = try spec.genericArgumentClause.arguments.map { (a) throws(CellFailure) -> CellType in
                guard case .type(let t) = a.argument else { throw CellFailure(.unsupported, "value generic arguments are not supported", at: pos(a)) }
                return try resolveType(t)
            }
            return try typeResolver.named(ref.baseName.text, arguments: args, explicitArguments: true, at: pos(ref))
        }
        if let array = syntax.as(ArrayExprSyntax.self), array.elements.count == 1, let only = array.elements.first {
            return .array(try typeFromExpression(only.expression))
        }
        if let dict = syntax.as(DictionaryExprSyntax.self), case .elements(let elements) = dict.content, elements.count == 1,
           let only = elements.first {
            return .dictionary(try typeFromExpression(only.key), try typeFromExpression(only.value))
        }
        if let member = syntax.as(MemberAccessExprSyntax.self), let base = member.base {
            let outer = try typeFromExpression(base)
            if case .nominal(let decl, _) = outer, let nested = decl.nestedTypes[member.declName.baseName.text] { return nested.declaredType }
            throw notAType
        }
        if let typeExpr = syntax.as(TypeExprSyntax.self) { return try resolveType(typeExpr.type) }
        if let opt = syntax.as(OptionalChainingExprSyntax.self) { return .optional(try typeFromExpression(opt.expression)) }
        throw notAType
    }

    private var notAType: CellFailure { CellFailure(.type, "not a type") }
}

/// The parts of a call's syntax: its arguments and trailing closures.
struct CallSyntaxParts {
    var arguments: LabeledExprListSyntax
    var trailingClosure: ClosureExprSyntax?
    var additionalTrailingClosures: MultipleTrailingClosureElementListSyntax
    let position: Int

    init(_ call: FunctionCallExprSyntax) {
        arguments = call.arguments
        trailingClosure = call.trailingClosure
        additionalTrailingClosures = call.additionalTrailingClosures
        position = pos(call)
    }

    init(_ call: SubscriptCallExprSyntax) {
        arguments = call.arguments
        trailingClosure = call.trailingClosure
        additionalTrailingClosures = call.additionalTrailingClosures
        position = pos(call)
    }
}
