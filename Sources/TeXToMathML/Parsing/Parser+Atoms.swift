/// Atoms: characters, letters and numbers in the current alphabet, symbols, groups.
extension Parser {
    /// One atom without scripts; nil for commands that draw nothing (`\label`, `\tag`).
    /// `single` keeps a digit alone, as TeX does for arguments (`\frac12`).
    mutating func parseAtom(single: Bool) throws -> MathNode? {
        let token = next()
        switch token.kind {
        case .character(let scalar):
            return try character(scalar, token: token, single: single)
        case .beginGroup:
            return .row(try parseGroup(openedAt: token.offset))
        case .command(let name):
            return try parseCommand(name, token: token)
        case .caret, .underscore, .alignmentTab, .endGroup, .end:
            throw unexpectedTerminator(token)
        }
    }

    mutating func character(_ scalar: Unicode.Scalar, token: Token, single: Bool) throws -> MathNode {
        let value = scalar.value
        if (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) {
            return letter(scalar)
        }
        if (0x30...0x39).contains(value) {
            var digits = String(Character(scalar))
            if !single, peeked == nil { digits += tokenizer.readNumberContinuation() }
            return number(digits)
        }
        switch scalar {
        case "'": return Self.primes(1)
        case "~": return .space(0.3333)
        case "#", "$", "\\", "%":
            throw error(.unexpectedCharacter(String(Character(scalar))), at: token.offset)
        default: break
        }
        if let symbol = value < 0x80 ? Symbols.asciiTable[Int(value)] : Symbols.characters[scalar] {
            return self.symbol(symbol)
        }
        if value < 0x20 { throw error(.unexpectedCharacter("U+\(String(value, radix: 16, uppercase: true))"), at: token.offset) }
        return letter(scalar)
    }

    /// A letter in the current alphabet.
    func letter(_ scalar: Unicode.Scalar) -> MathNode {
        guard let font else { return .identifier(String(Character(scalar)), upright: false) }
        if let mapped = font.map(scalar) { return .identifier(String(Character(mapped)), upright: false) }
        return .identifier(String(Character(scalar)), upright: font.isUpright)
    }

    /// Digits in the current alphabet (`\mathbf{2}` is 𝟐).
    func number(_ digits: String) -> MathNode {
        guard let font else { return .number(digits) }
        var mapped = ""
        for scalar in digits.unicodeScalars { mapped.unicodeScalars.append(font.map(scalar) ?? scalar) }
        return .number(mapped)
    }

    /// A node for a symbol from the tables, in the current alphabet where it applies.
    func symbol(_ symbol: Symbol) -> MathNode {
        switch symbol.kind {
        case .identifier(let upright):
            if let font, let scalar = symbol.text.unicodeScalars.first, symbol.text.unicodeScalars.count == 1,
               let mapped = font.map(scalar) {
                return .identifier(String(Character(mapped)), upright: false)
            }
            return .identifier(symbol.text, upright: upright)
        case .symbol(let mathClass):
            return .symbol(Operator(symbol.text, mathClass))
        case .largeOperator(let limits):
            var op = Operator(symbol.text, .op)
            op.limits = limits
            return .symbol(op)
        }
    }
}

extension Tokenizer {
    /// After a digit: more digits and a decimal point followed by digits, with no spaces,
    /// so `3.14` is one number.
    mutating func readNumberContinuation() -> String {
        let start = position
        var sawPoint = false
        while position < limit {
            let byte = bytes[position]
            if byte >= 0x30, byte <= 0x39 {
                position += 1
            } else if byte == UInt8(ascii: "."), !sawPoint, position + 1 < limit,
                      bytes[position + 1] >= 0x30, bytes[position + 1] <= 0x39 {
                sawPoint = true
                position += 1
            } else {
                break
            }
        }
        return text(start..<position)
    }
}
