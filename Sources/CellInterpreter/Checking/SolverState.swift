/// Where a type variable came from, for the error when nothing fixes it.
enum TypeVariableOrigin {
    case other
    case literal
    /// A generic parameter opened at a use (`T` of `max`).
    case genericParameter(String)
    /// A closure parameter written without a type (`{ x in … }`, `$0`).
    case closureParameter(String)
    case closureResult
    /// An empty collection literal's element (`[]`).
    case emptyCollection
}

/// Why a solution could not be found: the message and the place, as the cell reports it.
struct SolverFailure: Error {
    var message: String
    var position: Int
    var notes: [String] = []
    var kind: CellFailure.Kind = .type
}

/// One branch of the search for an expression's types: what each type variable is bound to,
/// what is left to solve, the overloads chosen so far and what they cost. Branches copy it.
struct SolverState {
    var bindings: [CellType?] = []
    var literals: [LiteralKind?] = []
    var origins: [TypeVariableOrigin] = []
    var positions: [Int] = []
    var constraints: [Constraint] = []
    /// Choice point → the alternative chosen there.
    var choices: [Int: Int] = [:]
    /// Member choice points resolved while solving → the candidates found for them.
    var memberCandidates: [Int: [OverloadCandidate]] = [:]
    /// Closure id → its checked body (per branch, since its parameter types may differ).
    var closureBodies: [Int: AnyObject] = [:]
    /// Closure parameters written without a type that context made `inout` (`reduce(into:)`'s
    /// `{ $0[$1, default: 0] += 1 }`), by type variable.
    var inoutClosureParameters: Set<Int> = []
    var score = Score()

    mutating func newVariable(_ origin: TypeVariableOrigin = .other, literal: LiteralKind? = nil, at position: Int) -> CellType {
        bindings.append(nil)
        literals.append(literal)
        origins.append(origin)
        positions.append(position)
        return .variable(bindings.count - 1)
    }

    mutating func add(_ constraint: Constraint) {
        constraints.append(constraint)
    }

    /// The type with its outermost variable bindings followed.
    func shallow(_ type: CellType) -> CellType {
        var t = type
        while case .variable(let v) = t, let bound = bindings[v] { t = bound }
        return t
    }

    /// The type with every bound variable replaced by what it is bound to.
    func resolved(_ type: CellType) -> CellType {
        if type.isResolved { return type }
        return type.rewritten { t in
            if case .variable(let v) = t {
                if let bound = bindings[v] { return resolved(bound) }
                return t
            }
            return nil
        }
    }

    /// The literal kind a variable must accept, following bindings to the end of the chain.
    func literalKind(of variable: Int) -> LiteralKind? { literals[variable] }

    func isUnboundVariable(_ type: CellType) -> Int? {
        if case .variable(let v) = shallow(type) { return v }
        return nil
    }
}

/// A candidate for an overloaded name or member: the declaration, how the call's arguments
/// map onto its parameters, and the types its generic parameters were opened to.
final class OverloadCandidate {
    enum Target {
        case function(FunctionDecl)
        case property(PropertyDecl)
        case enumCase(EnumCaseDecl)
        case `subscript`(SubscriptDecl)
        case tupleElement(Int)
        /// A value of function type called (`f(x)` where `f` is a variable).
        case value
        /// The memberwise initializer of a struct.
        case memberwiseInitializer(NominalDecl)
        /// A type used as a value (`Int.self`, `Tensor` before `.zeros`).
        case type(CellType)
        /// A protocol requirement reached through a generic or existential value.
        case requirement(FunctionDecl)
        /// `init(rawValue:)` of an enum with raw values.
        case rawValueInitializer(NominalDecl)
    }

    let target: Target
    /// Per parameter, the arguments it receives (empty: the default), when called.
    var argumentMapping: [[Int]]?
    /// The generic parameters opened for this use, in `allGenericParameters` order.
    var genericArguments: [CellType]
    /// The receiver's type (methods, properties, subscripts).
    var baseType: CellType?
    /// The parameter types after opening generics, for the arguments' conversions.
    var parameterTypes: [CellType]
    /// The member's type as used (the call's result, or the value's type).
    var resultType: CellType
    /// Reached by looking through an optional (`.none` for `Optional<T>` contexts).
    var throughOptional = false

    init(target: Target, argumentMapping: [[Int]]?, genericArguments: [CellType], baseType: CellType?,
         parameterTypes: [CellType], resultType: CellType) {
        self.target = target
        self.argumentMapping = argumentMapping
        self.genericArguments = genericArguments
        self.baseType = baseType
        self.parameterTypes = parameterTypes
        self.resultType = resultType
    }

    var function: FunctionDecl? {
        switch target {
        case .function(let f), .requirement(let f): f
        default: nil
        }
    }
}
