import Plotting

/// What a cell produced, in order: printed text and displayed values.
public enum CellOutput {
    /// Text from `print`, consecutive prints joined.
    case text(String)
    /// A value shown under the cell: a top-level expression or `show(x)`.
    case value(DisplayedValue)
}

/// A value as the page shows it.
public enum DisplayedValue {
    /// Plain text (numbers, strings, arrays, tensors printed like NumPy).
    case text(String)
    /// An SVG document, inlined in the page.
    case svg(String, description: String)
    /// PNG bytes, embedded as a data URI.
    case png([UInt8], width: Int, height: Int, description: String)
    /// Trusted HTML made by the library (a table).
    case html(String)
}

/// The size a cell asked for its figures (`//| width:`, `//| height:`), in CSS pixels.
public struct DisplaySize: Sendable, Equatable {
    public var width: Double?
    public var height: Double?

    public init(width: Double? = nil, height: Double? = nil) {
        self.width = width
        self.height = height
    }
}

/// Library values that display as more than text (figures, images, tables) conform.
public protocol RichDisplayable {
    /// How the value is shown under a cell, at the size the cell asked for if any; labels in
    /// a figure keep the colours they have elsewhere on the page (`categoryColors`).
    func display(size: DisplaySize, categoryColors: inout CategoryColors) throws -> DisplayedValue
}

extension CellOutput {
    /// The bytes this output adds to a page (before escaping or base64), counted against the
    /// cell's and the notebook's output limits.
    public var byteCount: Int {
        switch self {
        case .text(let t), .value(.text(let t)), .value(.html(let t)): t.utf8.count
        case .value(.svg(let s, let d)): s.utf8.count + d.utf8.count
        case .value(.png(let bytes, _, _, let d)): bytes.count + d.utf8.count
        }
    }
}

/// The output limit a cell runs under, for the message when it is passed.
struct OutputLimit {
    var bytes: Int
    /// The notebook's remaining allowance is smaller than the cell's own limit.
    var ofPage: Bool
}
