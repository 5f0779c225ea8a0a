import SwiftSyntax

/// Where a declaration comes from: Swift's standard library (as cells see it), the model
/// library's bindings, or a cell.
enum DeclarationOrigin {
    case standard
    case library
    case cell
}

/// A generic parameter: `T` in `func f<T: Comparable>(…)` or `struct Stack<Element>`.
/// Generic code receives the concrete types of its parameters when it is called, so `T.zero`,
/// a literal of type `T` and `type(of:)` know what `T` is.
public final class GenericParameter: Hashable, CustomStringConvertible {
    public let name: String
    /// Protocols the parameter must conform to (`T: Comparable & Hashable`).
    var conformances: [NominalDecl]
    /// A class the parameter must inherit from (`T: Shape`).
    var superclass: CellType?
    /// Its place among the type arguments its declaration receives (an owner type's first).
    var index: Int

    init(name: String, conformances: [NominalDecl] = [], index: Int) {
        self.name = name
        self.conformances = conformances
        self.index = index
    }

    public static func == (a: GenericParameter, b: GenericParameter) -> Bool { a === b }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
    public var description: String { name }
}

/// A named type: a struct, class, enum or protocol, from a cell, the library or the standard
/// library. Its members are looked up by name by the checker.
public final class NominalDecl: Hashable, CustomStringConvertible {
    public enum Kind { case structure, classType, enumeration, protocolType }

    public let name: String
    public let kind: Kind
    let origin: DeclarationOrigin
    /// The type it is nested in (`Outer.Inner`).
    weak var parent: NominalDecl?
    var genericParameters: [GenericParameter] = []
    /// Protocols it declares conformance to (for a protocol: the protocols it refines).
    var conformances: [NominalDecl] = []
    /// The associated types' values in its conformances (`Element` of a collection).
    var associatedTypes: [String: CellType] = [:]
    /// For a protocol: the names of its associated types.
    var associatedTypeNames: [String] = []
    var superclass: CellType?
    /// Stored instance properties in declaration order (memberwise initializers, printing).
    var storedProperties: [PropertyDecl] = []
    var instanceMembers: [String: [Member]] = [:]
    var staticMembers: [String: [Member]] = [:]
    var cases: [EnumCaseDecl] = []
    /// An enum's raw value type.
    var rawType: CellType?
    var nestedTypes: [String: NominalDecl] = [:]
    var typeAliases: [String: CellType] = [:]
    var isFinal = false
    /// A protocol's requirements by name (methods, properties, initializers under `init`).
    var requirements: [String: [Member]] = [:]
    /// One line of documentation, for `lectern reference`.
    var doc: String
    /// Where a cell declared it (UTF-8 offset), for messages.
    var position: Int?
    /// For a class: its methods by dispatch slot, overrides replacing what they override.
    var vtable: [FunctionDecl] = []
    /// For a class: stored properties including inherited ones, in layout order.
    var allStoredProperties: [PropertyDecl] = []
    /// Synthesized conformances whose members are made from the stored properties or cases.
    var synthesizes: Set<String> = []
    /// Library types: how a value of this type is printed when it has no `description`.
    var isEquatableByIdentity = false

    init(name: String, kind: Kind, origin: DeclarationOrigin, doc: String = "") {
        self.name = name
        self.kind = kind
        self.origin = origin
        self.doc = doc
    }

    public static func == (a: NominalDecl, b: NominalDecl) -> Bool { a === b }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
    public var description: String { qualifiedName }

    /// `Outer.Inner` for a nested type.
    var qualifiedName: String {
        if let parent { return parent.qualifiedName + "." + name }
        return name
    }

    var isClass: Bool { kind == .classType }
    var isProtocol: Bool { kind == .protocolType }
    var isEnum: Bool { kind == .enumeration }
    var isStruct: Bool { kind == .structure }

    /// The type with its own generic parameters as arguments (`Stack<Element>` inside `Stack`).
    var declaredType: CellType {
        if isProtocol { return .parameter(genericParameters[0]) }
        return .nominal(self, genericParameters.map { .parameter($0) })
    }

    /// A protocol's `Self`.
    var selfParameter: GenericParameter? { isProtocol ? genericParameters.first : nil }

    func addInstance(_ member: Member) {
        instanceMembers[member.name, default: []].append(member)
    }

    func addStatic(_ member: Member) {
        staticMembers[member.name, default: []].append(member)
    }

    /// The superclass's declaration.
    var superclassDecl: NominalDecl? {
        if case .nominal(let d, _)? = superclass { return d }
        return nil
    }

    /// Every protocol it conforms to, directly, through refinement or through its superclass.
    var allConformances: [NominalDecl] {
        var seen: [NominalDecl] = []
        func visit(_ p: NominalDecl) {
            guard !seen.contains(p) else { return }
            seen.append(p)
            for q in p.conformances { visit(q) }
        }
        for p in conformances { visit(p) }
        if let s = superclassDecl { for p in s.allConformances { visit(p) } }
        return seen
    }

    func conforms(to proto: NominalDecl) -> Bool {
        self === proto || allConformances.contains(proto)
    }

    /// True when `self` is `other` or inherits from it.
    func isSubclass(of other: NominalDecl) -> Bool {
        var current: NominalDecl? = self
        while let c = current {
            if c === other { return true }
            current = c.superclassDecl
        }
        return false
    }
}

/// A member found by name: a method, a property or an enum case.
enum Member {
    case method(FunctionDecl)
    case property(PropertyDecl)
    case enumCase(EnumCaseDecl)
    case nestedType(NominalDecl)
    /// Found under the name `subscript`.
    case `subscript`(SubscriptDecl)

    var name: String {
        switch self {
        case .method(let f): f.name
        case .property(let p): p.name
        case .enumCase(let c): c.name
        case .nestedType(let n): n.name
        case .subscript: "subscript"
        }
    }
}

/// A parameter as declared: `label name: Type = default`.
struct ParameterDecl {
    /// The argument label (nil for `_`).
    var label: String?
    var name: String
    var type: CellType
    var isInout = false
    /// Written `Type...`: any number of arguments, received as `[Type]`.
    var isVariadic = false
    /// The default argument, checked in the declaration's context and lowered like cell code.
    var defaultValue: DefaultArgument?
    var position: Int = 0
    /// Written `@autoclosure` (`assert`, `??`): the argument is evaluated only if needed.
    var isAutoclosure = false

    var parameterType: ParameterType {
        ParameterType(type, isInout: isInout, variadic: isVariadic)
    }
}

/// A default argument: the checked expression, evaluated at each call that leaves it out.
final class DefaultArgument {
    /// The expression as written (for messages and the reference page).
    let text: String
    var expression: TypedExpression?
    /// Its syntax, checked the first time a call leaves the argument out.
    var syntax: ExprSyntax?
    /// A memberwise initializer's default: the stored property's initial value.
    var propertyDefault: PropertyDecl?

    init(text: String, syntax: ExprSyntax? = nil) {
        self.text = text
        self.syntax = syntax
    }
}

/// A function, method, initializer or operator: a cell's `func`, a closure's signature, or a
/// binding of the standard or model library.
final class FunctionDecl: CustomStringConvertible {
    enum Kind: Equatable {
        case function
        case method
        /// `init`; failable ones return an optional.
        case initializer(failable: Bool)
        /// `static func +`, or a global operator.
        case operatorFunction
    }

    let name: String
    var kind: Kind
    var parameters: [ParameterDecl]
    var resultType: CellType
    var isThrowing: Bool
    /// Throws only when a function argument throws (`map`).
    var isRethrowing = false
    /// The generic parameters it declares itself (not its owner's).
    var genericParameters: [GenericParameter] = []
    var isMutating = false
    var isStatic = false
    var isOverride = false
    var isFinal = false
    /// The type it is a member of.
    weak var owner: NominalDecl?
    /// A protocol requirement with no body.
    var isRequirement = false
    var implementation: FunctionImplementation = .none
    var doc = ""
    /// Where a cell declared it.
    var position: Int?
    /// The name of the cell's file and its place there, for `called from` lines.
    var source: CellSource?
    /// A class method's dispatch slot.
    var vtableIndex: Int?
    /// Prefer other overloads when both fit (Swift's `@_disfavoredOverload`).
    var isDisfavored = false
    /// A library or standard function the lowering runs as its own node (no call machinery).
    var intrinsic: Intrinsic?
    /// The synthesized memberwise initializer of a struct.
    var isMemberwise = false
    /// A class's `convenience init`: it must delegate with `self.init`.
    var isConvenience = false
    /// `where` requirements beyond its generic parameters' own constraints (`where Element: Equatable`,
    /// `where Element == String`, `where S.Element == Element`).
    var requirements: [GenericRequirement] = []
    /// For an operator: prefix, infix or postfix.
    var fixity: OperatorFixity = .infix

    init(name: String, kind: Kind, parameters: [ParameterDecl], resultType: CellType, isThrowing: Bool = false) {
        self.name = name
        self.kind = kind
        self.parameters = parameters
        self.resultType = resultType
        self.isThrowing = isThrowing
    }

    var isInitializer: Bool {
        if case .initializer = kind { return true }
        return false
    }

    var isFailableInitializer: Bool {
        if case .initializer(true) = kind { return true }
        return false
    }

    /// The function's type, as a value: `(Int, Double) -> Int`.
    var functionType: FunctionType {
        FunctionType(parameters: parameters.map(\.parameterType), result: resultType, throws: isThrowing)
    }

    /// Every generic parameter its calls supply: the owner's first (for a protocol, `Self` and
    /// its associated types), then its own.
    var allGenericParameters: [GenericParameter] {
        (owner?.genericParameters ?? []) + genericParameters
    }

    /// `name(label:label:)`, as Swift names a function.
    var signature: String {
        "\(name)(" + parameters.map { ($0.label ?? "_") + ":" }.joined() + ")"
    }

    var description: String { signature }

    /// The declaration as Swift writes it, for messages and the reference page.
    var declaration: String {
        let params = parameters.map { p -> String in
            var s = p.label == p.name ? p.name : "\(p.label ?? "_") \(p.name)"
            s += ": " + (p.isInout ? "inout " : "") + p.type.description + (p.isVariadic ? "..." : "")
            if let d = p.defaultValue { s += " = \(d.text)" }
            return s
        }
        let generics = genericParameters.isEmpty ? "" : "<" + genericParameters.map { g in
            g.conformances.isEmpty ? g.name : g.name + ": " + g.conformances.map(\.name).joined(separator: " & ")
        }.joined(separator: ", ") + ">"
        var text = (isInitializer ? "init" + (isFailableInitializer ? "?" : "") : name) + generics + "(" + params.joined(separator: ", ") + ")"
        if isThrowing { text += isRethrowing ? " rethrows" : " throws" }
        if !isInitializer && resultType != .void { text += " -> \(resultType)" }
        return text
    }
}

/// What runs when a function is called.
enum FunctionImplementation {
    /// A protocol requirement or a function being declared.
    case none
    /// Swift code bound by the standard or model library.
    case native(NativeBody)
    /// A cell's function, lowered once its body is checked.
    case cell(CellFunction)
    /// Made by the language from the type's declaration.
    case synthesized(SynthesizedFunction)
}

enum SynthesizedFunction {
    /// A struct's initializer with a parameter per stored property.
    case memberwiseInitializer
    /// `init()` of a class whose stored properties all have initial values.
    case defaultInitializer
    /// `init?(rawValue:)` of an enum with raw values.
    case rawValueInitializer
}

/// A property: stored, computed, or bound from the library.
final class PropertyDecl {
    enum Storage {
        /// A stored property at a field index; `initialValue` is its `= …`.
        case stored(index: Int)
        case computed(getter: FunctionDecl, setter: FunctionDecl?)
        /// A library property: `get` and, if settable, `set`.
        case native(get: NativeGetter, set: NativeSetter?)
        /// A read-only library property of a generic type whose answer depends on the type
        /// arguments (`first` of `[Int?]` is `Int??`): called as a native method with no arguments.
        case nativeGeneric(get: NativeBody)
        /// A protocol requirement: `{ get }` or `{ get set }`.
        case requirement(settable: Bool)
        /// Made by the language: an enum's `rawValue`, `allCases`.
        case synthesized(SynthesizedProperty)
    }

    enum SynthesizedProperty {
        case rawValue
        case allCases
    }

    let name: String
    var type: CellType
    var isStatic: Bool
    /// Declared with `var` (for stored properties) or with a setter.
    var isMutable: Bool
    var storage: Storage
    var initialValue: TypedExpression?
    /// The initial value's syntax, checked once the whole type is declared.
    var isLazy = false
    weak var owner: NominalDecl?
    var doc = ""
    var position: Int?
    /// A static stored property's global slot.
    var staticSlot: Int?
    /// It has `= …` whose check waits for the statement pass (its type was written).
    var hasDeferredInitialValue = false
    /// The function context its initial value was checked in (static and lazy properties).
    var initialContext: FunctionContext?
    /// For a lazy property: the context whose `self` its initial value uses.
    var lazyContext: FunctionContext?

    init(name: String, type: CellType, isStatic: Bool, isMutable: Bool, storage: Storage) {
        self.name = name
        self.type = type
        self.isStatic = isStatic
        self.isMutable = isMutable
        self.storage = storage
    }

    var isStored: Bool {
        if case .stored = storage { return true }
        return false
    }

    var fieldIndex: Int? {
        if case .stored(let i) = storage { return i }
        return nil
    }

    /// Whether an assignment through it is allowed at all.
    var isSettable: Bool {
        switch storage {
        case .stored: isMutable
        case .computed(_, let setter): setter != nil
        case .native(_, let set): set != nil
        case .nativeGeneric: false
        case .requirement(let settable): settable
        case .synthesized: false
        }
    }
}

/// An enum case: `case circle(radius: Double)`, `case red = 1`.
final class EnumCaseDecl {
    let name: String
    /// Associated values (nil for a case with none).
    var payload: [TupleElementType]?
    /// Default values of associated values, by index.
    var payloadDefaults: [Int: DefaultArgument] = [:]
    var rawValue: Value?
    /// The raw value as Swift prints it in messages.
    var rawValueText: String?
    let index: Int
    weak var owner: NominalDecl?
    var position: Int?

    init(name: String, payload: [TupleElementType]?, index: Int) {
        self.name = name
        self.payload = payload
        self.index = index
    }
}

/// A subscript: `subscript(i: Int) -> Double { get set }`.
final class SubscriptDecl {
    var parameters: [ParameterDecl]
    var resultType: CellType
    var getter: FunctionDecl
    var setter: FunctionDecl?
    weak var owner: NominalDecl?
    var isRequirement = false
    var isStatic = false
    var genericParameters: [GenericParameter] = []
    /// A standard subscript the lowering runs in place.
    var intrinsic: SubscriptIntrinsic?

    init(parameters: [ParameterDecl], resultType: CellType, getter: FunctionDecl, setter: FunctionDecl?) {
        self.parameters = parameters
        self.resultType = resultType
        self.getter = getter
        self.setter = setter
    }
}

/// A variable or constant: a global of the notebook, a local, a parameter, a pattern binding.
final class VarDecl: CustomStringConvertible {
    let name: String
    var type: CellType
    var isMutable: Bool
    let position: Int
    /// The function (or cell top level) it belongs to.
    unowned let owner: FunctionContext
    /// Lives in the session's globals (a name declared at a cell's top level).
    var globalSlot: Int?
    /// Its slot in its owner's frame (locals and parameters).
    var localSlot: Int?
    /// A closure or nested function uses it: it lives in a box that closures share.
    var isCaptured = false
    /// An `inout` parameter.
    var isInout = false
    /// `self` in a method or initializer.
    var isSelf = false
    /// Declared without a value (`let x: Int`), assigned later.
    var isDeferredInitialization = false

    /// A closure's capture-list constant (`[v]`), valued when the closure was made.
    var isCaptureListEntry = false
    init(name: String, type: CellType, isMutable: Bool, position: Int, owner: FunctionContext) {
        self.name = name
        self.type = type
        self.isMutable = isMutable
        self.position = position
        self.owner = owner
    }

    var isGlobal: Bool { globalSlot != nil }
    var description: String { name }
}

/// A library property's getter: the receiver and the running cell's context.
typealias NativeGetter = (Value, Context) throws -> Value
/// A library property's setter: the receiver (changed in place), the new value.
typealias NativeSetter = (inout Value, Value, Context) throws -> Void

/// A `where` requirement of a library function, checked at each use.
enum GenericRequirement {
    case conforms(CellType, NominalDecl)
    case sameType(CellType, CellType)
    /// `S.Element == T`: the element type of a sequence type.
    case sequenceElement(CellType, CellType)

    func substituting(_ substitution: [GenericParameter: CellType]) -> GenericRequirement {
        switch self {
        case .conforms(let t, let p): .conforms(t.substituting(substitution), p)
        case .sameType(let a, let b): .sameType(a.substituting(substitution), b.substituting(substitution))
        case .sequenceElement(let s, let e): .sequenceElement(s.substituting(substitution), e.substituting(substitution))
        }
    }

    func constraint(at position: Int) -> Constraint {
        switch self {
        case .conforms(let t, let p): .conforms(t, p, at: position)
        case .sameType(let a, let b): .equal(a, b, at: position)
        case .sequenceElement(let s, let e): .sequenceElement(sequence: s, element: e, at: position)
        }
    }
}
