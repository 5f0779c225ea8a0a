/// Where a called local function's captured variables come from, at the call.
enum CaptureSource {
    /// A box in the caller's frame.
    case localBox(Int)
    /// One of the caller's own captures.
    case capture(Int)
    /// A capture-list entry: a new box holding the value, taken when the closure is made.
    case fresh(Expr)
}

@inline(__always)
func gatherCaptures(_ sources: [CaptureSource], _ cx: Context, at position: Int) throws(CellFailure) -> [VarBox] {
    if sources.isEmpty { return [] }
    var boxes: [VarBox] = []
    boxes.reserveCapacity(sources.count)
    for s in sources {
        switch s {
        case .localBox(let slot):
            guard case .box(let b) = cx.frame[slot] else {
                throw CellFailure(.runtime, "a variable a function uses is not initialized yet", at: position)
            }
            boxes.append(b)
        case .capture(let i):
            boxes.append(cx.captures[i])
        case .fresh(let e):
            boxes.append(VarBox(try e.eval(cx)))
        }
    }
    return boxes
}

/// The generic arguments a call passes, with the caller's own type arguments put in.
struct TypeArgumentList {
    let types: [CellType]
    let dependent: Bool

    init(_ types: [CellType]) {
        self.types = types
        dependent = types.contains(where: \.isGenericDependent)
    }

    @inline(__always)
    func resolve(_ cx: Context) -> [CellType] {
        dependent ? types.map { cx.concrete($0) } : types
    }
}

/// An argument of a call: a value, or a place passed `inout`.
enum ArgumentNode {
    case value(Expr)
    case inoutPlace(LValue)
}

/// Runs `body` with the `inout` arguments' values lent to it (taken out of their places,
/// written back after), nested one access inside the next, as Swift's exclusive accesses are.
func withInoutAccesses(_ places: [LValue], _ keys: [[Value]], _ cx: Context, _ values: inout [Value],
                       _ body: (inout [Value]) throws(CellFailure) -> Value) throws(CellFailure) -> Value {
    func step(_ i: Int, _ values: inout [Value]) throws(CellFailure) -> Value {
        if i == places.count { return try body(&values) }
        var result = Value.void
        try places[i].modify(cx, keys[i]) { (place) throws(CellFailure) in
            values[i] = place
            place = .uninitialized
            defer { place = values[i] }
            result = try step(i + 1, &values)
        }
        return result
    }
    return try step(0, &values)
}

/// A call of a cell's function (or a method, with its receiver as the first argument).
final class CallFunctionExpr: Expr {
    /// The call: a `PlainCallExpr` when every argument is a value and it passes no captures
    /// and no type arguments, this general node otherwise.
    static func make(_ target: LoweredFunction, arguments: [ArgumentNode], argumentTypes: [CellType?] = [], captures: [CaptureSource],
                     typeArguments: [CellType], callerSource: CellSource?, position: Int) -> Expr {
        let values = arguments.compactMap { a -> Expr? in if case .value(let e) = a { return e } else { return nil } }
        if captures.isEmpty, typeArguments.isEmpty, values.count == arguments.count {
            return PlainCallExpr(target, arguments: values, argumentTypes: argumentTypes, callerSource: callerSource, position: position)
        }
        return CallFunctionExpr(target, arguments: arguments, captures: captures, typeArguments: typeArguments,
                                callerSource: callerSource, position: position)
    }

    let target: LoweredFunction
    let arguments: [ArgumentNode]
    let captures: [CaptureSource]
    let typeArguments: TypeArgumentList
    let callerSource: CellSource?
    private let hasInout: Bool

    init(_ target: LoweredFunction, arguments: [ArgumentNode], captures: [CaptureSource], typeArguments: [CellType],
         callerSource: CellSource?, position: Int) {
        self.target = target
        self.arguments = arguments
        self.captures = captures
        self.typeArguments = TypeArgumentList(typeArguments)
        self.callerSource = callerSource
        hasInout = arguments.contains { if case .inoutPlace = $0 { return true }; return false }
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        let boxes = try gatherCaptures(captures, cx, at: position)
        let types = typeArguments.resolve(cx)
        if !hasInout {
            return try target.invoke(cx, captures: boxes, typeArguments: types, at: position, callerSource: callerSource) { (slots) throws(CellFailure) in
                for (i, a) in arguments.enumerated() {
                    if case .value(let e) = a { slots[i] = try e.eval(cx) }
                }
            }
        }
        return try callWithInout(cx, boxes, types)
    }

    override func evalInt(_ cx: Context) throws(CellFailure) -> Int {
        let v = try eval(cx)
        if case .int(let i) = v { return i }
        throw internalMismatch("Int", v, position)
    }

    override func evalDouble(_ cx: Context) throws(CellFailure) -> Double {
        let v = try eval(cx)
        if case .double(let d) = v { return d }
        throw internalMismatch("Double", v, position)
    }

    private func callWithInout(_ cx: Context, _ boxes: [VarBox], _ types: [CellType]) throws(CellFailure) -> Value {
        // Arguments left to right; the places passed inout are prepared in turn, then lent.
        var evaluated: [Value] = Array(repeating: .void, count: arguments.count)
        var places: [LValue] = []
        var keys: [[Value]] = []
        var placeIndex: [Int] = []
        for (i, a) in arguments.enumerated() {
            switch a {
            case .value(let e): evaluated[i] = try e.eval(cx)
            case .inoutPlace(let lv):
                var k: [Value] = []
                try lv.prepare(cx, &k)
                places.append(lv)
                keys.append(k)
                placeIndex.append(i)
            }
        }
        var lent = Array(repeating: Value.void, count: places.count)
        return try withInoutAccesses(places, keys, cx, &lent) { (lent) throws(CellFailure) in
            // Each lent value is moved, not copied, into the callee's frame: held once, an array
            // passed inout is written in place there instead of copied on its first write.
            for (j, i) in placeIndex.enumerated() { swap(&evaluated[i], &lent[j]) }
            let result = try target.invoke(cx, captures: boxes, typeArguments: types, at: position, callerSource: callerSource) { slots in
                for i in evaluated.indices { swap(&slots[i], &evaluated[i]) }
            } after: { slots in
                for (j, i) in placeIndex.enumerated() {
                    lent[j] = slots[i]
                    slots[i] = .uninitialized
                }
            }
            return result
        }
    }
}

/// A mutating method of a value type: `self` is lent from its place for the call.
final class CallMutatingExpr: Expr {
    let target: LoweredFunction
    let receiver: LValue
    let arguments: [Expr]
    let typeArguments: TypeArgumentList
    let callerSource: CellSource?

    init(_ target: LoweredFunction, receiver: LValue, arguments: [Expr], typeArguments: [CellType], callerSource: CellSource?, position: Int) {
        self.target = target
        self.receiver = receiver
        self.arguments = arguments
        self.typeArguments = TypeArgumentList(typeArguments)
        self.callerSource = callerSource
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        var keys: [Value] = []
        if receiver.hasKeys { try receiver.prepare(cx, &keys) }
        var values: [Value] = []
        values.reserveCapacity(arguments.count)
        for a in arguments { values.append(try a.eval(cx)) }
        let types = typeArguments.resolve(cx)
        var result = Value.void
        try receiver.modify(cx, keys) { (place) throws(CellFailure) in
            var selfValue = place
            place = .uninitialized
            defer { place = selfValue }
            result = try target.invoke(cx, captures: [], typeArguments: types, at: position, callerSource: callerSource) { slots in
                slots[0] = selfValue
                selfValue = .uninitialized
                for (i, v) in values.enumerated() { slots[i + 1] = v }
            } after: { slots in
                selfValue = slots[0]
                slots[0] = .uninitialized
            }
        }
        return result
    }
}

/// A class method chosen by the receiver's class (overrides run).
final class CallVirtualExpr: Expr {
    let slot: Int
    let arguments: [Expr]
    let typeArguments: TypeArgumentList
    let callerSource: CellSource?
    unowned let runtime: SessionRuntime

    init(slot: Int, arguments: [Expr], typeArguments: [CellType], runtime: SessionRuntime, callerSource: CellSource?, position: Int) {
        self.slot = slot
        self.arguments = arguments
        self.typeArguments = TypeArgumentList(typeArguments)
        self.runtime = runtime
        self.callerSource = callerSource
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        let receiver = try arguments[0].eval(cx)
        guard case .instance(let object) = receiver else { throw internalMismatch("class instance", receiver, position) }
        let method = object.decl.vtable[slot]
        let target = try runtime.lowered(method, at: position)
        let types = typeArguments.resolve(cx)
        return try target.invoke(cx, captures: [], typeArguments: types, at: position, callerSource: callerSource) { (slots) throws(CellFailure) in
            slots[0] = receiver
            for i in 1..<arguments.count { slots[i] = try arguments[i].eval(cx) }
        }
    }
}

/// A protocol requirement called on a generic or existential value: the value's type's own
/// implementation (its witness) runs.
final class CallWitnessExpr: Expr {
    let requirement: FunctionDecl
    let receiver: Expr
    let receiverType: CellType
    let arguments: [Expr]
    let argumentTypes: [CellType]
    unowned let runtime: SessionRuntime
    let callerSource: CellSource?

    init(requirement: FunctionDecl, receiver: Expr, receiverType: CellType, arguments: [Expr], argumentTypes: [CellType],
         runtime: SessionRuntime, callerSource: CellSource?, position: Int) {
        self.requirement = requirement
        self.receiver = receiver
        self.receiverType = receiverType
        self.arguments = arguments
        self.argumentTypes = argumentTypes
        self.runtime = runtime
        self.callerSource = callerSource
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        var value = try receiver.eval(cx)
        var type = cx.concrete(receiverType)
        if case .existential(let box) = value {
            value = box.value
            type = box.type
        }
        if case .instance(let object) = value { type = object.type }
        var args: [Value] = []
        args.reserveCapacity(arguments.count)
        for a in arguments { args.append(try a.eval(cx)) }
        return try runtime.callWitness(requirement, on: value, type: type, arguments: args, cx, at: position, callerSource: callerSource)
    }
}

/// A library or standard function (a method's receiver first when it has one).
final class CallNativeExpr: Expr {
    let body: NativeBody
    let receiver: Expr?
    let arguments: [Expr]
    let typeArguments: TypeArgumentList

    init(_ body: @escaping NativeBody, receiver: Expr?, arguments: [Expr], typeArguments: [CellType], position: Int) {
        self.body = body
        self.receiver = receiver
        self.arguments = arguments
        self.typeArguments = TypeArgumentList(typeArguments)
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        let r = try receiver?.eval(cx) ?? .void
        var values: [Value] = []
        values.reserveCapacity(arguments.count)
        for a in arguments { values.append(try a.eval(cx)) }
        var call = NativeCall(receiver: r, arguments: values, typeArguments: typeArguments.resolve(cx), context: cx, position: position)
        do {
            return try body(&call)
        } catch {
            throw failure(from: error, at: position)
        }
    }
}

/// A mutating library method on a value (`xs.append(x)`, `d.removeValue(forKey:)`): the
/// receiver is lent from its place, so its storage is changed in place.
final class CallMutatingNativeExpr: Expr {
    let body: NativeBody
    let receiver: LValue
    let arguments: [Expr]
    let typeArguments: TypeArgumentList

    init(_ body: @escaping NativeBody, receiver: LValue, arguments: [Expr], typeArguments: [CellType], position: Int) {
        self.body = body
        self.receiver = receiver
        self.arguments = arguments
        self.typeArguments = TypeArgumentList(typeArguments)
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        var keys: [Value] = []
        if receiver.hasKeys { try receiver.prepare(cx, &keys) }
        var values: [Value] = []
        values.reserveCapacity(arguments.count)
        for a in arguments { values.append(try a.eval(cx)) }
        var result = Value.void
        let types = typeArguments.resolve(cx)
        try receiver.modify(cx, keys) { (place) throws(CellFailure) in
            var call = NativeCall(receiver: place, arguments: values, typeArguments: types, context: cx, position: position)
            place = .uninitialized
            defer { place = call.receiver }
            do {
                result = try body(&call)
            } catch {
                throw failure(from: error, at: position)
            }
        }
        return result
    }
}

/// A call of a function value: a closure, or a function held in a variable.
final class CallValueExpr: Expr {
    let callee: Expr
    let arguments: [Expr]

    init(callee: Expr, arguments: [Expr], position: Int) {
        self.callee = callee
        self.arguments = arguments
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        let f = try callee.eval(cx)
        guard case .function(let function) = f else { throw internalMismatch("function", f, position) }
        var values: [Value] = []
        values.reserveCapacity(arguments.count)
        for a in arguments { values.append(try a.eval(cx)) }
        return try function.call(values, cx, at: position)
    }
}

/// A closure expression: the function with the boxes of the variables it captures.
final class MakeClosureExpr: Expr {
    let function: LoweredFunction
    let captures: [CaptureSource]
    /// A generic function's type arguments (nil: the closure shares the running function's).
    let typeArguments: TypeArgumentList?

    init(_ function: LoweredFunction, captures: [CaptureSource], typeArguments: [CellType]? = nil, position: Int) {
        self.function = function
        self.captures = captures
        self.typeArguments = typeArguments.map { TypeArgumentList($0) }
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        let types = typeArguments?.resolve(cx) ?? cx.typeArguments
        return .function(FunctionValue(.closure(function, captures: try gatherCaptures(captures, cx, at: position), typeArguments: types)))
    }
}
