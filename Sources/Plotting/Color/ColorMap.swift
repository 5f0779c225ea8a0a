/// A continuous colour map from [0, 1] to colours, shared by heatmaps, contours, colour
/// bars and continuously coloured points. Raw values name the maps for bindings.
public enum ColorMap: String, Sendable, CaseIterable {
    /// Perceptually uniform dark blue → green → yellow; the default for magnitudes.
    case viridis
    /// Blue → near-white → red (ColorBrewer RdBu, reversed), for signed values around 0.
    case diverging
    /// Black → white.
    case gray
    /// White → black, e.g. ink on paper for digit images.
    case grayReversed

    /// The map's 256 entries, low to high.
    public var table: [Color] {
        switch self {
        case .viridis: return Self.viridisTable
        case .diverging: return Self.divergingTable
        case .gray: return Self.grayTable
        case .grayReversed: return Self.grayTable.reversed()
        }
    }

    /// The colour at `t` in [0, 1] (clamped), quantised to one of 256 entries as d3's
    /// `interpolateViridis` does (entry ⌊256·t⌋).
    /// NaN maps to the low end; callers handle missing values before asking.
    public func color(at t: Double) -> Color {
        let i = Self.index(t)
        switch self {
        case .viridis: return Self.viridisTable[i]
        case .diverging: return Self.divergingTable[i]
        case .gray: return Self.grayTable[i]
        case .grayReversed: return Self.grayTable[255 - i]
        }
    }

    /// Whether the map is meant for values symmetric about zero.
    public var isDiverging: Bool { self == .diverging }

    static func index(_ t: Double) -> Int {
        guard t.isFinite else { return t == .infinity ? 255 : 0 }
        return min(255, Int((min(max(t, 0), 1) * 256).rounded(.down)))  // as d3's ramp(): ⌊256·t⌋
    }

    private static let viridisTable = parse(ColorMapTables.viridis)
    private static let divergingTable = parse(ColorMapTables.diverging)
    private static let grayTable = (0...255).map { Color(red: UInt8($0), green: UInt8($0), blue: UInt8($0)) }

    private static func parse(_ text: String) -> [Color] {
        let hex = Array(text.unicodeScalars.filter { $0.properties.isASCIIHexDigit })
        return stride(from: 0, to: hex.count, by: 6).map { i in
            Color(hex: UInt32(String(String.UnicodeScalarView(hex[i..<i + 6])), radix: 16)!)
        }
    }
}
