/// A member found by name on a type, with what its owner's generic parameters are there.
struct FoundMember {
    let member: Member
    /// The owner's generic parameters (a protocol's `Self` and associated types) as this type has them.
    var substitution: [GenericParameter: CellType]
    /// Found through a protocol: one of its requirements, or a default from an extension.
    var viaProtocol: NominalDecl?
    /// A requirement reached on a generic or existential value: its type's witness runs.
    var isWitness = false
}

/// Finds members by name, for the checker and for the runtime (witnesses, descriptions).
struct MemberLookup {
    let registry: Registry
    let extensions: SessionExtensions

    // MARK: Finding members

    /// Every member of the type with that name: its own, its extensions', its superclasses',
    /// and the defaults of the protocols it conforms to (the type's own win over defaults).
    func memberCandidates(of type: CellType, named name: String, isStatic: Bool) -> [FoundMember] {
        switch type {
        case .parameter(let p):
            var found: [FoundMember] = []
            var seen: Set<NominalDecl> = []
            for proto in p.conformances {
                for q in [proto] + proto.allConformances where seen.insert(q).inserted {
                    found += protocolMembers(q, named: name, isStatic: isStatic, selfType: type, witness: true)
                }
            }
            if let sup = p.superclass { found += memberCandidates(of: sup, named: name, isStatic: isStatic) }
            return unique(found)
        case .existential(let protocols):
            var found: [FoundMember] = []
            var seen: Set<NominalDecl> = []
            for proto in protocols {
                for q in [proto] + proto.allConformances where seen.insert(q).inserted {
                    found += protocolMembers(q, named: name, isStatic: isStatic, selfType: type, witness: true)
                }
            }
            return unique(found)
        case .tuple, .function, .metatype, .variable, .void:
            return []
        default:
            guard let (decl, args) = registry.declaration(of: type) else { return [] }
            return concreteMembers(decl, arguments: args, type: type, named: name, isStatic: isStatic)
        }
    }

    private func concreteMembers(_ decl: NominalDecl, arguments: [CellType], type: CellType, named name: String,
                                 isStatic: Bool) -> [FoundMember] {
        var substitution: [GenericParameter: CellType] = [:]
        for (p, a) in zip(decl.genericParameters, arguments) { substitution[p] = a }
        var found: [FoundMember] = []
        let own = (isStatic ? decl.staticMembers[name] : decl.instanceMembers[name]) ?? []
        let added = (isStatic ? extensions.staticMembers : extensions.instanceMembers)[ObjectIdentifier(decl)]?[name] ?? []
        for m in own + added { found.append(FoundMember(member: m, substitution: substitution)) }
        // A class inherits its superclass's initializers only when it declares none.
        let inheritsInitializers = name != "init" || own.isEmpty && added.isEmpty
        if decl.isClass, let sup = decl.superclass, inheritsInitializers {
            for m in memberCandidates(of: sup.substituting(substitution), named: name, isStatic: isStatic)
            where !found.contains(where: { sameShape($0.member, m.member) }) {
                found.append(m)
            }
        }
        var protocols = decl.allConformances
        for p in extensions.extraConformances(of: decl) where !protocols.contains(p) { protocols += [p] + p.allConformances }
        for proto in protocols {
            for m in protocolMembers(proto, named: name, isStatic: isStatic, selfType: type, witness: false)
            where !found.contains(where: { sameShape($0.member, m.member) }) {
                found.append(m)
            }
        }
        return found
    }

    /// A protocol's members of that name: its requirements (when reached on a generic or
    /// existential value) and the defaults its extensions give.
    private func protocolMembers(_ proto: NominalDecl, named name: String, isStatic: Bool, selfType: CellType,
                                 witness: Bool) -> [FoundMember] {
        var substitution: [GenericParameter: CellType] = [:]
        if let selfParameter = proto.selfParameter { substitution[selfParameter] = selfType }
        for (i, assoc) in proto.associatedTypeNames.enumerated() where i + 1 < proto.genericParameters.count {
            substitution[proto.genericParameters[i + 1]] = associatedType(assoc, of: selfType) ?? .parameter(proto.genericParameters[i + 1])
        }
        var found: [FoundMember] = []
        if witness {
            for m in proto.requirements[name] ?? [] where memberIsStatic(m) == isStatic {
                found.append(FoundMember(member: m, substitution: substitution, viaProtocol: proto, isWitness: true))
            }
        }
        let defaults = (isStatic ? proto.staticMembers[name] : proto.instanceMembers[name]) ?? []
        let added = (isStatic ? extensions.staticMembers : extensions.instanceMembers)[ObjectIdentifier(proto)]?[name] ?? []
        for m in defaults + added where !found.contains(where: { sameShape($0.member, m) }) {
            found.append(FoundMember(member: m, substitution: substitution, viaProtocol: proto))
        }
        return found
    }

    private func memberIsStatic(_ m: Member) -> Bool {
        switch m {
        case .method(let f): f.isStatic || f.isInitializer
        case .property(let p): p.isStatic
        case .enumCase, .nestedType: true
        case .subscript(let s): s.isStatic
        }
    }

    /// What a type's associated type is (`Element` of a collection, `RawValue` of an enum).
    func associatedType(_ name: String, of type: CellType) -> CellType? {
        switch name {
        case "Element": return registry.sequenceElement(of: type)
        case "RawValue":
            if case .nominal(let d, _) = type { return d.rawType }
            return nil
        default:
            if case .nominal(let d, let args) = type, let t = d.associatedTypes[name] {
                return t.substituting(Dictionary(uniqueKeysWithValues: zip(d.genericParameters, args)))
            }
            return registry.declaration(of: type)?.0.associatedTypes[name]
        }
    }

    /// Two members one of which hides the other: same name, same argument labels.
    private func sameShape(_ a: Member, _ b: Member) -> Bool {
        switch (a, b) {
        case (.method(let f), .method(let g)):
            // Same name and parameters; a different result type is an overload (`reversed()`
            // gives an array from Sequence, a ReversedCollection from BidirectionalCollection).
            return f.name == g.name && f.parameters.map(\.label) == g.parameters.map(\.label)
                && f.parameters.map { $0.type.description } == g.parameters.map { $0.type.description }
                && f.resultType.description == g.resultType.description
                // `where Element == String` and `where Element == Substring` are two overloads.
                && f.requirements.map { "\($0)" } == g.requirements.map { "\($0)" }
        case (.property(let p), .property(let q)): return p.name == q.name
        case (.subscript(let p), .subscript(let q)):
            return p.parameters.map(\.label) == q.parameters.map(\.label)
                && p.parameters.map { $0.type.description } == q.parameters.map { $0.type.description }
        default: return false
        }
    }

    private func unique(_ members: [FoundMember]) -> [FoundMember] {
        var out: [FoundMember] = []
        for m in members where !out.contains(where: { sameShape($0.member, m.member) }) { out.append(m) }
        return out
    }
}

extension Checker {
    var lookup: MemberLookup { MemberLookup(registry: registry, extensions: extensions) }

    func memberCandidates(of type: CellType, named name: String, isStatic: Bool) -> [FoundMember] {
        lookup.memberCandidates(of: type, named: name, isStatic: isStatic)
    }

    func associatedType(_ name: String, of type: CellType) -> CellType? {
        lookup.associatedType(name, of: type)
    }

    /// Every member name of a type, for "did you mean".
    func memberNames(of type: CellType, isStatic: Bool) -> [String] {
        guard let (decl, _) = registry.declaration(of: type) else {
            if case .parameter(let p) = type { return p.conformances.flatMap { Array($0.requirements.keys) + Array($0.instanceMembers.keys) } }
            return []
        }
        var names = Array((isStatic ? decl.staticMembers : decl.instanceMembers).keys)
        names += (isStatic ? extensions.staticMembers : extensions.instanceMembers)[ObjectIdentifier(decl)]?.keys.map { $0 } ?? []
        for p in decl.allConformances { names += (isStatic ? p.staticMembers : p.instanceMembers).keys }
        return names
    }

    // MARK: Resolving a member constraint

    func resolveMember(_ m: MemberConstraint, base: CellType, state: inout SolverState) -> Result<[Constraint], SolverFailure> {
        var lookupType = base
        var isStatic = m.isStatic
        var throughOptional = false
        if m.isImplicit {
            isStatic = true
            if case .optional(let wrapped) = base, memberCandidates(of: base, named: m.name, isStatic: true).isEmpty {
                lookupType = wrapped
                throughOptional = true
            }
        } else if isStatic, case .metatype(let t) = base {
            lookupType = t
        }
        if !isStatic, case .tuple(let elements) = base, let i = elements.firstIndex(where: { $0.label == m.name }) {
            let candidate = OverloadCandidate(target: .tupleElement(i), argumentMapping: nil, genericArguments: [], baseType: base,
                                              parameterTypes: [], resultType: elements[i].type)
            state.memberCandidates[m.point] = [candidate]
            state.choices[m.point] = 0
            if let call = m.call {
                return .success([.applicable(callee: elements[i].type, arguments: call, result: m.type, at: m.position)])
            }
            return .success([.equal(m.type, elements[i].type, at: m.position)])
        }
        let found = memberCandidates(of: lookupType, named: m.name, isStatic: isStatic)
        if found.isEmpty {
            return .failure(missingMember(m, base: lookupType, isStatic: isStatic, state: state))
        }
        var candidates: [OverloadCandidate] = []
        var options: [DisjunctionOption] = []
        var mismatches: [ArgumentMismatch] = []
        for member in found {
            switch makeOption(member, base: lookupType, m: m, state: &state) {
            case .success(let (candidate, option)):
                candidate.throughOptional = throughOptional
                candidates.append(candidate)
                options.append(option)
            case .failure(let mismatch):
                mismatches.append(mismatch)
            }
        }
        if candidates.isEmpty {
            if found.count == 1, let mismatch = mismatches.first { return .failure(mismatch.failure) }
            if let call = m.call {
                return .failure(SolverFailure(message: "no exact matches in call to \(isStatic ? "static " : "")\(describeMember(found))",
                                              position: m.position,
                                              notes: ["the arguments are (\(call.map { ($0.label.map { "\($0): " } ?? "") + Solver.describe($0.type, state) }.joined(separator: ", ")))",
                                                      "candidates: " + found.compactMap(candidateText).joined(separator: "; ")]))
            }
            return .failure(mismatches.first?.failure ?? SolverFailure(message: "no member '\(m.name)'", position: m.position))
        }
        state.memberCandidates[m.point] = candidates
        if options.count == 1 {
            state.choices[m.point] = 0
            state.score = state.score + options[0].cost
            return .success(options[0].constraints)
        }
        let subject: DisjunctionSubject = m.call.map { .call(name: m.name, arguments: $0) } ?? .member(base: lookupType, name: m.name)
        return .success([.disjunction(Disjunction(point: m.point, options: options, position: m.position, subject: subject))])
    }

    private func describeMember(_ found: [FoundMember]) -> String {
        guard let first = found.first else { return "member" }
        switch first.member {
        case .method(let f): return f.isInitializer ? "initializer" : "instance method '\(f.name)'"
        default: return "'\(first.member.name)'"
        }
    }

    private func candidateText(_ found: FoundMember) -> String? {
        if case .method(let f) = found.member { return f.declaration }
        return nil
    }

    private func missingMember(_ m: MemberConstraint, base: CellType, isStatic: Bool, state: SolverState) -> SolverFailure {
        if !isStatic, case .optional(let wrapped) = base, !memberCandidates(of: wrapped, named: m.name, isStatic: false).isEmpty {
            return SolverFailure(
                message: "value of optional type '\(base)' must be unwrapped to refer to member '\(m.name)' of wrapped base type '\(wrapped)'",
                position: m.position,
                notes: ["chain the optional using '?' to access member '\(m.name)' only for non-'nil' base values",
                        "force-unwrap using '!' to abort execution if the optional value contains 'nil'"])
        }
        if m.isImplicit {
            return SolverFailure(message: "type '\(base)' has no member '\(m.name)'", position: m.position)
        }
        var message = isStatic ? "type '\(base)' has no member '\(m.name)'" : "value of type '\(base)' has no member '\(m.name)'"
        if let near = nearestName(to: m.name, in: memberNames(of: base, isStatic: isStatic)) { message += "; did you mean '\(near)'?" }
        if !isStatic, !memberCandidates(of: base, named: m.name, isStatic: true).isEmpty {
            message = "static member '\(m.name)' cannot be used on instance of type '\(base)'"
        }
        return SolverFailure(message: message, position: m.position)
    }

    /// The constraints for using one candidate member as the constraint asks. A protocol
    /// member reached on a type whose `Element` is not known yet (`zip(a, b).map`, with a and
    /// b still literals) gets an unknown for it, tied to the base by a sequence constraint.
    func makeOption(_ found: FoundMember, base: CellType, m: MemberConstraint,
                    state: inout SolverState) -> Result<(OverloadCandidate, DisjunctionOption), ArgumentMismatch> {
        var found = found
        var opened: [Constraint] = []
        if let proto = found.viaProtocol {
            for (i, name) in proto.associatedTypeNames.enumerated() where i + 1 < proto.genericParameters.count && name == "Element" {
                let gp = proto.genericParameters[i + 1]
                guard case .parameter(let q)? = found.substitution[gp], q == gp else { continue }
                let v = state.newVariable(.genericParameter(name), at: m.position)
                found.substitution[gp] = v
                opened.append(.sequenceElement(sequence: base, element: v, at: m.position))
            }
        }
        let made = makeOptionWithAssociatedTypes(found, base: base, m: m, state: &state)
        guard !opened.isEmpty, case .success(let (candidate, option)) = made else { return made }
        var withOpened = option
        withOpened.constraints += opened
        return .success((candidate, withOpened))
    }

    private func makeOptionWithAssociatedTypes(_ found: FoundMember, base: CellType, m: MemberConstraint,
                                               state: inout SolverState) -> Result<(OverloadCandidate, DisjunctionOption), ArgumentMismatch> {
        var cost = Score()
        if found.viaProtocol != nil && !found.isWitness { cost.generic += 1 }
        switch found.member {
        case .property(let p):
            let type = p.type.substituting(found.substitution)
            let candidate = OverloadCandidate(target: .property(p), argumentMapping: nil, genericArguments: typeArguments(found, p.owner),
                                              baseType: base, parameterTypes: [], resultType: type)
            var constraints: [Constraint]
            if let call = m.call {
                constraints = [.applicable(callee: type, arguments: call, result: m.type, at: m.position)]
            } else {
                constraints = [.equal(m.type, type, at: m.position)]
            }
            if m.isImplicit { constraints.append(.convert(type, base, .other, at: m.position)) }
            return .success((candidate, DisjunctionOption(constraints: constraints, cost: cost)))
        case .enumCase(let c):
            let enumType = base
            if let payload = c.payload {
                let parameters = payload.enumerated().map { i, e in
                    ParameterDecl(label: e.label, name: e.label ?? "_", type: e.type.substituting(found.substitution),
                                  defaultValue: c.payloadDefaults[i])
                }
                if let call = m.call {
                    let mapping: [[Int]]
                    switch matchArguments(call, to: parameters, calleeName: c.name, at: m.position) {
                    case .success(let mp): mapping = mp
                    case .failure(let f): return .failure(f)
                    }
                    var constraints: [Constraint] = [.equal(m.type, enumType, at: m.position)]
                    var quick: [(CellType, CellType)] = []
                    for (pi, args) in mapping.enumerated() {
                        for ai in args {
                            constraints.append(.convert(call[ai].type, parameters[pi].type, .argument, at: call[ai].position))
                            quick.append((call[ai].type, parameters[pi].type))
                        }
                    }
                    let candidate = OverloadCandidate(target: .enumCase(c), argumentMapping: mapping, genericArguments: [],
                                                      baseType: enumType, parameterTypes: parameters.map(\.type), resultType: enumType)
                    return .success((candidate, DisjunctionOption(constraints: constraints, quickChecks: quick, cost: cost)))
                }
                let fn = CellType.function(FunctionType(parameters.map(\.type), enumType))
                let candidate = OverloadCandidate(target: .enumCase(c), argumentMapping: nil, genericArguments: [], baseType: enumType,
                                                  parameterTypes: parameters.map(\.type), resultType: fn)
                return .success((candidate, DisjunctionOption(constraints: [.equal(m.type, fn, at: m.position)], cost: cost)))
            }
            if m.call != nil {
                return .failure(ArgumentMismatch(SolverFailure(message: "enum case '\(c.name)' has no associated values", position: m.position)))
            }
            let candidate = OverloadCandidate(target: .enumCase(c), argumentMapping: nil, genericArguments: [], baseType: enumType,
                                              parameterTypes: [], resultType: enumType)
            return .success((candidate, DisjunctionOption(constraints: [.equal(m.type, enumType, at: m.position)], cost: cost)))
        case .nestedType(let nested):
            let type = CellType.metatype(nested.declaredType)
            let candidate = OverloadCandidate(target: .type(nested.declaredType), argumentMapping: nil, genericArguments: [],
                                              baseType: base, parameterTypes: [], resultType: type)
            return .success((candidate, DisjunctionOption(constraints: [.equal(m.type, type, at: m.position)], cost: cost)))
        case .subscript(let sub):
            guard let call = m.call else {
                return .failure(ArgumentMismatch(SolverFailure(message: "subscripts must be called with arguments", position: m.position)))
            }
            var substitution = found.substitution
            var typeArgs = typeArguments(found, sub.owner)
            var constraints: [Constraint] = []
            for gp in sub.genericParameters {
                let v = state.newVariable(.genericParameter(gp.name), at: m.position)
                substitution[gp] = v
                typeArgs.append(v)
                for p in gp.conformances { constraints.append(.conforms(v, p, at: m.position)) }
            }
            let parameterTypes = sub.parameters.map { $0.type.substituting(substitution) }
            let result = sub.resultType.substituting(substitution)
            switch argumentConstraints(call, parameters: sub.parameters, types: parameterTypes, calleeName: "subscript", at: m.position) {
            case .success(let (mapping, argumentConstraints, quick)):
                constraints += argumentConstraints
                constraints.append(.equal(m.type, result, at: m.position))
                if !sub.genericParameters.isEmpty { cost.generic += 1 }
                let candidate = OverloadCandidate(target: .subscript(sub), argumentMapping: mapping, genericArguments: typeArgs, baseType: base,
                                                  parameterTypes: parameterTypes, resultType: result)
                return .success((candidate, DisjunctionOption(constraints: constraints, quickChecks: quick, cost: cost)))
            case .failure(let mismatch):
                return .failure(mismatch)
            }
        case .method(let f):
            if m.isImplicit, !f.isInitializer, !f.isStatic {
                return .failure(ArgumentMismatch(SolverFailure(message: "instance member '\(f.name)' cannot be used on type '\(base)'",
                                                               position: m.position)))
            }
            var substitution = found.substitution
            var typeArgs = typeArguments(found, f.owner)
            var constraints: [Constraint] = []
            for gp in f.genericParameters {
                let v = state.newVariable(.genericParameter(gp.name), at: m.position)
                substitution[gp] = v
                typeArgs.append(v)
                for p in gp.conformances { constraints.append(.conforms(v, p, at: m.position)) }
            }
            for r in f.requirements { constraints.append(r.substituting(substitution).constraint(at: m.position)) }
            let parameterTypes = f.parameters.map { $0.type.substituting(substitution) }
            var result = f.resultType.substituting(substitution)
            if f.isFailableInitializer { result = .optional(result) }
            if f.isInitializer, case .metatype(let t) = base { result = f.isFailableInitializer ? .optional(t) : t }
            // An initializer a subclass inherits makes the subclass (`Sub(x: 1)` is a Sub).
            if f.isInitializer, !m.isImplicit, case .nominal(let d, _) = base, d.isClass {
                result = f.isFailableInitializer ? .optional(base) : base
            }
            if f.isInitializer, m.isImplicit { result = f.isFailableInitializer ? .optional(base) : base }
            if f.isDisfavored { cost.disfavored += 1 }
            if !f.genericParameters.isEmpty { cost.generic += 1 }
            let target: OverloadCandidate.Target = found.isWitness ? .requirement(f) : .function(f)
            if let call = m.call {
                switch argumentConstraints(call, parameters: f.parameters, types: parameterTypes, calleeName: f.signature, at: m.position) {
                case .success(let (mapping, argumentConstraints, quick)):
                    constraints += argumentConstraints
                    constraints.append(.equal(m.type, result, at: m.position))
                    if m.isImplicit { constraints.append(.convert(result, base, .other, at: m.position)) }
                    let candidate = OverloadCandidate(target: target, argumentMapping: mapping, genericArguments: typeArgs, baseType: base,
                                                      parameterTypes: parameterTypes, resultType: result)
                    return .success((candidate, DisjunctionOption(constraints: constraints, quickChecks: quick, cost: cost)))
                case .failure(let mismatch):
                    return .failure(mismatch)
                }
            }
            let fn = CellType.function(FunctionType(parameters: zip(f.parameters, parameterTypes).map { ParameterType($1, isInout: $0.isInout) },
                                                    result: result, throws: f.isThrowing))
            constraints.append(.equal(m.type, fn, at: m.position))
            cost.unappliedFunction += 1
            let candidate = OverloadCandidate(target: target, argumentMapping: nil, genericArguments: typeArgs, baseType: base,
                                              parameterTypes: parameterTypes, resultType: fn)
            return .success((candidate, DisjunctionOption(constraints: constraints, cost: cost)))
        }
    }

    /// The owner's generic arguments as the member sees them.
    private func typeArguments(_ found: FoundMember, _ owner: NominalDecl?) -> [CellType] {
        guard let owner else { return [] }
        return owner.genericParameters.map { found.substitution[$0] ?? .parameter($0) }
    }

    /// The conversions of a call's arguments to a candidate's parameters.
    func argumentConstraints(_ call: [CallArgument], parameters: [ParameterDecl], types: [CellType], calleeName: String,
                             at position: Int) -> Result<([[Int]], [Constraint], [(argument: CellType, parameter: CellType)]), ArgumentMismatch> {
        let mapping: [[Int]]
        switch matchArguments(call, to: parameters, calleeName: calleeName, at: position) {
        case .success(let m): mapping = m
        case .failure(let f): return .failure(f)
        }
        var constraints: [Constraint] = []
        var quick: [(argument: CellType, parameter: CellType)] = []
        for (pi, args) in mapping.enumerated() {
            let p = parameters[pi]
            var t = types[pi]
            if p.isAutoclosure, case .function(let f) = t { t = f.result }
            for ai in args {
                let a = call[ai]
                if p.isInout {
                    guard a.isInout else {
                        return .failure(ArgumentMismatch(SolverFailure(
                            message: "passing value of type '\(t)' to an inout parameter requires explicit '&'", position: a.position)))
                    }
                    constraints.append(.equal(a.type, t, at: a.position))
                } else {
                    if a.isInout {
                        return .failure(ArgumentMismatch(SolverFailure(message: "'&' used with non-inout argument of type '\(t)'",
                                                                       position: a.position)))
                    }
                    constraints.append(.convert(a.type, t, .argument, at: a.position))
                }
                quick.append((a.type, t))
            }
        }
        return .success((mapping, constraints, quick))
    }
}

/// Why a call's arguments do not fit a candidate (labels, counts).
struct ArgumentMismatch: Error {
    let failure: SolverFailure
    init(_ failure: SolverFailure) { self.failure = failure }
}

extension Checker {
    /// Matches a call's arguments to parameters by label, as Swift does: in order, defaults
    /// skipped, variadics taking the unlabelled arguments that follow, and a trailing closure
    /// going to the next parameter that can take a function.
    func matchArguments(_ arguments: [CallArgument], to parameters: [ParameterDecl], calleeName: String,
                        at position: Int) -> Result<[[Int]], ArgumentMismatch> {
        var mapping = Array(repeating: [Int](), count: parameters.count)
        var a = 0
        func fail(_ message: String, _ at: Int) -> Result<[[Int]], ArgumentMismatch> {
            .failure(ArgumentMismatch(SolverFailure(message: message, position: at)))
        }
        func acceptsFunction(_ p: ParameterDecl) -> Bool {
            switch p.type {
            case .function, .parameter, .existential: return true
            case .optional(let w): if case .function = w { return true }; return false
            default: return false
            }
        }
        for (pi, p) in parameters.enumerated() {
            guard a < arguments.count else {
                if p.defaultValue != nil || p.isVariadic { continue }
                let have = arguments.isEmpty ? position : arguments[arguments.count - 1].position
                return fail("missing argument for parameter \(p.label.map { "'\($0)'" } ?? "#\(pi + 1)") in call", have)
            }
            let arg = arguments[a]
            if arg.isTrailingClosure && arg.label == nil {
                // The unlabelled trailing closure: the next parameter that takes a function.
                if acceptsFunction(p) {
                    mapping[pi] = [a]
                    a += 1
                    continue
                }
                if p.defaultValue != nil || p.isVariadic { continue }
                return fail("trailing closure passed to parameter of type '\(p.type)' that does not accept a closure", arg.position)
            }
            if arg.label == p.label {
                mapping[pi] = [a]
                a += 1
                if p.isVariadic {
                    while a < arguments.count, arguments[a].label == nil, !arguments[a].isTrailingClosure {
                        mapping[pi].append(a)
                        a += 1
                    }
                }
                continue
            }
            if p.defaultValue != nil || p.isVariadic {
                // Skipped only if the argument belongs to a later parameter.
                if parameters[(pi + 1)...].contains(where: { $0.label == arg.label }) { continue }
            }
            if let label = p.label, arg.label == nil {
                // A later unlabelled parameter may take the argument only if this one can be left
                // out (`init(format:_:)` called with one unlabelled argument is missing its format).
                if p.defaultValue != nil || p.isVariadic { continue }
                if parameters[(pi + 1)...].contains(where: { $0.label == nil }) {
                    return fail("missing argument for parameter '\(label)' in call", arg.position)
                }
                return fail("missing argument label '\(label):' in call", arg.position)
            }
            if p.label == nil, let label = arg.label {
                return fail("extraneous argument label '\(label):' in call", arg.position)
            }
            if parameters[(pi + 1)...].contains(where: { $0.label == arg.label }) {
                if p.defaultValue != nil { continue }
                return fail("missing argument for parameter \(p.label.map { "'\($0)'" } ?? "#\(pi + 1)") in call", arg.position)
            }
            return fail("incorrect argument label in call (have '\(arg.label ?? "_"):', expected '\(p.label ?? "_"):')", arg.position)
        }
        if a < arguments.count {
            let extra = arguments[a]
            if let label = extra.label { return fail("extra argument '\(label)' in call", extra.position) }
            return fail("extra argument in call", extra.position)
        }
        return .success(mapping)
    }
}
