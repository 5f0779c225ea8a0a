import SwiftSyntax

extension Lowerer {
    /// Lowers a call, resolving its target now where the target is known by name: a `func`
    /// of the notebook (by its labels), a library function, a type's initializer or static method.
    func lowerCall(_ c: FunctionCallExprSyntax) throws(CellFailure) -> Expr {
        var labels: [ArgumentLabel] = []
        var arguments: [Expr] = []
        for a in c.arguments {
            labels.append(a.label.map { .named($0.text) } ?? .unnamed)
            arguments.append(try lowerExpr(a.expression))
        }
        if let trailing = c.trailingClosure {
            labels.append(.trailing)
            arguments.append(try lowerExpr(ExprSyntax(trailing)))
        }
        for extra in c.additionalTrailingClosures {
            labels.append(.named(extra.label.text))
            arguments.append(try lowerExpr(ExprSyntax(extra.closure)))
        }
        let p = pos(c)
        let callee = c.calledExpression

        // `[Double]()` and `[Int](repeating: 0, count: 3)`: an array type called as an initializer.
        if let a = callee.as(ArrayExprSyntax.self), a.elements.count == 1, isTypeName(a.elements.first!.expression) {
            if labels.isEmpty { return ArrayExpr([], position: p) }
            if let type = registry.types["Array"] {
                return try native(type.initializers, what: "Array", labels: labels, arguments: arguments, at: p,
                                  initializerOf: "Array")
            }
        }

        if let d = callee.as(DeclReferenceExprSyntax.self), d.argumentNames == nil, !isDollar(d) {
            let name = d.baseName.text
            switch scope.lookup(name) {
            case .variable?:
                return CallExpr(callee: try lowerExpr(callee), labels: labels, arguments: arguments, position: p)
            case .functions(let overloads)?:
                for overload in overloads {
                    guard let mapping = matchArguments(labels, to: overload.body.parameterShapes) else { continue }
                    guard mapping.count <= 64 else {
                        throw CellFailure(.unsupported, "a function may take at most 64 parameters", at: p)
                    }
                    return DirectCallExpr(overload.body, address: function.address(of: overload.slot, owner: overload.owner),
                                          taken: mapping.map { $0.first ?? -1 }, arguments: arguments, position: p)
                }
                let available = overloads.map { $0.body.signature }.joined(separator: ", ")
                throw CellFailure(.type, "no '\(name)' takes arguments (\(labels.map(\.text).joined())); available: \(available)",
                                  at: p)
            case nil:
                if let natives = registry.functions[name] {
                    return try native(natives, what: name, labels: labels, arguments: arguments, at: p)
                }
                if let type = registry.types[name] {
                    guard !type.initializers.isEmpty else {
                        throw CellFailure(.type, "'\(name)' cannot be created directly", at: p)
                    }
                    return try native(type.initializers, what: name, labels: labels, arguments: arguments, at: p,
                                      initializerOf: name)
                }
                throw unknownName(name, at: pos(d))
            }
        }

        if let m = callee.as(MemberAccessExprSyntax.self) {
            let name = m.declName.baseName.text
            guard let base = m.base else {
                throw CellFailure(.unsupported, "implicit member calls ('.\(name)(…)') are not supported in cells", at: p)
            }
            if let typeName = staticTypeName(base), let type = registry.types[typeName] {
                if name == "init" {
                    return try native(type.initializers, what: typeName, labels: labels, arguments: arguments, at: p,
                                      initializerOf: typeName)
                }
                guard let overloads = type.staticMethods[name] else {
                    var message = "type '\(typeName)' has no member '\(name)'"
                    if let near = nearestName(to: name, in: Array(type.staticMethods.keys) + Array(type.staticProperties.keys)) {
                        message += "; did you mean '\(near)'?"
                    }
                    throw CellFailure(.name, message, at: pos(m.declName))
                }
                return try native(overloads, what: "\(typeName).\(name)", labels: labels, arguments: arguments, at: p)
            }
            return MethodCallExpr(base: try lowerExpr(base), place: placeIfAssignable(base), name: name, labels: labels,
                                  arguments: arguments, position: pos(m.declName))
        }

        return CallExpr(callee: try lowerExpr(callee), labels: labels, arguments: arguments, position: p)
    }

    /// Whether an expression spells a type: `Int`, `Tensor`, `[Double]`.
    private func isTypeName(_ e: ExprSyntax) -> Bool {
        if let d = e.as(DeclReferenceExprSyntax.self) {
            return d.baseName.text.first?.isUppercase == true && scope.lookup(d.baseName.text) == nil
        }
        if let a = e.as(ArrayExprSyntax.self), a.elements.count == 1 { return isTypeName(a.elements.first!.expression) }
        return false
    }

    private func isDollar(_ d: DeclReferenceExprSyntax) -> Bool {
        if case .dollarIdentifier = d.baseName.tokenKind { return true }
        return false
    }

    /// Picks the overload whose parameters fit the labels, or reports the signatures there are.
    private func native(_ overloads: [NativeFunction], what: String, labels: [ArgumentLabel], arguments: [Expr], at p: Int,
                        initializerOf type: String? = nil) throws(CellFailure) -> Expr {
        for f in overloads {
            if let mapping = matchArguments(labels, to: f.parameterShapes) {
                return NativeCallExpr(f, mapping: mapping, arguments: arguments, position: p)
            }
        }
        let written = "(" + labels.map(\.text).joined() + ")"
        let available = overloads.map(\.declaration).joined(separator: "; ")
        if let type {
            throw CellFailure(.type, "\(type) has no initializer \(written); available: \(available)", at: p)
        }
        throw CellFailure(.type, "no \(what) takes arguments \(written); available: \(available)", at: p)
    }
}
