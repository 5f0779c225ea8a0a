/// Reads a variable of the running function's own frame.
final class LocalGet: Expr {
    let slot: Int

    init(slot: Int, position: Int) {
        self.slot = slot
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value { cx.locals[slot] }

    override func evalInt(_ cx: Context) throws(CellFailure) -> Int {
        if case .int(let i) = cx.locals[slot] { return i }
        return try super.evalInt(cx)
    }

    override func evalBool(_ cx: Context) throws(CellFailure) -> Bool {
        if case .bool(let b) = cx.locals[slot] { return b }
        return try super.evalBool(cx)
    }
}

/// Reads a top-level (session) variable.
final class GlobalGet: Expr {
    let slot: Int

    init(slot: Int, position: Int) {
        self.slot = slot
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value { cx.globalSlots[slot] }
}

/// Reads a variable of an enclosing function, `depth` frames out.
final class OuterGet: Expr {
    let depth: Int
    let slot: Int

    init(depth: Int, slot: Int, position: Int) {
        self.depth = depth
        self.slot = slot
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value { cx.outer!.ancestor(depth - 1)[slot] }
}

/// Where a variable lives, resolved when the cell is lowered: the running function's own
/// slots, the notebook's top level, or an enclosing function's frame `depth` levels out.
enum SlotAddress: Equatable {
    case local(Int)
    case global(Int)
    case outer(depth: Int, slot: Int)

    @inline(__always)
    func pointer(_ cx: Context) -> UnsafeMutablePointer<Value> {
        switch self {
        case .local(let s): cx.locals + s
        case .global(let s): cx.globalSlots + s
        case .outer(let d, let s): cx.outer!.ancestor(d - 1).storage + s
        }
    }
}

/// Something that can be assigned to: a variable, an element, a property.
class LValue {
    let position: Int

    init(position: Int) {
        self.position = position
    }

    func get(_ cx: Context) throws(CellFailure) -> Value { fatalError("abstract") }

    /// Changes the stored value in place (so `a[i] = x` does not copy the array).
    func modify(_ cx: Context, _ body: (inout Value) throws(CellFailure) -> Void) throws(CellFailure) {
        fatalError("abstract")
    }

    func set(_ cx: Context, _ value: Value) throws(CellFailure) {
        try modify(cx) { (stored: inout Value) throws(CellFailure) in stored = value }
    }
}

final class SlotLValue: LValue {
    let address: SlotAddress

    init(_ address: SlotAddress, position: Int) {
        self.address = address
        super.init(position: position)
    }

    override func get(_ cx: Context) throws(CellFailure) -> Value {
        address.pointer(cx).pointee
    }

    override func set(_ cx: Context, _ value: Value) throws(CellFailure) {
        address.pointer(cx).pointee = value
    }

    override func modify(_ cx: Context, _ body: (inout Value) throws(CellFailure) -> Void) throws(CellFailure) {
        // In place: the body holds the only reference, so an array is not copied on write.
        try body(&address.pointer(cx).pointee)
    }
}

/// `let x = e` / `var x = e` / `x = e`: stores into a slot, checking a type annotation if any.
final class StoreStmt: Stmt {
    let address: SlotAddress
    let value: Expr
    let annotation: TypeAnnotation?

    init(_ address: SlotAddress, value: Expr, annotation: TypeAnnotation?, position: Int) {
        self.address = address
        self.value = value
        self.annotation = annotation
        super.init(position: position)
    }

    override func exec(_ cx: Context) throws(CellFailure) -> Flow {
        var v = try value.eval(cx)
        if let annotation { v = try annotation.check(v, at: value.position) }
        address.pointer(cx).pointee = v
        return .normal
    }
}

/// `let (a, b) = e`: stores a tuple's elements into slots.
final class DestructureStmt: Stmt {
    let addresses: [SlotAddress?]
    let value: Expr

    init(_ addresses: [SlotAddress?], value: Expr, position: Int) {
        self.addresses = addresses
        self.value = value
        super.init(position: position)
    }

    override func exec(_ cx: Context) throws(CellFailure) -> Flow {
        let v = try value.eval(cx)
        let elements: [Value]
        switch v {
        case .tuple(let t): elements = t.elements
        case .array(let a): elements = a
        default: throw CellFailure(.type, "cannot destructure a \(v.typeName) into \(addresses.count) names", at: value.position)
        }
        guard elements.count == addresses.count else {
            throw CellFailure(.type, "cannot destructure \(elements.count) values into \(addresses.count) names", at: value.position)
        }
        for (address, element) in zip(addresses, elements) {
            guard let address else { continue }
            address.pointer(cx).pointee = element
        }
        return .normal
    }
}

/// `target = value` as an expression (it yields Void, as in Swift).
final class AssignExpr: Expr {
    let target: LValue
    let value: Expr

    init(_ target: LValue, value: Expr, position: Int) {
        self.target = target
        self.value = value
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        let v = try value.eval(cx)
        try target.set(cx, v)
        return .void
    }
}

/// `target op= value`: `+=`, `-=`, `*=`, `/=`, `%=`.
final class CompoundAssignExpr: Expr {
    let target: LValue
    let op: BinaryOperator
    let value: Expr

    init(_ target: LValue, op: BinaryOperator, value: Expr, position: Int) {
        self.target = target
        self.op = op
        self.value = value
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        let rhs = try value.eval(cx)
        let op = self.op, position = self.position, registry = cx.registry, maxElements = cx.limits.maxElements
        try target.modify(cx) { (stored: inout Value) throws(CellFailure) in
            // Fast paths keep `s += i` cheap in loops.
            if case .int(let a) = stored, case .int(let b) = rhs, op == .add {
                let (r, overflow) = a.addingReportingOverflow(b)
                if !overflow { stored = .int(r); return }
            }
            if case .double(let a) = stored, case .double(let b) = rhs, op == .add {
                stored = .double(a + b)
                return
            }
            if op == .add, case .array(var items) = stored {
                stored = .void
                switch rhs {
                case .array(let more):
                    if items.count + more.count > maxElements {
                        stored = .array(items)
                        try checkGrowth(items.count + more.count, maxElements, "elements", at: position)
                    }
                    items.append(contentsOf: more)
                default:
                    stored = .array(items)
                    throw CellFailure(.type, "cannot append a \(rhs.typeName) to an array with +=; use append(_:)", at: position)
                }
                stored = .array(items)
                return
            }
            stored = try applyBinary(op, stored, rhs, registry: registry, at: position, maxElements: maxElements)
        }
        return .void
    }
}
