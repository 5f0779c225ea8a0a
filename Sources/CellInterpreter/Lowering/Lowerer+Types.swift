import SwiftSyntax

extension Lowerer {
    /// Lowers a written type for the run-time checks of annotations and casts.
    func lowerType(_ t: TypeSyntax) throws(CellFailure) -> TypeAnnotation {
        let text = t.trimmedDescription
        if let id = t.as(IdentifierTypeSyntax.self) {
            let name = id.name.text
            if let generics = id.genericArgumentClause {
                let args = generics.arguments
                if (name == "Array" || name == "Optional"), args.count == 1, let only = args.first,
                   case .type(let argumentType) = only.argument {
                    let inner = try lowerType(argumentType)
                    return TypeAnnotation(kind: name == "Array" ? .array(inner) : .optional(inner), description: text)
                }
                throw CellFailure(.unsupported, "generic type '\(text)' is not supported in cells", at: pos(t))
            }
            switch name {
            case "Int": return TypeAnnotation(kind: .int, description: text)
            case "Double", "Float", "CGFloat": return TypeAnnotation(kind: .double, description: text)
            case "Bool": return TypeAnnotation(kind: .bool, description: text)
            case "String": return TypeAnnotation(kind: .string, description: text)
            case "Any": return TypeAnnotation(kind: .any, description: text)
            default:
                guard registry.types[name] != nil else {
                    var message = "cannot find type '\(name)' in scope"
                    let known = ["Int", "Double", "Bool", "String", "Any"] + Array(registry.types.keys)
                    if let near = nearestName(to: name, in: known) { message += "; did you mean '\(near)'?" }
                    throw CellFailure(.name, message, at: pos(t))
                }
                return TypeAnnotation(kind: .named(name), description: text)
            }
        }
        if let a = t.as(ArrayTypeSyntax.self) {
            return TypeAnnotation(kind: .array(try lowerType(a.element)), description: text)
        }
        if let o = t.as(OptionalTypeSyntax.self) {
            return TypeAnnotation(kind: .optional(try lowerType(o.wrappedType)), description: text)
        }
        if let tuple = t.as(TupleTypeSyntax.self) {
            if tuple.elements.count == 1, let only = tuple.elements.first { return try lowerType(only.type) }
            var elements: [TypeAnnotation] = []
            for e in tuple.elements { elements.append(try lowerType(e.type)) }
            return TypeAnnotation(kind: .tuple(elements, labels: tuple.elements.map { $0.firstName?.text }), description: text)
        }
        if t.is(FunctionTypeSyntax.self) || t.is(AttributedTypeSyntax.self) {
            return TypeAnnotation(kind: .function, description: text)
        }
        if t.is(DictionaryTypeSyntax.self) {
            throw CellFailure(.unsupported, "a dictionary is not supported in cells", at: pos(t))
        }
        throw CellFailure(.unsupported, "type '\(text)' is not supported in cells", at: pos(t))
    }
}
