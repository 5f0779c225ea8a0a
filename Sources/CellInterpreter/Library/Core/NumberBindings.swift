import Foundation

extension Registry {
    func registerNumbers() {
        type(TypeBinding("Int", doc: "A whole number (64-bit); arithmetic that overflows is an error.")
            .initializer(NativeFunction("init(_ value: Double)", doc: "Truncates a Double toward zero.") { call in
                switch call.value(0) {
                case .int(let i)?: return .int(i)
                case .string(let s)?: return Int(s).map(Value.int) ?? .none
                default:
                    let d = try call.double(0)
                    guard d.isFinite, d >= -9.2e18, d <= 9.2e18 else { throw call.fail("\(formatDouble(d)) cannot be converted to Int") }
                    return .int(Int(d))
                }
            })
            .staticProperty(NativeProperty("max", "Int", doc: "The largest Int.", get: { _ in .int(Int.max) }))
            .staticProperty(NativeProperty("min", "Int", doc: "The smallest Int.", get: { _ in .int(Int.min) })),
             topic: "Numbers")

        type(TypeBinding("Double", doc: "A 64-bit floating-point number, printed in shortest round-trip form.")
            .initializer(NativeFunction("init(_ value: Int)", doc: "The number as a Double (text is parsed; nil if it is not a number).") { call in
                if case .string(let s)? = call.value(0) { return Double(s).map(Value.double) ?? .none }
                return .double(try call.double(0))
            })
            .staticProperty(NativeProperty("pi", "Double", doc: "π.", get: { _ in .double(Double.pi) }))
            .staticProperty(NativeProperty("infinity", "Double", doc: "Positive infinity.", get: { _ in .double(Double.infinity) }))
            .staticProperty(NativeProperty("nan", "Double", doc: "Not a number.", get: { _ in .double(Double.nan) }))
            .staticProperty(NativeProperty("ulpOfOne", "Double", doc: "Machine epsilon: the gap between 1 and the next Double.",
                                           get: { _ in .double(Double.ulpOfOne) }))
            .property(NativeProperty("isNaN", "Bool", doc: "True for not-a-number.", get: { v in .bool(v.asDouble.isNaN) }))
            .property(NativeProperty("isFinite", "Bool", doc: "True unless infinite or NaN.", get: { v in .bool(v.asDouble.isFinite) }))
            .method(NativeFunction("rounded() -> Double", doc: "The nearest whole number, halves away from zero.") { call in
                .double(call.receiver.asDouble.rounded())
            })
            .method(NativeFunction("squareRoot() -> Double", doc: "The square root.") { call in
                .double(call.receiver.asDouble.squareRoot())
            }),
             topic: "Numbers")

        type(TypeBinding("Bool", doc: "true or false.")
            .method(NativeFunction("toggle()", doc: "Flips the value.", mutating: true) { call in
                if case .bool(let b) = call.receiver { call.receiver = .bool(!b) }
                return .void
            }),
             topic: "Numbers")

        type(TypeBinding("String", doc: "Text. `\\(x)` interpolates a value as print shows it.")
            .initializer(NativeFunction("init(_ value: Any)", doc: "The value's text, as print shows it.") { call in
                .string(call.value(0)?.printed ?? "")
            })
            .initializer(NativeFunction("init(format: String, _ arguments: Any...)",
                                        doc: "printf-style formatting: %d, %f, %.3f, %e, %g, %s, %%.") { call in
                .string(try formatString(try call.string(0), call.values(1)))
            }),
             topic: "Text")
    }
}

extension Value {
    /// The value as a Double (0 when it is not a number; callers check types first).
    var asDouble: Double {
        switch self {
        case .double(let d): d
        case .int(let i): Double(i)
        default: 0
        }
    }
}

/// printf-style formatting with each conversion checked against its argument, so a wrong
/// specifier is an error rather than undefined behaviour.
func formatString(_ format: String, _ arguments: [Value]) throws(CellFailure) -> String {
    var out = ""
    var chars = format[...]
    var next = 0
    while let percent = chars.firstIndex(of: "%") {
        out += chars[..<percent]
        var spec = "%"
        var i = chars.index(after: percent)
        while i < chars.endIndex, "-+ #0123456789.".contains(chars[i]) {
            spec.append(chars[i])
            i = chars.index(after: i)
        }
        guard i < chars.endIndex else { throw CellFailure(.runtime, "format string ends inside a conversion: '\(format)'") }
        let conversion = chars[i]
        chars = chars[chars.index(after: i)...]
        if conversion == "%" {
            out += "%"
            continue
        }
        guard next < arguments.count else {
            throw CellFailure(.runtime, "format '\(format)' needs more arguments than the \(arguments.count) given")
        }
        let argument = arguments[next]
        next += 1
        switch (conversion, argument) {
        case ("d", .int(let v)), ("i", .int(let v)):
            out += String(format: spec + "ld", v)
        case ("f", _), ("e", _), ("g", _), ("F", _), ("E", _), ("G", _):
            guard argument.isNumber else {
                throw CellFailure(.type, "format '%\(conversion)' needs a number, got a value of type '\(argument.typeName)'")
            }
            out += String(format: spec + String(conversion), argument.asDouble)
        case ("s", _), ("@", _):
            let text = argument.printed
            let width = Int(spec.dropFirst().filter { $0.isNumber }) ?? 0
            let pad = String(repeating: " ", count: max(0, width - text.count))
            out += spec.contains("-") ? text + pad : pad + text
        default:
            throw CellFailure(.type, "format '%\(conversion)' cannot format a value of type '\(argument.typeName)'")
        }
    }
    out += chars
    return out
}
