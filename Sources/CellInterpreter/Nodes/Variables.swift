/// A local variable of the running function, in its slot.
final class LocalGet: Expr {
    let slot: Int

    init(slot: Int, position: Int) {
        self.slot = slot
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        let v = cx.frame[slot]
        if case .uninitialized = v { throw internalMismatch("", v, position) }
        return v
    }

    override func evalInt(_ cx: Context) throws(CellFailure) -> Int {
        if case .int(let i) = cx.frame[slot] { return i }
        throw internalMismatch("Int", cx.frame[slot], position)
    }

    override func evalDouble(_ cx: Context) throws(CellFailure) -> Double {
        if case .double(let d) = cx.frame[slot] { return d }
        throw internalMismatch("Double", cx.frame[slot], position)
    }

    override func evalBool(_ cx: Context) throws(CellFailure) -> Bool {
        if case .bool(let b) = cx.frame[slot] { return b }
        throw internalMismatch("Bool", cx.frame[slot], position)
    }
}

/// A local variable that closures capture: its slot holds the box they share.
final class BoxedLocalGet: Expr {
    let slot: Int

    init(slot: Int, position: Int) {
        self.slot = slot
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        guard case .box(let b) = cx.frame[slot] else { throw internalMismatch("box", cx.frame[slot], position) }
        let v = b.value
        if case .uninitialized = v { throw internalMismatch("", v, position) }
        return v
    }
}

/// A variable of an enclosing function, captured by the running closure.
final class CaptureGet: Expr {
    let index: Int

    init(index: Int, position: Int) {
        self.index = index
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        let v = cx.captures[index].value
        if case .uninitialized = v { throw internalMismatch("", v, position) }
        return v
    }

    override func evalInt(_ cx: Context) throws(CellFailure) -> Int {
        if case .int(let i) = cx.captures[index].value { return i }
        throw internalMismatch("Int", cx.captures[index].value, position)
    }

    override func evalDouble(_ cx: Context) throws(CellFailure) -> Double {
        if case .double(let d) = cx.captures[index].value { return d }
        throw internalMismatch("Double", cx.captures[index].value, position)
    }
}

/// A global of the notebook (a name declared at a cell's top level).
final class GlobalGet: Expr {
    let slot: Int

    init(slot: Int, position: Int) {
        self.slot = slot
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        let v = cx.globals[slot]
        if case .uninitialized = v { throw internalMismatch("", v, position) }
        return v
    }

    override func evalInt(_ cx: Context) throws(CellFailure) -> Int {
        if case .int(let i) = cx.globals[slot] { return i }
        throw internalMismatch("Int", cx.globals[slot], position)
    }

    override func evalDouble(_ cx: Context) throws(CellFailure) -> Double {
        if case .double(let d) = cx.globals[slot] { return d }
        throw internalMismatch("Double", cx.globals[slot], position)
    }

    override func evalBool(_ cx: Context) throws(CellFailure) -> Bool {
        if case .bool(let b) = cx.globals[slot] { return b }
        throw internalMismatch("Bool", cx.globals[slot], position)
    }
}

/// A static stored property: a global slot, given its initial value the first time it is read.
final class StaticPropertyGet: Expr {
    let slot: Int
    let initializer: LoweredFunction

    init(slot: Int, initializer: LoweredFunction, position: Int) {
        self.slot = slot
        self.initializer = initializer
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        try ensure(cx)
        return cx.globals[slot]
    }

    func ensure(_ cx: Context) throws(CellFailure) {
        if case .uninitialized = cx.globals[slot] {
            cx.globals[slot] = try initializer.call(cx, arguments: [], captures: [], typeArguments: [], at: position)
        }
    }
}

/// Where a variable lives, for storing into it.
enum VariableStorage {
    case local(Int)
    /// A local that closures capture: a new box each time its declaration runs.
    case boxedLocal(Int)
    case capture(Int)
    case global(Int)
}

/// `let x = value` / `var x = value`: stores the value (in a new box for a captured variable,
/// so each loop iteration's closures keep their own).
final class DeclareStmt: Stmt {
    let storage: VariableStorage
    let value: Expr?
    /// `value`, run unretained (see `UnretainedExpr`).
    private let runningValue: UnretainedExpr?
    /// How `value` is evaluated: an Int or a Double through `evalInt`/`evalDouble`.
    private let valueKind: ValueKind

    init(_ storage: VariableStorage, value: Expr?, valueType: CellType?, position: Int) {
        self.storage = storage
        self.value = value
        runningValue = value.map(UnretainedExpr.init)
        valueKind = ValueKind(valueType)
        super.init(position: position)
    }

    override func exec(_ cx: Context) throws(CellFailure) -> Flow {
        let v = try runningValue.map { (e) throws(CellFailure) in try valueKind.eval(e, cx) } ?? .uninitialized
        switch storage {
        case .local(let slot): (cx.frame + slot).store(v)
        case .boxedLocal(let slot): cx.frame[slot] = .box(VarBox(v))
        case .capture(let i): cx.captures[i].value = v
        case .global(let slot): cx.globals[slot] = v
        }
        return .normal
    }
}

/// Stores a value into a variable's storage (used by patterns and loops).
@inline(__always)
func store(_ v: Value, into storage: VariableStorage, _ cx: Context, declaring: Bool) {
    switch storage {
    case .local(let slot): (cx.frame + slot).store(v)
    case .boxedLocal(let slot):
        if declaring {
            cx.frame[slot] = .box(VarBox(v))
        } else if case .box(let b) = cx.frame[slot] {
            b.value = v
        }
    case .capture(let i): cx.captures[i].value = v
    case .global(let slot): cx.globals[slot] = v
    }
}
