import SwiftSyntax

/// Lowers a cell's folded syntax tree into the interpreter's nodes, once: every name is
/// bound to a slot (or to a library function or type), every statically known call to its
/// target, and anything cells do not support is reported with its place.
final class Lowerer {
    let registry: Registry
    var scope: Scope
    /// Depth of nested blocks and functions: 0 is the cell's top level, where expression
    /// statements are displayed.
    private(set) var nesting = 0

    /// At the cell's top level, outside any block: expression statements there are displayed.
    var isCellTopLevel: Bool { nesting == 0 && function.isRoot }

    init(registry: Registry, root: Scope) {
        self.registry = registry
        self.scope = root
    }

    var function: FunctionScope { scope.function }

    // MARK: Entry

    /// Lowers a whole cell. Names declared at its top level become session globals.
    func lowerCell(_ file: SourceFileSyntax) throws(CellFailure) -> BlockStmt {
        scope.declaredNow = []
        return try lowerItems(file.statements, position: pos(file))
    }

    // MARK: Blocks

    func lowerItems(_ items: CodeBlockItemListSyntax, position: Int) throws(CellFailure) -> BlockStmt {
        // Declare every function of the block first, so calls may come before declarations
        // and functions may call each other.
        var declared: [(FunctionDeclSyntax, FunctionOverload)] = []
        for item in items {
            if case .decl(let decl) = item.item, let f = decl.as(FunctionDeclSyntax.self) {
                declared.append((f, try declareFunction(f)))
            }
        }
        if !declared.isEmpty { function.makesClosures = true }
        var hoisted: [Stmt] = []
        for (syntax, overload) in declared {
            hoisted.append(FunctionDeclStmt(function.address(of: overload.slot, owner: overload.owner), body: overload.body,
                                            position: pos(syntax)))
        }
        var statements: [Stmt] = []
        var nextFunction = 0
        for item in items {
            switch item.item {
            case .decl(let decl):
                if decl.is(FunctionDeclSyntax.self) {
                    // The body is lowered where it stands, seeing the names declared before it.
                    let (syntax, overload) = declared[nextFunction]
                    nextFunction += 1
                    try lowerFunctionBody(syntax, into: overload.body)
                    continue
                }
                statements += try lowerDecl(decl)
            case .stmt(let stmt):
                statements.append(try lowerStmt(stmt))
            case .expr(let expr):
                statements.append(try lowerExpressionStatement(expr))
            }
        }
        return BlockStmt(hoisted + statements, position: position)
    }

    /// A `{ … }` block in its own scope.
    func lowerBlock(_ block: CodeBlockSyntax) throws(CellFailure) -> BlockStmt {
        try withScope { () throws(CellFailure) in try lowerItems(block.statements, position: pos(block)) }
    }

    func withScope<T>(_ body: () throws(CellFailure) -> T) throws(CellFailure) -> T {
        let outer = scope
        scope = Scope(parent: outer, function: outer.function)
        nesting += 1
        defer {
            scope = outer
            nesting -= 1
        }
        return try body()
    }

    // MARK: Names

    /// Declares a variable in the current scope and returns its slot's address.
    func declareVariable(_ name: String, mutable: Bool, at position: Int) throws(CellFailure) -> SlotAddress {
        if scope.declaredNow.contains(name) {
            throw CellFailure(.name, "invalid redeclaration of '\(name)'", at: position)
        }
        if registry.types[name] != nil {
            throw CellFailure(.name, "'\(name)' is a library type; choose another name", at: position)
        }
        let slot = function.allocate()
        scope.names[name] = .variable(slot: slot, mutable: mutable, owner: function)
        scope.declaredNow.insert(name)
        return function.address(of: slot, owner: function)
    }

    /// The address of a variable for reading or writing, or nil if the name is not a variable.
    func resolveVariable(_ name: String) -> (SlotAddress, mutable: Bool)? {
        guard case .variable(let slot, let mutable, let owner)? = scope.lookup(name) else { return nil }
        return (function.address(of: slot, owner: owner), mutable)
    }

    func unknownName(_ name: String, at position: Int) -> CellFailure {
        var message = "cannot find '\(name)' in scope"
        if let near = nearestName(to: name, in: scope.visibleNames + registry.globalNames + Builtins.keywords) {
            message += "; did you mean '\(near)'?"
        }
        return CellFailure(.name, message, at: position)
    }

    // MARK: Declarations

    func lowerDecl(_ decl: DeclSyntax) throws(CellFailure) -> [Stmt] {
        if let v = decl.as(VariableDeclSyntax.self) { return try lowerVariable(v) }
        throw unsupported(decl)
    }

    private func lowerVariable(_ decl: VariableDeclSyntax) throws(CellFailure) -> [Stmt] {
        let mutable = decl.bindingSpecifier.tokenKind == .keyword(.var)
        if let modifier = decl.modifiers.first {
            throw CellFailure(.unsupported, "'\(modifier.name.text)' is not supported in cells", at: pos(modifier))
        }
        var statements: [Stmt] = []
        for binding in decl.bindings {
            if binding.accessorBlock != nil {
                throw CellFailure(.unsupported, "computed variables are not supported in cells", at: pos(binding))
            }
            let annotation = try binding.typeAnnotation.map { (t) throws(CellFailure) in try lowerType(t.type) }
            let value: Expr
            if let initializer = binding.initializer {
                value = try lowerExpr(initializer.value, expecting: annotation)
            } else {
                guard annotation != nil || !mutable else {
                    throw CellFailure(.type, "type annotation missing in pattern", at: pos(binding))
                }
                value = LiteralExpr(.void, position: pos(binding))
            }
            if let id = binding.pattern.as(IdentifierPatternSyntax.self) {
                let address = try declareVariable(id.identifier.text, mutable: mutable, at: pos(id))
                let check = binding.initializer == nil ? nil : annotation
                statements.append(StoreStmt(address, value: value, annotation: check, position: pos(binding)))
            } else if let tuple = binding.pattern.as(TuplePatternSyntax.self) {
                var addresses: [SlotAddress?] = []
                for element in tuple.elements {
                    if element.pattern.is(WildcardPatternSyntax.self) {
                        addresses.append(nil)
                    } else if let id = element.pattern.as(IdentifierPatternSyntax.self) {
                        addresses.append(try declareVariable(id.identifier.text, mutable: mutable, at: pos(id)))
                    } else {
                        throw CellFailure(.unsupported, "this pattern is not supported in cells", at: pos(element))
                    }
                }
                statements.append(DestructureStmt(addresses, value: value, position: pos(binding)))
            } else if binding.pattern.is(WildcardPatternSyntax.self) {
                statements.append(ExprStmt(value))
            } else {
                throw CellFailure(.unsupported, "this pattern is not supported in cells", at: pos(binding.pattern))
            }
        }
        return statements
    }

    /// Reserves a slot for a `func` and records its overload (its labels) under its name.
    private func declareFunction(_ f: FunctionDeclSyntax) throws(CellFailure) -> FunctionOverload {
        if let generics = f.genericParameterClause {
            throw CellFailure(.unsupported, "generic functions are not supported in cells", at: pos(generics))
        }
        if let effects = f.signature.effectSpecifiers, let a = effects.asyncSpecifier {
            throw CellFailure(.unsupported, "'async' is not supported in cells", at: pos(a))
        }
        let name = f.name.text
        var parameters: [UserParameter] = []
        for p in f.signature.parameterClause.parameters {
            let label = p.firstName.tokenKind == .wildcard ? nil : p.firstName.text
            let local = p.secondName?.text ?? p.firstName.text
            if p.ellipsis != nil {
                throw CellFailure(.unsupported, "variadic parameters are not supported in cells", at: pos(p))
            }
            parameters.append(UserParameter(label: label, name: local, annotation: try lowerType(p.type),
                                            hasDefault: p.defaultValue != nil, defaultValue: nil))
        }
        let returns = try f.signature.returnClause.map { (r) throws(CellFailure) in try lowerType(r.type) }
        let body = FunctionBody(name: name, parameters: parameters, frameSize: parameters.count,
                                body: BlockStmt([], position: pos(f)), returnAnnotation: returns, isClosure: false)
        let labels = parameters.map(\.label)
        var overloads: [FunctionOverload] = []
        if case .functions(let existing)? = scope.names[name] {
            overloads = existing.filter { $0.body.parameters.map(\.label) != labels }
            if scope.declaredNow.contains(name), overloads.count != existing.count {
                throw CellFailure(.name, "invalid redeclaration of '\(body.signature)'", at: pos(f))
            }
        } else if scope.declaredNow.contains(name) {
            throw CellFailure(.name, "invalid redeclaration of '\(name)'", at: pos(f))
        }
        let overload = FunctionOverload(slot: function.allocate(), owner: function, body: body)
        overloads.append(overload)
        scope.names[name] = .functions(overloads)
        scope.declaredNow.insert(name)
        return overload
    }

    /// Lowers a function's parameters' defaults and its body into its `FunctionBody`.
    private func lowerFunctionBody(_ f: FunctionDeclSyntax, into body: FunctionBody) throws(CellFailure) {
        guard let block = f.body else {
            throw CellFailure(.syntax, "function '\(f.name.text)' needs a body", at: pos(f))
        }
        let inner = FunctionScope(parent: function, isRoot: false, frameSize: body.parameters.count)
        let outer = scope
        scope = Scope(parent: outer, function: inner)
        nesting += 1
        defer {
            scope = outer
            nesting -= 1
        }
        var parameters: [UserParameter] = []
        for (i, p) in f.signature.parameterClause.parameters.enumerated() {
            let local = p.secondName?.text ?? p.firstName.text
            let defaultValue = try p.defaultValue.map { (d) throws(CellFailure) in try lowerExpr(d.value, expecting: body.parameters[i].annotation) }
            if local != "_" { scope.names[local] = .variable(slot: i, mutable: false, owner: inner) }
            if case .int? = body.parameters[i].annotation?.kind { inner.intSlots.insert(i) }
            parameters.append(UserParameter(label: body.parameters[i].label, name: local, annotation: body.parameters[i].annotation,
                                            hasDefault: defaultValue != nil, defaultValue: defaultValue))
        }
        let lowered = try lowerBodyReturningLastExpression(block.statements, position: pos(block))
        body.replace(parameters: parameters, body: lowered, frameSize: inner.frameSize)
        body.finish(makesClosures: inner.makesClosures)
    }

    /// A body of one expression returns it (as Swift's single-expression functions and closures do).
    func lowerBodyReturningLastExpression(_ items: CodeBlockItemListSyntax, position: Int) throws(CellFailure) -> Stmt {
        if items.count == 1, let only = items.first, case .expr(let e) = only.item, !isStatementLike(e) {
            let value = try lowerExpr(e)
            return ReturnStmt(value, position: value.position)
        }
        return try lowerItems(items, position: position)
    }

    /// `if`/`switch` written as statements, and assignments, are not implicit return values.
    private func isStatementLike(_ e: ExprSyntax) -> Bool {
        if e.is(IfExprSyntax.self) || e.is(SwitchExprSyntax.self) { return true }
        if let infix = e.as(InfixOperatorExprSyntax.self) {
            if infix.operator.is(AssignmentExprSyntax.self) { return true }
            if let op = infix.operator.as(BinaryOperatorExprSyntax.self), op.operator.text.hasSuffix("="),
               !["==", "!=", "<=", ">="].contains(op.operator.text) {
                return true
            }
        }
        return false
    }

    // MARK: Errors

    func unsupported(_ node: some SyntaxProtocol) -> CellFailure {
        let what: String
        switch Syntax(node).kind {
        case .structDecl: what = "'struct'"
        case .classDecl: what = "'class'"
        case .enumDecl: what = "'enum'"
        case .protocolDecl: what = "'protocol'"
        case .extensionDecl: what = "'extension'"
        case .importDecl: what = "'import' (the library is already available)"
        case .actorDecl: what = "'actor'"
        case .typeAliasDecl: what = "'typealias'"
        case .operatorDecl, .precedenceGroupDecl: what = "a custom operator"
        case .initializerDecl, .deinitializerDecl, .subscriptDecl: what = "this declaration"
        case .switchExpr: what = "'switch'"
        case .doStmt: what = "'do'"
        case .deferStmt: what = "'defer'"
        case .throwStmt: what = "'throw'"
        case .awaitExpr: what = "'await'"
        case .dictionaryExpr: what = "a dictionary"
        case .macroExpansionExpr, .macroExpansionDecl: what = "a macro"
        default: what = "this construct"
        }
        return CellFailure(.unsupported, "\(what) is not supported in cells", at: pos(node))
    }
}

/// The UTF-8 offset where a node's text starts.
@inline(__always)
func pos(_ node: some SyntaxProtocol) -> Int {
    node.positionAfterSkippingLeadingTrivia.utf8Offset
}

extension FunctionBody {
    func replace(parameters: [UserParameter], body: Stmt, frameSize: Int) {
        self.parameters = parameters
        self.body = body
        self.frameSize = frameSize
    }

    /// Records what running the body needs: a heap frame if it makes closures, and its
    /// single expression if it is one.
    func finish(makesClosures: Bool) {
        needsHeapFrame = makesClosures
        prepareChecks()
        if let r = body as? ReturnStmt, let value = r.value { expressionBody = value }
        prepareFastPath()
    }
}
