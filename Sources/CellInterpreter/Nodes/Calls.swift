/// Calls a user function: a new frame whose parent is the frame the function was defined in,
/// parameters in the first slots (defaults evaluated in the new frame), then the body.
func invokeUser(_ body: FunctionBody, captured: Frame, arguments: [Value?], context cx: Context, at position: Int) throws(CellFailure) -> Value {
    try cx.enterCall(at: position)
    defer { cx.leaveCall() }
    let frame = Frame(size: body.frameSize, parent: captured)
    let saved = cx.frame
    cx.frame = frame
    defer { cx.frame = saved }
    for (i, parameter) in body.parameters.enumerated() {
        var value: Value
        if let given = arguments[i] {
            value = given
        } else if let d = parameter.defaultValue {
            value = try d.eval(cx)
        } else {
            throw CellFailure(.type, "missing argument for parameter '\(parameter.name)' in call to \(body.signature)", at: position)
        }
        if let annotation = parameter.annotation {
            value = try annotation.check(value, at: position)
        }
        frame.slots[i] = value
    }
    if case .returned = try body.body.exec(cx) {
        let result = cx.returnValue
        cx.returnValue = .void
        if let annotation = body.returnAnnotation { return try annotation.check(result, at: position) }
        return result
    }
    return .void
}

/// Calls a native function with arguments already matched to its parameters.
@inline(__always)
func invokeNative(_ f: NativeFunction, receiver: Value, arguments: [[Value]], context cx: Context, at position: Int) throws(CellFailure) -> (Value, Value) {
    try cx.tick(at: position)
    var invocation = Invocation(receiver: receiver, arguments: arguments, function: f, context: cx, position: position)
    do {
        let result = try f.body(&invocation)
        return (result, invocation.receiver)
    } catch {
        throw failure(from: error, at: position)
    }
}

/// Calls any function value with positional arguments (closures passed to library code).
func callFunction(_ f: FunctionValue, positional: [Value], context cx: Context, at position: Int) throws(CellFailure) -> Value {
    let labels = Array(repeating: ArgumentLabel.unnamed, count: positional.count)
    return try callFunction(f, labels: labels, values: positional, context: cx, at: position)
}

/// Calls a function value: matches the labels to its parameters, then runs it.
func callFunction(_ f: FunctionValue, labels: [ArgumentLabel], values: [Value], context cx: Context, at position: Int) throws(CellFailure) -> Value {
    var shapes = f.parameterLabels
    if case .user(let body, _) = f.kind, body.isClosure {
        // Closures are called without labels.
        shapes = shapes.map { ParameterShape(label: nil, hasDefault: $0.hasDefault, variadic: false, takesFunction: $0.takesFunction) }
    }
    guard let mapping = matchArguments(labels, to: shapes) else {
        throw CellFailure(.type, "cannot call \(f.signature) with arguments (\(labels.map(\.text).joined()))", at: position)
    }
    switch f.kind {
    case .user(let body, let captured):
        return try invokeUser(body, captured: captured, arguments: mapping.map { $0.first.map { values[$0] } }, context: cx, at: position)
    case .native(let native):
        return try invokeNative(native, receiver: .void, arguments: mapping.map { $0.map { values[$0] } }, context: cx, at: position).0
    case .method(let native, let receiver):
        return try invokeNative(native, receiver: receiver, arguments: mapping.map { $0.map { values[$0] } }, context: cx, at: position).0
    }
}

/// A call whose callee is only known at run time: a closure in a variable, a function value.
final class CallExpr: Expr {
    let callee: Expr
    let labels: [ArgumentLabel]
    let arguments: [Expr]
    /// The last function called here and how its parameters matched, so a loop does not re-match.
    private var cachedBody: FunctionBody?
    private var cachedMapping: [[Int]] = []

    init(callee: Expr, labels: [ArgumentLabel], arguments: [Expr], position: Int) {
        self.callee = callee
        self.labels = labels
        self.arguments = arguments
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        let f = try callee.eval(cx)
        guard case .function(let function) = f else {
            throw CellFailure(.type, "cannot call a value of type '\(f.typeName)'", at: position)
        }
        if case .user(let body, let captured) = function.kind {
            if cachedBody !== body {
                var shapes = body.parameterShapes
                if body.isClosure {
                    shapes = shapes.map { ParameterShape(label: nil, hasDefault: $0.hasDefault, variadic: false, takesFunction: $0.takesFunction) }
                }
                guard let mapping = matchArguments(labels, to: shapes) else {
                    throw CellFailure(.type, "cannot call \(body.signature) with arguments (\(labels.map(\.text).joined()))", at: position)
                }
                cachedBody = body
                cachedMapping = mapping
            }
            var values = [Value?](repeating: nil, count: cachedMapping.count)
            for (p, taken) in cachedMapping.enumerated() {
                if let a = taken.first { values[p] = try arguments[a].eval(cx) }
            }
            return try invokeUser(body, captured: captured, arguments: values, context: cx, at: position)
        }
        var values: [Value] = []
        values.reserveCapacity(arguments.count)
        for a in arguments { values.append(try a.eval(cx)) }
        return try callFunction(function, labels: labels, values: values, context: cx, at: position)
    }
}

/// A call of a library function resolved when the cell was lowered (`print(x)`, `PPCA(components: 2)`).
final class NativeCallExpr: Expr {
    let function: NativeFunction
    let mapping: [[Int]]
    let arguments: [Expr]

    init(_ function: NativeFunction, mapping: [[Int]], arguments: [Expr], position: Int) {
        self.function = function
        self.mapping = mapping
        self.arguments = arguments
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        var values: [Value] = []
        values.reserveCapacity(arguments.count)
        for a in arguments { values.append(try a.eval(cx)) }
        let grouped = mapping.map { $0.map { values[$0] } }
        return try invokeNative(function, receiver: .void, arguments: grouped, context: cx, at: position).0
    }
}

/// `{ x in … }`: makes a function value that sees the frame it was made in.
final class ClosureExpr: Expr {
    let body: FunctionBody

    init(_ body: FunctionBody, position: Int) {
        self.body = body
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        .function(FunctionValue(.user(body, captured: cx.frame)))
    }
}

/// `func name(…) { … }`: stores the function in its slot (hoisted to the top of its block).
final class FunctionDeclStmt: Stmt {
    let address: SlotAddress
    let body: FunctionBody

    init(_ address: SlotAddress, body: FunctionBody, position: Int) {
        self.address = address
        self.body = body
        super.init(position: position)
    }

    override func exec(_ cx: Context) throws(CellFailure) -> Flow {
        let (frame, slot) = address.frame(cx)
        frame.slots[slot] = .function(FunctionValue(.user(body, captured: cx.frame)))
        return .normal
    }
}

/// `return` and `return e`.
final class ReturnStmt: Stmt {
    let value: Expr?

    init(_ value: Expr?, position: Int) {
        self.value = value
        super.init(position: position)
    }

    override func exec(_ cx: Context) throws(CellFailure) -> Flow {
        cx.returnValue = try value?.eval(cx) ?? .void
        return .returned
    }
}
