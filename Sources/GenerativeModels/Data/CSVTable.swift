import Tensors

/// A comma-separated table of numbers parsed from text: every data row has the same number of cells,
/// every cell is a number. Blank lines are skipped; line and column numbers count from 1 (the header,
/// when there is one, is line 1).
struct CSVTable {
    /// The cells in row-major order.
    var values: [Double]
    /// The number of data rows.
    var rows: Int
    /// The number of cells per row.
    var columns: Int
    /// The header's names, when the table has one.
    var header: [String]?

    /// Parses `text`; `path` names the source in errors. Throws `DatasetError.raggedRow`,
    /// `.notANumber` or `.empty`.
    init(parsing text: String, path: String, hasHeader: Bool) throws {
        values = []
        rows = 0
        columns = 0
        header = nil
        var lineNumber = 0
        // "\r\n" is one Character in Swift, so both line ends are named.
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNumber += 1
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            if hasHeader && header == nil {
                header = cells.map { String($0).trimmingSpaces() }
                continue
            }
            if rows == 0 {
                columns = cells.count
            } else if cells.count != columns {
                throw DatasetError.raggedRow(path: path, line: lineNumber, expected: columns, found: cells.count)
            }
            for (c, cell) in cells.enumerated() {
                let trimmed = String(cell).trimmingSpaces()
                guard let value = Double(trimmed) else {
                    throw DatasetError.notANumber(path: path, line: lineNumber, column: c + 1, text: trimmed)
                }
                values.append(value)
            }
            rows += 1
        }
        guard rows > 0 else { throw DatasetError.empty(path: path) }
    }

    /// The table as a `[rows, columns]` tensor.
    var tensor: Tensor {
        get throws { try Tensor(shape: [rows, columns], data: values) }
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}
