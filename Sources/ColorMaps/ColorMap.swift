/// A colour map from [0, 1] to 8-bit sRGB, applied to single-channel images. The same maps,
/// names and tables as Plotting's `ColorMap` (each target holds its own copy; both test
/// suites pin the tables' checksums), so an image and a heatmap of the same data match.
public enum ColorMap: String, Sendable, CaseIterable {
    /// Perceptually uniform dark blue → green → yellow.
    case viridis
    /// Blue → near-white → red (ColorBrewer RdBu, reversed), for signed values around 0.
    case diverging
    /// Black → white.
    case gray
    /// White → black, e.g. ink on paper.
    case grayReversed

    /// The colour at `t` in [0, 1] (clamped; NaN maps to 0), quantised to one of 256
    /// entries as d3's `interpolateViridis` does (entry ⌊256·t⌋).
    public func rgb(at t: Double) -> (red: UInt8, green: UInt8, blue: UInt8) {
        let i = Self.index(t)
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

    static func index(_ t: Double) -> Int {
        guard t.isFinite else { return t == .infinity ? 255 : 0 }
        return min(255, Int((min(max(t, 0), 1) * 256).rounded(.down)))  // as d3's ramp(): ⌊256·t⌋
    }

    private static let viridisTable = parse(ColorMapTables.viridis)
    private static let divergingTable = parse(ColorMapTables.diverging)

    private static func parse(_ text: String) -> [(red: UInt8, green: UInt8, blue: UInt8)] {
        let hex = Array(text.unicodeScalars.filter { $0.properties.isASCIIHexDigit })
        return stride(from: 0, to: hex.count, by: 6).map { i in
            let v = UInt32(String(String.UnicodeScalarView(hex[i..<i + 6])), radix: 16)!
            return (UInt8(v >> 16 & 0xff), UInt8(v >> 8 & 0xff), UInt8(v & 0xff))
        }
    }
}
