/// Whether an axis is linear or logarithmic (base 10).
public enum ScaleKind: String, Sendable {
    /// Equal distances for equal differences.
    case linear
    /// Equal distances for equal ratios; every value on the axis must be positive.
    case log
}

/// The scale of one axis of a laid-out panel.
enum AxisScale {
    case linear(LinearScale)
    case log(LogScale)
    /// Categories at band centres (bar charts); values are category indices.
    case band(BandScale, labels: [String])

    /// The pixel position of a data value (for bands: the centre of band `Int(value)`).
    func callAsFunction(_ value: Double) -> Double {
        switch self {
        case .linear(let s): return s(value)
        case .log(let s): return s(value)
        case .band(let s, _): return s.center(Int(value))
        }
    }

    /// The pixel interval the axis spans.
    var range: (Double, Double) {
        switch self {
        case .linear(let s): return s.range
        case .log(let s): return s.range
        case .band(let s, _): return s.range
        }
    }

    var isLog: Bool {
        if case .log = self { return true }
        return false
    }
}
