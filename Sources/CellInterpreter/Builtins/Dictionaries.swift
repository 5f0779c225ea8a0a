extension Registry {
    /// Dictionary (with its Keys and Values views) and Set.
    func registerDictionaries() {
        let s = standard
        func table(_ v: Value) -> OrderedTable {
            switch v {
            case .dictionary(let box): return box.table
            case .set(let box): return box.table
            default: return OrderedTable()
            }
        }
        extend(s.dictionary) { t in
            t.initializer("init()") { _ in .dictionary(DictionaryBox()) }
            t.initializer("init<S: Sequence>(uniqueKeysWithValues keysAndValues: S) where S.Element == (Key, Value)",
                          doc: "From key-value pairs; a repeated key stops the cell.") { call in
                var table = OrderedTable()
                for pair in try call.elements(0, type: call.typeArguments[2]) {
                    guard case .tuple(let kv) = pair else { continue }
                    let key = HashKey(kv[0])
                    if table.position(of: key) != nil {
                        throw call.fail("Fatal error: Duplicate values for key: '\(try call.context.describe(kv[0], call.typeArguments[0], at: call.position))'")
                    }
                    table.update(kv[1], for: key)
                }
                return .dictionary(DictionaryBox(table))
            }
            t.initializer("init<S: Sequence, E>(grouping values: S, by keyForValue: (E) throws -> Key) rethrows where S.Element == E, Value == [E]",
                          doc: "The values grouped under the keys a function gives them.") { call in
                var table = OrderedTable()
                for v in try call.elements(0, type: call.typeArguments[2]) {
                    let key = HashKey(try call.call(call[1], [v]))
                    if let i = table.position(of: key) {
                        try table.modifyValue(at: i) { (group) throws(CellFailure) in
                            guard case .array(var a) = group else { return }
                            group = .void
                            a.append(v)
                            group = .array(a)
                        }
                    } else {
                        table.update(.array([v]), for: key)
                    }
                }
                return .dictionary(DictionaryBox(table))
            }
            t.subscriptMember("subscript(key: Key) -> Value?", intrinsic: .dictionaryKey, get: { call in
                guard let v = table(call.receiver).value(for: HashKey(call[0])) else { return .none }
                return wrapOptional(v, wrappedIsOptional: call.context.concrete(call.typeArguments[1]).isOptional)
            }, set: { call in
                guard case .dictionary(var box) = call.receiver else { return .void }
                call.receiver = .void
                if !isKnownUniquelyReferenced(&box) { box = DictionaryBox(box.table) }
                let key = HashKey(call[0])
                if case .none = call[1] {
                    box.table.remove(key)
                } else {
                    box.table.update(unwrapOptional(call[1], wrappedIsOptional: call.context.concrete(call.typeArguments[1]).isOptional), for: key)
                }
                call.receiver = .dictionary(box)
                return .void
            })
            t.subscriptMember("subscript(key: Key, default defaultValue: @autoclosure () -> Value) -> Value", intrinsic: .dictionaryKeyDefault, get: { call in
                if let v = table(call.receiver).value(for: HashKey(call[0])) { return v }
                return try call.call(call[1], [])
            }, set: { call in
                guard case .dictionary(var box) = call.receiver else { return .void }
                call.receiver = .void
                if !isKnownUniquelyReferenced(&box) { box = DictionaryBox(box.table) }
                box.table.update(call[2], for: HashKey(call[0]))
                call.receiver = .dictionary(box)
                return .void
            })
            t.property("var count: Int", get: { v, _ in .int(table(v).count) })
            t.property("var isEmpty: Bool", get: { v, _ in .bool(table(v).count == 0) })
            t.property("var keys: Keys<Key, Value>", doc: "The keys, in the dictionary's order.", get: { v, _ in .view(SequenceView(kind: .keys, base: v)) })
            t.property("var values: Values<Key, Value>", doc: "The values, in the dictionary's order.", get: { v, _ in .view(SequenceView(kind: .values, base: v)) })
            t.property("var first: (key: Key, value: Value)?", get: { v, _ in
                guard let e = table(v).entries.first else { return .none }
                return .tuple([e.key, e.value])
            })
            t.method("mutating func removeValue(forKey key: Key) -> Value?", doc: "Removes the key; its value, or nil.") { call in
                guard case .dictionary(var box) = call.receiver else { return .none }
                call.receiver = .void
                if !isKnownUniquelyReferenced(&box) { box = DictionaryBox(box.table) }
                let old = box.table.remove(HashKey(call[0]))
                call.receiver = .dictionary(box)
                return old.map { wrapOptional($0, wrappedIsOptional: call.context.concrete(call.typeArguments[1]).isOptional) } ?? .none
            }
            t.method("mutating func updateValue(_ value: Value, forKey key: Key) -> Value?", doc: "Sets the value; the old one, or nil.") { call in
                guard case .dictionary(var box) = call.receiver else { return .none }
                call.receiver = .void
                if !isKnownUniquelyReferenced(&box) { box = DictionaryBox(box.table) }
                let old = box.table.update(call[0], for: HashKey(call[1]))
                call.receiver = .dictionary(box)
                return old.map { wrapOptional($0, wrappedIsOptional: call.context.concrete(call.typeArguments[1]).isOptional) } ?? .none
            }
            t.method("mutating func removeAll()") { call in
                call.receiver = .dictionary(DictionaryBox())
                return .void
            }
            t.method("func mapValues<T>(_ transform: (Value) throws -> T) rethrows -> [Key: T]", doc: "The same keys with transformed values.") { call in
                var out = OrderedTable()
                for (k, v) in table(call.receiver).entries { out.update(try call.call(call[0], [v]), for: HashKey(k)) }
                return .dictionary(DictionaryBox(out))
            }
            t.method("func compactMapValues<T>(_ transform: (Value) throws -> T?) rethrows -> [Key: T]") { call in
                var out = OrderedTable()
                let nested = call.context.concrete(call.typeArguments[2]).isOptional
                for (k, v) in table(call.receiver).entries {
                    let r = try call.call(call[0], [v])
                    if case .none = r { continue }
                    out.update(unwrapOptional(r, wrappedIsOptional: nested), for: HashKey(k))
                }
                return .dictionary(DictionaryBox(out))
            }
            t.method("func filter(_ isIncluded: ((key: Key, value: Value)) throws -> Bool) rethrows -> [Key: Value]",
                     doc: "The entries for which a function returns true.") { call in
                var out = OrderedTable()
                for (k, v) in table(call.receiver).entries where try call.test(call[0], [.tuple([k, v])]) { out.update(v, for: HashKey(k)) }
                return .dictionary(DictionaryBox(out))
            }
            t.method("mutating func merge(_ other: [Key: Value], uniquingKeysWith combine: (Value, Value) throws -> Value) rethrows",
                     doc: "Adds another dictionary's entries, combining values of keys in both.") { call in
                guard case .dictionary(var box) = call.receiver else { return .void }
                call.receiver = .void
                if !isKnownUniquelyReferenced(&box) { box = DictionaryBox(box.table) }
                defer { call.receiver = .dictionary(box) }
                for (k, v) in table(call[0]).entries {
                    let key = HashKey(k)
                    if let old = box.table.value(for: key) {
                        box.table.update(try call.call(call[1], [old, v]), for: key)
                    } else {
                        box.table.update(v, for: key)
                    }
                }
                return .void
            }
            t.method("func merging(_ other: [Key: Value], uniquingKeysWith combine: (Value, Value) throws -> Value) rethrows -> [Key: Value]") { call in
                var out = table(call.receiver)
                for (k, v) in table(call[0]).entries {
                    let key = HashKey(k)
                    if let old = out.value(for: key) { out.update(try call.call(call[1], [old, v]), for: key) } else { out.update(v, for: key) }
                }
                return .dictionary(DictionaryBox(out))
            }
            t.method("func index(forKey key: Key) -> Int?", disfavored: true) { call in
                table(call.receiver).position(of: HashKey(call[0])).map(Value.int) ?? .none
            }
        }

        for view in [s.dictionaryKeys, s.dictionaryValues] {
            extend(view) { t in
                func base(_ v: Value) -> OrderedTable {
                    if case .view(let view) = v, case .dictionary(let box) = view.base { return box.table }
                    return OrderedTable()
                }
                t.property("var count: Int", get: { v, _ in .int(base(v).count) })
                t.property("var isEmpty: Bool", get: { v, _ in .bool(base(v).count == 0) })
            }
        }
        s.dictionaryKeys.associatedTypes["Element"] = .parameter(s.dictionaryKeys.genericParameters[0])
        s.dictionaryValues.associatedTypes["Element"] = .parameter(s.dictionaryValues.genericParameters[1])

        extend(s.set) { t in
            func elements(_ v: Value) -> [Value] { table(v).orderedKeys }
            t.initializer("init()") { _ in .set(SetBox()) }
            t.initializer("init<S: Sequence>(_ s: S) where S.Element == Element", doc: "The distinct elements of a sequence.") { call in
                var out = OrderedTable()
                for e in try call.elements(0, type: call.typeArguments[1]) { _ = out.insert(HashKey(e)) }
                return .set(SetBox(out))
            }
            t.property("var count: Int", get: { v, _ in .int(table(v).count) })
            t.property("var isEmpty: Bool", get: { v, _ in .bool(table(v).count == 0) })
            t.method("func contains(_ member: Element) -> Bool") { call in .bool(table(call.receiver).position(of: HashKey(call[0])) != nil) }
            t.method("mutating func insert(_ newMember: Element) -> (inserted: Bool, memberAfterInsert: Element)",
                     doc: "Adds the element if it is not already there.") { call in
                guard case .set(var box) = call.receiver else { return .void }
                call.receiver = .void
                if !isKnownUniquelyReferenced(&box) { box = SetBox(box.table) }
                let key = HashKey(call[0])
                let inserted = box.table.insert(key)
                let member = inserted ? call[0] : (box.table.keys[box.table.position(of: key)!]?.value ?? call[0])
                call.receiver = .set(box)
                return .tuple([.bool(inserted), member])
            }
            t.method("mutating func remove(_ member: Element) -> Element?") { call in
                guard case .set(var box) = call.receiver else { return .none }
                call.receiver = .void
                if !isKnownUniquelyReferenced(&box) { box = SetBox(box.table) }
                let key = HashKey(call[0])
                let found = box.table.position(of: key).flatMap { box.table.keys[$0]?.value }
                box.table.remove(key)
                call.receiver = .set(box)
                return found.map { wrapOptional($0, wrappedIsOptional: call.context.concrete(call.typeArguments[0]).isOptional) } ?? .none
            }
            t.method("mutating func removeAll()") { call in
                call.receiver = .set(SetBox())
                return .void
            }
            t.method("func union<S: Sequence>(_ other: S) -> Set<Element> where S.Element == Element") { call in
                var out = table(call.receiver)
                for e in try call.elements(0, type: call.typeArguments[1]) { _ = out.insert(HashKey(e)) }
                return .set(SetBox(out))
            }
            t.method("func intersection<S: Sequence>(_ other: S) -> Set<Element> where S.Element == Element") { call in
                var other = OrderedTable()
                for e in try call.elements(0, type: call.typeArguments[1]) { _ = other.insert(HashKey(e)) }
                var out = OrderedTable()
                for e in elements(call.receiver) where other.position(of: HashKey(e)) != nil { _ = out.insert(HashKey(e)) }
                return .set(SetBox(out))
            }
            t.method("func subtracting<S: Sequence>(_ other: S) -> Set<Element> where S.Element == Element") { call in
                var out = table(call.receiver)
                for e in try call.elements(0, type: call.typeArguments[1]) { out.remove(HashKey(e)) }
                return .set(SetBox(out))
            }
            t.method("func symmetricDifference<S: Sequence>(_ other: S) -> Set<Element> where S.Element == Element") { call in
                var out = table(call.receiver)
                for e in try call.elements(0, type: call.typeArguments[1]) {
                    let key = HashKey(e)
                    if out.position(of: key) != nil { out.remove(key) } else { _ = out.insert(key) }
                }
                return .set(SetBox(out))
            }
            t.method("mutating func formUnion<S: Sequence>(_ other: S) where S.Element == Element") { call in
                var out = table(call.receiver)
                call.receiver = .void
                for e in try call.elements(0, type: call.typeArguments[1]) { _ = out.insert(HashKey(e)) }
                call.receiver = .set(SetBox(out))
                return .void
            }
            t.method("mutating func formIntersection<S: Sequence>(_ other: S) where S.Element == Element") { call in
                var other = OrderedTable()
                for e in try call.elements(0, type: call.typeArguments[1]) { _ = other.insert(HashKey(e)) }
                var out = OrderedTable()
                for e in elements(call.receiver) where other.position(of: HashKey(e)) != nil { _ = out.insert(HashKey(e)) }
                call.receiver = .set(SetBox(out))
                return .void
            }
            t.method("mutating func formSymmetricDifference<S: Sequence>(_ other: S) where S.Element == Element") { call in
                var out = table(call.receiver)
                call.receiver = .void
                for e in try call.elements(0, type: call.typeArguments[1]) {
                    let key = HashKey(e)
                    if out.position(of: key) != nil { out.remove(key) } else { _ = out.insert(key) }
                }
                call.receiver = .set(SetBox(out))
                return .void
            }
            t.method("mutating func subtract<S: Sequence>(_ other: S) where S.Element == Element") { call in
                var out = table(call.receiver)
                call.receiver = .void
                for e in try call.elements(0, type: call.typeArguments[1]) { out.remove(HashKey(e)) }
                call.receiver = .set(SetBox(out))
                return .void
            }
            t.method("func isSubset(of other: Set<Element>) -> Bool") { call in
                let other = table(call[0])
                return .bool(elements(call.receiver).allSatisfy { other.position(of: HashKey($0)) != nil })
            }
            t.method("func isSuperset(of other: Set<Element>) -> Bool") { call in
                let mine = table(call.receiver)
                return .bool(elements(call[0]).allSatisfy { mine.position(of: HashKey($0)) != nil })
            }
            t.method("func isStrictSubset(of other: Set<Element>) -> Bool") { call in
                let other = table(call[0])
                let mine = elements(call.receiver)
                return .bool(mine.count < other.count && mine.allSatisfy { other.position(of: HashKey($0)) != nil })
            }
            t.method("func isDisjoint(with other: Set<Element>) -> Bool") { call in
                let other = table(call[0])
                return .bool(!elements(call.receiver).contains { other.position(of: HashKey($0)) != nil })
            }
            t.method("func filter(_ isIncluded: (Element) throws -> Bool) rethrows -> Set<Element>") { call in
                var out = OrderedTable()
                for e in elements(call.receiver) where try call.test(call[0], [e]) { _ = out.insert(HashKey(e)) }
                return .set(SetBox(out))
            }
        }
    }
}
