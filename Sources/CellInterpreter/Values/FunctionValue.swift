/// A cell's function, method, initializer or closure body, ready to run: its frame layout and
/// its body. Parameters (with `self` first for methods) occupy the first slots.
final class LoweredFunction {
    let name: String
    var frameSize = 0
    /// Its frame holds only Ints, Doubles and Bools: nothing to release when a call ends.
    var frameHoldsOnlyNumbers = false
    var parameterCount = 0
    /// Parameter slots that closures capture: boxed on entry.
    var boxedParameters: [Int] = [] {
        didSet { boxesParameters = !boxedParameters.isEmpty }
    }
    /// Whether `boxedParameters` has any: read on every call.
    private(set) var boxesParameters = false
    var body: Stmt = BlockStmt([], position: 0) {
        didSet { runningBody = UnretainedStmt(body) }
    }
    /// A body that is one expression (after `prelude`), run without the statement machinery.
    var expressionBody: Expr? {
        didSet { runningExpressionBody = expressionBody.map(UnretainedExpr.init) }
    }
    /// Statements that run before `expressionBody`, which cannot return (`let k = …` before
    /// `return 1.0 / Double(k)`).
    var prelude: Stmt? {
        didSet { runningPrelude = prelude.map(UnretainedStmt.init) }
    }
    /// `body`, `expressionBody` and `prelude` as `PlainCallExpr` runs them, unretained (the
    /// properties above keep them alive; they are set once, when the function is lowered).
    private(set) var runningBody: UnretainedStmt
    private(set) var runningExpressionBody: UnretainedExpr?
    private(set) var runningPrelude: UnretainedStmt?
    /// The code the body's positions are in.
    let source: CellSource?
    /// Filled in once lowered (recursive functions are referenced before their bodies are).
    var isLowered = false

    init(name: String, source: CellSource?) {
        self.name = name
        self.source = source
        runningBody = UnretainedStmt(body)
    }

    /// Runs the function: `fill` stores the arguments into the new frame (still in the caller's
    /// context), `after` reads what the frame holds when the body is done (inout write-back).
    @inline(__always)
    func invoke(_ cx: Context, captures: [VarBox], typeArguments: [CellType], at position: Int, callerSource: CellSource?,
                fill: (UnsafeMutablePointer<Value>) throws(CellFailure) -> Void,
                after: (UnsafeMutablePointer<Value>) -> Void = { _ in }) throws(CellFailure) -> Value {
        try cx.enterCall(at: position)
        defer { cx.leaveCall() }
        let size = frameSize
        let slots = try cx.claimSlots(size, at: position)
        defer { cx.releaseSlots(slots, size) }
        try fill(slots)
        for s in boxedParameters { slots[s] = .box(VarBox(slots[s])) }
        let savedFrame = cx.frame, savedCaptures = cx.captures, savedTypes = cx.typeArguments
        cx.frame = slots
        cx.captures = captures
        cx.typeArguments = typeArguments
        defer {
            cx.frame = savedFrame
            cx.captures = savedCaptures
            cx.typeArguments = savedTypes
        }
        do throws(CellFailure) {
            let result: Value
            if let e = expressionBody {
                if let prelude { _ = try prelude.exec(cx) }
                result = try e.eval(cx)
            } else {
                result = cx.result(of: try body.exec(cx))
            }
            for s in boxedParameters { if case .box(let b) = slots[s] { slots[s] = b.value } }
            after(slots)
            return result
        } catch {
            // As in Swift, an `inout` argument (or a mutating method's `self`) gets the value the
            // callee left in it, even when the callee throws.
            for s in boxedParameters { if case .box(let b) = slots[s] { slots[s] = b.value } }
            after(slots)
            if error.kind == .optionalChainNil { throw error }
            throw error.leavingCall(calleeSource: source, callPosition: position, callerSource: callerSource)
        }
    }

    /// Runs the function with arguments already evaluated.
    func call(_ cx: Context, arguments: [Value], captures: [VarBox], typeArguments: [CellType], at position: Int,
              callerSource: CellSource? = nil) throws(CellFailure) -> Value {
        try invoke(cx, captures: captures, typeArguments: typeArguments, at: position, callerSource: callerSource) { slots in
            for (i, a) in arguments.enumerated() where i < self.parameterCount { slots[i] = a }
        }
    }
}

/// A function as a value: a closure, a cell's function or method, a library function, an
/// enum case's constructor, or one of these converted to another function type.
public final class FunctionValue {
    enum Kind {
        case closure(LoweredFunction, captures: [VarBox], typeArguments: [CellType])
        /// A library or standard function (with its receiver, for a method taken as a value).
        case native(NativeBody, typeArguments: [CellType], receiver: Value?)
        /// A cell's method taken as a value, with its receiver.
        case method(LoweredFunction, receiver: Value, typeArguments: [CellType])
        /// Any other callable the runtime makes (an enum case's constructor, a conversion).
        case swift((Context, [Value], Int) throws(CellFailure) -> Value)
    }

    let kind: Kind

    init(_ kind: Kind) {
        self.kind = kind
    }

    /// Calls the function with its arguments.
    func call(_ arguments: [Value], _ cx: Context, at position: Int) throws(CellFailure) -> Value {
        switch kind {
        case .closure(let f, let captures, let types):
            return try f.call(cx, arguments: arguments, captures: captures, typeArguments: types, at: position)
        case .method(let f, let receiver, let types):
            return try f.call(cx, arguments: [receiver] + arguments, captures: [], typeArguments: types, at: position)
        case .native(let body, let types, let receiver):
            var call = NativeCall(receiver: receiver ?? .void, arguments: arguments, typeArguments: types, context: cx, position: position)
            do {
                return try body(&call)
            } catch {
                throw failure(from: error, at: position)
            }
        case .swift(let body):
            return try body(cx, arguments, position)
        }
    }
}

/// How a library or standard function is run: it receives the call and returns the result.
typealias NativeBody = (inout NativeCall) throws -> Value

/// One call of a library or standard function: the receiver (written back for mutating
/// methods), the arguments in parameter order (defaults filled in, variadics as an array) and
/// the concrete types of the generic parameters.
struct NativeCall {
    var receiver: Value
    var arguments: [Value]
    let typeArguments: [CellType]
    unowned(unsafe) let context: Context
    let position: Int

    init(receiver: Value, arguments: [Value], typeArguments: [CellType], context: Context, position: Int) {
        self.receiver = receiver
        self.arguments = arguments
        self.typeArguments = typeArguments
        self.context = context
        self.position = position
    }

    subscript(i: Int) -> Value { arguments[i] }

    /// A failure of this call, at its place.
    func fail(_ message: String, notes: [String] = []) -> CellFailure {
        CellFailure(.runtime, message, at: position, notes: notes)
    }

    /// Calls a function value the cell passed in (a closure for `map`).
    func call(_ function: Value, _ arguments: [Value]) throws(CellFailure) -> Value {
        guard case .function(let f) = function else { throw CellFailure(.runtime, "internal error: expected a function", at: position) }
        return try f.call(arguments, context, at: position)
    }

    /// Appends text to the cell's printed output.
    func write(_ text: String) throws(CellFailure) {
        try context.write(text, at: position)
    }

    /// Ends the call with a timeout error if the cell has run out of time; long loops call it.
    func checkTime() throws(CellFailure) {
        try context.checkClock(at: position)
    }
}
