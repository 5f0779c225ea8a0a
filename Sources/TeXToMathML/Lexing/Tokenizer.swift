/// Splits TeX math source into tokens, skipping spaces and `%` comments (math mode).
///
/// Works on the UTF-8 bytes of the source between `position` and `limit`, so a nested
/// parser (math inside `\text{…$…$…}`) can tokenize a slice with offsets still relative
/// to the whole formula. Raw reads (`\text`, `\begin{name}`, lengths) bypass tokenizing.
struct Tokenizer: Sendable {
    let bytes: [UInt8]
    var position: Int
    let limit: Int

    init(bytes: [UInt8], range: Range<Int>) {
        self.bytes = bytes
        self.position = range.lowerBound
        self.limit = range.upperBound
    }

    /// Moves back to an earlier offset (used to re-read a peeked token raw).
    mutating func rewind(to offset: Int) {
        position = offset
    }

    /// The next token; `.end` at the limit.
    mutating func next() -> Token {
        skipSpaceAndComments()
        guard position < limit else { return Token(kind: .end, offset: limit) }
        let start = position
        let byte = bytes[position]
        switch byte {
        case UInt8(ascii: "\\"): return command(startingAt: start)
        case UInt8(ascii: "{"): position += 1; return Token(kind: .beginGroup, offset: start)
        case UInt8(ascii: "}"): position += 1; return Token(kind: .endGroup, offset: start)
        case UInt8(ascii: "^"): position += 1; return Token(kind: .caret, offset: start)
        case UInt8(ascii: "_"): position += 1; return Token(kind: .underscore, offset: start)
        case UInt8(ascii: "&"): position += 1; return Token(kind: .alignmentTab, offset: start)
        default: return Token(kind: .character(decodeScalar()), offset: start)
        }
    }

    private mutating func command(startingAt start: Int) -> Token {
        position += 1  // the backslash
        guard position < limit else {
            // A lone trailing backslash is reported by the parser as an unexpected character.
            return Token(kind: .character("\\"), offset: start)
        }
        if Self.isLetter(bytes[position]) {
            let nameStart = position
            while position < limit, Self.isLetter(bytes[position]) { position += 1 }
            let name = String(decoding: bytes[nameStart..<position], as: UTF8.self)
            return Token(kind: .command(name), offset: start, entry: CommandTable.entries[name])
        }
        let name = String(Character(decodeScalar()))
        return Token(kind: .command(name), offset: start, entry: CommandTable.entries[name])
    }

    /// Skips spaces, tabs, newlines and `%` comments.
    mutating func skipSpaceAndComments() {
        while position < limit {
            let byte = bytes[position]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                position += 1
            } else if byte == UInt8(ascii: "%") {
                while position < limit, bytes[position] != 0x0A { position += 1 }
            } else {
                return
            }
        }
    }

    /// Decodes one Unicode scalar at `position` (the source came from a `String`, so it is
    /// valid UTF-8) and advances past it.
    private mutating func decodeScalar() -> Unicode.Scalar {
        let lead = bytes[position]
        var value: UInt32
        var count: Int
        switch lead {
        case 0..<0x80: value = UInt32(lead); count = 1
        case 0xC0..<0xE0: value = UInt32(lead & 0x1F); count = 2
        case 0xE0..<0xF0: value = UInt32(lead & 0x0F); count = 3
        default: value = UInt32(lead & 0x07); count = 4
        }
        for index in 1..<max(count, 1) where position + index < limit {
            value = (value << 6) | UInt32(bytes[position + index] & 0x3F)
        }
        position = min(position + count, limit)
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    // MARK: Raw reads

    /// If the next non-space byte is `char`, consumes it and returns true.
    mutating func consumeIfNext(_ char: UInt8) -> Bool {
        skipSpaceAndComments()
        if position < limit, bytes[position] == char {
            position += 1
            return true
        }
        return false
    }

    /// Reads a brace-balanced group's content raw, after the opening `{` was consumed.
    /// Returns the content's byte range, or nil if the group never closes. `\{` and `\}`
    /// do not count as braces.
    mutating func readBalanced() -> Range<Int>? {
        let start = position
        var depth = 1
        while position < limit {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\\") {
                position += 2
                continue
            }
            if byte == UInt8(ascii: "{") { depth += 1 }
            if byte == UInt8(ascii: "}") {
                depth -= 1
                if depth == 0 {
                    position += 1
                    return start..<(position - 1)
                }
            }
            position += 1
        }
        position = limit
        return nil
    }

    /// Reads up to (not including) the byte `terminator` at brace depth zero, consuming the
    /// terminator; nil if it never comes. Used for optional arguments `[…]`.
    mutating func readUntil(_ terminator: UInt8) -> Range<Int>? {
        let start = position
        var depth = 0
        while position < limit {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\\") {
                position += 2
                continue
            }
            if byte == UInt8(ascii: "{") { depth += 1 }
            if byte == UInt8(ascii: "}") { depth -= 1 }
            if byte == terminator, depth == 0 {
                position += 1
                return start..<(position - 1)
            }
            position += 1
        }
        position = limit
        return nil
    }

    /// The source text of a byte range.
    func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range.clamped(to: 0..<bytes.count)], as: UTF8.self)
    }
}
