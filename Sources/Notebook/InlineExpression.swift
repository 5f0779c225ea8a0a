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

    public init(code: String, raw: String, location: SourceLocation, cellsBefore: Int = 0) {
        self.code = code
        self.raw = raw
        self.location = location
        self.cellsBefore = cellsBefore
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

    /// The prefixes that make a cross-reference: figures, equations, tables, sections.
    public static let kinds: Set<String> = ["fig", "eq", "tbl", "sec"]
}
