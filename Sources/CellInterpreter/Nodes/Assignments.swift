/// `target = value`: the target's indices first, then the value, then the store.
final class AssignExpr: Expr {
    let target: LValue
    let value: Expr

    init(_ target: LValue, value: Expr, position: Int) {
        self.target = target
        self.value = value
        super.init(position: position)
    }

    override func run(_ cx: Context) throws(CellFailure) {
        var keys: [Value] = []
        if target.hasKeys { try target.prepare(cx, &keys) }
        try target.assign(cx, keys, try value.eval(cx))
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        try run(cx)
        return .void
    }
}

/// `x = value` for a plain variable.
final class AssignVariableExpr: Expr {
    let storage: VariableStorage
    let value: Expr
    /// How `value` is evaluated: an Int or a Double through `evalInt`/`evalDouble`.
    private let valueKind: ValueKind

    init(_ storage: VariableStorage, value: Expr, valueType: CellType?, position: Int) {
        self.storage = storage
        self.value = value
        valueKind = ValueKind(valueType)
        super.init(position: position)
    }

    override func run(_ cx: Context) throws(CellFailure) {
        let v = try valueKind.eval(UnretainedExpr(value), cx)
        switch storage {
        case .local(let slot): (cx.frame + slot).store(v)
        case .boxedLocal(let slot):
            guard case .box(let b) = cx.frame[slot] else { throw internalMismatch("box", cx.frame[slot], position) }
            b.value = v
        case .capture(let i): cx.captures[i].value = v
        case .global(let slot): cx.globals[slot] = v
        }
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        try run(cx)
        return .void
    }
}

/// `a[i] = value` for a local or global array and an Int index: no keys, no closures.
final class AssignArrayElementExpr: Expr {
    let slot: DirectSlot
    let index: Expr
    let value: Expr
    private let indexOperand: InlineOperand
    private let valueKind: ValueKind

    init(_ slot: DirectSlot, index: Expr, value: Expr, valueType: CellType?, position: Int) {
        self.slot = slot
        self.index = index
        self.value = value
        indexOperand = InlineOperand(index)
        valueKind = ValueKind(valueType)
        super.init(position: position)
    }

    override func run(_ cx: Context) throws(CellFailure) {
        let i = try indexOperand.int(index, cx)
        let v = try valueKind.eval(UnretainedExpr(value), cx)
        let pointer = slot.pointer(cx)
        // Moved out of its slot and put back: the element is written in place, with no copy.
        guard case .array = pointer.pointee else { throw internalMismatch("array", pointer.pointee, position) }
        guard case .array(var array) = pointer.move() else { fatalError("unreachable: checked above") }
        defer { pointer.initialize(to: .array(array)) }
        guard i >= 0 && i < array.count else { throw indexOutOfRange(i, count: array.count, at: position) }
        array[i] = v
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        try run(cx)
        return .void
    }
}

/// `target op= value`: the value first, then the target read once, the operator applied and
/// the result written back in place.
final class CompoundAssignExpr: Expr {
    let target: LValue
    let value: Expr
    /// The operator applied to the target's value (`MatchedValueExpr`) and the value (`OperandValueExpr`).
    let operation: Expr

    init(_ target: LValue, value: Expr, operation: Expr, position: Int) {
        self.target = target
        self.value = value
        self.operation = operation
        super.init(position: position)
    }

    override func run(_ cx: Context) throws(CellFailure) {
        // The place's keys are evaluated before the value, as Swift does (`a[i] += f()`).
        if target.keyCount == 1 {
            let key = try target.singleKey(cx)
            let v = try value.eval(cx)
            try target.modify(cx, singleKey: key) { (place) throws(CellFailure) in try apply(&place, v, cx) }
            return
        }
        var keys: [Value] = []
        if target.hasKeys { try target.prepare(cx, &keys) }
        let v = try value.eval(cx)
        try target.modify(cx, keys) { (place) throws(CellFailure) in try apply(&place, v, cx) }
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        try run(cx)
        return .void
    }

    @inline(__always)
    private func apply(_ place: inout Value, _ v: Value, _ cx: Context) throws(CellFailure) {
        let savedMatched = cx.matchedValue, savedOperand = cx.operandValue
        cx.matchedValue = place
        cx.operandValue = v
        defer {
            cx.matchedValue = savedMatched
            cx.operandValue = savedOperand
        }
        place = .uninitialized
        do throws(CellFailure) {
            place = try operation.eval(cx)
        } catch {
            place = cx.matchedValue
            throw error
        }
    }
}

/// `x += n`, `x -= n` … for an Int or Double variable, in place.
final class CompoundNumberAssignExpr: Expr {
    enum Operation {
        case intAdd, intSubtract, intMultiply, doubleAdd, doubleSubtract, doubleMultiply, doubleDivide

        /// The in-place operation an operator's intrinsic stands for, if it has one.
        init?(_ intrinsic: Intrinsic?) {
            switch intrinsic {
            case .intAdd?: self = .intAdd
            case .intSubtract?: self = .intSubtract
            case .intMultiply?: self = .intMultiply
            case .doubleAdd?: self = .doubleAdd
            case .doubleSubtract?: self = .doubleSubtract
            case .doubleMultiply?: self = .doubleMultiply
            case .doubleDivide?: self = .doubleDivide
            default: return nil
            }
        }

        var isInt: Bool { self == .intAdd || self == .intSubtract || self == .intMultiply }

        /// The right-hand side, evaluated as the operation's number type.
        @inline(__always)
        func operand(_ e: Expr, _ cx: Context) throws(CellFailure) -> Value {
            isInt ? .int(try e.evalInt(cx)) : .double(try e.evalDouble(cx))
        }

        /// `x op y` for an Int operation, trapping on overflow as Swift does.
        @inline(__always)
        func apply(_ x: Int, _ y: Int, at position: Int) throws(CellFailure) -> Int {
            let (r, o): (Int, Bool)
            switch self {
            case .intAdd: (r, o) = x.addingReportingOverflow(y)
            case .intSubtract: (r, o) = x.subtractingReportingOverflow(y)
            default: (r, o) = x.multipliedReportingOverflow(by: y)
            }
            if o { throw overflow(self == .intAdd ? "+" : self == .intSubtract ? "-" : "*", x, y, position) }
            return r
        }

        /// `x op y` for a Double operation.
        @inline(__always)
        func apply(_ x: Double, _ y: Double) -> Double {
            switch self {
            case .doubleAdd: x + y
            case .doubleSubtract: x - y
            case .doubleMultiply: x * y
            default: x / y
            }
        }

        /// `place op= operand`, trapping on Int overflow as Swift does.
        @inline(__always)
        func apply(to place: inout Value, _ operand: Value, at position: Int) throws(CellFailure) {
            switch (place, operand) {
            case (.int(let x), .int(let y)):
                place = .int(try apply(x, y, at: position))
            case (.double(let x), .double(let y)):
                place = .double(apply(x, y))
            default:
                throw internalMismatch("number", place, position)
            }
        }
    }

    let slot: DirectSlot
    let value: Expr
    let operation: Operation
    private let valueOperand: InlineOperand

    init(_ slot: DirectSlot, value: Expr, operation: Operation, position: Int) {
        self.slot = slot
        self.value = value
        self.operation = operation
        valueOperand = InlineOperand(value)
        super.init(position: position)
    }

    override func run(_ cx: Context) throws(CellFailure) {
        // The variable holds a number: read and written as one, with nothing to release.
        if operation.isInt {
            let y = try valueOperand.int(value, cx)
            let place = slot.pointer(cx)
            guard case .int(let x) = place.pointee else { throw internalMismatch("Int", place.pointee, position) }
            place.initialize(to: .int(try operation.apply(x, y, at: position)))
        } else {
            let y = try valueOperand.double(value, cx)
            let place = slot.pointer(cx)
            guard case .double(let x) = place.pointee else { throw internalMismatch("Double", place.pointee, position) }
            place.initialize(to: .double(operation.apply(x, y)))
        }
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        try run(cx)
        return .void
    }
}

/// `(a, b) = (b, a)`: the value first, then each target in turn.
final class TupleAssignExpr: Expr {
    let targets: [LValue?]
    let value: Expr

    init(_ targets: [LValue?], value: Expr, position: Int) {
        self.targets = targets
        self.value = value
        super.init(position: position)
    }

    override func run(_ cx: Context) throws(CellFailure) {
        var allKeys: [[Value]] = []
        for t in targets {
            var keys: [Value] = []
            if let t, t.hasKeys { try t.prepare(cx, &keys) }
            allKeys.append(keys)
        }
        let v = try value.eval(cx)
        if targets.count == 1 { return }
        guard case .tuple(let parts) = v else { throw internalMismatch("tuple", v, position) }
        for (i, t) in targets.enumerated() {
            guard let t else { continue }
            let part = parts[i]
            try t.modify(cx, allKeys[i]) { (place) throws(CellFailure) in place = part }
        }
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        try run(cx)
        return .void
    }
}

/// Reads a place (used where a place's value is needed as a value: a computed path).
final class ReadPlaceExpr: Expr {
    let place: LValue

    init(_ place: LValue, position: Int) {
        self.place = place
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        var keys: [Value] = []
        if place.hasKeys { try place.prepare(cx, &keys) }
        return try place.read(cx, keys)
    }
}
