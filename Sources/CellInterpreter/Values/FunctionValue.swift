/// A function a cell can call: one it declared (`func`, a closure) or one from the library.
public final class FunctionValue {
    enum Kind {
        /// A `func` or closure of the cell language, with the frame it was defined in.
        case user(FunctionBody, captured: Frame)
        /// A library function or initializer.
        case native(NativeFunction)
        /// A library method taken as a value (`model.encode`), with its receiver.
        case method(NativeFunction, receiver: Value)
    }

    let kind: Kind
    /// For a user function, its body and the frame it was defined in, also held directly so
    /// the call path reads them without unpacking `kind`.
    let userBody: FunctionBody?
    let captured: Frame?

    init(_ kind: Kind) {
        self.kind = kind
        if case .user(let body, let frame) = kind {
            userBody = body
            captured = frame
        } else {
            userBody = nil
            captured = nil
        }
    }

    /// The name and labels as Swift writes them, `fib(_:)`, or `closure`.
    var signature: String {
        switch kind {
        case .user(let body, _): body.signature
        case .native(let f), .method(let f, _): f.signature
        }
    }

    var typeDescription: String {
        switch kind {
        case .user(let body, _): "(\(body.parameters.map { _ in "Any" }.joined(separator: ", "))) -> Any"
        case .native(let f), .method(let f, _): "(\(f.parameters.map(\.type).joined(separator: ", "))) -> \(f.returns)"
        }
    }

    var parameterLabels: [ParameterShape] {
        switch kind {
        case .user(let body, _): body.parameterShapes
        case .native(let f), .method(let f, _): f.parameterShapes
        }
    }
}

/// A parameter of a user function: `label name: Type = default`.
struct UserParameter {
    /// The argument label (nil for `_`); a closure's parameters have none.
    let label: String?
    let name: String
    let annotation: TypeAnnotation?
    /// Declared with a default (known before the default itself is lowered, for recursion).
    let hasDefault: Bool
    let defaultValue: Expr?
}

/// The lowered body of a `func` or closure, shared by every value made from it.
final class FunctionBody {
    let name: String
    var parameters: [UserParameter]
    /// Slots the frame needs: parameters first, then locals.
    var frameSize: Int
    var body: Stmt
    let returnAnnotation: TypeAnnotation?
    let isClosure: Bool
    /// The body when it is a single expression (`{ $0 * 2 }`, `func f(x) -> Int { x + 1 }`),
    /// run without the statement machinery.
    var expressionBody: Expr?
    /// The function makes closures or nested functions, which may keep its variables after it
    /// returns: its calls get a heap frame instead of stack slots.
    var needsHeapFrame = false
    /// Per parameter, how its annotation is checked (`QuickCheck`), kept as plain bytes so a
    /// call reads them without reference counting.
    private(set) var checks: [QuickCheck] = []
    /// True when some parameter's annotation needs checking at all.
    private(set) var checksParameters = false
    /// How the result is checked against the written return type.
    private(set) var returnCheck = QuickCheck.none
    /// The call fast path's view of the finished body (see `DirectCallExpr`): unretained
    /// references to what `body`/`expressionBody` own, and the checks as plain memory.
    private(set) var fast: FastBody?
    /// For an Int function of Int parameters, with no other locals and no closures, whose body
    /// is one expression known to be an Int (`func fib(_ n: Int) -> Int { n < 2 ? n : … }`):
    /// that expression, unretained (`expressionBody` owns it). Calls with Int arguments run it
    /// through `evalInt` (see `DirectCallExpr`).
    private(set) var intExpression: Unmanaged<Expr>?

    struct FastBody {
        let expression: Unmanaged<Expr>?
        let statements: Unmanaged<Stmt>
        let checks: UnsafeMutablePointer<QuickCheck>
        let parameterCount: Int
    }

    deinit { fast?.checks.deallocate() }

    /// Publishes the fast path's view once the body is final.
    func prepareFastPath() {
        fast?.checks.deallocate()
        let buffer = UnsafeMutablePointer<QuickCheck>.allocate(capacity: max(checks.count, 1))
        buffer.initialize(from: checks, count: checks.count)
        fast = FastBody(expression: expressionBody.map { Unmanaged.passUnretained($0) },
                        statements: Unmanaged.passUnretained(body), checks: buffer, parameterCount: checks.count)
        intExpression = nil
        if let expression = expressionBody, expression.staticKind == .int, case .int? = returnAnnotation?.kind,
           !needsHeapFrame, frameSize == parameters.count,
           parameters.allSatisfy({ if case .int? = $0.annotation?.kind { true } else { false } }) {
            intExpression = Unmanaged.passUnretained(expression)
        }
    }

    init(name: String, parameters: [UserParameter], frameSize: Int, body: Stmt, returnAnnotation: TypeAnnotation?, isClosure: Bool) {
        self.name = name
        self.parameters = parameters
        self.frameSize = frameSize
        self.body = body
        self.returnAnnotation = returnAnnotation
        self.isClosure = isClosure
    }

    /// Prepares the per-call data once the parameters are final.
    func prepareChecks() {
        checks = parameters.map { QuickCheck($0.annotation) }
        checksParameters = checks.contains { $0 != .none }
        returnCheck = QuickCheck(returnAnnotation)
    }

    var parameterShapes: [ParameterShape] {
        parameters.map {
            var takesFunction = false
            if case .function? = $0.annotation?.kind { takesFunction = true }
            return ParameterShape(label: $0.label, hasDefault: $0.hasDefault, variadic: false, takesFunction: takesFunction)
        }
    }

    var signature: String {
        isClosure ? "closure" : "\(name)(" + parameters.map { ($0.label ?? "_") + ":" }.joined() + ")"
    }
}

/// What argument matching needs to know of a parameter.
struct ParameterShape {
    let label: String?
    let hasDefault: Bool
    let variadic: Bool
    /// A function-typed parameter: the only kind a trailing closure can fill.
    let takesFunction: Bool
}

/// How an argument was written at the call.
enum ArgumentLabel: Equatable {
    case named(String)
    case unnamed
    /// A trailing closure: it fills the next function-typed parameter whatever its label.
    case trailing

    var text: String {
        switch self {
        case .named(let n): "\(n):"
        case .unnamed, .trailing: "_:"
        }
    }
}

/// Matches a call's arguments to parameters, Swift's way: in order, each parameter takes the
/// next argument when the labels agree, a defaulted parameter may be skipped, and a variadic
/// one takes every further unlabelled argument. Returns, per parameter, the argument indices it
/// takes (empty: use the default), or nil when the call does not fit.
func matchArguments(_ labels: [ArgumentLabel], to parameters: [ParameterShape]) -> [[Int]]? {
    var result: [[Int]] = []
    var next = 0
    for parameter in parameters {
        var taken: [Int] = []
        func fits(_ label: ArgumentLabel, first: Bool) -> Bool {
            switch label {
            case .trailing: return parameter.takesFunction
            case .unnamed: return parameter.label == nil || (!first && parameter.variadic)
            case .named(let n): return first && n == parameter.label
            }
        }
        if next < labels.count, fits(labels[next], first: true) {
            taken.append(next)
            next += 1
            if parameter.variadic {
                while next < labels.count, fits(labels[next], first: false) {
                    taken.append(next)
                    next += 1
                }
            }
        } else if !parameter.hasDefault && !parameter.variadic {
            return nil
        }
        result.append(taken)
    }
    return next == labels.count ? result : nil
}

/// How a parameter's annotation is checked on a call: the common types by their tag alone,
/// anything else through its `TypeAnnotation`.
enum QuickCheck: UInt8 {
    case none, int, double, bool, string, general

    init(_ annotation: TypeAnnotation?) {
        switch annotation?.kind {
        case nil, .any?: self = .none
        case .int?: self = .int
        case .double?: self = .double
        case .bool?: self = .bool
        case .string?: self = .string
        default: self = .general
        }
    }

    /// True when the value already has the type, with no conversion needed.
    @inline(__always)
    func accepts(_ value: Value) -> Bool {
        switch (self, value) {
        case (.none, _), (.int, .int), (.double, .double), (.bool, .bool), (.string, .string): true
        default: false
        }
    }
}
