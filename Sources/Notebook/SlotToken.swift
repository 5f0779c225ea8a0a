import Markup

/// Placeholders for content that cmark must not see (math) or that is filled in later
/// (cells, inline values, cross-references). A token is `U+E000 kind index U+E001`:
/// private-use characters pass through cmark's HTML renderer unescaped and unchanged.
public enum SlotToken {
    public static let open: Unicode.Scalar = "\u{E000}"
    public static let close: Unicode.Scalar = "\u{E001}"

    /// What a token stands for.
    public enum Kind: Character, Sendable {
        /// A math span: `Document.math[index]`.
        case math = "M"
        /// A block that is not prose (a cell or a listing): `Document.blocks`.
        case block = "B"
        /// An inline `{swift} expr`: `Document.inlineExpressions[index]`.
        case inlineExpression = "I"
        /// A cross-reference `@fig-x`: `Document.references[index]`.
        case reference = "R"
        /// The start of a heading's content: `Document.headings[index]`.
        case heading = "H"
        /// A glossary term `[[term]]`: `Document.terms[index]`.
        case term = "T"
        /// The opening fence of a block (`::: {.exercise}`): `Document.divs[index]`.
        case div = "D"
        /// The closing fence of the block `Document.divs[index]`.
        case divEnd = "E"
    }

    /// The token text for one slot.
    public static func make(_ kind: Kind, _ index: Int) -> String {
        "\(Character(open))\(kind.rawValue)\(index)\(Character(close))"
    }

    /// Replaces every token in `text` by what `replacement` returns for it.
    public static func substitute(in text: String, _ replacement: (Kind, Int) -> String) -> String {
        substitute(in: text) { kind, index, _, _ in replacement(kind, index) }
    }

    /// As `substitute(in:_:)`, in one pass, with the text written so far (`before`) and the text
    /// still to come (`after`) open to the replacement, so that it can take the markup around its
    /// token too (`<p>` and `</p>` around a display formula) without another search of the text.
    /// The result grows as a String: appending to a `String.UnicodeScalarView` reallocated it
    /// every time (20,000 inline formulas took a minute; now half a second).
    public static func substitute(
        in text: String,
        _ replacement: (_ kind: Kind, _ index: Int, _ before: inout String, _ after: inout Substring.UnicodeScalarView) -> String
    ) -> String {
        // The tokens' private-use characters are found with memchr (`ByteSearch`): walking the
        // text scalar by scalar took 7 % of the CPU time of a render from the cache (perf).
        let openText = String(Character(open)), closeText = String(Character(close))
        guard var found = ByteSearch.find(openText, in: text) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var scalars = text.unicodeScalars[...]
        while true {
            let start = found.lowerBound
            out += Substring(scalars[..<start])
            let rest = scalars[found.upperBound...]
            if let end = ByteSearch.find(closeText, in: text, from: found.upperBound)?.lowerBound,
               let kindScalar = rest.first,
               let kind = Kind(rawValue: Character(kindScalar)),
               let index = Int(String(String.UnicodeScalarView(rest.dropFirst()[..<end]))) {
                scalars = scalars[scalars.index(after: end)...]
                out += replacement(kind, index, &out, &scalars)
            } else {
                out.unicodeScalars.append(open)
                scalars = rest
            }
            guard let next = ByteSearch.find(openText, in: text, from: scalars.startIndex) else { break }
            found = next
        }
        out += Substring(scalars)
        return out
    }

    /// Replaces the private-use characters that tokens use, so an author's text cannot forge one.
    static func neutralize(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == open || $0 == close }) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == open || $0 == close ? "\u{FFFD}" : $0 }))
    }
}
