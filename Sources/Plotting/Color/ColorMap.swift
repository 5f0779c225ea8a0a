@_exported import ColorMaps

/// The colour maps as Plotting's `Color`s (the tables live in the ColorMaps target, shared
/// with Imaging).
extension ColorMap {
    /// The map's 256 entries, low to high.
    public var table: [Color] {
        (0..<256).map { Color(entry($0)) }
    }

    /// The colour at `t` in [0, 1] (clamped), quantised to one of 256 entries as d3's
    /// `interpolateViridis` does (entry ⌊256·t⌋).
    /// NaN maps to the low end; callers handle missing values before asking.
    public func color(at t: Double) -> Color {
        Color(rgb(at: t))
    }
}

extension Color {
    init(_ rgb: ColorMap.RGB) {
        self.init(red: rgb.red, green: rgb.green, blue: rgb.blue)
    }
}
