/// The categorical palette: Tableau 10 (Maureen Stone's 2016 revision, as d3's
/// `schemeTableau10`), chosen over Okabe–Ito because the course's digits have ten classes;
/// its colours stay distinguishable under the common colour-vision deficiencies.
public enum Palette {
    /// The ten categorical colours, in order of use.
    public static let tableau10: [Color] = [
        0x4e79a7, 0xf28e2c, 0xe15759, 0x76b7b2, 0x59a14f,
        0xedc949, 0xaf7aa1, 0xff9da7, 0x9c755f, 0xbab0ab,
    ].map(Color.init(hex:))

    /// The most categories a plot colours apart; more would need repeated colours.
    public static let maximumCategories = 10

    /// The colour for category `index` (0-based).
    public static func color(_ index: Int) -> Color {
        tableau10[((index % tableau10.count) + tableau10.count) % tableau10.count]
    }
}
