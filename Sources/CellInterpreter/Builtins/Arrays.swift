extension Registry {
    /// Array and ArraySlice: value semantics, in-place mutation, slices that keep their indices.
    func registerArrays() {
        let s = standard
        extend(s.array) { t in
            t.initializer("init()") { _ in .array([]) }
            t.initializer("init(repeating repeatedValue: Element, count: Int)", doc: "count copies of a value.") { call in
                let n = call.int(1)
                guard n >= 0 else { throw call.fail("Fatal error: Can't construct Array with count < 0") }
                try call.checkSize(n)
                return .array(Array(repeating: call[0], count: n))
            }
            t.initializer("init<S: Sequence>(_ s: S) where S.Element == Element", doc: "The elements of a sequence, as an array.") { call in
                .array(try call.elements(0, type: call.typeArguments[1]))
            }
            t.subscriptMember("subscript(index: Int) -> Element", intrinsic: .arrayIndex, get: { call in
                let a = call.receiver.arrayValue, i = call.int(0)
                guard i >= 0 && i < a.count else { throw indexOutOfRange(i, count: a.count, at: call.position) }
                return a[i]
            }, set: { call in
                var a = call.receiver.arrayValue
                call.receiver = .void
                let i = call.int(0)
                guard i >= 0 && i < a.count else { throw indexOutOfRange(i, count: a.count, at: call.position) }
                a[i] = call[1]
                call.receiver = .array(a)
                return .void
            })
            for rangeType in ["Range<Int>", "ClosedRange<Int>", "PartialRangeFrom<Int>", "PartialRangeUpTo<Int>", "PartialRangeThrough<Int>"] {
                let closed = rangeType.hasPrefix("Closed") || rangeType.hasPrefix("PartialRangeThrough")
                t.subscriptMember("subscript(bounds: \(rangeType)) -> ArraySlice<Element>", get: { call in
                    let a = call.receiver.arrayValue
                    let r = try sliceBounds(call[0], closed: closed, start: 0, end: a.count, call)
                    return .arraySlice(SliceBox(a[r]))
                }, set: { call in
                    var a = call.receiver.arrayValue
                    call.receiver = .void
                    let r = try sliceBounds(call[0], closed: closed, start: 0, end: a.count, call)
                    guard case .arraySlice(let replacement) = call[1] else { call.receiver = .array(a); return .void }
                    a.replaceSubrange(r, with: replacement.value)
                    call.receiver = .array(a)
                    return .void
                })
            }
            t.subscriptMember("subscript(x: UnboundedRange) -> ArraySlice<Element>", doc: "Every element, as a slice: a[...].", get: { call in
                .arraySlice(SliceBox(call.receiver.arrayValue[...]))
            }, set: { call in
                guard case .arraySlice(let replacement) = call[1] else { return .void }
                call.receiver = .array(Array(replacement.value))
                return .void
            })
            t.property("var count: Int", doc: "The number of elements.", get: { v, _ in .int(v.arrayValue.count) })
            t.property("var isEmpty: Bool", get: { v, _ in .bool(v.arrayValue.isEmpty) })
            t.property("var capacity: Int", get: { v, _ in .int(v.arrayValue.capacity) })
            t.property("var indices: Range<Int>", doc: "0..<count.", get: { v, _ in .intRange(0, v.arrayValue.count) })
            t.property("var startIndex: Int", get: { _, _ in .int(0) })
            t.property("var endIndex: Int", get: { v, _ in .int(v.arrayValue.count) })
            t.method("mutating func removeSubrange(_ bounds: Range<Int>)", doc: "Removes the elements at the indices.") { call in
                var a = call.receiver.arrayValue
                call.receiver = .void
                let r = try sliceBounds(call[0], closed: false, start: 0, end: a.count, call)
                a.removeSubrange(r)
                call.receiver = .array(a)
                return .void
            }
            t.method("mutating func removeSubrange(_ bounds: ClosedRange<Int>)", doc: "Removes the elements at the indices.") { call in
                var a = call.receiver.arrayValue
                call.receiver = .void
                let r = try sliceBounds(call[0], closed: true, start: 0, end: a.count, call)
                a.removeSubrange(r)
                call.receiver = .array(a)
                return .void
            }
            t.method("mutating func append(_ newElement: Element)", doc: "Adds an element at the end (amortised O(1)).",
                     intrinsic: .arrayAppend) { call in
                var a = call.receiver.arrayValue
                call.receiver = .void
                if a.count >= call.context.limits.maxElements { try call.checkSize(a.count + 1) }
                a.append(call[0])
                call.receiver = .array(a)
                return .void
            }
            t.method("mutating func append<S: Sequence>(contentsOf newElements: S) where S.Element == Element") { call in
                let more = try call.elements(0, type: call.typeArguments[1])
                var a = call.receiver.arrayValue
                call.receiver = .void
                try call.checkSize(a.count + more.count)
                a.append(contentsOf: more)
                call.receiver = .array(a)
                return .void
            }
            t.method("mutating func insert(_ newElement: Element, at i: Int)") { call in
                var a = call.receiver.arrayValue
                call.receiver = .void
                let i = call.int(1)
                guard i >= 0 && i <= a.count else { call.receiver = .array(a); throw call.fail("Fatal error: Array index is out of range") }
                a.insert(call[0], at: i)
                call.receiver = .array(a)
                return .void
            }
            t.method("mutating func insert<C: Collection>(contentsOf newElements: C, at i: Int) where C.Element == Element") { call in
                var a = call.receiver.arrayValue
                call.receiver = .void
                let more = try call.elements(0, type: call.typeArguments[1])
                let i = call.int(1)
                guard i >= 0 && i <= a.count else { call.receiver = .array(a); throw call.fail("Fatal error: Array index is out of range") }
                try call.checkSize(a.count + more.count)
                a.insert(contentsOf: more, at: i)
                call.receiver = .array(a)
                return .void
            }
            for rangeType in ["Range<Int>", "ClosedRange<Int>"] {
                let closed = rangeType.hasPrefix("Closed")
                t.method("mutating func replaceSubrange<C: Collection>(_ subrange: \(rangeType), with newElements: C) where C.Element == Element") { call in
                    var a = call.receiver.arrayValue
                    call.receiver = .void
                    let more = try call.elements(1, type: call.typeArguments[1])
                    let r: Range<Int>
                    do throws(CellFailure) { r = try sliceBounds(call[0], closed: closed, start: 0, end: a.count, call) } catch {
                        call.receiver = .array(a)
                        throw error
                    }
                    try call.checkSize(a.count + more.count)
                    a.replaceSubrange(r, with: more)
                    call.receiver = .array(a)
                    return .void
                }
            }
            t.method("mutating func remove(at index: Int) -> Element") { call in
                var a = call.receiver.arrayValue
                let i = call.int(0)
                guard i >= 0 && i < a.count else { throw call.fail("Fatal error: Index out of range") }
                call.receiver = .void
                let e = a.remove(at: i)
                call.receiver = .array(a)
                return e
            }
            t.method("mutating func removeFirst() -> Element") { call in
                var a = call.receiver.arrayValue
                guard !a.isEmpty else { throw call.fail("Fatal error: Can't remove first element from an empty collection") }
                call.receiver = .void
                let e = a.removeFirst()
                call.receiver = .array(a)
                return e
            }
            t.method("mutating func removeFirst(_ k: Int)") { call in
                var a = call.receiver.arrayValue
                let k = call.int(0)
                guard k >= 0 else { throw call.fail("Fatal error: Number of elements to remove should be non-negative") }
                guard k <= a.count else { throw call.fail("Fatal error: Can't remove more items from a collection than it has") }
                call.receiver = .void
                a.removeFirst(k)
                call.receiver = .array(a)
                return .void
            }
            t.method("mutating func removeLast() -> Element") { call in
                var a = call.receiver.arrayValue
                guard !a.isEmpty else { throw call.fail("Fatal error: Can't remove last element from an empty collection") }
                call.receiver = .void
                let e = a.removeLast()
                call.receiver = .array(a)
                return e
            }
            t.method("mutating func removeLast(_ k: Int)") { call in
                var a = call.receiver.arrayValue
                let k = call.int(0)
                guard k >= 0 else { throw call.fail("Fatal error: Number of elements to remove should be non-negative") }
                guard k <= a.count else { throw call.fail("Fatal error: Can't remove more items from a collection than it contains") }
                call.receiver = .void
                a.removeLast(k)
                call.receiver = .array(a)
                return .void
            }
            t.method("mutating func popLast() -> Element?") { call in
                var a = call.receiver.arrayValue
                call.receiver = .void
                let e = a.popLast()
                call.receiver = .array(a)
                return e.map { wrapOptional($0, wrappedIsOptional: call.context.concrete(call.typeArguments[0]).isOptional) } ?? .none
            }
            t.method("mutating func removeAll()") { call in
                call.receiver = .array([])
                return .void
            }
            t.method("mutating func removeAll(where shouldBeRemoved: (Element) throws -> Bool) rethrows") { call in
                let a = call.receiver.arrayValue
                var kept: [Value] = []
                for e in a where !(try call.test(call[0], [e])) { kept.append(e) }
                call.receiver = .array(kept)
                return .void
            }
            t.method("mutating func swapAt(_ i: Int, _ j: Int)") { call in
                var a = call.receiver.arrayValue
                let i = call.int(0), j = call.int(1)
                guard i >= 0 && i < a.count && j >= 0 && j < a.count else { throw call.fail("Fatal error: Index out of range") }
                call.receiver = .void
                a.swapAt(i, j)
                call.receiver = .array(a)
                return .void
            }
            t.method("mutating func sort() where Element: Comparable", doc: "Sorts in place, ascending.") { call in
                var a = call.receiver.arrayValue
                call.receiver = .void
                defer { call.receiver = .array(a) }
                try sortNatural(&a, elementType: call.typeArguments[0], call)
                return .void
            }
            t.method("mutating func sort(by areInIncreasingOrder: (Element, Element) throws -> Bool) rethrows") { call in
                var a = call.receiver.arrayValue
                call.receiver = .void
                defer { call.receiver = .array(a) }
                let f = call[0]
                try sortValues(&a) { (x, y) throws(CellFailure) in try call.test(f, [x, y]) }
                return .void
            }
            t.method("mutating func reverse()") { call in
                var a = call.receiver.arrayValue
                call.receiver = .void
                a.reverse()
                call.receiver = .array(a)
                return .void
            }
            t.method("mutating func shuffle()", doc: "Shuffles in place (the notebook's seeded generator).") { call in
                var a = call.receiver.arrayValue
                call.receiver = .void
                var g = call.context.generator
                a.shuffle(using: &g)
                call.receiver = .array(a)
                return .void
            }
            t.method("mutating func reserveCapacity(_ minimumCapacity: Int)") { _ in .void }
            t.method("func firstIndex(of element: Element) -> Int? where Element: Equatable") { call in
                for (i, e) in call.receiver.arrayValue.enumerated() where try call.equal(e, call[0], type: call.typeArguments[0]) { return .int(i) }
                return .none
            }
            t.method("func lastIndex(of element: Element) -> Int? where Element: Equatable") { call in
                for (i, e) in call.receiver.arrayValue.enumerated().reversed() where try call.equal(e, call[0], type: call.typeArguments[0]) {
                    return .int(i)
                }
                return .none
            }
            t.method("func firstIndex(where predicate: (Element) throws -> Bool) rethrows -> Int?") { call in
                for (i, e) in call.receiver.arrayValue.enumerated() where try call.test(call[0], [e]) { return .int(i) }
                return .none
            }
            t.method("func lastIndex(where predicate: (Element) throws -> Bool) rethrows -> Int?") { call in
                for (i, e) in call.receiver.arrayValue.enumerated().reversed() where try call.test(call[0], [e]) { return .int(i) }
                return .none
            }
            t.method("func prefix(_ maxLength: Int) -> ArraySlice<Element>") { call in
                let n = call.int(0)
                guard n >= 0 else { throw call.fail("Fatal error: Can't take a prefix of negative length from a collection") }
                return .arraySlice(SliceBox(call.receiver.arrayValue.prefix(n)))
            }
            t.method("func suffix(_ maxLength: Int) -> ArraySlice<Element>") { call in
                let n = call.int(0)
                guard n >= 0 else { throw call.fail("Fatal error: Can't take a suffix of negative length from a collection") }
                return .arraySlice(SliceBox(call.receiver.arrayValue.suffix(n)))
            }
            t.method("func dropFirst(_ k: Int = 1) -> ArraySlice<Element>") { call in
                let n = call.int(0)
                guard n >= 0 else { throw call.fail("Fatal error: Can't drop a negative number of elements from a collection") }
                return .arraySlice(SliceBox(call.receiver.arrayValue.dropFirst(n)))
            }
            t.method("func dropLast(_ k: Int = 1) -> ArraySlice<Element>") { call in
                let n = call.int(0)
                guard n >= 0 else { throw call.fail("Fatal error: Can't drop a negative number of elements from a collection") }
                return .arraySlice(SliceBox(call.receiver.arrayValue.dropLast(n)))
            }
            t.method("func prefix(while predicate: (Element) throws -> Bool) rethrows -> ArraySlice<Element>") { call in
                let a = call.receiver.arrayValue
                var n = 0
                while n < a.count, try call.test(call[0], [a[n]]) { n += 1 }
                return .arraySlice(SliceBox(a[0..<n]))
            }
            t.method("func drop(while predicate: (Element) throws -> Bool) rethrows -> ArraySlice<Element>") { call in
                let a = call.receiver.arrayValue
                var n = 0
                while n < a.count, try call.test(call[0], [a[n]]) { n += 1 }
                return .arraySlice(SliceBox(a[n...]))
            }
            t.genericProperty("var first: Element?", doc: "The first element, or nil when empty.") { call in
                guard let e = call.receiver.arrayValue.first else { return .none }
                return wrapOptional(e, wrappedIsOptional: call.context.concrete(call.typeArguments[0]).isOptional)
            }
            t.genericProperty("var last: Element?", doc: "The last element, or nil when empty.") { call in
                guard let e = call.receiver.arrayValue.last else { return .none }
                return wrapOptional(e, wrappedIsOptional: call.context.concrete(call.typeArguments[0]).isOptional)
            }
        }
        function("func + <Element, Other: Sequence>(lhs: [Element], rhs: Other) -> [Element] where Other.Element == Element",
                 doc: "The array followed by the elements of a sequence (a slice, a range).") { call in
            let a = call.array(0), b = try call.elements(1, type: call.typeArguments[1])
            try call.checkSize(a.count + b.count)
            return .array(a + b)
        }
        function("func + <Element>(lhs: [Element], rhs: [Element]) -> [Element]", doc: "The arrays one after the other.") { call in
            let a = call.array(0), b = call.array(1)
            try call.checkSize(a.count + b.count)
            return .array(a + b)
        }

        extend(s.arraySlice) { t in
            t.subscriptMember("subscript(index: Int) -> Element", intrinsic: .sliceIndex, get: { call in
                guard case .arraySlice(let box) = call.receiver else { return .void }
                let i = call.int(0)
                guard i >= box.value.startIndex && i < box.value.endIndex else { throw call.fail("Fatal error: Index out of bounds") }
                return box.value[i]
            }, set: { call in
                guard case .arraySlice(let box) = call.receiver else { return .void }
                var slice = box.value
                let i = call.int(0)
                guard i >= slice.startIndex && i < slice.endIndex else { throw call.fail("Fatal error: Index out of bounds") }
                slice[i] = call[1]
                call.receiver = .arraySlice(SliceBox(slice))
                return .void
            })
            for rangeType in ["Range<Int>", "ClosedRange<Int>", "PartialRangeFrom<Int>", "PartialRangeUpTo<Int>", "PartialRangeThrough<Int>"] {
                let closed = rangeType.hasPrefix("Closed") || rangeType.hasPrefix("PartialRangeThrough")
                t.subscriptMember("subscript(bounds: \(rangeType)) -> ArraySlice<Element>", get: { call in
                    guard case .arraySlice(let box) = call.receiver else { return .void }
                    let r = try sliceBounds(call[0], closed: closed, start: box.value.startIndex, end: box.value.endIndex, call)
                    return .arraySlice(SliceBox(box.value[r]))
                }, set: { call in
                    guard case .arraySlice(let box) = call.receiver, case .arraySlice(let replacement) = call[1] else { return .void }
                    var slice = box.value
                    call.receiver = .void
                    let r = try sliceBounds(call[0], closed: closed, start: slice.startIndex, end: slice.endIndex, call)
                    slice.replaceSubrange(r, with: replacement.value)
                    call.receiver = .arraySlice(SliceBox(slice))
                    return .void
                })
            }
            func slice(_ v: Value) -> ArraySlice<Value> {
                if case .arraySlice(let box) = v { return box.value }
                return []
            }
            t.property("var count: Int", get: { v, _ in .int(slice(v).count) })
            t.property("var isEmpty: Bool", get: { v, _ in .bool(slice(v).isEmpty) })
            t.property("var startIndex: Int", doc: "The first index (the base array's).", get: { v, _ in .int(slice(v).startIndex) })
            t.property("var endIndex: Int", get: { v, _ in .int(slice(v).endIndex) })
            t.property("var indices: Range<Int>", get: { v, _ in .intRange(slice(v).startIndex, slice(v).endIndex) })
            t.genericProperty("var first: Element?", doc: "The first element, or nil when empty.") { call in
                guard let e = slice(call.receiver).first else { return .none }
                return wrapOptional(e, wrappedIsOptional: call.context.concrete(call.typeArguments[0]).isOptional)
            }
            t.genericProperty("var last: Element?", doc: "The last element, or nil when empty.") { call in
                guard let e = slice(call.receiver).last else { return .none }
                return wrapOptional(e, wrappedIsOptional: call.context.concrete(call.typeArguments[0]).isOptional)
            }
            t.method("func prefix(_ maxLength: Int) -> ArraySlice<Element>") { call in
                let n = call.int(0)
                guard n >= 0 else { throw call.fail("Fatal error: Can't take a prefix of negative length from a collection") }
                return .arraySlice(SliceBox(slice(call.receiver).prefix(n)))
            }
            t.method("func suffix(_ maxLength: Int) -> ArraySlice<Element>") { call in
                let n = call.int(0)
                guard n >= 0 else { throw call.fail("Fatal error: Can't take a suffix of negative length from a collection") }
                return .arraySlice(SliceBox(slice(call.receiver).suffix(n)))
            }
            t.method("func dropFirst(_ k: Int = 1) -> ArraySlice<Element>") { call in
                let n = call.int(0)
                guard n >= 0 else { throw call.fail("Fatal error: Can't drop a negative number of elements from a collection") }
                return .arraySlice(SliceBox(slice(call.receiver).dropFirst(n)))
            }
            t.method("func dropLast(_ k: Int = 1) -> ArraySlice<Element>") { call in
                let n = call.int(0)
                guard n >= 0 else { throw call.fail("Fatal error: Can't drop a negative number of elements from a collection") }
                return .arraySlice(SliceBox(slice(call.receiver).dropLast(n)))
            }
            t.method("func firstIndex(of element: Element) -> Int? where Element: Equatable") { call in
                let s = slice(call.receiver)
                for i in s.indices where try call.equal(s[i], call[0], type: call.typeArguments[0]) { return .int(i) }
                return .none
            }
            t.method("func firstIndex(where predicate: (Element) throws -> Bool) rethrows -> Int?") { call in
                let s = slice(call.receiver)
                for i in s.indices where try call.test(call[0], [s[i]]) { return .int(i) }
                return .none
            }
        }
    }
}

/// The indices a range subscript of an array covers, checked as Swift checks them.
/// The indices a range names in a collection whose indices run from `start` to `end` (a
/// slice keeps its base array's); partial ranges reach the ends.
private func sliceBounds(_ range: Value, closed: Bool, start: Int, end: Int, _ call: NativeCall) throws(CellFailure) -> Range<Int> {
    guard case .intRange(var l, var u) = range else { throw call.fail("internal error: not a range of Ints") }
    if l == Int.min { l = start }
    if u == Int.max { u = end } else if closed {
        guard u < Int.max else { throw call.fail("Fatal error: Range end has overflowed") }
        u += 1
    }
    guard l >= start && u <= end && l <= u else { throw call.fail("Fatal error: Array index is out of range") }
    return l..<u
}
