/// `\begin{…} … \end{…}`: matrices, cases, aligned and align, gathered, array, and
/// `\substack`, all parsed into rows of cells.
extension Parser {
    /// How an environment lays out its cells.
    struct Environment {
        var layout: MathTable.Layout
        var cellStyle: MathStyle
        var open: String? = nil
        var close: String? = nil
        /// `align`, `gather`: rows may carry their own `\tag` when the environment is the
        /// whole equation.
        var numbered = false
        /// `array`, `alignat`: a braced argument follows `\begin{name}`.
        var argument: Argument = .none

        enum Argument { case none, columns, count }
    }

    static let environments: [String: Environment] = [
        "matrix": Environment(layout: .matrix, cellStyle: .text),
        "pmatrix": Environment(layout: .matrix, cellStyle: .text, open: "(", close: ")"),
        "bmatrix": Environment(layout: .matrix, cellStyle: .text, open: "[", close: "]"),
        "Bmatrix": Environment(layout: .matrix, cellStyle: .text, open: "{", close: "}"),
        "vmatrix": Environment(layout: .matrix, cellStyle: .text, open: "|", close: "|"),
        "Vmatrix": Environment(layout: .matrix, cellStyle: .text, open: "‖", close: "‖"),
        "smallmatrix": Environment(layout: .matrix, cellStyle: .script),
        "cases": Environment(layout: .cases, cellStyle: .text, open: "{"),
        "dcases": Environment(layout: .cases, cellStyle: .display, open: "{"),
        "rcases": Environment(layout: .cases, cellStyle: .text, close: "}"),
        "aligned": Environment(layout: .aligned, cellStyle: .display),
        "split": Environment(layout: .aligned, cellStyle: .display),
        "alignedat": Environment(layout: .aligned, cellStyle: .display, argument: .count),
        "align": Environment(layout: .aligned, cellStyle: .display, numbered: true),
        "align*": Environment(layout: .aligned, cellStyle: .display, numbered: true),
        "flalign": Environment(layout: .aligned, cellStyle: .display, numbered: true),
        "flalign*": Environment(layout: .aligned, cellStyle: .display, numbered: true),
        "alignat": Environment(layout: .aligned, cellStyle: .display, numbered: true, argument: .count),
        "alignat*": Environment(layout: .aligned, cellStyle: .display, numbered: true, argument: .count),
        "gathered": Environment(layout: .matrix, cellStyle: .display),
        "gather": Environment(layout: .matrix, cellStyle: .display, numbered: true),
        "gather*": Environment(layout: .matrix, cellStyle: .display, numbered: true),
        "multline": Environment(layout: .matrix, cellStyle: .display, numbered: true),
        "multline*": Environment(layout: .matrix, cellStyle: .display, numbered: true),
        "array": Environment(layout: .matrix, cellStyle: .text, argument: .columns),
        "subarray": Environment(layout: .stack, cellStyle: .script, argument: .columns),
    ]

    mutating func parseEnvironment(_ begin: Token) throws -> MathNode {
        let name = try readBracedText(command: "\\begin", at: begin.offset)
        let atTopLevel = depth == tagDepth
        if name == "equation" || name == "equation*" {
            return try parseEquationEnvironment(name, begin: begin, atTopLevel: atTopLevel)
        }
        guard let environment = Self.environments[name] else {
            throw error(.unknownEnvironment(name), at: begin.offset)
        }
        var table = MathTable(layout: environment.layout, rows: [], cellStyle: environment.cellStyle,
                              open: environment.open, close: environment.close)
        switch environment.argument {
        case .none: break
        case .count: _ = try readBracedText(command: "\\begin{\(name)}", at: begin.offset)
        case .columns:
            let spec = try readBracedText(command: "\\begin{\(name)}", at: begin.offset)
            guard let (columns, rules) = Self.columnSpecification(spec) else {
                throw error(.invalidArgument(command: "\\begin{\(name)}", argument: spec), at: begin.offset)
            }
            table.columns = columns
            table.columnRules = rules
        }
        try parseTableBody(&table, environment: name, openedAt: begin.offset,
                           rowTags: environment.numbered && atTopLevel)
        return .table(table)
    }

    /// `equation` is transparent: its content is the formula, `\tag` allowed as at top level.
    mutating func parseEquationEnvironment(_ name: String, begin: Token, atTopLevel: Bool) throws -> MathNode {
        try nested(at: begin.offset) { (parser) throws in
            let savedTagDepth = parser.tagDepth
            if atTopLevel { parser.tagDepth = parser.depth }
            defer { parser.tagDepth = savedTagDepth }
            let nodes = try parser.parseRow()
            let token = parser.next()
            guard case .command("end") = token.kind else {
                if case .end = token.kind { throw parser.error(.missingEnd(environment: name), at: begin.offset) }
                throw parser.unexpectedTerminator(token)
            }
            let found = try parser.readBracedText(command: "\\end", at: token.offset)
            guard found == name else { throw parser.error(.mismatchedEnd(expected: name, found: found), at: token.offset) }
            return .row(nodes)
        }
    }

    /// `\substack{a \\ b}`: centered lines in script style.
    mutating func parseSubstack(at offset: Int) throws -> MathNode {
        unpeek()
        guard tokenizer.consumeIfNext(UInt8(ascii: "{")) else {
            throw error(.missingOpenBrace(command: "\\substack"), at: offset)
        }
        var table = MathTable(layout: .stack, rows: [], cellStyle: .script)
        try parseTableBody(&table, environment: nil, openedAt: offset, rowTags: false)
        return .table(table)
    }

    /// Parses cells separated by `&` and rows by `\\` up to `\end{environment}` (or `}` for
    /// `\substack`), with `\hline`s and per-row `\tag`s.
    mutating func parseTableBody(_ table: inout MathTable, environment: String?, openedAt offset: Int,
                                 rowTags: Bool) throws {
        var rows: [[[MathNode]]] = []
        var rowRules: [Bool] = [false]
        var tags: [EquationTag?] = []
        try nested(at: offset) { (parser) throws in
            let savedTagDepth = parser.tagDepth
            let savedTag = parser.pendingTag
            parser.tagDepth = rowTags ? parser.depth : nil
            parser.pendingTag = nil
            defer {
                parser.tagDepth = savedTagDepth
                parser.pendingTag = savedTag
            }
            var cells: [[MathNode]] = []
            func endRow(_ parser: inout Parser) {
                rows.append(cells)
                tags.append(parser.pendingTag)
                parser.pendingTag = nil
                rowRules.append(false)
                cells = []
            }
            while true {
                while case .command(let name) = parser.peek().kind, name == "hline" || name == "hdashline" {
                    parser.next()
                    rowRules[rows.count] = true
                }
                cells.append(try parser.parseRow())
                let token = parser.next()
                switch token.kind {
                case .alignmentTab:
                    continue
                case .command(let name) where Self.lineBreaks.contains(name):
                    parser.skipRowSpacing()
                    endRow(&parser)
                case .command("end") where environment != nil:
                    let found = try parser.readBracedText(command: "\\end", at: token.offset)
                    guard found == environment else {
                        throw parser.error(.mismatchedEnd(expected: environment ?? "", found: found), at: token.offset)
                    }
                    let trailingEmptyRow = cells.count == 1 && cells[0].isEmpty && !rows.isEmpty
                    if !trailingEmptyRow { endRow(&parser) } else if parser.pendingTag != nil { endRow(&parser) }
                    return
                case .endGroup where environment == nil:
                    let trailingEmptyRow = cells.count == 1 && cells[0].isEmpty && !rows.isEmpty
                    if !trailingEmptyRow { endRow(&parser) }
                    return
                case .end:
                    if let environment { throw parser.error(.missingEnd(environment: environment), at: offset) }
                    throw parser.error(.unclosedBrace, at: offset)
                default:
                    throw parser.unexpectedTerminator(token)
                }
            }
        }
        table.rows = rows
        table.rowRules = rowRules.contains(true) ? Array(rowRules.prefix(rows.count + 1)) : []
        table.rowTags = tags.contains { $0 != nil } ? tags : []
    }

    /// An `array` column specification such as `cc|l`: alignments, and where rules go.
    static func columnSpecification(_ spec: String) -> ([MathTable.Alignment], [Bool])? {
        var columns: [MathTable.Alignment] = []
        var rules: [Bool] = [false]
        for character in spec {
            switch character {
            case "l": columns.append(.left); rules.append(false)
            case "c": columns.append(.center); rules.append(false)
            case "r": columns.append(.right); rules.append(false)
            case "|": rules[columns.count] = true
            case " ": continue
            default: return nil
            }
        }
        guard !columns.isEmpty else { return nil }
        return (columns, rules.contains(true) ? rules : [])
    }
}
