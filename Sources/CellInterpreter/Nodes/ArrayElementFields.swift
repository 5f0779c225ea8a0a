/// A variable's own slot, local or global, for the nodes below that work on an array in place.
enum DirectSlot {
    case local(Int)
    case global(Int)

    init?(_ storage: VariableStorage) {
        switch storage {
        case .local(let s): self = .local(s)
        case .global(let s): self = .global(s)
        default: return nil
        }
    }

    /// The slot a variable read reads (a local or a global), if the node is one.
    init?(reading e: Expr) {
        switch e {
        case let e as LocalGet: self = .local(e.slot)
        case let e as GlobalGet: self = .global(e.slot)
        default: return nil
        }
    }

    @inline(__always)
    func pointer(_ cx: Context) -> UnsafeMutablePointer<Value> {
        switch self {
        case .local(let s): cx.frame + s
        case .global(let s): cx.globals + s
        }
    }
}

/// `a[i].x` where `a` is a variable holding an array of structs: the element's stored property
/// read in one node. Simulation loops (n-body, particles) are made of these; the general path
/// goes through three nodes and copies the element's whole field list.
final class ArrayFieldGet: Expr {
    let slot: DirectSlot
    let index: Expr
    let field: Int
    private let indexOperand: InlineOperand

    init(slot: DirectSlot, index: Expr, field: Int, position: Int) {
        self.slot = slot
        self.index = index
        self.field = field
        indexOperand = InlineOperand(index)
        super.init(position: position)
    }

    @inline(__always)
    private func element(_ cx: Context) throws(CellFailure) -> Value {
        let i = try indexOperand.int(index, cx)
        let place = slot.pointer(cx)
        guard case .array(let array) = place.pointee else { throw internalMismatch("array", place.pointee, position) }
        guard i >= 0 && i < array.count else { throw indexOutOfRange(i, count: array.count, at: position) }
        guard case .structValue(let fields) = array[i] else { throw internalMismatch("struct", array[i], position) }
        return fields[field]
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        try element(cx)
    }

    // evalDouble and evalInt match their way down to the number: going through `element`
    // copied (retained and released) the array and the element's fields on every read.
    override func evalDouble(_ cx: Context) throws(CellFailure) -> Double {
        let i = try indexOperand.int(index, cx)
        let place = slot.pointer(cx)
        guard case .array(let array) = place.pointee else { throw internalMismatch("array", place.pointee, position) }
        guard i >= 0 && i < array.count else { throw indexOutOfRange(i, count: array.count, at: position) }
        guard case .structValue(let fields) = array[i], case .double(let d) = fields[field] else {
            throw internalMismatch("Double", array[i], position)
        }
        return d
    }

    override func evalInt(_ cx: Context) throws(CellFailure) -> Int {
        let i = try indexOperand.int(index, cx)
        let place = slot.pointer(cx)
        guard case .array(let array) = place.pointee else { throw internalMismatch("array", place.pointee, position) }
        guard i >= 0 && i < array.count else { throw indexOutOfRange(i, count: array.count, at: position) }
        guard case .structValue(let fields) = array[i], case .int(let n) = fields[field] else {
            throw internalMismatch("Int", array[i], position)
        }
        return n
    }
}

/// `a[i].x += v` (and `-=`, `*=`, `/=`) for an Int or Double property of a struct element of
/// an array variable, in place: the index, then the value, then the update, as Swift orders them.
final class ArrayFieldCompoundAssign: Expr {
    let slot: DirectSlot
    let index: Expr
    let field: Int
    let value: Expr
    let operation: CompoundNumberAssignExpr.Operation
    private let indexOperand: InlineOperand
    private let valueOperand: InlineOperand

    init(slot: DirectSlot, index: Expr, field: Int, value: Expr, operation: CompoundNumberAssignExpr.Operation, position: Int) {
        self.slot = slot
        self.index = index
        self.field = field
        self.value = value
        self.operation = operation
        indexOperand = InlineOperand(index)
        valueOperand = InlineOperand(value)
        super.init(position: position)
    }

    override func run(_ cx: Context) throws(CellFailure) {
        let i = try indexOperand.int(index, cx)
        // The operand as a plain number (the other one unused).
        let isInt = operation.isInt
        let intOperand = isInt ? try valueOperand.int(value, cx) : 0
        let doubleOperand = isInt ? 0 : try valueOperand.double(value, cx)
        let place = slot.pointer(cx)
        // Moved out of its slot (and the element out of the array) so that the storage is not
        // shared while it is written, and put back after: the write is in place, with no copy
        // of the array and no retain or release.
        guard case .array = place.pointee else { throw internalMismatch("array", place.pointee, position) }
        guard case .array(var array) = place.move() else { fatalError("unreachable: checked above") }
        defer { place.initialize(to: .array(array)) }
        guard i >= 0 && i < array.count else { throw indexOutOfRange(i, count: array.count, at: position) }
        let field = self.field, operation = self.operation, position = self.position
        try array.withUnsafeMutableBufferPointer { (elements) throws(CellFailure) in
            let element = elements.baseAddress! + i
            guard case .structValue = element.pointee else { throw internalMismatch("struct", element.pointee, position) }
            guard case .structValue(var fields) = element.move() else { fatalError("unreachable: checked above") }
            defer { element.initialize(to: .structValue(fields)) }
            try fields.withUnsafeMutableBufferPointer { (stored) throws(CellFailure) in
                // The property holds a number: overwritten with nothing to release.
                let p = stored.baseAddress! + field
                if isInt {
                    guard case .int(let x) = p.pointee else { throw internalMismatch("Int", p.pointee, position) }
                    p.initialize(to: .int(try operation.apply(x, intOperand, at: position)))
                } else {
                    guard case .double(let x) = p.pointee else { throw internalMismatch("Double", p.pointee, position) }
                    p.initialize(to: .double(operation.apply(x, doubleOperand)))
                }
            }
        }
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        try run(cx)
        return .void
    }
}

/// `d[k, default: v0] += v` (and `-=`, `*=`, `/=`) for a dictionary variable of Int or Double
/// values, in place: the key, then the value; the default only when the key is missing.
final class DictionaryDefaultCompoundAssign: Expr {
    let slot: DirectSlot
    let key: Expr
    let defaultValue: Expr
    let value: Expr
    let operation: CompoundNumberAssignExpr.Operation

    init(slot: DirectSlot, key: Expr, defaultValue: Expr, value: Expr, operation: CompoundNumberAssignExpr.Operation, position: Int) {
        self.slot = slot
        self.key = key
        self.defaultValue = defaultValue
        self.value = value
        self.operation = operation
        super.init(position: position)
    }

    override func run(_ cx: Context) throws(CellFailure) {
        let k = HashKey(try key.eval(cx))
        let operand = try operation.operand(value, cx)
        let place = slot.pointer(cx)
        // Moved out of its slot and put back, so that neither the slot nor this node holds a
        // second reference while the table is written in place (as in `ArrayFieldCompoundAssign`).
        guard case .dictionary = place.pointee else { throw internalMismatch("dictionary", place.pointee, position) }
        guard case .dictionary(var box) = place.move() else { fatalError("unreachable: checked above") }
        if !isKnownUniquelyReferenced(&box) { box = DictionaryBox(box.table) }
        defer { place.initialize(to: .dictionary(box)) }
        let operation = self.operation, position = self.position, defaultValue = self.defaultValue
        try box.table.modifyValue(for: k) { () throws(CellFailure) in try defaultValue.eval(cx) } _: { (v) throws(CellFailure) in
            try operation.apply(to: &v, operand, at: position)
        }
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        try run(cx)
        return .void
    }
}

/// `a.append(v)` for an array variable, in place (amortised O(1)), within the element limit.
final class ArrayAppend: Expr {
    let slot: DirectSlot
    let value: Expr
    private let valueKind: ValueKind

    init(slot: DirectSlot, value: Expr, valueType: CellType?, position: Int) {
        self.slot = slot
        self.value = value
        valueKind = ValueKind(valueType)
        super.init(position: position)
    }

    override func run(_ cx: Context) throws(CellFailure) {
        let v = try valueKind.eval(UnretainedExpr(value), cx)
        let place = slot.pointer(cx)
        guard case .array = place.pointee else { throw internalMismatch("array", place.pointee, position) }
        guard case .array(var array) = place.move() else { fatalError("unreachable: checked above") }
        defer { place.initialize(to: .array(array)) }
        if array.count >= cx.limits.maxElements { try checkCount(array.count + 1, cx, at: position) }
        array.append(v)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        try run(cx)
        return .void
    }
}
