import Foundation
import Markup

/// The one place text becomes HTML: everything a notebook or a cell produced goes through
/// `escape` (text) or `attribute` (attribute values) before it reaches a page.
public enum HTML {
    /// Text as HTML element content: `Markup.escape`, the one rule shared with figures and
    /// equations.
    public static func escape(_ text: String) -> String {
        Markup.escape(text)
    }

    /// A value for a quoted attribute (the same escaping: quotes are references too).
    public static func attribute(_ text: String) -> String {
        Markup.escape(text)
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
