/// Everything cells can call in the library, declared once: free functions, types with their
/// initializers, static members, methods and properties, and operators on library values.
/// The interpreter resolves names through it and `lectern reference` lists it.
public final class Registry: @unchecked Sendable {
    /// Free functions by base name (`print`, `scatter`), each with its overloads.
    public private(set) var functions: [String: [NativeFunction]] = [:]
    /// Types by name, including the built-in value types (`Int`, `Array`, `String`).
    public private(set) var types: [String: TypeBinding] = [:]
    /// Groups for the reference page, in order: a title and the names it holds.
    public private(set) var topics: [(title: String, names: [String])] = []
    private var operators: [OperatorKey: (Value, Value) throws -> Value] = [:]
    private var negations: [String: (Value) throws -> Value] = [:]

    public init() {}

    /// The registry every session uses: the language's built-ins and the whole library.
    public static let standard: Registry = {
        let registry = Registry()
        registry.registerCore()
        registry.registerLibrary()
        return registry
    }()

    /// Adds a free function.
    public func function(_ f: NativeFunction, topic: String = "Functions") {
        functions[f.name, default: []].append(f)
        addToTopic(topic, f.name)
    }

    /// Adds (or extends) a type.
    public func type(_ binding: TypeBinding, topic: String = "Types") {
        if let existing = types[binding.name] {
            existing.merge(binding)
        } else {
            types[binding.name] = binding
            addToTopic(topic, binding.name)
        }
    }

    /// Declares `lhs op rhs` for library values; `Number` stands for Int or Double.
    func binaryOperator(_ op: BinaryOperator, _ lhs: String, _ rhs: String, _ body: @escaping (Value, Value) throws -> Value) {
        operators[OperatorKey(op: op, lhs: lhs, rhs: rhs)] = body
    }

    /// Declares unary minus for a library type.
    func negation(_ type: String, _ body: @escaping (Value) throws -> Value) {
        negations[type] = body
    }

    private func addToTopic(_ topic: String, _ name: String) {
        if let i = topics.firstIndex(where: { $0.title == topic }) {
            if !topics[i].names.contains(name) { topics[i].names.append(name) }
        } else {
            topics.append((topic, [name]))
        }
    }

    /// The binding for a value's dynamic type.
    func binding(for value: Value) -> TypeBinding? {
        types[value.bindingName]
    }

    func applyOperator(_ op: BinaryOperator, _ a: Value, _ b: Value, at position: Int) throws(CellFailure) -> Value {
        let l = a.bindingName, r = b.bindingName
        let candidates = [
            OperatorKey(op: op, lhs: l, rhs: r),
            OperatorKey(op: op, lhs: a.isNumber ? "Number" : l, rhs: b.isNumber ? "Number" : r),
        ]
        for key in candidates {
            if let body = operators[key] {
                do { return try body(a, b) } catch { throw failure(from: error, at: position) }
            }
        }
        throw CellFailure(
            .type, "binary operator '\(op.rawValue)' cannot be applied to operands of type '\(a.typeName)' and '\(b.typeName)'",
            at: position)
    }

    func applyNegation(_ v: Value, at position: Int) throws(CellFailure) -> Value {
        guard let body = negations[v.bindingName] else {
            throw CellFailure(.type, "unary operator '-' cannot be applied to an operand of type '\(v.typeName)'", at: position)
        }
        do { return try body(v) } catch { throw failure(from: error, at: position) }
    }

    /// Every global name a cell can use without declaring it, for "did you mean".
    var globalNames: [String] { Array(functions.keys) + Array(types.keys) }
}

struct OperatorKey: Hashable {
    let op: BinaryOperator
    let lhs: String
    let rhs: String
}

/// A type as cells see it: how to make one, its static members, methods and properties.
public final class TypeBinding: @unchecked Sendable {
    public let name: String
    public let doc: String
    public private(set) var initializers: [NativeFunction] = []
    public private(set) var staticMethods: [String: [NativeFunction]] = [:]
    public private(set) var staticProperties: [String: NativeProperty] = [:]
    public private(set) var methods: [String: [NativeFunction]] = [:]
    public private(set) var properties: [String: NativeProperty] = [:]

    public init(_ name: String, doc: String) {
        self.name = name
        self.doc = doc
    }

    @discardableResult
    public func initializer(_ f: NativeFunction) -> Self {
        initializers.append(f)
        return self
    }

    @discardableResult
    public func staticMethod(_ f: NativeFunction) -> Self {
        staticMethods[f.name, default: []].append(f)
        return self
    }

    @discardableResult
    public func staticProperty(_ p: NativeProperty) -> Self {
        staticProperties[p.name] = p
        return self
    }

    @discardableResult
    public func method(_ f: NativeFunction) -> Self {
        methods[f.name, default: []].append(f)
        return self
    }

    @discardableResult
    public func property(_ p: NativeProperty) -> Self {
        properties[p.name] = p
        return self
    }

    func merge(_ other: TypeBinding) {
        initializers += other.initializers
        staticMethods.merge(other.staticMethods) { $0 + $1 }
        staticProperties.merge(other.staticProperties) { $1 }
        methods.merge(other.methods) { $0 + $1 }
        properties.merge(other.properties) { $1 }
    }

    /// Every member name, for "did you mean".
    var memberNames: [String] { Array(methods.keys) + Array(properties.keys) }
}

/// A property of a library type, read (and, when `set` is given, written) by name.
public struct NativeProperty: @unchecked Sendable {
    public let name: String
    public let type: String
    public let doc: String
    let get: (Value) throws -> Value
    let set: ((inout Value, Value) throws -> Void)?

    /// Whether cells may assign to it.
    public var isSettable: Bool { self.set != nil }

    public init(_ name: String, _ type: String, doc: String, get: @escaping (Value) throws -> Value,
                set: ((inout Value, Value) throws -> Void)? = nil) {
        self.name = name
        self.type = type
        self.doc = doc
        self.get = get
        self.set = set
    }
}

extension Value {
    /// The name of the binding that serves this value's methods.
    var bindingName: String {
        switch self {
        case .void: "Void"
        case .bool: "Bool"
        case .int: "Int"
        case .double: "Double"
        case .string: "String"
        case .array: "Array"
        case .tuple: "Tuple"
        case .range: "Range"
        case .function: "Function"
        case .none: "Optional"
        case .object(let o): o.typeName
        }
    }

    var isNumber: Bool {
        switch self {
        case .int, .double: true
        default: false
        }
    }
}
