/// A written type (`Double`, `[Int]`, `Tensor`), checked at run time when a value is stored.
struct TypeAnnotation: CustomStringConvertible {
    indirect enum Kind {
        case int, double, bool, string
        case array(TypeAnnotation)
        case optional(TypeAnnotation)
        /// Element types and labels: `(mean: Tensor, Int)`.
        case tuple([TypeAnnotation], labels: [String?])
        case function
        case named(String)
        case any
    }

    let kind: Kind
    let description: String

    /// Returns the value as the annotated type (an Int stored as a Double becomes one),
    /// or throws the mismatch.
    func check(_ value: Value, at position: Int) throws(CellFailure) -> Value {
        if let converted = convert(value) { return converted }
        throw CellFailure(.type, "cannot use a value of type '\(value.typeName)' as '\(description)'", at: position)
    }

    private func convert(_ value: Value) -> Value? {
        switch (kind, value) {
        case (.any, _): return value
        case (.int, .int), (.bool, .bool), (.string, .string), (.double, .double): return value
        case (.double, .int(let i)): return .double(Double(i))
        case (.array(let element), .array(let items)):
            var out: [Value] = []
            out.reserveCapacity(items.count)
            for item in items {
                guard let c = element.convert(item) else { return nil }
                out.append(c)
            }
            return .array(out)
        case (.optional, .none): return value
        case (.optional(let wrapped), _): return wrapped.convert(value)
        case (.tuple(let types, let labels), .tuple(let t)) where types.count == t.elements.count:
            // Labels must agree where both sides write one; the written type's labels win, so
            // `func f() -> (mean: Double, sd: Double) { (m, s) }` returns a labelled tuple, as in Swift.
            for (a, b) in zip(labels, t.labels) where a != nil && b != nil && a != b { return nil }
            var out: [Value] = []
            for (type, item) in zip(types, t.elements) {
                guard let c = type.convert(item) else { return nil }
                out.append(c)
            }
            return .tuple(TupleValue(out, labels: zip(labels, t.labels).map { $0 ?? $1 }))
        case (.function, .function): return value
        case (.named(let name), .object(let o)) where o.typeName == name: return value
        case (.named(let name), .range) where name == "Range" || name == "ClosedRange": return value
        default: return nil
        }
    }
}
