/// Text mode, for `\text{…}` and its kin: spaces kept, TeX's text escapes and ligatures
/// (`--`, ``` `` ```), nested `\textbf{…}`, and math again inside `$…$`.
extension Parser {
    static let textEscapes: [String: String] = [
        "{": "{", "}": "}", "$": "$", "&": "&", "%": "%", "#": "#", "_": "_", " ": " ",
        "textbackslash": "\\", "textasciitilde": "~", "textasciicircum": "^",
        "textbar": "|", "textless": "<", "textgreater": ">", "ldots": "…", "dots": "…",
        "textendash": "–", "textemdash": "—", "S": "§", "P": "¶", "copyright": "©",
        ",": "\u{2009}", ":": "\u{2005}", ";": "\u{2004}", "quad": "\u{2003}",
        "qquad": "\u{2003}\u{2003}", "\\": " ", "-": "", "lq": "‘", "rq": "’", "textquoteleft": "‘",
        "textquoteright": "’", "textquotedblleft": "“", "textquotedblright": "”",
    ]

    /// Parses the raw text in `range` into text nodes (and math nodes for `$…$`).
    mutating func parseText(_ range: Range<Int>, style: TextStyle, at offset: Int) throws -> MathNode {
        try nested(at: offset) { (parser) throws in
            try parser.parseTextContent(range, style: style)
        }
    }

    private mutating func parseTextContent(_ range: Range<Int>, style: TextStyle) throws -> MathNode {
        let bytes = tokenizer.bytes
        var parts: [MathNode] = []
        var buffer: [UInt8] = []
        func flush() {
            if !buffer.isEmpty {
                parts.append(.text(String(decoding: buffer, as: UTF8.self), style))
                buffer.removeAll()
            }
        }
        var index = range.lowerBound
        let end = range.upperBound
        while index < end {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\\"):
                let start = index
                index += 1
                guard index < end else { throw error(.unexpectedCharacter("\\"), at: start) }
                var nameEnd = index
                if Tokenizer.isLetter(bytes[index]) {
                    while nameEnd < end, Tokenizer.isLetter(bytes[nameEnd]) { nameEnd += 1 }
                } else {
                    nameEnd += 1
                    while nameEnd < end, bytes[nameEnd] & 0xC0 == 0x80 { nameEnd += 1 }
                }
                let name = String(decoding: bytes[index..<nameEnd], as: UTF8.self)
                index = nameEnd
                if name == "(" {
                    // `\(…\)`: math inside the text, as `$…$` (LaTeX's other inline delimiter).
                    flush()
                    var close = index
                    while close + 1 < end, !(bytes[close] == UInt8(ascii: "\\") && bytes[close + 1] == UInt8(ascii: ")")) {
                        close += bytes[close] == UInt8(ascii: "\\") ? 2 : 1
                    }
                    guard close + 1 < end else { throw error(.unexpectedCharacter("\\("), at: start) }
                    parts.append(try parseSubformula(index..<close, at: start))
                    index = close + 2
                } else if let replacement = Self.textEscapes[name] {
                    buffer += Array(replacement.utf8)
                    if Tokenizer.isLetter(bytes[start + 1]) {
                        while index < end, bytes[index] == 0x20 { index += 1 }  // TeX eats the space after a control word
                    }
                } else if let innerStyle = Self.textCommands[name] {
                    flush()
                    var inner = Tokenizer(bytes: bytes, range: index..<end)
                    guard inner.consumeIfNext(UInt8(ascii: "{")), let innerRange = inner.readBalanced() else {
                        throw error(.missingOpenBrace(command: "\\" + name), at: start)
                    }
                    index = inner.position
                    parts.append(try parseText(innerRange, style: Self.combine(style, innerStyle), at: start))
                } else {
                    throw error(.unknownCommand(name), at: start)
                }
            case UInt8(ascii: "$"):
                flush()
                let start = index
                index += 1
                // The closing `$` is the next one outside braces: `\text{$\text{$x$}$}` nests.
                var close = index
                var depth = 0
                while close < end, bytes[close] != UInt8(ascii: "$") || depth > 0 {
                    if bytes[close] == UInt8(ascii: "{") { depth += 1 }
                    if bytes[close] == UInt8(ascii: "}") { depth -= 1 }
                    close += bytes[close] == UInt8(ascii: "\\") ? 2 : 1
                }
                guard close < end else { throw error(.unexpectedCharacter("$"), at: start) }
                parts.append(try parseSubformula(index..<close, at: start))
                index = close + 1
            case UInt8(ascii: "{"), UInt8(ascii: "}"):
                index += 1
            case UInt8(ascii: "~"):
                buffer += Array("\u{00A0}".utf8)
                index += 1
            case 0x20, 0x09, 0x0A, 0x0D:
                if buffer.last != 0x20 { buffer.append(0x20) }
                index += 1
            case UInt8(ascii: "-"):
                if index + 2 < end, bytes[index + 1] == UInt8(ascii: "-"), bytes[index + 2] == UInt8(ascii: "-") {
                    buffer += Array("—".utf8)
                    index += 3
                } else if index + 1 < end, bytes[index + 1] == UInt8(ascii: "-") {
                    buffer += Array("–".utf8)
                    index += 2
                } else {
                    buffer.append(byte)
                    index += 1
                }
            case UInt8(ascii: "`"), UInt8(ascii: "'"):
                let doubled = index + 1 < end && bytes[index + 1] == byte
                let quote = byte == UInt8(ascii: "`") ? (doubled ? "“" : "‘") : (doubled ? "”" : "’")
                buffer += Array(quote.utf8)
                index += doubled ? 2 : 1
            default:
                buffer.append(byte)
                index += 1
            }
        }
        flush()
        if parts.isEmpty { return .text("", style) }
        return parts.count == 1 ? parts[0] : .row(parts)
    }

    /// `\textbf{\textit{…}}` is bold italic.
    static func combine(_ outer: TextStyle, _ inner: TextStyle) -> TextStyle {
        switch (outer, inner) {
        case (.bold, .italic), (.italic, .bold): return .boldItalic
        case (_, .normal): return outer
        default: return inner
        }
    }
}
