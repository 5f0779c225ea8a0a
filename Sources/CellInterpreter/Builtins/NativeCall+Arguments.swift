/// Reading a native call's arguments as Swift values. The checker has already made sure of
/// every argument's type, so these only unwrap.
extension NativeCall {
    func int(_ i: Int) -> Int {
        if case .int(let v) = arguments[i] { return v }
        return 0
    }

    func double(_ i: Int) -> Double {
        if case .double(let v) = arguments[i] { return v }
        return 0
    }

    func bool(_ i: Int) -> Bool {
        if case .bool(let v) = arguments[i] { return v }
        return false
    }

    func string(_ i: Int) -> String {
        switch arguments[i] {
        case .string(let v): return v
        case .substring(let s): return String(s.value)
        case .character(let c): return String(c)
        default: return ""
        }
    }

    func array(_ i: Int) -> [Value] {
        if case .array(let v) = arguments[i] { return v }
        return []
    }

    /// The receiver's elements (an array, or any sequence by its type).
    func receiverElements(type: CellType) throws(CellFailure) -> [Value] {
        if case .array(let a) = receiver { return a }
        return try sequenceElements(receiver, type: type, context, at: position)
    }

    /// An argument's elements, for a parameter of a generic sequence type.
    func elements(_ i: Int, type: CellType) throws(CellFailure) -> [Value] {
        if case .array(let a) = arguments[i] { return a }
        return try sequenceElements(arguments[i], type: type, context, at: position)
    }

    /// Calls a closure argument and reads its Bool result.
    func test(_ function: Value, _ arguments: [Value]) throws(CellFailure) -> Bool {
        if case .bool(let b) = try call(function, arguments) { return b }
        return false
    }

    var runtime: SessionRuntime { context.runtime }

    func equal(_ a: Value, _ b: Value, type: CellType) throws(CellFailure) -> Bool {
        try runtime.equal(a, b, type: type, context, at: position)
    }

    func less(_ a: Value, _ b: Value, type: CellType) throws(CellFailure) -> Bool {
        try runtime.less(a, b, type: type, context, at: position)
    }

    /// Refuses a result that would pass the session's element limit, before making it.
    func checkSize(_ count: Int) throws(CellFailure) {
        try checkCount(count, context, at: position)
    }
}

extension Value {
    var intValue: Int {
        if case .int(let v) = self { return v }
        return 0
    }

    var doubleValue: Double {
        if case .double(let v) = self { return v }
        return 0
    }

    var boolValue: Bool {
        if case .bool(let v) = self { return v }
        return false
    }

    var stringValue: String {
        switch self {
        case .string(let v): return v
        case .substring(let s): return String(s.value)
        case .character(let c): return String(c)
        default: return ""
        }
    }

    var arrayValue: [Value] {
        if case .array(let v) = self { return v }
        return []
    }
}

/// Sorts values as Swift's `sort` does (the same algorithm: it is Swift's own), with an order
/// that may call cell code.
func sortValues(_ values: inout [Value], by less: (Value, Value) throws(CellFailure) -> Bool) throws(CellFailure) {
    var failure: CellFailure?
    values.sort { a, b in
        if failure != nil { return false }
        do throws(CellFailure) {
            return try less(a, b)
        } catch {
            failure = error
            return false
        }
    }
    if let failure { throw failure }
}

/// Sorts values of a Comparable type in ascending order (`sort()`, `sorted()`).
func sortNatural(_ values: inout [Value], elementType: CellType, _ call: NativeCall) throws(CellFailure) {
    switch call.context.concrete(elementType) {
    // Numbers are sorted as plain numbers (by the same algorithm and comparisons, so in the
    // same order), faster than sorting the values themselves.
    case .int:
        var numbers = values.map(\.intValue)
        numbers.sort()
        values = numbers.map(Value.int)
    case .double:
        var numbers = values.map(\.doubleValue)
        numbers.sort { $0 < $1 }
        values = numbers.map(Value.double)
    case .string: values.sort { $0.stringValue < $1.stringValue }
    default: try sortValues(&values) { (a, b) throws(CellFailure) in try call.less(a, b, type: elementType) }
    }
}
