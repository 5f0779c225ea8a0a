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
