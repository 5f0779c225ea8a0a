/// Everything cells can use without declaring it, declared once with its Swift signature: the
/// standard library's types, protocols, functions and operators as cells see them, and the model
/// library's bindings. The checker finds names and members here, `lectern reference` lists it.
public final class Registry: @unchecked Sendable {
    /// Types by name: standard (`Int`, `Array`, `Equatable`) and library (`Tensor`, `PPCA`).
    private(set) var types: [String: NominalDecl] = [:]
    private(set) var aliases: [String: CellType] = [:]
    /// Global functions by base name, each with its overloads.
    private(set) var functions: [String: [FunctionDecl]] = [:]
    /// Operator implementations by spelling.
    private(set) var infixOperators: [String: [FunctionDecl]] = [:]
    private(set) var prefixOperators: [String: [FunctionDecl]] = [:]
    private(set) var postfixOperators: [String: [FunctionDecl]] = [:]
    /// Groups for the reference page, in order: a title and the names it holds.
    public private(set) var topics: [(title: String, names: [String])] = []
    /// The standard library's declarations the checker needs by name.
    let standard: StandardDeclarations
    private var sequenceAdapters: [String: (Value) throws -> [Value]] = [:]
    private(set) lazy var nilEqual: FunctionDecl = nilComparisonDecl("==")
    private(set) lazy var nilNotEqual: FunctionDecl = nilComparisonDecl("!=")

    private func nilComparisonDecl(_ op: String) -> FunctionDecl {
        let t = GenericParameter(name: "Wrapped", index: 0)
        let f = FunctionDecl(name: op, kind: .operatorFunction,
                             parameters: [ParameterDecl(label: nil, name: "lhs", type: .optional(.parameter(t))),
                                          ParameterDecl(label: nil, name: "rhs", type: .optional(.parameter(t)))],
                             resultType: .bool)
        f.genericParameters = [t]
        let isEqual = op == "=="
        f.implementation = .native { call in
            let isNil: Bool
            if case .none = call[0] { isNil = true } else { isNil = false }
            return .bool(isEqual == isNil)
        }
        return f
    }

    init() {
        standard = StandardDeclarations()
        for decl in standard.all { types[decl.name] = decl }
        aliases["Void"] = .void
        aliases["Any"] = .existential([])
        aliases["UnboundedRange"] = standard.unboundedRange
    }

    /// The registry every session uses: the language's standard library and the model library.
    public static let standard: Registry = {
        let registry = Registry()
        registry.registerStandardLibrary()
        registry.registerLibrary()
        return registry
    }()

    // MARK: Declaring

    func addType(_ decl: NominalDecl, topic: String? = nil) {
        types[decl.name] = decl
        if let topic { addToTopic(topic, decl.name) }
    }

    func addFunction(_ f: FunctionDecl, topic: String? = nil) {
        functions[f.name, default: []].append(f)
        if let topic { addToTopic(topic, f.name) }
    }

    func addOperator(_ f: FunctionDecl, fixity: OperatorFixity) {
        switch fixity {
        case .infix: infixOperators[f.name, default: []].append(f)
        case .prefix: prefixOperators[f.name, default: []].append(f)
        case .postfix: postfixOperators[f.name, default: []].append(f)
        }
    }

    func addAlias(_ name: String, _ type: CellType) {
        aliases[name] = type
    }

    private func addToTopic(_ topic: String, _ name: String) {
        if let i = topics.firstIndex(where: { $0.title == topic }) {
            if !topics[i].names.contains(name) { topics[i].names.append(name) }
        } else {
            topics.append((topic, [name]))
        }
    }

    // MARK: Finding

    func typeEntry(_ name: String) -> TypeEntry? {
        if let decl = types[name] { return .nominal(decl) }
        if let alias = aliases[name] { return .alias(alias) }
        return nil
    }

    var typeNames: [String] { Array(types.keys) + Array(aliases.keys) }

    /// Every global name a cell can use without declaring it, for "did you mean".
    var globalNames: [String] { Array(functions.keys) + Array(types.keys) }

    func operators(_ name: String, _ fixity: OperatorFixity) -> [FunctionDecl] {
        switch fixity {
        case .infix: infixOperators[name] ?? []
        case .prefix: prefixOperators[name] ?? []
        case .postfix: postfixOperators[name] ?? []
        }
    }

    /// The type a standard declaration names with arguments (`Array` with `[Int]` is `[Int]`),
    /// or nil when it is not one of the types the language spells specially.
    func builtinType(_ decl: NominalDecl, arguments: [CellType]) -> CellType? {
        let s = standard
        switch decl {
        case s.int: return .int
        case s.double: return .double
        case s.bool: return .bool
        case s.string: return .string
        case s.character: return .character
        case s.never: return .never
        case s.array: return arguments.count == 1 ? .array(arguments[0]) : .array(.variable(-1))
        case s.set: return arguments.count == 1 ? .set(arguments[0]) : .set(.variable(-1))
        case s.optional: return arguments.count == 1 ? .optional(arguments[0]) : .optional(.variable(-1))
        case s.dictionary: return arguments.count == 2 ? .dictionary(arguments[0], arguments[1]) : .dictionary(.variable(-1), .variable(-1))
        default: return nil
        }
    }

    /// The declaration that serves a type's members, with its generic arguments.
    func declaration(of type: CellType) -> (NominalDecl, [CellType])? {
        let s = standard
        switch type {
        case .int: return (s.int, [])
        case .double: return (s.double, [])
        case .bool: return (s.bool, [])
        case .string: return (s.string, [])
        case .character: return (s.character, [])
        case .never: return (s.never, [])
        case .array(let e): return (s.array, [e])
        case .set(let e): return (s.set, [e])
        case .optional(let w): return (s.optional, [w])
        case .dictionary(let k, let v): return (s.dictionary, [k, v])
        case .nominal(let d, let args): return (d, args)
        default: return nil
        }
    }

    /// `x == nil` / `x != nil` for an optional of any type.
    func nilComparison(_ op: String) -> FunctionDecl {
        op == "==" ? nilEqual : nilNotEqual
    }

    /// How to list a library type's elements when a cell iterates it (`for row in tensor`).
    func sequenceAdapter(_ typeName: String) -> ((Value) throws -> [Value])? {
        sequenceAdapters[typeName]
    }

    func addSequenceAdapter(_ typeName: String, _ adapter: @escaping (Value) throws -> [Value]) {
        sequenceAdapters[typeName] = adapter
    }

    /// Whether values of the type can be dictionary keys and set elements.
    func isHashable(_ type: CellType) -> Bool {
        conforms(type, to: standard.hashable, extensions: nil)
    }
}

enum OperatorFixity {
    case infix, prefix, postfix
}
