/// Which values map to black and white (or to the ends of a colour map) when a batch of
/// Double images becomes 8-bit pixels. Values outside the range are clamped.
public enum ValueRange: Sendable, Equatable {
    /// The batch's own minimum and maximum, shared by every image (so images compare).
    case auto
    /// Each image stretched to its own minimum and maximum.
    case perImage
    /// A fixed interval, e.g. `.fixed(0, 1)` for probabilities or `.fixed(0, 16)` for digits.
    case fixed(Double, Double)
    /// −m…m with m the batch's largest magnitude, for signed data and diverging maps.
    case symmetric

    /// The (low, high) limits for `values`; a constant image gets a width-1 interval
    /// around its value, so it shows mid-grey rather than dividing by zero.
    func limits(_ values: ArraySlice<Double>) -> (Double, Double) {
        var lo = Double.infinity, hi = -Double.infinity
        for v in values {
            lo = min(lo, v)
            hi = max(hi, v)
        }
        switch self {
        case .fixed(let a, let b): return (a, b)
        case .symmetric:
            let m = max(abs(lo), abs(hi))
            return m > 0 ? (-m, m) : (-1, 1)
        case .auto, .perImage:
            return hi > lo ? (lo, hi) : (lo - 0.5, lo + 0.5)
        }
    }
}
