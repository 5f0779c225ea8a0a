/// An inline `` `{swift} expr` `` in prose: evaluated after the cells before it and
/// replaced by its value.
public struct InlineExpression: Sendable, Hashable {
    /// The Swift expression after `{swift}`.
    public var code: String
    /// The code span as written, backticks included (restored where it turns out to be code).
    public var raw: String
    /// Where the expression starts in the Markdown file.
    public var location: SourceLocation
    /// How many cells come before it in the notebook; it runs after them.
    public var cellsBefore: Int
    /// Significant digits the author asked for with a trailing `, digits: n`
    /// (`{swift} loss, digits: 3`), or nil for the page's default.
    public var digits: Int?

    /// The significant digits an author may ask for: a Double holds 17 at most.
    public static let digitsRange = 1...17

    public init(code: String, raw: String, location: SourceLocation, cellsBefore: Int = 0, digits: Int? = nil) {
        self.code = code
        self.raw = raw
        self.location = location
        self.cellsBefore = cellsBefore
        self.digits = digits
    }

    /// Splits a trailing `, digits: n` off an inline expression. A Swift expression cannot end
    /// in a top-level `, label: n` (a call's arguments end with `)`), so the split is exact.
    static func splitDigits(_ code: String) -> (code: String, digits: Int?) {
        var rest = Substring(code)
        func dropSpaces() { while let last = rest.last, last == " " || last == "\t" || last == "\n" { rest.removeLast() } }
        dropSpaces()
        let number = rest.reversed().prefix(while: { $0.isASCII && $0.isNumber })
        guard !number.isEmpty else { return (code, nil) }
        rest.removeLast(number.count)
        dropSpaces()
        guard rest.hasSuffix("digits:") else { return (code, nil) }
        rest.removeLast("digits:".count)
        dropSpaces()
        guard rest.hasSuffix(",") else { return (code, nil) }
        rest.removeLast()
        dropSpaces()
        let digits = Int(String(number.reversed())) ?? Int.max  // too long for an Int: refused as out of range
        return (String(rest), digits)
    }
}

/// A cross-reference in prose, `@fig-latent`, made a numbered link on the page.
public struct Reference: Sendable, Hashable {
    /// The label referred to, `fig-latent`.
    public var label: String
    public var location: SourceLocation

    public init(label: String, location: SourceLocation) {
        self.label = label
        self.location = location
    }

    /// The prefixes that make a cross-reference: figures, equations, tables, sections, and the
    /// numbered blocks (`exr`, `thm`, `def`, … — `Div.Kind.prefix`).
    public static let kinds: Set<String> = Set(["fig", "eq", "tbl", "sec"] + Div.Kind.allCases.compactMap(\.prefix))

    /// The cross-references in a plain text such as a figure caption, by the rule prose follows
    /// (`MathScanner.referenceEnd`), as byte ranges of its UTF-8 and their labels.
    public static func labels(in text: String) -> [(bytes: Range<Int>, label: String)] {
        let bytes = Array(text.utf8)
        return bytes.indices.compactMap { i in
            guard bytes[i] == UInt8(ascii: "@"), let end = MathScanner.referenceEnd(in: bytes, at: i) else { return nil }
            return (i..<end, String(decoding: bytes[(i + 1)..<end], as: UTF8.self))
        }
    }
}
