import SwiftSyntax

extension Checker {
    /// A pattern matched against a value of `type` (`case .circle(let r):`, `case (0, _):`,
    /// `case 1...5:`). `binding`: inside `let`/`var` (true for `var`), where names bind.
    func checkPattern(_ p: PatternSyntax, against type: CellType, binding: Bool?, sharedScope: Bool = false) throws(CellFailure) -> TypedPattern {
        if let v = p.as(ValueBindingPatternSyntax.self) {
            return try checkPattern(v.pattern, against: type, binding: v.bindingSpecifier.tokenKind == .keyword(.var))
        }
        if let id = p.as(IdentifierPatternSyntax.self) {
            return .binding(try declareVariable(id.identifier.text, type: type, mutable: binding ?? false, at: pos(id)))
        }
        if p.is(WildcardPatternSyntax.self) { return .wildcard }
        if let tuple = p.as(TuplePatternSyntax.self) {
            guard case .tuple(let elements) = type, elements.count == tuple.elements.count else {
                throw CellFailure(.type, "tuple pattern cannot match values of the non-tuple type '\(type)'", at: pos(tuple))
            }
            var out: [TypedPattern] = []
            for (element, t) in zip(tuple.elements, elements) {
                out.append(try checkPattern(element.pattern, against: t.type, binding: binding))
            }
            return .tuple(out)
        }
        if let isType = p.as(IsTypePatternSyntax.self) {
            return .isType(try resolveType(isType.type))
        }
        if let e = p.as(ExpressionPatternSyntax.self) {
            return try checkExpressionPattern(e.expression, against: type, binding: binding)
        }
        throw CellFailure(.unsupported, "this pattern is not supported in cells", at: pos(p))
    }

    private func checkExpressionPattern(_ e: ExprSyntax, against type: CellType, binding: Bool?) throws(CellFailure) -> TypedPattern {
        let position = pos(e)
        if e.is(DiscardAssignmentExprSyntax.self) { return .wildcard }
        if let pe = e.as(PatternExprSyntax.self) { return try checkPattern(pe.pattern, against: type, binding: binding) }
        if let binding, let ref = e.as(DeclReferenceExprSyntax.self), case .identifier = ref.baseName.tokenKind {
            return .binding(try declareVariable(ref.baseName.text, type: type, mutable: binding, at: position))
        }
        if let tuple = e.as(TupleExprSyntax.self), tuple.elements.count > 1 {
            guard case .tuple(let elements) = type, elements.count == tuple.elements.count else {
                throw CellFailure(.type, "tuple pattern cannot match values of the non-tuple type '\(type)'", at: position)
            }
            var out: [TypedPattern] = []
            for (element, t) in zip(tuple.elements, elements) {
                out.append(try checkExpressionPattern(element.expression, against: t.type, binding: binding))
            }
            return .tuple(out)
        }
        if let tuple = e.as(TupleExprSyntax.self), tuple.elements.count == 1, let only = tuple.elements.first, only.label == nil {
            return try checkExpressionPattern(only.expression, against: type, binding: binding)
        }
        if let chain = e.as(OptionalChainingExprSyntax.self) {
            guard case .optional(let wrapped) = type else {
                throw CellFailure(.type, "'?' pattern cannot match values of type '\(type)'", at: position)
            }
            return .optionalSome(try checkExpressionPattern(chain.expression, against: wrapped, binding: binding))
        }
        if e.is(NilLiteralExprSyntax.self), type.isOptional {
            return .enumCase(standard.noneCase, payload: nil)
        }
        if let asExpr = e.as(AsExprSyntax.self), asExpr.questionOrExclamationMark == nil {
            let target = try resolveType(asExpr.type)
            return .cast(try checkExpressionPattern(asExpr.expression, against: target, binding: binding), target)
        }
        if let isExpr = e.as(IsExprSyntax.self), isExpr.expression.is(DiscardAssignmentExprSyntax.self) {
            return .isType(try resolveType(isExpr.type))
        }
        // An enum case, with or without associated values.
        if let casePattern = try enumCasePattern(e, against: type, binding: binding) { return casePattern }
        // Any other expression is compared with `~=` (== for equatable values, contains for ranges).
        var s = SolverState()
        let value = try generate(e, &s)
        let matched = TypedExpression(.matchedValue, type: type, at: position)
        let call = try operatorCall("~=", .infix, [value, matched], at: position, &s)
        s.add(.equal(call.type, .bool, at: position))
        do throws(CellFailure) {
            return .expression(try solveAndFinalize(call, s, at: position))
        } catch {
            throw CellFailure(.type, "expression pattern of type '\(describeLoose(e))' cannot match values of type '\(type)'", at: position,
                              notes: [error.message])
        }
    }

    private func describeLoose(_ e: ExprSyntax) -> String {
        var s = SolverState()
        guard let value = try? generate(e, &s), let solved = try? solveAndFinalize(value, s, at: pos(e)) else { return e.trimmedDescription }
        return solved.type.description
    }

    /// `.circle(let r)`, `Shape.circle(radius: let r)`, `.red`, `.some(x)`.
    private func enumCasePattern(_ e: ExprSyntax, against type: CellType, binding: Bool?) throws(CellFailure) -> TypedPattern? {
        var callee = e
        var arguments: LabeledExprListSyntax?
        if let call = e.as(FunctionCallExprSyntax.self) {
            callee = call.calledExpression
            arguments = call.arguments
        }
        guard let member = callee.as(MemberAccessExprSyntax.self) else { return nil }
        let name = member.declName.baseName.text
        var enumType = type
        if let base = member.base {
            guard let named = try? typeFromExpression(base) else { return nil }
            enumType = named
        }
        func find(in t: CellType) -> (EnumCaseDecl, [GenericParameter: CellType])? {
            guard let (decl, args) = registry.declaration(of: t), decl.isEnum else { return nil }
            guard let c = decl.cases.first(where: { $0.name == name }) else { return nil }
            return (c, Dictionary(uniqueKeysWithValues: zip(decl.genericParameters, args)))
        }
        var found = find(in: enumType)
        var throughOptional = false
        if found == nil, member.base == nil, case .optional(let wrapped) = type, let f = find(in: wrapped) {
            found = f
            throughOptional = true
        }
        guard let (c, substitution) = found else {
            if member.base == nil {
                throw CellFailure(.type, "type '\(type)' has no member '\(name)'", at: pos(member.declName))
            }
            return nil
        }
        var payload: TypedPattern?
        if let arguments {
            guard let elements = c.payload else {
                throw CellFailure(.type, "enum case '\(name)' has no associated values", at: pos(member.declName))
            }
            let types = elements.map { $0.type.substituting(substitution) }
            if arguments.count == 1, elements.count > 1, let only = arguments.first, only.label == nil {
                // `case .point(let p)`: the whole payload as a tuple.
                let tupleType = CellType.tuple(zip(elements, types).map { TupleElementType(label: $0.label, type: $1) })
                payload = try checkExpressionPattern(only.expression, against: tupleType, binding: binding)
            } else {
                guard arguments.count == elements.count else {
                    throw CellFailure(.type, "tuple pattern has the wrong length for tuple type '(\(types.map(\.description).joined(separator: ", ")))'",
                                      at: pos(arguments))
                }
                var subs: [TypedPattern] = []
                for (i, argument) in arguments.enumerated() {
                    if let label = argument.label?.text, label != elements[i].label {
                        throw CellFailure(.type, "tuple pattern element label '\(label)' must be '\(elements[i].label ?? "_")'", at: pos(argument))
                    }
                    subs.append(try checkExpressionPattern(argument.expression, against: types[i], binding: binding))
                }
                payload = subs.count == 1 ? subs[0] : .tuple(subs)
            }
        }
        let pattern = TypedPattern.enumCase(c, payload: payload)
        if member.base != nil, enumType != type, case .existential = type {
            // `catch MathError.divisionByZero`: the error, if it is a MathError, is that case.
            return .cast(pattern, enumType)
        }
        return throughOptional ? .optionalSome(pattern) : pattern
    }

    // MARK: Exhaustiveness

    /// Refuses a switch whose cases leave some value unmatched, naming one such value.
    func checkExhaustive(_ cases: [TypedSwitchCase], subject: CellType, at position: Int) throws(CellFailure) {
        if cases.contains(where: { $0.isDefault }) { return }
        var rows: [[Space]] = []
        for c in cases {
            for (pattern, guardClause) in c.patterns where guardClause == nil {
                if let space = space(of: pattern) { rows.append([space]) }
            }
        }
        if let witness = useful(rows, [.all], [subject]) {
            let missing = describe(witness[0], type: subject)
            let note = missing == "_" ? "add a default clause" : "add missing case: '\(missing)'"
            throw CellFailure(.type, "switch must be exhaustive", at: position, notes: [note])
        }
    }

    indirect enum Space {
        case all
        case constructor(String, [Space])
    }

    private func space(of pattern: TypedPattern) -> Space? {
        switch pattern {
        case .wildcard, .binding: return .all
        case .tuple(let subs):
            var spaces: [Space] = []
            for s in subs {
                guard let sp = space(of: s) else { return nil }
                spaces.append(sp)
            }
            return .constructor("()", spaces)
        case .enumCase(let c, let payload):
            guard let payload else { return .constructor(c.name, Array(repeating: .all, count: c.payload?.count ?? 0)) }
            guard let sp = space(of: payload) else { return nil }
            let count = c.payload?.count ?? 0
            if count > 1, case .constructor("()", let subs) = sp { return .constructor(c.name, subs) }
            if count > 1, case .all = sp { return .constructor(c.name, Array(repeating: .all, count: count)) }
            return .constructor(c.name, [sp])
        case .optionalSome(let inner):
            guard let sp = space(of: inner) else { return nil }
            return .constructor("some", [sp])
        case .expression(let e):
            // `case true:` / `case false:` cover Bool like constructors.
            if case .call(let call) = e.kind, case .value(let v)? = call.arguments.first, let b = boolLiteral(v) {
                return .constructor(b ? "true" : "false", [])
            }
            return nil
        case .isType, .cast:
            return nil
        }
    }

    private func boolLiteral(_ e: TypedExpression) -> Bool? {
        switch e.kind {
        case .booleanLiteral(let b): return b
        case .conversionSite(let inner, _), .conversion(let inner, _): return boolLiteral(inner)
        default: return nil
        }
    }

    /// The constructors that make up every value of a type, or nil for types with too many.
    private func constructors(of type: CellType) -> [(String, [CellType])]? {
        switch type {
        case .bool: return [("true", []), ("false", [])]
        case .tuple(let elements): return [("()", elements.map(\.type))]
        case .optional(let w): return [("none", []), ("some", [w])]
        default:
            guard let (decl, args) = registry.declaration(of: type), decl.isEnum, decl !== standard.never else {
                if type == .never { return [] }
                return nil
            }
            let substitution = Dictionary(uniqueKeysWithValues: zip(decl.genericParameters, args))
            return decl.cases.map { c in (c.name, (c.payload ?? []).map { $0.type.substituting(substitution) }) }
        }
    }

    /// A value the rows do not match (as a vector of spaces), or nil when they match all.
    private func useful(_ rows: [[Space]], _ vector: [Space], _ types: [CellType]) -> [Space]? {
        guard let first = vector.first, let type = types.first else { return rows.isEmpty ? [] : nil }
        let rest = Array(vector.dropFirst()), restTypes = Array(types.dropFirst())
        guard let ctors = constructors(of: type) else {
            let defaults = rows.compactMap { row -> [Space]? in
                if case .all = row[0] { return Array(row.dropFirst()) }
                return nil
            }
            guard let w = useful(defaults, rest, restTypes) else { return nil }
            return [.all] + w
        }
        func specialize(_ name: String, _ arity: Int) -> [[Space]] {
            rows.compactMap { row in
                switch row[0] {
                case .all: return Array(repeating: .all, count: arity) + row.dropFirst()
                case .constructor(let n, let args) where n == name: return args + row.dropFirst()
                default: return nil
                }
            }
        }
        switch first {
        case .constructor(let name, let args):
            let arity = args.count
            let argTypes = ctors.first { $0.0 == name }?.1 ?? Array(repeating: .void, count: arity)
            guard let w = useful(specialize(name, arity), args + rest, argTypes + restTypes) else { return nil }
            return [.constructor(name, Array(w.prefix(arity)))] + w.dropFirst(arity)
        case .all:
            let present = Set(rows.compactMap { row -> String? in
                if case .constructor(let n, _) = row[0] { return n }
                return nil
            })
            if present.count < ctors.count, let missing = ctors.first(where: { !present.contains($0.0) }) {
                // A constructor no row names: only the rows with a wildcard here can match it, so
                // they decide (this also stops at recursive enums, whose cases would nest forever).
                let defaults = rows.compactMap { row -> [Space]? in
                    if case .all = row[0] { return Array(row.dropFirst()) }
                    return nil
                }
                guard let w = useful(defaults, rest, restTypes) else { return nil }
                return [.constructor(missing.0, Array(repeating: .all, count: missing.1.count))] + w
            }
            for (name, argTypes) in ctors {
                let arity = argTypes.count
                if let w = useful(specialize(name, arity), Array(repeating: .all, count: arity) + rest, argTypes + restTypes) {
                    return [.constructor(name, Array(w.prefix(arity)))] + w.dropFirst(arity)
                }
            }
            return nil
        }
    }

    private func describe(_ space: Space, type: CellType) -> String {
        switch space {
        case .all: return "_"
        case .constructor(let name, let args):
            switch name {
            case "true", "false": return name
            case "()":
                guard case .tuple(let elements) = type else { return "(...)" }
                return "(" + zip(args, elements).map { describe($0, type: $1.type) }.joined(separator: ", ") + ")"
            default:
                let argTypes = constructors(of: type)?.first { $0.0 == name }?.1 ?? []
                if args.isEmpty { return "." + name }
                return "." + name + "(" + zip(args, argTypes).map { describe($0, type: $1) }.joined(separator: ", ") + ")"
            }
        }
    }
}
