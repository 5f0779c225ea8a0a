/// Runs a user function. Its slots live on the context's stack, or in a heap frame when it
/// makes closures (they may outlive the call). `fill` stores the arguments it was given into
/// the slots, evaluated in the caller's context, and returns a bit per parameter it filled;
/// the others take their defaults, evaluated in the callee's.
@inline(__always)
func invokeUser(_ body: FunctionBody, captured: Frame, context cx: Context, at position: Int,
                fill: (UnsafeMutablePointer<Value>) throws(CellFailure) -> UInt64) throws(CellFailure) -> Value {
    try cx.enterCall(at: position)
    defer { cx.leaveCall() }
    let size = body.frameSize
    let heap: Frame?
    let slots: UnsafeMutablePointer<Value>
    if body.needsHeapFrame {
        let frame = Frame(size: size, parent: captured)
        heap = frame
        slots = frame.storage
    } else {
        heap = nil
        slots = try cx.claimSlots(size, at: position)
        slots.initialize(repeating: .void, count: size)
    }
    defer {
        if heap == nil {
            slots.deinitialize(count: size)
            cx.stackTop -= size
        }
    }
    let given = try fill(slots)
    // Saved without retaining (the context does not own them): no reference counting per call.
    let savedLocals = cx.locals
    unowned(unsafe) let savedOwn = cx.ownFrame
    unowned(unsafe) let savedOuter = cx.outer
    cx.locals = slots
    cx.ownFrame = heap
    cx.outer = captured
    defer {
        cx.locals = savedLocals
        cx.ownFrame = savedOwn
        cx.outer = savedOuter
    }
    let count = body.checks.count
    if given != (count == 64 ? UInt64.max : (1 << UInt64(count)) - 1) {
        for i in 0..<count where given & (1 << UInt64(i)) == 0 {
            let parameter = body.parameters[i]
            guard let d = parameter.defaultValue else {
                throw CellFailure(.type, "missing argument for parameter '\(parameter.name)' in call to \(body.signature)", at: position)
            }
            slots[i] = try d.eval(cx)
        }
    }
    if body.checksParameters {
        try body.checks.withUnsafeBufferPointer { (checks) throws(CellFailure) in
            for i in 0..<count where !checks[i].accepts(slots[i]) {
                guard let annotation = body.parameters[i].annotation else { continue }
                slots[i] = try annotation.check(slots[i], at: position)
            }
        }
    }
    let result: Value
    if let expression = body.expressionBody {
        result = try expression.eval(cx)
    } else {
        result = cx.result(of: try body.body.exec(cx))
    }
    // The context refers to both frames without retaining them: keep them alive to here.
    withExtendedLifetime(heap) {}
    withExtendedLifetime(captured) {}
    if !body.returnCheck.accepts(result), let annotation = body.returnAnnotation {
        return try annotation.check(result, at: position)
    }
    return result
}

/// Runs a user function with arguments already evaluated (nil: use the default).
func invokeUser(_ body: FunctionBody, captured: Frame, arguments: [Value?], context cx: Context, at position: Int) throws(CellFailure) -> Value {
    guard arguments.count <= 64 else { throw CellFailure(.unsupported, "a function may take at most 64 parameters", at: position) }
    return try invokeUser(body, captured: captured, context: cx, at: position) { (slots) throws(CellFailure) -> UInt64 in
        var given: UInt64 = 0
        for (i, argument) in arguments.enumerated() {
            if let argument {
                slots[i] = argument
                given |= 1 << UInt64(i)
            }
        }
        return given
    }
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
    var positional = positional
    // A closure of n parameters given one n-tuple takes its elements, as Swift does for
    // `zip(a, b).map { $0 * $1 }` and `pairs.map { (x, y) in … }`.
    if positional.count == 1, case .tuple(let t) = positional[0], let body = f.userBody, body.isClosure,
       body.parameters.count > 1, body.parameters.count == t.elements.count {
        positional = t.elements
    }
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
    /// The last function called here and, per parameter, the argument it takes (-1: its
    /// default), so a loop or a recursion does not match labels again.
    private var cachedBody: FunctionBody?
    private var cachedArguments: [Int] = []

    init(callee: Expr, labels: [ArgumentLabel], arguments: [Expr], position: Int) {
        self.callee = callee
        self.labels = labels
        self.arguments = arguments
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        let f = try callee.eval(cx)
        guard case .function(let function) = f else {
            return try callObject(f, cx)
        }
        if let body = function.userBody, let captured = function.captured {
            if cachedBody !== body {
                var shapes = body.parameterShapes
                if body.isClosure {
                    shapes = shapes.map { ParameterShape(label: nil, hasDefault: $0.hasDefault, variadic: false, takesFunction: $0.takesFunction) }
                }
                guard let mapping = matchArguments(labels, to: shapes) else {
                    throw CellFailure(.type, "cannot call \(body.signature) with arguments (\(labels.map(\.text).joined()))", at: position)
                }
                guard mapping.count <= 64 else {
                    throw CellFailure(.unsupported, "a function may take at most 64 parameters", at: position)
                }
                cachedBody = body
                cachedArguments = mapping.map { $0.first ?? -1 }
            }
            return try invokeUser(body, captured: captured, context: cx, at: position) { (slots) throws(CellFailure) -> UInt64 in
                var given: UInt64 = 0
                try cachedArguments.withUnsafeBufferPointer { (taken) throws(CellFailure) in
                    try arguments.withUnsafeBufferPointer { (arguments) throws(CellFailure) in
                        for p in 0..<taken.count where taken[p] >= 0 {
                            slots[p] = try arguments[taken[p]].eval(cx)
                            given |= 1 << UInt64(p)
                        }
                    }
                }
                return given
            }
        }
        var values: [Value] = []
        values.reserveCapacity(arguments.count)
        for a in arguments { values.append(try a.eval(cx)) }
        return try callFunction(function, labels: labels, values: values, context: cx, at: position)
    }
}

/// A call of a declared `func`, resolved when the cell was lowered: the body and the argument
/// for each parameter are known, and the frame it was defined in is found from where its name
/// lives. (A `func` is a constant; redeclaring one in a later cell takes a new slot, so code
/// lowered earlier keeps calling the function it saw, as in the Swift REPL.)
final class DirectCallExpr: Expr {
    enum DefiningFrame {
        case global
        case own
        case outer(depth: Int)
    }

    let body: FunctionBody
    let definingFrame: DefiningFrame
    /// Per parameter, the index of the argument it takes, or -1 for its default.
    let taken: [Int]
    let arguments: [Expr]

    init(_ body: FunctionBody, address: SlotAddress, taken: [Int], arguments: [Expr], position: Int) {
        self.body = body
        switch address {
        case .global: definingFrame = .global
        case .local: definingFrame = .own
        case .outer(let depth, _): definingFrame = .outer(depth: depth)
        }
        self.taken = taken
        self.arguments = arguments
        allArgumentsGiven = !taken.contains(-1)
        argumentsAreInts = allArgumentsGiven && taken.allSatisfy { arguments[$0].staticKind == .int }
        localConstantArgument = (taken.count == 1 && argumentsAreInts ? arguments[taken[0]] as? LocalConstantBinaryExpr : nil)
            .map { Unmanaged.passUnretained($0) }
        argumentRefs = .allocate(capacity: max(taken.count, 1))
        for (p, a) in taken.enumerated() where a >= 0 {
            (argumentRefs + p).initialize(to: Unmanaged.passUnretained(arguments[a]))
        }
        super.init(position: position)
        switch body.returnAnnotation?.kind {
        case .int?: staticKind = .int
        case .bool?: staticKind = .bool
        default: break
        }
    }

    /// Every argument is given and known to be an Int: with a body that is an Int expression
    /// of Int parameters (`FunctionBody.intExpression`), the call runs on plain Ints.
    private let argumentsAreInts: Bool
    /// The one argument, when it is a local and an Int literal (`n - 1`): computed in place.
    private let localConstantArgument: Unmanaged<LocalConstantBinaryExpr>?

    /// The call of an Int function of Int parameters whose body is one Int expression
    /// (`fib`): the arguments need no check, the slots no clean-up, the result no `Value`.
    @inline(__always)
    private func evalIntFast(_ cx: Context, _ expression: Unmanaged<Expr>) throws(CellFailure) -> Int {
        try cx.enterCall(at: position)
        defer { cx.leaveCall() }
        let size = body.frameSize
        // Claimed before the arguments run (a call among them uses the stack above). Nothing
        // reads a slot before its argument is stored, and every slot then holds an Int, so
        // nothing needs destroying when they are given back.
        let slots = try cx.claimSlots(size, at: position)
        defer { cx.stackTop -= size }
        if let only = localConstantArgument {
            // Unretained: `arguments` owns the node.
            let value: Int
            do { value = try only._withUnsafeGuaranteedRef { try $0.intValue(cx) } } catch { throw error as! CellFailure }
            slots.initialize(to: .int(value))
        } else {
            for p in 0..<size {
                let argument = try evalIntUnretained(argumentRefs[p], cx)
                (slots + p).initialize(to: .int(argument))
            }
        }
        return try asCallee(cx, slots: slots) { () throws(CellFailure) in try evalIntUnretained(expression, cx) }
    }

    /// Runs `body` as the callee: `slots` are the running function's variables and the frame the
    /// function was defined in is its outer frame; the caller's are put back after, even on a
    /// throw. Nothing is retained: the caller holds both frames for the call.
    @inline(__always)
    private func asCallee<R>(_ cx: Context, slots: UnsafeMutablePointer<Value>,
                             _ body: () throws(CellFailure) -> R) throws(CellFailure) -> R {
        let savedLocals = cx.locals
        unowned(unsafe) let savedOwn = cx.ownFrame
        unowned(unsafe) let savedOuter = cx.outer
        cx.locals = slots
        cx.ownFrame = nil
        switch definingFrame {
        case .global: cx.outer = cx.globals
        case .own: cx.outer = savedOwn
        case .outer(let depth): cx.outer = savedOuter!.ancestor(depth - 1)
        }
        defer {
            cx.locals = savedLocals
            cx.ownFrame = savedOwn
            cx.outer = savedOuter
        }
        return try body()
    }

    override func evalInt(_ cx: Context) throws(CellFailure) -> Int {
        if argumentsAreInts, let expression = body.intExpression { return try evalIntFast(cx, expression) }
        return try super.evalInt(cx)
    }

    deinit { argumentRefs.deallocate() }

    /// Every parameter has its argument (no defaults to evaluate).
    private let allArgumentsGiven: Bool
    /// Per parameter, its argument's node, unretained (`arguments` owns them).
    private let argumentRefs: UnsafeMutablePointer<Unmanaged<Expr>>

    /// The common call: stack slots, every argument given. Same steps as `invokeUser`, with no
    /// reference counting: the frames and nodes it touches are owned elsewhere for the call.
    @inline(__always)
    private func evalFast(_ cx: Context, _ fast: FunctionBody.FastBody) throws(CellFailure) -> Value {
        try cx.enterCall(at: position)
        defer { cx.leaveCall() }
        let size = body.frameSize
        let slots = try cx.claimSlots(size, at: position)
        for i in 0..<size { (slots + i).initialize(to: .void) }
        defer {
            // Element by element: inlined, where `deinitialize(count:)` calls into the runtime.
            for i in 0..<size { (slots + i).deinitialize(count: 1) }
            cx.stackTop -= size
        }
        let count = fast.parameterCount
        for p in 0..<count {
            slots[p] = try evalUnretained(argumentRefs[p], cx)
        }
        for p in 0..<count where !fast.checks[p].accepts(slots[p]) {
            guard let annotation = body.parameters[p].annotation else { continue }
            slots[p] = try annotation.check(slots[p], at: position)
        }
        let result = try asCallee(cx, slots: slots) { () throws(CellFailure) -> Value in
            if let expression = fast.expression { return try evalUnretained(expression, cx) }
            return cx.result(of: try execUnretained(fast.statements, cx))
        }
        if !body.returnCheck.accepts(result), let annotation = body.returnAnnotation {
            return try annotation.check(result, at: position)
        }
        return result
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        if argumentsAreInts, let expression = body.intExpression { return .int(try evalIntFast(cx, expression)) }
        if allArgumentsGiven, !body.needsHeapFrame, let fast = body.fast {
            return try evalFast(cx, fast)
        }
        let captured: Frame
        switch definingFrame {
        case .global: captured = cx.globals
        case .own: captured = cx.ownFrame!
        case .outer(let depth): captured = cx.outer!.ancestor(depth - 1)
        }
        return try invokeUser(body, captured: captured, context: cx, at: position) { (slots) throws(CellFailure) -> UInt64 in
            var given: UInt64 = 0
            try taken.withUnsafeBufferPointer { (taken) throws(CellFailure) in
                try arguments.withUnsafeBufferPointer { (arguments) throws(CellFailure) in
                    for p in 0..<taken.count where taken[p] >= 0 {
                        slots[p] = try arguments[taken[p]].eval(cx)
                        given |= 1 << UInt64(p)
                    }
                }
            }
            return given
        }
    }
}

/// Evaluates a node held elsewhere without retaining it.
@inline(__always)
private func evalUnretained(_ e: Unmanaged<Expr>, _ cx: Context) throws(CellFailure) -> Value {
    do { return try e._withUnsafeGuaranteedRef { try $0.eval(cx) } } catch { throw error as! CellFailure }
}

@inline(__always)
private func evalIntUnretained(_ e: Unmanaged<Expr>, _ cx: Context) throws(CellFailure) -> Int {
    do { return try e._withUnsafeGuaranteedRef { try $0.evalInt(cx) } } catch { throw error as! CellFailure }
}

@inline(__always)
private func execUnretained(_ s: Unmanaged<Stmt>, _ cx: Context) throws(CellFailure) -> Flow {
    do { return try s._withUnsafeGuaranteedRef { try $0.exec(cx) } } catch { throw error as! CellFailure }
}

extension CallExpr {
    /// `model(x)`: a library value that can be called, through its `callAsFunction`.
    fileprivate func callObject(_ f: Value, _ cx: Context) throws(CellFailure) -> Value {
        guard let binding = cx.registry.binding(for: f), let overloads = binding.methods["callAsFunction"] else {
            throw CellFailure(.type, "cannot call a value of type '\(f.typeName)'", at: position)
        }
        var values: [Value] = []
        for a in arguments { values.append(try a.eval(cx)) }
        for function in overloads {
            if let mapping = matchArguments(labels, to: function.parameterShapes) {
                return try invokeNative(function, receiver: f, arguments: mapping.map { $0.map { values[$0] } }, context: cx, at: position).0
            }
        }
        throw wrongCall("\(f.typeName)", labels: labels, overloads: overloads, at: position)
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
        // A function that makes closures always runs in a heap frame (see `FunctionBody`).
        .function(FunctionValue(.user(body, captured: cx.ownFrame!)))
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
        address.pointer(cx).pointee = .function(FunctionValue(.user(body, captured: cx.ownFrame!)))
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
