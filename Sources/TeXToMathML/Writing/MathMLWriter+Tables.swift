/// Tables: `<mtable>` rows and cells. MathML Core has no `columnalign`, so alignment and
/// rules are CSS on each `<mtd>`; `columnalign` is also written for MathML 3 renderers.
extension MathMLWriter {
    mutating func writeTable(_ table: MathTable, style: MathStyle) {
        if table.open != nil || table.close != nil {
            output += "<mrow>"
            if let open = table.open { writeFence(open, form: "prefix") }
        }
        let columnCount = table.rows.map(\.count).max() ?? 0
        output += "<mtable"
        switch table.cellStyle {
        case .display: output += " displaystyle=\"true\""
        case .script, .scriptScript: output += " displaystyle=\"false\" scriptlevel=\"1\""
        case .text: break
        }
        let alignments = (0..<columnCount).map { table.alignment(ofColumn: $0) }
        if alignments.contains(where: { $0 != .center }) {
            output += " columnalign=\"" + alignments.map(\.name).joined(separator: " ") + "\""
        }
        output += ">"
        for (rowIndex, row) in table.rows.enumerated() {
            output += "<mtr>"
            for column in 0..<columnCount {
                let cell = column < row.count ? row[column] : []
                writeCell(cell, table: table, row: rowIndex, column: column, columnCount: columnCount,
                          alignment: alignments[column])
            }
            if !table.rowTags.isEmpty {
                output += "<mtd style=\"padding-left:2em;" + Self.textAlign(.right) + "\">"
                if let tag = table.rowTags[rowIndex] {
                    output += "<mtext>"
                    output.appendEscaped(tag.label)
                    output += "</mtext>"
                }
                output += "</mtd>"
            }
            output += "</mtr>"
        }
        output += "</mtable>"
        if table.open != nil || table.close != nil {
            if let close = table.close { writeFence(close, form: "postfix") }
            output += "</mrow>"
        }
    }

    /// A cell's `text-align`. Chromium's MathML lays out an `<mtd>` flush left for `right`, `end`
    /// and `center` alike and honours only its legacy `-webkit-right` (checked in Chromium and
    /// Firefox: `aligned`'s left-hand sides were flush left instead of meeting at the `=`), so a
    /// right-aligned cell says both; browsers that do not know the second keep the first.
    static func textAlign(_ alignment: MathTable.Alignment) -> String {
        alignment == .right ? "text-align:right;text-align:-webkit-right" : "text-align:" + alignment.name
    }

    private mutating func writeCell(_ cell: [MathNode], table: MathTable, row: Int, column: Int,
                                    columnCount: Int, alignment: MathTable.Alignment) {
        var css: [String] = []
        if alignment != .center { css.append(Self.textAlign(alignment)) }
        switch table.layout {
        case .aligned:
            // Right/left pairs meet at the alignment point; pairs are 2em apart.
            let startsPair = column % 2 == 0
            css.append(startsPair && column > 0 ? "padding-left:2em" : "padding-left:0")
            css.append("padding-right:0")
        case .cases:
            css.append(column == 0 ? "padding-left:0.2em" : "padding-left:1em")
            css.append("padding-right:0")
        case .stack:
            css.append("padding:0")
        case .matrix:
            // amsmath matrices drop the column gap at their outer edges (`array` keeps it).
            if table.columns.isEmpty {
                if column == 0 { css.append("padding-left:0") }
                if column == columnCount - 1 { css.append("padding-right:0") }
            }
        }
        if column < table.columnRules.count, table.columnRules[column] { css.append("border-left:0.06em solid") }
        let ruledColumns = table.columnRules.count - 1
        if column == ruledColumns - 1, ruledColumns < table.columnRules.count, table.columnRules[ruledColumns] {
            css.append("border-right:0.06em solid")
        }
        if row < table.rowRules.count, table.rowRules[row] { css.append("border-top:0.06em solid") }
        if row == table.rows.count - 1, table.rows.count < table.rowRules.count, table.rowRules[table.rows.count] {
            css.append("border-bottom:0.06em solid")
        }
        output += css.isEmpty ? "<mtd>" : "<mtd style=\"" + css.joined(separator: ";") + "\">"
        // The right-hand side of an alignment starts as TeX's `{}=`: a relation or binary
        // operator there keeps its spaces.
        var leading: MathClass?
        if table.layout == .aligned, column % 2 == 1, let first = cell.first(where: { Self.mathClass($0) != nil }),
           let firstClass = Self.mathClass(first), firstClass == .rel || firstClass == .bin {
            output += "<mi></mi>"
            leading = .ord
        }
        if leading == nil, cell.count == 1 {
            writeArgument(cell[0], style: table.cellStyle)
        } else {
            writeRow(cell, style: table.cellStyle, leading: leading)
        }
        output += "</mtd>"
    }
}
