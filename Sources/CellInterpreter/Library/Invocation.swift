/// One call of a library function: its receiver, its arguments matched to parameters, and
/// typed accessors whose errors name the parameter and what was expected.
public struct Invocation {
    /// The value a method was called on (`.void` for free functions and initializers).
    public var receiver: Value
    /// Per parameter, the values passed (empty when the default applies; several for a variadic).
    public let arguments: [[Value]]
    public let function: NativeFunction
    let context: Context
    let position: Int

    /// The argument for parameter `i`, or nil when it was left to its default.
    public func value(_ i: Int) -> Value? { arguments[i].first }

    /// Every argument given to a variadic parameter `i`.
    public func values(_ i: Int) -> [Value] { arguments[i] }

    /// A type mismatch for parameter `i`, in the form the language reports everywhere.
    public func mismatch(_ i: Int, expected: String, got: Value) -> CellFailure {
        let p = function.parameters[i]
        let which = p.label.map { "'\($0):'" } ?? "'\(p.name)'"
        return CellFailure(.type, "argument \(which) of \(function.signature) expects \(expected), got a value of type '\(got.typeName)'",
                           at: position)
    }

    /// A failure at the call, for checks of argument values (`components must be positive`).
    public func fail(_ message: String) -> CellFailure {
        // An initializer's or subscript's signature says nothing the call site does not.
        let prefix = function.name == "init" || function.name == "subscript" ? "" : "\(function.signature): "
        return CellFailure(.runtime, prefix + message, at: position)
    }

    public func int(_ i: Int) throws -> Int {
        guard let v = value(i) else { throw fail("missing argument '\(function.parameters[i].name)'") }
        if case .int(let x) = v { return x }
        throw mismatch(i, expected: "Int", got: v)
    }

    public func int(_ i: Int, default d: Int) throws -> Int { value(i) == nil ? d : try int(i) }

    /// A Double; an Int is accepted and widened.
    public func double(_ i: Int) throws -> Double {
        guard let v = value(i) else { throw fail("missing argument '\(function.parameters[i].name)'") }
        switch v {
        case .double(let x): return x
        case .int(let x): return Double(x)
        default: throw mismatch(i, expected: "Double", got: v)
        }
    }

    public func double(_ i: Int, default d: Double) throws -> Double { value(i) == nil ? d : try double(i) }

    public func bool(_ i: Int) throws -> Bool {
        guard let v = value(i) else { throw fail("missing argument '\(function.parameters[i].name)'") }
        if case .bool(let x) = v { return x }
        throw mismatch(i, expected: "Bool", got: v)
    }

    public func bool(_ i: Int, default d: Bool) throws -> Bool { value(i) == nil ? d : try bool(i) }

    public func string(_ i: Int) throws -> String {
        guard let v = value(i) else { throw fail("missing argument '\(function.parameters[i].name)'") }
        if case .string(let x) = v { return x }
        throw mismatch(i, expected: "String", got: v)
    }

    public func string(_ i: Int, default d: String) throws -> String { value(i) == nil ? d : try string(i) }

    public func array(_ i: Int) throws -> [Value] {
        guard let v = value(i) else { throw fail("missing argument '\(function.parameters[i].name)'") }
        if case .array(let x) = v { return x }
        throw mismatch(i, expected: "an array", got: v)
    }

    /// An array of numbers as [Double] (Ints widened).
    public func doubles(_ i: Int) throws -> [Double] {
        if case .object(let t as TensorValue)? = value(i) {
            guard t.tensor.rank <= 1 || t.tensor.shape.dropFirst().allSatisfy({ $0 == 1 }) else {
                throw fail("expected a list of numbers, got a tensor of shape \(t.tensor.shape); select a column with x[0..., k]")
            }
            return t.tensor.scalars
        }
        let items = try array(i)
        var out: [Double] = []
        out.reserveCapacity(items.count)
        for item in items {
            switch item {
            case .double(let x): out.append(x)
            case .int(let x): out.append(Double(x))
            default: throw mismatch(i, expected: "[Double]", got: .array(items))
            }
        }
        return out
    }

    public func ints(_ i: Int, default d: [Int]) throws -> [Int] { value(i) == nil ? d : try ints(i) }

    public func ints(_ i: Int) throws -> [Int] {
        let items = try array(i)
        var out: [Int] = []
        out.reserveCapacity(items.count)
        for item in items {
            guard case .int(let x) = item else { throw mismatch(i, expected: "[Int]", got: .array(items)) }
            out.append(x)
        }
        return out
    }

    /// A library object of type `T` (a model, a figure).
    public func object<T>(_ i: Int, as type: T.Type, named name: String) throws -> T {
        guard let v = value(i) else { throw fail("missing argument '\(function.parameters[i].name)'") }
        if case .object(let o) = v, let t = o as? T { return t }
        throw mismatch(i, expected: name, got: v)
    }

    /// The receiver as a library object of type `T`.
    public func receiver<T>(as type: T.Type) throws -> T {
        if case .object(let o) = receiver, let t = o as? T { return t }
        throw CellFailure(.type, "\(function.signature) called on a value of type '\(receiver.typeName)'", at: position)
    }

    /// Calls a function value the cell passed in (a closure for `map`, a loss for `grad`).
    public func call(_ function: Value, _ arguments: [Value]) throws -> Value {
        guard case .function(let f) = function else {
            throw CellFailure(.type, "expected a function, got a value of type '\(function.typeName)'", at: position)
        }
        return try callFunction(f, positional: arguments, context: context, at: position)
    }

    /// Shows a value under the cell, as `show(x)` does.
    public func display(_ value: Value) throws {
        try context.display(value, at: position)
    }

    /// Appends text to the cell's printed output.
    public func write(_ text: String) {
        context.write(text)
    }

    /// Ends the call with a timeout error if the cell has run out of time; long library loops call it.
    public func checkTime() throws {
        try context.checkClock(at: position)
    }

    /// The session's random seed, from the notebook's front matter.
    public var seed: UInt64 { context.seed }
}
