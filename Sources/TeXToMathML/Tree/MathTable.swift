/// An environment laid out as rows and cells: matrices, cases, aligned, array, substack.
struct MathTable: Sendable, Equatable {
    enum Layout: Sendable, Equatable {
        /// Centered columns with gaps (matrices, gathered, array without rules).
        case matrix
        /// Columns alternating right/left aligned, pairs separated (`aligned`, `align`).
        case aligned
        /// Left-aligned columns with a quad between them (`cases`).
        case cases
        /// Tight centered lines (`\substack`).
        case stack
    }

    enum Alignment: Sendable, Equatable {
        case left, center, right

        var name: String {
            switch self {
            case .left: return "left"
            case .center: return "center"
            case .right: return "right"
            }
        }
    }

    var layout: Layout
    var rows: [[[MathNode]]]
    /// Style of the cells: display for aligned/gathered/dcases, text for matrices, script
    /// for smallmatrix and substack.
    var cellStyle: MathStyle
    /// Per-column alignment for `array` (others derive it from `layout`).
    var columns: [Alignment] = []
    /// `array`'s vertical rules: `columnRules[j]` is true when a rule precedes column j
    /// (index `columns.count` is the rule after the last column).
    var columnRules: [Bool] = []
    /// `\hline`s: `rowRules[i]` is true when a rule precedes row i (index `rows.count` is the
    /// rule after the last row).
    var rowRules: [Bool] = []
    /// Delimiters around the table (`pmatrix`, `cases`).
    var open: String? = nil
    var close: String? = nil
    /// Per-row `\tag`s of `align`, `gather`: drawn in a last column.
    var rowTags: [EquationTag?] = []

    func alignment(ofColumn column: Int) -> Alignment {
        switch layout {
        case .aligned: return column % 2 == 0 ? .right : .left
        case .cases: return .left
        case .stack: return .center
        case .matrix: return column < columns.count ? columns[column] : .center
        }
    }
}
