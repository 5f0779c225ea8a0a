/// A dictionary or set key: a value hashed and compared as Swift hashes and compares its type.
struct HashKey: Hashable {
    let value: Value

    init(_ value: Value) { self.value = value }

    static func == (a: HashKey, b: HashKey) -> Bool { structurallyEqual(a.value, b.value) }

    func hash(into hasher: inout Hasher) { hashInto(value, into: &hasher) }
}

/// Insertion-ordered hash table behind cells' dictionaries and sets. Swift leaves the order of
/// a Dictionary or Set unspecified (and different on every run); cells iterate in insertion
/// order, so the same notebook gives the same page. Removal leaves a hole that later
/// compaction fills, so every operation is amortised O(1).
struct OrderedTable {
    private(set) var keys: [HashKey?] = []
    private(set) var values: [Value] = []
    private var index: [HashKey: Int] = [:]
    private(set) var count = 0

    init() {}

    init(minimumCapacity: Int) {
        keys.reserveCapacity(minimumCapacity)
        values.reserveCapacity(minimumCapacity)
        index.reserveCapacity(minimumCapacity)
    }

    func position(of key: HashKey) -> Int? { index[key] }

    func value(for key: HashKey) -> Value? {
        guard let i = index[key] else { return nil }
        return values[i]
    }

    /// Sets the value for a key; returns the previous value.
    @discardableResult
    mutating func update(_ value: Value, for key: HashKey) -> Value? {
        if let i = index[key] {
            let old = values[i]
            values[i] = value
            return old
        }
        index[key] = keys.count
        keys.append(key)
        values.append(value)
        count += 1
        return nil
    }

    /// Inserts a key only if absent; returns whether it was inserted.
    mutating func insert(_ key: HashKey) -> Bool {
        if index[key] != nil { return false }
        update(.void, for: key)
        return true
    }

    @discardableResult
    mutating func remove(_ key: HashKey) -> Value? {
        guard let i = index.removeValue(forKey: key) else { return nil }
        let old = values[i]
        keys[i] = nil
        values[i] = .void
        count -= 1
        if keys.count > 32 && count * 2 < keys.count { compact() }
        return old
    }

    mutating func removeAll() {
        keys = []
        values = []
        index = [:]
        count = 0
    }

    /// Modifies a key's value in place (it must be present).
    mutating func modifyValue<R>(at position: Int, _ body: (inout Value) throws(CellFailure) -> R) throws(CellFailure) -> R {
        try body(&values[position])
    }

    /// Modifies a key's value in place, first adding the key with `makeDefault()`'s value when
    /// it is missing: `d[k, default: v] op= x` with one lookup of a present key.
    mutating func modifyValue<R>(for key: HashKey, default makeDefault: () throws(CellFailure) -> Value,
                                 _ body: (inout Value) throws(CellFailure) -> R) throws(CellFailure) -> R {
        if let i = index[key] { return try body(&values[i]) }
        var v = try makeDefault()
        let r = try body(&v)
        update(v, for: key)
        return r
    }

    private mutating func compact() {
        var newKeys: [HashKey?] = []
        var newValues: [Value] = []
        newKeys.reserveCapacity(count)
        newValues.reserveCapacity(count)
        index.removeAll(keepingCapacity: true)
        for (k, v) in zip(keys, values) {
            guard let k else { continue }
            index[k] = newKeys.count
            newKeys.append(k)
            newValues.append(v)
        }
        keys = newKeys
        values = newValues
    }

    /// The entries in order.
    var entries: [(key: Value, value: Value)] {
        var out: [(key: Value, value: Value)] = []
        out.reserveCapacity(count)
        for (k, v) in zip(keys, values) {
            if let k { out.append((k.value, v)) }
        }
        return out
    }

    var orderedKeys: [Value] {
        var out: [Value] = []
        out.reserveCapacity(count)
        for k in keys { if let k { out.append(k.value) } }
        return out
    }

    var orderedValues: [Value] {
        var out: [Value] = []
        out.reserveCapacity(count)
        for (k, v) in zip(keys, values) where k != nil { out.append(v) }
        return out
    }
}

/// A dictionary's storage, shared until written.
public final class DictionaryBox {
    var table: OrderedTable
    init(_ table: OrderedTable = OrderedTable()) { self.table = table }
}

/// A set's storage, shared until written.
public final class SetBox {
    var table: OrderedTable
    init(_ table: OrderedTable = OrderedTable()) { self.table = table }
}

/// Swift's `==` for values of the same static type whose equality the language synthesizes
/// (numbers, strings, collections, tuples, structs and enums made of those).
func structurallyEqual(_ a: Value, _ b: Value) -> Bool {
    switch (a, b) {
    case (.void, .void), (.none, .none): return true
    case (.bool(let x), .bool(let y)): return x == y
    case (.int(let x), .int(let y)): return x == y
    case (.double(let x), .double(let y)): return x == y
    case (.string(let x), .string(let y)): return x == y
    case (.character(let x), .character(let y)): return x == y
    case (.substring(let x), .substring(let y)): return x.value == y.value
    case (.substring(let x), .string(let y)): return x.value == y
    case (.string(let x), .substring(let y)): return x == y.value
    case (.array(let x), .array(let y)), (.tuple(let x), .tuple(let y)), (.structValue(let x), .structValue(let y)):
        return x.count == y.count && zip(x, y).allSatisfy { structurallyEqual($0, $1) }
    case (.arraySlice(let x), .arraySlice(let y)):
        return x.value.count == y.value.count && zip(x.value, y.value).allSatisfy { structurallyEqual($0, $1) }
    case (.enumValue(let t1, let p1), .enumValue(let t2, let p2)):
        guard t1 == t2 else { return false }
        switch (p1, p2) {
        case (nil, nil): return true
        case (let x?, let y?): return x.count == y.count && zip(x, y).allSatisfy { structurallyEqual($0, $1) }
        default: return false
        }
    case (.some(let x), .some(let y)): return structurallyEqual(x.value, y.value)
    case (.intRange(let a1, let b1), .intRange(let a2, let b2)): return a1 == a2 && b1 == b2
    case (.range(let x), .range(let y)):
        return optionalEqual(x.lower, y.lower) && optionalEqual(x.upper, y.upper)
    case (.set(let x), .set(let y)):
        return x.table.count == y.table.count && x.table.orderedKeys.allSatisfy { y.table.position(of: HashKey($0)) != nil }
    case (.dictionary(let x), .dictionary(let y)):
        guard x.table.count == y.table.count else { return false }
        for (k, v) in x.table.entries {
            guard let w = y.table.value(for: HashKey(k)), structurallyEqual(v, w) else { return false }
        }
        return true
    case (.instance(let x), .instance(let y)): return x === y
    case (.object(let x), .object(let y)): return x === y
    case (.metatype(let x), .metatype(let y)): return x == y
    case (.existential(let x), .existential(let y)): return x.type == y.type && structurallyEqual(x.value, y.value)
    default: return false
    }
}

private func optionalEqual(_ a: Value?, _ b: Value?) -> Bool {
    switch (a, b) {
    case (nil, nil): return true
    case (let x?, let y?): return structurallyEqual(x, y)
    default: return false
    }
}

/// Hashes a value consistently with `structurallyEqual`.
func hashInto(_ v: Value, into hasher: inout Hasher) {
    switch v {
    case .void: hasher.combine(0)
    case .bool(let b): hasher.combine(b)
    case .int(let i): hasher.combine(i)
    case .double(let d): hasher.combine(d)
    case .string(let s): hasher.combine(s)
    case .substring(let s): hasher.combine(String(s.value))
    case .character(let c): hasher.combine(c)
    case .array(let xs), .tuple(let xs), .structValue(let xs):
        hasher.combine(xs.count)
        for x in xs { hashInto(x, into: &hasher) }
    case .arraySlice(let s):
        hasher.combine(s.value.count)
        for x in s.value { hashInto(x, into: &hasher) }
    case .enumValue(let tag, let payload):
        hasher.combine(tag)
        for x in payload ?? [] { hashInto(x, into: &hasher) }
    case .none: hasher.combine(-1)
    case .some(let box): hasher.combine(1); hashInto(box.value, into: &hasher)
    case .intRange(let a, let b): hasher.combine(a); hasher.combine(b)
    case .set(let s):
        // Order-independent, as Swift's Set hashes.
        var sum = 0
        for k in s.table.orderedKeys { sum &+= HashKey(k).hashValue }
        hasher.combine(sum)
    case .metatype(let t): hasher.combine(t)
    case .instance(let i): hasher.combine(ObjectIdentifier(i))
    case .object(let o): hasher.combine(ObjectIdentifier(o))
    default: hasher.combine(7)
    }
}
