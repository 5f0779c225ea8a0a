final class ArrayLiteralExpr: Expr {
    let elements: [Expr]

    init(_ elements: [Expr], position: Int) {
        self.elements = elements
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        var out: [Value] = []
        out.reserveCapacity(elements.count)
        for e in elements { out.append(try e.eval(cx)) }
        return .array(out)
    }
}

/// `[1, 2]` where an ArraySlice is expected (`a[0..<2] = [9, 9]`).
final class ArraySliceLiteralExpr: Expr {
    let array: Expr

    init(_ array: Expr, position: Int) {
        self.array = array
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        .arraySlice(SliceBox(ArraySlice(try array.eval(cx).arrayValue)))
    }
}

final class SetLiteralExpr: Expr {
    let elements: [Expr]

    init(_ elements: [Expr], position: Int) {
        self.elements = elements
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        var table = OrderedTable(minimumCapacity: elements.count)
        for e in elements { _ = table.insert(HashKey(try e.eval(cx))) }
        return .set(SetBox(table))
    }
}

final class DictionaryLiteralExpr: Expr {
    let pairs: [(Expr, Expr)]

    init(_ pairs: [(Expr, Expr)], position: Int) {
        self.pairs = pairs
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        var table = OrderedTable(minimumCapacity: pairs.count)
        for (k, v) in pairs {
            let key = HashKey(try k.eval(cx))
            if table.position(of: key) != nil {
                throw CellFailure(.runtime, "Fatal error: Dictionary literal contains duplicate keys", at: position)
            }
            table.update(try v.eval(cx), for: key)
        }
        return .dictionary(DictionaryBox(table))
    }
}

final class TupleExpr: Expr {
    let elements: [Expr]

    init(_ elements: [Expr], position: Int) {
        self.elements = elements
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        var out: [Value] = []
        out.reserveCapacity(elements.count)
        for e in elements { out.append(try e.eval(cx)) }
        return .tuple(out)
    }
}

/// `"x is \(x)"`: each value as `String(describing:)` shows it.
final class InterpolationExpr: Expr {
    enum Part {
        case text(String)
        case value(Expr, CellType)
    }

    /// A part as it runs: Int, Double and String values are written directly as UTF-8, with no
    /// trip through `describe` and its type switches (4× faster on `"w\(i)"`). Every payload is
    /// trivial (text as a range of `textBytes`, nodes unretained: `parts` keeps them), so walking
    /// the parts retains nothing.
    private enum RunningPart {
        case text(Range<Int>)
        case int(UnretainedExpr)
        case double(UnretainedExpr)
        case string(UnretainedExpr)
        /// Any other value: `parts[index]` holds its node and type.
        case value(index: Int)
    }

    let parts: [Part]
    private let running: [RunningPart]
    /// The literal text of every `.text` part, one after another, as UTF-8.
    private let textBytes: [UInt8]

    init(_ parts: [Part], position: Int) {
        self.parts = parts
        var bytes: [UInt8] = []
        running = parts.enumerated().map { index, part in
            switch part {
            case .text(let s):
                let start = bytes.count
                bytes.append(contentsOf: s.utf8)
                return .text(start..<bytes.count)
            case .value(let e, .int): return .int(UnretainedExpr(e))
            case .value(let e, .double): return .double(UnretainedExpr(e))
            case .value(let e, .string): return .string(UnretainedExpr(e))
            case .value: return .value(index: index)
            }
        }
        textBytes = bytes
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        var out = StringBuilder()
        for part in running {
            switch part {
            case .text(let range):
                textBytes.withUnsafeBufferPointer { out.append(UnsafeBufferPointer(rebasing: $0[range])) }
                continue
            case .int(let e):
                out.append(decimal: try e.evalInt(cx))
                continue
            case .double(let e):
                out.append(formatDouble(try e.evalDouble(cx)))
                continue
            case .string(let e):
                let v = try e.eval(cx)
                guard case .string(let s) = v else { throw internalMismatch("String", v, position) }
                out.append(s)
            case .value(let index):
                guard case .value(let e, let type) = parts[index] else { continue }
                out.append(try cx.describe(try e.eval(cx), type, at: e.position))
            }
            if out.utf8Count > cx.limits.maxElements {
                throw CellFailure(.resourceLimit, "the string is longer than the limit of \(cx.limits.maxElements) characters", at: position)
            }
        }
        return .string(out.string())
    }
}

/// An `if` or `switch` used as a value: its branch's value.
final class StatementValueExpr: Expr {
    let statement: Stmt

    init(_ statement: Stmt, position: Int) {
        self.statement = statement
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        _ = try statement.exec(cx)
        let v = cx.yieldValue
        cx.yieldValue = .void
        return v
    }
}

/// An `if`/`switch` expression's branch value.
final class YieldStmt: Stmt {
    let value: Expr

    init(_ value: Expr) {
        self.value = value
        super.init(position: value.position)
    }

    override func exec(_ cx: Context) throws(CellFailure) -> Flow {
        cx.yieldValue = try value.eval(cx)
        return .normal
    }
}

/// The value a pattern matches (`~=`'s right side) or a compound assignment's target's value.
final class MatchedValueExpr: Expr {
    override func eval(_ cx: Context) throws(CellFailure) -> Value { cx.matchedValue }

    override func evalInt(_ cx: Context) throws(CellFailure) -> Int {
        if case .int(let i) = cx.matchedValue { return i }
        throw internalMismatch("Int", cx.matchedValue, position)
    }

    override func evalDouble(_ cx: Context) throws(CellFailure) -> Double {
        if case .double(let d) = cx.matchedValue { return d }
        throw internalMismatch("Double", cx.matchedValue, position)
    }
}
