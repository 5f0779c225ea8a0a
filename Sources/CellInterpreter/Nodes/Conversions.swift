/// A value converted to the type its place expects (an optional, `Any`, a superclass, a wider
/// function type …), as the checker decided.
final class ConvertExpr: Expr {
    let operand: Expr
    let conversion: Conversion
    let from: CellType
    let to: CellType

    init(_ operand: Expr, conversion: Conversion, from: CellType, to: CellType, position: Int) {
        self.operand = operand
        self.conversion = conversion
        self.from = from
        self.to = to
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        try applyConversion(conversion, try operand.eval(cx), from: from, to: to, cx, at: position)
    }
}

func applyConversion(_ c: Conversion, _ v: Value, from: CellType, to: CellType, _ cx: Context, at position: Int) throws(CellFailure) -> Value {
    switch c {
    case .discard:
        return .void
    case .injectIntoOptional(let inner):
        guard case .optional(let wrapped) = to else { return v }
        let converted = try inner.map { (c) throws(CellFailure) in try applyConversion(c, v, from: from, to: wrapped, cx, at: position) } ?? v
        return wrapOptional(converted, wrappedIsOptional: cx.concrete(wrapped).isOptional)
    case .optionalMap(let inner):
        if case .none = v { return .none }
        guard case .optional(let a) = from, case .optional(let b) = to else { return v }
        let unwrapped = unwrapOptional(v, wrappedIsOptional: cx.concrete(a).isOptional)
        let converted = try applyConversion(inner, unwrapped, from: a, to: b, cx, at: position)
        return wrapOptional(converted, wrappedIsOptional: cx.concrete(b).isOptional)
    case .erase(let staticType):
        if case .existential = v { return v }
        let type = dynamicType(of: v, staticType: cx.concrete(staticType))
        return .existential(ExistentialBox(type: type, value: v))
    case .existentialToExistential, .upcast:
        return v
    case .arrayElements(let inner):
        guard case .array(let items) = v, case .array(let a) = from, case .array(let b) = to else { return v }
        var out: [Value] = []
        out.reserveCapacity(items.count)
        for item in items { out.append(try applyConversion(inner, item, from: a, to: b, cx, at: position)) }
        return .array(out)
    case .setElements(let inner):
        guard case .set(let box) = v, case .set(let a) = from, case .set(let b) = to else { return v }
        var table = OrderedTable(minimumCapacity: box.table.count)
        for item in box.table.orderedKeys { _ = table.insert(HashKey(try applyConversion(inner, item, from: a, to: b, cx, at: position))) }
        return .set(SetBox(table))
    case .dictionaryValues(let inner):
        guard case .dictionary(let box) = v, case .dictionary(_, let a) = from, case .dictionary(_, let b) = to else { return v }
        var table = OrderedTable(minimumCapacity: box.table.count)
        for (key, value) in box.table.entries { table.update(try applyConversion(inner, value, from: a, to: b, cx, at: position), for: HashKey(key)) }
        return .dictionary(DictionaryBox(table))
    case .tupleElements(let inner):
        guard case .tuple(let items) = v, case .tuple(let a) = from, case .tuple(let b) = to else { return v }
        var out: [Value] = []
        for (i, item) in items.enumerated() {
            if let c = inner[i] { out.append(try applyConversion(c, item, from: a[i].type, to: b[i].type, cx, at: position)) } else { out.append(item) }
        }
        return .tuple(out)
    case .function(let parameters, let result):
        guard case .function(let f) = v, case .function(let fromType) = from, case .function(let toType) = to else { return v }
        let splat = fromType.parameters.count != toType.parameters.count
        if !splat && parameters.allSatisfy({ $0 == nil }) && result == nil { return v }
        let typeArguments = cx.typeArguments
        return .function(FunctionValue(.swift { (cx, arguments, position) throws(CellFailure) in
            let saved = cx.typeArguments
            cx.typeArguments = typeArguments
            defer { cx.typeArguments = saved }
            var args = arguments
            if splat, args.count == 1, case .tuple(let parts) = args[0] {
                args = parts
            } else {
                for (i, c) in parameters.enumerated() where i < args.count {
                    if let c { args[i] = try applyConversion(c, args[i], from: toType.parameters[i].type, to: fromType.parameters[i].type, cx, at: position) }
                }
            }
            let r = try f.call(args, cx, at: position)
            if let result { return try applyConversion(result, r, from: fromType.result, to: toType.result, cx, at: position) }
            return r
        }))
    }
}

/// `x is T`.
final class TypeCheckExpr: Expr {
    let operand: Expr
    let staticType: CellType
    let target: CellType

    init(_ operand: Expr, staticType: CellType, target: CellType, position: Int) {
        self.operand = operand
        self.staticType = staticType
        self.target = target
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value { .bool(try evalBool(cx)) }

    override func evalBool(_ cx: Context) throws(CellFailure) -> Bool {
        let v = try operand.eval(cx)
        return cast(v, from: cx.concrete(staticType), to: cx.concrete(target), cx) != nil
    }
}

/// `x as? T` (nil when it is not one) and `x as! T` (stops the cell when it is not).
final class CastExpr: Expr {
    let operand: Expr
    let staticType: CellType
    let target: CellType
    let forced: Bool

    init(_ operand: Expr, staticType: CellType, target: CellType, forced: Bool, position: Int) {
        self.operand = operand
        self.staticType = staticType
        self.target = target
        self.forced = forced
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        let v = try operand.eval(cx)
        let to = cx.concrete(target)
        if let result = cast(v, from: cx.concrete(staticType), to: to, cx) {
            return forced ? result : wrapOptional(result, wrappedIsOptional: to.isOptional)
        }
        if forced {
            let dynamic = dynamicType(of: v, staticType: cx.concrete(staticType))
            throw CellFailure(.runtime, "Fatal error: Could not cast value of type '\(cx.qualifiedName(dynamic))' to '\(cx.qualifiedName(to))'",
                              at: position)
        }
        return .none
    }
}

/// The value as a `to`, if its dynamic type is one (`as?`'s rules for the types cells have).
func cast(_ v: Value, from: CellType, to: CellType, _ cx: Context) -> Value? {
    var value = v
    var type = from
    if case .existential(let box) = value {
        value = box.value
        type = box.type
    }
    if case .instance(let object) = value { type = object.type }
    if case .optional(let w) = type {
        if case .none = value { return to.isOptional ? Value.none : nil }
        let inner = unwrapOptional(value, wrappedIsOptional: w.isOptional)
        if case .optional(let target) = to {
            return cast(inner, from: w, to: target, cx).map { wrapOptional($0, wrappedIsOptional: target.isOptional) }
        }
        return cast(inner, from: w, to: to, cx)
    }
    if type == to { return value }
    switch to {
    case .existential(let protocols):
        for p in protocols where !cx.registry.conforms(type, to: p, extensions: cx.runtime.extensions) { return nil }
        return .existential(ExistentialBox(type: type, value: value))
    case .optional(let w):
        return cast(value, from: type, to: w, cx).map { wrapOptional($0, wrappedIsOptional: w.isOptional) }
    case .nominal(let target, _) where target.isClass:
        if case .nominal(let d, _) = type, d.isSubclass(of: target) { return value }
        return nil
    case .array(let e):
        // `[Any]` to `[Int]`: every element must be one.
        guard case .array(let items) = value, case .array(let from) = type else { return nil }
        var out: [Value] = []
        for item in items {
            guard let c = cast(item, from: from, to: e, cx) else { return nil }
            out.append(c)
        }
        return .array(out)
    default:
        return nil
    }
}
