/// A type as the cell language knows it: Swift's own types for the subset cells use. The checker
/// gives every expression one before anything runs, and the lowered nodes are chosen by it.
public indirect enum CellType: Hashable {
    case int, double, bool, string, character
    /// `()`, also written `Void`.
    case void
    /// The result of functions that never return (`fatalError`).
    case never
    case array(CellType)
    case dictionary(CellType, CellType)
    case set(CellType)
    case optional(CellType)
    case tuple([TupleElementType])
    case function(FunctionType)
    /// A struct, class, enum or protocol with its generic arguments: the cell's own types, the
    /// library's (`Tensor`, `PPCA`) and the standard library's other generic types (`Range<Int>`).
    case nominal(NominalDecl, [CellType])
    /// A generic parameter, inside the generic function or type that declares it.
    case parameter(GenericParameter)
    /// `Any`, `any P`, `any P & Q`: a value of some type that conforms to the protocols.
    case existential([NominalDecl])
    /// `T.Type`: the type itself used as a value (`Double.pi`, `Tensor.zeros`).
    case metatype(CellType)
    /// An unknown the constraint solver is finding; never seen after checking.
    case variable(Int)

    nonisolated(unsafe) public static let any = CellType.existential([])

    /// `Int?` for `Int`.
    var optionalWrapped: CellType? {
        if case .optional(let w) = self { return w }
        return nil
    }

    var isOptional: Bool { optionalWrapped != nil }

    var isFunction: Bool {
        if case .function = self { return true }
        return false
    }

    var isVoid: Bool { self == .void }

    /// True when no type variable is left in it.
    var isResolved: Bool {
        switch self {
        case .variable: return false
        case .int, .double, .bool, .string, .character, .void, .never, .parameter, .existential: return true
        case .array(let e), .set(let e), .optional(let e), .metatype(let e): return e.isResolved
        case .dictionary(let k, let v): return k.isResolved && v.isResolved
        case .tuple(let elements): return elements.allSatisfy { $0.type.isResolved }
        case .function(let f): return f.parameters.allSatisfy { $0.type.isResolved } && f.result.isResolved
        case .nominal(_, let args): return args.allSatisfy(\.isResolved)
        }
    }

    /// Applies `transform` to every type in this one, outermost first; a non-nil result replaces
    /// that part without looking inside it.
    func rewritten(_ transform: (CellType) -> CellType?) -> CellType {
        if let replaced = transform(self) { return replaced }
        switch self {
        case .int, .double, .bool, .string, .character, .void, .never, .parameter, .existential, .variable:
            return self
        case .array(let e): return .array(e.rewritten(transform))
        case .set(let e): return .set(e.rewritten(transform))
        case .optional(let e): return .optional(e.rewritten(transform))
        case .metatype(let e): return .metatype(e.rewritten(transform))
        case .dictionary(let k, let v): return .dictionary(k.rewritten(transform), v.rewritten(transform))
        case .tuple(let elements):
            return .tuple(elements.map { TupleElementType(label: $0.label, type: $0.type.rewritten(transform)) })
        case .function(let f):
            return .function(FunctionType(
                parameters: f.parameters.map { ParameterType($0.type.rewritten(transform), isInout: $0.isInout, variadic: $0.isVariadic) },
                result: f.result.rewritten(transform), throws: f.throws))
        case .nominal(let decl, let args): return .nominal(decl, args.map { $0.rewritten(transform) })
        }
    }

    /// The type with generic parameters replaced as `substitution` says.
    func substituting(_ substitution: [GenericParameter: CellType]) -> CellType {
        if substitution.isEmpty { return self }
        return rewritten { t in
            if case .parameter(let p) = t { return substitution[p] }
            return nil
        }
    }

    /// Every generic parameter it mentions.
    func mentions(_ parameter: GenericParameter) -> Bool {
        var found = false
        _ = rewritten { t in
            if case .parameter(let p) = t, p === parameter { found = true }
            return nil
        }
        return found
    }

    /// True when it mentions any generic parameter (its representation is only known at run time).
    var isGenericDependent: Bool {
        var found = false
        _ = rewritten { t in
            if case .parameter = t { found = true }
            return nil
        }
        return found
    }
}

/// One element of a tuple type: `x: Int`.
public struct TupleElementType: Hashable {
    public var label: String?
    public var type: CellType

    public init(label: String?, type: CellType) {
        self.label = label
        self.type = type
    }
}

/// A function's type: its parameters (no labels, as in Swift), result and whether it throws.
public struct FunctionType: Hashable {
    public var parameters: [ParameterType]
    public var result: CellType
    public var `throws`: Bool

    public init(parameters: [ParameterType], result: CellType, throws: Bool = false) {
        self.parameters = parameters
        self.result = result
        self.throws = `throws`
    }

    public init(_ parameters: [CellType], _ result: CellType, throws: Bool = false) {
        self.init(parameters: parameters.map { ParameterType($0) }, result: result, throws: `throws`)
    }
}

public struct ParameterType: Hashable {
    public var type: CellType
    public var isInout: Bool
    /// Written `T...`; `type` is the element type.
    public var isVariadic: Bool

    public init(_ type: CellType, isInout: Bool = false, variadic: Bool = false) {
        self.type = type
        self.isInout = isInout
        self.isVariadic = variadic
    }
}

// MARK: - Names, as Swift spells them

extension CellType: CustomStringConvertible {
    /// The type as swiftc's diagnostics write it: `[Int]`, `[String : Int]`, `Int?`, `()`.
    public var description: String { spelled(sugared: true) }

    /// The type as `type(of:)` and `String(describing:)` print it at run time: `Array<Int>`,
    /// `Dictionary<String, Int>`, `Optional<Int>`.
    public var runtimeName: String { spelled(sugared: false) }

    func spelled(sugared: Bool) -> String {
        switch self {
        case .int: return "Int"
        case .double: return "Double"
        case .bool: return "Bool"
        case .string: return "String"
        case .character: return "Character"
        case .void: return "()"
        case .never: return "Never"
        case .array(let e): return sugared ? "[\(e.spelled(sugared: true))]" : "Array<\(e.spelled(sugared: false))>"
        case .dictionary(let k, let v):
            return sugared ? "[\(k.spelled(sugared: true)) : \(v.spelled(sugared: true))]"
                : "Dictionary<\(k.spelled(sugared: false)), \(v.spelled(sugared: false))>"
        case .set(let e): return "Set<\(e.spelled(sugared: sugared))>"
        case .optional(let w):
            guard sugared else { return "Optional<\(w.spelled(sugared: false))>" }
            if case .function = w { return "(\(w.spelled(sugared: true)))?" }
            if case .existential(let ps) = w, !ps.isEmpty { return "(\(w.spelled(sugared: true)))?" }
            return w.spelled(sugared: true) + "?"
        case .tuple(let elements):
            return "(" + elements.map { ($0.label.map { "\($0): " } ?? "") + $0.type.spelled(sugared: sugared) }
                .joined(separator: ", ") + ")"
        case .function(let f):
            let parameters = f.parameters.map { p in
                (p.isInout ? "inout " : "") + p.type.spelled(sugared: sugared) + (p.isVariadic ? "..." : "")
            }
            return "(" + parameters.joined(separator: ", ") + ")" + (f.throws ? " throws" : "") + " -> "
                + f.result.spelled(sugared: sugared)
        case .nominal(let decl, let args):
            // At run time Swift names a nested type by its own name (`Inner`, a dictionary's `Keys`).
            if !sugared, decl.parent != nil { return decl.name }
            let name = decl.qualifiedName
            return args.isEmpty ? name : name + "<" + args.map { $0.spelled(sugared: sugared) }.joined(separator: ", ") + ">"
        case .parameter(let p): return p.name
        case .existential(let protocols):
            if protocols.isEmpty { return "Any" }
            let names = protocols.map(\.name).joined(separator: " & ")
            return sugared ? "any " + names : names
        case .metatype(let t):
            let inner = t.spelled(sugared: sugared)
            if case .existential(let ps) = t, !ps.isEmpty { return "(\(inner)).Type" }
            if case .optional = t, sugared { return "(\(inner)).Type" }
            return inner + ".Type"
        case .variable: return "_"
        }
    }
}
