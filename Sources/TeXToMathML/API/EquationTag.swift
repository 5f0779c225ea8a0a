/// An equation tag from `\tag{…}` (or `\tag*{…}`, drawn without parentheses).
public struct EquationTag: Sendable, Equatable {
    /// The tag's text as written, e.g. `3.1` for `\tag{3.1}`.
    public var text: String
    /// True for `\tag*`, whose text is shown as is.
    public var isStarred: Bool

    /// A tag with the given text; `isStarred` for `\tag*`.
    public init(text: String, isStarred: Bool) {
        self.text = text
        self.isStarred = isStarred
    }

    /// What a reader sees: `(3.1)`, or the bare text for `\tag*`.
    public var label: String { isStarred ? text : "(" + text + ")" }
}
