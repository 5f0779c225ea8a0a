/// What running code asks of a session's declarations: a cell function's lowered form, the
/// implementation a type gives a protocol requirement (its witness), and Swift's `==`, `<` and
/// `description` for values whose types are only known at run time (generic code, library
/// algorithms such as `sorted()` and `contains(_:)`).
final class SessionRuntime {
    let registry: Registry
    let extensions: SessionExtensions
    private var witnesses: [WitnessKey: FoundMember] = [:]
    /// Stored properties' initial values, lowered once.
    var initialValues: [ObjectIdentifier: LoweredFunction] = [:]

    init(registry: Registry, extensions: SessionExtensions) {
        self.registry = registry
        self.extensions = extensions
    }

    var lookup: MemberLookup { MemberLookup(registry: registry, extensions: extensions) }

    /// A cell's function, lowered the first time it is needed.
    func lowered(_ f: FunctionDecl, at position: Int) throws(CellFailure) -> LoweredFunction {
        guard case .cell(let cell) = f.implementation else {
            throw CellFailure(.runtime, "internal error: '\(f.signature)' has no body", at: position)
        }
        if let done = cell.lowered as? LoweredFunction { return done }
        return try Lowerer.lowerFunction(cell, runtime: self)
    }

    // MARK: Witnesses

    private struct WitnessKey: Hashable {
        let requirement: ObjectIdentifier
        let type: CellType
    }

    /// The member of `type` that implements a protocol requirement.
    func witness(_ requirementName: String, labels: [String?], isStatic: Bool, isProperty: Bool, requirementID: ObjectIdentifier,
                 for type: CellType, at position: Int) throws(CellFailure) -> FoundMember {
        let key = WitnessKey(requirement: requirementID, type: type)
        if let found = witnesses[key] { return found }
        let candidates = lookup.memberCandidates(of: type, named: requirementName, isStatic: isStatic).filter { !$0.isWitness }
        let found = candidates.first { candidate in
            switch candidate.member {
            case .method(let f): return !isProperty && f.parameters.map(\.label) == labels
            case .property: return isProperty
            default: return false
            }
        }
        guard let found else {
            throw CellFailure(.runtime, "internal error: '\(type)' has no implementation of '\(requirementName)'", at: position)
        }
        witnesses[key] = found
        return found
    }

    /// Calls the implementation `type` gives a method requirement.
    func callWitness(_ requirement: FunctionDecl, on receiver: Value, type: CellType, arguments: [Value], _ cx: Context, at position: Int,
                     callerSource: CellSource?) throws(CellFailure) -> Value {
        let found = try witness(requirement.name, labels: requirement.parameters.map(\.label), isStatic: requirement.isStatic,
                                isProperty: false, requirementID: ObjectIdentifier(requirement), for: type, at: position)
        guard case .method(let f) = found.member else { throw CellFailure(.runtime, "internal error: witness", at: position) }
        let typeArguments = (f.owner?.genericParameters ?? []).map { found.substitution[$0] ?? .parameter($0) }
        return try call(f, receiver: receiver, arguments: arguments, typeArguments: typeArguments, cx, at: position, callerSource: callerSource)
    }

    /// Reads a property of a value whose type is known only now (a requirement on a generic or
    /// existential value, or `description` when printing).
    func readProperty(_ name: String, of receiver: Value, type: CellType, _ cx: Context, at position: Int) throws(CellFailure) -> Value? {
        let candidates = lookup.memberCandidates(of: type, named: name, isStatic: false).filter { !$0.isWitness }
        guard let found = candidates.first(where: { if case .property = $0.member { return true }; return false }),
              case .property(let p) = found.member else { return nil }
        let typeArguments = (p.owner?.genericParameters ?? []).map { found.substitution[$0] ?? .parameter($0) }
        return try read(p, of: receiver, typeArguments: typeArguments, cx, at: position)
    }

    func read(_ p: PropertyDecl, of receiver: Value, typeArguments: [CellType], _ cx: Context, at position: Int) throws(CellFailure) -> Value {
        switch p.storage {
        case .stored(let index):
            switch receiver {
            case .structValue(let fields): return fields[index]
            case .instance(let object): return object.fields[index]
            default: throw internalMismatch("struct", receiver, position)
            }
        case .computed(let getter, _):
            return try call(getter, receiver: receiver, arguments: [], typeArguments: typeArguments, cx, at: position, callerSource: nil)
        case .native(let get, _):
            do { return try get(receiver, cx) } catch { throw failure(from: error, at: position) }
        case .nativeGeneric(let get):
            var call = NativeCall(receiver: receiver, arguments: [], typeArguments: typeArguments, context: cx, position: position)
            do { return try get(&call) } catch { throw failure(from: error, at: position) }
        case .synthesized(let kind):
            return try synthesizedProperty(kind, of: receiver, owner: p.owner, at: position)
        case .requirement:
            throw CellFailure(.runtime, "internal error: requirement read directly", at: position)
        }
    }

    func synthesizedProperty(_ kind: PropertyDecl.SynthesizedProperty, of receiver: Value, owner: NominalDecl?,
                             at position: Int) throws(CellFailure) -> Value {
        guard let owner else { throw CellFailure(.runtime, "internal error: no owner", at: position) }
        switch kind {
        case .rawValue:
            guard case .enumValue(let index, _) = receiver, let raw = owner.cases[index].rawValue else {
                throw internalMismatch("enum", receiver, position)
            }
            return raw
        case .allCases:
            return .array(owner.cases.map { .enumValue($0.index, nil) })
        }
    }

    /// Calls a function declaration of any kind (cell, library, synthesized) with its receiver.
    func call(_ f: FunctionDecl, receiver: Value?, arguments: [Value], typeArguments: [CellType], _ cx: Context, at position: Int,
              callerSource: CellSource?) throws(CellFailure) -> Value {
        switch f.implementation {
        case .cell(let cell):
            let target = try lowered(f, at: position)
            // Methods, static ones included, take `self` (for a static method: the type) first.
            let all = cell.selfDecl != nil ? [receiver ?? .metatype(.void)] + arguments : arguments
            return try target.call(cx, arguments: all, captures: [], typeArguments: typeArguments, at: position, callerSource: callerSource)
        case .native(let body):
            var call = NativeCall(receiver: receiver ?? .void, arguments: arguments, typeArguments: typeArguments, context: cx, position: position)
            do { return try body(&call) } catch { throw failure(from: error, at: position) }
        default:
            throw CellFailure(.runtime, "internal error: '\(f.signature)' cannot be called here", at: position)
        }
    }

    // MARK: Equality, order, hashing of any type

    /// `a == b` for values of `type`: a cell type's own `==` when it has one, else Swift's
    /// synthesized equality, part by part.
    func equal(_ a: Value, _ b: Value, type staticType: CellType, _ cx: Context, at position: Int) throws(CellFailure) -> Bool {
        let type = cx.concrete(staticType)
        switch type {
        case .int, .double, .bool, .string, .character, .void, .metatype: return structurallyEqual(a, b)
        case .optional(let w):
            switch (a, b) {
            case (.none, .none): return true
            case (.none, _), (_, .none): return false
            default:
                let nested = cx.concrete(w).isOptional
                return try equal(unwrapOptional(a, wrappedIsOptional: nested), unwrapOptional(b, wrappedIsOptional: nested), type: w, cx, at: position)
            }
        case .array(let e):
            let x = cx.elements(of: a), y = cx.elements(of: b)
            guard x.count == y.count else { return false }
            for (p, q) in zip(x, y) where !(try equal(p, q, type: e, cx, at: position)) { return false }
            return true
        case .tuple(let elements):
            guard case .tuple(let x) = a, case .tuple(let y) = b else { return false }
            for (i, e) in elements.enumerated() where !(try equal(x[i], y[i], type: e.type, cx, at: position)) { return false }
            return true
        case .dictionary(_, let v):
            guard case .dictionary(let x) = a, case .dictionary(let y) = b, x.table.count == y.table.count else { return false }
            for (key, value) in x.table.entries {
                guard let other = y.table.value(for: HashKey(key)), try equal(value, other, type: v, cx, at: position) else { return false }
            }
            return true
        case .existential:
            guard case .existential(let x) = a, case .existential(let y) = b, x.type == y.type else { return false }
            return try equal(x.value, y.value, type: x.type, cx, at: position)
        case .nominal(let decl, let args):
            if let op = userOperator("==", for: type) {
                let r = try call(op, receiver: nil, arguments: [a, b], typeArguments: args, cx, at: position, callerSource: nil)
                if case .bool(let result) = r { return result }
            }
            if decl.origin != .cell {
                if decl === registry.standard.arraySlice, case .arraySlice(let x) = a, case .arraySlice(let y) = b {
                    guard x.value.count == y.value.count else { return false }
                    for (p, q) in zip(x.value, y.value) where !(try equal(p, q, type: args.first ?? .int, cx, at: position)) { return false }
                    return true
                }
                return structurallyEqual(a, b)
            }
            let substitution = Dictionary(uniqueKeysWithValues: zip(decl.genericParameters, args))
            switch (a, b) {
            case (.structValue(let x), .structValue(let y)):
                for (i, p) in decl.storedProperties.enumerated() where !(try equal(x[i], y[i], type: p.type.substituting(substitution), cx, at: position)) {
                    return false
                }
                return true
            case (.enumValue(let t1, let p1), .enumValue(let t2, let p2)):
                guard t1 == t2 else { return false }
                guard let x = p1, let y = p2, let payload = decl.cases[t1].payload else { return true }
                for (i, e) in payload.enumerated() where !(try equal(x[i], y[i], type: e.type.substituting(substitution), cx, at: position)) {
                    return false
                }
                return true
            case (.instance(let x), .instance(let y)):
                return x === y
            default:
                return structurallyEqual(a, b)
            }
        default:
            return structurallyEqual(a, b)
        }
    }

    /// `a < b` for values of `type` (a Comparable type, or a tuple of them).
    func less(_ a: Value, _ b: Value, type staticType: CellType, _ cx: Context, at position: Int) throws(CellFailure) -> Bool {
        let type = cx.concrete(staticType)
        switch (a, b) {
        case (.int(let x), .int(let y)): return x < y
        case (.double(let x), .double(let y)): return x < y
        case (.string(let x), .string(let y)): return x < y
        case (.character(let x), .character(let y)): return x < y
        case (.substring(let x), .substring(let y)): return x.value < y.value
        case (.existential(let x), .existential(let y)): return try less(x.value, y.value, type: x.type, cx, at: position)
        default: break
        }
        switch type {
        case .tuple(let elements):
            guard case .tuple(let x) = a, case .tuple(let y) = b else { return false }
            for (i, e) in elements.enumerated() {
                if try less(x[i], y[i], type: e.type, cx, at: position) { return true }
                if try less(y[i], x[i], type: e.type, cx, at: position) { return false }
            }
            return false
        case .nominal(let decl, let args):
            if let op = userOperator("<", for: type) {
                let r = try call(op, receiver: nil, arguments: [a, b], typeArguments: args, cx, at: position, callerSource: nil)
                if case .bool(let result) = r { return result }
            }
            if decl.synthesizes.contains("Comparable"), case .enumValue(let x, _) = a, case .enumValue(let y, _) = b { return x < y }
        default:
            break
        }
        throw CellFailure(.runtime, "internal error: values of type '\(type)' cannot be ordered", at: position)
    }

    /// A cell's own operator for a type (`static func ==`), if it declared one.
    func userOperator(_ name: String, for type: CellType) -> FunctionDecl? {
        guard case .nominal(let decl, _) = type else { return nil }
        if let cached = operatorCache[OperatorKey(name: name, decl: ObjectIdentifier(decl))] { return cached.value }
        var found: FunctionDecl?
        let candidates = (decl.staticMembers[name] ?? []) + (extensions.staticMembers[ObjectIdentifier(decl)]?[name] ?? [])
        for case .method(let f) in candidates where f.parameters.count == 2 {
            found = f
            break
        }
        if found == nil {
            for f in extensions.infixOperators[name] ?? [] where f.parameters.count == 2 {
                if case .nominal(let d, _) = f.parameters[0].type, d === decl { found = f; break }
            }
        }
        operatorCache[OperatorKey(name: name, decl: ObjectIdentifier(decl))] = OperatorEntry(value: found)
        return found
    }

    private struct OperatorKey: Hashable {
        let name: String
        let decl: ObjectIdentifier
    }

    private struct OperatorEntry {
        let value: FunctionDecl?
    }

    private var operatorCache: [OperatorKey: OperatorEntry] = [:]
}
