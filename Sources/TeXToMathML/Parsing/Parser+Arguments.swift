/// Arguments read as raw source: braced text (`\begin{name}`, `\tag{…}`, colors, lengths),
/// optional `[…]` arguments parsed as math, and the commands built on them.
extension Parser {
    mutating func parseNot(at offset: Int) throws -> MathNode {
        let token = peek()
        var target: Symbol?
        switch token.kind {
        case .command(let name): target = Symbols.commands[name]
        case .character(let scalar):
            target = Symbols.characters[scalar]
            if target == nil, scalar.properties.isAlphabetic {
                next()
                return .identifier(String(Character(scalar)) + "\u{0338}", upright: false)
            }
        default: target = nil
        }
        guard let target else { throw error(.missingArgument(command: "\\not"), at: offset) }
        next()
        let negated = Symbols.negations[target.text] ?? target.text + "\u{0338}"
        return symbol(Symbol(text: negated, kind: target.kind))
    }

    mutating func parseTag(at offset: Int) throws -> MathNode? {
        let starred = consumeStar()
        let text = try readBracedText(command: "\\tag", at: offset)
        guard display else { throw error(.tagInInlineMath, at: offset) }
        guard depth == tagDepth else { throw error(.misplacedTag, at: offset) }
        guard pendingTag == nil else { throw error(.duplicateTag, at: offset) }
        pendingTag = EquationTag(text: text, isStarred: starred)
        return nil
    }

    mutating func parseExplicitSpace(command: String, at offset: Int) throws -> MathNode {
        _ = consumeStar()
        unpeek()
        let text: String
        if tokenizer.consumeIfNext(UInt8(ascii: "{")) {
            guard let range = tokenizer.readBalanced() else { throw error(.unclosedArgument(command: command), at: offset) }
            text = tokenizer.text(range)
        } else {
            text = tokenizer.readBareLength()
        }
        guard let width = Self.length(text) else {
            throw error(.invalidArgument(command: command, argument: text), at: offset)
        }
        return .space(width)
    }

    /// A TeX length such as `1.5em`, `-3mu`, `2pt`, in em.
    static func length(_ text: String) -> Double? {
        var scalars = Substring(text.filter { $0 != " " })
        var sign = 1.0
        if scalars.first == "-" { sign = -1; scalars = scalars.dropFirst() }
        else if scalars.first == "+" { scalars = scalars.dropFirst() }
        let number = scalars.prefix { $0.isNumber || $0 == "." }
        let unit = scalars.dropFirst(number.count)
        guard !number.isEmpty, let value = Double(number), let scale = Symbols.lengthUnits[String(unit)] else {
            return nil
        }
        return sign * value * scale
    }

    mutating func readColor(command: String, at offset: Int) throws -> String {
        let name = try readBracedText(command: command, at: offset)
        let bytes = Array(name.utf8)
        let isName = !bytes.isEmpty && bytes.allSatisfy(Tokenizer.isLetter)
        let isHex = bytes.first == UInt8(ascii: "#") && (bytes.count == 4 || bytes.count == 7)
            && bytes.dropFirst().allSatisfy { Character(Unicode.Scalar($0)).isHexDigit }
        guard isName || isHex else { throw error(.invalidArgument(command: command, argument: name), at: offset) }
        return name
    }

    mutating func parseExtensibleArrow(_ name: String, at offset: Int) throws -> MathNode {
        let arrows: [String: String] = [
            "xrightarrow": "→", "xleftarrow": "←", "xleftrightarrow": "↔", "xRightarrow": "⇒",
            "xLeftarrow": "⇐", "xLeftrightarrow": "⇔", "xmapsto": "↦", "xhookrightarrow": "↪",
            "xhookleftarrow": "↩", "xrightleftharpoons": "⇌", "xleftrightharpoons": "⇋",
            "xrightharpoonup": "⇀", "xrightharpoondown": "⇁", "xleftharpoonup": "↼", "xleftharpoondown": "↽",
            "xlongequal": "=", "xtwoheadrightarrow": "↠", "xtwoheadleftarrow": "↞",
        ]
        let under = try parseOptionalArgument(command: "\\" + name, at: offset)
        let over = try parseArgument(for: "\\" + name, at: offset)
        var arrow = Operator(arrows[name] ?? "→", .rel)
        arrow.stretchy = true
        func padded(_ node: MathNode?) -> MathNode? {
            guard let node else { return nil }
            return .row([.space(0.2778), node, .space(0.2778)])
        }
        return .overUnder(base: .symbol(arrow), over: padded(over), under: padded(under))
    }

    mutating func consumeStar() -> Bool {
        unpeek()
        return tokenizer.consumeIfNext(UInt8(ascii: "*"))
    }

    /// The raw content of a braced argument (`\text{…}`), or of a single token (`\text x`).
    mutating func readRawArgument(command: String, at offset: Int) throws -> Range<Int> {
        unpeek()
        if tokenizer.consumeIfNext(UInt8(ascii: "{")) {
            guard let range = tokenizer.readBalanced() else { throw error(.unclosedArgument(command: command), at: offset) }
            return range
        }
        let token = tokenizer.next()
        switch token.kind {
        case .character, .command: return token.offset..<tokenizer.position
        default: throw error(.missingArgument(command: command), at: offset)
        }
    }

    /// The text of a required braced argument (`\begin{name}`, `\color{red}`), trimmed.
    mutating func readBracedText(command: String, at offset: Int) throws -> String {
        unpeek()
        guard tokenizer.consumeIfNext(UInt8(ascii: "{")) else { throw error(.missingOpenBrace(command: command), at: offset) }
        guard let range = tokenizer.readBalanced() else { throw error(.unclosedArgument(command: command), at: offset) }
        return Self.trimmed(tokenizer.text(range))
    }

    static func trimmed(_ text: String) -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }
        var slice = Substring(text)
        while let first = slice.first, isSpace(first) { slice = slice.dropFirst() }
        while let last = slice.last, isSpace(last) { slice = slice.dropLast() }
        return String(slice)
    }

    /// An optional `[…]` argument parsed as math (`\sqrt[3]`, `\xrightarrow[below]`).
    mutating func parseOptionalArgument(command: String, at offset: Int) throws -> MathNode? {
        unpeek()
        guard tokenizer.consumeIfNext(UInt8(ascii: "[")) else { return nil }
        guard let range = tokenizer.readUntil(UInt8(ascii: "]")) else {
            throw error(.unclosedArgument(command: command), at: offset)
        }
        return try parseSubformula(range, at: range.lowerBound)
    }

    mutating func skipOptionalArgument() throws {
        unpeek()
        if tokenizer.consumeIfNext(UInt8(ascii: "[")) {
            _ = tokenizer.readUntil(UInt8(ascii: "]"))
        }
    }

    /// Parses a slice of the source as a complete row of math (an optional argument, or
    /// `$…$` inside `\text`), one level deeper.
    mutating func parseSubformula(_ range: Range<Int>, at offset: Int) throws -> MathNode {
        try nested(at: offset) { (parser) throws in
            var inner = Parser(source: parser.source, bytes: parser.tokenizer.bytes, range: range,
                               display: parser.display, maximumDepth: parser.maximumDepth,
                               depth: parser.depth, font: parser.font)
            let nodes = try inner.parseRow()
            let token = inner.peek()
            guard case .end = token.kind else { throw inner.unexpectedTerminator(token) }
            return .row(nodes)
        }
    }
}

extension Tokenizer {
    /// A length written without braces after `\kern`: sign, number, optional spaces, unit.
    mutating func readBareLength() -> String {
        skipSpaceAndComments()
        let start = position
        while position < limit {
            let byte = bytes[position]
            let isNumberPart = (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: ".")
                || ((byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")) && position == start)
            guard isNumberPart else { break }
            position += 1
        }
        var unitStart = position
        while unitStart < limit, bytes[unitStart] == 0x20 { unitStart += 1 }
        if unitStart + 2 <= limit, Tokenizer.isLetter(bytes[unitStart]), Tokenizer.isLetter(bytes[unitStart + 1]) {
            position = unitStart + 2
        }
        return text(start..<position)
    }
}
