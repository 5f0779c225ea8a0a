/// A place that can be read and written: a variable, or a path into one (`a[i].x`, `p.q!.r`).
/// Writes go through `modify`, which reaches the value in place: each step takes its part out
/// of the whole (so the part's storage is not shared), changes it and puts it back, which makes
/// `a[i] = x` and `a.append(x)` O(1) as in Swift. The sub-expressions a path needs (indices,
/// class instances) are evaluated first, in order, by `prepare`.
class LValue {
    let position: Int
    /// Needs `prepare` (it has indices or a class instance to evaluate).
    let hasKeys: Bool
    /// Where this step's own keys start among the path's keys (after its base's).
    let keyOffset: Int
    /// How many keys the path up to and including this step has.
    let keyCount: Int

    init(position: Int, base: LValue?, ownKeys: Int) {
        self.position = position
        keyOffset = base?.keyCount ?? 0
        keyCount = keyOffset + ownKeys
        hasKeys = keyCount > 0
    }

    func prepare(_ cx: Context, _ keys: inout [Value]) throws(CellFailure) {}

    func modify(_ cx: Context, _ keys: [Value], _ body: (inout Value) throws(CellFailure) -> Void) throws(CellFailure) {
        fatalError("\(type(of: self)) does not implement modify")
    }

    /// Stores `value` (after `prepare`): a plain assignment. Accessors override it so that only
    /// the setter runs, as in Swift (`x[i] = v` never calls the subscript's getter).
    func assign(_ cx: Context, _ keys: [Value], _ value: Value) throws(CellFailure) {
        var v = value
        try modify(cx, keys) { (place) throws(CellFailure) in swap(&place, &v) }
    }

    /// Reads the value (after `prepare`).
    func read(_ cx: Context, _ keys: [Value]) throws(CellFailure) -> Value {
        var result = Value.void
        try modify(cx, keys) { (v) throws(CellFailure) in result = v }
        return result
    }

    /// Prepares, then modifies: the whole access.
    /// The one key of a place that has exactly one (`a[i]`, `a[i].x`), evaluated now.
    func singleKey(_ cx: Context) throws(CellFailure) -> Value {
        var keys: [Value] = []
        try prepare(cx, &keys)
        return keys[0]
    }

    /// `modify` for a place with exactly one key.
    func modify(_ cx: Context, singleKey: Value, _ body: (inout Value) throws(CellFailure) -> Void) throws(CellFailure) {
        try modify(cx, [singleKey], body)
    }

    func access(_ cx: Context, _ body: (inout Value) throws(CellFailure) -> Void) throws(CellFailure) {
        var keys: [Value] = []
        if hasKeys {
            keys.reserveCapacity(keyCount)
            try prepare(cx, &keys)
        }
        try modify(cx, keys, body)
    }

    final func assign(_ cx: Context, _ value: Value) throws(CellFailure) {
        try access(cx) { (v) throws(CellFailure) in v = value }
    }
}

/// A variable itself.
final class VariableLValue: LValue {
    let storage: VariableStorage

    init(_ storage: VariableStorage, position: Int) {
        self.storage = storage
        super.init(position: position, base: nil, ownKeys: 0)
    }

    override func modify(_ cx: Context, _ keys: [Value], _ body: (inout Value) throws(CellFailure) -> Void) throws(CellFailure) {
        switch storage {
        case .local(let slot):
            try body(&cx.frame[slot])
        case .boxedLocal(let slot):
            guard case .box(let b) = cx.frame[slot] else { throw internalMismatch("box", cx.frame[slot], position) }
            try body(&b.value)
        case .capture(let i):
            try body(&cx.captures[i].value)
        case .global(let slot):
            try body(&cx.globals[slot])
        }
    }
}

/// A static stored property.
final class StaticPropertyLValue: LValue {
    let getter: StaticPropertyGet

    init(_ getter: StaticPropertyGet, position: Int) {
        self.getter = getter
        super.init(position: position, base: nil, ownKeys: 0)
    }

    override func modify(_ cx: Context, _ keys: [Value], _ body: (inout Value) throws(CellFailure) -> Void) throws(CellFailure) {
        try getter.ensure(cx)
        try body(&cx.globals[getter.slot])
    }
}

/// Takes a value out of its place so that what it holds is not shared, and puts it back after.
@inline(__always)
func withTaken<T>(_ v: inout Value, _ extract: (Value) -> T?, _ rebuild: (T) -> Value, expected: String, at position: Int,
                  _ body: (inout T) throws(CellFailure) -> Void) throws(CellFailure) {
    guard var part = extract(v) else { throw internalMismatch(expected, v, position) }
    v = .uninitialized
    do throws(CellFailure) {
        try body(&part)
    } catch {
        v = rebuild(part)
        throw error
    }
    v = rebuild(part)
}

/// A stored property of a struct.
final class FieldLValue: LValue {
    let base: LValue
    let index: Int

    init(base: LValue, index: Int, position: Int) {
        self.base = base
        self.index = index
        super.init(position: position, base: base, ownKeys: 0)
    }

    override func prepare(_ cx: Context, _ keys: inout [Value]) throws(CellFailure) { try base.prepare(cx, &keys) }

    override func modify(_ cx: Context, _ keys: [Value], _ body: (inout Value) throws(CellFailure) -> Void) throws(CellFailure) {
        let index = self.index, position = self.position
        try base.modify(cx, keys) { (whole) throws(CellFailure) in
            try withTaken(&whole, { if case .structValue(let f) = $0 { return f } else { return nil } }, { .structValue($0) },
                          expected: "struct", at: position) { (fields) throws(CellFailure) in try body(&fields[index]) }
        }
    }
}

/// A stored property of a class instance (any reference to it will do).
final class ClassFieldLValue: LValue {
    let base: Expr
    let index: Int

    init(base: Expr, index: Int, position: Int) {
        self.base = base
        self.index = index
        super.init(position: position, base: nil, ownKeys: 1)
    }

    override func prepare(_ cx: Context, _ keys: inout [Value]) throws(CellFailure) { keys.append(try base.eval(cx)) }

    override func modify(_ cx: Context, _ keys: [Value], _ body: (inout Value) throws(CellFailure) -> Void) throws(CellFailure) {
        guard case .instance(let object) = keys[keyOffset] else { throw internalMismatch("class instance", keys[keyOffset], position) }
        try body(&object.fields[index])
    }
}

/// An element of a tuple.
final class TupleElementLValue: LValue {
    let base: LValue
    let index: Int

    init(base: LValue, index: Int, position: Int) {
        self.base = base
        self.index = index
        super.init(position: position, base: base, ownKeys: 0)
    }

    override func prepare(_ cx: Context, _ keys: inout [Value]) throws(CellFailure) { try base.prepare(cx, &keys) }

    override func modify(_ cx: Context, _ keys: [Value], _ body: (inout Value) throws(CellFailure) -> Void) throws(CellFailure) {
        let index = self.index, position = self.position
        try base.modify(cx, keys) { (whole) throws(CellFailure) in
            try withTaken(&whole, { if case .tuple(let f) = $0 { return f } else { return nil } }, { .tuple($0) },
                          expected: "tuple", at: position) { (elements) throws(CellFailure) in try body(&elements[index]) }
        }
    }
}

/// `a[i]` of an array, by Int index.
final class ArrayElementLValue: LValue {
    let base: LValue
    let index: Expr

    init(base: LValue, index: Expr, position: Int) {
        self.base = base
        self.index = index
        super.init(position: position, base: base, ownKeys: 1)
    }

    override func prepare(_ cx: Context, _ keys: inout [Value]) throws(CellFailure) {
        try base.prepare(cx, &keys)
        keys.append(.int(try index.evalInt(cx)))
    }

    override func modify(_ cx: Context, _ keys: [Value], _ body: (inout Value) throws(CellFailure) -> Void) throws(CellFailure) {
        let position = self.position, offset = keyOffset
        try base.modify(cx, keys) { (whole) throws(CellFailure) in
            guard case .int(let i) = keys[offset] else { throw internalMismatch("Int", keys[offset], position) }
            try withTaken(&whole, { if case .array(let a) = $0 { return a } else { return nil } }, { .array($0) },
                          expected: "array", at: position) { (array) throws(CellFailure) in
                guard i >= 0 && i < array.count else { throw indexOutOfRange(i, count: array.count, at: position) }
                try body(&array[i])
            }
        }
    }
}

/// `a[i]`, `a[i].x`, `a[i].p.q` on an array variable, reached in one step with no list of
/// keys: the place numeric loops write most (n-body's `bodies[i].vx -= dx * m`). The general
/// path (a key list per access, a closure per step) cost n-body 2.3× its run time.
final class VariableArrayElementPath: LValue {
    let variable: VariableLValue
    let index: Expr
    /// Stored-property indices below the element, outermost first.
    let fields: [Int]

    init(variable: VariableLValue, index: Expr, fields: [Int], position: Int) {
        self.variable = variable
        self.index = index
        self.fields = fields
        super.init(position: position, base: variable, ownKeys: 1)
    }

    /// The same place one stored property further down.
    func field(_ i: Int, position: Int) -> VariableArrayElementPath {
        VariableArrayElementPath(variable: variable, index: index, fields: fields + [i], position: position)
    }

    override func prepare(_ cx: Context, _ keys: inout [Value]) throws(CellFailure) {
        keys.append(.int(try index.evalInt(cx)))
    }

    override func access(_ cx: Context, _ body: (inout Value) throws(CellFailure) -> Void) throws(CellFailure) {
        try update(cx, try index.evalInt(cx), body)
    }

    override func singleKey(_ cx: Context) throws(CellFailure) -> Value { .int(try index.evalInt(cx)) }

    override func modify(_ cx: Context, singleKey: Value, _ body: (inout Value) throws(CellFailure) -> Void) throws(CellFailure) {
        guard case .int(let i) = singleKey else { throw internalMismatch("Int", singleKey, position) }
        try update(cx, i, body)
    }

    override func modify(_ cx: Context, _ keys: [Value], _ body: (inout Value) throws(CellFailure) -> Void) throws(CellFailure) {
        guard case .int(let i) = keys[keyOffset] else { throw internalMismatch("Int", keys[keyOffset], position) }
        try update(cx, i, body)
    }

    private func update(_ cx: Context, _ i: Int, _ body: (inout Value) throws(CellFailure) -> Void) throws(CellFailure) {
        let position = self.position
        try variable.modify(cx, []) { (whole) throws(CellFailure) in
            guard case .array(var array) = whole else { throw internalMismatch("array", whole, position) }
            whole = .uninitialized
            defer { whole = .array(array) }
            guard i >= 0 && i < array.count else { throw indexOutOfRange(i, count: array.count, at: position) }
            try Self.descend(&array[i], fields[...], position, body)
        }
    }

    private static func descend(_ v: inout Value, _ path: ArraySlice<Int>, _ position: Int,
                                _ body: (inout Value) throws(CellFailure) -> Void) throws(CellFailure) {
        guard let first = path.first else { return try body(&v) }
        guard case .structValue(var f) = v else { throw internalMismatch("struct", v, position) }
        v = .uninitialized
        defer { v = .structValue(f) }
        try descend(&f[first], path.dropFirst(), position, body)
    }
}

/// `s[i]` of an ArraySlice (indices are the base array's).
final class SliceElementLValue: LValue {
    let base: LValue
    let index: Expr

    init(base: LValue, index: Expr, position: Int) {
        self.base = base
        self.index = index
        super.init(position: position, base: base, ownKeys: 1)
    }

    override func prepare(_ cx: Context, _ keys: inout [Value]) throws(CellFailure) {
        try base.prepare(cx, &keys)
        keys.append(.int(try index.evalInt(cx)))
    }

    override func modify(_ cx: Context, _ keys: [Value], _ body: (inout Value) throws(CellFailure) -> Void) throws(CellFailure) {
        let position = self.position, offset = keyOffset
        try base.modify(cx, keys) { (whole) throws(CellFailure) in
            guard case .int(let i) = keys[offset], case .arraySlice(var box) = whole else { throw internalMismatch("ArraySlice", whole, position) }
            whole = .uninitialized
            if !isKnownUniquelyReferenced(&box) { box = SliceBox(box.value) }
            defer { whole = .arraySlice(box) }
            guard i >= box.value.startIndex && i < box.value.endIndex else {
                throw CellFailure(.runtime, "Fatal error: Index out of bounds", at: position)
            }
            try body(&box.value[i])
        }
    }
}

/// `d[key]` of a dictionary: an optional; assigning nil removes the key. With `default:`, the
/// value itself (the default when the key is absent).
final class DictionaryElementLValue: LValue {
    let base: LValue
    let key: Expr
    let defaultValue: Expr?
    /// The dictionary's value type: whether its optional needs a box (a value that is itself optional).
    let valueIsOptional: Bool

    init(base: LValue, key: Expr, defaultValue: Expr?, valueIsOptional: Bool, position: Int) {
        self.base = base
        self.key = key
        self.defaultValue = defaultValue
        self.valueIsOptional = valueIsOptional
        super.init(position: position, base: base, ownKeys: 1)
    }

    override func prepare(_ cx: Context, _ keys: inout [Value]) throws(CellFailure) {
        try base.prepare(cx, &keys)
        keys.append(try key.eval(cx))
    }

    override func modify(_ cx: Context, _ keys: [Value], _ body: (inout Value) throws(CellFailure) -> Void) throws(CellFailure) {
        let position = self.position
        let defaultValue = self.defaultValue, valueIsOptional = self.valueIsOptional, offset = keyOffset
        try base.modify(cx, keys) { (whole) throws(CellFailure) in
            let key = HashKey(keys[offset])
            guard case .dictionary(var box) = whole else { throw internalMismatch("dictionary", whole, position) }
            whole = .uninitialized
            if !isKnownUniquelyReferenced(&box) { box = DictionaryBox(box.table) }
            defer { whole = .dictionary(box) }
            if let defaultValue {
                if let i = box.table.position(of: key) {
                    try box.table.modifyValue(at: i, body)
                } else {
                    var v = try defaultValue.eval(cx)
                    try body(&v)
                    box.table.update(v, for: key)
                }
                return
            }
            var current: Value = box.table.value(for: key).map { wrapOptional($0, wrappedIsOptional: valueIsOptional) } ?? .none
            try body(&current)
            if case .none = current {
                box.table.remove(key)
            } else {
                box.table.update(unwrapOptional(current, wrappedIsOptional: valueIsOptional), for: key)
            }
        }
    }
}

/// `x!` as a place: the value inside (nil stops the cell).
final class ForceUnwrapLValue: LValue {
    let base: LValue
    let wrappedIsOptional: Bool

    init(base: LValue, wrappedIsOptional: Bool, position: Int) {
        self.base = base
        self.wrappedIsOptional = wrappedIsOptional
        super.init(position: position, base: base, ownKeys: 0)
    }

    override func prepare(_ cx: Context, _ keys: inout [Value]) throws(CellFailure) { try base.prepare(cx, &keys) }

    override func modify(_ cx: Context, _ keys: [Value], _ body: (inout Value) throws(CellFailure) -> Void) throws(CellFailure) {
        let position = self.position, nested = wrappedIsOptional
        try base.modify(cx, keys) { (whole) throws(CellFailure) in
            if case .none = whole { throw unexpectedNil(at: position) }
            var inner = unwrapOptional(whole, wrappedIsOptional: nested)
            whole = .uninitialized
            defer { whole = wrapOptional(inner, wrappedIsOptional: nested) }
            try body(&inner)
        }
    }
}

/// `a?` as a place inside an optional chain: the value inside, or the chain ends (nothing written).
final class OptionalBindLValue: LValue {
    let base: LValue
    let wrapped: CellType

    init(base: LValue, wrapped: CellType, position: Int) {
        self.base = base
        self.wrapped = wrapped
        super.init(position: position, base: base, ownKeys: 0)
    }

    override func prepare(_ cx: Context, _ keys: inout [Value]) throws(CellFailure) { try base.prepare(cx, &keys) }

    override func modify(_ cx: Context, _ keys: [Value], _ body: (inout Value) throws(CellFailure) -> Void) throws(CellFailure) {
        let position = self.position, nested = cx.concrete(wrapped).isOptional
        try base.modify(cx, keys) { (whole) throws(CellFailure) in
            if case .none = whole { throw CellFailure(.optionalChainNil, "", at: position) }
            var inner = unwrapOptional(whole, wrappedIsOptional: nested)
            whole = .uninitialized
            defer { whole = wrapOptional(inner, wrappedIsOptional: nested) }
            try body(&inner)
        }
    }
}

/// The root of an optional chain as a place (`p?.x = 1`): a nil inside writes nothing.
final class OptionalChainLValue: LValue {
    let base: LValue

    init(base: LValue, position: Int) {
        self.base = base
        super.init(position: position, base: base, ownKeys: 0)
    }

    override func prepare(_ cx: Context, _ keys: inout [Value]) throws(CellFailure) { try base.prepare(cx, &keys) }

    override func modify(_ cx: Context, _ keys: [Value], _ body: (inout Value) throws(CellFailure) -> Void) throws(CellFailure) {
        do throws(CellFailure) {
            try base.modify(cx, keys, body)
        } catch {
            if error.kind != .optionalChainNil { throw error }
        }
    }
}

/// A property read and written through calls: a computed property (getter and setter), a
/// subscript, or a library property — on a value (`base` is a place) or on a class instance.
final class AccessorLValue: LValue {
    /// The receiver as a place (value types), or nil when `instance` gives it.
    let base: LValue?
    let instance: Expr?
    let arguments: [Expr]
    let get: (Context, Value, [Value]) throws(CellFailure) -> Value
    let set: (Context, inout Value, [Value], Value) throws(CellFailure) -> Void

    init(base: LValue?, instance: Expr?, arguments: [Expr], position: Int,
         get: @escaping (Context, Value, [Value]) throws(CellFailure) -> Value,
         set: @escaping (Context, inout Value, [Value], Value) throws(CellFailure) -> Void) {
        self.base = base
        self.instance = instance
        self.arguments = arguments
        self.get = get
        self.set = set
        super.init(position: position, base: base, ownKeys: (instance == nil ? 0 : 1) + arguments.count)
    }

    override func prepare(_ cx: Context, _ keys: inout [Value]) throws(CellFailure) {
        if let base { try base.prepare(cx, &keys) }
        if let instance { keys.append(try instance.eval(cx)) }
        for a in arguments { keys.append(try a.eval(cx)) }
    }

    override func modify(_ cx: Context, _ keys: [Value], _ body: (inout Value) throws(CellFailure) -> Void) throws(CellFailure) {
        let count = arguments.count, offset = keyOffset
        if let base {
            try base.modify(cx, keys) { (receiver) throws(CellFailure) in
                let args = Array(keys[offset..<(offset + count)])
                var v = try get(cx, receiver, args)
                try body(&v)
                try set(cx, &receiver, args, v)
            }
        } else {
            var receiver = keys[offset]
            let args = Array(keys[(offset + 1)..<(offset + 1 + count)])
            var v = try get(cx, receiver, args)
            try body(&v)
            try set(cx, &receiver, args, v)
        }
    }

    override func assign(_ cx: Context, _ keys: [Value], _ value: Value) throws(CellFailure) {
        let count = arguments.count, offset = keyOffset
        if let base {
            try base.modify(cx, keys) { (receiver) throws(CellFailure) in
                try set(cx, &receiver, Array(keys[offset..<(offset + count)]), value)
            }
        } else {
            var receiver = keys[offset]
            try set(cx, &receiver, Array(keys[(offset + 1)..<(offset + 1 + count)]), value)
        }
    }
}

@inline(never)
func indexOutOfRange(_ i: Int, count: Int, at position: Int) -> CellFailure {
    CellFailure(.runtime, "Fatal error: Index out of range", at: position,
                notes: ["index \(i) of an array with \(count) element\(count == 1 ? "" : "s")"])
}

@inline(never)
func unexpectedNil(at position: Int) -> CellFailure {
    CellFailure(.runtime, "Fatal error: Unexpectedly found nil while unwrapping an Optional value", at: position)
}

/// An optional's representation: a value of non-optional type is held as itself, one whose
/// type is optional (`Int??`) in a box, so `.some(nil)` and `nil` stay apart.
@inline(__always)
func wrapOptional(_ v: Value, wrappedIsOptional: Bool) -> Value {
    wrappedIsOptional ? .some(OptionalBox(v)) : v
}

@inline(__always)
func unwrapOptional(_ v: Value, wrappedIsOptional: Bool) -> Value {
    if wrappedIsOptional, case .some(let box) = v { return box.value }
    return v
}
