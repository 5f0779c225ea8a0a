extension Lowerer {
    func call(_ call: Call, type: CellType) throws(CellFailure) -> Expr {
        let position = call.position
        switch call.callee {
        case .function(let f):
            let args = try call.arguments.map { (a) throws(CellFailure) in try argument(a, at: position) }
            if let intrinsic = f.intrinsic {
                let operands = args.compactMap { a -> Expr? in if case .value(let e) = a { return e } else { return nil } }
                if operands.count == args.count, let node = intrinsicNode(intrinsic, operands, at: position) { return node }
                if intrinsic == .halfOpenIntRange || intrinsic == .closedIntRange, operands.count == 2 {
                    return IntRangeExpr(operands[0], operands[1], closed: intrinsic == .closedIntRange, position: position)
                }
            }
            switch f.implementation {
            case .native(let body):
                let receiver: Expr? = f.owner != nil && f.isStatic ? ConstantExpr(.metatype(.void), position: position) : nil
                return CallNativeExpr(body, receiver: receiver, arguments: try plain(args, at: position), typeArguments: call.genericArguments,
                                      position: position)
            case .cell(let cell):
                let target = try Lowerer.lowerFunction(cell, runtime: runtime)
                var all = args
                if f.owner != nil {
                    // A static method: `self` is the type.
                    all.insert(.value(ConstantExpr(.metatype(cell.selfDecl?.type ?? .void), position: position)), at: 0)
                }
                // The arguments' static types, for a call that passes Ints and Doubles unboxed.
                let types = (f.owner != nil ? [nil] : []) + call.arguments.map { a -> CellType? in
                    if case .value(let e) = a { return e.type } else { return nil }
                }
                return CallFunctionExpr.make(target, arguments: all, argumentTypes: types,
                                             captures: try captureSources(for: cell.context, at: position),
                                             typeArguments: call.genericArguments, callerSource: source, position: position)
            default:
                throw CellFailure(.runtime, "internal error: '\(f.signature)' cannot be called", at: position)
            }
        case .method(let base, let f, let dispatch):
            return try method(base: base, f, dispatch: dispatch, call: call)
        case .initializer(let t, let f):
            return try initializer(t, f, call: call)
        case .delegatingInitializer(let f, let isSuper):
            guard case .cell(let cell) = f.implementation else {
                if case .synthesized(.memberwiseInitializer) = f.implementation, !isSuper {
                    throw CellFailure(.unsupported, "'self.init' of the memberwise initializer is not supported in cells", at: position)
                }
                throw CellFailure(.unsupported, "this initializer cannot be delegated to in cells", at: position)
            }
            let target = try Lowerer.lowerFunction(cell, runtime: runtime)
            guard let owner = f.owner else { throw CellFailure(.runtime, "internal error: initializer without a type", at: position) }
            let values = try plain(try call.arguments.map { (a) throws(CellFailure) in try argument(a, at: position) }, at: position)
            let initial = owner.isClass ? nil : try initialValues(owner)
            return DelegatingInitExpr(initializer: target, selfSlot: 0, arguments: values, isStruct: !owner.isClass, initial: initial,
                                      callerSource: source, position: position)
        case .memberwiseInitializer, .rawValueInitializer:
            throw CellFailure(.runtime, "internal error: initializer form", at: position)
        case .enumCase(let c, let enumType):
            let values = try plain(try call.arguments.map { (a) throws(CellFailure) in try argument(a, at: position) }, at: position)
            if c === standard.someCase, values.count == 1 {
                guard case .optional(let wrapped) = enumType else { return values[0] }
                return ConvertExpr(values[0], conversion: .injectIntoOptional(nil), from: wrapped, to: enumType, position: position)
            }
            return EnumCaseExpr(index: c.index, payload: values, position: position)
        }
    }

    /// The arguments as plain values (no `inout`).
    func plain(_ args: [ArgumentNode], at position: Int) throws(CellFailure) -> [Expr] {
        try args.map { (a) throws(CellFailure) -> Expr in
            guard case .value(let e) = a else {
                throw CellFailure(.unsupported, "'inout' arguments to library functions are not supported in cells", at: position)
            }
            return e
        }
    }

    private func method(base: TypedExpression, _ f: FunctionDecl, dispatch: Dispatch, call: Call) throws(CellFailure) -> Expr {
        let position = call.position
        let args = try call.arguments.map { (a) throws(CellFailure) in try argument(a, at: position) }
        let isValueReceiver = !isClassType(base.type) && !isLibraryReference(base.type)
        switch dispatch {
        case .witness:
            let values = try plain(args, at: position)
            if f.isMutating && isValueReceiver {
                throw CellFailure(.unsupported, "mutating protocol requirements called through a generic value are not supported in cells",
                                  at: position)
            }
            return CallWitnessExpr(requirement: f, receiver: try expr(base), receiverType: base.type, arguments: values,
                                   argumentTypes: [], runtime: runtime, callerSource: source, position: position)
        case .virtual:
            // `super.m()` runs the superclass's own `m`, not the override.
            if case .superValue = base.kind { break }
            guard let slot = f.vtableIndex else { break }
            let values = try plain(args, at: position)
            return CallVirtualExpr(slot: slot, arguments: [try expr(base)] + values, typeArguments: call.genericArguments, runtime: runtime,
                                   callerSource: source, position: position)
        case .direct:
            break
        }
        switch f.implementation {
        case .native(let body):
            let values = try plain(args, at: position)
            if f.isMutating && isValueReceiver {
                if f.intrinsic == .arrayAppend, values.count == 1, let variable = try lvalue(base) as? VariableLValue,
                   let slot = DirectSlot(variable.storage) {
                    var valueType: CellType?
                    if case .value(let e)? = call.arguments.first { valueType = e.type }
                    return ArrayAppend(slot: slot, value: values[0], valueType: valueType, position: position)
                }
                return CallMutatingNativeExpr(body, receiver: try lvalue(base), arguments: values, typeArguments: call.genericArguments,
                                              position: position)
            }
            // `x.squareRoot()`: the receiver is the intrinsic's operand.
            if !f.isMutating, let intrinsic = f.intrinsic, let node = intrinsicNode(intrinsic, [try expr(base)] + values, at: position) {
                return node
            }
            return CallNativeExpr(body, receiver: try expr(base), arguments: values, typeArguments: call.genericArguments, position: position)
        case .cell(let cell):
            let target = try Lowerer.lowerFunction(cell, runtime: runtime)
            if f.isMutating && isValueReceiver {
                let values = try plain(args, at: position)
                return CallMutatingExpr(target, receiver: try lvalue(base), arguments: values, typeArguments: call.genericArguments,
                                        callerSource: source, position: position)
            }
            return CallFunctionExpr.make(target, arguments: [.value(try expr(base))] + args, captures: [], typeArguments: call.genericArguments,
                                    callerSource: source, position: position)
        default:
            throw CellFailure(.runtime, "internal error: '\(f.signature)' has no body", at: position)
        }
    }

    private func isLibraryReference(_ type: CellType) -> Bool {
        if case .nominal(let d, _) = type { return d.origin == .library && d.isClass }
        return false
    }

    private func initializer(_ type: CellType, _ f: FunctionDecl, call: Call) throws(CellFailure) -> Expr {
        let position = call.position
        let args = try call.arguments.map { (a) throws(CellFailure) in try argument(a, at: position) }
        let instanceType: CellType
        if f.isFailableInitializer, case .optional(let w) = type { instanceType = w } else { instanceType = type }
        switch f.implementation {
        case .native(let body):
            let operands = try plain(args, at: position)
            // `Double(n)`, `Int(x)`: the conversion's own node, with no call machinery.
            if let intrinsic = f.intrinsic, let node = intrinsicNode(intrinsic, operands, at: position) { return node }
            return CallNativeExpr(body, receiver: nil, arguments: operands, typeArguments: call.genericArguments,
                                  position: position)
        case .synthesized(.memberwiseInitializer):
            guard let owner = f.owner else { break }
            var byName: [String: Expr] = [:]
            for (p, a) in zip(f.parameters, try plain(args, at: position)) { byName[p.name] = a }
            var fields: [Expr] = []
            for p in owner.storedProperties {
                if let a = byName[p.name] {
                    fields.append(a)
                } else if p.initialValue != nil || p.hasDeferredInitialValue {
                    fields.append(CallLoweredExpr(try initialValueFunction(p), position: position))
                } else {
                    fields.append(ConstantExpr(.uninitialized, position: position))
                }
            }
            return MemberwiseInitExpr(fields: fields, position: position)
        case .synthesized(.defaultInitializer):
            guard let owner = f.owner else { break }
            return ClassInitExpr(type: instanceType, decl: try classDecl(instanceType, owner), initializer: nil,
                                 initial: try initialValues(try classDecl(instanceType, owner)), arguments: [],
                                 typeArguments: call.genericArguments, failable: false, callerSource: source, position: position)
        case .synthesized(.rawValueInitializer):
            guard let owner = f.owner, let argument = try plain(args, at: position).first else { break }
            return RawValueInitExpr(argument: argument, owner: owner, position: position)
        case .cell(let cell):
            guard let owner = f.owner else { break }
            let target = try Lowerer.lowerFunction(cell, runtime: runtime)
            let values = try plain(args, at: position)
            if owner.isClass {
                let decl = try classDecl(instanceType, owner)
                return ClassInitExpr(type: instanceType, decl: decl, initializer: target, initial: try initialValues(decl), arguments: values,
                                     typeArguments: call.genericArguments, failable: f.isFailableInitializer, callerSource: source,
                                     position: position)
            }
            let initial = owner.isEnum ? InitialValues(count: -1, values: []) : try initialValues(owner)
            return StructInitExpr(initializer: target, initial: initial, arguments: values, typeArguments: call.genericArguments,
                                  failable: f.isFailableInitializer, callerSource: source, position: position)
        default:
            break
        }
        throw CellFailure(.runtime, "internal error: initializer '\(f.signature)' cannot be called", at: position)
    }

    /// The class an initializer makes an instance of: the type named (a subclass may inherit the initializer).
    private func classDecl(_ type: CellType, _ owner: NominalDecl) throws(CellFailure) -> NominalDecl {
        if case .nominal(let d, _) = type, d.isClass { return d }
        return owner
    }

    /// The stored properties' initial values of a type (for a class, its superclasses' too).
    func initialValues(_ decl: NominalDecl) throws(CellFailure) -> InitialValues {
        let properties = decl.isClass ? decl.allStoredProperties : decl.storedProperties
        var values: [(index: Int, make: LoweredFunction)] = []
        for (i, p) in properties.enumerated() where (p.initialValue != nil || p.hasDeferredInitialValue) && !p.isLazy {
            values.append((i, try initialValueFunction(p)))
        }
        return InitialValues(count: properties.count, values: values)
    }
}

/// `a..<b` / `a...b` of Ints.
final class IntRangeExpr: Expr {
    let lower: Expr
    let upper: Expr
    let closed: Bool

    init(_ lower: Expr, _ upper: Expr, closed: Bool, position: Int) {
        self.lower = lower
        self.upper = upper
        self.closed = closed
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        let l = try lower.evalInt(cx), u = try upper.evalInt(cx)
        guard l <= u else {
            throw CellFailure(.runtime, closed ? "Fatal error: Range requires lowerBound <= upperBound"
                                : "Fatal error: Range requires lowerBound <= upperBound", at: position)
        }
        return .intRange(l, u)
    }
}
