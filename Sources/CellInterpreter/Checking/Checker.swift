import SwiftSyntax

/// The names a session's cells have declared, kept from cell to cell: the root scope (globals,
/// functions, types), extensions of types the cells did not declare, and the global slots.
final class SessionDeclarations {
    let root: FunctionContext
    let rootScope: LexicalScope
    let extensions = SessionExtensions()
    /// Global slots allocated so far.
    var globalCount = 0
    /// Cells checked so far (for naming closures in messages).
    var cellCount = 0

    init() {
        root = FunctionContext(kind: .topLevel, parent: nil, resultType: .void, isThrowing: true)
        rootScope = LexicalScope(parent: nil, function: root)
    }

    func allocateGlobal() -> Int {
        globalCount += 1
        return globalCount - 1
    }

    struct Snapshot {
        let values: [String: ScopeEntry]
        let types: [String: TypeEntry]
        let globalCount: Int
        let extensions: SessionExtensions.Snapshot
    }

    var snapshot: Snapshot {
        Snapshot(values: rootScope.values, types: rootScope.types, globalCount: globalCount, extensions: extensions.snapshot)
    }

    func restore(_ s: Snapshot) {
        rootScope.values = s.values
        rootScope.types = s.types
        globalCount = s.globalCount
        extensions.restore(s.extensions)
    }
}

/// The semantic pass: resolves every name and checks every type of a cell with Swift's rules,
/// before any of it runs, and produces the typed tree. Each expression is solved on its own
/// (`Solver`), with the types its context expects flowing into its literals and closures.
final class Checker: TypeEnvironment {
    let registry: Registry
    let session: SessionDeclarations
    /// The cell being checked (for the places of functions it declares).
    let source: CellSource?
    var scope: LexicalScope
    var nextChoicePoint = 0
    var nextClosureID = 0
    /// The error a closure's body raised while the solver was checking it.
    var closureError: CellFailure?
    /// Syntax nodes checked so far in the current expression, to refuse monsters before solving.
    var expressionSize = 0
    static let maxExpressionSize = 4_000
    /// `?` inside the optional chain being generated.
    var openBinds = 0
    /// Declarations made ahead of the statements, found again by their syntax.
    var declared: [SyntaxIdentifier: FunctionDecl] = [:]
    var declaredTypes: [SyntaxIdentifier: NominalDecl] = [:]
    /// Types whose members wait for their declaration's place (they use earlier statements' names).
    var deferredMembers: Set<SyntaxIdentifier> = []
    var declaredMembers: Set<ObjectIdentifier> = []
    var finishedTypes: Set<ObjectIdentifier> = []
    var typeScopes: [ObjectIdentifier: LexicalScope] = [:]
    /// Member bodies checked when the statement pass reaches their type's declaration.
    var pendingTypeBodies: [ObjectIdentifier: [PendingBody]] = [:]
    /// `static let shared = Config()`: static properties whose type comes from an initial value
    /// that may call the type's synthesized initializers, inferred once the types are finished.
    var deferredStaticProperties: [PendingBody] = []
    var pendingExtensionBodies: [SyntaxIdentifier: [PendingBody]] = [:]

    init(registry: Registry, session: SessionDeclarations, source: CellSource?) {
        self.registry = registry
        self.session = session
        self.source = source
        self.scope = session.rootScope
    }

    var function: FunctionContext { scope.function }
    var extensions: SessionExtensions { session.extensions }
    var standard: StandardDeclarations { registry.standard }

    // MARK: Entry points

    /// Checks a whole cell. Names declared at its top level become the session's globals.
    func checkCell(_ file: SourceFileSyntax) throws(CellFailure) -> [TypedStatement] {
        scope.declaredNow = []
        return try checkTopLevel(file.statements)
    }

    /// Checks an inline expression (`{swift} expr` in prose).
    func checkInline(_ expression: ExprSyntax) throws(CellFailure) -> TypedExpression {
        let inner = LexicalScope(parent: session.rootScope, function: session.root)
        scope = inner
        defer { scope = session.rootScope }
        return try checkExpression(expression, contextual: nil)
    }

    // MARK: Scopes

    func withScope<T>(_ body: () throws(CellFailure) -> T) throws(CellFailure) -> T {
        let outer = scope
        scope = LexicalScope(parent: outer, function: outer.function)
        defer { scope = outer }
        return try body()
    }

    /// Runs `body` in a new function's scope.
    func withFunction<T>(_ context: FunctionContext, _ body: () throws(CellFailure) -> T) throws(CellFailure) -> T {
        let outer = scope
        scope = LexicalScope(parent: outer, function: context)
        defer { scope = outer }
        return try body()
    }

    /// Declares a variable in the current scope.
    @discardableResult
    /// `shadowing`: a `guard let x` may rebind a name of its own scope, as Swift allows.
    func declareVariable(_ name: String, type: CellType, mutable: Bool, at position: Int, shadowing: Bool = false) throws(CellFailure) -> VarDecl {
        if scope.declaredNow.contains(name) && !shadowing {
            throw CellFailure(.name, "invalid redeclaration of '\(name)'", at: position)
        }
        let variable = VarDecl(name: name, type: type, isMutable: mutable, position: position, owner: function)
        if scope === session.rootScope {
            variable.globalSlot = session.allocateGlobal()
        } else {
            function.declare(variable)
        }
        if name != "_" {
            scope.values[name] = .variable(variable)
            scope.declaredNow.insert(name)
        }
        return variable
    }

    /// Declares a function under its name, beside the overloads already there.
    func declareFunction(_ f: FunctionDecl, in target: LexicalScope, at position: Int) throws(CellFailure) {
        var overloads: [FunctionDecl] = []
        if case .functions(let existing)? = target.values[f.name] {
            overloads = existing
            if target.declaredNow.contains(f.name),
               existing.contains(where: { sameSignature($0, f) }) {
                throw CellFailure(.name, "invalid redeclaration of '\(f.signature)'", at: position)
            }
            // A later cell's function replaces an earlier one of the same signature (as in a REPL).
            overloads.removeAll { sameSignature($0, f) }
        } else if target.declaredNow.contains(f.name) {
            throw CellFailure(.name, "invalid redeclaration of '\(f.name)'", at: position)
        }
        overloads.append(f)
        target.values[f.name] = .functions(overloads)
        target.declaredNow.insert(f.name)
    }

    private func sameSignature(_ a: FunctionDecl, _ b: FunctionDecl) -> Bool {
        a.parameters.map(\.label) == b.parameters.map(\.label)
            && a.parameters.map(\.type) == b.parameters.map(\.type) && a.resultType == b.resultType
    }

    // MARK: Names

    /// What an identifier means where it is used.
    enum NameMeaning {
        case variable(VarDecl)
        case functions([FunctionDecl])
        case type(CellType)
        /// A member of the enclosing type, reached through an implicit `self`.
        case implicitMember(static: Bool)
    }

    func lookupName(_ name: String) -> NameMeaning? {
        if let (entry, found) = scope.lookupValue(name) {
            switch entry {
            case .variable(let v):
                // Members of an enclosing type between here and the variable's scope come first.
                if memberScopeBetween(found), hasMember(name) { return .implicitMember(static: isStaticContext) }
                return .variable(v)
            case .functions(let fs):
                if memberScopeBetween(found), hasMember(name) { return .implicitMember(static: isStaticContext) }
                var all = fs
                if found === session.rootScope { all += registry.functions[name] ?? [] }
                return .functions(all)
            }
        }
        if hasMember(name) { return .implicitMember(static: isStaticContext) }
        // Only a name that is a type is resolved as one: resolving any other name builds an
        // error with a "did you mean" (an edit distance to every type name), 13 % of checking.
        if name == "Self" || scope.lookupType(name) != nil || registry.typeEntry(name) != nil,
           let type = try? resolveTypeName(name, at: 0) {
            return .type(type)
        }
        if let fs = registry.functions[name] { return .functions(fs) }
        return nil
    }

    /// True when a type's body lies between the current scope and `found`.
    private func memberScopeBetween(_ found: LexicalScope) -> Bool {
        var s: LexicalScope? = scope
        while let current = s, current !== found {
            if current.memberOf != nil { return true }
            s = current.parent
        }
        return false
    }

    /// Inside a type's static member (or the type body itself, for static properties).
    var isStaticContext: Bool {
        if let f = function.functionDecl { return f.isStatic }
        return function.selfDecl == nil
    }

    /// Whether the enclosing type has a member of that name.
    private func hasMember(_ name: String) -> Bool {
        guard let type = scope.enclosingType else { return false }
        return !memberCandidates(of: type, named: name, isStatic: isStaticContext).isEmpty
    }

    /// A type named in a cell: a generic parameter, a cell's type, a library or standard type.
    func resolveTypeName(_ name: String, at position: Int) throws(CellFailure) -> CellType {
        try typeResolver.named(name, arguments: [], explicitArguments: false, at: position)
    }

    var typeResolver: TypeResolver {
        TypeResolver(registry: registry, lookup: { [scope] name in scope.lookupType(name) }, selfType: scope.enclosingType)
    }

    func resolveType(_ syntax: TypeSyntax) throws(CellFailure) -> CellType {
        try typeResolver.resolve(syntax)
    }

    /// A variable's written type, where a generic type may be named without its arguments
    /// when an initializer will supply them (`let s: Set = [1, 2]`).
    func resolveAnnotation(_ syntax: TypeSyntax, hasInitializer: Bool) throws(CellFailure) -> CellType {
        var resolver = typeResolver
        resolver.allowsUnboundGenerics = hasInitializer
        return try resolver.resolve(syntax)
    }

    func unknownName(_ name: String, at position: Int) -> CellFailure {
        var message = "cannot find '\(name)' in scope"
        if let near = nearestName(to: name, in: scope.visibleNames + registry.globalNames + Self.keywords) {
            message += "; did you mean '\(near)'?"
        }
        return CellFailure(.name, message, at: position)
    }

    static let keywords = ["true", "false", "nil", "let", "var", "func", "return", "for", "while", "if", "else", "guard",
                           "switch", "case", "default", "struct", "class", "enum", "self"]

    // MARK: Choice points

    func newChoicePoint() -> Int {
        nextChoicePoint += 1
        return nextChoicePoint
    }

    // MARK: TypeEnvironment

    func conforms(_ type: CellType, to proto: NominalDecl, state: SolverState) -> Bool {
        registry.conforms(type, to: proto, extensions: extensions)
    }

    func acceptsLiteral(_ kind: LiteralKind, as type: CellType) -> Bool {
        registry.acceptsLiteral(kind, as: type)
    }

    func isArraySlice(_ decl: NominalDecl) -> Bool { decl === registry.standard.arraySlice }

    func sequenceElement(of type: CellType) -> CellType? {
        registry.sequenceElement(of: type)
    }

    func isConforming(_ type: CellType, to proto: NominalDecl) -> Bool {
        registry.conforms(type, to: proto, extensions: extensions)
    }
}
