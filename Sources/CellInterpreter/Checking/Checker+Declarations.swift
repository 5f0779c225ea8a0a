import SwiftSyntax

/// A cell's function or method with its checked body, lowered on first run.
final class CellFunction {
    let decl: FunctionDecl
    let context: FunctionContext
    let parameters: [VarDecl]
    let selfDecl: VarDecl?
    var body: [TypedStatement]
    /// The runnable form, made by the lowering.
    var lowered: AnyObject?

    init(decl: FunctionDecl, context: FunctionContext, parameters: [VarDecl], selfDecl: VarDecl?, body: [TypedStatement]) {
        self.decl = decl
        self.context = context
        self.parameters = parameters
        self.selfDecl = selfDecl
        self.body = body
    }
}

/// What a declaration needs later, when the statement pass reaches it.
final class PendingBody {
    let scope: LexicalScope
    let run: () throws(CellFailure) -> [TypedStatement]
    init(scope: LexicalScope, run: @escaping () throws(CellFailure) -> [TypedStatement]) {
        self.scope = scope
        self.run = run
    }
}

extension Checker {
    // MARK: Ahead of the statements

    /// Declares a block's types (their members' signatures), extensions and functions before its
    /// statements are checked, so they can be used before the line that declares them.
    func declareAhead(_ items: CodeBlockItemListSyntax) throws(CellFailure) {
        var types: [(DeclSyntax, NominalDecl)] = []
        for item in items {
            guard case .decl(let d) = item.item else { continue }
            if let shell = try declareShell(d, parent: nil, into: scope) { types.append((d, shell)) }
        }
        for item in items {
            guard case .decl(let d) = item.item, let alias = d.as(TypeAliasDeclSyntax.self) else { continue }
            try declareAlias(alias, into: scope)
        }
        for (syntax, decl) in types { try declareHeader(syntax, decl) }
        for (syntax, decl) in types {
            // Members whose types come from their initial values may use names declared by earlier
            // statements of this cell: if they cannot be checked yet, they are at the declaration.
            do { try declareMembers(syntax, decl) } catch {
                if error.kind == .name { deferredMembers.insert(syntax.id) } else { throw error }
            }
        }
        for item in items {
            guard case .decl(let d) = item.item, let e = d.as(ExtensionDeclSyntax.self) else { continue }
            try declareExtension(e)
        }
        for item in items {
            guard case .decl(let d) = item.item, let f = d.as(FunctionDeclSyntax.self) else { continue }
            let decl = try makeFunction(f, owner: nil, declarationScope: scope)
            try declareFunction(decl, in: scope, at: pos(f.name))
            if Self.isOperatorName(decl.name) { registerOperator(decl, syntax: f) }
            declared[f.id] = decl
        }
        for (syntax, decl) in types where !deferredMembers.contains(syntax.id) { try finishType(decl) }
        try inferDeferredStaticProperties()
    }

    func inferDeferredStaticProperties() throws(CellFailure) {
        while !deferredStaticProperties.isEmpty {
            let next = deferredStaticProperties.removeFirst()
            _ = try next.run()
        }
    }

    /// Creates the declaration of a struct, class, enum or protocol (name and generic
    /// parameters), so types can refer to each other before their members are known.
    private func declareShell(_ d: DeclSyntax, parent: NominalDecl?, into target: LexicalScope) throws(CellFailure) -> NominalDecl? {
        let name: TokenSyntax
        let kind: NominalDecl.Kind
        var generics: GenericParameterClauseSyntax?
        if let s = d.as(StructDeclSyntax.self) {
            (name, kind, generics) = (s.name, .structure, s.genericParameterClause)
        } else if let c = d.as(ClassDeclSyntax.self) {
            (name, kind, generics) = (c.name, .classType, c.genericParameterClause)
        } else if let e = d.as(EnumDeclSyntax.self) {
            (name, kind, generics) = (e.name, .enumeration, e.genericParameterClause)
        } else if let p = d.as(ProtocolDeclSyntax.self) {
            (name, kind) = (p.name, .protocolType)
        } else if d.is(ActorDeclSyntax.self) {
            throw CellFailure(.unsupported, "'actor' is not supported in cells (no concurrency)", at: pos(d))
        } else {
            return nil
        }
        let text = name.text
        if target.declaredNow.contains(text) || target.types[text] != nil && target !== session.rootScope && parent == nil {
            if target.declaredNow.contains(text) { throw CellFailure(.name, "invalid redeclaration of '\(text)'", at: pos(name)) }
        }
        if registry.types[text] != nil, parent == nil, registry.types[text]!.origin == .standard {
            throw CellFailure(.name, "'\(text)' is a type of the standard library; choose another name", at: pos(name))
        }
        if let attribute = d.asProtocol(WithAttributesSyntax.self)?.attributes.first {
            throw CellFailure(.unsupported, "the attribute '\(attribute.trimmedDescription)' is not supported in cells", at: pos(attribute))
        }
        let decl = NominalDecl(name: text, kind: kind, origin: .cell)
        decl.position = pos(name)
        decl.parent = parent
        if let c = d.as(ClassDeclSyntax.self), c.modifiers.contains(where: { $0.name.text == "final" }) { decl.isFinal = true }
        if kind == .protocolType {
            decl.genericParameters = [GenericParameter(name: "Self", conformances: [decl], index: 0)]
        }
        if let generics {
            for (i, g) in generics.parameters.enumerated() {
                if g.specifier != nil { throw CellFailure(.unsupported, "parameter packs are not supported in cells", at: pos(g)) }
                decl.genericParameters.append(GenericParameter(name: g.name.text, index: i))
            }
        }
        target.types[text] = .nominal(decl)
        target.declaredNow.insert(text)
        if let parent { parent.nestedTypes[text] = decl; parent.addStatic(.nestedType(decl)) }
        declaredTypes[d.id] = decl
        return decl
    }

    private func declareAlias(_ alias: TypeAliasDeclSyntax, into target: LexicalScope) throws(CellFailure) {
        if let g = alias.genericParameterClause {
            throw CellFailure(.unsupported, "generic type aliases are not supported in cells", at: pos(g))
        }
        let type = try resolveType(alias.initializer.value)
        target.types[alias.name.text] = .alias(type)
    }

    /// The scope of a type's body: its generic parameters and nested types, with `Self`.
    func typeBodyScope(_ decl: NominalDecl) -> LexicalScope {
        if let existing = typeScopes[ObjectIdentifier(decl)] { return existing }
        let body = LexicalScope(parent: scope, function: function)
        for p in decl.genericParameters where p.name != "Self" { body.types[p.name] = .parameter(p) }
        for (name, nested) in decl.nestedTypes { body.types[name] = .nominal(nested) }
        for (name, alias) in decl.typeAliases { body.types[name] = .alias(alias) }
        body.memberOf = selfType(of: decl)
        typeScopes[ObjectIdentifier(decl)] = body
        return body
    }

    /// `Self` inside a type's body: the type with its own generic parameters.
    func selfType(of decl: NominalDecl) -> CellType {
        if decl.isProtocol { return .parameter(decl.genericParameters[0]) }
        let args = decl.genericParameters.map { CellType.parameter($0) }
        return registry.builtinType(decl, arguments: args) ?? .nominal(decl, args)
    }

    private func inheritance(of d: DeclSyntax) -> InheritanceClauseSyntax? {
        if let s = d.as(StructDeclSyntax.self) { return s.inheritanceClause }
        if let c = d.as(ClassDeclSyntax.self) { return c.inheritanceClause }
        if let e = d.as(EnumDeclSyntax.self) { return e.inheritanceClause }
        if let p = d.as(ProtocolDeclSyntax.self) { return p.inheritanceClause }
        return nil
    }

    private func memberBlock(of d: DeclSyntax) -> MemberBlockSyntax? {
        if let s = d.as(StructDeclSyntax.self) { return s.memberBlock }
        if let c = d.as(ClassDeclSyntax.self) { return c.memberBlock }
        if let e = d.as(EnumDeclSyntax.self) { return e.memberBlock }
        if let p = d.as(ProtocolDeclSyntax.self) { return p.memberBlock }
        return nil
    }

    /// Generic constraints, superclass, protocols and raw type; and nested types' shells.
    private func declareHeader(_ d: DeclSyntax, _ decl: NominalDecl) throws(CellFailure) {
        let outer = scope
        scope = typeBodyScope(decl)
        defer { scope = outer }
        if let generics = genericClause(of: d) {
            for (g, p) in zip(generics.parameters, decl.genericParameters) {
                if let inherited = g.inheritedType { try constrain(p, to: inherited) }
            }
        }
        if let whereClause = genericWhere(of: d) { try applyWhere(whereClause, to: decl.genericParameters) }
        if let p = d.as(ProtocolDeclSyntax.self), let primary = p.primaryAssociatedTypeClause {
            throw CellFailure(.unsupported, "primary associated types are not supported in cells", at: pos(primary))
        }
        for (i, inherited) in (inheritance(of: d)?.inheritedTypes ?? []).enumerated() {
            let type = try resolveType(inherited.type)
            switch type {
            case .existential(let protocols):
                for p in protocols { try addConformance(p, to: decl, at: pos(inherited)) }
            case .nominal(let base, _) where base.isClass && decl.isClass && i == 0:
                if base.isFinal { throw CellFailure(.type, "inheritance from a final class '\(base.name)'", at: decl.position ?? pos(inherited)) }
                decl.superclass = type
            case .int where decl.isEnum, .string where decl.isEnum, .double where decl.isEnum, .character where decl.isEnum:
                guard i == 0 else {
                    throw CellFailure(.type, "raw type '\(type)' must appear first in the enum inheritance clause", at: pos(inherited))
                }
                decl.rawType = type
                decl.conformances.append(standard.rawRepresentable)
                decl.conformances.append(standard.equatable)
                decl.conformances.append(standard.hashable)
            default:
                if decl.isClass, case .nominal(let base, _) = type, base.isClass {
                    throw CellFailure(.type, "superclass '\(base.name)' must appear first in the inheritance clause", at: pos(inherited))
                }
                // swiftc reports it at the declaration's name.
                let what = decl.isClass ? "non-protocol, non-class type" : "non-protocol type"
                throw CellFailure(.type, "inheritance from \(what) '\(type)'", at: decl.position ?? pos(inherited))
            }
        }
        if decl.isEnum { decl.conformances.append(contentsOf: []) }
        // Nested types.
        if let members = memberBlock(of: d) {
            var nested: [(DeclSyntax, NominalDecl)] = []
            for member in members.members {
                if let shell = try declareShell(member.decl, parent: decl, into: scope) { nested.append((member.decl, shell)) }
                if let alias = member.decl.as(TypeAliasDeclSyntax.self) {
                    try declareAlias(alias, into: scope)
                    if case .alias(let t)? = scope.types[alias.name.text] { decl.typeAliases[alias.name.text] = t }
                }
            }
            for (syntax, inner) in nested {
                try declareHeader(syntax, inner)
                try declareMembers(syntax, inner)
                try finishType(inner)
            }
        }
    }

    private func genericClause(of d: DeclSyntax) -> GenericParameterClauseSyntax? {
        if let s = d.as(StructDeclSyntax.self) { return s.genericParameterClause }
        if let c = d.as(ClassDeclSyntax.self) { return c.genericParameterClause }
        if let e = d.as(EnumDeclSyntax.self) { return e.genericParameterClause }
        return nil
    }

    private func genericWhere(of d: DeclSyntax) -> GenericWhereClauseSyntax? {
        if let s = d.as(StructDeclSyntax.self) { return s.genericWhereClause }
        if let c = d.as(ClassDeclSyntax.self) { return c.genericWhereClause }
        if let e = d.as(EnumDeclSyntax.self) { return e.genericWhereClause }
        if let p = d.as(ProtocolDeclSyntax.self) { return p.genericWhereClause }
        return nil
    }

    private func constrain(_ p: GenericParameter, to inherited: TypeSyntax) throws(CellFailure) {
        let type = try typeResolver.resolveConstraint(inherited)
        switch type {
        case .existential(let protocols): p.conformances += protocols
        case .nominal(let d, _) where d.isClass: p.superclass = type
        default: throw CellFailure(.type, "type '\(p.name)' constrained to non-protocol, non-class type '\(type)'", at: pos(inherited))
        }
    }

    private func applyWhere(_ clause: GenericWhereClauseSyntax, to parameters: [GenericParameter]) throws(CellFailure) {
        for requirement in clause.requirements {
            guard case .conformanceRequirement(let c) = requirement.requirement,
                  let left = c.leftType.as(IdentifierTypeSyntax.self),
                  let p = parameters.first(where: { $0.name == left.name.text }) else {
                throw CellFailure(.unsupported, "this 'where' requirement is not supported in cells; write it as '<T: Protocol>'", at: pos(requirement))
            }
            try constrain(p, to: c.rightType)
        }
    }

    private func addConformance(_ proto: NominalDecl, to decl: NominalDecl, at position: Int) throws(CellFailure) {
        let s = standard
        let unsupported: [NominalDecl] = [s.sequence, s.collection, s.bidirectionalCollection, s.randomAccessCollection, s.mutableCollection,
                                          s.rangeReplaceableCollection, s.numeric, s.additiveArithmetic, s.signedNumeric, s.binaryInteger,
                                          s.signedInteger, s.fixedWidthInteger, s.floatingPoint, s.binaryFloatingPoint, s.strideable,
                                          s.stringProtocol, s.setAlgebra, s.expressibleByIntegerLiteral, s.expressibleByFloatLiteral,
                                          s.expressibleByStringLiteral, s.expressibleByBooleanLiteral, s.expressibleByNilLiteral,
                                          s.expressibleByArrayLiteral, s.expressibleByDictionaryLiteral, s.losslessStringConvertible,
                                          s.rawRepresentable]
        if unsupported.contains(proto) {
            throw CellFailure(.unsupported, "conforming a cell's type to '\(proto.name)' is not supported in cells", at: position)
        }
        if decl.isProtocol || !decl.conformances.contains(proto) { decl.conformances.append(proto) }
    }

    // MARK: Members

    /// Declares a type's members (signatures, stored properties, cases); bodies wait for the
    /// statement pass.
    private func declareMembers(_ d: DeclSyntax, _ decl: NominalDecl) throws(CellFailure) {
        guard let block = memberBlock(of: d), !declaredMembers.contains(ObjectIdentifier(decl)) else { return }
        let outer = scope
        let bodyScope = typeBodyScope(decl)
        scope = bodyScope
        defer { scope = outer }
        var pending: [PendingBody] = []
        var storedIndex = 0
        var stored: [PropertyDecl] = []
        var enumCaseIndex = decl.cases.count
        var nextRawValue = 0
        for member in block.members {
            let m = member.decl
            if let v = m.as(VariableDeclSyntax.self) {
                for p in try declareProperties(v, in: decl, nextStoredIndex: &storedIndex, pending: &pending) {
                    if p.isStored && !p.isStatic { stored.append(p) }
                }
            } else if let f = m.as(FunctionDeclSyntax.self) {
                let fn = try makeFunction(f, owner: decl, declarationScope: bodyScope)
                if decl.isProtocol {
                    guard f.body == nil else {
                        throw CellFailure(.syntax, "protocol methods must not have bodies", at: pos(f))
                    }
                    fn.isRequirement = true
                    decl.requirements[fn.name, default: []].append(.method(fn))
                    if Self.isOperatorName(fn.name) { registerOperator(fn, syntax: f) }
                    continue
                }
                try addMethod(fn, to: decl, at: pos(f.name))
                if Self.isOperatorName(fn.name) { registerOperator(fn, syntax: f) }
                pending.append(PendingBody(scope: bodyScope) { () throws(CellFailure) in
                    try self.checkFunctionBody(fn, syntax: f.body, signature: f.signature, declarationScope: bodyScope)
                    return []
                })
            } else if let i = m.as(InitializerDeclSyntax.self) {
                let fn = try makeInitializer(i, owner: decl, declarationScope: bodyScope)
                if decl.isProtocol {
                    fn.isRequirement = true
                    decl.requirements["init", default: []].append(.method(fn))
                    continue
                }
                decl.addStatic(.method(fn))
                pending.append(PendingBody(scope: bodyScope) { () throws(CellFailure) in
                    try self.checkFunctionBody(fn, syntax: i.body, signature: i.signature, declarationScope: bodyScope)
                    return []
                })
            } else if let sub = m.as(SubscriptDeclSyntax.self) {
                let decls = try makeSubscript(sub, owner: decl, declarationScope: bodyScope, pending: &pending)
                if decl.isProtocol {
                    decls.isRequirement = true
                    decl.requirements["subscript", default: []].append(.subscript(decls))
                } else {
                    decl.addInstance(.subscript(decls))
                }
            } else if let c = m.as(EnumCaseDeclSyntax.self) {
                guard decl.isEnum else { throw CellFailure(.syntax, "enum 'case' is not allowed outside of an enum", at: pos(c)) }
                for element in c.elements {
                    let caseDecl = EnumCaseDecl(name: element.name.text, payload: nil, index: enumCaseIndex)
                    enumCaseIndex += 1
                    caseDecl.owner = decl
                    caseDecl.position = pos(element.name)
                    if let params = element.parameterClause {
                        var payload: [TupleElementType] = []
                        for (k, p) in params.parameters.enumerated() {
                            let label = p.firstName.map { $0.text == "_" ? nil : $0.text } ?? nil
                            payload.append(TupleElementType(label: label, type: try resolveType(p.type)))
                            if let d = p.defaultValue { caseDecl.payloadDefaults[k] = DefaultArgument(text: d.value.trimmedDescription, syntax: d.value) }
                        }
                        caseDecl.payload = payload
                        if decl.rawType != nil {
                            throw CellFailure(.type, "enum with raw type cannot have cases with arguments", at: pos(element))
                        }
                    }
                    if let raw = decl.rawType {
                        try assignRawValue(caseDecl, raw: raw, written: element.rawValue?.value, next: &nextRawValue, in: decl)
                    } else if let written = element.rawValue {
                        throw CellFailure(.type, "enum case cannot have a raw value if the enum does not have a raw type", at: pos(written))
                    }
                    if decl.cases.contains(where: { $0.name == caseDecl.name }) {
                        throw CellFailure(.name, "invalid redeclaration of '\(caseDecl.name)'", at: pos(element.name))
                    }
                    decl.cases.append(caseDecl)
                    decl.addStatic(.enumCase(caseDecl))
                }
            } else if m.is(StructDeclSyntax.self) || m.is(ClassDeclSyntax.self) || m.is(EnumDeclSyntax.self) || m.is(TypeAliasDeclSyntax.self)
                        || m.is(ProtocolDeclSyntax.self) {
                continue
            } else if let a = m.as(AssociatedTypeDeclSyntax.self) {
                throw CellFailure(.unsupported, "associated types are not supported in cells", at: pos(a))
            } else if m.is(DeinitializerDeclSyntax.self) {
                throw CellFailure(.unsupported, "'deinit' is not supported in cells", at: pos(m))
            } else if m.is(IfConfigDeclSyntax.self) {
                throw CellFailure(.unsupported, "'#if' is not supported in cells", at: pos(m))
            } else {
                throw CellFailure(.unsupported, "this member is not supported in cells", at: pos(m))
            }
        }
        decl.storedProperties = stored
        declaredMembers.insert(ObjectIdentifier(decl))
        pendingTypeBodies[ObjectIdentifier(decl)] = pending
    }

    private func assignRawValue(_ c: EnumCaseDecl, raw: CellType, written: ExprSyntax?, next: inout Int, in decl: NominalDecl) throws(CellFailure) {
        switch raw {
        case .int:
            if let written {
                var text = written.trimmedDescription.replacingOccurrences(of: "_", with: "")
                var negative = false
                if text.hasPrefix("-") { negative = true; text.removeFirst() }
                guard let v = Int(text) else { throw CellFailure(.type, "raw value for enum case must be a literal", at: pos(written)) }
                next = negative ? -v : v
            }
            c.rawValue = .int(next)
            c.rawValueText = String(next)
            next += 1
        case .double:
            if let written {
                guard let v = Double(written.trimmedDescription.replacingOccurrences(of: "_", with: "")) else {
                    throw CellFailure(.type, "raw value for enum case must be a literal", at: pos(written))
                }
                c.rawValue = .double(v)
                next = Int(v) + 1
            } else {
                c.rawValue = .double(Double(next))
                next += 1
            }
        case .string:
            if let written {
                guard let s = written.as(StringLiteralExprSyntax.self)?.representedLiteralValue else {
                    throw CellFailure(.type, "raw value for enum case must be a literal", at: pos(written))
                }
                c.rawValue = .string(s)
            } else {
                c.rawValue = .string(c.name)
            }
        case .character:
            guard let written, let s = written.as(StringLiteralExprSyntax.self)?.representedLiteralValue, s.count == 1 else {
                throw CellFailure(.type, "enum cases require explicit raw values when the raw type is not expressible by integer or string literal",
                                  at: written.map { pos($0) } ?? c.position ?? 0)
            }
            c.rawValue = .character(s.first!)
        default:
            break
        }
        if let value = c.rawValue, decl.cases.contains(where: { $0.rawValue.map { valuesEqualForRaw($0, value) } ?? false }) {
            throw CellFailure(.type, "raw value for enum case is not unique", at: written.map { pos($0) } ?? c.position ?? 0)
        }
    }

    private func valuesEqualForRaw(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x == y
        case (.double(let x), .double(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.character(let x), .character(let y)): return x == y
        default: return false
        }
    }

    private func addMethod(_ fn: FunctionDecl, to decl: NominalDecl, at position: Int) throws(CellFailure) {
        let existing = (fn.isStatic ? decl.staticMembers[fn.name] : decl.instanceMembers[fn.name]) ?? []
        for case .method(let other) in existing
        where other.parameters.map(\.label) == fn.parameters.map(\.label) && other.parameters.map(\.type) == fn.parameters.map(\.type) {
            throw CellFailure(.name, "invalid redeclaration of '\(fn.signature)'", at: position)
        }
        if fn.isStatic { decl.addStatic(.method(fn)) } else { decl.addInstance(.method(fn)) }
    }

    /// Stored and computed properties of a type.
    private func declareProperties(_ v: VariableDeclSyntax, in decl: NominalDecl, nextStoredIndex: inout Int,
                                   pending: inout [PendingBody]) throws(CellFailure) -> [PropertyDecl] {
        let modifiers = Set(v.modifiers.map(\.name.text))
        let isStatic = modifiers.contains("static") || modifiers.contains("class")
        let isLazy = modifiers.contains("lazy")
        for bad in ["weak", "unowned"] where modifiers.contains(bad) {
            throw CellFailure(.unsupported, "'\(bad)' properties are not supported in cells", at: pos(v))
        }
        let isOverride = modifiers.contains("override")
        if let attribute = v.attributes.first {
            throw CellFailure(.unsupported, "property wrappers and attributes ('\(attribute.trimmedDescription)') are not supported in cells", at: pos(attribute))
        }
        if isOverride, !decl.isClass || isStatic || v.bindings.contains(where: { $0.accessorBlock == nil }) {
            throw CellFailure(.unsupported, "only computed instance properties of a class can be overridden in cells", at: pos(v))
        }
        let mutable = v.bindingSpecifier.tokenKind == .keyword(.var)
        var out: [PropertyDecl] = []
        let bodyScope = scope
        for binding in v.bindings {
            guard let id = binding.pattern.as(IdentifierPatternSyntax.self) else {
                throw CellFailure(.unsupported, "a property must be a single name", at: pos(binding.pattern))
            }
            let typeSyntax = Self.typeAnnotation(of: binding, in: v.bindings)
            let name = id.identifier.text
            if decl.instanceMembers[name] != nil && !isStatic || decl.staticMembers[name] != nil && isStatic {
                throw CellFailure(.name, "invalid redeclaration of '\(name)'", at: pos(id))
            }
            let annotation = try typeSyntax.map { (t) throws(CellFailure) in try resolveType(t) }
            if decl.isProtocol {
                guard let annotation, let accessors = binding.accessorBlock else {
                    throw CellFailure(.syntax, "property in protocol must have explicit { get } or { get set } specifier", at: pos(binding))
                }
                let settable = accessors.description.contains("set")
                let p = PropertyDecl(name: name, type: annotation, isStatic: isStatic, isMutable: settable, storage: .requirement(settable: settable))
                p.owner = decl
                p.position = pos(id)
                decl.requirements[name, default: []].append(.property(p))
                continue
            }
            if let accessors = binding.accessorBlock {
                guard let type = annotation else {
                    throw CellFailure(.type, "computed property must have an explicit type", at: pos(binding))
                }
                let p = try makeComputedProperty(name, type: type, accessors: accessors, isStatic: isStatic, owner: decl,
                                                 at: pos(id), declarationScope: bodyScope, pending: &pending)
                if case .computed(let getter, let setter) = p.storage {
                    getter.isOverride = isOverride
                    if isOverride, setter != nil {
                        throw CellFailure(.unsupported, "overriding a settable property is not supported in cells", at: pos(id))
                    }
                }
                if isStatic { decl.addStatic(.property(p)) } else { decl.addInstance(.property(p)) }
                out.append(p)
                continue
            }
            if decl.isEnum && !isStatic {
                throw CellFailure(.type, "enums must not contain stored properties", at: pos(binding))
            }
            var type = annotation
            var initial: TypedExpression?
            var deferredInference = false
            if let initializer = binding.initializer {
                if annotation == nil && isStatic {
                    deferredInference = true
                    type = .void
                } else if annotation == nil {
                    let savedFunction = scope
                    scope = LexicalScope(parent: bodyScope, function: FunctionContext(kind: .closure, parent: function, resultType: nil, isThrowing: false))
                    defer { scope = savedFunction }
                    initial = try checkExpression(initializer.value, contextual: nil)
                    type = initial!.type
                }
            } else if annotation == nil {
                throw CellFailure(.type, "type annotation missing in pattern", at: pos(binding))
            }
            guard let resolvedType = type else { continue }
            let p = PropertyDecl(name: name, type: resolvedType, isStatic: isStatic, isMutable: mutable,
                                 storage: .stored(index: isStatic ? 0 : nextStoredIndex))
            p.owner = decl
            p.position = pos(id)
            p.isLazy = isLazy
            p.initialValue = initial
            if !isStatic { nextStoredIndex += 1 }
            if isStatic {
                p.staticSlot = session.allocateGlobal()
                guard binding.initializer != nil else {
                    throw CellFailure(.type, "'static var' declaration requires an initializer expression or an explicitly stated getter", at: pos(binding))
                }
                decl.addStatic(.property(p))
            } else {
                decl.addInstance(.property(p))
            }
            if isLazy && binding.initializer == nil {
                throw CellFailure(.syntax, "lazy properties must have an initializer", at: pos(binding))
            }
            if deferredInference, let initializer = binding.initializer {
                let property = p
                deferredStaticProperties.append(PendingBody(scope: bodyScope) { () throws(CellFailure) in
                    let context = FunctionContext(kind: .closure, parent: self.function, resultType: nil, isThrowing: false)
                    let saved = self.scope
                    self.scope = LexicalScope(parent: bodyScope, function: context)
                    defer { self.scope = saved }
                    let value = try self.checkExpression(initializer.value, contextual: nil)
                    property.type = value.type
                    property.initialValue = value
                    property.initialContext = context
                    return []
                })
            } else if let initializer = binding.initializer, initial == nil {
                let property = p
                p.hasDeferredInitialValue = true
                pending.append(PendingBody(scope: bodyScope) { () throws(CellFailure) in
                    let context = FunctionContext(kind: .closure, parent: self.function, resultType: nil, isThrowing: false)
                    if isLazy, !isStatic {
                        let selfDecl = VarDecl(name: "self", type: self.selfType(of: decl), isMutable: false, position: pos(initializer), owner: context)
                        selfDecl.isSelf = true
                        context.selfDecl = selfDecl
                        context.declare(selfDecl)
                        property.lazyContext = context
                    }
                    try self.withFunction(context) { () throws(CellFailure) in
                        property.initialValue = try self.checkExpression(initializer.value, contextual: property.type, site: .annotation)
                    }
                    if isStatic || isLazy { property.initialContext = context }
                    return []
                })
            } else if initial != nil, isStatic || isLazy {
                p.initialContext = FunctionContext(kind: .closure, parent: function, resultType: nil, isThrowing: false)
            }
            out.append(p)
        }
        return out
    }

    private func makeComputedProperty(_ name: String, type: CellType, accessors: AccessorBlockSyntax, isStatic: Bool, owner: NominalDecl,
                                      at position: Int, declarationScope: LexicalScope,
                                      pending: inout [PendingBody]) throws(CellFailure) -> PropertyDecl {
        let getter = FunctionDecl(name: "get:" + name, kind: .method, parameters: [], resultType: type)
        getter.owner = owner
        getter.isStatic = isStatic
        getter.position = position
        getter.source = source
        var setter: FunctionDecl?
        var getterBody: CodeBlockItemListSyntax?
        var setterBody: (CodeBlockSyntax, String)?
        switch accessors.accessors {
        case .getter(let items):
            getterBody = items
        case .accessors(let list):
            for accessor in list {
                switch accessor.accessorSpecifier.tokenKind {
                case .keyword(.get):
                    guard let body = accessor.body else { throw CellFailure(.syntax, "a getter needs a body", at: pos(accessor)) }
                    getterBody = body.statements
                case .keyword(.set):
                    guard let body = accessor.body else { throw CellFailure(.syntax, "a setter needs a body", at: pos(accessor)) }
                    setterBody = (body, accessor.parameters?.name.text ?? "newValue")
                case .keyword(.willSet), .keyword(.didSet):
                    throw CellFailure(.unsupported, "property observers (willSet, didSet) are not supported in cells", at: pos(accessor))
                default:
                    throw CellFailure(.unsupported, "this accessor is not supported in cells", at: pos(accessor))
                }
            }
        }
        guard let getterItems = getterBody else { throw CellFailure(.syntax, "computed property must have a getter", at: position) }
        if let (_, parameterName) = setterBody {
            let s = FunctionDecl(name: "set:" + name, kind: .method, parameters: [ParameterDecl(label: nil, name: parameterName, type: type)],
                                 resultType: .void)
            s.owner = owner
            s.isStatic = isStatic
            s.isMutating = !owner.isClass
            s.position = position
            s.source = source
            setter = s
        }
        let p = PropertyDecl(name: name, type: type, isStatic: isStatic, isMutable: setter != nil,
                             storage: .computed(getter: getter, setter: setter))
        p.owner = owner
        p.position = position
        pending.append(PendingBody(scope: declarationScope) { () throws(CellFailure) in
            try self.checkBody(getter, items: getterItems, parameterSyntax: [], declarationScope: declarationScope, at: position)
            if let setter, let (body, _) = setterBody {
                try self.checkBody(setter, items: body.statements, parameterSyntax: [], declarationScope: declarationScope, at: position)
            }
            return []
        })
        return p
    }

    private func makeSubscript(_ sub: SubscriptDeclSyntax, owner: NominalDecl, declarationScope: LexicalScope,
                               pending: inout [PendingBody]) throws(CellFailure) -> SubscriptDecl {
        if sub.genericParameterClause != nil {
            throw CellFailure(.unsupported, "generic subscripts are not supported in cells", at: pos(sub))
        }
        let parameters = try makeParameters(sub.parameterClause, isSubscript: true)
        let result = try resolveType(sub.returnClause.type)
        let getter = FunctionDecl(name: "subscript", kind: .method, parameters: parameters, resultType: result)
        getter.owner = owner
        getter.position = pos(sub)
        getter.source = source
        var setter: FunctionDecl?
        var getterItems: CodeBlockItemListSyntax?
        var setterInfo: (CodeBlockSyntax, String)?
        if let accessors = sub.accessorBlock {
            switch accessors.accessors {
            case .getter(let items): getterItems = items
            case .accessors(let list):
                for accessor in list {
                    switch accessor.accessorSpecifier.tokenKind {
                    case .keyword(.get): getterItems = accessor.body?.statements
                    case .keyword(.set):
                        if let body = accessor.body { setterInfo = (body, accessor.parameters?.name.text ?? "newValue") }
                    default: throw CellFailure(.unsupported, "this accessor is not supported in cells", at: pos(accessor))
                    }
                }
            }
        }
        if owner.isProtocol {
            let d = SubscriptDecl(parameters: parameters, resultType: result, getter: getter, setter: nil)
            d.owner = owner
            return d
        }
        guard let items = getterItems else { throw CellFailure(.syntax, "subscript must have a getter", at: pos(sub)) }
        if let (_, name) = setterInfo {
            let s = FunctionDecl(name: "subscript", kind: .method, parameters: parameters + [ParameterDecl(label: nil, name: name, type: result)],
                                 resultType: .void)
            s.owner = owner
            s.isMutating = !owner.isClass
            s.position = pos(sub)
            s.source = source
            setter = s
        }
        let d = SubscriptDecl(parameters: parameters, resultType: result, getter: getter, setter: setter)
        d.owner = owner
        let parameterSyntax = Array(sub.parameterClause.parameters)
        pending.append(PendingBody(scope: declarationScope) { () throws(CellFailure) in
            try self.checkBody(getter, items: items, parameterSyntax: parameterSyntax, declarationScope: declarationScope, at: pos(sub))
            if let setter, let (body, _) = setterInfo {
                try self.checkBody(setter, items: body.statements, parameterSyntax: parameterSyntax, declarationScope: declarationScope, at: pos(sub))
            }
            return []
        })
        return d
    }

    // MARK: Extensions

    private func declareExtension(_ e: ExtensionDeclSyntax) throws(CellFailure) {
        // `extension Array`: a generic type is extended as a whole, its parameters in scope.
        let extended = try resolveAnnotation(e.extendedType, hasInitializer: true)
        guard let (decl, _) = registry.declaration(of: extended) ?? protocolDeclaration(extended) else {
            throw CellFailure(.type, "non-nominal type '\(extended)' cannot be extended", at: pos(e.extendedType))
        }
        if let w = e.genericWhereClause {
            throw CellFailure(.unsupported, "constrained extensions ('where …') are not supported in cells", at: pos(w))
        }
        let outer = scope
        let bodyScope = LexicalScope(parent: scope, function: function)
        for p in decl.genericParameters where p.name != "Self" { bodyScope.types[p.name] = .parameter(p) }
        for (name, nested) in decl.nestedTypes { bodyScope.types[name] = .nominal(nested) }
        bodyScope.memberOf = selfType(of: decl)
        scope = bodyScope
        defer { scope = outer }
        var pending: [PendingBody] = []
        let isCellType = decl.origin == .cell
        for inherited in e.inheritanceClause?.inheritedTypes ?? [] {
            guard case .existential(let ps) = try resolveType(inherited.type) else {
                throw CellFailure(.type, "extension of '\(decl.name)' cannot add a superclass", at: pos(inherited))
            }
            for p in ps {
                if isCellType { try addConformance(p, to: decl, at: pos(inherited)) } else {
                    if p.origin == .standard {
                        throw CellFailure(.unsupported, "conforming '\(decl.name)' to '\(p.name)' in a cell is not supported", at: pos(inherited))
                    }
                    extensions.addConformance(p, to: decl)
                }
            }
        }
        for member in e.memberBlock.members {
            let m = member.decl
            func add(_ member: Member, isStatic: Bool) {
                if isCellType {
                    if isStatic { decl.addStatic(member) } else { decl.addInstance(member) }
                } else if isStatic {
                    extensions.addStatic(member, to: decl)
                } else {
                    extensions.addInstance(member, to: decl)
                }
            }
            if let f = m.as(FunctionDeclSyntax.self) {
                let fn = try makeFunction(f, owner: decl, declarationScope: bodyScope)
                add(.method(fn), isStatic: fn.isStatic)
                if Self.isOperatorName(fn.name) { registerOperator(fn, syntax: f) }
                pending.append(PendingBody(scope: bodyScope) { () throws(CellFailure) in
                    try self.checkFunctionBody(fn, syntax: f.body, signature: f.signature, declarationScope: bodyScope)
                    return []
                })
            } else if let i = m.as(InitializerDeclSyntax.self) {
                if decl.isClass { throw CellFailure(.unsupported, "initializers in extensions of classes are not supported in cells", at: pos(i)) }
                let fn = try makeInitializer(i, owner: decl, declarationScope: bodyScope)
                add(.method(fn), isStatic: true)
                pending.append(PendingBody(scope: bodyScope) { () throws(CellFailure) in
                    try self.checkFunctionBody(fn, syntax: i.body, signature: i.signature, declarationScope: bodyScope)
                    return []
                })
            } else if let v = m.as(VariableDeclSyntax.self) {
                for binding in v.bindings {
                    let isStatic = v.modifiers.contains { $0.name.text == "static" }
                    guard let accessors = binding.accessorBlock, let id = binding.pattern.as(IdentifierPatternSyntax.self),
                          let annotation = binding.typeAnnotation else {
                        if isStatic, binding.initializer != nil, isCellType {
                            var index = 0
                            for p in try declareProperties(v, in: decl, nextStoredIndex: &index, pending: &pending) { _ = p }
                            break
                        }
                        throw CellFailure(.type, "extensions must not contain stored properties", at: pos(binding))
                    }
                    let p = try makeComputedProperty(id.identifier.text, type: try resolveType(annotation.type), accessors: accessors,
                                                     isStatic: isStatic, owner: decl, at: pos(id), declarationScope: bodyScope, pending: &pending)
                    add(.property(p), isStatic: isStatic)
                }
            } else if let sub = m.as(SubscriptDeclSyntax.self) {
                let d = try makeSubscript(sub, owner: decl, declarationScope: bodyScope, pending: &pending)
                add(.subscript(d), isStatic: false)
            } else {
                throw CellFailure(.unsupported, "this member is not supported in an extension in cells", at: pos(m))
            }
        }
        pendingExtensionBodies[e.id] = pending
    }

    private func protocolDeclaration(_ type: CellType) -> (NominalDecl, [CellType])? {
        if case .existential(let ps) = type, ps.count == 1 { return (ps[0], []) }
        return nil
    }

    // MARK: Finishing a type

    /// What a type's declaration implies once its members are known: class layout and
    /// dispatch slots, synthesized initializers and conformances, and checks of requirements.
    func finishType(_ decl: NominalDecl) throws(CellFailure) {
        guard !finishedTypes.contains(ObjectIdentifier(decl)) else { return }
        finishedTypes.insert(ObjectIdentifier(decl))
        if decl.isClass { try layoutClass(decl) }
        let initializers = decl.staticMembers["init"] ?? []
        if decl.isStruct, initializers.isEmpty { synthesizeMemberwiseInit(decl) }
        if decl.isClass, initializers.isEmpty, decl.superclass == nil {
            if let missing = decl.storedProperties.first(where: { $0.initialValue == nil && !$0.hasDeferredInitialValue }) {
                throw CellFailure(.type, "class '\(decl.name)' has no initializers", at: decl.position ?? 0,
                                  notes: ["stored property '\(missing.name)' without initial value prevents synthesized initializers"])
            }
            let f = FunctionDecl(name: "init", kind: .initializer(failable: false), parameters: [], resultType: selfType(of: decl))
            f.owner = decl
            f.implementation = .synthesized(.defaultInitializer)
            decl.addStatic(.method(f))
        }
        if decl.isEnum, let raw = decl.rawType {
            let f = FunctionDecl(name: "init", kind: .initializer(failable: true), parameters: [ParameterDecl(label: "rawValue", name: "rawValue", type: raw)],
                                 resultType: selfType(of: decl))
            f.owner = decl
            f.implementation = .synthesized(.rawValueInitializer)
            decl.addStatic(.method(f))
            let p = PropertyDecl(name: "rawValue", type: raw, isStatic: false, isMutable: false, storage: .synthesized(.rawValue))
            p.owner = decl
            decl.addInstance(.property(p))
            decl.associatedTypes["RawValue"] = raw
        }
        if decl.isEnum, !decl.cases.isEmpty, decl.cases.allSatisfy({ $0.payload == nil }), !decl.conforms(to: standard.hashable) {
            // An enum without associated values is Equatable and Hashable without saying so.
            decl.conformances.append(standard.hashable)
        }
        if decl.conforms(to: standard.caseIterable) {
            guard decl.isEnum, decl.cases.allSatisfy({ $0.payload == nil }) else {
                throw CellFailure(.type, "type '\(decl.name)' does not conform to protocol 'CaseIterable'", at: decl.position ?? 0)
            }
            let p = PropertyDecl(name: "allCases", type: .array(selfType(of: decl)), isStatic: true, isMutable: false,
                                 storage: .synthesized(.allCases))
            p.owner = decl
            decl.addStatic(.property(p))
        }
        try checkConformances(decl)
    }

    private func layoutClass(_ decl: NominalDecl) throws(CellFailure) {
        var inherited: [PropertyDecl] = []
        var vtable: [FunctionDecl] = []
        if let sup = decl.superclassDecl {
            try ensureFinished(sup)
            inherited = sup.allStoredProperties
            vtable = sup.vtable
        }
        decl.allStoredProperties = inherited + decl.storedProperties
        for (i, p) in decl.storedProperties.enumerated() { p.storage = .stored(index: inherited.count + i) }
        // Methods and the getters of computed properties are dispatched through the table.
        var dispatched: [FunctionDecl] = []
        for member in decl.instanceMembers.values.flatMap({ $0 }) {
            switch member {
            case .method(let f): dispatched.append(f)
            case .property(let p):
                if case .computed(let getter, _) = p.storage { dispatched.append(getter) }
            default: break
            }
        }
        for f in dispatched.sorted(by: { ($0.position ?? 0) < ($1.position ?? 0) }) {
            if let slot = vtable.firstIndex(where: { $0.name == f.name && $0.parameters.map(\.label) == f.parameters.map(\.label) }) {
                guard f.isOverride else {
                    throw CellFailure(.type, "overriding declaration requires an 'override' keyword", at: f.position ?? 0)
                }
                if vtable[slot].resultType != f.resultType {
                    throw CellFailure(.type, "property '\(f.name.dropFirst(4))' with type '\(f.resultType)' cannot override a property with type '\(vtable[slot].resultType)'",
                                      at: f.position ?? 0)
                }
                if vtable[slot].isFinal {
                    throw CellFailure(.type, "instance method overrides a 'final' instance method", at: f.position ?? 0)
                }
                vtable[slot] = f
                f.vtableIndex = slot
            } else {
                if f.isOverride {
                    let what = f.name.hasPrefix("get:") ? "property does not override any property" : "method does not override any method"
                    throw CellFailure(.type, "\(what) from its superclass", at: f.position ?? 0)
                }
                f.vtableIndex = vtable.count
                vtable.append(f)
            }
        }
        decl.vtable = vtable
    }

    func ensureFinished(_ decl: NominalDecl) throws(CellFailure) {
        if decl.origin == .cell, !finishedTypes.contains(ObjectIdentifier(decl)), declaredMembers.contains(ObjectIdentifier(decl)) {
            try finishType(decl)
        }
    }

    private func synthesizeMemberwiseInit(_ decl: NominalDecl) {
        var parameters: [ParameterDecl] = []
        for p in decl.storedProperties {
            if !p.isMutable && (p.initialValue != nil || p.hasDeferredInitialValue) { continue }
            if p.isLazy { continue }
            var parameter = ParameterDecl(label: p.name, name: p.name, type: p.type)
            if p.isMutable && (p.initialValue != nil || p.hasDeferredInitialValue) {
                parameter.defaultValue = DefaultArgument(text: "…")
                parameter.defaultValue?.propertyDefault = p
            }
            parameters.append(parameter)
        }
        let f = FunctionDecl(name: "init", kind: .initializer(failable: false), parameters: parameters, resultType: selfType(of: decl))
        f.owner = decl
        f.implementation = .synthesized(.memberwiseInitializer)
        f.isMemberwise = true
        decl.addStatic(.method(f))
    }

    /// Every protocol a cell's type conforms to: requirements met, synthesized ones possible.
    private func checkConformances(_ decl: NominalDecl) throws(CellFailure) {
        // A protocol that refines others states requirements; it meets none itself.
        if decl.isProtocol { return }
        let type = selfType(of: decl)
        for proto in decl.allConformances {
            switch proto {
            case standard.equatable, standard.hashable:
                if hasUserOperator("==", on: decl) { continue }
                let parts: [CellType] = decl.isEnum ? decl.cases.flatMap { ($0.payload ?? []).map(\.type) } : decl.storedProperties.map(\.type)
                if decl.isClass {
                    throw CellFailure(.type, "type '\(decl.name)' does not conform to protocol '\(proto.name)'", at: decl.position ?? 0,
                                      notes: ["a class must define '==' itself (and 'hash(into:)' for Hashable)"])
                }
                for t in parts where !isConforming(t, to: proto) && !t.isGenericDependent {
                    throw CellFailure(.type, "type '\(decl.name)' does not conform to protocol '\(proto.name)'", at: decl.position ?? 0,
                                      notes: ["'\(t)' does not conform to '\(proto.name)', so it cannot be synthesized"])
                }
                decl.synthesizes.insert(proto.name)
            case standard.comparable:
                if hasUserOperator("<", on: decl) { continue }
                if decl.isEnum, decl.cases.allSatisfy({ $0.payload == nil }), decl.rawType == nil {
                    decl.synthesizes.insert("Comparable")
                    continue
                }
                throw CellFailure(.type, "type '\(decl.name)' does not conform to protocol 'Comparable'", at: decl.position ?? 0,
                                  notes: ["protocol requires function '<' with type '(\(decl.name), \(decl.name)) -> Bool'"])
            case standard.customStringConvertible:
                guard hasMember("description", on: decl, type: .string) else {
                    throw CellFailure(.type, "type '\(decl.name)' does not conform to protocol 'CustomStringConvertible'", at: decl.position ?? 0,
                                      notes: ["protocol requires property 'description' with type 'String'"])
                }
            case standard.customDebugStringConvertible:
                guard hasMember("debugDescription", on: decl, type: .string) else {
                    throw CellFailure(.type, "type '\(decl.name)' does not conform to protocol 'CustomDebugStringConvertible'", at: decl.position ?? 0)
                }
            default:
                if proto.origin == .cell { try checkRequirements(of: proto, on: decl, type: type) }
            }
        }
    }

    private func hasUserOperator(_ op: String, on decl: NominalDecl) -> Bool {
        let fs = (decl.staticMembers[op] ?? []) + (extensions.staticMembers[ObjectIdentifier(decl)]?[op] ?? [])
        return !fs.isEmpty
    }

    private func hasMember(_ name: String, on decl: NominalDecl, type: CellType) -> Bool {
        memberCandidates(of: selfType(of: decl), named: name, isStatic: false).contains { found in
            if case .property(let p) = found.member { return p.type == type }
            return false
        }
    }

    private func checkRequirements(of proto: NominalDecl, on decl: NominalDecl, type: CellType) throws(CellFailure) {
        guard let selfParameter = proto.selfParameter else { return }
        let substitution = [selfParameter: type]
        for (name, requirements) in proto.requirements {
            for requirement in requirements {
                let isStatic: Bool
                switch requirement {
                case .method(let f): isStatic = f.isStatic || f.isInitializer
                case .property(let p): isStatic = p.isStatic
                default: isStatic = false
                }
                let found = memberCandidates(of: type, named: name, isStatic: isStatic).filter { !$0.isWitness }
                let satisfied = found.contains { candidate in
                    switch (requirement, candidate.member) {
                    case (.method(let r), .method(let f)):
                        guard r.parameters.map(\.label) == f.parameters.map(\.label) else { return false }
                        let want = r.parameters.map { $0.type.substituting(substitution) }
                        let have = f.parameters.map { $0.type.substituting(candidate.substitution) }
                        return want == have && r.resultType.substituting(substitution) == f.resultType.substituting(candidate.substitution)
                            && (!f.isThrowing || r.isThrowing) && (!f.isMutating || r.isMutating || decl.isClass)
                    case (.property(let r), .property(let p)):
                        return r.type.substituting(substitution) == p.type.substituting(candidate.substitution) && (!r.isSettable || p.isSettable)
                    case (.subscript(let r), .subscript(let s)):
                        return r.parameters.map(\.type) == s.parameters.map(\.type)
                    default:
                        return false
                    }
                }
                if !satisfied {
                    let what: String
                    switch requirement {
                    case .method(let f): what = "\(f.isInitializer ? "initializer" : "function") '\(f.signature)'"
                    case .property(let p): what = "property '\(p.name)' with type '\(p.type.substituting(substitution))'"
                    default: what = "subscript"
                    }
                    throw CellFailure(.type, "type '\(decl.name)' does not conform to protocol '\(proto.name)'", at: decl.position ?? 0,
                                      notes: ["protocol requires \(what)"])
                }
            }
        }
    }

    // MARK: Functions

    static func isOperatorName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first else { return false }
        return !(first == "_" || first.properties.isAlphabetic)
    }

    private func registerOperator(_ f: FunctionDecl, syntax: FunctionDeclSyntax) {
        let isPrefix = syntax.modifiers.contains { $0.name.text == "prefix" }
        if isPrefix || f.parameters.count == 1 {
            extensions.prefixOperators[f.name, default: []].append(f)
        } else {
            extensions.infixOperators[f.name, default: []].append(f)
        }
    }

    /// A function's declaration from its signature (its body is checked later).
    func makeFunction(_ f: FunctionDeclSyntax, owner: NominalDecl?, declarationScope: LexicalScope) throws(CellFailure) -> FunctionDecl {
        let modifiers = Set(f.modifiers.map(\.name.text))
        let ownerCount = owner?.genericParameters.count ?? 0
        var generics: [GenericParameter] = []
        let signatureScope = LexicalScope(parent: declarationScope, function: declarationScope.function)
        signatureScope.memberOf = declarationScope.memberOf
        if let clause = f.genericParameterClause {
            for (i, g) in clause.parameters.enumerated() {
                let p = GenericParameter(name: g.name.text, index: ownerCount + i)
                generics.append(p)
                signatureScope.types[p.name] = .parameter(p)
            }
        }
        let outer = scope
        scope = signatureScope
        defer { scope = outer }
        if let clause = f.genericParameterClause {
            for (g, p) in zip(clause.parameters, generics) {
                if let inherited = g.inheritedType { try constrain(p, to: inherited) }
            }
        }
        if let w = f.genericWhereClause { try applyWhere(w, to: generics) }
        if let effects = f.signature.effectSpecifiers, effects.asyncSpecifier != nil {
            throw CellFailure(.unsupported, "'async' is not supported in cells (no concurrency)", at: pos(effects))
        }
        if f.signature.effectSpecifiers?.throwsClause?.type != nil {
            throw CellFailure(.unsupported, "typed throws are not supported in cells", at: pos(f.signature))
        }
        let parameters = try makeParameters(f.signature.parameterClause, isSubscript: false)
        let result = try f.signature.returnClause.map { (r) throws(CellFailure) in try resolveType(r.type) } ?? .void
        let throwsClause = f.signature.effectSpecifiers?.throwsClause
        let decl = FunctionDecl(name: f.name.text, kind: owner == nil ? (Self.isOperatorName(f.name.text) ? .operatorFunction : .function) : .method,
                                parameters: parameters, resultType: result, isThrowing: throwsClause != nil)
        decl.isRethrowing = throwsClause?.throwsSpecifier.tokenKind == .keyword(.rethrows)
        decl.genericParameters = generics
        decl.owner = owner
        decl.isStatic = modifiers.contains("static") || modifiers.contains("class") || (owner == nil ? false : Self.isOperatorName(f.name.text))
        decl.isMutating = modifiers.contains("mutating")
        decl.isOverride = modifiers.contains("override")
        decl.isFinal = modifiers.contains("final")
        decl.position = pos(f.name)
        decl.source = source
        if decl.isMutating, let owner, owner.isClass {
            throw CellFailure(.type, "'mutating' is not valid on instance methods in classes", at: pos(f))
        }
        if decl.isMutating, owner == nil {
            throw CellFailure(.type, "'mutating' is only valid on methods", at: pos(f))
        }
        if owner == nil, modifiers.contains("static") {
            throw CellFailure(.type, "static methods may only be declared on a type", at: pos(f))
        }
        for attribute in f.attributes {
            if case .attribute(let a) = attribute, ["discardableResult", "inlinable", "inline"].contains(a.attributeName.trimmedDescription) { continue }
            throw CellFailure(.unsupported, "the attribute '\(attribute.trimmedDescription)' is not supported in cells", at: pos(attribute))
        }
        return decl
    }

    func makeInitializer(_ i: InitializerDeclSyntax, owner: NominalDecl, declarationScope: LexicalScope) throws(CellFailure) -> FunctionDecl {
        if i.genericParameterClause != nil { throw CellFailure(.unsupported, "generic initializers are not supported in cells", at: pos(i)) }
        let outer = scope
        scope = declarationScope
        defer { scope = outer }
        let parameters = try makeParameters(i.signature.parameterClause, isSubscript: false)
        let failable = i.optionalMark != nil
        if i.optionalMark?.tokenKind == .exclamationMark {
            throw CellFailure(.unsupported, "'init!' is not supported in cells", at: pos(i))
        }
        let decl = FunctionDecl(name: "init", kind: .initializer(failable: failable), parameters: parameters, resultType: selfType(of: owner),
                                isThrowing: i.signature.effectSpecifiers?.throwsClause != nil)
        decl.owner = owner
        decl.position = pos(i.initKeyword)
        decl.source = source
        let modifiers = Set(i.modifiers.map(\.name.text))
        if modifiers.contains("convenience") {
            guard owner.isClass else {
                throw CellFailure(.type, "initializers in structs are not marked with 'convenience'", at: pos(i.initKeyword),
                                  notes: ["remove 'convenience'"])
            }
            decl.isConvenience = true
        }
        if modifiers.contains("required") {
            throw CellFailure(.unsupported, "required initializers are not supported in cells", at: pos(i))
        }
        decl.isOverride = modifiers.contains("override")
        return decl
    }

    func makeParameters(_ clause: FunctionParameterClauseSyntax, isSubscript: Bool) throws(CellFailure) -> [ParameterDecl] {
        var out: [ParameterDecl] = []
        for p in clause.parameters {
            var type = p.type
            var isInout = false
            var isAutoclosure = false
            if let attributed = type.as(AttributedTypeSyntax.self) {
                for specifier in attributed.specifiers {
                    if case .simpleTypeSpecifier(let s) = specifier {
                        switch s.specifier.tokenKind {
                        case .keyword(.inout): isInout = true
                        case .keyword(.borrowing), .keyword(.consuming), .keyword(.__shared), .keyword(.__owned): break
                        default: throw CellFailure(.unsupported, "'\(s.specifier.text)' is not supported in cells", at: pos(s))
                        }
                    }
                }
                for attribute in attributed.attributes {
                    guard case .attribute(let a) = attribute else { continue }
                    switch a.attributeName.trimmedDescription {
                    case "escaping": break
                    case "autoclosure": isAutoclosure = true
                    default: throw CellFailure(.unsupported, "the attribute '@\(a.attributeName.trimmedDescription)' is not supported in cells", at: pos(a))
                    }
                }
                type = attributed.baseType
            }
            let resolved = try resolveType(type)
            let first = p.firstName.text
            let label: String? = isSubscript ? (p.secondName == nil ? nil : (first == "_" ? nil : first)) : (first == "_" ? nil : first)
            let name = p.secondName?.text ?? first
            if p.ellipsis != nil && isInout { throw CellFailure(.type, "'inout' must not be used on variadic parameters", at: pos(p)) }
            var parameter = ParameterDecl(label: label, name: name, type: resolved, isInout: isInout, isVariadic: p.ellipsis != nil,
                                          position: pos(p))
            parameter.isAutoclosure = isAutoclosure
            if let d = p.defaultValue {
                if isInout { throw CellFailure(.type, "cannot provide default value to inout parameter '\(name)'", at: pos(d)) }
                parameter.defaultValue = DefaultArgument(text: d.value.trimmedDescription, syntax: d.value)
            }
            if out.contains(where: { $0.name == name && name != "_" }) {
                throw CellFailure(.name, "invalid redeclaration of '\(name)'", at: pos(p))
            }
            out.append(parameter)
        }
        return out
    }

    /// Checks a function's or method's body in a scope with its parameters (and `self`).
    func checkFunctionBody(_ f: FunctionDecl, syntax body: CodeBlockSyntax?, signature: some SyntaxProtocol,
                           declarationScope: LexicalScope) throws(CellFailure) {
        guard let body else {
            throw CellFailure(.syntax, "expected '{' in body of function declaration", at: pos(signature))
        }
        var parameterSyntax: [FunctionParameterSyntax] = []
        if let s = signature.as(FunctionSignatureSyntax.self) { parameterSyntax = Array(s.parameterClause.parameters) }
        try checkBody(f, items: body.statements, parameterSyntax: parameterSyntax, declarationScope: declarationScope, at: pos(body.rightBrace))
    }

    func checkBody(_ f: FunctionDecl, items: CodeBlockItemListSyntax, parameterSyntax: [FunctionParameterSyntax],
                   declarationScope: LexicalScope, at endPosition: Int) throws(CellFailure) {
        let isInit = f.isInitializer
        let context = FunctionContext(kind: isInit ? .initializer(f) : .function(f), parent: declarationScope.function,
                                      resultType: isInit ? .void : f.resultType, isThrowing: f.isThrowing)
        context.genericParameters = f.allGenericParameters
        let outer = scope
        let bodyScope = LexicalScope(parent: declarationScope, function: context)
        for p in f.genericParameters { bodyScope.types[p.name] = .parameter(p) }
        scope = LexicalScope(parent: declarationScope, function: declarationScope.function)
        defer { scope = outer }
        // Defaults are checked where the function is declared (they cannot see its parameters).
        for i in f.parameters.indices {
            guard let d = f.parameters[i].defaultValue, d.expression == nil, let syntax = d.syntax else { continue }
            for p in f.genericParameters { scope.types[p.name] = .parameter(p) }
            d.expression = try checkExpression(syntax, contextual: f.parameters[i].type, site: .argument)
        }
        scope = bodyScope
        var selfDecl: VarDecl?
        if let owner = f.owner {
            let type = selfType(of: owner)
            let mutable = (f.isMutating || isInit) && !owner.isClass
            let s = VarDecl(name: "self", type: f.isStatic ? .metatype(type) : type, isMutable: mutable, position: f.position ?? 0, owner: context)
            s.isSelf = true
            s.isInout = mutable
            context.declare(s)
            context.selfDecl = s
            context.selfType = type
            context.selfIsMutable = mutable
            selfDecl = s
        }
        var parameters: [VarDecl] = []
        for p in f.parameters {
            let type = p.isVariadic ? CellType.array(p.type) : p.type
            let v = VarDecl(name: p.name, type: type, isMutable: p.isInout, position: p.position, owner: context)
            v.isInout = p.isInout
            context.declare(v)
            parameters.append(v)
            if p.name != "_" { bodyScope.values[p.name] = .variable(v) }
        }
        var statements: [TypedStatement]
        if let result = context.resultType, result != .void, let e = Self.singleExpression(items),
           !isStatementLike(e) || e.is(IfExprSyntax.self) || e.is(SwitchExprSyntax.self) {
            // A body of one expression is its result (also an if or switch expression).
            statements = [.returnStatement(try checkExpression(e, contextual: result, site: .returnValue), position: pos(e))]
        } else {
            statements = try checkBlockItems(items)
        }
        if let result = context.resultType, result != .void, !isInit, !Self.definitelyExits(statements) {
            let kind = f.owner == nil ? (context.parent?.isTopLevel == false ? "local function" : "global function")
                : (f.isStatic ? "static method" : (f.name.hasPrefix("get:") ? "getter" : "instance method"))
            throw CellFailure(.type, "missing return in \(kind) expected to return '\(result)'", at: endPosition)
        }
        if isInit, let owner = f.owner { try checkInitialization(statements, of: owner, initializer: f, at: endPosition) }
        f.implementation = .cell(CellFunction(decl: f, context: context, parameters: parameters, selfDecl: selfDecl, body: statements))
    }

    // MARK: Declarations at their place

    /// The statements a declaration contributes where it stands (most contribute none at run time).
    func checkDeclaration(_ d: DeclSyntax) throws(CellFailure) -> [TypedStatement] {
        if let v = d.as(VariableDeclSyntax.self) { return try checkVariableDeclaration(v) }
        if let f = d.as(FunctionDeclSyntax.self) {
            guard let decl = declared[f.id] else { throw CellFailure(.unsupported, "this function could not be declared", at: pos(f)) }
            try checkFunctionBody(decl, syntax: f.body, signature: f.signature, declarationScope: scope)
            return function.isTopLevel && scope === session.rootScope ? [] : [.function(decl)]
        }
        if d.is(StructDeclSyntax.self) || d.is(ClassDeclSyntax.self) || d.is(EnumDeclSyntax.self) || d.is(ProtocolDeclSyntax.self) {
            guard let decl = declaredTypes[d.id] else { return [] }
            if deferredMembers.contains(d.id) {
                deferredMembers.remove(d.id)
                try declareMembers(d, decl)
                try finishType(decl)
                try inferDeferredStaticProperties()
            }
            return try checkTypeBodies(decl, syntax: d)
        }
        if let e = d.as(ExtensionDeclSyntax.self) {
            for body in pendingExtensionBodies[e.id] ?? [] { _ = try body.run() }
            return []
        }
        if d.is(TypeAliasDeclSyntax.self) { return [] }
        if let i = d.as(ImportDeclSyntax.self) {
            let module = i.path.map(\.name.text).joined(separator: ".")
            guard ["Foundation", "Swift", "Glibc", "Darwin", "Tensors"].contains(module) else {
                throw CellFailure(.unsupported, "no such module '\(module)' in cells (the library is already available)", at: pos(i))
            }
            return []
        }
        if d.is(OperatorDeclSyntax.self) || d.is(PrecedenceGroupDeclSyntax.self) {
            throw CellFailure(.unsupported, "custom operators are not supported in cells", at: pos(d))
        }
        if d.is(MacroExpansionDeclSyntax.self) || d.is(MacroDeclSyntax.self) {
            throw CellFailure(.unsupported, "macros are not supported in cells", at: pos(d))
        }
        if d.is(ActorDeclSyntax.self) { throw CellFailure(.unsupported, "'actor' is not supported in cells (no concurrency)", at: pos(d)) }
        if d.is(IfConfigDeclSyntax.self) { throw CellFailure(.unsupported, "'#if' is not supported in cells", at: pos(d)) }
        throw CellFailure(.unsupported, "this declaration is not supported in cells", at: pos(d))
    }

    private func checkTypeBodies(_ decl: NominalDecl, syntax: DeclSyntax) throws(CellFailure) -> [TypedStatement] {
        for body in pendingTypeBodies[ObjectIdentifier(decl)] ?? [] { _ = try body.run() }
        pendingTypeBodies[ObjectIdentifier(decl)] = nil
        if let members = memberBlock(of: syntax) {
            for member in members.members {
                let m = member.decl
                if m.is(StructDeclSyntax.self) || m.is(ClassDeclSyntax.self) || m.is(EnumDeclSyntax.self) || m.is(ProtocolDeclSyntax.self),
                   let nested = declaredTypes[m.id] {
                    _ = try checkTypeBodies(nested, syntax: m)
                }
            }
        }
        return []
    }

    private func checkVariableDeclaration(_ v: VariableDeclSyntax) throws(CellFailure) -> [TypedStatement] {
        let mutable = v.bindingSpecifier.tokenKind == .keyword(.var)
        for modifier in v.modifiers {
            switch modifier.name.text {
            case "private", "fileprivate", "internal", "public", "open": continue
            case "lazy": throw CellFailure(.unsupported, "'lazy' is only supported on properties of a type in cells", at: pos(modifier))
            case "static", "class": throw CellFailure(.syntax, "static properties may only be declared on a type", at: pos(modifier))
            default: throw CellFailure(.unsupported, "'\(modifier.name.text)' is not supported in cells", at: pos(modifier))
            }
        }
        if let attribute = v.attributes.first {
            throw CellFailure(.unsupported, "property wrappers and attributes ('\(attribute.trimmedDescription)') are not supported in cells", at: pos(attribute))
        }
        var statements: [TypedStatement] = []
        for binding in v.bindings {
            if binding.accessorBlock != nil {
                throw CellFailure(.unsupported, "computed variables outside a type are not supported in cells", at: pos(binding))
            }
            let annotation = try Self.typeAnnotation(of: binding, in: v.bindings).map { (t) throws(CellFailure) in
                try resolveAnnotation(t, hasInitializer: binding.initializer != nil)
            }
            guard let initializer = binding.initializer else {
                guard let type = annotation else {
                    throw CellFailure(.type, "type annotation missing in pattern", at: pos(binding))
                }
                guard let id = binding.pattern.as(IdentifierPatternSyntax.self) else {
                    throw CellFailure(.unsupported, "this pattern is not supported in cells", at: pos(binding.pattern))
                }
                let variable = try declareVariable(id.identifier.text, type: type, mutable: mutable, at: pos(id))
                variable.isDeferredInitialization = true
                statements.append(.variable(variable, nil))
                continue
            }
            let value = try checkExpression(initializer.value, contextual: annotation, site: .annotation)
            let type = value.type
            if let id = binding.pattern.as(IdentifierPatternSyntax.self) {
                if type == .never { throw CellFailure(.type, "a variable cannot have type 'Never'", at: pos(id)) }
                let variable = try declareVariable(id.identifier.text, type: type, mutable: mutable, at: pos(id))
                statements.append(.variable(variable, value))
            } else if binding.pattern.is(WildcardPatternSyntax.self) {
                statements.append(.patternBinding(.wildcard, value))
            } else {
                let pattern = try checkBindingPattern(binding.pattern, type: type, mutable: mutable)
                statements.append(.patternBinding(pattern, value))
            }
        }
        return statements
    }

    // MARK: Initializers

    /// An initializer must give every stored property a value on every path before it returns.
    private func checkInitialization(_ body: [TypedStatement], of owner: NominalDecl, initializer f: FunctionDecl, at end: Int) throws(CellFailure) {
        let needed = owner.storedProperties.filter { $0.initialValue == nil && !$0.hasDeferredInitialValue && !$0.isLazy }.map(\.name)
        if owner.isEnum { return }
        var assigned = Set<String>()
        var delegated = false
        _ = Self.assignments(in: body, into: &assigned, delegated: &delegated)
        if f.isConvenience && !delegated {
            throw CellFailure(.type, "'self.init' isn't called on all paths before returning from initializer", at: end)
        }
        if delegated { return }
        if owner.isClass, let sup = owner.superclassDecl {
            // Swift calls a superclass's `init()` implicitly; here only when it has no body to run.
            let implicit = (sup.staticMembers["init"] ?? []).contains { m in
                if case .method(let g) = m, g.parameters.isEmpty, case .synthesized(.defaultInitializer) = g.implementation { return true }
                return false
            }
            if !implicit {
                throw CellFailure(.type, "'super.init' isn't called on all paths before returning from initializer", at: end)
            }
        }
        if needed.isEmpty { return }
        if let missing = needed.first(where: { !assigned.contains($0) }) {
            throw CellFailure(.type, "return from initializer without initializing all stored properties", at: end,
                              notes: ["'self.\(missing)' not initialized"])
        }
    }

    /// Properties of `self` definitely assigned by the statements (along every path that finishes).
    private static func assignments(in statements: [TypedStatement], into assigned: inout Set<String>, delegated: inout Bool) -> Bool {
        for s in statements {
            switch s {
            case .expression(let e, _):
                collect(e, into: &assigned, delegated: &delegated)
            case .ifStatement(let clauses, let orElse):
                guard let orElse else { continue }
                var common: Set<String>?
                for body in clauses.map(\.body) + [orElse] {
                    var branch = assigned
                    if exitsAll(body) { continue }
                    _ = assignments(in: body, into: &branch, delegated: &delegated)
                    common = common.map { $0.intersection(branch) } ?? branch
                }
                if let common { assigned = common }
            case .switchStatement(_, _, let cases):
                var common: Set<String>?
                for c in cases {
                    var branch = assigned
                    if exitsAll(c.body) { continue }
                    _ = assignments(in: c.body, into: &branch, delegated: &delegated)
                    common = common.map { $0.intersection(branch) } ?? branch
                }
                if let common { assigned = common }
            case .block(let b):
                _ = assignments(in: b, into: &assigned, delegated: &delegated)
            case .returnStatement, .throwStatement:
                return false
            default:
                continue
            }
        }
        return true
    }

    private static func exitsAll(_ body: [TypedStatement]) -> Bool {
        body.contains { if case .throwStatement = $0 { return true }; if case .returnStatement = $0 { return true }; return false }
    }

    private static func collect(_ e: TypedExpression, into assigned: inout Set<String>, delegated: inout Bool) {
        switch e.kind {
        case .assign(let target, _):
            if let name = selfPropertyName(target) { assigned.insert(name) }
        case .tupleAssign(let targets, _):
            for case let t? in targets { if let name = selfPropertyName(t) { assigned.insert(name) } }
        case .call(let call):
            if case .delegatingInitializer = call.callee { delegated = true }
        case .tryExpression(let inner, _):
            collect(inner, into: &assigned, delegated: &delegated)
        default:
            break
        }
    }

    private static func selfPropertyName(_ e: TypedExpression) -> String? {
        if case .property(let base?, let p) = e.kind, case .selfValue = base.kind { return p.name }
        return nil
    }
}

extension Checker {
    /// A binding's type as written, or, for `var x, y, z: Double`, the annotation of the next
    /// binding that has one (Swift's rule for a list of names sharing one type).
    static func typeAnnotation(of binding: PatternBindingSyntax, in list: PatternBindingListSyntax) -> TypeSyntax? {
        if let t = binding.typeAnnotation { return t.type }
        guard binding.initializer == nil, binding.accessorBlock == nil else { return nil }
        var found = false
        for b in list {
            if b.id == binding.id { found = true; continue }
            guard found else { continue }
            if let t = b.typeAnnotation { return t.type }
            if b.initializer != nil { return nil }
        }
        return nil
    }
}

extension Checker {
    /// A body of exactly one expression (an `if` or `switch` in statement position counts).
    static func singleExpression(_ items: CodeBlockItemListSyntax) -> ExprSyntax? {
        guard items.count == 1, let only = items.first else { return nil }
        switch only.item {
        case .expr(let e): return e
        case .stmt(let s):
            guard let e = s.as(ExpressionStmtSyntax.self)?.expression, branchesAreExpressions(e) else { return nil }
            return e
        default: return nil
        }
    }

    /// An `if` or `switch` each of whose branches is one expression (so it can be a value, as
    /// Swift reads it); a branch with statements (`return x`) makes it a statement.
    static func branchesAreExpressions(_ e: ExprSyntax) -> Bool {
        func single(_ items: CodeBlockItemListSyntax) -> Bool {
            guard items.count == 1, let only = items.first else { return false }
            switch only.item {
            case .expr(let x): return !(x.is(IfExprSyntax.self) || x.is(SwitchExprSyntax.self)) || branchesAreExpressions(x)
            case .stmt(let st):
                if st.is(ThrowStmtSyntax.self) { return true }
                guard let x = st.as(ExpressionStmtSyntax.self)?.expression else { return false }
                return branchesAreExpressions(x)
            default: return false
            }
        }
        if let i = e.as(IfExprSyntax.self) {
            guard single(i.body.statements) else { return false }
            switch i.elseBody {
            case .codeBlock(let b)?: return single(b.statements)
            case .ifExpr(let nested)?: return branchesAreExpressions(ExprSyntax(nested))
            case nil: return false
            }
        }
        if let sw = e.as(SwitchExprSyntax.self) {
            return sw.cases.allSatisfy { c in
                guard case .switchCase(let sc) = c else { return false }
                return single(sc.statements)
            }
        }
        return false
    }
}
