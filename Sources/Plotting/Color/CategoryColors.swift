/// The palette colour each label has on one page, so that a class keeps its colour from
/// figure to figure: "train" is the same blue in every loss plot, and a panel that draws
/// "validation" beside a new label keeps validation's orange.
///
/// Integer classes 0…9 (digits) are not kept here: class k always has the palette's k-th
/// colour, on every page. Other labels (names, and the labels of marks given no colour) are
/// given, when first seen, the first palette colour their panel leaves free, and keep it.
/// Within one panel colours are always distinct, up to the palette's ten.
public struct CategoryColors: Sendable, Equatable {
    /// Palette index of each label given one so far.
    private var assigned: [String: Int] = [:]

    /// A page with no labels coloured yet.
    public init() {}

    /// The number of labels given a colour so far.
    public var count: Int { assigned.count }

    /// The palette index of each of `labels`, all drawn in one panel beside marks holding the
    /// `reserved` indices: distinct, and the colour each label had before where the panel
    /// allows it (a label whose colour is taken here borrows a free one and keeps its own).
    mutating func indices(for labels: [String], reserved: Set<Int> = []) -> [Int] {
        var inPanel = reserved
        var out: [Int] = []
        out.reserveCapacity(labels.count)
        for label in labels {
            let index: Int
            if let earlier = assigned[label] {
                index = inPanel.contains(earlier) ? Self.firstFree(avoiding: inPanel) : earlier
            } else {
                index = Self.firstFree(avoiding: inPanel)
                assigned[label] = index
            }
            inPanel.insert(index)
            out.append(index)
        }
        return out
    }

    /// The first palette index not in `used`; past the palette's size colours repeat.
    static func firstFree(avoiding used: Set<Int>) -> Int {
        (0..<Palette.maximumCategories).first { !used.contains($0) } ?? used.count % Palette.maximumCategories
    }
}
