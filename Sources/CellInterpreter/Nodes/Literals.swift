/// A constant: a number, string, Bool or nil literal.
final class LiteralExpr: Expr {
    let value: Value

    init(_ value: Value, position: Int) {
        self.value = value
        super.init(position: position)
        switch value {
        case .int: staticKind = .int
        case .bool: staticKind = .bool
        default: break
        }
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value { value }

    override func evalInt(_ cx: Context) throws(CellFailure) -> Int {
        if case .int(let i) = value { return i }
        return try super.evalInt(cx)
    }

    override func evalBool(_ cx: Context) throws(CellFailure) -> Bool {
        if case .bool(let b) = value { return b }
        return try super.evalBool(cx)
    }
}

/// `"a \(b) c"`: literal pieces and interpolated expressions, joined as `print` shows them.
final class InterpolationExpr: Expr {
    enum Piece {
        case text(String)
        case expr(Expr)
    }

    let pieces: [Piece]

    init(_ pieces: [Piece], position: Int) {
        self.pieces = pieces
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        var out = ""
        for piece in pieces {
            switch piece {
            case .text(let s): out += s
            case .expr(let e): out += try e.eval(cx).printed
            }
        }
        return .string(out)
    }
}

/// `[a, b, c]`.
final class ArrayExpr: Expr {
    let elements: [Expr]

    init(_ elements: [Expr], position: Int) {
        self.elements = elements
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        var items: [Value] = []
        items.reserveCapacity(elements.count)
        for e in elements { items.append(try e.eval(cx)) }
        return .array(items)
    }
}

/// `(a, b)` or `(x: a, y: b)`.
final class TupleExpr: Expr {
    let elements: [Expr]
    let labels: [String?]

    init(_ elements: [Expr], labels: [String?], position: Int) {
        self.elements = elements
        self.labels = labels
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        var items: [Value] = []
        for e in elements { items.append(try e.eval(cx)) }
        return .tuple(TupleValue(items, labels: labels))
    }
}

/// `a..<b` and `a...b` over integers.
final class RangeExpr: Expr {
    let lower: Expr
    let upper: Expr
    let closed: Bool

    init(lower: Expr, upper: Expr, closed: Bool, position: Int) {
        self.lower = lower
        self.upper = upper
        self.closed = closed
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        let l = try lower.eval(cx), u = try upper.eval(cx)
        if closed, l.isNumber, u.isNumber, !(l.isInt && u.isInt) {
            let a = l.asDouble, b = u.asDouble
            guard a <= b else { throw CellFailure(.runtime, "range requires lowerBound <= upperBound, got \(formatDouble(a))...\(formatDouble(b))", at: position) }
            return .object(Interval(lower: a, upper: b))
        }
        guard case .int(let a) = l, case .int(let b) = u else {
            throw CellFailure(.type, "a range needs Int bounds, got \(l.typeName) and \(u.typeName)", at: position)
        }
        if closed {
            guard a <= b else { throw CellFailure(.runtime, "range requires lowerBound <= upperBound, got \(a)...\(b)", at: position) }
            guard b < Int.max else { throw CellFailure(.runtime, "range upper bound overflows", at: position) }
            return .range(RangeValue(lower: a, upper: b + 1, closed: true))
        }
        guard a <= b else { throw CellFailure(.runtime, "range requires lowerBound <= upperBound, got \(a)..<\(b)", at: position) }
        return .range(RangeValue(lower: a, upper: b, closed: false))
    }
}
