import Foundation

extension Registry {
    /// String, Substring (through StringProtocol), Character and Foundation's CharacterSet.
    func registerStrings() {
        let s = standard
        extend(s.stringProtocol) { t in
            t.property("var count: Int", doc: "The number of characters.", get: { v, _ in .int(v.stringValue.count) })
            t.property("var isEmpty: Bool", get: { v, _ in .bool(v.stringValue.isEmpty) })
            t.property("var first: Character?", get: { v, _ in v.stringValue.first.map(Value.character) ?? .none })
            t.property("var last: Character?", get: { v, _ in v.stringValue.last.map(Value.character) ?? .none })
            t.property("var description: String", get: { v, _ in .string(v.stringValue) })
            t.property("var capitalized: String", doc: "Each word with its first letter uppercased (Foundation).", get: { v, _ in
                .string(v.stringValue.capitalized)
            })
            t.method("func uppercased() -> String") { call in .string(call.receiver.stringValue.uppercased()) }
            t.method("func lowercased() -> String") { call in .string(call.receiver.stringValue.lowercased()) }
            t.method("func hasPrefix(_ prefix: String) -> Bool") { call in .bool(call.receiver.stringValue.hasPrefix(call.string(0))) }
            t.method("func hasSuffix(_ suffix: String) -> Bool") { call in .bool(call.receiver.stringValue.hasSuffix(call.string(0))) }
            t.method("func contains(_ other: String) -> Bool", doc: "Whether the text occurs in the string.") { call in
                let needle = call.string(0)
                return .bool(needle.isEmpty || call.receiver.stringValue.contains(needle))
            }
            t.method("func split(separator: Character, maxSplits: Int = Int.max, omittingEmptySubsequences: Bool = true) -> [Substring]") { call in
                guard case .character(let c) = call[0] else { return .array([]) }
                let text = call.receiver.stringValue
                guard call.int(1) >= 0 else { throw call.fail("Fatal error: Must take zero or more splits") }
                let parts = text.split(separator: c, maxSplits: call.int(1), omittingEmptySubsequences: call.bool(2))
                return .array(parts.map { .substring(SubstringBox($0)) })
            }
            t.method("func split(separator: String) -> [Substring]", disfavored: true) { call in
                let text = call.receiver.stringValue
                let separator = call.string(0)
                guard !separator.isEmpty else { return .array([.substring(SubstringBox(Substring(text)))]) }
                return .array(text.split(separator: separator).map { .substring(SubstringBox($0)) })
            }
            t.method("func components(separatedBy separator: String) -> [String]", doc: "The pieces between the separators (Foundation).") { call in
                .array(call.receiver.stringValue.components(separatedBy: call.string(0)).map(Value.string))
            }
            t.method("func trimmingCharacters(in set: CharacterSet) -> String", doc: "Without the set's characters at either end (Foundation).") { call in
                .string(call.receiver.stringValue.trimmingCharacters(in: characterSet(call[0])))
            }
            t.method("func replacingOccurrences(of target: String, with replacement: String) -> String", doc: "Every occurrence replaced (Foundation).") { call in
                let target = call.string(0)
                guard !target.isEmpty else { return .string(call.receiver.stringValue) }
                return .string(call.receiver.stringValue.replacingOccurrences(of: target, with: call.string(1)))
            }
            t.method("func padding(toLength newLength: Int, withPad padString: String, startingAt padIndex: Int) -> String",
                     doc: "Cut or padded to a length (Foundation).") { call in
                let length = call.int(0)
                guard length >= 0 else { throw call.fail("the length must not be negative") }
                try call.checkSize(length)
                guard !call.string(1).isEmpty else { throw call.fail("the padding must not be empty") }
                return .string(call.receiver.stringValue.padding(toLength: length, withPad: call.string(1), startingAt: call.int(2)))
            }
            t.method("func prefix(_ maxLength: Int) -> Substring") { call in
                let n = call.int(0)
                guard n >= 0 else { throw call.fail("Fatal error: Can't take a prefix of negative length from a collection") }
                return .substring(SubstringBox(Substring(call.receiver.stringValue.prefix(n))))
            }
            t.method("func suffix(_ maxLength: Int) -> Substring") { call in
                let n = call.int(0)
                guard n >= 0 else { throw call.fail("Fatal error: Can't take a suffix of negative length from a collection") }
                return .substring(SubstringBox(Substring(call.receiver.stringValue.suffix(n))))
            }
            t.method("func dropFirst(_ k: Int = 1) -> Substring") { call in
                let n = call.int(0)
                guard n >= 0 else { throw call.fail("Fatal error: Can't drop a negative number of elements from a collection") }
                return .substring(SubstringBox(Substring(call.receiver.stringValue.dropFirst(n))))
            }
            t.method("func dropLast(_ k: Int = 1) -> Substring") { call in
                let n = call.int(0)
                guard n >= 0 else { throw call.fail("Fatal error: Can't drop a negative number of elements from a collection") }
                return .substring(SubstringBox(Substring(call.receiver.stringValue.dropLast(n))))
            }
            t.method("func prefix(while predicate: (Character) throws -> Bool) rethrows -> Substring") { call in
                var out = ""
                for c in call.receiver.stringValue {
                    guard try call.test(call[0], [.character(c)]) else { break }
                    out.append(c)
                }
                return .substring(SubstringBox(Substring(out)))
            }
        }

        extend(s.string) { t in
            t.initializer("init()") { _ in .string("") }
            t.initializer("init<T>(describing instance: T)", doc: "The value's text, as print shows it.") { call in
                .string(try descriptionText(call))
            }
            t.initializer("init<T>(reflecting subject: T)", doc: "The value's text as shown inside collections (strings quoted).") { call in
                .string(try call.context.debugDescribe(call[0], call.typeArguments[0], at: call.position))
            }
            t.initializer("init<T: LosslessStringConvertible>(_ value: T)", doc: "The value's text (a number, a Bool, a Character …).") { call in
                .string(try descriptionText(call))
            }
            t.initializer("init<S: Sequence>(_ characters: S) where S.Element == Character", doc: "The characters joined.") { call in
                var out = ""
                for c in try call.elements(0, type: call.typeArguments[0]) { if case .character(let ch) = c { out.append(ch) } }
                return .string(out)
            }
            t.initializer("init(repeating repeatedValue: String, count: Int)") { call in
                let n = call.int(1)
                guard n >= 0 else { throw call.fail("Fatal error: Negative count not allowed") }
                try call.checkSize(call.string(0).utf8.count * n)
                return .string(String(repeating: call.string(0), count: n))
            }
            t.initializer("init(repeating repeatedValue: Character, count: Int)") { call in
                let n = call.int(1)
                guard n >= 0 else { throw call.fail("Fatal error: Negative count not allowed") }
                try call.checkSize(n)
                guard case .character(let c) = call[0] else { return .string("") }
                return .string(String(repeating: c, count: n))
            }
            t.initializer("init(_ value: Int, radix: Int, uppercase: Bool = false)", doc: "The number written in a base from 2 to 36.") { call in
                let radix = call.int(1)
                guard (2...36).contains(radix) else { throw call.fail("Fatal error: Radix must be between 2 and 36") }
                return .string(String(call.int(0), radix: radix, uppercase: call.bool(2)))
            }
            t.initializer("init(format: String, _ arguments: CVarArg...)", doc: "printf-style formatting: %d, %f, %.3f, %e, %g, %s, %% (Foundation).") { call in
                .string(try formatString(call.string(0), call.array(1), call))
            }
            t.method("mutating func append(_ other: String)") { call in
                var text = call.receiver.stringValue
                call.receiver = .void
                text += call.string(0)
                try call.checkSize(text.utf8.count)
                call.receiver = .string(text)
                return .void
            }
            t.method("mutating func append(_ c: Character)") { call in
                var text = call.receiver.stringValue
                call.receiver = .void
                if case .character(let c) = call[0] { text.append(c) }
                call.receiver = .string(text)
                return .void
            }
            t.method("mutating func append(contentsOf newElements: String)") { call in
                var text = call.receiver.stringValue
                call.receiver = .void
                text += call.string(0)
                try call.checkSize(text.utf8.count)
                call.receiver = .string(text)
                return .void
            }
            t.method("mutating func removeLast() -> Character") { call in
                var text = call.receiver.stringValue
                guard let c = text.popLast() else { throw call.fail("Fatal error: Can't remove last element from an empty collection") }
                call.receiver = .string(text)
                return .character(c)
            }
            t.method("mutating func removeFirst() -> Character") { call in
                var text = call.receiver.stringValue
                guard !text.isEmpty else { throw call.fail("Fatal error: Can't remove first element from an empty collection") }
                let c = text.removeFirst()
                call.receiver = .string(text)
                return .character(c)
            }
            t.method("mutating func removeAll()") { call in
                call.receiver = .string("")
                return .void
            }
            t.method("func filter(_ isIncluded: (Character) throws -> Bool) rethrows -> String") { call in
                var out = ""
                for c in call.receiver.stringValue where try call.test(call[0], [.character(c)]) { out.append(c) }
                return .string(out)
            }
        }

        for decl in [s.string, s.substring] {
            extend(decl) { t in
                t.method("func split(maxSplits: Int = Int.max, omittingEmptySubsequences: Bool = true, whereSeparator isSeparator: (Character) throws -> Bool) rethrows -> [Substring]",
                         doc: "The pieces between characters for which the function returns true.") { (call: inout NativeCall) throws -> Value in
                    let text = call.receiver.stringValue
                    guard call.int(0) >= 0 else { throw call.fail("Fatal error: Must take zero or more splits") }
                    var failure: CellFailure?
                    let snapshot = call
                    let parts = text.split(maxSplits: call.int(0), omittingEmptySubsequences: call.bool(1)) { (c: Character) -> Bool in
                        if failure != nil { return false }
                        do throws(CellFailure) { return try snapshot.test(snapshot[2], [.character(c)]) } catch { failure = error; return false }
                    }
                    if let failure { throw failure }
                    return .array(parts.map { .substring(SubstringBox($0)) })
                }
            }
        }

        extend(s.substring) { t in
            t.method("func filter(_ isIncluded: (Character) throws -> Bool) rethrows -> String") { call in
                var out = ""
                for c in call.receiver.stringValue where try call.test(call[0], [.character(c)]) { out.append(c) }
                return .string(out)
            }
            t.initializer("init(_ text: String)") { call in .substring(SubstringBox(Substring(call.string(0)))) }
        }

        extend(s.character) { t in
            t.initializer("init(_ s: String)", doc: "The one character of the text (more than one stops the cell).") { call in
                let text = call.string(0)
                guard text.count == 1, let c = text.first else {
                    throw call.fail("Fatal error: Can't form a Character from a String containing more than one extended grapheme cluster")
                }
                return .character(c)
            }
            func flag(_ name: String, _ doc: String, _ f: @escaping (Character) -> Bool) {
                t.property("var \(name): Bool", doc: doc, get: { v, _ in
                    if case .character(let c) = v { return .bool(f(c)) }
                    return .bool(false)
                })
            }
            flag("isLetter", "A letter in any script.", \.isLetter)
            flag("isNumber", "A digit or other numeric character.", \.isNumber)
            flag("isWhitespace", "Space, tab, newline …", \.isWhitespace)
            flag("isNewline", "A line break.", \.isNewline)
            flag("isUppercase", "An uppercase letter.", \.isUppercase)
            flag("isLowercase", "A lowercase letter.", \.isLowercase)
            flag("isPunctuation", "Punctuation.", \.isPunctuation)
            flag("isASCII", "In the ASCII range.", \.isASCII)
            flag("isHexDigit", "0–9, a–f or A–F.", \.isHexDigit)
            flag("isWholeNumber", "A digit with a whole-number value.", \.isWholeNumber)
            flag("isSymbol", "A symbol.", \.isSymbol)
            t.property("var wholeNumberValue: Int?", doc: "The digit's value, or nil.", get: { v, _ in
                if case .character(let c) = v, let n = c.wholeNumberValue { return .int(n) }
                return .none
            })
            t.property("var hexDigitValue: Int?", get: { v, _ in
                if case .character(let c) = v, let n = c.hexDigitValue { return .int(n) }
                return .none
            })
            t.property("var description: String", get: { v, _ in .string(v.stringValue) })
            t.method("func uppercased() -> String") { call in .string(call.receiver.stringValue.uppercased()) }
            t.method("func lowercased() -> String") { call in .string(call.receiver.stringValue.lowercased()) }
        }

        extend(s.characterSet) { t in
            for (i, name) in ["whitespaces", "whitespacesAndNewlines", "newlines", "decimalDigits", "letters", "punctuationCharacters",
                              "alphanumerics", "uppercaseLetters", "lowercaseLetters"].enumerated() {
                t.property("static var \(name): CharacterSet", get: { _, _ in .enumValue(i, nil) })
            }
        }
    }
}

/// Foundation's CharacterSet for one of the sets cells can name.
func characterSet(_ v: Value) -> CharacterSet {
    guard case .enumValue(let i, _) = v else { return .whitespaces }
    let sets: [CharacterSet] = [.whitespaces, .whitespacesAndNewlines, .newlines, .decimalDigits, .letters, .punctuationCharacters,
                                .alphanumerics, .uppercaseLetters, .lowercaseLetters]
    return sets[i]
}

/// printf-style formatting, with each conversion checked against its argument, so a wrong
/// specifier is an error rather than undefined behaviour.
func formatString(_ format: String, _ arguments: [Value], _ call: NativeCall) throws(CellFailure) -> String {
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
        // Length modifiers (%ld, %lf) are accepted and ignored.
        while i < chars.endIndex, "lhqLjzt".contains(chars[i]) { i = chars.index(after: i) }
        guard i < chars.endIndex else { throw call.fail("format string ends inside a conversion: '\(format)'") }
        let conversion = chars[i]
        chars = chars[chars.index(after: i)...]
        if conversion == "%" {
            out += "%"
            continue
        }
        // Width and precision are allocations like any other: under the one element limit (a
        // number too long for Int is past it too).
        let parts = spec.dropFirst().split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        func number(_ part: Substring?) -> Int {
            let digits = part?.filter(\.isNumber) ?? ""
            return digits.isEmpty ? 0 : Int(digits) ?? Int.max
        }
        let width = number(parts.first)
        try call.checkSize(width)
        try call.checkSize(number(parts.count > 1 ? parts[1] : nil))
        guard next < arguments.count else { throw call.fail("format '\(format)' needs more arguments than the \(arguments.count) given") }
        var argument = arguments[next]
        if case .existential(let box) = argument { argument = box.value }
        next += 1
        switch (conversion, argument) {
        case ("d", .int(let v)), ("i", .int(let v)):
            out += String(format: spec + "ld", v)
        case ("x", .int(let v)), ("X", .int(let v)), ("o", .int(let v)):
            out += String(format: spec + "l" + String(conversion), v)
        case ("f", .double(let v)), ("e", .double(let v)), ("g", .double(let v)), ("F", .double(let v)), ("E", .double(let v)),
             ("G", .double(let v)):
            out += String(format: spec + String(conversion), v)
        case ("s", _), ("@", _):
            let text = argument.stringValue
            let pad = String(repeating: " ", count: max(0, width - text.count))
            out += spec.contains("-") ? text + pad : pad + text
        default:
            throw call.fail("format '%\(conversion)' cannot format this argument", notes: ["use %d for Int, %f, %e or %g for Double, %@ or %s for String"])
        }
    }
    out += chars
    return out
}

/// The first argument's `description`, as `String(x)` and `String(describing: x)` give it: as
/// print writes it, except that a Double's NaN has no sign there (print writes `-nan`).
private func descriptionText(_ call: NativeCall) throws(CellFailure) -> String {
    if case .double(let d) = call[0] { return formatDouble(d, signedNaN: false) }
    return try call.context.describe(call[0], call.typeArguments[0], at: call.position)
}
