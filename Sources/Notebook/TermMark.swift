/// A glossary term marked in prose: `[[generative model]]`, or `[[generative model|generative
/// models]]` to show other words for the same entry. The page links it to the glossary and, on
/// its first use in a chapter, shows the term in the other language beside it.
public struct TermMark: Sendable, Hashable {
    /// The glossary entry named, as written (English or Chinese).
    public var term: String
    /// The words the page shows; the term itself when not given.
    public var shown: String
    /// The mark as written, `[[…]]`, for code and Markdown that give it back.
    public var raw: String
    public var location: SourceLocation

    public init(term: String, shown: String, raw: String, location: SourceLocation) {
        self.term = term
        self.shown = shown
        self.raw = raw
        self.location = location
    }
}
