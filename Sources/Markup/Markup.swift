/// The one place text becomes markup — HTML pages, SVG figures and MathML equations alike —
/// so that a character means the same everywhere: `&`, `<`, `>`, `"` and `'` become
/// references (safe in element content and in either kind of quoted attribute); control
/// characters XML forbids, and U+FFFE/U+FFFF, become U+FFFD (tab, line feed and carriage
/// return stay); invisible and combining characters (no-break space, U+0302, U+0338, the
/// zero-width and invisible operators, variation selectors) become numeric references, so the
/// markup shows what it holds.
public enum Markup {
    /// `s` with its character references decoded: numeric ones, the five `escape` writes, and
    /// the few named ones a page's safety check must see through (`&colon;` in a URL). The one
    /// way back from markup to text: the search index and a figure's texts use it too.
    public static func decode(_ s: String) -> String {
        guard s.contains("&") else { return s }
        let named: [String: String] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "colon": ":", "Tab": "\t",
                                       "NewLine": "\n", "sol": "/", "lpar": "(", "rpar": ")", "period": ".", "nbsp": "\u{A0}"]
        var out = ""
        var rest = Substring(s)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            rest = rest[rest.index(after: amp)...]
            let body = rest.prefix { $0.isLetter || $0.isNumber || $0 == "#" }
            var scalar: Unicode.Scalar?
            if body.hasPrefix("#x") || body.hasPrefix("#X") {
                scalar = UInt32(body.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
            } else if body.hasPrefix("#") {
                scalar = UInt32(body.dropFirst(), radix: 10).flatMap(Unicode.Scalar.init)
            }
            if let scalar {
                out.unicodeScalars.append(scalar)
            } else if let text = named[String(body)] {
                out += text
            } else {
                out += "&"
                continue
            }
            rest = rest[body.endIndex...]
            if rest.first == ";" { rest = rest.dropFirst() }
        }
        return out + rest
    }

    /// `text` escaped for element content or a quoted attribute value.
    public static func escape(_ text: String) -> String {
        guard needsEscaping(text) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        appendEscaped(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `text`, escaped as `escape` does, to UTF-8 `bytes` (for writers that build
    /// their output as bytes).
    public static func append(_ text: String, to bytes: inout [UInt8]) {
        if needsEscaping(text) {
            appendEscaped(text, to: &bytes)
        } else {
            let copied: Void? = text.utf8.withContiguousStorageIfAvailable { bytes.append(contentsOf: $0) }
            if copied == nil { bytes.append(contentsOf: text.utf8) }
        }
    }

    /// Whether any scalar might need a reference: a quick scan of lead bytes, so plain text
    /// (most of it) is copied as it is.
    static func needsEscaping(_ text: String) -> Bool {
        for byte in text.utf8 {
            switch byte {
            case 0..<0x20, 0x22, 0x26, 0x27, 0x3C, 0x3E:
                return true
            // Lead bytes of U+0080–U+00BF, U+0300–U+037F, U+2000–U+2FFF and U+F000–U+FFFF.
            case 0xC2, 0xCC, 0xCD, 0xE2, 0xEF:
                return true
            default:
                continue
            }
        }
        return false
    }

    private static func appendEscaped(_ text: String, to bytes: inout [UInt8]) {
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": bytes.append(contentsOf: "&amp;".utf8)
            case "<": bytes.append(contentsOf: "&lt;".utf8)
            case ">": bytes.append(contentsOf: "&gt;".utf8)
            case "\"": bytes.append(contentsOf: "&quot;".utf8)
            case "'": bytes.append(contentsOf: "&#39;".utf8)
            case "\t", "\n", "\r": bytes.append(UInt8(scalar.value))
            default:
                let value = scalar.value
                if value < 0x20 || value == 0xFFFE || value == 0xFFFF {
                    bytes.append(contentsOf: [0xEF, 0xBF, 0xBD])  // U+FFFD
                } else if isInvisible(value) {
                    bytes.append(contentsOf: "&#x\(String(value, radix: 16, uppercase: true));".utf8)
                } else if value < 0x80 {
                    bytes.append(UInt8(value))
                } else {
                    bytes.append(contentsOf: String(scalar).utf8)
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
}
