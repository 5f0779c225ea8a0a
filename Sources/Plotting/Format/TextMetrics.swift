/// Estimated text widths, so that margins can be sized from the labels they hold.
/// Advance widths are Helvetica's (= Arial's = Liberation Sans's), in 1/1000 em; the SVG
/// asks for that family first, so the estimate matches what the browser draws.
enum TextMetrics {
    /// Advance widths of ASCII 32…126 in 1/1000 em (Helvetica AFM).
    private static let ascii: [Int] = [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,  // ␠ … /
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556,  // 0 … 9
        278, 278, 584, 584, 584, 556, 1015,  // : ; < = > ? @
        667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,  // A … M
        722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611,  // N … Z
        278, 278, 278, 469, 556, 333,  // [ \ ] ^ _ `
        556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833,  // a … m
        556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500,  // n … z
        334, 260, 334, 584,  // { | } ~
    ]

    /// The estimated width in px of `text` set at `fontSize` px (bold is about 8% wider).
    static func width(_ text: String, fontSize: Double, bold: Bool = false) -> Double {
        var units = 0
        for scalar in text.unicodeScalars {
            units += advance(scalar)
        }
        return Double(units) / 1000 * fontSize * (bold ? 1.08 : 1)
    }

    private static func advance(_ s: Unicode.Scalar) -> Int {
        let v = Int(s.value)
        if v >= 32 && v <= 126 { return ascii[v - 32] }
        switch v {
        case 0x2212, 0x00D7, 0x00B1: return 584  // − × ±
        case 0x2070...0x209F, 0x00B2, 0x00B3, 0x00B9: return 333  // superscripts, subscripts
        case 0x0370...0x03FF: return 580  // Greek
        case 0x2E80...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0xFF00...0xFFEF: return 1000  // CJK
        case 0x0300...0x036F: return 0  // combining marks
        default: return 600
        }
    }
}
