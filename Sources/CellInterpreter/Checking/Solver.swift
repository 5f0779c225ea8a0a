import Foundation
/// What the solver asks about types: conformances, literals, members and sequences.
protocol TypeEnvironment: AnyObject {
    /// Whether a type (with no variables left at its top) conforms to a protocol.
    func conforms(_ type: CellType, to proto: NominalDecl, state: SolverState) -> Bool
    /// Whether a literal of the kind can have the type.
    func acceptsLiteral(_ kind: LiteralKind, as type: CellType) -> Bool
    /// The constraints a member reference becomes once its base type is known.
    func resolveMember(_ member: MemberConstraint, base: CellType, state: inout SolverState) -> Result<[Constraint], SolverFailure>
    /// The element type of a sequence type, or nil when it is not one.
    func sequenceElement(of type: CellType) -> CellType?
    /// Whether a nominal declaration is the standard library's ArraySlice.
    func isArraySlice(_ decl: NominalDecl) -> Bool
}

/// Finds types for one expression (or one statement's expressions) that meet every constraint:
/// constraints are simplified until only choices are left; then, as Swift's solver does, it
/// tries the alternatives of one choice at a time, keeps the best-scoring solution and prunes
/// branches that cannot beat it. Literals left free take their default types last.
final class Solver {
    let environment: TypeEnvironment
    /// Branches explored; past the budget the expression is refused as too complex, as swiftc does.
    private var steps = 0
    static let stepBudget = 20_000
    private var best: SolverState?
    private var firstFailure: SolverFailure?
    private var exhausted = false

    init(environment: TypeEnvironment) {
        self.environment = environment
    }

    /// The best solution, or the error that explains why there is none.
    func solve(_ state: SolverState, at position: Int) -> Result<SolverState, SolverFailure> {
        explore(state)
        if let best { return .success(best) }
        if exhausted {
            return .failure(SolverFailure(
                message: "the compiler is unable to type-check this expression in reasonable time; try breaking up the expression into distinct sub-expressions",
                position: position))
        }
        return .failure(firstFailure ?? SolverFailure(message: "type of expression is ambiguous without a type annotation", position: position))
    }

    private func fail(_ failure: SolverFailure) {
        if firstFailure == nil { firstFailure = failure }
    }

    static let tracing = ProcessInfo.processInfo.environment["LECTERN_SOLVER_TRACE"] != nil

    private func explore(_ start: SolverState) {
        steps += 1
        if Self.tracing {
            print("explore step \(steps) score \(start.score.components)")
            for c in start.constraints { print("   ", c) }
            for (i, b) in start.bindings.enumerated() { print("    $\(i) = \(b.map { "\($0)" } ?? "nil") \(start.literals[i].map { "\($0)" } ?? "")") }
        }
        if steps > Self.stepBudget {
            exhausted = true
            return
        }
        var state = start
        if let failure = propagate(&state) {
            if Self.tracing { print("  failed: \(failure.message)") }
            fail(failure)
            return
        }
        if let best, !(state.score < best.score) { return }
        if state.constraints.isEmpty {
            finishWithDefaults(state)
            return
        }
        decide(state)
    }

    // MARK: Propagation

    /// Simplifies constraints until none can be; returns a failure if one cannot hold.
    private func propagate(_ state: inout SolverState) -> SolverFailure? {
        var progress = true
        while progress {
            progress = false
            let pending = state.constraints
            state.constraints = []
            var index = 0
            while index < pending.count {
                let constraint = pending[index]
                index += 1
                switch simplify(constraint, &state) {
                case .solved:
                    progress = true
                case .unsolved:
                    state.constraints.append(constraint)
                case .failed(let failure):
                    return failure
                }
            }
        }
        return nil
    }

    enum Outcome {
        case solved
        case unsolved
        case failed(SolverFailure)
    }

    private func simplify(_ constraint: Constraint, _ state: inout SolverState) -> Outcome {
        switch constraint {
        case .equal(let a, let b, let position):
            if let failure = unify(a, b, &state, at: position) { return .failed(failure) }
            return .solved
        case .convert(let a, let b, let site, let position):
            return convert(a, b, site, &state, at: position)
        case .conforms(let t, let proto, let position):
            let type = state.shallow(t)
            if case .variable(let v) = type {
                // A literal's type is not known until it is defaulted.
                _ = v
                return .unsolved
            }
            let full = state.resolved(type)
            if !full.isResolved, !Self.canDecideConformance(full) { return .unsolved }
            if environment.conforms(full, to: proto, state: state) { return .solved }
            return .failed(SolverFailure(message: "type '\(full)' does not conform to protocol '\(proto.name)'", position: position))
        case .disjunction(let d):
            return simplifyDisjunction(d, &state)
        case .member(let m):
            let base = state.shallow(m.base)
            if case .variable = base { return .unsolved }
            switch environment.resolveMember(m, base: state.resolved(base), state: &state) {
            case .success(let constraints):
                if Self.tracing { print("  member \(m.name) → \(constraints)") }
                state.constraints.append(contentsOf: constraints)
                return .solved
            case .failure(let failure):
                return .failed(failure)
            }
        case .applicable(let callee, let arguments, let result, let position):
            return applicable(callee, arguments, result, &state, at: position)
        case .optionalObject(let optional, let wrapped, let position, let chaining):
            let t = state.shallow(optional)
            switch t {
            case .variable: return .unsolved
            case .optional(let w):
                if let failure = unify(w, wrapped, &state, at: position) { return .failed(failure) }
                return .solved
            default:
                let shown = state.resolved(t)
                return .failed(SolverFailure(
                    message: chaining ? "cannot use optional chaining on non-optional value of type '\(shown)'"
                        : "cannot force unwrap value of non-optional type '\(shown)'",
                    position: position))
            }
        case .closureBody(let closure):
            for p in closure.type.parameters where !state.resolved(p.type).isResolved { return .unsolved }
            if let failure = closure.check(&state) { return .failed(failure) }
            return .solved
        case .tupleElement(let tuple, let access, let type, let position):
            let t = state.shallow(tuple)
            guard case .tuple(let elements) = t else {
                if case .variable = t { return .unsolved }
                return .failed(SolverFailure(message: "value of type '\(state.resolved(t))' has no member '\(access)'", position: position))
            }
            let index: Int?
            switch access {
            case .index(let i): index = i < elements.count ? i : nil
            case .label(let l): index = elements.firstIndex { $0.label == l }
            }
            guard let index else {
                return .failed(SolverFailure(message: "value of tuple type '\(state.resolved(t))' has no member '\(access.text)'", position: position))
            }
            if let failure = unify(elements[index].type, type, &state, at: position) { return .failed(failure) }
            return .solved
        case .chainResult(let inner, let result, let position):
            let t = state.shallow(inner)
            switch t {
            case .variable: return .unsolved
            case .optional: return outcome(unify(t, result, &state, at: position))
            default: return outcome(unify(.optional(t), result, &state, at: position))
            }
        case .sequenceElement(let sequence, let element, let position):
            let t = state.shallow(sequence)
            if case .variable = t { return .unsolved }
            let full = state.resolved(t)
            guard let e = environment.sequenceElement(of: full) else {
                // Zip2Sequence<α, β>: the element is known once α and β are.
                if !full.isResolved { return .unsolved }
                return .failed(SolverFailure(message: "for-in loop requires '\(full)' to conform to 'Sequence'", position: position))
            }
            if let failure = unify(e, element, &state, at: position) { return .failed(failure) }
            return .solved
        }
    }

    /// Conformance of a type with variables inside (`[α]`) can be decided only for a few shapes.
    private static func canDecideConformance(_ type: CellType) -> Bool {
        if case .nominal = type { return true }
        return false
    }

    // MARK: Unification

    /// Makes two types the same, binding variables; returns why not when they cannot be.
    func unify(_ a: CellType, _ b: CellType, _ state: inout SolverState, at position: Int) -> SolverFailure? {
        let x = state.shallow(a), y = state.shallow(b)
        if x == y { return nil }
        if case .variable(let v) = x { return bind(v, to: y, &state, at: position) }
        if case .variable(let v) = y { return bind(v, to: x, &state, at: position) }
        let mismatch = SolverFailure(message: "cannot convert value of type '\(state.resolved(x))' to type '\(state.resolved(y))'",
                                     position: position)
        switch (x, y) {
        case (.array(let p), .array(let q)), (.set(let p), .set(let q)), (.optional(let p), .optional(let q)),
             (.metatype(let p), .metatype(let q)):
            return unify(p, q, &state, at: position) == nil ? nil : mismatch
        case (.dictionary(let k1, let v1), .dictionary(let k2, let v2)):
            if unify(k1, k2, &state, at: position) != nil || unify(v1, v2, &state, at: position) != nil { return mismatch }
            return nil
        case (.tuple(let p), .tuple(let q)):
            guard p.count == q.count, zip(p, q).allSatisfy({ $0.label == $1.label }) else { return mismatch }
            for (e1, e2) in zip(p, q) where unify(e1.type, e2.type, &state, at: position) != nil { return mismatch }
            return nil
        case (.function(let f), .function(let g)):
            guard f.parameters.count == g.parameters.count, f.throws == g.throws else { return mismatch }
            for (p1, p2) in zip(f.parameters, g.parameters) {
                guard p1.isInout == p2.isInout, p1.isVariadic == p2.isVariadic else { return mismatch }
                if unify(p1.type, p2.type, &state, at: position) != nil { return mismatch }
            }
            return unify(f.result, g.result, &state, at: position) == nil ? nil : mismatch
        case (.nominal(let d1, let args1), .nominal(let d2, let args2)):
            guard d1 === d2, args1.count == args2.count else { return mismatch }
            for (p, q) in zip(args1, args2) where unify(p, q, &state, at: position) != nil { return mismatch }
            return nil
        default:
            return mismatch
        }
    }

    private func bind(_ v: Int, to type: CellType, _ state: inout SolverState, at position: Int) -> SolverFailure? {
        if case .variable(let w) = type {
            // Two unknowns become one; their literal requirements merge.
            let merged: LiteralKind?
            switch (state.literals[v], state.literals[w]) {
            case (nil, let k), (let k, nil): merged = k
            case (let k1?, let k2?):
                switch (k1, k2) {
                case (.integer, .float), (.float, .integer): merged = .float
                case (.array(let e1), .array(let e2)):
                    if let failure = unify(e1, e2, &state, at: position) { return failure }
                    merged = k1
                case (.dictionary(let a1, let b1), .dictionary(let a2, let b2)):
                    if let failure = unify(a1, a2, &state, at: position) { return failure }
                    if let failure = unify(b1, b2, &state, at: position) { return failure }
                    merged = k1
                default:
                    guard k1 == k2 else {
                        return SolverFailure(message: "cannot convert a \(k1.noun) to \(k2.article) \(k2.noun)", position: position)
                    }
                    merged = k1
                }
            }
            state.bindings[v] = type
            state.literals[w] = merged
            return nil
        }
        if occurs(v, in: type, state) {
            return SolverFailure(message: "cannot infer a type that contains itself", position: position)
        }
        if let literal = state.literals[v] {
            if let failure = checkLiteral(literal, as: type, &state, at: position) { return failure }
        }
        state.bindings[v] = type
        return nil
    }

    /// A literal may take `type` if the type is expressible by it; a non-default type costs.
    private func checkLiteral(_ literal: LiteralKind, as type: CellType, _ state: inout SolverState, at position: Int) -> SolverFailure? {
        switch (literal, type) {
        case (.array(let e), .nominal(let d, let args)) where environment.isArraySlice(d) && args.count == 1:
            if let failure = unify(e, args[0], &state, at: position) { return failure }
            state.score.nonDefaultLiteral += 1
            return nil
        case (.array(let e), .array(let t)), (.array(let e), .set(let t)):
            if let failure = unify(e, t, &state, at: position) { return failure }
            if case .set = type { state.score.nonDefaultLiteral += 1 }
            return nil
        case (.dictionary(let k, let v), .dictionary(let kt, let vt)):
            if let failure = unify(k, kt, &state, at: position) { return failure }
            return unify(v, vt, &state, at: position)
        default:
            break
        }
        let resolvedType = state.resolved(type)
        if case .optional(let w) = resolvedType, !w.isOptional, literal.defaultType != nil, literal != .nilLiteral,
           environment.acceptsLiteral(literal, as: w) {
            // `[1, nil, 3]` as [Int?]: each literal element is a value wrapped in an optional.
            state.score.valueToOptional += 1
            if let d = literal.defaultType, d != w { state.score.nonDefaultLiteral += 1 }
            return nil
        }
        guard environment.acceptsLiteral(literal, as: resolvedType) else {
            return SolverFailure(message: literalMismatch(literal, resolvedType), position: position)
        }
        if let d = literal.defaultType, d != type, !(literal == .nilLiteral) {
            state.score.nonDefaultLiteral += 1
        }
        return nil
    }

    private func literalMismatch(_ literal: LiteralKind, _ type: CellType) -> String {
        switch literal {
        case .nilLiteral: return "'nil' is not compatible with expected type '\(type)'"
        case .array: return "cannot convert value of type '[_]' to specified type '\(type)'"
        case .dictionary: return "dictionary of type '\(type)' cannot be used with dictionary literal"
        default: return "cannot convert value of type '\(literal.defaultType!)' to specified type '\(type)'"
        }
    }

    private func occurs(_ v: Int, in type: CellType, _ state: SolverState) -> Bool {
        var found = false
        _ = type.rewritten { t in
            if case .variable(let w) = t {
                if w == v { found = true } else if let b = state.bindings[w], occurs(v, in: b, state) { found = true }
                return t
            }
            return nil
        }
        return found
    }

    // MARK: Conversion

    private func convert(_ a: CellType, _ b: CellType, _ site: ConversionSite, _ state: inout SolverState, at position: Int) -> Outcome {
        let from = state.shallow(a), to = state.shallow(b)
        if from == to { return .solved }
        if site == .closureBody {
            // A closure that returns Void may end in an expression of any type (its value is dropped).
            if to == .void { return .solved }
            if case .variable = to { return .unsolved }
        }
        switch (from, to) {
        case (.variable(let v), .variable):
            // A literal meeting a plain unknown waits; two literals can merge later.
            _ = v
            return .unsolved
        case (.variable(let v), _):
            if let literal = state.literals[v] {
                switch (literal, to) {
                case (.nilLiteral, .optional):
                    return outcome(unify(from, to, &state, at: position))
                case (.nilLiteral, _):
                    return .failed(SolverFailure(message: "'nil' is not compatible with expected \(siteNoun(site)) type '\(state.resolved(to))'", position: position))
                case (_, .optional(let w)):
                    if environment.acceptsLiteral(literal, as: state.resolved(to)) { return outcome(unify(from, to, &state, at: position)) }
                    state.score.valueToOptional += 1
                    return convert(from, w, site, &state, at: position)
                case (_, .existential):
                    return .unsolved
                case (.array(let e), .array(let t)) where state.resolved(e).isResolved && state.resolved(t).isResolved
                                                          && state.resolved(e) != state.resolved(t):
                    // The elements' own conversions already typed them ([Circle]): the literal keeps
                    // that type and converts as an array value does ([Circle] to [any Shape]).
                    let own = CellType.array(state.resolved(e))
                    if let failure = unify(from, own, &state, at: position) { return .failed(failure) }
                    return convertResolved(own, state.resolved(to), site, &state, at: position)
                default:
                    return outcome(unify(from, to, &state, at: position), site: site, from: from, to: to, state)
                }
            }
            if Self.mayHaveSubtypes(to) { return .unsolved }
            return outcome(unify(from, to, &state, at: position), site: site, from: from, to: to, state)
        case (_, .variable):
            return .unsolved
        default:
            break
        }
        return convertResolved(from, to, site, &state, at: position)
    }

    /// Types a different type converts to (so an unknown converting to one is not simply it).
    private static func mayHaveSubtypes(_ type: CellType) -> Bool {
        switch type {
        case .optional, .existential, .function: return true
        case .nominal(let d, _): return d.isClass
        case .array(let e), .set(let e): return mayHaveSubtypes(e)
        case .dictionary(_, let v): return mayHaveSubtypes(v)
        case .tuple(let elements): return elements.contains { mayHaveSubtypes($0.type) }
        default: return false
        }
    }

    private func convertResolved(_ from: CellType, _ to: CellType, _ site: ConversionSite, _ state: inout SolverState, at position: Int) -> Outcome {
        switch (from, to) {
        case (.optional(let p), .optional(let q)):
            let inner = state.shallow(p)
            if case .variable = inner { return .unsolved }
            if case .variable = state.shallow(q) {
                // `T?` into `U?` with U unknown: U is found as T would be (a lower bound).
                state.add(.convert(p, q, site, at: position))
                return .solved
            }
            return convert(p, q, site, &state, at: position)
        case (_, .optional(let w)):
            state.score.valueToOptional += 1
            return convert(from, w, site, &state, at: position)
        case (_, .existential(let protocols)):
            if case .existential(let have) = from {
                return protocols.allSatisfy({ p in have.contains { $0.conforms(to: p) } }) ? .solved
                    : .failed(conversionFailure(from, to, site, state, at: position))
            }
            let full = state.resolved(from)
            if !full.isResolved, !protocols.isEmpty { return .unsolved }
            for p in protocols where !environment.conforms(full, to: p, state: state) {
                return .failed(SolverFailure(
                    message: "\(siteSubject(site)) of type '\(full)' does not conform to \(siteNoun(site).isEmpty ? "" : "expected \(siteNoun(site)) ")type '\(p.name)'",
                    position: position))
            }
            state.score.existentialConversion += 1
            return .solved
        case (.nominal(let d1, _), .nominal(let d2, _)) where d1.isClass && d2.isClass && d1 !== d2:
            if d1.isSubclass(of: d2) { return .solved }
            return .failed(conversionFailure(from, to, site, state, at: position))
        case (.array(let p), .array(let q)), (.set(let p), .set(let q)):
            let elementSite: ConversionSite = site == .argument ? .other : site
            let r = convert(p, q, elementSite, &state, at: position)
            if case .failed = r { return .failed(conversionFailure(from, to, site, state, at: position)) }
            if case .unsolved = r {
                // [A] into [B] holds exactly when A converts to B: wait on the elements alone,
                // so an unknown element type is found from them.
                state.add(.convert(p, q, elementSite, at: position))
                return .solved
            }
            return r
        case (.dictionary(let k1, let v1), .dictionary(let k2, let v2)):
            if unify(k1, k2, &state, at: position) != nil { return .failed(conversionFailure(from, to, site, state, at: position)) }
            let r = convert(v1, v2, .other, &state, at: position)
            if case .failed = r { return .failed(conversionFailure(from, to, site, state, at: position)) }
            return r
        case (.function(let f), .function(let g)) where f.parameters.count > 1 && g.parameters.count == 1:
            // A closure of n parameters where a function of one n-tuple is expected
            // (`zip(a, b).map { $0 + $1 }`): each element goes to one parameter.
            let single = state.shallow(g.parameters[0].type)
            if case .variable = single { return .unsolved }
            guard case .tuple(let elements) = single, elements.count == f.parameters.count, !f.throws || g.throws,
                  !f.parameters.contains(where: \.isInout) else {
                return .failed(conversionFailure(from, to, site, state, at: position))
            }
            if f.throws != g.throws { state.score.functionConversion += 1 }
            for (p, e) in zip(f.parameters, elements) { state.add(.convert(e.type, p.type, .other, at: position)) }
            state.add(.convert(f.result, g.result, .other, at: position))
            return .solved
        case (.function(let f), .function(let g)):
            guard f.parameters.count == g.parameters.count, !f.throws || g.throws else {
                return .failed(conversionFailure(from, to, site, state, at: position))
            }
            if f.throws != g.throws { state.score.functionConversion += 1 }
            for (p, q) in zip(f.parameters, g.parameters) {
                if !p.isInout, q.isInout, case .variable(let v) = p.type, case .closureParameter = state.origins[v] {
                    // An untyped closure parameter takes `inout` from its context, as in Swift.
                    state.inoutClosureParameters.insert(v)
                    state.add(.equal(q.type, p.type, at: position))
                    continue
                }
                guard p.isInout == q.isInout else { return .failed(conversionFailure(from, to, site, state, at: position)) }
                state.add(p.isInout ? .equal(q.type, p.type, at: position) : .convert(q.type, p.type, .other, at: position))
            }
            state.add(.convert(f.result, g.result, .other, at: position))
            return .solved
        case (.tuple(let p), .tuple(let q)):
            guard p.count == q.count, zip(p, q).allSatisfy({ $0.label == nil || $1.label == nil || $0.label == $1.label }) else {
                return .failed(conversionFailure(from, to, site, state, at: position))
            }
            for (x, y) in zip(p, q) { state.add(.convert(x.type, y.type, .other, at: position)) }
            return .solved
        case (.never, _) where site == .returnValue:
            return .solved
        default:
            return outcome(unify(from, to, &state, at: position), site: site, from: from, to: to, state)
        }
    }

    private func outcome(_ failure: SolverFailure?) -> Outcome {
        failure.map(Outcome.failed) ?? .solved
    }

    private func outcome(_ failure: SolverFailure?, site: ConversionSite, from: CellType, to: CellType, _ state: SolverState) -> Outcome {
        guard let failure else { return .solved }
        return .failed(conversionFailure(from, to, site, state, at: failure.position))
    }

    /// The words swiftc uses for a conversion that cannot happen, by where it happens.
    func conversionFailure(_ from: CellType, _ to: CellType, _ site: ConversionSite, _ state: SolverState, at position: Int) -> SolverFailure {
        var f = state.resolved(from), t = state.resolved(to)
        if case .variable(let v) = f, let literal = state.literals[v], let d = literal.defaultType { f = d }
        if case .variable(let v) = t, let literal = state.literals[v], let d = literal.defaultType { t = d }
        let fromText = Self.describe(f, state), toText = Self.describe(t, state)
        var notes: [String] = []
        var message: String
        switch site {
        case .argument: message = "cannot convert value of type '\(fromText)' to expected argument type '\(toText)'"
        case .annotation: message = "cannot convert value of type '\(fromText)' to specified type '\(toText)'"
        case .assignment: message = "cannot assign value of type '\(fromText)' to type '\(toText)'"
        case .returnValue: message = "cannot convert return expression of type '\(fromText)' to return type '\(toText)'"
        case .collectionElement: message = "cannot convert value of type '\(fromText)' to expected element type '\(toText)'"
        case .closureBody: message = "cannot convert value of type '\(fromText)' to closure result type '\(toText)'"
        case .condition:
            if f.isOptional {
                message = "optional type '\(fromText)' cannot be used as a boolean; test for '!= nil' instead"
            } else if f == .int || f == .double {
                message = "type '\(fromText)' cannot be used as a boolean; test for '!= 0' instead"
            } else {
                message = "cannot convert value of type '\(fromText)' to expected condition type 'Bool'"
            }
            return SolverFailure(message: message, position: position)
        case .other: message = "cannot convert value of type '\(fromText)' to '\(toText)'"
        }
        if case .optional(let w) = f, w == t {
            message = "value of optional type '\(fromText)' must be unwrapped to a value of type '\(toText)'"
            notes = ["coalesce using '??' to provide a default when the optional value contains 'nil'",
                     "force-unwrap using '!' to abort execution if the optional value contains 'nil'"]
        } else if (f == .int && t == .double) || (f == .double && t == .int) {
            notes = ["convert explicitly: \(t)(…)"]
        }
        return SolverFailure(message: message, position: position, notes: notes)
    }

    static func describe(_ type: CellType, _ state: SolverState) -> String {
        state.resolved(type).rewritten { t in
            if case .variable(let v) = t, let d = state.literals[v]?.defaultType { return d }
            return nil
        }.description
    }

    private func siteNoun(_ site: ConversionSite) -> String {
        switch site {
        case .argument: "argument"
        case .annotation: "specified"
        case .returnValue: "return"
        case .collectionElement: "element"
        default: ""
        }
    }

    private func siteSubject(_ site: ConversionSite) -> String {
        switch site {
        case .argument: "argument"
        case .returnValue: "return expression"
        default: "value"
        }
    }

    // MARK: Calls of function values

    private func applicable(_ callee: CellType, _ arguments: [CallArgument], _ result: CellType, _ state: inout SolverState,
                            at position: Int) -> Outcome {
        let t = state.shallow(callee)
        switch t {
        case .variable:
            return .unsolved
        case .function(let f):
            guard f.parameters.count == arguments.count || (f.parameters.last?.isVariadic ?? false) else {
                let expected = f.parameters.count
                return .failed(SolverFailure(
                    message: arguments.count > expected ? "extra argument in call" : "missing argument in call",
                    position: position, notes: ["the function takes \(expected) argument\(expected == 1 ? "" : "s")"]))
            }
            if let labelled = arguments.first(where: { $0.label != nil && !$0.isTrailingClosure }) {
                return .failed(SolverFailure(message: "extraneous argument label '\(labelled.label!):' in call", position: labelled.position))
            }
            for (i, argument) in arguments.enumerated() {
                let p = f.parameters[min(i, f.parameters.count - 1)]
                if p.isInout {
                    state.add(.equal(argument.type, p.type, at: argument.position))
                } else {
                    state.add(.convert(argument.type, p.type, .argument, at: argument.position))
                }
            }
            state.add(.equal(f.result, result, at: position))
            return .solved
        case .optional:
            return .failed(SolverFailure(message: "value of optional type '\(state.resolved(t))' must be unwrapped", position: position,
                                         notes: ["use '?' to call it only when it is not nil: f?(…)"]))
        default:
            return .failed(SolverFailure(message: "cannot call value of non-function type '\(state.resolved(t))'", position: position))
        }
    }

    // MARK: Choices

    private func viableOptions(_ d: Disjunction, _ state: SolverState) -> [Int] {
        var viable: [Int] = []
        for (i, option) in d.options.enumerated() where quickCheck(option, state) { viable.append(i) }
        return viable
    }

    /// False when an argument's known type clearly cannot be passed as the parameter's.
    private func quickCheck(_ option: DisjunctionOption, _ state: SolverState) -> Bool {
        for (argument, parameter) in option.quickChecks {
            let a = state.shallow(argument), p = state.shallow(parameter)
            switch (a, p) {
            case (.variable(let v), .variable):
                _ = v
                continue
            case (.variable(let v), _):
                if let literal = state.literals[v] {
                    var target = state.resolved(p)
                    if literal != .nilLiteral, case .optional(let w) = target { target = w }
                    if case .array = literal, case .array = target { continue }
                    if case .array = literal, case .set = target { continue }
                    if case .dictionary = literal, case .dictionary = target { continue }
                    if case .parameter = target { if environment.acceptsLiteral(literal, as: target) { continue } else { return false } }
                    if case .existential = target { continue }
                    if !target.isResolved { continue }
                    if !environment.acceptsLiteral(literal, as: target) { return false }
                }
            case (_, .variable):
                continue
            default:
                if !Self.mayConvert(state.resolved(a), state.resolved(p), environment, state) { return false }
            }
        }
        return genericParametersFit(option, state)
    }

    /// False when a generic parameter (`T` of `func * <T: Numeric>(T, T)`) is given two
    /// different value types, or a value type that lacks one of its conformances: no binding of
    /// `T` can fit, and swiftc then speaks of the call, not of `T`.
    private func genericParametersFit(_ option: DisjunctionOption, _ state: SolverState) -> Bool {
        var given: [Int: CellType] = [:]
        // String and Boolean literals can only be String or Character, and Bool.
        var literalCandidates: [Int: [CellType]] = [:]
        for (argument, parameter) in option.quickChecks {
            guard case .variable(let v) = state.shallow(parameter) else { continue }
            let a = state.shallow(argument)
            if case .variable(let w) = a {
                switch state.literals[w] {
                case .string?: literalCandidates[v, default: []].append(contentsOf: [.string, .character])
                case .boolean?: literalCandidates[v, default: []].append(.bool)
                default: break
                }
                continue
            }
            let type = state.resolved(a)
            guard type.isResolved, Self.isPlainValueType(type) else { continue }
            if let earlier = given[v], earlier != type { return false }
            given[v] = type
        }
        if given.isEmpty && literalCandidates.isEmpty { return true }
        for constraint in option.constraints {
            guard case .conforms(let t, let proto, _) = constraint, case .variable(let v) = state.shallow(t) else { continue }
            if let type = given[v], !environment.conforms(type, to: proto, state: state) { return false }
            if let candidates = literalCandidates[v], given[v] == nil,
               !candidates.contains(where: { environment.conforms($0, to: proto, state: state) }) { return false }
        }
        return true
    }

    /// Types no conversion leads to or from except themselves (no optionals, classes, existentials).
    private static func isPlainValueType(_ type: CellType) -> Bool {
        switch type {
        case .int, .double, .string, .bool, .character: return true
        default: return false
        }
    }

    /// A fast, conservative test: false only when no conversion can exist.
    static func mayConvert(_ a: CellType, _ p: CellType, _ environment: TypeEnvironment, _ state: SolverState) -> Bool {
        if a == p { return true }
        if !a.isResolved || !p.isResolved {
            switch (a, p) {
            case (.array, .array), (.set, .set), (.dictionary, .dictionary), (.optional, .optional), (.function, .function),
                 (.tuple, .tuple), (.metatype, .metatype): return true
            case (.nominal(let d1, _), .nominal(let d2, _)): return d1 === d2 || (d1.isClass && d2.isClass)
            case (_, .optional(let w)): return mayConvert(a, w, environment, state)
            case (.variable, _), (_, .variable), (_, .existential), (_, .parameter), (.parameter, _): return true
            default: return false
            }
        }
        switch (a, p) {
        case (_, .existential(let ps)):
            if case .existential = a { return true }
            return ps.allSatisfy { environment.conforms(a, to: $0, state: state) }
        case (.optional(let x), .optional(let y)): return mayConvert(x, y, environment, state)
        case (_, .optional(let w)): return mayConvert(a, w, environment, state)
        case (.nominal(let d1, _), .nominal(let d2, _)): return d1 === d2 || (d1.isClass && d2.isClass && d1.isSubclass(of: d2))
        case (.array(let x), .array(let y)), (.set(let x), .set(let y)): return mayConvert(x, y, environment, state)
        case (.dictionary(let k1, let v1), .dictionary(let k2, let v2)): return k1 == k2 && mayConvert(v1, v2, environment, state)
        case (.function(let f), .function(let g)): return f.parameters.count == g.parameters.count
        case (.tuple(let x), .tuple(let y)): return x.count == y.count
        case (.parameter, _), (_, .parameter): return false
        default: return false
        }
    }

    private func simplifyDisjunction(_ d: Disjunction, _ state: inout SolverState) -> Outcome {
        let viable = viableOptions(d, state)
        if viable.isEmpty { return .failed(noViableOption(d, state)) }
        if viable.count == 1 {
            apply(d, option: viable[0], &state)
            return .solved
        }
        return .unsolved
    }

    private func apply(_ d: Disjunction, option index: Int, _ state: inout SolverState) {
        let option = d.options[index]
        state.choices[d.point] = index
        state.score = state.score + option.cost
        state.constraints.append(contentsOf: option.constraints)
    }

    /// The error when no overload fits, worded as swiftc words it.
    private func noViableOption(_ d: Disjunction, _ state: SolverState) -> SolverFailure {
        if d.options.count == 1, case .call = d.subject {
            // One candidate: say what about it does not fit, as swiftc does.
            var trial = state
            apply(d, option: 0, &trial)
            if let failure = propagate(&trial) { return failure }
        }
        switch d.subject {
        case .binaryOperator(let op, let lhs, let rhs):
            let l = Self.describe(lhs, state), r = Self.describe(rhs, state)
            if l == r {
                return SolverFailure(message: "binary operator '\(op)' cannot be applied to two '\(l)' operands", position: d.position)
            }
            var notes: [String] = []
            if ["+", "-", "*", "/", "<", ">", "<=", ">=", "==", "!=", "+=", "-=", "*=", "/="].contains(op),
               (l == "Int" && r == "Double") || (l == "Double" && r == "Int") {
                notes = ["Int and Double do not mix in Swift: convert one side, as Double(n) or Int(x)"]
            }
            return SolverFailure(message: "binary operator '\(op)' cannot be applied to operands of type '\(l)' and '\(r)'",
                                 position: d.position, notes: notes)
        case .prefixOperator(let op, let operand):
            return SolverFailure(message: "unary operator '\(op)' cannot be applied to an operand of type '\(Self.describe(operand, state))'",
                                 position: d.position)
        case .call(let name, let arguments):
            let types = arguments.map { ($0.label.map { "\($0): " } ?? "") + Self.describe($0.type, state) }
            return SolverFailure(message: "no exact matches in call to '\(name)'", position: d.position,
                                 notes: ["the arguments have types (\(types.joined(separator: ", ")))"])
        case .member(let base, let name):
            return SolverFailure(message: "no exact matches in reference to '\(name)' of '\(Self.describe(base, state))'", position: d.position)
        case .literal:
            return SolverFailure(message: "type of expression is ambiguous without a type annotation", position: d.position)
        }
    }

    // MARK: Decisions when nothing simplifies

    private func decide(_ state: SolverState) {
        // 1. A closure body whose parameters are known is checked (it may fix the result).
        // (Handled by propagation: its constraint simplifies once the parameters are known.)

        // 2. An unknown that a known type converts to takes that type (Swift tries the exact
        //    type first), or the optional of it when a nil converts to it as well.
        if let (v, candidates) = bindingCandidates(state, upperBounds: false) {
            tryBindings(v, candidates, state)
            return
        }

        // 3. The choice with the fewest alternatives that still fit is tried one way at a time.
        var bestIndex: Int?
        var bestViable: [Int] = []
        for (i, c) in state.constraints.enumerated() {
            guard case .disjunction(let d) = c else { continue }
            let viable = viableOptions(d, state)
            if bestIndex == nil || viable.count < bestViable.count {
                bestIndex = i
                bestViable = viable
            }
        }
        if let i = bestIndex, case .disjunction(let d) = state.constraints[i] {
            var rest = state
            rest.constraints.remove(at: i)
            let failedBefore = firstFailure != nil, solvedBefore = best != nil
            for option in ordered(bestViable, of: d, rest) {
                var branch = rest
                apply(d, option: option, &branch)
                explore(branch)
                if exhausted { return }
            }
            // No operator fits: say so about the operator, as swiftc does, rather than about
            // the last generic candidate tried (`"a" * 2` is not about `Numeric`).
            if case .binaryOperator = d.subject, !failedBefore, !solvedBefore, best == nil {
                firstFailure = noViableOption(d, rest)
            }
            return
        }

        // 4. A literal still free takes its default type (then the others it could have).
        if let v = freeLiteral(state) {
            for candidate in literalCandidates(state.literals[v]!) {
                var branch = state
                if unify(.variable(v), candidate, &branch, at: branch.positions[v]) == nil { explore(branch) } else { steps += 1 }
                if exhausted { return }
            }
            return
        }

        // 5. An unknown that only converts to known types takes one of them.
        if let (v, candidates) = bindingCandidates(state, upperBounds: true) {
            tryBindings(v, candidates, state)
            return
        }

        // 6. Nothing decides what is left.
        if Self.tracing {
            print("  stuck on:")
            for c in state.constraints { print("   ", c) }
            for (i, b) in state.bindings.enumerated() { print("    $\(i) = \(b.map { "\($0)" } ?? "nil")") }
        }
        fail(stuckFailure(state))
    }

    private func tryBindings(_ v: Int, _ candidates: [CellType], _ state: SolverState) {
        for candidate in candidates {
            var branch = state
            if unify(.variable(v), candidate, &branch, at: branch.positions[v]) == nil { explore(branch) } else { steps += 1 }
            if exhausted { return }
            if best != nil, best!.score == Score() { return }
        }
    }

    /// Alternatives in the order to try them: cheap ones, and ones that fit known types exactly.
    private func ordered(_ viable: [Int], of d: Disjunction, _ state: SolverState) -> [Int] {
        func rank(_ i: Int) -> (Int, [Int], Int) {
            let option = d.options[i]
            var mismatches = 0
            for (argument, parameter) in option.quickChecks {
                let a = state.shallow(argument), p = state.resolved(parameter)
                if case .variable(let v) = a {
                    if let literal = state.literals[v], let def = literal.defaultType, p.isResolved, def != p { mismatches += 1 }
                } else if state.resolved(a) != p {
                    mismatches += 1
                }
            }
            return (mismatches, option.cost.components, i)
        }
        return viable.sorted { a, b in
            let (m1, c1, i1) = rank(a), (m2, c2, i2) = rank(b)
            if m1 != m2 { return m1 < m2 }
            if c1 != c2 { return c1.lexicographicallyPrecedes(c2) }
            return i1 < i2
        }
    }

    /// A variable that only conversions from known types pin down, with the types to try.
    /// Variables an open choice will decide (an overload's result) are left to that choice.
    private func bindingCandidates(_ state: SolverState, upperBounds: Bool) -> (Int, [CellType])? {
        var decidedByChoices: Set<Int> = []
        for c in state.constraints {
            switch c {
            case .disjunction(let d):
                for option in d.options {
                    for oc in option.constraints {
                        if case .equal(let a, _, _) = oc, case .variable(let v) = state.shallow(a) { decidedByChoices.insert(v) }
                    }
                }
            case .member(let m):
                // An implicit member (`.green`) is looked up in the type its context gives it:
                // that type must be found first, so it is not left to the member's choice.
                if m.isImplicit { continue }
                if case .variable(let v) = state.shallow(m.type) { decidedByChoices.insert(v) }
            case .applicable(_, _, let result, _):
                if case .variable(let v) = state.shallow(result) { decidedByChoices.insert(v) }
            case .optionalObject(_, let wrapped, _, _):
                if case .variable(let v) = state.shallow(wrapped) { decidedByChoices.insert(v) }
            case .chainResult(_, let result, _):
                if case .variable(let v) = state.shallow(result) { decidedByChoices.insert(v) }
            case .tupleElement(_, _, let type, _):
                if case .variable(let v) = state.shallow(type) { decidedByChoices.insert(v) }
            case .sequenceElement(_, let element, _):
                if case .variable(let v) = state.shallow(element) { decidedByChoices.insert(v) }
            default:
                continue
            }
        }
        var lower: [Int: [CellType]] = [:]
        var upper: [Int: [CellType]] = [:]
        var nilInto: Set<Int> = []
        var order: [Int] = []
        for c in state.constraints {
            guard case .convert(let a, let b, _, _) = c else { continue }
            let from = state.shallow(a), to = state.shallow(b)
            if case .variable(let v) = to {
                var f = state.resolved(from)
                if case .variable(let w) = from {
                    switch state.literals[w] {
                    case .nilLiteral?: nilInto.insert(v); continue
                    // An array or dictionary literal into an unknown (a generic `S: Sequence`) is
                    // an Array or Dictionary of its still-open elements, as Swift defaults it.
                    case .array(let e)?: f = .array(e)
                    case .dictionary(let k, let e)?: f = .dictionary(k, e)
                    default: continue
                    }
                }
                // A collection whose elements are still unknown (`[:]` into reduce(into:)'s
                // Result) binds too: its elements are then found from how it is used.
                switch f {
                case _ where f.isResolved: break
                case .array, .dictionary, .set: break
                default: continue
                }
                if lower[v] == nil && upper[v] == nil { order.append(v) }
                lower[v, default: []].append(f)
            } else if upperBounds, case .variable(let v) = from, state.literals[v] == nil {
                let t = state.resolved(to)
                guard t.isResolved else { continue }
                if lower[v] == nil && upper[v] == nil { order.append(v) }
                upper[v, default: []].append(t)
            }
        }
        // Elements of different types (`[encoder, decoder]`) have no type of their own: while an
        // overload is still to be chosen, its parameter (`[any Module]`) is what gives them one.
        let choicesPending = state.constraints.contains { if case .disjunction = $0 { true } else { false } }
        func heterogeneous(_ v: Int) -> Bool {
            guard !upperBounds, choicesPending, let l = lower[v], let first = l.first else { return false }
            return l.contains { $0 != first }
        }
        guard let v = order.first(where: { !decidedByChoices.contains($0) && !heterogeneous($0) }) else { return nil }
        var candidates: [CellType] = []
        for t in lower[v] ?? [] {
            if nilInto.contains(v) {
                candidates.append(t.isOptional ? t : .optional(t))
            }
            candidates.append(t)
        }
        for t in upper[v] ?? [] {
            candidates.append(t)
            if case .optional(let w) = t { candidates.append(w) }
        }
        var unique: [CellType] = []
        for c in candidates where !unique.contains(c) { unique.append(c) }
        return (v, unique)
    }

    private func freeLiteral(_ state: SolverState) -> Int? {
        for v in 0..<state.bindings.count where state.bindings[v] == nil && state.literals[v] != nil {
            if state.literals[v] == .nilLiteral { continue }
            return v
        }
        return nil
    }

    private func literalCandidates(_ literal: LiteralKind) -> [CellType] {
        switch literal {
        case .integer: [.int, .double]
        case .float: [.double]
        case .string: [.string]
        case .boolean: [.bool]
        case .nilLiteral: []
        case .array(let e): [.array(e)]
        case .dictionary(let k, let v): [.dictionary(k, v)]
        }
    }

    /// With no constraints left, literals still free take their default types.
    private func finishWithDefaults(_ start: SolverState) {
        var state = start
        while let v = freeLiteral(state) {
            let d = state.literals[v]!.defaultType!
            if let failure = unify(.variable(v), d, &state, at: state.positions[v]) {
                fail(failure)
                return
            }
            if let failure = propagate(&state) {
                fail(failure)
                return
            }
            if !state.constraints.isEmpty {
                decide(state)
                return
            }
        }
        // Every variable that matters must be known by now.
        for v in 0..<state.bindings.count where state.bindings[v] == nil {
            switch state.origins[v] {
            case .genericParameter:
                // Reported by finalization if the chosen overload needs it (others' do not matter).
                continue
            case .closureParameter(let name):
                fail(SolverFailure(message: "unable to infer type of a closure parameter '\(name)' in the current context",
                                   position: state.positions[v]))
                return
            case .emptyCollection:
                fail(SolverFailure(message: "empty collection literal requires an explicit type", position: state.positions[v]))
                return
            case .literal:
                if state.literals[v] == .nilLiteral {
                    fail(SolverFailure(message: "'nil' requires a contextual type", position: state.positions[v]))
                    return
                }
            case .closureResult, .other:
                continue
            }
        }
        if best == nil || state.score < best!.score { best = state }
    }

    private func stuckFailure(_ state: SolverState) -> SolverFailure {
        for c in state.constraints {
            switch c {
            case .member(let m):
                if m.isImplicit {
                    return SolverFailure(message: "cannot infer contextual base in reference to member '\(m.name)'", position: m.position)
                }
                if case .variable(let v) = state.shallow(m.base), case .closureParameter(let name) = state.origins[v] {
                    return SolverFailure(message: "unable to infer type of a closure parameter '\(name)' in the current context",
                                         position: state.positions[v])
                }
            case .closureBody(let closure):
                for p in closure.type.parameters {
                    if case .variable(let v) = state.shallow(p.type), case .closureParameter(let name) = state.origins[v] {
                        return SolverFailure(message: "unable to infer type of a closure parameter '\(name)' in the current context",
                                             position: state.positions[v])
                    }
                }
            default:
                continue
            }
        }
        for v in 0..<state.bindings.count where state.bindings[v] == nil {
            if case .genericParameter(let name) = state.origins[v] {
                return SolverFailure(message: "generic parameter '\(name)' could not be inferred", position: state.positions[v])
            }
        }
        return SolverFailure(message: "type of expression is ambiguous without a type annotation", position: state.constraints.first?.position ?? 0)
    }
}

extension LiteralKind {
    var noun: String {
        switch self {
        case .integer: "integer literal"
        case .float: "floating-point literal"
        case .string: "string literal"
        case .boolean: "boolean literal"
        case .nilLiteral: "nil literal"
        case .array: "array literal"
        case .dictionary: "dictionary literal"
        }
    }

    var article: String {
        switch self {
        case .integer, .array: "an"
        default: "a"
        }
    }
}

extension TupleAccess: CustomStringConvertible {
    var text: String {
        switch self {
        case .index(let i): String(i)
        case .label(let l): l
        }
    }

    var description: String { text }
}
