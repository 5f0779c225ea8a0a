/// Marks runs of Chinese in a page's prose `lang="zh"`, so that browsers pick Chinese glyph
/// forms and fonts (the page itself is `lang="en"`), screen readers switch voice, and CSS can
/// give Chinese a serif face inside serif prose. Text inside tags, and inside `<math>`,
/// `<svg>`, `<pre>`, `<code>`, `<script>`, `<style>` and `<title>`, is left as it is: a
/// `<span>` is not allowed there or would change what the text means.
enum LanguageRuns {
    /// `html` with each maximal run of CJK characters in text content wrapped in
    /// `<span lang="zh">`. Linear in the length; returns the input when it holds no CJK.
    static func markChinese(_ html: String) -> String {
        let bytes = Array(html.utf8)
        // Every CJK scalar's UTF-8 lead byte is E3…E9 or EF.
        guard bytes.contains(where: { ($0 >= 0xE3 && $0 <= 0xE9) || $0 == 0xEF }) else { return html }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 256)
        var i = 0
        var skipUntil: [UInt8]? = nil  // the closing tag of an element whose text is left alone
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b == UInt8(ascii: "<") {
                let end = tagEnd(bytes, from: i)
                let tag = bytes[i..<end]
                if let closing = skipUntil {
                    if startsWith(tag, closing) { skipUntil = nil }
                } else if let name = openedName(tag), let close = Self.leftAlone[name], !(end - i >= 2 && bytes[end - 2] == UInt8(ascii: "/")) {
                    skipUntil = close
                }
                out.append(contentsOf: tag)
                i = end
                continue
            }
            if skipUntil == nil, let length = cjkLength(bytes, at: i) {
                // A run: CJK scalars, and spaces only between two of them.
                var j = i + length
                var runEnd = j
                while j < n {
                    if let l = cjkLength(bytes, at: j) {
                        j += l
                        runEnd = j
                    } else if bytes[j] == UInt8(ascii: " ") {
                        j += 1
                    } else {
                        break
                    }
                }
                out.append(contentsOf: Array(#"<span lang="zh">"#.utf8))
                out.append(contentsOf: bytes[i..<runEnd])
                out.append(contentsOf: Array("</span>".utf8))
                i = runEnd
                continue
            }
            out.append(b)
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Elements whose text is never wrapped, with the closing tag that ends them.
    static let leftAlone: [String: [UInt8]] = Dictionary(uniqueKeysWithValues:
        ["math", "svg", "pre", "code", "script", "style", "title", "textarea"].map { ($0, Array("</\($0)".utf8)) })

    /// The index just past the `>` ending the tag that starts at `start` (attribute values
    /// hold no `>`: the page's writers escape it), or the end of the text.
    static func tagEnd(_ bytes: [UInt8], from start: Int) -> Int {
        var k = start + 1
        while k < bytes.count, bytes[k] != UInt8(ascii: ">") { k += 1 }
        return min(k + 1, bytes.count)
    }

    /// The lowercased name of an opening tag, or nil for closing tags, comments and the like.
    static func openedName(_ tag: ArraySlice<UInt8>) -> String? {
        var k = tag.startIndex + 1
        var name: [UInt8] = []
        while k < tag.endIndex, let c = Optional(tag[k]), (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39) {
            name.append(c | 0x20)
            k += 1
        }
        return name.isEmpty ? nil : String(decoding: name, as: UTF8.self)
    }

    static func startsWith(_ tag: ArraySlice<UInt8>, _ prefix: [UInt8]) -> Bool {
        tag.count >= prefix.count && zip(tag.prefix(prefix.count), prefix).allSatisfy { $0 | 0x20 == $1 | 0x20 }
    }

    /// The byte length of the scalar at `i` if it is a CJK ideograph or CJK punctuation (U+3000
    /// to U+303F, U+3400 to U+4DBF, U+4E00 to U+9FFF, U+F900 to U+FAFF, U+FF00 to U+FFEF), else nil.
    static func cjkLength(_ bytes: [UInt8], at i: Int) -> Int? {
        let b = bytes[i]
        guard (b >= 0xE3 && b <= 0xE9) || b == 0xEF, i + 2 < bytes.count else { return nil }
        let scalar = (UInt32(b & 0x0F) << 12) | (UInt32(bytes[i + 1] & 0x3F) << 6) | UInt32(bytes[i + 2] & 0x3F)
        return isChinese(scalar) ? 3 : nil
    }

    /// Han characters and the punctuation of Chinese text (CJK symbols, fullwidth forms), by code point.
    static func isChinese(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x3000...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFF00...0xFFEF, 0x20000...0x3FFFF: true
        default: false
        }
    }

    /// Chinese prose with its source line breaks between two Chinese characters removed: a
    /// browser shows such a break as a space, which Chinese text does not have (CSS's rule for
    /// dropping it is not implemented by browsers). Breaks next to Latin text, math or markup stay.
    static func joinChineseLines(_ html: String) -> String {
        guard html.contains("\n") else { return html }
        let scalars = Array(html.unicodeScalars)
        var out = String.UnicodeScalarView()
        var inPre = false  // code blocks keep their lines
        for (i, s) in scalars.enumerated() {
            if s == "<" {
                if starts("<pre", scalars, i) { inPre = true } else if starts("</pre>", scalars, i) { inPre = false }
            }
            if s == "\n", !inPre, i > 0, i + 1 < scalars.count, isChinese(scalars[i - 1].value), isChinese(scalars[i + 1].value) { continue }
            out.append(s)
        }
        return String(out)
    }

    private static func starts(_ prefix: String, _ scalars: [Unicode.Scalar], _ i: Int) -> Bool {
        let p = Array(prefix.unicodeScalars)
        return i + p.count <= scalars.count && Array(scalars[i..<(i + p.count)]) == p
    }

}
