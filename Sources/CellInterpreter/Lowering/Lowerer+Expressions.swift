extension Lowerer {
    func expr(_ e: TypedExpression) throws(CellFailure) -> Expr {
        let position = e.position
        switch e.kind {
        case .integerLiteral(let text):
            return try literal(text, isFloat: false, type: e.type, at: position)
        case .floatLiteral(let text):
            return try literal(text, isFloat: true, type: e.type, at: position)
        case .stringLiteral(let text):
            switch e.type {
            case .character: return ConstantExpr(.character(text.first ?? " "), position: position)
            case .nominal(let d, _) where d === standard.substring: return ConstantExpr(.substring(SubstringBox(Substring(text))), position: position)
            case .parameter: return GenericLiteralExpr(.string(text), type: e.type, position: position)
            default: return ConstantExpr(.string(text), position: position)
            }
        case .booleanLiteral(let b):
            return BoolConstant(b, position: position)
        case .nilLiteral:
            return ConstantExpr(.none, position: position)
        case .interpolation(let segments):
            var parts: [InterpolationExpr.Part] = []
            for s in segments {
                switch s {
                case .text(let t): parts.append(.text(t))
                case .value(let v): parts.append(.value(try expr(v), v.type))
                }
            }
            return InterpolationExpr(parts, position: position)
        case .arrayLiteral(let items):
            let elements = try items.map { (i) throws(CellFailure) in try expr(i) }
            if case .set = e.type { return SetLiteralExpr(elements, position: position) }
            if case .nominal(let d, _) = e.type, d === standard.arraySlice {
                return ArraySliceLiteralExpr(ArrayLiteralExpr(elements, position: position), position: position)
            }
            return ArrayLiteralExpr(elements, position: position)
        case .dictionaryLiteral(let pairs):
            return DictionaryLiteralExpr(try pairs.map { (p) throws(CellFailure) in (try expr(p.0), try expr(p.1)) }, position: position)
        case .tuple(let items):
            if items.isEmpty { return ConstantExpr(.void, position: position) }
            return TupleExpr(try items.map { (i) throws(CellFailure) in try expr(i) }, position: position)
        case .variable(let v), .selfValue(let v), .superValue(let v):
            return try read(v, at: position)
        case .functionReference(let f, let args):
            return try functionValue(f, receiver: nil, genericArguments: args, at: position)
        case .methodReference(let base, let f, let args):
            return try functionValue(f, receiver: try expr(base), genericArguments: args, at: position)
        case .typeReference(let t):
            if t.isGenericDependent { return MetatypeExpr(t, position: position) }
            return ConstantExpr(.metatype(t), position: position)
        case .call(let call):
            return try self.call(call, type: e.type)
        case .callValue(let callee, let arguments):
            var args: [Expr] = []
            for a in arguments {
                if case .inoutArgument = a.kind {
                    throw CellFailure(.unsupported, "passing '&' to a closure's inout parameter is not supported in cells", at: a.position)
                }
                args.append(try expr(a))
            }
            return CallValueExpr(callee: try expr(callee), arguments: args, position: position)
        case .property(let base, let p):
            return try property(p, base: base, at: position)
        case .tupleElement(let base, let i):
            return TupleElementGet(base: try expr(base), index: i, position: position)
        case .enumCase(let c, let payload):
            if let payload {
                return try enumCase(c, type: e.type, payload: try payload.map { (p) throws(CellFailure) in try expr(p) }, at: position)
            }
            if c.payload != nil, case .function = e.type {
                // The case used as a function (`.map(Shape.circle)`).
                let index = c.index
                let isSome = c === standard.someCase
                let wrappedIsOptional: Bool
                if case .function(let f) = e.type, case .optional(let w) = f.result { wrappedIsOptional = w.isOptional } else { wrappedIsOptional = false }
                let count = c.payload?.count ?? 0
                return ConstantExpr(.function(FunctionValue(.swift { (_, args, _) throws(CellFailure) in
                    if isSome { return wrapOptional(args[0], wrappedIsOptional: wrappedIsOptional) }
                    return .enumValue(index, Array(args.prefix(count)))
                })), position: position)
            }
            return try enumCase(c, type: e.type, payload: nil, at: position)
        case .subscriptGet(let base, let sub, let arguments, let args):
            return try subscriptRead(base: base, sub, arguments: arguments, genericArguments: args, at: position)
        case .assign(let target, let value):
            return try assignment(target: target, value: value, at: position)
        case .compoundAssign(let target, let operation):
            return try compoundAssignment(target: target, operation: operation, at: position)
        case .tupleAssign(let targets, let value):
            if targets.count == 1, targets[0] == nil { return ExprDiscard(try expr(value), position: position) }
            return TupleAssignExpr(try targets.map { (t) throws(CellFailure) in try t.map { (x) throws(CellFailure) in try lvalue(x) } },
                                   value: try expr(value), position: position)
        case .ternary(let c, let a, let b):
            return TernaryExpr(try expr(c), try expr(a), try expr(b), position: position)
        case .statementExpression(let s):
            guard let node = try statement(s) else { return ConstantExpr(.void, position: position) }
            return StatementValueExpr(node, position: position)
        case .closure(let c):
            let f = try lowerClosureFunction(c)
            return MakeClosureExpr(f, captures: try captureSources(for: c.context, captureList: c.captureList, at: position), position: position)
        case .forceUnwrap(let inner):
            return ForceUnwrapExpr(try expr(inner), wrapped: e.type, position: position)
        case .optionalChain(let inner):
            return OptionalChainExpr(try expr(inner), innerType: inner.type, position: position)
        case .bindOptional(let inner):
            return BindOptionalExpr(try expr(inner), wrapped: e.type, position: position)
        case .nilCoalescing(let a, let b):
            guard case .optional(let wrapped) = a.type else { return try expr(a) }
            return NilCoalescingExpr(try expr(a), try expr(b), wrapped: wrapped, resultIsOptional: e.type == a.type, position: position)
        case .tryExpression(let inner, let kind):
            if case .plain = kind { return try expr(inner) }
            return TryExpr(try expr(inner), kind: kind, innerIsOptional: inner.type.isOptional, position: position)
        case .conversion(let inner, let c):
            return ConvertExpr(try expr(inner), conversion: c, from: inner.type, to: e.type, position: position)
        case .typeCheck(let inner, let t):
            return TypeCheckExpr(try expr(inner), staticType: inner.type, target: t, position: position)
        case .cast(let inner, let t, let forced):
            return CastExpr(try expr(inner), staticType: inner.type, target: t, forced: forced, position: position)
        case .typeOf(let inner):
            return TypeOfExpr(try expr(inner), staticType: inner.type, position: position)
        case .inoutArgument:
            throw CellFailure(.syntax, "'&' may only be used to pass an argument to an inout parameter", at: position)
        case .logicalAnd(let a, let b):
            return LogicalAnd(try expr(a), try expr(b), position: position)
        case .logicalOr(let a, let b):
            return LogicalOr(try expr(a), try expr(b), position: position)
        case .logicalNot(let a):
            return LogicalNot(try expr(a), position: position)
        case .matchedValue:
            return MatchedValueExpr(position: position)
        case .operandValue:
            return OperandValueExpr(position: position)
        case .pending, .conversionSite:
            throw CellFailure(.runtime, "internal error: an unresolved expression reached the lowering", at: position)
        }
    }

    private func lowerClosureFunction(_ c: ClosureExpression) throws(CellFailure) -> LoweredFunction {
        let lowerer = Lowerer(runtime: runtime, source: source, frame: frame)
        return try lowerer.closureBody(c)
    }

    func closureBody(_ c: ClosureExpression) throws(CellFailure) -> LoweredFunction {
        let f = LoweredFunction(name: "closure", source: source)
        let lowerer = Lowerer(runtime: runtime, source: source, frame: LoweringFrame(context: c.context, parameters: c.parameters))
        if let e = c.singleExpression {
            let node = try lowerer.expr(e)
            if c.type.result == .void, e.type != .void {
                f.body = ExprStmt(node)
            } else {
                f.expressionBody = node
            }
        } else {
            try lowerer.lowerBody(c.body, into: f, position: c.parameters.first?.position ?? 0)
        }
        f.parameterCount = c.parameters.count
        f.boxedParameters = c.parameters.enumerated().filter { $0.element.isCaptured }.map(\.offset)
        f.frameSize = max(lowerer.frame.size, c.parameters.count)
        f.isLowered = true
        return f
    }

    private func literal(_ text: String, isFloat: Bool, type: CellType, at position: Int) throws(CellFailure) -> Expr {
        switch type {
        case .int:
            guard let v = parseIntegerLiteral(text) else {
                throw CellFailure(.type, "integer literal '\(text)' overflows when stored into 'Int'", at: position)
            }
            return IntConstant(v, position: position)
        case .double:
            guard let d = parseFloatLiteral(text) else { throw CellFailure(.type, "invalid number '\(text)'", at: position) }
            return DoubleConstant(d, position: position)
        case .parameter:
            return GenericLiteralExpr(isFloat ? .float(text) : .integer(text), type: type, position: position)
        default:
            throw CellFailure(.type, "a number cannot be a '\(type)' in cells", at: position)
        }
    }

    // MARK: Functions as values

    private func functionValue(_ f: FunctionDecl, receiver: Expr?, genericArguments: [CellType], at position: Int) throws(CellFailure) -> Expr {
        switch f.implementation {
        case .native(let body):
            return MakeNativeFunctionExpr(body, receiver: receiver, typeArguments: genericArguments, position: position)
        case .cell(let cell):
            let target = try Lowerer.lowerFunction(cell, runtime: runtime)
            if let receiver { return MakeMethodValueExpr(target, receiver: receiver, typeArguments: genericArguments, position: position) }
            if f.owner != nil {
                // A static method as a value: `self` is the type.
                let selfType = cell.selfDecl.map { $0.type } ?? .void
                return MakeMethodValueExpr(target, receiver: ConstantExpr(.metatype(selfType), position: position),
                                           typeArguments: genericArguments, position: position)
            }
            return MakeClosureExpr(target, captures: try captureSources(for: cell.context, at: position), typeArguments: genericArguments,
                                   position: position)
        default:
            throw CellFailure(.unsupported, "'\(f.signature)' cannot be used as a value in cells", at: position)
        }
    }

    // MARK: Properties

    private func property(_ p: PropertyDecl, base: TypedExpression?, at position: Int) throws(CellFailure) -> Expr {
        switch p.storage {
        case .stored(let index):
            if p.isStatic {
                return try staticProperty(p, at: position)
            }
            guard let base else { throw CellFailure(.runtime, "internal error: property without a base", at: position) }
            if isClassType(base.type) {
                let lazy = p.isLazy ? try initialValueFunction(p) : nil
                return ClassFieldGet(base: try expr(base), index: index, lazyInitializer: lazy, position: position)
            }
            if p.isLazy {
                throw CellFailure(.unsupported, "lazy properties of structs are not supported in cells; use a class or a computed property",
                                  at: position)
            }
            let lowered = try expr(base)
            if let element = lowered as? ArrayIndexExpr {
                if let array = element.base as? LocalGet {
                    return ArrayFieldGet(slot: .local(array.slot), index: element.index, field: index, position: position)
                }
                if let array = element.base as? GlobalGet {
                    return ArrayFieldGet(slot: .global(array.slot), index: element.index, field: index, position: position)
                }
            }
            return FieldGet(base: lowered, index: index, position: position)
        case .computed(let getter, _):
            guard case .cell(let cell) = getter.implementation else {
                throw CellFailure(.runtime, "internal error: getter of '\(p.name)' has no body", at: position)
            }
            if let base, !p.isStatic, isClassType(base.type), let slot = getter.vtableIndex, !{ if case .superValue = base.kind { true } else { false } }() {
                // A class's computed property may be overridden: read through the dispatch table.
                return CallVirtualExpr(slot: slot, arguments: [try expr(base)], typeArguments: typeArguments(of: base, p.owner), runtime: runtime,
                                       callerSource: source, position: position)
            }
            let target = try Lowerer.lowerFunction(cell, runtime: runtime)
            let receiver: Expr
            if let base, !p.isStatic {
                receiver = try expr(base)
            } else {
                receiver = ConstantExpr(.metatype(cell.selfDecl?.type ?? .void), position: position)
            }
            return CallFunctionExpr.make(target, arguments: [.value(receiver)], captures: [], typeArguments: typeArguments(of: base, p.owner),
                                    callerSource: source, position: position)
        case .native(let get, _):
            return NativePropertyGet(base: try base.map { (b) throws(CellFailure) in try expr(b) }, get: get, position: position)
        case .nativeGeneric(let get):
            return CallNativeExpr(get, receiver: try base.map { (b) throws(CellFailure) in try expr(b) }, arguments: [],
                              typeArguments: typeArguments(of: base, p.owner), position: position)
        case .requirement:
            guard let base else { throw CellFailure(.unsupported, "static requirements are not supported in cells", at: position) }
            return WitnessPropertyGet(base: try expr(base), baseType: base.type, requirement: p, position: position)
        case .synthesized(let kind):
            guard let owner = p.owner else { throw CellFailure(.runtime, "internal error: no owner", at: position) }
            return SynthesizedPropertyGet(base: try base.map { (b) throws(CellFailure) in try expr(b) }, kind: kind, owner: owner, position: position)
        }
    }

    private func staticProperty(_ p: PropertyDecl, at position: Int) throws(CellFailure) -> StaticPropertyGet {
        guard let slot = p.staticSlot else { throw CellFailure(.runtime, "internal error: static property has no slot", at: position) }
        return StaticPropertyGet(slot: slot, initializer: try initialValueFunction(p), position: position)
    }

    func isClassType(_ type: CellType) -> Bool {
        switch type {
        case .nominal(let d, _): return d.isClass
        case .parameter(let p): return p.superclass != nil
        default: return false
        }
    }

    /// The owner's generic arguments, from the receiver's type.
    private func typeArguments(of base: TypedExpression?, _ owner: NominalDecl?) -> [CellType] {
        guard let owner, !owner.genericParameters.isEmpty, let base else { return [] }
        if owner.isProtocol {
            // Self, then the protocol's associated types as the base type has them (Element).
            let lookup = MemberLookup(registry: registry, extensions: runtime.extensions)
            return [base.type] + owner.associatedTypeNames.map { lookup.associatedType($0, of: base.type) ?? .any }
        }
        if let (_, args) = registry.declaration(of: base.type) { return args }
        return []
    }

    // MARK: Enum cases

    private func enumCase(_ c: EnumCaseDecl, type: CellType, payload: [Expr]?, at position: Int) throws(CellFailure) -> Expr {
        if c === standard.noneCase { return ConstantExpr(.none, position: position) }
        if c === standard.someCase, let payload, payload.count == 1 {
            guard case .optional(let wrapped) = type else { return payload[0] }
            return ConvertExpr(payload[0], conversion: .injectIntoOptional(nil), from: wrapped, to: type, position: position)
        }
        return EnumCaseExpr(index: c.index, payload: payload, position: position)
    }

    // MARK: Subscripts

    private func subscriptRead(base: TypedExpression, _ sub: SubscriptDecl, arguments: [CallArgumentValue], genericArguments: [CellType],
                               at position: Int) throws(CellFailure) -> Expr {
        let args = try arguments.map { (a) throws(CellFailure) in try argument(a, at: position) }
        if let intrinsic = sub.intrinsic, case .value(let first)? = args.first {
            switch intrinsic {
            case .arrayIndex: return ArrayIndexExpr(base: try expr(base), index: first, position: position)
            case .sliceIndex, .dictionaryKey, .dictionaryKeyDefault: break
            }
        }
        let values = try args.map { (a) throws(CellFailure) -> Expr in
            guard case .value(let e) = a else { throw CellFailure(.unsupported, "inout subscript arguments are not supported", at: position) }
            return e
        }
        switch sub.getter.implementation {
        case .native(let body):
            return CallNativeExpr(body, receiver: try expr(base), arguments: values, typeArguments: genericArguments, position: position)
        case .cell(let cell):
            let target = try Lowerer.lowerFunction(cell, runtime: runtime)
            return CallFunctionExpr.make(target, arguments: [.value(try expr(base))] + values.map { .value($0) }, captures: [],
                                    typeArguments: genericArguments, callerSource: source, position: position)
        default:
            if sub.isRequirement {
                return CallWitnessExpr(requirement: sub.getter, receiver: try expr(base), receiverType: base.type, arguments: values,
                                       argumentTypes: [], runtime: runtime, callerSource: source, position: position)
            }
            throw CellFailure(.runtime, "internal error: subscript has no body", at: position)
        }
    }

    /// A call's argument for a parameter.
    func argument(_ a: CallArgumentValue, at position: Int) throws(CellFailure) -> ArgumentNode {
        switch a {
        case .value(let e): return .value(try expr(e))
        case .variadic(let es): return .value(ArrayLiteralExpr(try es.map { (x) throws(CellFailure) in try expr(x) }, position: position))
        case .defaulted(let d, _):
            if let p = d.propertyDefault {
                return .value(CallLoweredExpr(try initialValueFunction(p), position: position))
            }
            guard let e = d.expression else { throw CellFailure(.runtime, "internal error: default '\(d.text)' not checked", at: position) }
            return .value(try expr(e))
        case .inoutPlace(let e): return .inoutPlace(try lvalue(e))
        case .autoclosure(let e): return .value(AutoclosureExpr(try expr(e), position: e.position))
        }
    }

    func values(_ arguments: [CallArgumentValue], at position: Int) throws(CellFailure) -> [Expr] {
        try arguments.map { (a) throws(CellFailure) -> Expr in
            switch try argument(a, at: position) {
            case .value(let e): return e
            case .inoutPlace: throw CellFailure(.unsupported, "'inout' arguments to library functions are not supported in cells", at: position)
            }
        }
    }

    // MARK: Assignment

    private func assignment(target: TypedExpression, value: TypedExpression, at position: Int) throws(CellFailure) -> Expr {
        switch target.kind {
        case .variable(let v), .selfValue(let v):
            return AssignVariableExpr(try storage(v, at: target.position), value: try expr(value), valueType: value.type, position: position)
        case .subscriptGet(let base, let sub, let arguments, _) where sub.intrinsic == .arrayIndex:
            if case .variable(let v) = base.kind, arguments.count == 1, case .value(let index) = arguments[0] {
                if let slot = DirectSlot(try storage(v, at: base.position)) {
                    return AssignArrayElementExpr(slot, index: try expr(index), value: try expr(value), valueType: value.type, position: position)
                }
            }
        default:
            break
        }
        return AssignExpr(try lvalue(target), value: try expr(value), position: position)
    }

    private func compoundAssignment(target: TypedExpression, operation: TypedExpression, at position: Int) throws(CellFailure) -> Expr {
        guard case .call(var call) = operation.kind, call.arguments.count == 2, case .value(let rhs) = call.arguments[1] else {
            throw CellFailure(.runtime, "internal error: compound assignment", at: position)
        }
        if case .variable(let v) = target.kind, case .function(let f) = call.callee, let intrinsic = f.intrinsic {
            if let slot = DirectSlot(try storage(v, at: target.position)), let fast = CompoundNumberAssignExpr.Operation(intrinsic) {
                return CompoundNumberAssignExpr(slot, value: try expr(rhs), operation: fast, position: position)
            }
        }
        let place = try lvalue(target)
        if let path = place as? VariableArrayElementPath, path.fields.count == 1, let slot = DirectSlot(path.variable.storage),
           case .function(let f) = call.callee, let fast = CompoundNumberAssignExpr.Operation(f.intrinsic) {
            return ArrayFieldCompoundAssign(slot: slot, index: path.index, field: path.fields[0], value: try expr(rhs),
                                            operation: fast, position: position)
        }
        if let element = place as? DictionaryElementLValue, let defaultValue = element.defaultValue,
           let variable = element.base as? VariableLValue, let slot = DirectSlot(variable.storage),
           case .function(let f) = call.callee, let fast = CompoundNumberAssignExpr.Operation(f.intrinsic) {
            return DictionaryDefaultCompoundAssign(slot: slot, key: element.key, defaultValue: defaultValue, value: try expr(rhs),
                                                   operation: fast, position: position)
        }
        call.arguments[1] = .value(TypedExpression(.operandValue, type: rhs.type, at: rhs.position))
        let op = TypedExpression(.call(call), type: operation.type, at: operation.position)
        return CompoundAssignExpr(place, value: try expr(rhs), operation: try expr(op), position: position)
    }

    // MARK: Places

    func lvalue(_ e: TypedExpression) throws(CellFailure) -> LValue {
        let position = e.position
        switch e.kind {
        case .variable(let v), .selfValue(let v):
            return VariableLValue(try storage(v, at: position), position: position)
        case .property(let base, let p):
            switch p.storage {
            case .stored(let index):
                if p.isStatic { return StaticPropertyLValue(try staticProperty(p, at: position), position: position) }
                guard let base else { throw CellFailure(.runtime, "internal error: property place", at: position) }
                if isClassType(base.type) { return ClassFieldLValue(base: try expr(base), index: index, position: position) }
                let basePlace = try lvalue(base)
                if let path = basePlace as? VariableArrayElementPath { return path.field(index, position: position) }
                return FieldLValue(base: basePlace, index: index, position: position)
            case .computed(let getter, let setter):
                guard let setter, case .cell(let g) = getter.implementation, case .cell(let s) = setter.implementation else {
                    throw CellFailure(.type, "cannot assign to property: '\(p.name)' is a get-only property", at: position)
                }
                let get = try Lowerer.lowerFunction(g, runtime: runtime)
                let set = try Lowerer.lowerFunction(s, runtime: runtime)
                let types = typeArguments(of: base, p.owner)
                let source = self.source
                let accessorGet: (Context, Value, [Value]) throws(CellFailure) -> Value = { cx, receiver, _ throws(CellFailure) in
                    try get.call(cx, arguments: [receiver], captures: [], typeArguments: types, at: position, callerSource: source)
                }
                let accessorSet: (Context, inout Value, [Value], Value) throws(CellFailure) -> Void = { cx, receiver, _, newValue throws(CellFailure) in
                    var updated = receiver
                    _ = try set.invoke(cx, captures: [], typeArguments: types, at: position, callerSource: source) { slots in
                        slots[0] = receiver
                        slots[1] = newValue
                    } after: { slots in
                        updated = slots[0]
                    }
                    receiver = updated
                }
                if p.isStatic {
                    let typeValue = Value.metatype(g.selfDecl?.type ?? .void)
                    return AccessorLValue(base: nil, instance: ConstantExpr(typeValue, position: position), arguments: [], position: position,
                                          get: accessorGet, set: accessorSet)
                }
                guard let base else { throw CellFailure(.runtime, "internal error: computed place", at: position) }
                if isClassType(base.type) {
                    return AccessorLValue(base: nil, instance: try expr(base), arguments: [], position: position, get: accessorGet, set: accessorSet)
                }
                return AccessorLValue(base: try lvalue(base), instance: nil, arguments: [], position: position, get: accessorGet, set: accessorSet)
            case .nativeGeneric:
                throw CellFailure(.type, "cannot assign to property: '\(p.name)' is a get-only property", at: position)
            case .native(let get, let set):
                guard let set else { throw CellFailure(.type, "cannot assign to property: '\(p.name)' is a get-only property", at: position) }
                let g: (Context, Value, [Value]) throws(CellFailure) -> Value = { cx, receiver, _ throws(CellFailure) in
                    do { return try get(receiver, cx) } catch { throw failure(from: error, at: position) }
                }
                let s: (Context, inout Value, [Value], Value) throws(CellFailure) -> Void = { cx, receiver, _, newValue throws(CellFailure) in
                    do { try set(&receiver, newValue, cx) } catch { throw failure(from: error, at: position) }
                }
                guard let base else { throw CellFailure(.unsupported, "this static property cannot be assigned", at: position) }
                if case .nominal(let d, _) = base.type, d.isClass || d.origin == .library {
                    return AccessorLValue(base: nil, instance: try expr(base), arguments: [], position: position, get: g, set: s)
                }
                return AccessorLValue(base: try lvalue(base), instance: nil, arguments: [], position: position, get: g, set: s)
            default:
                throw CellFailure(.unsupported, "cannot assign to property '\(p.name)' in cells", at: position)
            }
        case .subscriptGet(let base, let sub, let arguments, let genericArguments):
            // A place's `default:` value is evaluated only when the key is missing (it is an autoclosure).
            let args = try arguments.map { (a) throws(CellFailure) -> Expr in
                if case .autoclosure(let e) = a { return try expr(e) }
                guard case .value(let e) = try argument(a, at: position) else {
                    throw CellFailure(.unsupported, "inout subscript arguments are not supported in cells", at: position)
                }
                return e
            }
            switch sub.intrinsic {
            case .arrayIndex?:
                let basePlace = try lvalue(base)
                if let variable = basePlace as? VariableLValue {
                    return VariableArrayElementPath(variable: variable, index: args[0], fields: [], position: position)
                }
                return ArrayElementLValue(base: basePlace, index: args[0], position: position)
            case .sliceIndex?:
                return SliceElementLValue(base: try lvalue(base), index: args[0], position: position)
            case .dictionaryKey?, .dictionaryKeyDefault?:
                guard case .dictionary(_, let valueType) = base.type else { break }
                return DictionaryElementLValue(base: try lvalue(base), key: args[0], defaultValue: args.count > 1 ? args[1] : nil,
                                               valueIsOptional: valueType.isOptional, position: position)
            case nil:
                break
            }
            guard let setter = sub.setter else {
                throw CellFailure(.type, "cannot assign through subscript: subscript is get-only", at: position)
            }
            let get: (Context, Value, [Value]) throws(CellFailure) -> Value
            let set: (Context, inout Value, [Value], Value) throws(CellFailure) -> Void
            let source = self.source
            switch (sub.getter.implementation, setter.implementation) {
            case (.native(let g), .native(let s)):
                get = { cx, receiver, keys throws(CellFailure) in
                    var call = NativeCall(receiver: receiver, arguments: keys, typeArguments: genericArguments, context: cx, position: position)
                    do { return try g(&call) } catch { throw failure(from: error, at: position) }
                }
                set = { cx, receiver, keys, newValue throws(CellFailure) in
                    var call = NativeCall(receiver: receiver, arguments: keys + [newValue], typeArguments: genericArguments, context: cx, position: position)
                    do { _ = try s(&call) } catch { throw failure(from: error, at: position) }
                    receiver = call.receiver
                }
            case (.cell(let gc), .cell(let sc)):
                let g = try Lowerer.lowerFunction(gc, runtime: runtime)
                let s = try Lowerer.lowerFunction(sc, runtime: runtime)
                get = { cx, receiver, keys throws(CellFailure) in
                    try g.call(cx, arguments: [receiver] + keys, captures: [], typeArguments: genericArguments, at: position, callerSource: source)
                }
                set = { cx, receiver, keys, newValue throws(CellFailure) in
                    var updated = receiver
                    let all = [receiver] + keys + [newValue]
                    _ = try s.invoke(cx, captures: [], typeArguments: genericArguments, at: position, callerSource: source) { slots in
                        for (i, v) in all.enumerated() { slots[i] = v }
                    } after: { slots in
                        updated = slots[0]
                    }
                    receiver = updated
                }
            default:
                throw CellFailure(.unsupported, "this subscript cannot be assigned in cells", at: position)
            }
            if isClassType(base.type) || { if case .nominal(let d, _) = base.type { return d.origin == .library && !d.isStruct }; return false }() {
                return AccessorLValue(base: nil, instance: try expr(base), arguments: args, position: position, get: get, set: set)
            }
            return AccessorLValue(base: try lvalue(base), instance: nil, arguments: args, position: position, get: get, set: set)
        case .tupleElement(let base, let i):
            return TupleElementLValue(base: try lvalue(base), index: i, position: position)
        case .forceUnwrap(let base):
            guard case .optional(let wrapped) = base.type else { throw CellFailure(.runtime, "internal error: unwrap place", at: position) }
            return ForceUnwrapLValue(base: try lvalue(base), wrappedIsOptional: wrapped.isOptional, position: position)
        case .conversion(let inner, _):
            return try lvalue(inner)
        case .bindOptional(let base):
            guard case .optional(let wrapped) = base.type else { throw CellFailure(.runtime, "internal error: optional place", at: position) }
            return OptionalBindLValue(base: try lvalue(base), wrapped: wrapped, position: position)
        case .optionalChain(let inner):
            return OptionalChainLValue(base: try lvalue(inner), position: position)
        default:
            throw CellFailure(.type, "cannot assign to this expression", at: position)
        }
    }
}

/// Evaluates an expression and drops its value (`_ = f()`).
final class ExprDiscard: Expr {
    let operand: Expr

    init(_ operand: Expr, position: Int) {
        self.operand = operand
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        _ = try operand.eval(cx)
        return .void
    }
}

/// `array[i]` read in place.
final class ArrayIndexExpr: Expr {
    let base: Expr
    let index: Expr
    /// The base's slot when it is a variable: the array is read where it lies, not copied out
    /// (a retain and a release per `v[j]`).
    private let baseSlot: DirectSlot?
    private let indexOperand: InlineOperand

    init(base: Expr, index: Expr, position: Int) {
        self.base = base
        self.index = index
        baseSlot = DirectSlot(reading: base)
        indexOperand = InlineOperand(index)
        super.init(position: position)
    }

    /// The element, read from the variable's slot where the array lies.
    @inline(__always)
    private func element(in baseSlot: DirectSlot, _ cx: Context) throws(CellFailure) -> Value {
        let i = try indexOperand.int(index, cx)
        let place = baseSlot.pointer(cx)
        guard case .array(let a) = place.pointee else { throw internalMismatch("array", place.pointee, position) }
        guard i >= 0 && i < a.count else { throw indexOutOfRange(i, count: a.count, at: position) }
        return a[i]
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        if let baseSlot { return try element(in: baseSlot, cx) }
        let b = try base.eval(cx)
        let i = try indexOperand.int(index, cx)
        guard case .array(let a) = b else { throw internalMismatch("array", b, position) }
        guard i >= 0 && i < a.count else { throw indexOutOfRange(i, count: a.count, at: position) }
        return a[i]
    }

    override func evalDouble(_ cx: Context) throws(CellFailure) -> Double {
        if let baseSlot {
            let v = try element(in: baseSlot, cx)
            guard case .double(let d) = v else { throw internalMismatch("Double", v, position) }
            return d
        }
        let v = try eval(cx)
        if case .double(let d) = v { return d }
        throw internalMismatch("Double", v, position)
    }

    override func evalInt(_ cx: Context) throws(CellFailure) -> Int {
        if let baseSlot {
            let v = try element(in: baseSlot, cx)
            guard case .int(let n) = v else { throw internalMismatch("Int", v, position) }
            return n
        }
        let v = try eval(cx)
        if case .int(let n) = v { return n }
        throw internalMismatch("Int", v, position)
    }
}

/// A literal whose type is a generic parameter (`x * 2` in `func f<T: Numeric>`): its value is
/// made when the type argument is known.
final class GenericLiteralExpr: Expr {
    enum Literal {
        case integer(String)
        case float(String)
        case string(String)
    }

    let literal: Literal
    let type: CellType

    init(_ literal: Literal, type: CellType, position: Int) {
        self.literal = literal
        self.type = type
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        let concrete = cx.concrete(type)
        switch (literal, concrete) {
        case (.integer(let text), .int):
            guard let v = parseIntegerLiteral(text) else { throw CellFailure(.runtime, "integer literal '\(text)' overflows Int", at: position) }
            return .int(v)
        case (.integer(let text), .double), (.float(let text), .double):
            return .double(parseFloatLiteral(text) ?? 0)
        case (.string(let text), .string): return .string(text)
        case (.string(let text), .character): return .character(text.first ?? " ")
        default:
            throw CellFailure(.runtime, "a literal cannot be a '\(concrete)' in cells", at: position)
        }
    }
}

/// A type written in generic code, made concrete when run.
final class MetatypeExpr: Expr {
    let type: CellType

    init(_ type: CellType, position: Int) {
        self.type = type
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value { .metatype(cx.concrete(type)) }
}

/// A library function (or method with its receiver) as a value.
final class MakeNativeFunctionExpr: Expr {
    let body: NativeBody
    let receiver: Expr?
    let typeArguments: TypeArgumentList

    init(_ body: @escaping NativeBody, receiver: Expr?, typeArguments: [CellType], position: Int) {
        self.body = body
        self.receiver = receiver
        self.typeArguments = TypeArgumentList(typeArguments)
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        .function(FunctionValue(.native(body, typeArguments: typeArguments.resolve(cx), receiver: try receiver?.eval(cx))))
    }
}

/// A cell's method with its receiver, as a value.
final class MakeMethodValueExpr: Expr {
    let target: LoweredFunction
    let receiver: Expr
    let typeArguments: TypeArgumentList

    init(_ target: LoweredFunction, receiver: Expr, typeArguments: [CellType], position: Int) {
        self.target = target
        self.receiver = receiver
        self.typeArguments = TypeArgumentList(typeArguments)
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        .function(FunctionValue(.method(target, receiver: try receiver.eval(cx), typeArguments: typeArguments.resolve(cx))))
    }
}

/// Calls a lowered function of no arguments (a property's initial value).
final class CallLoweredExpr: Expr {
    let target: LoweredFunction

    init(_ target: LoweredFunction, position: Int) {
        self.target = target
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        try target.call(cx, arguments: [], captures: [], typeArguments: cx.typeArguments, at: position)
    }
}

/// An `@autoclosure` argument of a library function: evaluated, in the caller's frame, only when
/// the function asks.
final class AutoclosureExpr: Expr {
    let operand: Expr

    init(_ operand: Expr, position: Int) {
        self.operand = operand
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        let frame = cx.frame, captures = cx.captures, types = cx.typeArguments
        let operand = self.operand
        return .function(FunctionValue(.swift { (cx, _, _) throws(CellFailure) in
            let saved = (cx.frame, cx.captures, cx.typeArguments)
            cx.frame = frame
            cx.captures = captures
            cx.typeArguments = types
            defer { (cx.frame, cx.captures, cx.typeArguments) = saved }
            return try operand.eval(cx)
        }))
    }
}
