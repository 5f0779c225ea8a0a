import Foundation
import Tensors

extension Dataset {
    /// A user's CSV file of numbers as a `[rows, columns]` tensor (comma-separated, one row per line,
    /// blank lines skipped; skip a first line of column names with `hasHeader: true`). Throws a
    /// `DatasetError` naming the line and column of a ragged row or a cell that is not a number.
    public static func csv(path: String, hasHeader: Bool = false) throws -> Tensor {
        try CSVTable(parsing: readText(path), path: path, hasHeader: hasHeader).tensor
    }

    /// A CSV file whose column `labelColumn` (counted from 0) holds integer class labels and whose other
    /// columns are the features.
    public static func labeledCSV(path: String, labelColumn: Int = 0, hasHeader: Bool = false) throws -> LabeledData {
        let table = try CSVTable(parsing: readText(path), path: path, hasHeader: hasHeader)
        return try table.labeled(labelColumn: labelColumn, path: path, firstLine: hasHeader ? 2 : 1)
    }

    /// The UTF-8 text of the file at `path`, or `DatasetError.unreadable`.
    static func readText(_ path: String) throws -> String {
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            return String(decoding: data, as: UTF8.self)
        } catch {
            throw DatasetError.unreadable(path: path, reason: error.localizedDescription)
        }
    }
}

extension CSVTable {
    /// Splits off column `labelColumn` as integer labels; throws when a label is not a non-negative integer.
    func labeled(labelColumn: Int, path: String, firstLine: Int) throws -> LabeledData {
        guard labelColumn >= 0, labelColumn < columns, columns >= 2 else {
            throw DatasetError.invalidArgument(
                "\(path): labelColumn \(labelColumn) is not one of the \(columns) columns (or no feature column is left)")
        }
        var features: [Double] = []
        features.reserveCapacity(rows * (columns - 1))
        var labels: [Int] = []
        labels.reserveCapacity(rows)
        for r in 0..<rows {
            for c in 0..<columns {
                let v = values[r * columns + c]
                if c == labelColumn {
                    guard v >= 0, v == v.rounded(), v < 1e9 else {
                        // Line numbers are exact when the file has no blank lines.
                        throw DatasetError.invalidArgument(
                            "\(path): row \(r + 1) (line \(firstLine + r)): the label \(v) in column \(c + 1) is not a non-negative integer")
                    }
                    labels.append(Int(v))
                } else {
                    features.append(v)
                }
            }
        }
        return try LabeledData(x: Tensor(shape: [rows, columns - 1], data: features), labels: labels)
    }
}
