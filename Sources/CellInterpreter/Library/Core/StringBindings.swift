extension Registry {
    func registerStrings() {
        type(TypeBinding("String", doc: "Text. `\\(x)` interpolates a value as print shows it.")
            .property(NativeProperty("count", "Int", doc: "The number of characters.", get: { v in .int(v.stringValue.count) }))
            .property(NativeProperty("isEmpty", "Bool", doc: "True for the empty string.", get: { v in .bool(v.stringValue.isEmpty) }))
            .method(NativeFunction("uppercased() -> String", doc: "The text in upper case.") { call in .string(call.receiver.stringValue.uppercased()) })
            .method(NativeFunction("lowercased() -> String", doc: "The text in lower case.") { call in .string(call.receiver.stringValue.lowercased()) })
            .method(NativeFunction("contains(_ other: String) -> Bool", doc: "True when the text contains another.") { call in
                let other = try call.string(0)
                return .bool(other.isEmpty || call.receiver.stringValue.contains(other))
            })
            .method(NativeFunction("hasPrefix(_ prefix: String) -> Bool", doc: "True when the text starts with a prefix.") { call in
                .bool(call.receiver.stringValue.hasPrefix(try call.string(0)))
            })
            .method(NativeFunction("hasSuffix(_ suffix: String) -> Bool", doc: "True when the text ends with a suffix.") { call in
                .bool(call.receiver.stringValue.hasSuffix(try call.string(0)))
            })
            .method(NativeFunction("split(separator: String) -> [String]", doc: "The pieces between separators.") { call in
                let separator = try call.string(0)
                guard let ch = separator.first, separator.count == 1 else { throw call.fail("the separator must be one character") }
                return .array(call.receiver.stringValue.split(separator: ch).map { .string(String($0)) })
            })
            .method(NativeFunction("padding(toLength length: Int) -> String", doc: "Pads with spaces (or cuts) to a length.") { call in
                let s = call.receiver.stringValue, n = try call.int(0)
                return .string(s.count >= n ? String(s.prefix(max(0, n))) : s + String(repeating: " ", count: n - s.count))
            }),
             topic: "Text")
    }
}

extension Value {
    var stringValue: String {
        if case .string(let s) = self { return s }
        return printed
    }
}
