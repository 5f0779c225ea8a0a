extension Registry {
    /// What every sequence can do (Swift's Sequence and Collection extensions), declared once on
    /// the protocols: their implementations see `Self` and `Element` as type arguments 0 and 1.
    func registerSequences() {
        let s = standard
        extend(s.sequence) { t in
            func elements(_ call: NativeCall) throws(CellFailure) -> [Value] { try call.receiverElements(type: call.typeArguments[0]) }
            t.method("func map<T>(_ transform: (Element) throws -> T) rethrows -> [T]", doc: "The results of calling a function on each element.") { call in
                var out: [Value] = []
                let items = try elements(call)
                out.reserveCapacity(items.count)
                for e in items { out.append(try call.call(call[0], [e])) }
                return .array(out)
            }
            t.method("func compactMap<T>(_ transform: (Element) throws -> T?) rethrows -> [T]", doc: "The non-nil results of a function.") { call in
                let nested = call.context.concrete(call.typeArguments[2]).isOptional
                var out: [Value] = []
                for e in try elements(call) {
                    let r = try call.call(call[0], [e])
                    if case .none = r { continue }
                    out.append(unwrapOptional(r, wrappedIsOptional: nested))
                }
                return .array(out)
            }
            t.method("func flatMap<T>(_ transform: (Element) throws -> [T]) rethrows -> [T]", doc: "The results' elements, joined.") { call in
                var out: [Value] = []
                for e in try elements(call) {
                    out += try call.call(call[0], [e]).arrayValue
                    try call.checkSize(out.count)
                }
                return .array(out)
            }
            t.method("func filter(_ isIncluded: (Element) throws -> Bool) rethrows -> [Element]", doc: "The elements for which a function returns true.") { call in
                var out: [Value] = []
                for e in try elements(call) where try call.test(call[0], [e]) { out.append(e) }
                return .array(out)
            }
            t.method("func reduce<Result>(_ initialResult: Result, _ nextPartialResult: (Result, Element) throws -> Result) rethrows -> Result",
                     doc: "Combines the elements, starting from an initial value.") { call in
                var acc = call[0]
                for e in try elements(call) { acc = try call.call(call[1], [acc, e]) }
                return acc
            }
            t.method("func reduce<Result>(into initialResult: Result, _ updateAccumulatingResult: (inout Result, Element) throws -> ()) rethrows -> Result",
                     doc: "Combines the elements into a value that a function updates in place.") { call in
                guard case .function(let f) = call[1] else { return call[0] }
                var acc = call[0]
                for e in try elements(call) { acc = try f.callUpdating(acc, e, call.context, at: call.position) }
                return acc
            }
            t.method("func forEach(_ body: (Element) throws -> Void) rethrows", doc: "Calls a function on each element.") { call in
                for e in try elements(call) { _ = try call.call(call[0], [e]) }
                return .void
            }
            t.method("func contains(where predicate: (Element) throws -> Bool) rethrows -> Bool", doc: "Whether some element satisfies the predicate.") { call in
                for e in try elements(call) where try call.test(call[0], [e]) { return .bool(true) }
                return .bool(false)
            }
            t.method("func contains(_ element: Element) -> Bool where Element: Equatable", doc: "Whether an element equals the value.") { call in
                let type = call.typeArguments[1]
                for e in try elements(call) where try call.equal(e, call[0], type: type) { return .bool(true) }
                return .bool(false)
            }
            t.method("func allSatisfy(_ predicate: (Element) throws -> Bool) rethrows -> Bool", doc: "Whether every element satisfies the predicate.") { call in
                for e in try elements(call) where !(try call.test(call[0], [e])) { return .bool(false) }
                return .bool(true)
            }
            t.method("func count(where predicate: (Element) throws -> Bool) rethrows -> Int", doc: "How many elements satisfy the predicate.") { call in
                var n = 0
                for e in try elements(call) where try call.test(call[0], [e]) { n += 1 }
                return .int(n)
            }
            t.method("func first(where predicate: (Element) throws -> Bool) rethrows -> Element?", doc: "The first element that satisfies the predicate.") { call in
                let nested = call.context.concrete(call.typeArguments[1]).isOptional
                for e in try elements(call) where try call.test(call[0], [e]) { return wrapOptional(e, wrappedIsOptional: nested) }
                return .none
            }
            t.method("func min() -> Element? where Element: Comparable", doc: "The smallest element, or nil if there are none.") { call in
                let items = try elements(call)
                guard var best = items.first else { return .none }
                for e in items.dropFirst() where try call.less(e, best, type: call.typeArguments[1]) { best = e }
                return wrapOptional(best, wrappedIsOptional: call.context.concrete(call.typeArguments[1]).isOptional)
            }
            t.method("func max() -> Element? where Element: Comparable", doc: "The largest element, or nil if there are none.") { call in
                let items = try elements(call)
                guard var best = items.first else { return .none }
                for e in items.dropFirst() where try call.less(best, e, type: call.typeArguments[1]) { best = e }
                return wrapOptional(best, wrappedIsOptional: call.context.concrete(call.typeArguments[1]).isOptional)
            }
            t.method("func min(by areInIncreasingOrder: (Element, Element) throws -> Bool) rethrows -> Element?") { call in
                let items = try elements(call)
                guard var best = items.first else { return .none }
                for e in items.dropFirst() where try call.test(call[0], [e, best]) { best = e }
                return wrapOptional(best, wrappedIsOptional: call.context.concrete(call.typeArguments[1]).isOptional)
            }
            t.method("func max(by areInIncreasingOrder: (Element, Element) throws -> Bool) rethrows -> Element?") { call in
                let items = try elements(call)
                guard var best = items.first else { return .none }
                for e in items.dropFirst() where try call.test(call[0], [best, e]) { best = e }
                return wrapOptional(best, wrappedIsOptional: call.context.concrete(call.typeArguments[1]).isOptional)
            }
            t.method("func sorted() -> [Element] where Element: Comparable", doc: "The elements in ascending order.") { call in
                var items = try elements(call)
                try sortNatural(&items, elementType: call.typeArguments[1], call)
                return .array(items)
            }
            t.method("func sorted(by areInIncreasingOrder: (Element, Element) throws -> Bool) rethrows -> [Element]",
                     doc: "The elements in the order a function gives.") { call in
                var items = try elements(call)
                let f = call[0]
                try sortValues(&items) { (a, b) throws(CellFailure) in try call.test(f, [a, b]) }
                return .array(items)
            }
            t.method("func enumerated() -> EnumeratedSequence<Self>", doc: "Pairs (offset, element).") { call in
                .view(SequenceView(kind: .enumerated, base: call.receiver))
            }
            t.method("func shuffled() -> [Element]", doc: "The elements in a random order (the notebook's seeded generator).") { call in
                var g = call.context.generator
                return .array(try elements(call).shuffled(using: &g))
            }
            for element in ["String", "Substring"] {
                t.method("func joined(separator: String = \"\") -> String where Element == \(element)", doc: "The strings with a separator between them.") { call in
                    let parts = try elements(call).map(\.stringValue)
                    let total = parts.reduce(0) { $0 + $1.utf8.count }
                    try call.checkSize(total)
                    return .string(parts.joined(separator: call.string(0)))
                }
            }
            t.method("func joined<T>() -> [T] where Element == [T]", doc: "The arrays' elements, one after another.") { call in
                var out: [Value] = []
                for e in try elements(call) { out += e.arrayValue }
                try call.checkSize(out.count)
                return .array(out)
            }
            t.method("func joined<T>(separator: [T]) -> [T] where Element == [T]", doc: "The arrays' elements with the separator between arrays.") { call in
                var out: [Value] = []
                for (i, e) in try elements(call).enumerated() {
                    if i > 0 { out += call[0].arrayValue }
                    out += e.arrayValue
                    try call.checkSize(out.count)
                }
                return .array(out)
            }
            t.method("func elementsEqual<S: Sequence>(_ other: S) -> Bool where Element: Equatable, S.Element == Element") { call in
                let a = try elements(call), b = try call.elements(0, type: call.typeArguments[2])
                guard a.count == b.count else { return .bool(false) }
                for (x, y) in zip(a, b) where !(try call.equal(x, y, type: call.typeArguments[1])) { return .bool(false) }
                return .bool(true)
            }
            t.method("func reversed() -> [Element]", doc: "The elements in reverse order.", disfavored: true) { call in
                .array(try elements(call).reversed())
            }
            t.property("var underestimatedCount: Int", get: { v, cx in .int(try sequenceElements(v, type: .any, cx, at: 0).count) })
        }

        extend(s.collection) { t in
            t.genericProperty("var count: Int", doc: "The number of elements.") { call in
                .int(try collectionCount(call.receiver, type: call.typeArguments[0], call.context))
            }
            t.genericProperty("var isEmpty: Bool", doc: "Whether there are no elements.") { call in
                .bool(try collectionCount(call.receiver, type: call.typeArguments[0], call.context) == 0)
            }
            t.genericProperty("var first: Element?", doc: "The first element, or nil when empty.") { call in
                let items = try call.receiverElements(type: call.typeArguments[0])
                guard let e = items.first else { return .none }
                return wrapOptional(e, wrappedIsOptional: call.context.concrete(call.typeArguments[1]).isOptional)
            }
            t.method("func randomElement() -> Element?", doc: "A random element (the notebook's seeded generator), or nil.") { call in
                var g = call.context.generator
                let items = try call.receiverElements(type: call.typeArguments[0])
                guard let e = items.randomElement(using: &g) else { return .none }
                return wrapOptional(e, wrappedIsOptional: call.context.concrete(call.typeArguments[1]).isOptional)
            }
        }

        extend(s.bidirectionalCollection) { t in
            t.genericProperty("var last: Element?", doc: "The last element, or nil when empty.") { call in
                let items = try call.receiverElements(type: call.typeArguments[0])
                guard let e = items.last else { return .none }
                return wrapOptional(e, wrappedIsOptional: call.context.concrete(call.typeArguments[1]).isOptional)
            }
            t.method("func reversed() -> ReversedCollection<Self>", doc: "A view of the elements in reverse order.") { call in
                .view(SequenceView(kind: .reversed, base: call.receiver))
            }
            t.method("func last(where predicate: (Element) throws -> Bool) rethrows -> Element?", doc: "The last element that satisfies the predicate.") { call in
                let nested = call.context.concrete(call.typeArguments[1]).isOptional
                for e in try call.receiverElements(type: call.typeArguments[0]).reversed() where try call.test(call[0], [e]) {
                    return wrapOptional(e, wrappedIsOptional: nested)
                }
                return .none
            }
        }

        // zip and stride.
        function("func zip<Sequence1: Sequence, Sequence2: Sequence>(_ sequence1: Sequence1, _ sequence2: Sequence2) -> Zip2Sequence<Sequence1, Sequence2>",
                 doc: "Pairs of elements of two sequences, as long as the shorter.", topic: "Collections") { call in
            .view(SequenceView(kind: .zip, base: .tuple([call[0], call[1]])))
        }
        for (element, name) in [("Int", "Int"), ("Double", "Double")] {
            function("func stride(from start: \(element), to end: \(element), by stride: \(element)) -> StrideTo<\(name)>",
                     doc: "From start up to, not including, end, in steps.", topic: "Collections") { call in
                .view(SequenceView(kind: .strideTo, base: .tuple([call[0], call[1], call[2]])))
            }
            function("func stride(from start: \(element), through end: \(element), by stride: \(element)) -> StrideThrough<\(name)>",
                     doc: "From start through end, in steps.", topic: "Collections") { call in
                .view(SequenceView(kind: .strideThrough, base: .tuple([call[0], call[1], call[2]])))
            }
        }
    }
}

extension FunctionValue {
    /// Calls a `(inout Result, Element) -> ()` closure: the result is lent and given back.
    func callUpdating(_ accumulator: Value, _ element: Value, _ cx: Context, at position: Int) throws(CellFailure) -> Value {
        switch kind {
        case .closure(let f, let captures, let types):
            var out = accumulator
            _ = try f.invoke(cx, captures: captures, typeArguments: types, at: position, callerSource: nil) { slots in
                slots[0] = accumulator
                slots[1] = element
            } after: { slots in
                out = slots[0]
            }
            return out
        default:
            _ = try call([accumulator, element], cx, at: position)
            return accumulator
        }
    }
}

/// The number of elements of any collection value.
/// The number of elements of a collection of static type `type` (a closed range counts its end).
func collectionCount(_ v: Value, type: CellType, _ cx: Context) throws(CellFailure) -> Int {
    switch v {
    case .array(let a): return a.count
    case .set(let s): return s.table.count
    case .dictionary(let d): return d.table.count
    case .string(let s): return s.count
    case .substring(let s): return s.value.count
    case .arraySlice(let s): return s.value.count
    case .view(let view):
        switch view.kind {
        case .keys, .values:
            if case .dictionary(let d) = view.base { return d.table.count }
        default: break
        }
        return try sequenceElements(v, type: cx.concrete(type), cx, at: 0).count
    default:
        return try sequenceElements(v, type: cx.concrete(type), cx, at: 0).count
    }
}

