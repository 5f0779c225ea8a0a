import Foundation

/// The one place text becomes HTML: everything a notebook or a cell produced goes through
/// `escape` (text) or `attribute` (attribute values) before it reaches a page.
public enum HTML {
    /// Escapes `&`, `<`, `>` and `"` for element content.
    public static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\"") }) else {
            return text
        }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for ch in text.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    /// Escapes a value for a double-quoted attribute.
    public static func attribute(_ text: String) -> String {
        escape(text).replacingOccurrences(of: "'", with: "&#39;")
    }

    /// A file path as a link relative to the page: each segment percent-encoded (only letters,
    /// digits and `-._~` stay) and the whole starting with `./`, so that no file name, however
    /// named (`javascript:alert(1).html`), can read as a scheme. Ready for an attribute.
    public static func relativeLink(_ path: String) -> String {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            var out = ""
            for byte in segment.utf8 {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                     UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                    out.unicodeScalars.append(Unicode.Scalar(byte))
                default:
                    out += "%" + String(byte, radix: 16, uppercase: true).leftPaddedToTwo
                }
            }
            return out
        }
        return "./" + segments.joined(separator: "/")
    }
}

private extension String {
    var leftPaddedToTwo: String { count >= 2 ? self : "0" + self }
}
