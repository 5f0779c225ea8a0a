extension Registry {
    /// Members shared by arrays and ranges (and, for reading, strings): Swift's Sequence API.
    func registerSequences() {
        let shared = sequenceMethods()
        let array = TypeBinding("Array", doc: "An ordered collection of values, with Swift's value semantics.")
        let range = TypeBinding("Range", doc: "The integers from a lower bound up to (..<) or through (...) an upper bound.")
        for f in shared {
            array.method(f)
            range.method(f)
        }
        for p in sequenceProperties() {
            array.property(p)
            range.property(p)
        }
        range.property(NativeProperty("lowerBound", "Int", doc: "The first integer.", get: { v in
            if case .range(let r) = v { return .int(r.lower) }
            return .none
        }))
        range.property(NativeProperty("upperBound", "Int", doc: "The bound as written (excluded by ..<, included by ...).", get: { v in
            if case .range(let r) = v { return .int(r.closed ? r.upper - 1 : r.upper) }
            return .none
        }))
        type(array, topic: "Collections")
        type(range, topic: "Collections")

        function(NativeFunction("zip(_ a: [Any], _ b: [Any]) -> [(Any, Any)]", doc: "Pairs up two sequences, stopping at the shorter.") { call in
            let a = try elements(call.value(0) ?? .void, call), b = try elements(call.value(1) ?? .void, call)
            return .array(zip(a, b).map { .tuple(TupleValue([$0, $1])) })
        }, topic: "Collections")
        function(NativeFunction("stride(from start: Double, to end: Double, by step: Double) -> [Double]",
                                doc: "From start up to but not including end, in steps.") { call in
            try strideValues(call, through: false)
        }, topic: "Collections")
        function(NativeFunction("stride(from start: Double, through end: Double, by step: Double) -> [Double]",
                                doc: "From start up to and including end, in steps.") { call in
            try strideValues(call, through: true)
        }, topic: "Collections")
        array.initializer(NativeFunction("init(repeating value: Any, count: Int)", doc: "count copies of a value.") { call in
            let n = try call.int(1)
            guard n >= 0 else { throw call.fail("count must not be negative") }
            guard n <= call.context.limits.maxElements else { throw call.fail("\(n) elements is more than the limit of \(call.context.limits.maxElements)") }
            return .array(Array(repeating: call.value(0) ?? .void, count: n))
        })
        array.initializer(NativeFunction("init(_ sequence: [Any])", doc: "The elements of a range or sequence, as an array.") { call in
            .array(try elements(call.value(0) ?? .void, call))
        })
    }

    private func sequenceProperties() -> [NativeProperty] {
        [
            NativeProperty("count", "Int", doc: "The number of elements.", get: { v in
                switch v {
                case .array(let a): .int(a.count)
                case .range(let r): .int(r.count)
                default: .int(0)
                }
            }),
            NativeProperty("isEmpty", "Bool", doc: "True when there are no elements.", get: { v in
                switch v {
                case .array(let a): .bool(a.isEmpty)
                case .range(let r): .bool(r.count == 0)
                default: .bool(true)
                }
            }),
            NativeProperty("first", "Any?", doc: "The first element, or nil.", get: { v in (try? elementsOf(v))?.first ?? .none }),
            NativeProperty("last", "Any?", doc: "The last element, or nil.", get: { v in (try? elementsOf(v))?.last ?? .none }),
            NativeProperty("indices", "Range<Int>", doc: "0..<count.", get: { v in
                .range(RangeValue(lower: 0, upper: (try? elementsOf(v))?.count ?? 0, closed: false))
            }),
        ]
    }

    private func sequenceMethods() -> [NativeFunction] {
        [
            NativeFunction("map(_ transform: (Any) -> Any) -> [Any]", doc: "The results of calling a function on each element.") { call in
                let f = call.value(0)!
                var out: [Value] = []
                for e in try elements(call.receiver, call) { out.append(try call.call(f, [e])) }
                return .array(out)
            },
            NativeFunction("filter(_ isIncluded: (Any) -> Bool) -> [Any]", doc: "The elements for which a function returns true.") { call in
                let f = call.value(0)!
                var out: [Value] = []
                for e in try elements(call.receiver, call) where try truth(call.call(f, [e]), call) { out.append(e) }
                return .array(out)
            },
            NativeFunction("reduce(_ initial: Any, _ combine: (Any, Any) -> Any) -> Any",
                           doc: "Combines the elements, starting from an initial value.") { call in
                let f = call.value(1)!
                var acc = call.value(0)!
                for e in try elements(call.receiver, call) { acc = try call.call(f, [acc, e]) }
                return acc
            },
            NativeFunction("forEach(_ body: (Any) -> Void)", doc: "Calls a function on each element.") { call in
                let f = call.value(0)!
                for e in try elements(call.receiver, call) { _ = try call.call(f, [e]) }
                return .void
            },
            NativeFunction("contains(_ element: Any) -> Bool", doc: "True when an element equals the value.") { call in
                let target = call.value(0)!
                return .bool(try elements(call.receiver, call).contains { valuesEqual($0, target) })
            },
            NativeFunction("contains(where predicate: (Any) -> Bool) -> Bool", doc: "True when some element satisfies the predicate.") { call in
                let f = call.value(0)!
                for e in try elements(call.receiver, call) where try truth(call.call(f, [e]), call) { return .bool(true) }
                return .bool(false)
            },
            NativeFunction("allSatisfy(_ predicate: (Any) -> Bool) -> Bool", doc: "True when every element satisfies the predicate.") { call in
                let f = call.value(0)!
                for e in try elements(call.receiver, call) where !(try truth(call.call(f, [e]), call)) { return .bool(false) }
                return .bool(true)
            },
            NativeFunction("firstIndex(of element: Any) -> Int?", doc: "The index of the first equal element, or nil.") { call in
                let target = call.value(0)!
                return try elements(call.receiver, call).firstIndex { valuesEqual($0, target) }.map(Value.int) ?? .none
            },
            NativeFunction("sorted() -> [Any]", doc: "The elements in increasing order.") { call in
                .array(try sortValues(try elements(call.receiver, call), call) { a, b in
                    try truth(applyBinary(.less, a, b, registry: call.context.registry, at: call.position), call)
                })
            },
            NativeFunction("sorted(by areInIncreasingOrder: (Any, Any) -> Bool) -> [Any]", doc: "The elements ordered by a comparison.") { call in
                let f = call.value(0)!
                return .array(try sortValues(try elements(call.receiver, call), call) { a, b in try truth(call.call(f, [a, b]), call) })
            },
            NativeFunction("reversed() -> [Any]", doc: "The elements in reverse order.") { call in
                .array(try elements(call.receiver, call).reversed())
            },
            NativeFunction("enumerated() -> [(offset: Int, element: Any)]", doc: "Pairs (offset, element), for `for (i, x) in xs.enumerated()`.") { call in
                .array(try elements(call.receiver, call).enumerated().map { .tuple(TupleValue([.int($0.offset), $0.element], labels: ["offset", "element"])) })
            },
            NativeFunction("min() -> Any?", doc: "The smallest element, or nil when empty.") { call in
                try extreme(call, smallest: true)
            },
            NativeFunction("max() -> Any?", doc: "The largest element, or nil when empty.") { call in
                try extreme(call, smallest: false)
            },
            NativeFunction("prefix(_ maxLength: Int) -> [Any]", doc: "The first n elements.") { call in
                .array(Array(try elements(call.receiver, call).prefix(max(0, try call.int(0)))))
            },
            NativeFunction("suffix(_ maxLength: Int) -> [Any]", doc: "The last n elements.") { call in
                .array(Array(try elements(call.receiver, call).suffix(max(0, try call.int(0)))))
            },
            NativeFunction("dropFirst(_ k: Int = 1) -> [Any]", doc: "All but the first k elements.") { call in
                .array(Array(try elements(call.receiver, call).dropFirst(max(0, try call.int(0, default: 1)))))
            },
            NativeFunction("dropLast(_ k: Int = 1) -> [Any]", doc: "All but the last k elements.") { call in
                .array(Array(try elements(call.receiver, call).dropLast(max(0, try call.int(0, default: 1)))))
            },
            NativeFunction("joined(separator: String = \"\") -> String", doc: "The elements' text joined with a separator.") { call in
                .string(try elements(call.receiver, call).map(\.printed).joined(separator: try call.string(0, default: "")))
            },
            NativeFunction("append(_ element: Any)", doc: "Adds an element at the end.", mutating: true) { call in
                guard case .array(var items) = call.receiver else { throw call.fail("append(_:) needs an array") }
                call.receiver = .void
                items.append(call.value(0)!)
                try checkSize(items.count, call)
                call.receiver = .array(items)
                return .void
            },
            NativeFunction("append(contentsOf elements: [Any])", doc: "Adds the elements of a sequence at the end.", mutating: true) { call in
                guard case .array(var items) = call.receiver else { throw call.fail("append(contentsOf:) needs an array") }
                call.receiver = .void
                items.append(contentsOf: try elements(call.value(0)!, call))
                try checkSize(items.count, call)
                call.receiver = .array(items)
                return .void
            },
            NativeFunction("insert(_ element: Any, at index: Int)", doc: "Inserts an element before an index.", mutating: true) { call in
                guard case .array(var items) = call.receiver else { throw call.fail("insert(_:at:) needs an array") }
                let i = try call.int(1)
                guard i >= 0 && i <= items.count else { throw call.fail("index \(i) out of range for an array of \(items.count) elements") }
                call.receiver = .void
                items.insert(call.value(0)!, at: i)
                call.receiver = .array(items)
                return .void
            },
            NativeFunction("remove(at index: Int) -> Any", doc: "Removes and returns the element at an index.", mutating: true) { call in
                guard case .array(var items) = call.receiver else { throw call.fail("remove(at:) needs an array") }
                let i = try call.int(0)
                guard items.indices.contains(i) else { throw call.fail("index \(i) out of range for an array of \(items.count) elements") }
                call.receiver = .void
                let removed = items.remove(at: i)
                call.receiver = .array(items)
                return removed
            },
            NativeFunction("removeLast() -> Any", doc: "Removes and returns the last element.", mutating: true) { call in
                guard case .array(var items) = call.receiver, !items.isEmpty else { throw call.fail("can't remove last element from an empty collection") }
                call.receiver = .void
                let removed = items.removeLast()
                call.receiver = .array(items)
                return removed
            },
            NativeFunction("removeFirst() -> Any", doc: "Removes and returns the first element.", mutating: true) { call in
                guard case .array(var items) = call.receiver, !items.isEmpty else { throw call.fail("can't remove first element from an empty collection") }
                call.receiver = .void
                let removed = items.removeFirst()
                call.receiver = .array(items)
                return removed
            },
            NativeFunction("removeAll()", doc: "Removes every element.", mutating: true) { call in
                call.receiver = .array([])
                return .void
            },
        ]
    }
}

/// The elements of anything a cell can loop over.
func elementsOf(_ v: Value) throws -> [Value] {
    switch v {
    case .array(let a): return a
    case .range(let r): return (r.lower..<max(r.lower, r.upper)).map(Value.int)
    case .string(let s): return s.map { .string(String($0)) }
    default: throw CellFailure(.type, "a value of type '\(v.typeName)' is not a sequence")
    }
}

private func elements(_ v: Value, _ call: Invocation) throws -> [Value] {
    if case .range(let r) = v { try checkSize(r.count, call) }
    return try elementsOf(v)
}

func checkSize(_ count: Int, _ call: Invocation) throws {
    if count > call.context.limits.maxElements {
        throw CellFailure(.resourceLimit, "\(count) elements is more than the limit of \(call.context.limits.maxElements)")
    }
}

private func truth(_ v: Value, _ call: Invocation) throws -> Bool {
    if case .bool(let b) = v { return b }
    throw CellFailure(.type, "\(call.function.signature): the function must return a Bool, got a value of type '\(v.typeName)'")
}

/// A stable merge sort whose comparison may throw (Swift's own sort cannot propagate errors).
private func sortValues(_ items: [Value], _ call: Invocation, _ less: (Value, Value) throws -> Bool) throws -> [Value] {
    if items.count < 2 { return items }
    let mid = items.count / 2
    let a = try sortValues(Array(items[..<mid]), call, less), b = try sortValues(Array(items[mid...]), call, less)
    var out: [Value] = []
    out.reserveCapacity(items.count)
    var i = 0, j = 0
    while i < a.count && j < b.count {
        if try less(b[j], a[i]) { out.append(b[j]); j += 1 } else { out.append(a[i]); i += 1 }
    }
    out += a[i...]
    out += b[j...]
    return out
}

private func extreme(_ call: Invocation, smallest: Bool) throws -> Value {
    let items = try elements(call.receiver, call)
    guard var best = items.first else { return .none }
    for v in items.dropFirst() {
        let less = try truth(applyBinary(.less, v, best, registry: call.context.registry, at: call.position), call)
        let greater = try truth(applyBinary(.less, best, v, registry: call.context.registry, at: call.position), call)
        if smallest ? less : greater { best = v }
    }
    return best
}

private func strideValues(_ call: Invocation, through: Bool) throws -> Value {
    let allInts = [call.value(0), call.value(1), call.value(2)].allSatisfy { if case .int? = $0 { true } else { false } }
    let start = try call.double(0), end = try call.double(1), step = try call.double(2)
    guard step != 0, step.isFinite else { throw call.fail("step must be a non-zero number") }
    let count = Int(((end - start) / step).rounded(.down)) + 1
    try checkSize(max(0, count), call)
    var out: [Value] = []
    var k = 0
    while true {
        let x = start + Double(k) * step
        if step > 0 ? (through ? x > end : x >= end) : (through ? x < end : x <= end) { break }
        out.append(allInts ? .int(Int(x)) : .double(x))
        k += 1
    }
    return .array(out)
}
