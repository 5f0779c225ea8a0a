/// A TeX formula found in the prose. It is cut out before cmark parses the Markdown, so
/// underscores and asterisks in `$x_1 * y_2$` are never read as emphasis.
public struct MathSpan: Sendable, Hashable {
    /// The TeX between the dollars.
    public var tex: String
    /// `$$…$$` (display) rather than `$…$` (inline).
    public var display: Bool
    /// The equation label of a display formula followed by `{#eq-…}`.
    public var label: String?
    /// The formula exactly as written, dollars included (restored inside code).
    public var raw: String
    /// Where the opening dollar is in the Markdown file.
    public var location: SourceLocation

    public init(tex: String, display: Bool, label: String? = nil, raw: String, location: SourceLocation) {
        self.tex = tex
        self.display = display
        self.label = label
        self.raw = raw
        self.location = location
    }
}
