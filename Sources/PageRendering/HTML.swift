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
}
