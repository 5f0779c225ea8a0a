/// Math alphabets (`\mathbf`, `\mathbb` …), drawn with the Unicode Mathematical
/// Alphanumeric Symbols as MathML Core requires (it has no `mathvariant` but `normal`).
enum MathFont: Sendable, Equatable {
    case roman, bold, italic, boldItalic, script, boldScript, fraktur, boldFraktur
    case doubleStruck, sansSerif, sansSerifBold, sansSerifItalic, monospace
    /// `\boldsymbol`/`\bm`: bold italic letters and lower-case Greek, bold upright digits
    /// and capital Greek.
    case boldSymbol

    /// First code points of each alphabet: capital A, small a, digit 0 (nil: none).
    private var bases: (upper: UInt32, lower: UInt32, digit: UInt32?)? {
        switch self {
        case .roman: return nil
        case .bold: return (0x1D400, 0x1D41A, 0x1D7CE)
        case .italic: return (0x1D434, 0x1D44E, nil)
        case .boldItalic, .boldSymbol: return (0x1D468, 0x1D482, 0x1D7CE)
        case .script: return (0x1D49C, 0x1D4B6, nil)
        case .boldScript: return (0x1D4D0, 0x1D4EA, nil)
        case .fraktur: return (0x1D504, 0x1D51E, nil)
        case .boldFraktur: return (0x1D56C, 0x1D586, nil)
        case .doubleStruck: return (0x1D538, 0x1D552, 0x1D7D8)
        case .sansSerif: return (0x1D5A0, 0x1D5BA, 0x1D7E2)
        case .sansSerifBold: return (0x1D5D4, 0x1D5EE, 0x1D7EC)
        case .sansSerifItalic: return (0x1D608, 0x1D622, nil)
        case .monospace: return (0x1D670, 0x1D68A, 0x1D7F6)
        }
    }

    /// Letters that Unicode encodes in the Letterlike Symbols block instead of the gaps
    /// left in the Mathematical Alphanumeric Symbols block.
    private static let holes: [UInt32: Unicode.Scalar] = [
        0x1D455: "ℎ",  // italic h
        0x1D49D: "ℬ", 0x1D4A0: "ℰ", 0x1D4A1: "ℱ", 0x1D4A3: "ℋ", 0x1D4A4: "ℐ",
        0x1D4A7: "ℒ", 0x1D4A8: "ℳ", 0x1D4AD: "ℛ", 0x1D4BA: "ℯ", 0x1D4BC: "ℊ", 0x1D4C4: "ℴ",
        0x1D506: "ℭ", 0x1D50B: "ℌ", 0x1D50C: "ℑ", 0x1D515: "ℜ", 0x1D51D: "ℨ",
        0x1D53A: "ℂ", 0x1D53F: "ℍ", 0x1D545: "ℕ", 0x1D547: "ℙ", 0x1D548: "ℚ",
        0x1D549: "ℝ", 0x1D551: "ℤ",
    ]

    /// Maps a Latin letter or digit into this alphabet; nil if this font leaves it alone.
    func map(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        guard let bases else { return nil }
        let value = scalar.value
        var mapped: UInt32
        switch value {
        case 0x41...0x5A: mapped = bases.upper + (value - 0x41)
        case 0x61...0x7A: mapped = bases.lower + (value - 0x61)
        case 0x30...0x39:
            guard let digit = bases.digit else { return nil }
            mapped = digit + (value - 0x30)
        default: return mapGreek(scalar)
        }
        if let hole = Self.holes[mapped] { return hole }
        return Unicode.Scalar(mapped)
    }

    /// Greek in bold (capitals only, as TeX's `\mathbf`), italic (capitals), and bold
    /// symbol (all), from the mathematical Greek blocks.
    private func mapGreek(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let value = scalar.value
        let isCapital = (0x391...0x3A9).contains(value) && value != 0x3A2
        let isSmall = (0x3B1...0x3C9).contains(value)
        let blockStart: UInt32
        switch self {
        case .bold, .sansSerifBold:
            guard isCapital else { return nil }
            blockStart = self == .bold ? 0x1D6A8 : 0x1D756
        case .italic:
            guard isCapital || isSmall else { return nil }
            blockStart = 0x1D6E2
        case .boldSymbol:
            if isCapital { blockStart = 0x1D6A8 }  // bold upright capitals
            else if isSmall { blockStart = 0x1D71C }  // bold italic small letters
            else { return Self.boldSymbolVariants[value].flatMap(Unicode.Scalar.init) }
        default:
            return nil
        }
        let offset = isCapital ? value - 0x391 : value - 0x3B1 + 26
        return Unicode.Scalar(blockStart + offset)
    }

    /// Bold italic forms of the Greek variant letters for `\boldsymbol`.
    private static let boldSymbolVariants: [UInt32: UInt32] = [
        0x3F5: 0x1D750, 0x3D1: 0x1D751, 0x3F0: 0x1D752, 0x3D5: 0x1D753, 0x3F1: 0x1D754,
        0x3D6: 0x1D755, 0x2202: 0x1D74F, 0x2207: 0x1D6C1,
    ]

    /// True when letters in this font are upright, so a single one needs
    /// `mathvariant="normal"` if left unmapped (`\mathrm{d}`).
    var isUpright: Bool { self == .roman }
}
