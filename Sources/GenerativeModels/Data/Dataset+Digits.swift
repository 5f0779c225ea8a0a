import Foundation
import Tensors

extension Dataset {
    /// The UCI handwritten digits: 1797 images of 8×8 pixels as rows of 64 values in [0, 1] (row-major,
    /// the original 0…16 intensities divided by 16), with their labels 0…9. `binarized` gives 0/1 pixels.
    ///
    /// Source: E. Alpaydin, C. Kaynak, "Optical Recognition of Handwritten Digits", UCI Machine Learning
    /// Repository, 1998 (the subset distributed by scikit-learn's `load_digits`), CC BY 4.0. Shipped as
    /// the package resource `digits.csv` (see `Data/Resources/digits-source.md`, shipped beside it).
    public static func digits() throws -> LabeledData {
        try digitsCache.get()
    }

    /// The attribution to show wherever the digits are used.
    public static let digitsAttribution =
        "Optical Recognition of Handwritten Digits (E. Alpaydin, C. Kaynak; UCI Machine Learning Repository, 1998), CC BY 4.0"

    /// The digits, parsed once per process.
    private static let digitsCache: Result<LabeledData, DatasetError> = Result { try loadDigits() }
        .mapError { $0 as? DatasetError ?? .missingResource("digits.csv: \($0)") }

    private static func loadDigits() throws -> LabeledData {
        guard let url = Bundle.module.url(forResource: "digits", withExtension: "csv") else {
            throw DatasetError.missingResource("digits.csv")
        }
        let text: String
        do {
            text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        } catch {
            throw DatasetError.unreadable(path: url.path, reason: error.localizedDescription)
        }
        let raw = try CSVTable(parsing: text, path: "digits.csv", hasHeader: true).labeled(labelColumn: 0, path: "digits.csv", firstLine: 2)
        return try LabeledData(x: raw.x / 16, labels: raw.labels)
    }
}
