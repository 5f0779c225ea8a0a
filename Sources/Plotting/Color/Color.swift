/// An opaque sRGB colour with 8-bit channels, written to SVG as `#rrggbb`.
public struct Color: Sendable, Hashable {
    /// Red, green and blue, 0…255.
    public var red, green, blue: UInt8

    /// A colour from its three 8-bit channels.
    public init(red: UInt8, green: UInt8, blue: UInt8) {
        (self.red, self.green, self.blue) = (red, green, blue)
    }

    /// A colour from a 24-bit value such as `0x4e79a7`.
    public init(hex: UInt32) {
        self.init(red: UInt8((hex >> 16) & 0xff), green: UInt8((hex >> 8) & 0xff), blue: UInt8(hex & 0xff))
    }

    /// A colour from `#rrggbb` or `rrggbb`; nil when the text is not six hex digits.
    public init?(hex text: String) {
        let digits = text.hasPrefix("#") ? String(text.dropFirst()) : text
        guard digits.count == 6, let value = UInt32(digits, radix: 16) else { return nil }
        self.init(hex: value)
    }

    /// The colour as `#rrggbb` in lower case.
    public var hex: String {
        let table = Array("0123456789abcdef")
        var s = "#"
        for c in [red, green, blue] {
            s.append(table[Int(c >> 4)])
            s.append(table[Int(c & 15)])
        }
        return s
    }

    /// Text drawn in front of the colour reads best in this colour (black or white),
    /// chosen by relative luminance.
    var contrastingText: Color {
        let l = 0.2126 * Double(red) + 0.7152 * Double(green) + 0.0722 * Double(blue)
        return l > 140 ? Color(hex: 0x000000) : Color(hex: 0xffffff)
    }

    static let black = Color(hex: 0x000000)
    static let white = Color(hex: 0xffffff)
}
