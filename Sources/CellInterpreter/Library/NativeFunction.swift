/// A parameter of a library function, as `lectern reference` lists it.
public struct NativeParameter: Sendable {
    /// The argument label; nil for `_`.
    public var label: String?
    public var name: String
    /// The type as written in the signature (`Int`, `[Double]`, `(Double) -> Double`).
    public var type: String
    /// The default as written (`10`), nil when the argument is required.
    public var defaultText: String?
    /// Written `Type...`: takes any number of arguments.
    public var variadic: Bool

    public var hasDefault: Bool { defaultText != nil }
}

/// A library function, initializer, method or static method bound for cells. Declared by a
/// Swift signature string and a one-line doc, so the reference page is generated from the
/// same registry the interpreter calls through.
public final class NativeFunction: @unchecked Sendable {
    /// The base name (`init` for initializers).
    public let name: String
    public let parameters: [NativeParameter]
    public let returns: String
    public let doc: String
    /// A method that changes its receiver (arrays' `append`); the interpreter writes it back.
    public let isMutating: Bool
    let body: (inout Invocation) throws -> Value
    let parameterShapes: [ParameterShape]

    /// Binds `body` under `signature`, written as Swift declares it:
    /// `"zeros(_ shape: [Int]) -> Tensor"`, `"init(components: Int = 2)"`.
    public init(_ signature: String, doc: String, mutating: Bool = false, _ body: @escaping (inout Invocation) throws -> Value) {
        let parsed = SignatureParser.parse(signature)
        self.name = parsed.name
        self.parameters = parsed.parameters
        self.returns = parsed.returns
        self.doc = doc
        self.isMutating = mutating
        self.body = body
        self.parameterShapes = parsed.parameters.map {
            ParameterShape(label: $0.label, hasDefault: $0.hasDefault, variadic: $0.variadic,
                           takesFunction: $0.type.contains("->"))
        }
    }

    /// `name(label:label:)`, as Swift names a function.
    public var signature: String {
        "\(name)(" + parameters.map { ($0.label ?? "_") + ":" }.joined() + ")"
    }

    /// The full declaration, for messages and the reference page.
    public var declaration: String {
        let params = parameters.map { p -> String in
            var s = p.label == p.name ? p.name : "\(p.label ?? "_") \(p.name)"
            s += ": \(p.type)\(p.variadic ? "..." : "")"
            if let d = p.defaultText { s += " = \(d)" }
            return s
        }
        let result = returns == "Void" || name == "init" ? "" : " -> \(returns)"
        return "\(name)(\(params.joined(separator: ", ")))\(result)"
    }
}

/// Reads the small signature language of `NativeFunction`: `name(label name: Type = default, …) -> Result`.
enum SignatureParser {
    struct Parsed {
        var name: String
        var parameters: [NativeParameter]
        var returns: String
    }

    static func parse(_ text: String) -> Parsed {
        guard let open = text.firstIndex(of: "("), let close = matchingParen(text, open) else {
            return Parsed(name: text.trimmed, parameters: [], returns: "Void")
        }
        let name = String(text[..<open]).trimmed
        let inside = String(text[text.index(after: open)..<close])
        var rest = String(text[text.index(after: close)...]).trimmed
        if rest.hasPrefix("->") { rest = String(rest.dropFirst(2)).trimmed } else { rest = name == "init" ? "Self" : "Void" }
        let parameters = splitTopLevel(inside).filter { !$0.trimmed.isEmpty }.map(parameter)
        return Parsed(name: name, parameters: parameters, returns: rest)
    }

    private static func parameter(_ text: String) -> NativeParameter {
        var head = text
        var defaultText: String?
        if let eq = topLevelIndex(of: "=", in: text) {
            head = String(text[..<eq])
            defaultText = String(text[text.index(after: eq)...]).trimmed
        }
        guard let colon = head.firstIndex(of: ":") else {
            return NativeParameter(label: nil, name: head.trimmed, type: "Any", defaultText: defaultText, variadic: false)
        }
        let names = head[..<colon].split(separator: " ").map(String.init)
        var type = String(head[head.index(after: colon)...]).trimmed
        let variadic = type.hasSuffix("...")
        if variadic { type = String(type.dropLast(3)) }
        let label: String? = names.count == 2 ? (names[0] == "_" ? nil : names[0]) : names.first
        let name = names.last ?? ""
        return NativeParameter(label: label, name: name, type: type, defaultText: defaultText, variadic: variadic)
    }

    private static func matchingParen(_ text: String, _ open: String.Index) -> String.Index? {
        var depth = 0
        var i = open
        while i < text.endIndex {
            switch text[i] {
            case "(", "[": depth += 1
            case ")", "]":
                depth -= 1
                if depth == 0 { return i }
            default: break
            }
            i = text.index(after: i)
        }
        return nil
    }

    private static func splitTopLevel(_ text: String) -> [String] {
        var parts: [String] = []
        var depth = 0
        var current = ""
        var inString = false
        for ch in text {
            if ch == "\"" { inString.toggle() }
            if !inString {
                if ch == "(" || ch == "[" { depth += 1 }
                if ch == ")" || ch == "]" { depth -= 1 }
                if ch == "," && depth == 0 {
                    parts.append(current)
                    current = ""
                    continue
                }
            }
            current.append(ch)
        }
        parts.append(current)
        return parts
    }

    private static func topLevelIndex(of target: Character, in text: String) -> String.Index? {
        var depth = 0
        var i = text.startIndex
        while i < text.endIndex {
            let ch = text[i]
            if ch == "(" || ch == "[" { depth += 1 }
            if ch == ")" || ch == "]" { depth -= 1 }
            if ch == target && depth == 0 { return i }
            i = text.index(after: i)
        }
        return nil
    }
}

extension String {
    var trimmed: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\n" || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\n" || l == "\t" { s.removeLast() }
        return String(s)
    }
}
