import SwiftSyntax

/// Turns written types (`[Double]`, `(Int) throws -> Int`, `Stack<T>?`) into `CellType`s, with
/// names looked up by the caller: a cell's scopes, or a binding's generic parameters.
struct TypeResolver {
    let registry: Registry
    /// Finds a type name (before the registry's global types are searched).
    let lookup: (String) -> TypeEntry?
    /// Extra names a binding's signature may use (`Self`).
    var selfType: CellType?
    /// `let s: Set = [1, 2]`: a generic type named without arguments gets placeholders
    /// (`.variable(-1)`) that the initializer's solution fills in.
    var allowsUnboundGenerics = false

    func resolve(_ syntax: TypeSyntax) throws(CellFailure) -> CellType {
        if let t = syntax.as(IdentifierTypeSyntax.self) {
            let arguments = try t.genericArgumentClause.map { (clause) throws(CellFailure) in
                try clause.arguments.map { (a) throws(CellFailure) -> CellType in
                    guard case .type(let type) = a.argument else {
                        throw CellFailure(.unsupported, "value generic arguments are not supported in cells", at: pos(a))
                    }
                    return try resolve(type)
                }
            } ?? []
            return try named(t.name.text, arguments: arguments, explicitArguments: t.genericArgumentClause != nil, at: pos(t))
        }
        if let t = syntax.as(ArrayTypeSyntax.self) { return .array(try resolve(t.element)) }
        if let t = syntax.as(DictionaryTypeSyntax.self) {
            let key = try resolve(t.key)
            try requireHashable(key, at: pos(t.key))
            return .dictionary(key, try resolve(t.value))
        }
        if let t = syntax.as(OptionalTypeSyntax.self) { return .optional(try resolve(t.wrappedType)) }
        if let t = syntax.as(ImplicitlyUnwrappedOptionalTypeSyntax.self) {
            throw CellFailure(.unsupported, "implicitly unwrapped optionals ('\(t.wrappedType.trimmedDescription)!') are not supported in cells; use '?'",
                              at: pos(t))
        }
        if let t = syntax.as(TupleTypeSyntax.self) {
            if t.elements.isEmpty { return .void }
            if t.elements.count == 1, let only = t.elements.first, only.firstName == nil { return try resolve(only.type) }
            return .tuple(try t.elements.map { (e) throws(CellFailure) in
                TupleElementType(label: e.firstName.map { $0.text == "_" ? nil : $0.text } ?? nil, type: try resolve(e.type))
            })
        }
        if let t = syntax.as(FunctionTypeSyntax.self) {
            var parameters: [ParameterType] = []
            for element in t.parameters {
                var type = element.type
                var isInout = false
                if let attributed = type.as(AttributedTypeSyntax.self) {
                    for specifier in attributed.specifiers {
                        if case .simpleTypeSpecifier(let s) = specifier, s.specifier.tokenKind == .keyword(.inout) { isInout = true }
                    }
                    type = attributed.baseType
                }
                parameters.append(ParameterType(try resolve(type), isInout: isInout, variadic: element.ellipsis != nil))
            }
            let effects = t.effectSpecifiers
            if effects?.asyncSpecifier != nil {
                throw CellFailure(.unsupported, "'async' is not supported in cells", at: pos(t))
            }
            return .function(FunctionType(parameters: parameters, result: try resolve(t.returnClause.type),
                                          throws: effects?.throwsClause != nil))
        }
        if let t = syntax.as(AttributedTypeSyntax.self) {
            for specifier in t.specifiers {
                if case .simpleTypeSpecifier(let s) = specifier, s.specifier.tokenKind == .keyword(.inout) {
                    throw CellFailure(.syntax, "'inout' may only be used on parameters", at: pos(s))
                }
            }
            return try resolve(t.baseType)
        }
        if let t = syntax.as(MemberTypeSyntax.self) {
            let base = try resolve(t.baseType)
            let name = t.name.text
            if case .nominal(let decl, _) = base {
                if let nested = decl.nestedTypes[name] { return nested.declaredType.substituting([:]) }
                if let alias = decl.typeAliases[name] { return alias }
            }
            throw CellFailure(.name, "'\(name)' is not a member type of '\(base)'", at: pos(t.name))
        }
        if let t = syntax.as(MetatypeTypeSyntax.self) {
            let base = try resolve(t.baseType)
            if t.metatypeSpecifier.text == "Protocol" {
                throw CellFailure(.unsupported, "'.Protocol' is not supported in cells", at: pos(t))
            }
            return .metatype(base)
        }
        if let t = syntax.as(SomeOrAnyTypeSyntax.self) {
            if t.someOrAnySpecifier.tokenKind == .keyword(.some) {
                throw CellFailure(.unsupported, "opaque types ('some \(t.constraint.trimmedDescription)') are not supported in cells; use a generic parameter or 'any'",
                                  at: pos(t))
            }
            return try existential(t.constraint)
        }
        if let t = syntax.as(CompositionTypeSyntax.self) {
            var protocols: [NominalDecl] = []
            for element in t.elements {
                guard case .existential(let ps) = try existential(element.type) else { continue }
                protocols += ps
            }
            return .existential(protocols)
        }
        if syntax.is(ClassRestrictionTypeSyntax.self) {
            throw CellFailure(.unsupported, "'AnyObject' is not supported in cells", at: pos(syntax))
        }
        throw CellFailure(.unsupported, "this type ('\(syntax.trimmedDescription)') is not supported in cells", at: pos(syntax))
    }

    /// A generic constraint (`T: Comparable`, `S: Sequence`): protocols (with associated types
    /// allowed, unlike in types) or a class.
    func resolveConstraint(_ syntax: TypeSyntax) throws(CellFailure) -> CellType {
        if let composition = syntax.as(CompositionTypeSyntax.self) {
            var protocols: [NominalDecl] = []
            for element in composition.elements {
                guard case .existential(let ps) = try resolveConstraint(element.type) else {
                    throw CellFailure(.type, "a composition may only contain protocols", at: pos(element))
                }
                protocols += ps
            }
            return .existential(protocols)
        }
        if let t = syntax.as(IdentifierTypeSyntax.self), t.genericArgumentClause == nil,
           case .nominal(let decl)? = lookup(t.name.text) ?? registry.typeEntry(t.name.text), decl.isProtocol {
            return .existential([decl])
        }
        return try resolve(syntax)
    }

    private func existential(_ syntax: TypeSyntax) throws(CellFailure) -> CellType {
        let t = try resolve(syntax)
        switch t {
        case .existential: return t
        case .nominal(let d, _) where d.isProtocol: return .existential([d])
        default:
            throw CellFailure(.type, "'any' has no effect on concrete type '\(t)'", at: pos(syntax))
        }
    }

    /// A type by name with its generic arguments.
    func named(_ name: String, arguments: [CellType], explicitArguments: Bool, at position: Int) throws(CellFailure) -> CellType {
        func noArguments(_ t: CellType) throws(CellFailure) -> CellType {
            if explicitArguments {
                throw CellFailure(.type, "cannot specialize non-generic type '\(t)'", at: position)
            }
            return t
        }
        func count(_ n: Int) throws(CellFailure) {
            guard arguments.count == n else {
                throw CellFailure(.type, "generic type '\(name)' specialized with \(arguments.count < n ? "too few" : "too many") type parameters (got \(arguments.count), but expected \(n))",
                                  at: position)
            }
        }
        if name == "Self", let selfType { return try noArguments(selfType) }
        if let entry = lookup(name) ?? registry.typeEntry(name) {
            switch entry {
            case .parameter(let p): return try noArguments(.parameter(p))
            case .alias(let t): return try noArguments(t)
            case .nominal(let decl):
                if decl.isProtocol {
                    if !decl.associatedTypeNames.isEmpty {
                        throw CellFailure(.type, "use of protocol '\(name)' as a type must be written 'any \(name)'; and its associated types are not supported in cells",
                                          at: position)
                    }
                    return try noArguments(.existential([decl]))
                }
                if allowsUnboundGenerics, !explicitArguments, arguments.isEmpty, !decl.genericParameters.isEmpty {
                    let placeholders = Array(repeating: CellType.variable(-1), count: decl.genericParameters.count)
                    return registry.builtinType(decl, arguments: placeholders) ?? .nominal(decl, placeholders)
                }
                if let builtin = registry.builtinType(decl, arguments: arguments) {
                    try count(decl.genericParameters.count)
                    if case .dictionary(let key, _) = builtin { try requireHashable(key, at: position) }
                    if case .set(let element) = builtin { try requireHashable(element, at: position) }
                    return builtin
                }
                if arguments.isEmpty && !decl.genericParameters.isEmpty && !explicitArguments {
                    // Inside its own body, a generic type's name means itself with its parameters.
                    if let selfType, case .nominal(let d, _) = selfType, d === decl { return selfType }
                    throw CellFailure(.type, "reference to generic type '\(name)' requires arguments in <...>", at: position)
                }
                try count(decl.genericParameters.count)
                return .nominal(decl, arguments)
            }
        }
        switch name {
        case "Float", "Float32", "Float64", "Float16", "Float80", "CGFloat":
            throw CellFailure(.unsupported, "'\(name)' is not supported in cells; use Double", at: position)
        case "Int8", "Int16", "Int32", "Int64", "UInt", "UInt8", "UInt16", "UInt32", "UInt64":
            throw CellFailure(.unsupported, "'\(name)' is not supported in cells; use Int", at: position)
        case "AnyObject", "AnyClass":
            throw CellFailure(.unsupported, "'\(name)' is not supported in cells", at: position)
        default:
            var message = "cannot find type '\(name)' in scope"
            if let near = nearestName(to: name, in: registry.typeNames) { message += "; did you mean '\(near)'?" }
            throw CellFailure(.name, message, at: position)
        }
    }

    private func requireHashable(_ type: CellType, at position: Int) throws(CellFailure) {
        guard registry.isHashable(type) else {
            throw CellFailure(.type, "type '\(type)' does not conform to protocol 'Hashable'", at: position)
        }
    }
}

/// The UTF-8 offset where a node's text starts.
@inline(__always)
func pos(_ node: some SyntaxProtocol) -> Int {
    node.positionAfterSkippingLeadingTrivia.utf8Offset
}
