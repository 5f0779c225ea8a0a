/// The one place text becomes markup: escapes `&`, `<`, `>` and `"` (text and attribute
/// values alike), replaces control characters XML forbids with U+FFFD, and writes
/// invisible or combining characters (no-break space, U+0302, U+0338 …) as numeric
/// references so the output shows what it holds.
enum XMLEscaping {
    static func append(_ text: String, to output: inout MarkupBuffer) {
        var plain = true
        for byte in text.utf8 where byte < 0x20 || byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22
            || byte == 0xC2 || byte == 0xCC || byte == 0xCD || byte == 0xE2 || byte == 0xEF {
            plain = false
            break
        }
        if plain {
            output.append(text)
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "\t", "\n", "\r": output.bytes.append(UInt8(scalar.value))
            default:
                let value = scalar.value
                if value < 0x20 || (0xFFFE...0xFFFF).contains(value) {
                    output += "\u{FFFD}"
                } else if isInvisible(value) {
                    output += "&#x" + String(value, radix: 16, uppercase: true) + ";"
                } else {
                    output.bytes.append(contentsOf: String(Character(scalar)).utf8)
                }
            }
        }
    }

    /// No-break space, combining marks, and the invisible operators and format characters.
    static func isInvisible(_ value: UInt32) -> Bool {
        value == 0xA0 || (0x300...0x36F).contains(value) || (0x20D0...0x20FF).contains(value)
            || (0x2000...0x200F).contains(value) || (0x2060...0x2064).contains(value)
            || (0xFE00...0xFE0F).contains(value)
    }

    static func escaped(_ text: String) -> String {
        var output = MarkupBuffer()
        append(text, to: &output)
        return output.string
    }
}
