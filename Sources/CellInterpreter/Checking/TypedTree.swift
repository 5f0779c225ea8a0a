/// The checked form of a cell: every expression has its type, every name its declaration and
/// every call its chosen overload. Made by `Checker`, turned into runnable nodes by `Lowerer`.
final class TypedExpression {
    var kind: Kind
    var type: CellType
    let position: Int

    init(_ kind: Kind, type: CellType, at position: Int) {
        self.kind = kind
        self.type = type
        self.position = position
    }

    indirect enum Kind {
        case integerLiteral(String)
        case floatLiteral(String)
        case stringLiteral(String)
        case booleanLiteral(Bool)
        case nilLiteral
        case interpolation([InterpolationSegment])
        /// An array or set literal (the type says which).
        case arrayLiteral([TypedExpression])
        case dictionaryLiteral([(TypedExpression, TypedExpression)])
        /// A tuple; its labels are in its type.
        case tuple([TypedExpression])
        case variable(VarDecl)
        /// A function used as a value (`let f = sqrt`, `xs.map(double)`).
        case functionReference(FunctionDecl, genericArguments: [CellType])
        /// A method used as a value with its receiver (`model.encode`).
        case methodReference(base: TypedExpression, FunctionDecl, genericArguments: [CellType])
        /// A type named where a value goes (`Double.self`, the base of `Tensor.zeros`).
        case typeReference(CellType)
        case call(Call)
        /// A call of a function value: a closure or a function held in a variable.
        case callValue(callee: TypedExpression, arguments: [TypedExpression])
        /// A property read: stored, computed or bound (nil base: a static property).
        case property(base: TypedExpression?, PropertyDecl)
        case tupleElement(TypedExpression, Int)
        /// An enum case (with its associated values when it has them).
        case enumCase(EnumCaseDecl, payload: [TypedExpression]?)
        /// A subscript read.
        case subscriptGet(base: TypedExpression, SubscriptDecl, arguments: [CallArgumentValue], genericArguments: [CellType])
        /// `target = value` (the target is a path of variables, properties, subscripts, elements).
        case assign(target: TypedExpression, value: TypedExpression)
        /// `target op= value`: `operation` is the operator applied to `.matchedValue` (the
        /// target's current value, read once) and the value; its result is written back.
        case compoundAssign(target: TypedExpression, operation: TypedExpression)
        /// `(a, b) = (b, a)`: a tuple of targets assigned at once.
        case tupleAssign(targets: [TypedExpression?], value: TypedExpression)
        case ternary(TypedExpression, TypedExpression, TypedExpression)
        /// An `if` or `switch` used as a value.
        case statementExpression(TypedStatement)
        case closure(ClosureExpression)
        case forceUnwrap(TypedExpression)
        /// The root of `a?.b.c`: its value is nil if any `?` inside found nil.
        case optionalChain(TypedExpression)
        /// `a?` inside an optional chain.
        case bindOptional(TypedExpression)
        /// `a ?? b`, `b` evaluated only when `a` is nil.
        case nilCoalescing(TypedExpression, TypedExpression)
        case tryExpression(TypedExpression, TryKind)
        case conversion(TypedExpression, Conversion)
        /// `x is T`.
        case typeCheck(TypedExpression, CellType)
        /// `x as? T`, `x as! T`.
        case cast(TypedExpression, CellType, forced: Bool)
        /// `type(of: x)`.
        case typeOf(TypedExpression)
        /// `&x` passed to an `inout` parameter.
        case inoutArgument(TypedExpression)
        case logicalAnd(TypedExpression, TypedExpression)
        case logicalOr(TypedExpression, TypedExpression)
        case logicalNot(TypedExpression)
        /// `self` in a method or initializer.
        case selfValue(VarDecl)
        /// `super` as the receiver of a call.
        case superValue(VarDecl)
        /// A placeholder the solver's choices replace (a call or member whose overload is open).
        case pending(PendingNode)
        /// A value the solver decides how to convert (an argument, an assigned value).
        case conversionSite(TypedExpression, to: CellType)
        /// The value being matched by a pattern (`~=`), or a compound assignment's target's value.
        case matchedValue
        /// A pattern's value or a compound assignment's right side, evaluated beforehand.
        case operandValue
    }
}

enum InterpolationSegment {
    case text(String)
    case value(TypedExpression)
}

enum TryKind {
    case plain
    /// `try?`: an error becomes nil.
    case optional
    /// `try!`: an error ends the cell.
    case forced
}

/// How a value becomes the type a place expects.
indirect enum Conversion {
    /// `T` to `T?` (possibly through several levels).
    case injectIntoOptional(Conversion?)
    /// `T?` to `U?` by converting what it holds.
    case optionalMap(Conversion)
    /// A concrete value into `Any` or `any P`, remembering its type.
    case erase(from: CellType)
    /// An existential into a wider existential.
    case existentialToExistential
    /// A class instance used as its superclass: nothing to do at run time.
    case upcast
    /// Each element converted (`[Circle]` to `[any Shape]`).
    case arrayElements(Conversion)
    case dictionaryValues(Conversion)
    case setElements(Conversion)
    case tupleElements([Conversion?])
    /// A function wrapped so its parameters and result convert (non-throwing to throwing).
    case function(parameters: [Conversion?], result: Conversion?)
    /// A value dropped: a closure returning `Void` may end in an expression of any type.
    case discard
}

/// A resolved call: what is called, and each parameter's argument.
struct Call {
    var callee: Callee
    var arguments: [CallArgumentValue]
    /// The concrete (or caller's generic) types of the callee's generic parameters.
    var genericArguments: [CellType]
    let position: Int
}

enum Callee {
    /// A global function, a static method or a static operator (`Int.+`).
    case function(FunctionDecl)
    /// An instance method on a receiver. `dispatch` says how the implementation is found.
    case method(base: TypedExpression, FunctionDecl, Dispatch)
    /// `Type(…)`: an initializer of a struct, enum, class or library type.
    case initializer(CellType, FunctionDecl)
    /// `self.init(…)` or `super.init(…)` inside an initializer.
    case delegatingInitializer(FunctionDecl, isSuper: Bool)
    case memberwiseInitializer(CellType)
    /// `Enum(rawValue:)`.
    case rawValueInitializer(CellType)
    case enumCase(EnumCaseDecl, CellType)
}

enum Dispatch {
    /// The declaration found is the one that runs.
    case direct
    /// A class method: the receiver's class chooses (overrides).
    case virtual
    /// A protocol requirement on a generic or existential value: its type's witness runs.
    case witness
}

/// A parameter's argument at a call.
enum CallArgumentValue {
    case value(TypedExpression)
    /// All the arguments given to a variadic parameter.
    case variadic([TypedExpression])
    /// Left out: the parameter's default.
    case defaulted(DefaultArgument, parameterType: CellType)
    /// `&x` for an `inout` parameter.
    case inoutPlace(TypedExpression)
    /// An `@autoclosure` parameter: the expression, evaluated when the callee asks for it.
    case autoclosure(TypedExpression)
}

/// A closure expression with its checked body.
final class ClosureExpression {
    let context: FunctionContext
    var parameters: [VarDecl]
    /// `[v, w = e]`: constants of the closure, valued when it is made (captures of its context).
    var captureList: [(variable: VarDecl, value: TypedExpression)] = []
    /// The id of its body in the solver's branch (closures with statements).
    var bodyID: Int?
    var body: [TypedStatement] = []
    /// A body of one expression, which is its result.
    var singleExpression: TypedExpression?
    var type: FunctionType

    init(context: FunctionContext, parameters: [VarDecl], type: FunctionType) {
        self.context = context
        self.parameters = parameters
        self.type = type
    }
}

/// A node whose form depends on a choice the solver makes.
final class PendingNode {
    enum Shape {
        /// A call of an overloaded name, member or initializer.
        case call(arguments: [TypedExpression], labels: [String?])
        /// A member used as a value.
        case member
        /// A subscript read.
        case subscriptGet(arguments: [TypedExpression])
        /// A binary or prefix operator.
        case operatorCall(arguments: [TypedExpression])
    }

    let point: Int
    let shape: Shape
    /// The receiver, for members.
    var base: TypedExpression?
    /// The candidates when they were known before solving (names); members get theirs while solving.
    var candidates: [OverloadCandidate]?
    /// For a member call: the base's type was used as a value (mutating members need a `var`).
    var name: String

    init(point: Int, shape: Shape, base: TypedExpression?, candidates: [OverloadCandidate]?, name: String) {
        self.point = point
        self.shape = shape
        self.base = base
        self.candidates = candidates
        self.name = name
    }
}

/// A checked statement.
indirect enum TypedStatement {
    /// An expression statement; `display` at a cell's top level (its value is shown).
    case expression(TypedExpression, display: Bool)
    /// `let x = e` / `var x: T` (nil: declared now, assigned later).
    case variable(VarDecl, TypedExpression?)
    /// `let (a, b) = e`, `let _ = e`.
    case patternBinding(TypedPattern, TypedExpression)
    /// A nested `func`: nothing runs, but its captured variables are gathered when it is used.
    case function(FunctionDecl)
    case block([TypedStatement])
    case ifStatement([(conditions: [TypedCondition], body: [TypedStatement])], orElse: [TypedStatement]?)
    case guardStatement([TypedCondition], orElse: [TypedStatement])
    case whileLoop(label: String?, [TypedCondition], [TypedStatement])
    case repeatWhile(label: String?, [TypedStatement], TypedExpression)
    case forIn(label: String?, pattern: TypedPattern, sequence: TypedExpression, whereClause: TypedExpression?, body: [TypedStatement])
    case switchStatement(label: String?, subject: TypedExpression, cases: [TypedSwitchCase])
    case breakStatement(label: String?, position: Int)
    case continueStatement(label: String?, position: Int)
    case fallthroughStatement(position: Int)
    case returnStatement(TypedExpression?, position: Int)
    case throwStatement(TypedExpression, position: Int)
    case doCatch(body: [TypedStatement], catches: [TypedCatch], label: String?)
    case deferStatement([TypedStatement])
    /// The value of an `if`/`switch` expression's branch.
    case yieldValue(TypedExpression)
    /// A static stored property's initial value, stored once when its type is declared.
    case initializeStatic(PropertyDecl, TypedExpression)
    /// Nothing to run (a type declaration, an `import`).
    case empty
}

enum TypedCondition {
    case boolean(TypedExpression)
    /// `if let x = e` / `if var x = e` (or `if let x` for a variable of the same name).
    case optionalBinding(VarDecl, TypedExpression)
    /// `if case pattern = e`.
    case pattern(TypedPattern, TypedExpression)
}

struct TypedSwitchCase {
    /// Several patterns (`case 1, 2:`), each with its own `where`.
    var patterns: [(TypedPattern, TypedExpression?)]
    var body: [TypedStatement]
    /// `default:`.
    var isDefault: Bool
    let position: Int
}

struct TypedCatch {
    var pattern: TypedPattern?
    var whereClause: TypedExpression?
    var body: [TypedStatement]
    /// The implicit `error` of a catch without a pattern.
    var errorVariable: VarDecl?
    let position: Int
}

indirect enum TypedPattern {
    case wildcard
    case binding(VarDecl)
    case tuple([TypedPattern])
    /// A value compared with `==` or `~=` (`case 1:`, `case 0..<10:`): the call's first argument
    /// is the matched value.
    case expression(TypedExpression)
    case enumCase(EnumCaseDecl, payload: TypedPattern?)
    /// `x?`, `.some(x)`.
    case optionalSome(TypedPattern)
    /// `is T`.
    case isType(CellType)
    /// `let x as T`.
    case cast(TypedPattern, CellType)
}
