/// `\left … \middle … \right` and `\big(`: delimiters that stretch or have a set size.
extension Parser {
    /// Parses from after `\left` to the matching `\right`'s delimiter.
    @inline(never)
    mutating func parseLeftRight(_ left: Token) throws -> MathNode {
        let open = try parseDelimiter(command: "\\left", at: left.offset)
        return try nested(at: left.offset) { (parser) throws in
            var body: [MathNode] = []
            while true {
                body += try parser.parseRow()
                let token = parser.peek()
                switch token.kind {
                case .command("middle"):
                    parser.next()
                    if let text = try parser.parseDelimiter(command: "\\middle", at: token.offset) {
                        var op = Operator(text, .rel)
                        op.stretchy = true
                        op.fence = .middle
                        body.append(.symbol(op))
                    }
                case .command("right"):
                    parser.next()
                    let close = try parser.parseDelimiter(command: "\\right", at: token.offset)
                    return .fenced(open: open, close: close, body: body)
                case .end:
                    throw parser.error(.leftWithoutRight, at: left.offset)
                case .endGroup, .alignmentTab, .command:
                    // `}`, `&`, `\\` or `\end` before `\right`: the \left is what is unmatched.
                    throw parser.error(.leftWithoutRight, at: left.offset)
                default:
                    throw parser.unexpectedTerminator(token)
                }
            }
        }
    }

    /// The delimiter after `\left`, `\right`, `\middle` or `\big`; nil for `.` (none).
    mutating func parseDelimiter(command: String, at offset: Int) throws -> String? {
        let token = next()
        switch token.kind {
        case .character("."): return nil
        case .character("<"): return "⟨"
        case .character(">"): return "⟩"
        case .character(let scalar):
            if let symbol = Symbols.characters[scalar], Self.isDelimiter(symbol) { return symbol.text }
        case .command(let name):
            if let symbol = Symbols.commands[name], Self.isDelimiter(symbol) { return symbol.text }
        default:
            break
        }
        throw error(.invalidDelimiter(command: command, found: token.spelling), at: token.kind == .end ? offset : token.offset)
    }

    static func isDelimiter(_ symbol: Symbol) -> Bool {
        switch symbol.kind {
        case .symbol(.open), .symbol(.close): return true
        case .symbol(.ord): return ["|", "‖", "/", "\\"].contains(symbol.text)
        case .symbol(.rel): return ["↑", "↓", "↕", "⇑", "⇓", "⇕"].contains(symbol.text)
        default: return false
        }
    }

    @inline(never)
    mutating func parseBigDelimiter(_ name: String, at offset: Int) throws -> MathNode {
        guard let (size, mathClass) = Self.bigDelimiter(name),
              let text = try parseDelimiter(command: "\\" + name, at: offset) else { return .row([]) }
        var op = Operator(text, mathClass)
        op.stretchy = true
        op.size = size
        return .symbol(op)
    }
}
