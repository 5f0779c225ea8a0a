extension Value {
    /// The text `print` and string interpolation use: strings bare, numbers in shortest
    /// round-trip form, collections as Swift prints them.
    public var printed: String {
        switch self {
        case .string(let s): s
        default: debugText
        }
    }

    /// The text of a value inside a collection or when displayed: strings quoted.
    public var debugText: String {
        switch self {
        case .void: "()"
        case .bool(let b): b ? "true" : "false"
        case .int(let i): String(i)
        case .double(let d): formatDouble(d)
        case .string(let s): quoted(s)
        case .array(let items): "[" + items.map(\.debugText).joined(separator: ", ") + "]"
        case .tuple(let t):
            "(" + zip(t.labels, t.elements).map { label, v in (label.map { "\($0): " } ?? "") + v.debugText }
                .joined(separator: ", ") + ")"
        case .range(let r):
            r.lower == RangeValue.openStart ? (r.closed ? "...\(r.upper - 1)" : "..<\(r.upper)")
                : r.upper == RangeValue.openEnd ? "\(r.lower)..." : r.closed ? "\(r.lower)...\(r.upper - 1)" : "\(r.lower)..<\(r.upper)"
        case .function(let f): f.typeDescription
        case .none: "nil"
        case .object(let o): (o as? CustomStringConvertible)?.description ?? "<\(o.typeName)>"
        }
    }
}

/// Shortest round-trip form, as Swift prints a Double (`0.1`, `1.0`, `1e-05`).
func formatDouble(_ d: Double) -> String {
    if d.isNaN { return "nan" }
    if d.isInfinite { return d < 0 ? "-inf" : "inf" }
    return d.description
}

/// A string literal as Swift writes it.
func quoted(_ s: String) -> String {
    var out = "\""
    for ch in s.unicodeScalars {
        switch ch {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\t": out += "\\t"
        case "\r": out += "\\r"
        default: out.unicodeScalars.append(ch)
        }
    }
    return out + "\""
}
