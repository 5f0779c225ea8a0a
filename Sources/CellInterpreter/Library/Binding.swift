import SwiftParser
import SwiftSyntax

/// Declares the members of a standard or library type from their Swift declarations, each with
/// its implementation: `t.method("func append(_ newElement: Element)", mutating…) { call in … }`.
/// The declaration is the one place its signature, labels, defaults and documentation live: the
/// checker, the reference page and the default arguments all come from it.
struct TypeBuilder {
    let registry: Registry
    let decl: NominalDecl

    /// A method (`func`, `mutating func`, `static func`), or an operator (`static func +`).
    @discardableResult
    func method(_ declaration: String, doc: String = "", intrinsic: Intrinsic? = nil, disfavored: Bool = false,
                _ body: @escaping NativeBody) -> FunctionDecl {
        let f = registry.declareFunction(declaration, owner: decl, doc: doc)
        f.implementation = .native(body)
        f.intrinsic = intrinsic
        f.isDisfavored = disfavored
        if Checker.isOperatorName(f.name) {
            registry.addOperator(f, fixity: f.fixity == .infix && f.parameters.count == 1 ? .prefix : f.fixity)
        } else if f.isStatic || f.isInitializer {
            decl.addStatic(.method(f))
        } else {
            decl.addInstance(.method(f))
        }
        return f
    }

    /// An initializer: `init(repeating repeatedValue: Element, count: Int)`.
    @discardableResult
    func initializer(_ declaration: String, doc: String = "", intrinsic: Intrinsic? = nil, disfavored: Bool = false,
                     _ body: @escaping NativeBody) -> FunctionDecl {
        method(declaration, doc: doc, intrinsic: intrinsic, disfavored: disfavored, body)
    }

    /// A property: `var count: Int { get }`, `static var pi: Double { get }`, `var x: Double { get set }`.
    @discardableResult
    func property(_ declaration: String, doc: String = "", get: @escaping NativeGetter, set: NativeSetter? = nil) -> PropertyDecl {
        let (name, type, isStatic) = registry.parseProperty(declaration, owner: decl)
        let p = PropertyDecl(name: name, type: type, isStatic: isStatic, isMutable: set != nil, storage: .native(get: get, set: set))
        p.owner = decl
        p.doc = doc
        if isStatic { decl.addStatic(.property(p)) } else { decl.addInstance(.property(p)) }
        return p
    }

    /// A read-only property whose getter needs the type arguments (a generic collection's
    /// `first`): its body gets a `NativeCall` with the receiver and the type arguments.
    @discardableResult
    func genericProperty(_ declaration: String, doc: String = "", get: @escaping NativeBody) -> PropertyDecl {
        let (name, type, isStatic) = registry.parseProperty(declaration, owner: decl)
        let p = PropertyDecl(name: name, type: type, isStatic: isStatic, isMutable: false, storage: .nativeGeneric(get: get))
        p.owner = decl
        p.doc = doc
        if isStatic { decl.addStatic(.property(p)) } else { decl.addInstance(.property(p)) }
        return p
    }

    /// A subscript: `subscript(index: Int) -> Element { get set }`.
    @discardableResult
    func subscriptMember(_ declaration: String, doc: String = "", intrinsic: SubscriptIntrinsic? = nil, get: @escaping NativeBody,
                         set: NativeBody? = nil) -> SubscriptDecl {
        let getter = registry.declareFunction(declaration.replacingOccurrences(of: "subscript(", with: "func _subscript_("), owner: decl, doc: doc)
        getter.implementation = .native(get)
        var setter: FunctionDecl?
        if let set {
            let s = FunctionDecl(name: "subscript", kind: .method, parameters: getter.parameters + [ParameterDecl(label: nil, name: "newValue", type: getter.resultType)],
                                 resultType: .void)
            s.owner = decl
            s.isMutating = true
            s.implementation = .native(set)
            setter = s
        }
        let sub = SubscriptDecl(parameters: getter.parameters, resultType: getter.resultType, getter: getter, setter: setter)
        sub.owner = decl
        sub.intrinsic = intrinsic
        sub.genericParameters = getter.genericParameters
        decl.addInstance(.subscript(sub))
        return sub
    }
}

extension Registry {
    /// Declares members of a type (standard or library).
    func extend(_ decl: NominalDecl, _ body: (TypeBuilder) -> Void) {
        body(TypeBuilder(registry: self, decl: decl))
    }

    /// A global function: `func print(_ items: Any..., separator: String = " ", terminator: String = "\n")`.
    @discardableResult
    func function(_ declaration: String, doc: String = "", topic: String? = nil, intrinsic: Intrinsic? = nil, disfavored: Bool = false,
                  _ body: @escaping NativeBody) -> FunctionDecl {
        let f = declareFunction(declaration, owner: nil, doc: doc)
        f.implementation = .native(body)
        f.intrinsic = intrinsic
        f.isDisfavored = disfavored
        if Checker.isOperatorName(f.name) {
            addOperator(f, fixity: f.fixity == .infix && f.parameters.count == 1 ? .prefix : f.fixity)
        } else {
            addFunction(f, topic: topic)
        }
        return f
    }

    /// Reads a Swift function, initializer or subscript declaration into a `FunctionDecl`.
    func declareFunction(_ declaration: String, owner: NominalDecl?, doc: String) -> FunctionDecl {
        let parsed = Parser.parse(source: declaration)
        let folded = CellParser.operators.foldAll(parsed) { _ in }
        guard let file = folded.as(SourceFileSyntax.self), let item = file.statements.first, case .decl(let d) = item.item else {
            preconditionFailure("not a declaration: \(declaration)")
        }
        let ownerCount = owner?.genericParameters.count ?? 0
        var generics: [GenericParameter] = []
        var names: [String: TypeEntry] = [:]
        for p in owner?.genericParameters ?? [] { names[p.name] = .parameter(p) }
        for (name, nested) in owner?.nestedTypes ?? [:] { names[name] = .nominal(nested) }
        var clause: GenericParameterClauseSyntax?
        var parameterClause: FunctionParameterClauseSyntax
        var returnType: TypeSyntax?
        var throwsClause: ThrowsClauseSyntax?
        var modifiers: Set<String> = []
        var name: String
        var kind: FunctionDecl.Kind
        var whereClause: GenericWhereClauseSyntax?
        if let f = d.as(FunctionDeclSyntax.self) {
            clause = f.genericParameterClause
            parameterClause = f.signature.parameterClause
            returnType = f.signature.returnClause?.type
            throwsClause = f.signature.effectSpecifiers?.throwsClause
            modifiers = Set(f.modifiers.map(\.name.text))
            name = f.name.text.filter { $0 != "`" }  // `where`: a keyword as a name, without its backticks
            kind = owner == nil ? (Checker.isOperatorName(name) ? .operatorFunction : .function) : .method
            whereClause = f.genericWhereClause
        } else if let i = d.as(InitializerDeclSyntax.self) {
            clause = i.genericParameterClause
            parameterClause = i.signature.parameterClause
            throwsClause = i.signature.effectSpecifiers?.throwsClause
            name = "init"
            kind = .initializer(failable: i.optionalMark != nil)
            whereClause = i.genericWhereClause
        } else {
            preconditionFailure("not a function declaration: \(declaration)")
        }
        for (i, g) in (clause?.parameters ?? []).enumerated() {
            let p = GenericParameter(name: g.name.text, index: ownerCount + i)
            generics.append(p)
            names[p.name] = .parameter(p)
        }
        let selfType: CellType? = owner.map { o in
            if o.isProtocol { return .parameter(o.genericParameters[0]) }
            return builtinType(o, arguments: o.genericParameters.map { .parameter($0) }) ?? .nominal(o, o.genericParameters.map { .parameter($0) })
        }
        let resolver = TypeResolver(registry: self, lookup: { names[$0] }, selfType: selfType)
        func resolve(_ t: TypeSyntax) -> CellType {
            do { return try resolver.resolve(t) } catch { preconditionFailure("\(declaration): \(error.message)") }
        }
        for (g, p) in zip(clause?.parameters ?? [], generics) {
            if let inherited = g.inheritedType {
                do {
                    if case .existential(let ps) = try resolver.resolveConstraint(inherited) { p.conformances = ps }
                } catch {
                    preconditionFailure("\(declaration): \(error.message)")
                }
            }
        }
        var requirements: [GenericRequirement] = []
        for requirement in whereClause?.requirements ?? [] {
            switch requirement.requirement {
            case .conformanceRequirement(let c):
                guard case .existential(let ps)? = try? resolver.resolveConstraint(c.rightType) else { preconditionFailure("\(declaration): where") }
                if let left = c.leftType.as(IdentifierTypeSyntax.self), let p = generics.first(where: { $0.name == left.name.text }) {
                    p.conformances += ps
                } else {
                    for p in ps { requirements.append(.conforms(resolve(c.leftType), p)) }
                }
            case .sameTypeRequirement(let same):
                guard case .type(let leftType) = same.leftType, case .type(let rightType) = same.rightType else {
                    preconditionFailure("\(declaration): where")
                }
                if let member = leftType.as(MemberTypeSyntax.self), member.name.text == "Element" {
                    requirements.append(.sequenceElement(resolve(member.baseType), resolve(rightType)))
                } else {
                    requirements.append(.sameType(resolve(leftType), resolve(rightType)))
                }
            default:
                preconditionFailure("\(declaration): unsupported where requirement")
            }
        }
        var parameters: [ParameterDecl] = []
        for p in parameterClause.parameters {
            var type = p.type
            var isInout = false
            var isAutoclosure = false
            if let attributed = type.as(AttributedTypeSyntax.self) {
                for specifier in attributed.specifiers {
                    if case .simpleTypeSpecifier(let s) = specifier, s.specifier.tokenKind == .keyword(.inout) { isInout = true }
                }
                for attribute in attributed.attributes {
                    if case .attribute(let a) = attribute, a.attributeName.trimmedDescription == "autoclosure" { isAutoclosure = true }
                }
                type = attributed.baseType
            }
            let resolved = resolve(type)
            let first = p.firstName.text
            let isSubscript = name == "_subscript_"
            let label: String? = isSubscript ? (p.secondName == nil ? nil : (first == "_" ? nil : first)) : (first == "_" ? nil : first)
            var parameter = ParameterDecl(label: label, name: p.secondName?.text ?? first, type: resolved, isInout: isInout,
                                          isVariadic: p.ellipsis != nil)
            parameter.isAutoclosure = isAutoclosure
            if let d = p.defaultValue { parameter.defaultValue = DefaultArgument(text: d.value.trimmedDescription, syntax: d.value.detached) }
            parameters.append(parameter)
        }
        var result = returnType.map(resolve) ?? .void
        if case .initializer = kind, let selfType { result = selfType }
        if name == "_subscript_" { name = "subscript" }
        let f = FunctionDecl(name: name, kind: kind, parameters: parameters, resultType: result, isThrowing: throwsClause != nil)
        f.isRethrowing = throwsClause?.throwsSpecifier.tokenKind == .keyword(.rethrows)
        f.genericParameters = generics
        f.owner = owner
        f.isStatic = modifiers.contains("static")
        f.isMutating = modifiers.contains("mutating")
        f.doc = doc
        f.requirements = requirements
        f.fixity = modifiers.contains("prefix") ? .prefix : modifiers.contains("postfix") ? .postfix : .infix
        return f
    }

    /// Reads `var name: Type { get }` / `static var name: Type`.
    func parseProperty(_ declaration: String, owner: NominalDecl) -> (String, CellType, Bool) {
        let file = Parser.parse(source: declaration)
        guard let item = file.statements.first, case .decl(let d) = item.item, let v = d.as(VariableDeclSyntax.self),
              let binding = v.bindings.first, let id = binding.pattern.as(IdentifierPatternSyntax.self), let annotation = binding.typeAnnotation else {
            preconditionFailure("not a property declaration: \(declaration)")
        }
        var names: [String: TypeEntry] = [:]
        for p in owner.genericParameters { names[p.name] = .parameter(p) }
        for (name, nested) in owner.nestedTypes { names[name] = .nominal(nested) }
        let selfType: CellType = owner.isProtocol ? .parameter(owner.genericParameters[0])
            : builtinType(owner, arguments: owner.genericParameters.map { .parameter($0) }) ?? .nominal(owner, owner.genericParameters.map { .parameter($0) })
        let resolver = TypeResolver(registry: self, lookup: { names[$0] }, selfType: selfType)
        let type: CellType
        do { type = try resolver.resolve(annotation.type) } catch { preconditionFailure("\(declaration): \(error.message)") }
        return (id.identifier.text, type, v.modifiers.contains { $0.name.text == "static" })
    }

    /// A default argument's text as syntax (for library defaults written in signatures).
    func defaultSyntax(_ text: String) -> ExprSyntax? {
        guard let file = CellParser.operators.foldAll(Parser.parse(source: text)) { _ in }.as(SourceFileSyntax.self),
              let item = file.statements.first, case .expr(let e) = item.item else { return nil }
        return e
    }
}
