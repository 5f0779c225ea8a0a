/// A parsed notebook: its front matter and its blocks in reading order.
///
/// Prose is already HTML (rendered once by cmark, so footnotes and links resolve across the
/// whole file) with `SlotToken`s standing for math, inline expressions and references, which
/// the page fills in after the cells have run.
public struct Document: Sendable {
    public var source: SourceFile
    public var frontMatter: FrontMatter
    public var blocks: [Block]
    /// Every formula of the prose, indexed by the math tokens.
    public var math: [MathSpan]
    /// Every inline `{swift}` expression, indexed by the inline-expression tokens.
    public var inlineExpressions: [InlineExpression]
    /// Every `@fig-x`-style cross-reference, indexed by the reference tokens.
    public var references: [Reference]
    /// Every glossary term marked `[[term]]`, indexed by the term tokens.
    public var terms: [TermMark] = []
    /// The headings of the prose, in order, for the table of contents and `@sec-` references.
    public var headings: [Heading]
    /// The fenced divs (exercises, theorems, callouts…), in the order they open.
    public var divs: [Div] = []
    /// The build this document was parsed for (`DocumentParser.parse(_:safe:defaults:profile:)`):
    /// the lines it leaves out are blank in `source`, so every location is the file's.
    public var profile: Profile?
    /// The file lines the profile left out (blank in `source`).
    public var omittedLines: [ClosedRange<Int>] = []

    /// The cells, in order.
    public var cells: [Cell] {
        blocks.compactMap { if case .cell(let c) = $0 { c } else { nil } }
    }

    /// The title: the front matter's, else the first heading's text, else the file name.
    public var title: String {
        if let t = frontMatter.title, !t.isEmpty { return t }
        if let h = headings.first(where: { $0.level == 1 }) ?? headings.first { return h.text }
        let name = source.path.split(separator: "/").last.map(String.init) ?? source.path
        return name.hasSuffix(".md") ? String(name.dropLast(3)) : name
    }
}

/// One block of a notebook.
public enum Block: Sendable {
    /// Prose rendered to HTML, with slot tokens.
    case prose(String)
    /// A Swift cell that runs.
    case cell(Cell)
    /// A Swift fence that is shown but never run (```swift norun).
    case listing(Listing)
    /// The start of the block `Document.divs[index]`: what follows, to its `divClose`, is inside it.
    case divOpen(Int)
    /// The end of the block `Document.divs[index]`.
    case divClose(Int)
}

/// A ```swift fence: code that runs in the notebook's session.
public struct Cell: Sendable {
    /// 0-based position among the notebook's cells.
    public var index: Int
    /// The code, without its `//|` option lines.
    public var code: String
    /// The options, front-matter defaults overridden by the cell's own lines.
    public var options: CellOptions
    /// Where the code's first line is in the Markdown file (the line after the options).
    public var codeStart: SourceLocation
    /// Where the opening fence is.
    public var fence: SourceLocation
    /// The file line of the closing fence (the last line of the file for a fence never closed).
    public var endLine: Int
    /// The exercise block this cell is in (an index into `Document.divs`), if any.
    public var exercise: Int?
    /// Its part in that exercise: the `exercise:` option, or `solution` inside a solution block.
    public var part: ExercisePart?

    public init(index: Int, code: String, options: CellOptions, codeStart: SourceLocation, fence: SourceLocation, endLine: Int? = nil) {
        self.index = index
        self.code = code
        self.options = options
        self.codeStart = codeStart
        self.fence = fence
        self.endLine = endLine ?? fence.line
    }
}

/// A Swift fence that is shown, highlighted, but never run.
public struct Listing: Sendable {
    public var code: String
    public var location: SourceLocation

    public init(code: String, location: SourceLocation) {
        self.code = code
        self.location = location
    }
}

/// A heading of the prose.
public struct Heading: Sendable, Hashable {
    public var level: Int
    /// The heading's plain text (math shown as its TeX).
    public var text: String
    /// The `id` the page gives it: `{#sec-x}` when written, else a slug of the text.
    public var id: String
    public var location: SourceLocation

    public init(level: Int, text: String, id: String, location: SourceLocation) {
        self.level = level
        self.text = text
        self.id = id
        self.location = location
    }
}
