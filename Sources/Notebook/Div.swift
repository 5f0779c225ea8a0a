/// A fenced div — Pandoc's and Quarto's `::: {.exercise #exr-ppca-posterior title="…"}` … `:::`
/// — that makes its prose, math and cells an exercise, a theorem, a hint, a callout. Numbered
/// kinds count per kind within a chapter (Exercise 2.3) and are cross-referenced by their id's
/// prefix (`@exr-…`, `@thm-…`); hints and solutions fold.
public struct Div: Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        case exercise, hint, solution, definition, theorem, lemma, proposition, proof, remark, example, algorithm
        case note, tip, warning, important

        /// The id prefix that makes a label of this kind (`exr-`), for the numbered kinds.
        public var prefix: String? {
            switch self {
            case .exercise: "exr"
            case .definition: "def"
            case .theorem: "thm"
            case .lemma: "lem"
            case .proposition: "prp"
            case .remark: "rem"
            case .example: "exm"
            case .algorithm: "alg"
            case .hint, .solution, .proof, .note, .tip, .warning, .important: nil
            }
        }

        /// Numbered within the chapter and referable.
        public var isNumbered: Bool { prefix != nil }

        /// A Quarto callout (`.callout-note`, or `.note`): a box with a title, not numbered.
        public var isCallout: Bool { [.note, .tip, .warning, .important].contains(self) }

        /// Shown folded, opened by the reader (`<details>`).
        public var folds: Bool { self == .hint || self == .solution }

        /// The kind a label's prefix names (`thm` → theorem).
        public static func named(byPrefix prefix: String) -> Kind? {
            allCases.first { $0.prefix == prefix }
        }
    }

    public var kind: Kind
    /// The label (`exr-ppca-posterior`), if it has one.
    public var id: String?
    /// The `title="…"` attribute, as written (it may hold math tokens).
    public var title: String?
    /// Where the opening fence is.
    public var location: SourceLocation
    /// The file line of the closing `:::`.
    public var endLine: Int

    public init(kind: Kind, id: String? = nil, title: String? = nil, location: SourceLocation, endLine: Int? = nil) {
        self.kind = kind
        self.id = id
        self.title = title
        self.location = location
        self.endLine = endLine ?? location.line
    }
}
