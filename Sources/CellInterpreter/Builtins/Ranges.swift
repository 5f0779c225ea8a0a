extension Registry {
    /// Ranges (of Ints and of any Comparable bound), partial ranges, pattern matching with `~=`,
    /// Optional's map, and the remaining operators of the standard library.
    func registerRangesAndOperators() {
        let s = standard
        // Ranges of any Comparable bound (Ints have their own, faster, operators).
        function("func ..< <Bound: Comparable>(minimum: Bound, maximum: Bound) -> Range<Bound>", doc: "The half-open range.") { call in
            guard !(try call.less(call[1], call[0], type: call.typeArguments[0])) else {
                throw call.fail("Fatal error: Range requires lowerBound <= upperBound")
            }
            if case .int(let l) = call[0], case .int(let u) = call[1] { return .intRange(l, u) }
            return .range(RangeBox(lower: call[0], upper: call[1]))
        }
        function("func ... <Bound: Comparable>(minimum: Bound, maximum: Bound) -> ClosedRange<Bound>", doc: "The closed range.") { call in
            guard !(try call.less(call[1], call[0], type: call.typeArguments[0])) else {
                throw call.fail("Fatal error: Range requires lowerBound <= upperBound")
            }
            if case .int(let l) = call[0], case .int(let u) = call[1] { return .intRange(l, u) }
            return .range(RangeBox(lower: call[0], upper: call[1]))
        }
        function("postfix func ... <Bound: Comparable>(minimum: Bound) -> PartialRangeFrom<Bound>") { call in
            if case .int(let l) = call[0] { return .intRange(l, Int.max) }
            return .range(RangeBox(lower: call[0], upper: nil))
        }
        // `...` alone is this function, of type UnboundedRange: a subscript taking one reads it as
        // "every position" (`a[...]`, `x[..., 1]`). UnboundedRange_ has no values, so it is never called.
        function("postfix func ... (_ unbounded: UnboundedRange_)", doc: "The whole range, written alone: a[...], x[..., 1].") { _ in .void }
        function("prefix func ..< <Bound: Comparable>(maximum: Bound) -> PartialRangeUpTo<Bound>") { call in
            if case .int(let u) = call[0] { return .intRange(Int.min, u) }
            return .range(RangeBox(lower: nil, upper: call[0]))
        }
        function("prefix func ... <Bound: Comparable>(maximum: Bound) -> PartialRangeThrough<Bound>") { call in
            if case .int(let u) = call[0] { return .intRange(Int.min, u) }
            return .range(RangeBox(lower: nil, upper: call[0]))
        }

        func bounds(_ v: Value) -> (Value?, Value?) {
            switch v {
            case .intRange(let l, let u): return (l == Int.min ? nil : .int(l), u == Int.max ? nil : .int(u))
            case .range(let box): return (box.lower, box.upper)
            default: return (nil, nil)
            }
        }
        for (decl, closed) in [(s.partialRangeFrom, false), (s.partialRangeUpTo, false), (s.partialRangeThrough, true)] {
            extend(decl) { t in
                t.method("func contains(_ element: Bound) -> Bool", doc: "Whether the value lies in the range.") { call in
                    let (l, u) = bounds(call.receiver)
                    let x = call[0], type = call.typeArguments[0]
                    if let l, try call.less(x, l, type: type) { return .bool(false) }
                    if let u {
                        if closed { return .bool(!(try call.less(u, x, type: type))) }
                        return .bool(try call.less(x, u, type: type))
                    }
                    return .bool(true)
                }
            }
        }
        for (decl, closed) in [(s.range, false), (s.closedRange, true)] {
            extend(decl) { t in
                t.property("var lowerBound: Bound", get: { v, _ in bounds(v).0 ?? .void })
                t.property("var upperBound: Bound", get: { v, _ in bounds(v).1 ?? .void })
                t.property("var isEmpty: Bool", get: { v, _ in
                    if case .intRange(let l, let u) = v { return .bool(closed ? false : l == u) }
                    if case .range(let box) = v, let l = box.lower, let u = box.upper { return .bool(!closed && structurallyEqual(l, u)) }
                    return .bool(false)
                })
                t.method("func contains(_ element: Bound) -> Bool", doc: "Whether the value lies in the range.") { call in
                    let (l, u) = bounds(call.receiver)
                    let x = call[0], type = call.typeArguments[0]
                    if let l, try call.less(x, l, type: type) { return .bool(false) }
                    if let u {
                        if closed { return .bool(!(try call.less(u, x, type: type))) }
                        return .bool(try call.less(x, u, type: type))
                    }
                    return .bool(true)
                }
                t.property("var count: Int", doc: "The number of whole values (ranges of Ints).", get: { v, _ in
                    guard case .intRange(let l, let u) = v else { return .int(0) }
                    return .int(closed ? u - l + 1 : u - l)
                })
                t.property("var first: Bound?", get: { v, _ in
                    guard case .intRange(let l, let u) = v else { return .none }
                    return closed || l < u ? .int(l) : .none
                })
                t.property("var last: Bound?", get: { v, _ in
                    guard case .intRange(let l, let u) = v else { return .none }
                    return closed ? .int(u) : (l < u ? .int(u - 1) : .none)
                })
            }
        }

        // Pattern matching (`case 0..<10:`) and equality patterns.
        function("func ~= <T: Equatable>(a: T, b: T) -> Bool") { call in
            .bool(try call.equal(call[0], call[1], type: call.typeArguments[0]))
        }
        for (type, closed) in [("Range", false), ("ClosedRange", true)] {
            function("func ~= <Bound: Comparable>(pattern: \(type)<Bound>, value: Bound) -> Bool") { call in
                let (l, u) = bounds(call[0])
                let x = call[1], t = call.typeArguments[0]
                if let l, try call.less(x, l, type: t) { return .bool(false) }
                if let u { return .bool(closed ? !(try call.less(u, x, type: t)) : try call.less(x, u, type: t)) }
                return .bool(true)
            }
        }
        function("func ~= <Bound: Comparable>(pattern: PartialRangeFrom<Bound>, value: Bound) -> Bool") { call in
            guard let l = bounds(call[0]).0 else { return .bool(true) }
            return .bool(!(try call.less(call[1], l, type: call.typeArguments[0])))
        }
        function("func ~= <Bound: Comparable>(pattern: PartialRangeUpTo<Bound>, value: Bound) -> Bool") { call in
            guard let u = bounds(call[0]).1 else { return .bool(true) }
            return .bool(try call.less(call[1], u, type: call.typeArguments[0]))
        }
        function("func ~= <Bound: Comparable>(pattern: PartialRangeThrough<Bound>, value: Bound) -> Bool") { call in
            guard let u = bounds(call[0]).1 else { return .bool(true) }
            return .bool(!(try call.less(u, call[1], type: call.typeArguments[0])))
        }

        // Tuples compare element by element (Swift defines these up to six elements).
        function("func == <A: Equatable, B: Equatable>(lhs: (A, B), rhs: (A, B)) -> Bool") { call in
            .bool(try call.equal(call[0], call[1], type: .tuple([TupleElementType(label: nil, type: call.typeArguments[0]),
                                                                 TupleElementType(label: nil, type: call.typeArguments[1])])))
        }
        function("func != <A: Equatable, B: Equatable>(lhs: (A, B), rhs: (A, B)) -> Bool") { call in
            .bool(!(try call.equal(call[0], call[1], type: .tuple([TupleElementType(label: nil, type: call.typeArguments[0]),
                                                                   TupleElementType(label: nil, type: call.typeArguments[1])]))))
        }
        function("func == <A: Equatable, B: Equatable, C: Equatable>(lhs: (A, B, C), rhs: (A, B, C)) -> Bool") { call in
            .bool(try call.equal(call[0], call[1], type: .tuple(call.typeArguments.map { TupleElementType(label: nil, type: $0) })))
        }
        for op in ["<", ">", "<=", ">="] {
            function("func \(op) <A: Comparable, B: Comparable>(lhs: (A, B), rhs: (A, B)) -> Bool") { call in
                let t = CellType.tuple(call.typeArguments.map { TupleElementType(label: nil, type: $0) })
                switch op {
                case "<": return .bool(try call.less(call[0], call[1], type: t))
                case ">": return .bool(try call.less(call[1], call[0], type: t))
                case "<=": return .bool(!(try call.less(call[1], call[0], type: t)))
                default: return .bool(!(try call.less(call[0], call[1], type: t)))
                }
            }
            function("func \(op) <A: Comparable, B: Comparable, C: Comparable>(lhs: (A, B, C), rhs: (A, B, C)) -> Bool") { call in
                let t = CellType.tuple(call.typeArguments.map { TupleElementType(label: nil, type: $0) })
                switch op {
                case "<": return .bool(try call.less(call[0], call[1], type: t))
                case ">": return .bool(try call.less(call[1], call[0], type: t))
                case "<=": return .bool(!(try call.less(call[1], call[0], type: t)))
                default: return .bool(!(try call.less(call[0], call[1], type: t)))
                }
            }
        }

        // String and Substring compare with each other.
        function("func == <A: StringProtocol, B: StringProtocol>(lhs: A, rhs: B) -> Bool", disfavored: true) { call in
            .bool(call.string(0) == call.string(1))
        }
        function("func != <A: StringProtocol, B: StringProtocol>(lhs: A, rhs: B) -> Bool", disfavored: true) { call in
            .bool(call.string(0) != call.string(1))
        }
        // Identity of class instances.
        function("func === <T>(lhs: T, rhs: T) -> Bool") { call in
            if case .instance(let a) = call[0], case .instance(let b) = call[1] { return .bool(a === b) }
            if case .object(let a) = call[0], case .object(let b) = call[1] { return .bool(a === b) }
            return .bool(false)
        }
        function("func !== <T>(lhs: T, rhs: T) -> Bool") { call in
            if case .instance(let a) = call[0], case .instance(let b) = call[1] { return .bool(a !== b) }
            if case .object(let a) = call[0], case .object(let b) = call[1] { return .bool(a !== b) }
            return .bool(true)
        }

        // Optional's map and flatMap.
        extend(s.optional) { t in
            t.initializer("init(_ some: Wrapped)", doc: "An optional holding the value.") { call in
                wrapOptional(call[0], wrappedIsOptional: call.context.concrete(call.typeArguments[0]).isOptional)
            }
            t.method("func map<U>(_ transform: (Wrapped) throws -> U) rethrows -> U?", doc: "The transformed value, or nil.") { call in
                if case .none = call.receiver { return .none }
                let inner = unwrapOptional(call.receiver, wrappedIsOptional: call.context.concrete(call.typeArguments[0]).isOptional)
                let r = try call.call(call[0], [inner])
                return wrapOptional(r, wrappedIsOptional: call.context.concrete(call.typeArguments[1]).isOptional)
            }
            t.method("func flatMap<U>(_ transform: (Wrapped) throws -> U?) rethrows -> U?", doc: "The function's optional result, or nil.") { call in
                if case .none = call.receiver { return .none }
                let inner = unwrapOptional(call.receiver, wrappedIsOptional: call.context.concrete(call.typeArguments[0]).isOptional)
                return try call.call(call[0], [inner])
            }
        }
    }
}
