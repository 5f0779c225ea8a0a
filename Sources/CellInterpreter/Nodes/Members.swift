/// A stored property of a struct.
final class FieldGet: Expr {
    let base: Expr
    let index: Int

    init(base: Expr, index: Int, position: Int) {
        self.base = base
        self.index = index
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        let v = try base.eval(cx)
        guard case .structValue(let fields) = v else { throw internalMismatch("struct", v, position) }
        return fields[index]
    }

    override func evalDouble(_ cx: Context) throws(CellFailure) -> Double {
        let v = try base.eval(cx)
        guard case .structValue(let fields) = v, case .double(let d) = fields[index] else { throw internalMismatch("Double", v, position) }
        return d
    }

    override func evalInt(_ cx: Context) throws(CellFailure) -> Int {
        let v = try base.eval(cx)
        guard case .structValue(let fields) = v, case .int(let i) = fields[index] else { throw internalMismatch("Int", v, position) }
        return i
    }
}

/// A stored property of a class instance (a lazy one gets its value the first time).
final class ClassFieldGet: Expr {
    let base: Expr
    let index: Int
    /// For a lazy property: computes the value with `self` (nil otherwise).
    let lazyInitializer: LoweredFunction?

    init(base: Expr, index: Int, lazyInitializer: LoweredFunction?, position: Int) {
        self.base = base
        self.index = index
        self.lazyInitializer = lazyInitializer
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        let v = try base.eval(cx)
        guard case .instance(let object) = v else { throw internalMismatch("class instance", v, position) }
        let field = object.fields[index]
        if case .uninitialized = field, let lazyInitializer {
            let made = try lazyInitializer.call(cx, arguments: [v], captures: [], typeArguments: cx.typeArguments, at: position)
            object.fields[index] = made
            return made
        }
        return field
    }

    override func evalDouble(_ cx: Context) throws(CellFailure) -> Double {
        let v = try eval(cx)
        if case .double(let d) = v { return d }
        throw internalMismatch("Double", v, position)
    }
}

final class TupleElementGet: Expr {
    let base: Expr
    let index: Int

    init(base: Expr, index: Int, position: Int) {
        self.base = base
        self.index = index
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        let v = try base.eval(cx)
        guard case .tuple(let elements) = v else { throw internalMismatch("tuple", v, position) }
        return elements[index]
    }

    override func evalInt(_ cx: Context) throws(CellFailure) -> Int {
        let v = try base.eval(cx)
        guard case .tuple(let elements) = v, case .int(let i) = elements[index] else { throw internalMismatch("Int", v, position) }
        return i
    }

    override func evalDouble(_ cx: Context) throws(CellFailure) -> Double {
        let v = try base.eval(cx)
        guard case .tuple(let elements) = v, case .double(let d) = elements[index] else { throw internalMismatch("Double", v, position) }
        return d
    }
}

/// A library property.
final class NativePropertyGet: Expr {
    let base: Expr?
    let get: NativeGetter

    init(base: Expr?, get: @escaping NativeGetter, position: Int) {
        self.base = base
        self.get = get
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        let receiver = try base?.eval(cx) ?? .void
        do { return try get(receiver, cx) } catch { throw failure(from: error, at: position) }
    }
}

/// A property requirement read on a generic or existential value: the value's type's property.
final class WitnessPropertyGet: Expr {
    let base: Expr
    let baseType: CellType
    let requirement: PropertyDecl

    init(base: Expr, baseType: CellType, requirement: PropertyDecl, position: Int) {
        self.base = base
        self.baseType = baseType
        self.requirement = requirement
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        var value = try base.eval(cx)
        var type = cx.concrete(baseType)
        if case .existential(let box) = value {
            value = box.value
            type = box.type
        }
        if case .instance(let object) = value { type = object.type }
        let found = try cx.runtime.witness(requirement.name, labels: [], isStatic: false, isProperty: true,
                                           requirementID: ObjectIdentifier(requirement), for: type, at: position)
        guard case .property(let p) = found.member else { throw CellFailure(.runtime, "internal error: witness", at: position) }
        let typeArguments = (p.owner?.genericParameters ?? []).map { found.substitution[$0] ?? .parameter($0) }
        return try cx.runtime.read(p, of: value, typeArguments: typeArguments, cx, at: position)
    }
}

/// A synthesized property: an enum's `rawValue`, `allCases`.
final class SynthesizedPropertyGet: Expr {
    let base: Expr?
    let kind: PropertyDecl.SynthesizedProperty
    let owner: NominalDecl

    init(base: Expr?, kind: PropertyDecl.SynthesizedProperty, owner: NominalDecl, position: Int) {
        self.base = base
        self.kind = kind
        self.owner = owner
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        try cx.runtime.synthesizedProperty(kind, of: try base?.eval(cx) ?? .void, owner: owner, at: position)
    }
}

/// An enum case, with its associated values.
final class EnumCaseExpr: Expr {
    let index: Int
    let payload: [Expr]?

    init(index: Int, payload: [Expr]?, position: Int) {
        self.index = index
        self.payload = payload
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        guard let payload else { return .enumValue(index, nil) }
        var values: [Value] = []
        values.reserveCapacity(payload.count)
        for p in payload { values.append(try p.eval(cx)) }
        return .enumValue(index, values)
    }
}

/// Swift's memberwise initializer: the stored properties from the arguments (or defaults).
final class MemberwiseInitExpr: Expr {
    let fields: [Expr]

    init(fields: [Expr], position: Int) {
        self.fields = fields
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        var values: [Value] = []
        values.reserveCapacity(fields.count)
        for f in fields { values.append(try f.eval(cx)) }
        return .structValue(values)
    }
}

/// Initial values of stored properties, computed where an instance is made.
struct InitialValues {
    let count: Int
    let values: [(index: Int, make: LoweredFunction)]

    func make(_ cx: Context, at position: Int) throws(CellFailure) -> [Value] {
        var fields = Array(repeating: Value.uninitialized, count: Swift.max(count, 0))
        for (i, f) in values { fields[i] = try f.call(cx, arguments: [], captures: [], typeArguments: cx.typeArguments, at: position) }
        return fields
    }
}

/// A struct's own initializer: `self` starts with the properties' initial values, the body
/// sets the rest; a failable one may return nil.
final class StructInitExpr: Expr {
    let initializer: LoweredFunction
    let initial: InitialValues
    let arguments: [Expr]
    let typeArguments: TypeArgumentList
    let failable: Bool
    let callerSource: CellSource?

    init(initializer: LoweredFunction, initial: InitialValues, arguments: [Expr], typeArguments: [CellType], failable: Bool,
         callerSource: CellSource?, position: Int) {
        self.initializer = initializer
        self.initial = initial
        self.arguments = arguments
        self.typeArguments = TypeArgumentList(typeArguments)
        self.failable = failable
        self.callerSource = callerSource
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        let types = typeArguments.resolve(cx)
        var selfValue = Value.uninitialized
        let fields = try initial.make(cx, at: position)
        let result = try initializer.invoke(cx, captures: [], typeArguments: types, at: position, callerSource: callerSource) { (slots) throws(CellFailure) in
            // An enum's initializer starts with no value for `self`; a struct's with its initial values.
            slots[0] = initial.count < 0 ? .uninitialized : .structValue(fields)
            for (i, a) in arguments.enumerated() { slots[i + 1] = try a.eval(cx) }
        } after: { slots in
            selfValue = slots[0]
        }
        if failable, case .none = result { return .none }
        if selfValue.isUninitialized {
            throw CellFailure(.runtime, "an initializer returned without giving 'self' a value", at: position)
        }
        try checkInitialized(selfValue, at: position)
        return selfValue
    }
}

/// A class's initializer: a new instance of the class named (with every stored property's
/// initial value, its superclasses' too), then the initializer's body with it as `self`.
final class ClassInitExpr: Expr {
    let type: CellType
    let decl: NominalDecl
    let initializer: LoweredFunction?
    let initial: InitialValues
    let arguments: [Expr]
    let typeArguments: TypeArgumentList
    let failable: Bool
    let callerSource: CellSource?

    init(type: CellType, decl: NominalDecl, initializer: LoweredFunction?, initial: InitialValues, arguments: [Expr], typeArguments: [CellType],
         failable: Bool, callerSource: CellSource?, position: Int) {
        self.type = type
        self.decl = decl
        self.initializer = initializer
        self.initial = initial
        self.arguments = arguments
        self.typeArguments = TypeArgumentList(typeArguments)
        self.failable = failable
        self.callerSource = callerSource
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        let object = ClassInstance(type: cx.concrete(type), decl: decl, fields: try initial.make(cx, at: position))
        let instance = Value.instance(object)
        if let initializer {
            let result = try initializer.invoke(cx, captures: [], typeArguments: typeArguments.resolve(cx), at: position,
                                                callerSource: callerSource) { (slots) throws(CellFailure) in
                slots[0] = instance
                for (i, a) in arguments.enumerated() { slots[i + 1] = try a.eval(cx) }
            }
            if failable, case .none = result { return .none }
        }
        return instance
    }
}

/// `super.init(…)` (or an inherited initializer's body) run on the instance being made.
final class DelegatingInitExpr: Expr {
    let initializer: LoweredFunction
    let selfSlot: Int
    let arguments: [Expr]
    let isStruct: Bool
    let initial: InitialValues?
    let callerSource: CellSource?

    init(initializer: LoweredFunction, selfSlot: Int, arguments: [Expr], isStruct: Bool, initial: InitialValues?, callerSource: CellSource?,
         position: Int) {
        self.initializer = initializer
        self.selfSlot = selfSlot
        self.arguments = arguments
        self.isStruct = isStruct
        self.initial = initial
        self.callerSource = callerSource
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        let selfValue = isStruct ? .structValue(try initial?.make(cx, at: position) ?? []) : cx.frame[selfSlot]
        var final = selfValue
        _ = try initializer.invoke(cx, captures: [], typeArguments: cx.typeArguments, at: position, callerSource: callerSource) { (slots) throws(CellFailure) in
            slots[0] = selfValue
            for (i, a) in arguments.enumerated() { slots[i + 1] = try a.eval(cx) }
        } after: { slots in
            final = slots[0]
        }
        if isStruct { cx.frame[selfSlot] = final }
        return .void
    }
}

/// A struct made by an initializer must have every stored property set.
@inline(__always)
func checkInitialized(_ v: Value, at position: Int) throws(CellFailure) {
    guard case .structValue(let fields) = v else { return }
    for f in fields where f.isUninitialized {
        throw CellFailure(.runtime, "an initializer returned without initializing all stored properties", at: position)
    }
}

/// `init?(rawValue:)` of an enum with raw values.
final class RawValueInitExpr: Expr {
    let argument: Expr
    let owner: NominalDecl

    init(argument: Expr, owner: NominalDecl, position: Int) {
        self.argument = argument
        self.owner = owner
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        let raw = try argument.eval(cx)
        for c in owner.cases {
            if let r = c.rawValue, structurallyEqual(r, raw) { return .enumValue(c.index, nil) }
        }
        return .none
    }
}

/// `type(of: x)`: the value's dynamic type.
final class TypeOfExpr: Expr {
    let operand: Expr
    let staticType: CellType

    init(_ operand: Expr, staticType: CellType, position: Int) {
        self.operand = operand
        self.staticType = staticType
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        let v = try operand.eval(cx)
        return .metatype(dynamicType(of: v, staticType: cx.concrete(staticType)))
    }
}

/// The type a value really has: an existential's or a class instance's, else its static type.
func dynamicType(of v: Value, staticType: CellType) -> CellType {
    if case .optional(let wrapped) = staticType {
        // An optional stays optional (`Optional(main.Dog)`); what it holds has its own dynamic type.
        if case .none = v { return staticType }
        return .optional(dynamicType(of: unwrapOptional(v, wrappedIsOptional: wrapped.isOptional), staticType: wrapped))
    }
    switch v {
    case .existential(let box): return dynamicType(of: box.value, staticType: box.type)
    case .instance(let object): return object.type
    default: return staticType
    }
}
