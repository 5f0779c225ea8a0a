/// What a session's cells have added to types they did not declare: extension members and
/// conformances (`extension Int { … }`, `extension Point: Comparable`) and operators. Kept per
/// session, so one notebook's extensions never reach another's, and rolled back with a cell
/// that fails to check.
final class SessionExtensions {
    /// Members added to a type (or protocol, as default implementations), by declaration.
    var instanceMembers: [ObjectIdentifier: [String: [Member]]] = [:]
    var staticMembers: [ObjectIdentifier: [String: [Member]]] = [:]
    var initializers: [ObjectIdentifier: [FunctionDecl]] = [:]
    var subscripts: [ObjectIdentifier: [SubscriptDecl]] = [:]
    var conformances: [ObjectIdentifier: [NominalDecl]] = [:]
    /// Operators declared in cells (`static func +` in a type), by spelling.
    var infixOperators: [String: [FunctionDecl]] = [:]
    var prefixOperators: [String: [FunctionDecl]] = [:]

    struct Snapshot {
        let instanceMembers: [ObjectIdentifier: [String: [Member]]]
        let staticMembers: [ObjectIdentifier: [String: [Member]]]
        let initializers: [ObjectIdentifier: [FunctionDecl]]
        let subscripts: [ObjectIdentifier: [SubscriptDecl]]
        let conformances: [ObjectIdentifier: [NominalDecl]]
        let infixOperators: [String: [FunctionDecl]]
        let prefixOperators: [String: [FunctionDecl]]
    }

    var snapshot: Snapshot {
        Snapshot(instanceMembers: instanceMembers, staticMembers: staticMembers, initializers: initializers, subscripts: subscripts,
                 conformances: conformances, infixOperators: infixOperators, prefixOperators: prefixOperators)
    }

    func restore(_ s: Snapshot) {
        instanceMembers = s.instanceMembers
        staticMembers = s.staticMembers
        initializers = s.initializers
        subscripts = s.subscripts
        conformances = s.conformances
        infixOperators = s.infixOperators
        prefixOperators = s.prefixOperators
    }

    func addInstance(_ member: Member, to decl: NominalDecl) {
        instanceMembers[ObjectIdentifier(decl), default: [:]][member.name, default: []].append(member)
    }

    func addStatic(_ member: Member, to decl: NominalDecl) {
        staticMembers[ObjectIdentifier(decl), default: [:]][member.name, default: []].append(member)
    }

    func addConformance(_ proto: NominalDecl, to decl: NominalDecl) {
        conformances[ObjectIdentifier(decl), default: []].append(proto)
    }

    func extraConformances(of decl: NominalDecl) -> [NominalDecl] {
        conformances[ObjectIdentifier(decl)] ?? []
    }
}

extension Registry {
    /// Whether a type conforms to a protocol, with Swift's conditional conformances for the
    /// standard collections (an array is Equatable when its elements are) and what cells added.
    func conforms(_ type: CellType, to proto: NominalDecl, extensions: SessionExtensions?) -> Bool {
        let s = standard
        func declConforms(_ decl: NominalDecl) -> Bool {
            if decl.conforms(to: proto) { return true }
            guard let extensions else { return false }
            var visited: Set<ObjectIdentifier> = []
            func viaExtensions(_ d: NominalDecl) -> Bool {
                guard visited.insert(ObjectIdentifier(d)).inserted else { return false }
                for p in extensions.extraConformances(of: d) where p.conforms(to: proto) || viaExtensions(p) { return true }
                if let sup = d.superclassDecl, viaExtensions(sup) { return true }
                return false
            }
            return viaExtensions(decl)
        }
        let elementwise = proto === s.equatable || proto === s.hashable
        switch type {
        case .int: return declConforms(s.int)
        case .double: return declConforms(s.double)
        case .bool: return declConforms(s.bool)
        case .string: return declConforms(s.string)
        case .character: return declConforms(s.character)
        case .never: return declConforms(s.never)
        case .void: return false
        case .array(let e):
            if elementwise { return conforms(e, to: proto, extensions: extensions) }
            return declConforms(s.array)
        case .set:
            return declConforms(s.set)
        case .optional(let w):
            if elementwise { return conforms(w, to: proto, extensions: extensions) }
            return declConforms(s.optional)
        case .dictionary(_, let v):
            if elementwise { return conforms(v, to: proto, extensions: extensions) }
            return declConforms(s.dictionary)
        case .nominal(let d, let args):
            if d === s.arraySlice, elementwise, let e = args.first { return conforms(e, to: proto, extensions: extensions) }
            if (d === s.range || d === s.closedRange), let bound = args.first {
                // Ranges are collections only when they count in whole steps.
                if proto === s.sequence || proto === s.collection || proto === s.bidirectionalCollection
                    || proto === s.randomAccessCollection {
                    return bound == .int
                }
            }
            if d === s.reversedCollection || d === s.enumeratedSequence || d === s.zip2Sequence { return declConforms(d) }
            if d.isProtocol { return false }
            return declConforms(d)
        case .parameter(let p):
            if p.conformances.contains(where: { $0.conforms(to: proto) }) { return true }
            if let sup = p.superclass { return conforms(sup, to: proto, extensions: extensions) }
            return false
        case .existential(let ps):
            // An existential conforms only to Error (as `any Error` does).
            return proto === s.error && ps.contains { $0.conforms(to: s.error) }
        case .tuple, .function, .metatype, .variable:
            return false
        }
    }

    /// A sequence type's element type (`for x in s`), or nil when it is not a sequence.
    func sequenceElement(of type: CellType) -> CellType? {
        let s = standard
        switch type {
        case .array(let e), .set(let e): return e
        case .dictionary(let k, let v): return .tuple([TupleElementType(label: "key", type: k), TupleElementType(label: "value", type: v)])
        case .string: return .character
        case .nominal(let d, let args):
            switch d {
            case s.range, s.closedRange, s.partialRangeFrom:
                return args.first == .int ? .int : nil
            case s.arraySlice, s.strideTo, s.strideThrough: return args.first
            case s.substring: return .character
            case s.reversedCollection, s.lazySequence: return args.first.flatMap { sequenceElement(of: $0) }
            case s.enumeratedSequence:
                guard let base = args.first, let e = sequenceElement(of: base) else { return nil }
                return .tuple([TupleElementType(label: "offset", type: .int), TupleElementType(label: "element", type: e)])
            case s.zip2Sequence:
                guard args.count == 2, let a = sequenceElement(of: args[0]), let b = sequenceElement(of: args[1]) else { return nil }
                return .tuple([TupleElementType(label: nil, type: a), TupleElementType(label: nil, type: b)])
            case s.dictionaryKeys: return args.first
            case s.dictionaryValues: return args.count == 2 ? args[1] : nil
            default:
                if let e = d.associatedTypes["Element"], d.conforms(to: s.sequence) {
                    return e.substituting(Dictionary(uniqueKeysWithValues: zip(d.genericParameters, args)))
                }
                return nil
            }
        default:
            return nil
        }
    }

    /// Whether a literal of the kind may have the type (a generic parameter: if its constraints allow).
    func acceptsLiteral(_ kind: LiteralKind, as type: CellType) -> Bool {
        let s = standard
        switch kind {
        case .integer:
            switch type {
            case .int, .double: return true
            case .parameter, .nominal: return conforms(type, to: s.expressibleByIntegerLiteral, extensions: nil)
            default: return false
            }
        case .float:
            switch type {
            case .double: return true
            case .parameter, .nominal: return conforms(type, to: s.expressibleByFloatLiteral, extensions: nil)
            default: return false
            }
        case .string:
            switch type {
            case .string, .character: return true
            case .nominal(let d, _) where d === s.substring: return true
            case .parameter: return conforms(type, to: s.expressibleByStringLiteral, extensions: nil)
            default: return false
            }
        case .boolean:
            return type == .bool
        case .nilLiteral:
            return type.isOptional
        case .array:
            switch type {
            case .array, .set: return true
            default: return false
            }
        case .dictionary:
            if case .dictionary = type { return true }
            return false
        }
    }
}
