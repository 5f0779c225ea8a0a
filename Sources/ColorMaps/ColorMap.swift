/// A continuous colour map from [0, 1] to 8-bit sRGB: the one table behind heatmaps,
/// contours and colour bars (Plotting) and single-channel images (Imaging), so an image and
/// a heatmap of the same data match. Raw values name the maps for cell bindings.
public enum ColorMap: String, Sendable, CaseIterable {
    /// Perceptually uniform dark blue → green → yellow; the default for magnitudes.
    case viridis
    /// Blue → near-white → red (ColorBrewer RdBu, reversed), for signed values around 0.
    case diverging
    /// Black → white.
    case gray
    /// White → black, e.g. ink on paper for digit images.
    case grayReversed

    /// One entry of a map: 8-bit sRGB channels.
    public typealias RGB = (red: UInt8, green: UInt8, blue: UInt8)

    /// The colour at `t` in [0, 1] (clamped; NaN maps to the low end), quantised to one of 256
    /// entries as d3's `interpolateViridis` does (entry ⌊256·t⌋).
    public func rgb(at t: Double) -> RGB {
        entry(Self.index(t))
    }

    /// Entry `i` of the 256, low to high.
    public func entry(_ i: Int) -> RGB {
        switch self {
        case .viridis: return Self.viridisTable[i]
        case .diverging: return Self.divergingTable[i]
        case .gray: return (UInt8(i), UInt8(i), UInt8(i))
        case .grayReversed: return (UInt8(255 - i), UInt8(255 - i), UInt8(255 - i))
        }
    }

    /// Whether the map is meant for values symmetric about zero.
    public var isDiverging: Bool { self == .diverging }

    /// Whether every entry is a grey (so a single-channel PNG can hold the result).
    public var isGray: Bool { self == .gray || self == .grayReversed }

    /// The entry `t` in [0, 1] falls in: ⌊256·t⌋ clamped to 0…255, as d3's `ramp()`; NaN and
    /// −∞ give 0, +∞ gives 255.
    public static func index(_ t: Double) -> Int {
        guard t.isFinite else { return t == .infinity ? 255 : 0 }
        return min(255, Int((min(max(t, 0), 1) * 256).rounded(.down)))
    }

    private static let viridisTable = parse(ColorMapTables.viridis)
    private static let divergingTable = parse(ColorMapTables.diverging)

    private static func parse(_ text: String) -> [RGB] {
        let hex = Array(text.unicodeScalars.filter { $0.properties.isASCIIHexDigit })
        return stride(from: 0, to: hex.count, by: 6).map { i in
            let v = UInt32(String(String.UnicodeScalarView(hex[i..<i + 6])), radix: 16)!
            return (UInt8(v >> 16 & 0xff), UInt8(v >> 8 & 0xff), UInt8(v & 0xff))
        }
    }
}
