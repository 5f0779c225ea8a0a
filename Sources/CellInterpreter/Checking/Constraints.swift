/// The constraints an expression's types must meet, as Swift's type checker states them: the
/// checker generates them from the syntax, and `Solver` finds the types (and the overloads)
/// that meet them all, preferring, as Swift does, default literal types and exact matches.
indirect enum Constraint {
    /// The two types are the same.
    case equal(CellType, CellType, at: Int)
    /// A value of the first type can be used where the second is expected (optional
    /// injection, class upcast, existential erasure, function conversion …).
    case convert(CellType, CellType, ConversionSite, at: Int)
    /// The type conforms to the protocol.
    case conforms(CellType, NominalDecl, at: Int)
    /// One of several alternatives holds (overloads); which one is recorded at its choice point.
    case disjunction(Disjunction)
    /// A member (or an implicit member `.name`) of a type not known yet: resolved, once it is,
    /// into a disjunction over the candidates the type has.
    case member(MemberConstraint)
    /// A call of a value whose function type is not known yet (`f(1)` where `f` is a closure).
    case applicable(callee: CellType, arguments: [CallArgument], result: CellType, at: Int)
    /// `wrapped` is what the optional `optional` holds (for `x!`, `x?.y`, `if let`).
    case optionalObject(optional: CellType, wrapped: CellType, at: Int, forChaining: Bool)
    /// A closure whose statements are checked once its parameter types are known.
    case closureBody(ClosureBody)
    /// The tuple's element at `index` or with `label` has the type.
    case tupleElement(tuple: CellType, element: TupleAccess, type: CellType, at: Int)
    /// An element of the sequence type has the given type (`for x in s`).
    case sequenceElement(sequence: CellType, element: CellType, at: Int)
    /// `a?.b`'s type: the chain's inner result made optional, unless it already is one.
    case chainResult(inner: CellType, result: CellType, at: Int)

    var position: Int {
        switch self {
        case .equal(_, _, let p), .convert(_, _, _, let p), .conforms(_, _, let p): p
        case .disjunction(let d): d.position
        case .member(let m): m.position
        case .applicable(_, _, _, let p): p
        case .optionalObject(_, _, let p, _): p
        case .closureBody(let c): c.position
        case .tupleElement(_, _, _, let p): p
        case .sequenceElement(_, _, let p): p
        case .chainResult(_, _, let p): p
        }
    }
}

/// Where a conversion happens, for the words of its error.
enum ConversionSite: Equatable {
    /// `f(x)`: the argument for a parameter.
    case argument
    /// `let x: T = e`.
    case annotation
    /// `x = e`.
    case assignment
    case returnValue
    /// An element of an array, set or dictionary literal.
    case collectionElement
    /// A single-expression closure's body: its value is dropped when the closure returns Void.
    case closureBody
    /// The condition of an `if`, `while`, `guard` or `where`.
    case condition
    case other
}

enum TupleAccess: Equatable {
    case index(Int)
    case label(String)
}

/// An argument at a call site, as the checker generated it.
struct CallArgument {
    var label: String?
    var type: CellType
    /// A trailing closure (matched to the next function parameter, as SE-0286 says).
    var isTrailingClosure = false
    /// `&x`.
    var isInout = false
    var position: Int
}

/// Alternatives (a name's overloads), of which exactly one is chosen.
struct Disjunction {
    /// Where the choice is recorded.
    let point: Int
    var options: [DisjunctionOption]
    let position: Int
    /// What the alternatives are of, for the error when none fits.
    var subject: DisjunctionSubject
}

enum DisjunctionSubject {
    case binaryOperator(String, lhs: CellType, rhs: CellType)
    case prefixOperator(String, operand: CellType)
    case call(name: String, arguments: [CallArgument])
    case member(base: CellType, name: String)
    case literal
}

/// One alternative: the constraints that hold if it is chosen, and what choosing it costs.
struct DisjunctionOption {
    var constraints: [Constraint]
    /// Quick checks of argument against parameter types, to drop alternatives early.
    var quickChecks: [(argument: CellType, parameter: CellType)] = []
    /// Costs that rank alternatives that all fit (disfavored, generic).
    var cost = Score()
}

/// A member reference whose base type is not known yet.
struct MemberConstraint {
    let point: Int
    /// The base's type, or for an implicit member `.red` the type the result must have.
    var base: CellType
    let name: String
    /// The member used as a value: its type, or for a call, the call's result.
    var type: CellType
    /// The call's arguments when the member is called right away (`x.f(1)`), else nil.
    var call: [CallArgument]?
    /// Looked up on the type itself (`Tensor.zeros`, `.red`), not on a value.
    var isStatic: Bool
    /// `.red`: looked up in the contextual type (through one optional).
    var isImplicit: Bool
    let position: Int
    /// The base is something a mutating member may change (a `var`).
    var baseIsMutable: Bool
}

/// A closure with statements, checked when its parameter types are known.
final class ClosureBody {
    let id: Int
    let position: Int
    /// The closure's own type: parameters and result.
    let type: FunctionType
    /// Called by the solver once the closure's parameter types are known; returns why the body
    /// does not check, if it does not.
    let check: (inout SolverState) -> SolverFailure?

    init(id: Int, position: Int, type: FunctionType, check: @escaping (inout SolverState) -> SolverFailure?) {
        self.id = id
        self.position = position
        self.type = type
        self.check = check
    }
}

/// What a literal's type variable may become.
enum LiteralKind: Equatable {
    case integer
    case float
    case string
    case boolean
    case nilLiteral
    /// An array literal whose elements have the given (variable) type.
    case array(CellType)
    case dictionary(CellType, CellType)

    var defaultType: CellType? {
        switch self {
        case .integer: .int
        case .float: .double
        case .string: .string
        case .boolean: .bool
        case .nilLiteral: nil
        case .array(let e): .array(e)
        case .dictionary(let k, let v): .dictionary(k, v)
        }
    }

    var protocolName: String {
        switch self {
        case .integer: "ExpressibleByIntegerLiteral"
        case .float: "ExpressibleByFloatLiteral"
        case .string: "ExpressibleByStringLiteral"
        case .boolean: "ExpressibleByBooleanLiteral"
        case .nilLiteral: "ExpressibleByNilLiteral"
        case .array: "ExpressibleByArrayLiteral"
        case .dictionary: "ExpressibleByDictionaryLiteral"
        }
    }
}

/// How good a solution is; lower is better, compared component by component in Swift's order.
struct Score: Comparable {
    /// Overloads marked disfavored.
    var disfavored = 0
    var functionConversion = 0
    /// Literals of a type other than their default (`1` as a Double).
    var nonDefaultLiteral = 0
    var collectionUpcast = 0
    var valueToOptional = 0
    var existentialConversion = 0
    /// A method named without being called where a property of the name would do.
    var unappliedFunction = 0
    /// Generic overloads chosen where others fit (Swift prefers the more specialised).
    var generic = 0

    static func < (a: Score, b: Score) -> Bool { a.components.lexicographicallyPrecedes(b.components) }
    static func + (a: Score, b: Score) -> Score {
        Score(disfavored: a.disfavored + b.disfavored, functionConversion: a.functionConversion + b.functionConversion,
              nonDefaultLiteral: a.nonDefaultLiteral + b.nonDefaultLiteral, collectionUpcast: a.collectionUpcast + b.collectionUpcast,
              valueToOptional: a.valueToOptional + b.valueToOptional,
              existentialConversion: a.existentialConversion + b.existentialConversion,
              unappliedFunction: a.unappliedFunction + b.unappliedFunction, generic: a.generic + b.generic)
    }

    var components: [Int] {
        [disfavored, functionConversion, nonDefaultLiteral, collectionUpcast, valueToOptional, existentialConversion, unappliedFunction, generic]
    }
}
