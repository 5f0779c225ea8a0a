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
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).map {
            $0.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
        }
        return "./" + segments.joined(separator: "/")
    }

    /// RFC 3986's unreserved characters, ASCII only.
    private static let unreserved = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
}
