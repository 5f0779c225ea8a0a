@_spi(Compiler) import SwiftParser
import SwiftSyntax

extension Lowerer {
    /// Lowers an expression. `expecting` is a written type the value will be stored as, so an
    /// integer literal meant as a Double becomes one (`let x: Double = 1`).
    func lowerExpr(_ e: ExprSyntax, expecting: TypeAnnotation? = nil) throws(CellFailure) -> Expr {
        let p = pos(e)
        switch e.as(ExprSyntaxEnum.self) {
        case .integerLiteralExpr(let i):
            guard let v = i.representedLiteralValue else {
                throw CellFailure(.syntax, "integer literal '\(i.literal.text)' overflows Int", at: p)
            }
            if case .double? = expecting?.kind { return LiteralExpr(.double(Double(v)), position: p) }
            return LiteralExpr(.int(v), position: p)
        case .floatLiteralExpr(let f):
            guard let v = f.representedLiteralValue else {
                throw CellFailure(.syntax, "invalid number '\(f.literal.text)'", at: p)
            }
            return LiteralExpr(.double(v), position: p)
        case .booleanLiteralExpr(let b):
            return LiteralExpr(.bool(b.literal.tokenKind == .keyword(.true)), position: p)
        case .nilLiteralExpr:
            return LiteralExpr(.none, position: p)
        case .stringLiteralExpr(let s):
            return try lowerString(s)
        case .arrayExpr(let a):
            var element: TypeAnnotation?
            if case .array(let t)? = expecting?.kind { element = t }
            var items: [Expr] = []
            for item in a.elements { items.append(try lowerExpr(item.expression, expecting: element)) }
            return ArrayExpr(items, position: p)
        case .tupleExpr(let t):
            if t.elements.count == 1, let only = t.elements.first, only.label == nil {
                return try lowerExpr(only.expression, expecting: expecting)
            }
            var items: [Expr] = []
            var labels: [String?] = []
            for element in t.elements {
                items.append(try lowerExpr(element.expression))
                labels.append(element.label?.text)
            }
            if items.isEmpty { return LiteralExpr(.void, position: p) }
            return TupleExpr(items, labels: labels, position: p)
        case .declReferenceExpr(let d):
            return try lowerReference(d)
        case .memberAccessExpr(let m):
            return try lowerMemberAccess(m)
        case .functionCallExpr(let c):
            return try lowerCall(c)
        case .subscriptCallExpr(let s):
            var indices: [Expr] = []
            for a in s.arguments {
                if a.label != nil { throw CellFailure(.unsupported, "labelled subscripts are not supported in cells", at: pos(a)) }
                indices.append(try lowerExpr(a.expression))
            }
            return SubscriptExpr(try lowerExpr(s.calledExpression), indices: indices, position: pos(s.leftSquare))
        case .infixOperatorExpr(let infix):
            return try lowerInfix(infix)
        case .prefixOperatorExpr(let prefix):
            let op = prefix.operator.text
            if op == "-", let i = prefix.expression.as(IntegerLiteralExprSyntax.self) {
                // -9223372036854775808 is a valid literal though its magnitude is not.
                let digits = i.literal.text.filter { $0 != "_" }
                if let v = Int("-" + digits) {
                    if case .double? = expecting?.kind { return LiteralExpr(.double(Double(v)), position: p) }
                    return LiteralExpr(.int(v), position: p)
                }
            }
            if op == "..<" || op == "..." {
                // `..<5`, `...4`: from the start of whatever the range indexes.
                return RangeExpr(lower: LiteralExpr(.int(RangeValue.openStart), position: p), upper: try lowerExpr(prefix.expression),
                                 closed: op == "...", position: p)
            }
            guard let unary = UnaryExpr.Op(rawValue: op) else {
                throw CellFailure(.unsupported, "prefix operator '\(op)' is not supported in cells", at: p)
            }
            return UnaryExpr(unary, try lowerExpr(prefix.expression, expecting: expecting), position: p)
        case .postfixOperatorExpr(let postfix) where postfix.operator.text == "...":
            // `2...`: to the end of whatever the range indexes.
            return RangeExpr(lower: try lowerExpr(postfix.expression), upper: LiteralExpr(.int(RangeValue.openEnd), position: p),
                             closed: false, position: p)
        case .ternaryExpr(let t):
            return TernaryExpr(try lowerExpr(t.condition), then: try lowerExpr(t.thenExpression, expecting: expecting),
                               otherwise: try lowerExpr(t.elseExpression, expecting: expecting), position: p)
        case .closureExpr(let c):
            return try lowerClosure(c)
        case .tryExpr(let t):
            // Every error already ends the cell with its message; `try` changes nothing.
            return try lowerExpr(t.expression, expecting: expecting)
        case .asExpr(let a):
            let type = try lowerType(a.type)
            return CastExpr(try lowerExpr(a.expression, expecting: type), to: type,
                            optional: a.questionOrExclamationMark?.tokenKind == .postfixQuestionMark, position: p)
        case .forceUnwrapExpr(let f):
            return ForceUnwrapExpr(try lowerExpr(f.expression), position: pos(f.exclamationMark))
        case .discardAssignmentExpr:
            throw CellFailure(.syntax, "'_' can only appear on the left of '='", at: p)
        case .sequenceExpr:
            throw CellFailure(.syntax, "could not determine operator precedence here; add parentheses", at: p)
        case .ifExpr:
            throw CellFailure(.unsupported, "'if' as a value is not supported in cells; use 'c ? a : b'", at: p)
        default:
            throw unsupported(e)
        }
    }

    // MARK: Strings

    private func lowerString(_ s: StringLiteralExprSyntax) throws(CellFailure) -> Expr {
        let p = pos(s)
        if let plain = s.representedLiteralValue { return LiteralExpr(.string(plain), position: p) }
        guard let kind = s.stringLiteralKind else {
            throw CellFailure(.syntax, "malformed string literal", at: p)
        }
        var pieces: [InterpolationExpr.Piece] = []
        for segment in s.segments {
            switch segment {
            case .stringSegment(let text):
                var out = ""
                text.appendUnescapedLiteralValue(stringLiteralKind: kind, delimiterLength: s.delimiterLength, to: &out)
                pieces.append(.text(out))
            case .expressionSegment(let interpolation):
                guard interpolation.expressions.count == 1, let only = interpolation.expressions.first, only.label == nil else {
                    throw CellFailure(.unsupported, "interpolation takes one expression here", at: pos(interpolation))
                }
                pieces.append(.expr(try lowerExpr(only.expression)))
            }
        }
        return InterpolationExpr(pieces, position: p)
    }

    // MARK: Names

    private func lowerReference(_ d: DeclReferenceExprSyntax) throws(CellFailure) -> Expr {
        let name = d.baseName.text
        let p = pos(d)
        if case .binaryOperator = d.baseName.tokenKind, let op = BinaryOperator(rawValue: name) {
            // An operator used as a function: `xs.reduce(0, +)`.
            let f = NativeFunction("\(name)(_ lhs: Any, _ rhs: Any) -> Any", doc: "The operator \(name) as a function.") { call in
                try applyBinary(op, call.value(0)!, call.value(1)!, registry: call.context.registry, at: call.position)
            }
            return LiteralExpr(.function(FunctionValue(.native(f))), position: p)
        }
        if case .dollarIdentifier = d.baseName.tokenKind {
            guard let index = Int(name.dropFirst()), let (address, _) = resolveVariable(name) else {
                throw CellFailure(.syntax, "anonymous closure argument '\(name)' not contained in a closure", at: p)
            }
            _ = index
            return LocalOrOuterGet.make(address, position: p)
        }
        if d.argumentNames != nil {
            throw CellFailure(.unsupported, "function references with labels are not supported in cells; use a closure", at: p)
        }
        switch scope.lookup(name) {
        case .variable(let slot, _, let owner)?:
            return LocalOrOuterGet.make(function.address(of: slot, owner: owner), position: p, in: function)
        case .functions(let overloads)?:
            guard overloads.count == 1 else {
                throw CellFailure(.type, "ambiguous use of '\(name)': it names \(overloads.count) functions", at: p)
            }
            return LocalOrOuterGet.make(function.address(of: overloads[0].slot, owner: overloads[0].owner), position: p)
        case nil:
            if let natives = registry.functions[name] {
                guard natives.count == 1 else {
                    throw CellFailure(.type, "ambiguous use of '\(name)'; call it, or wrap it in a closure", at: p)
                }
                return LiteralExpr(.function(FunctionValue(.native(natives[0]))), position: p)
            }
            if registry.types[name] != nil {
                throw CellFailure(.type, "type '\(name)' is not a value; call one of its initializers, as '\(name)(…)'", at: p)
            }
            throw unknownName(name, at: p)
        }
    }

    private func lowerMemberAccess(_ m: MemberAccessExprSyntax) throws(CellFailure) -> Expr {
        let name = m.declName.baseName.text
        let p = pos(m.declName)
        guard let base = m.base else {
            // `.relu`: an implicit member, passed to the library as its name.
            return LiteralExpr(.string(name), position: p)
        }
        if let typeName = staticTypeName(base) {
            guard let type = registry.types[typeName] else { throw unknownName(typeName, at: pos(base)) }
            if let property = type.staticProperties[name] {
                return StaticPropertyExpr(property, position: p)
            }
            var message = "type '\(typeName)' has no member '\(name)'"
            if let near = nearestName(to: name, in: Array(type.staticProperties.keys) + Array(type.staticMethods.keys)) {
                message += "; did you mean '\(near)'?"
            }
            throw CellFailure(.name, message, at: p)
        }
        return MemberGetExpr(try lowerExpr(base), name: name, position: p)
    }

    /// The base names a library type (`Tensor.zeros`), not a variable.
    func staticTypeName(_ base: ExprSyntax) -> String? {
        guard let d = base.as(DeclReferenceExprSyntax.self) else { return nil }
        let name = d.baseName.text
        guard scope.lookup(name) == nil, registry.types[name] != nil else { return nil }
        return name
    }

    // MARK: Operators

    private func lowerInfix(_ infix: InfixOperatorExprSyntax) throws(CellFailure) -> Expr {
        let p = pos(infix.operator)
        if infix.operator.is(AssignmentExprSyntax.self) {
            if infix.leftOperand.is(DiscardAssignmentExprSyntax.self) {
                return DiscardExpr(try lowerExpr(infix.rightOperand), position: p)
            }
            let target = try lowerPlace(infix.leftOperand)
            return AssignExpr(target, value: try lowerExpr(infix.rightOperand), position: p)
        }
        guard let opToken = infix.operator.as(BinaryOperatorExprSyntax.self)?.operator else {
            throw unsupported(infix.operator)
        }
        let op = opToken.text
        switch op {
        case "&&", "||":
            return LogicalExpr(isAnd: op == "&&", try lowerExpr(infix.leftOperand), try lowerExpr(infix.rightOperand), position: p)
        case "..<", "...":
            return RangeExpr(lower: try lowerExpr(infix.leftOperand), upper: try lowerExpr(infix.rightOperand), closed: op == "...",
                             position: p)
        case "??":
            return NilCoalescingExpr(try lowerExpr(infix.leftOperand), try lowerExpr(infix.rightOperand), position: p)
        case "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=":
            guard let binary = BinaryOperator(rawValue: String(op.dropLast())) else { throw unsupported(infix.operator) }
            let target = try lowerPlace(infix.leftOperand)
            return CompoundAssignExpr(target, op: binary, value: try lowerExpr(infix.rightOperand), position: p)
        default:
            guard let binary = BinaryOperator(rawValue: op) else {
                throw CellFailure(.unsupported, "operator '\(op)' is not supported in cells", at: p)
            }
            let node = BinaryExpr(binary, try lowerExpr(infix.leftOperand), try lowerExpr(infix.rightOperand), position: p)
            if let local = node.lhs as? LocalGet, let literal = node.rhs as? LiteralExpr, case .int(let c) = literal.value {
                return LocalConstantBinaryExpr(binary, slot: local.slot, constant: c, general: node)
            }
            return node
        }
    }

    /// The left side of an assignment: a `var`, an element, a property.
    func lowerPlace(_ e: ExprSyntax) throws(CellFailure) -> LValue {
        let p = pos(e)
        if let d = e.as(DeclReferenceExprSyntax.self) {
            let name = d.baseName.text
            guard let (address, mutable) = resolveVariable(name) else {
                if case .functions? = scope.lookup(name) {
                    throw CellFailure(.type, "cannot assign to '\(name)': it is a function", at: p)
                }
                throw unknownName(name, at: p)
            }
            guard mutable else {
                throw CellFailure(.type, "cannot assign to value: '\(name)' is a 'let' constant", at: p,
                                  notes: ["declare it with 'var' to change it"])
            }
            return SlotLValue(address, position: p)
        }
        if let s = e.as(SubscriptCallExprSyntax.self) {
            var indices: [Expr] = []
            for a in s.arguments { indices.append(try lowerExpr(a.expression)) }
            return SubscriptLValue(try lowerPlace(s.calledExpression), indices: indices, position: pos(s.leftSquare))
        }
        if let m = e.as(MemberAccessExprSyntax.self), let base = m.base {
            return MemberLValue(try lowerPlace(base), name: m.declName.baseName.text, position: pos(m.declName))
        }
        if let t = e.as(TupleExprSyntax.self), t.elements.count == 1, let only = t.elements.first {
            return try lowerPlace(only.expression)
        }
        throw CellFailure(.type, "cannot assign to this expression", at: p)
    }

    /// Like `lowerPlace`, but nil (instead of an error) when `e` is not assignable.
    func placeIfAssignable(_ e: ExprSyntax) -> LValue? {
        if let d = e.as(DeclReferenceExprSyntax.self) {
            guard let (address, mutable) = resolveVariable(d.baseName.text), mutable else { return nil }
            return SlotLValue(address, position: pos(d))
        }
        if e.is(SubscriptCallExprSyntax.self) || e.is(MemberAccessExprSyntax.self) {
            return try? lowerPlace(e)
        }
        return nil
    }

    // MARK: Closures

    private func lowerClosure(_ c: ClosureExprSyntax) throws(CellFailure) -> Expr {
        var parameters: [UserParameter] = []
        var returns: TypeAnnotation?
        if let signature = c.signature {
            if let capture = signature.capture {
                throw CellFailure(.unsupported, "capture lists are not supported in cells", at: pos(capture))
            }
            switch signature.parameterClause {
            case .simpleInput(let list)?:
                for p in list { parameters.append(UserParameter(label: nil, name: p.name.text, annotation: nil, hasDefault: false, defaultValue: nil)) }
            case .parameterClause(let clause)?:
                for p in clause.parameters {
                    let annotation = try p.type.map { (t) throws(CellFailure) in try lowerType(t) }
                    let name = p.secondName?.text ?? p.firstName.text
                    parameters.append(UserParameter(label: nil, name: name, annotation: annotation, hasDefault: false, defaultValue: nil))
                }
            case nil:
                break
            }
            returns = try signature.returnClause.map { (r) throws(CellFailure) in try lowerType(r.type) }
        } else {
            let count = ShorthandCounter.count(in: c.statements)
            for i in 0..<count { parameters.append(UserParameter(label: nil, name: "$\(i)", annotation: nil, hasDefault: false, defaultValue: nil)) }
        }
        function.makesClosures = true
        let inner = FunctionScope(parent: function, isRoot: false, frameSize: parameters.count)
        let outer = scope
        scope = Scope(parent: outer, function: inner)
        defer { scope = outer }
        for (i, p) in parameters.enumerated() where p.name != "_" {
            scope.names[p.name] = .variable(slot: i, mutable: false, owner: inner)
            if case .int? = p.annotation?.kind { inner.intSlots.insert(i) }
        }
        let body = try lowerBodyReturningLastExpression(c.statements, position: pos(c))
        let lowered = FunctionBody(name: "closure", parameters: parameters, frameSize: inner.frameSize, body: body,
                                   returnAnnotation: returns, isClosure: true)
        lowered.finish(makesClosures: inner.makesClosures)
        return ClosureExpr(lowered, position: pos(c))
    }
}

/// Finds the highest `$n` a closure uses (not looking into nested closures).
private final class ShorthandCounter: SyntaxVisitor {
    var count = 0

    static func count(in statements: CodeBlockItemListSyntax) -> Int {
        let visitor = ShorthandCounter(viewMode: .sourceAccurate)
        visitor.walk(statements)
        return visitor.count
    }

    override func visit(_ node: DeclReferenceExprSyntax) -> SyntaxVisitorContinueKind {
        if case .dollarIdentifier = node.baseName.tokenKind, let i = Int(node.baseName.text.dropFirst()) {
            count = max(count, i + 1)
        }
        return .skipChildren
    }

    override func visit(_ node: ClosureExprSyntax) -> SyntaxVisitorContinueKind { .skipChildren }
}

/// `_ = e`.
final class DiscardExpr: Expr {
    let value: Expr

    init(_ value: Expr, position: Int) {
        self.value = value
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        _ = try value.eval(cx)
        return .void
    }
}

/// `a ?? b`.
final class NilCoalescingExpr: Expr {
    let lhs: Expr
    let rhs: Expr

    init(_ lhs: Expr, _ rhs: Expr, position: Int) {
        self.lhs = lhs
        self.rhs = rhs
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        let v = try lhs.eval(cx)
        if case .none = v { return try rhs.eval(cx) }
        return v
    }
}

/// `x!`.
final class ForceUnwrapExpr: Expr {
    let value: Expr

    init(_ value: Expr, position: Int) {
        self.value = value
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        let v = try value.eval(cx)
        if case .none = v { throw CellFailure(.runtime, "unexpectedly found nil while unwrapping an optional value", at: position) }
        return v
    }
}

/// `x as T` (checked), `x as? T` (nil when it does not fit).
final class CastExpr: Expr {
    let value: Expr
    let type: TypeAnnotation
    let optional: Bool

    init(_ value: Expr, to type: TypeAnnotation, optional: Bool, position: Int) {
        self.value = value
        self.type = type
        self.optional = optional
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        let v = try value.eval(cx)
        do {
            return try type.check(v, at: position)
        } catch {
            if optional { return .none }
            throw error
        }
    }
}

/// `Double.pi`: a static property of a library type.
final class StaticPropertyExpr: Expr {
    let property: NativeProperty

    init(_ property: NativeProperty, position: Int) {
        self.property = property
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        do { return try property.get(.void) } catch { throw failure(from: error, at: position) }
    }
}
