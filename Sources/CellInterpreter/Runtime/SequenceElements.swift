/// The elements of any sequence value, in order (what `for x in s` visits), by its static type.
func sequenceElements(_ v: Value, type staticType: CellType, _ cx: Context, at position: Int) throws(CellFailure) -> [Value] {
    let type = cx.concrete(staticType)
    let s = cx.registry.standard
    switch v {
    case .array(let a):
        return a
    case .set(let box):
        return box.table.orderedKeys
    case .dictionary(let box):
        return box.table.entries.map { .tuple([$0.key, $0.value]) }
    case .string(let text):
        return text.map { .character($0) }
    case .substring(let sub):
        return sub.value.map { .character($0) }
    case .arraySlice(let box):
        return Array(box.value)
    case .intRange(let lower, let upper):
        guard case .nominal(let decl, _) = type else { break }
        let count: Int
        switch decl {
        case s.range: count = upper - lower
        case s.closedRange: count = upper - lower + 1
        default:
            throw CellFailure(.unsupported, "a range without an end cannot be turned into elements here", at: position)
        }
        try checkCount(count, cx, at: position)
        return (0..<count).map { .int(lower + $0) }
    case .existential(let box):
        return try sequenceElements(box.value, type: box.type, cx, at: position)
    case .view(let view):
        guard case .nominal(_, let args) = type else { break }
        return try view.elements { () throws(CellFailure) -> [Value] in
            switch view.kind {
            case .reversed:
                return try sequenceElements(view.base, type: args[0], cx, at: position).reversed()
            case .enumerated:
                return try sequenceElements(view.base, type: args[0], cx, at: position).enumerated().map { .tuple([.int($0.offset), $0.element]) }
            case .zip:
                guard case .tuple(let pair) = view.base, args.count == 2 else { return [] }
                // `zip(names, 1...)`: a range without an end gives as many elements as the other side.
                func openStart(_ i: Int) -> Int? {
                    guard case .intRange(let lower, _) = pair[i], case .nominal(let decl, _) = cx.concrete(args[i]),
                          decl === s.partialRangeFrom else { return nil }
                    return lower
                }
                func counting(from l: Int, _ n: Int) throws(CellFailure) -> [Value] {
                    guard n == 0 || !l.addingReportingOverflow(n - 1).overflow else {
                        throw CellFailure(.runtime, "Fatal error: Range end index has no valid successor", at: position)
                    }
                    return (0..<n).map { .int(l + $0) }
                }
                switch (openStart(0), openStart(1)) {
                case (let l?, nil):
                    let b = try sequenceElements(pair[1], type: args[1], cx, at: position)
                    return zip(try counting(from: l, b.count), b).map { .tuple([$0, $1]) }
                case (nil, let l?):
                    let a = try sequenceElements(pair[0], type: args[0], cx, at: position)
                    return zip(a, try counting(from: l, a.count)).map { .tuple([$0, $1]) }
                default:
                    break
                }
                let a = try sequenceElements(pair[0], type: args[0], cx, at: position)
                let b = try sequenceElements(pair[1], type: args[1], cx, at: position)
                return zip(a, b).map { .tuple([$0, $1]) }
            case .strideTo, .strideThrough:
                return try strideElements(view.base, through: view.kind == .strideThrough, cx, at: position)
            case .keys:
                guard case .dictionary(let box) = view.base else { return [] }
                return box.table.orderedKeys
            case .values:
                guard case .dictionary(let box) = view.base else { return [] }
                return box.table.orderedValues
            }
        }
    case .object(let object):
        if let adapter = cx.registry.sequenceAdapter(object.typeName) {
            do { return try adapter(v) } catch { throw failure(from: error, at: position) }
        }
    default:
        break
    }
    throw CellFailure(.runtime, "internal error: a value of type '\(type)' cannot be iterated", at: position)
}

/// The values of `stride(from:to:by:)` and `stride(from:through:by:)`, as Swift computes them
/// (start + n × step, so no error accumulates).
func strideElements(_ base: Value, through: Bool, _ cx: Context, at position: Int) throws(CellFailure) -> [Value] {
    guard case .tuple(let parts) = base, parts.count == 3 else { return [] }
    switch (parts[0], parts[1], parts[2]) {
    case (.int(let start), .int(let end), .int(let step)):
        guard step != 0 else { throw CellFailure(.runtime, "Fatal error: Stride size must not be zero", at: position) }
        var out: [Value] = []
        var x = start
        while true {
            if step > 0 ? x >= end : x <= end {
                if through && x == end { out.append(.int(x)) }
                break
            }
            out.append(.int(x))
            try checkCount(out.count, cx, at: position)
            let (next, o) = x.addingReportingOverflow(step)
            if o { break }
            x = next
        }
        return out
    case (.double(let start), .double(let end), .double(let step)):
        guard step != 0 else { throw CellFailure(.runtime, "Fatal error: Stride size must not be zero", at: position) }
        guard step.isFinite, start.isFinite else { return [] }
        var out: [Value] = []
        // Swift's floating-point strides: the i-th value is start + i × step (no error accumulates).
        var i = 0
        var x = start
        while true {
            if step > 0 ? x >= end : x <= end {
                if through && x == end { out.append(.double(x)) }
                break
            }
            out.append(.double(x))
            try checkCount(out.count, cx, at: position)
            i += 1
            x = start + Double(i) * step
        }
        return out
    default:
        return []
    }
}

@inline(__always)
func checkCount(_ count: Int, _ cx: Context, at position: Int) throws(CellFailure) {
    if count > cx.limits.maxElements {
        throw CellFailure(.resourceLimit, "\(count) elements is more than the limit of \(cx.limits.maxElements)", at: position)
    }
}
