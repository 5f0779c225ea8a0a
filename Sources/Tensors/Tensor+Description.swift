import Foundation

/// Printing tensors as nested brackets, NumPy style: integers without decimals, others with four
/// (scientific notation for very large or small magnitudes), columns right-aligned, and long axes
/// summarised with `…` beyond 1000 elements.
extension Tensor: CustomStringConvertible, CustomDebugStringConvertible {
    public var description: String {
        let format = ScalarFormat(scalars)
        if rank == 0 { return format.string(scalars[0]) }
        let summarize = count > 1000
        var text = ""
        write(into: &text, axis: 0, offset: 0, format: format, summarize: summarize)
        return text
    }

    public var debugDescription: String { "Tensor(shape: \(shape), \(description))" }

    private func write(into text: inout String, axis: Int, offset: Int, format: ScalarFormat, summarize: Bool) {
        let size = shape[axis]
        let stride = Shape.count(Array(shape[(axis + 1)...]))
        let shown: [Int?] = summarize && size > 6 ? [0, 1, 2, nil, size - 3, size - 2, size - 1] : (0..<size).map { $0 }
        text += "["
        for (n, i) in shown.enumerated() {
            if n > 0 {
                text += axis == rank - 1 ? ", " : "," + String(repeating: "\n", count: rank - 1 - axis) + String(repeating: " ", count: axis + 1)
            }
            guard let i else {
                text += "…"
                continue
            }
            if axis == rank - 1 {
                text += format.padded(scalars[offset + i])
            } else {
                write(into: &text, axis: axis + 1, offset: offset + i * stride, format: format, summarize: summarize)
            }
        }
        text += "]"
    }
}

/// One number format for all elements of a tensor, so that columns line up.
private struct ScalarFormat {
    enum Style { case integer, fixed, scientific }
    let style: Style
    let width: Int

    init(_ values: [Double]) {
        let finite = values.filter(\.isFinite)
        let largest = finite.map(Swift.abs).max() ?? 0
        let smallest = finite.filter { $0 != 0 }.map(Swift.abs).min() ?? 1
        if finite.allSatisfy({ $0.rounded() == $0 }) && largest < 1e15 {
            style = .integer
        } else if largest >= 1e6 || smallest < 1e-4 {
            style = .scientific
        } else {
            style = .fixed
        }
        var width = 0
        let probe = ScalarFormat(style: style, width: 0)
        for v in values { width = max(width, probe.string(v).count) }
        self.width = width
    }

    private init(style: Style, width: Int) {
        self.style = style
        self.width = width
    }

    func string(_ v: Double) -> String {
        if v.isNaN { return "nan" }
        if v.isInfinite { return v > 0 ? "inf" : "-inf" }
        switch style {
        case .integer: return String(Int64(v))
        case .fixed: return String(format: "%.4f", v)
        case .scientific: return String(format: "%.4e", v)
        }
    }

    func padded(_ v: Double) -> String {
        let s = string(v)
        return String(repeating: " ", count: max(0, width - s.count)) + s
    }
}
