/// Which link and image addresses a `--safe` page keeps: `http`, `https`, `mailto`, addresses
/// relative to the page, and `#` fragments. Anything else (`javascript:`, `vbscript:`,
/// `data:`, `file:` …) could run code or load content the reader did not choose.
public enum SafeURL {
    /// Whether `url` (as cmark gives it, entities already decoded) may stay on a safe page. The
    /// scheme is found as a browser finds it: control characters and whitespace removed (browsers
    /// drop tabs and newlines inside a URL and leading spaces) and case folded.
    public static func isAllowed(_ url: String) -> Bool {
        let compact = String(String.UnicodeScalarView(url.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }))
        guard let colon = compact.firstIndex(of: ":") else { return true }
        // A ':' after a '/', '?' or '#' is part of a relative path, query or fragment.
        if let separator = compact.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }), separator < colon { return true }
        let scheme = compact[..<colon].lowercased()
        return ["http", "https", "mailto"].contains(scheme)
    }
}
