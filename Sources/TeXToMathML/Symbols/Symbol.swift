/// What a symbol command (`\alpha`, `\le`) or a character stands for: its text and how
/// it is drawn. The tables of symbols live in `Symbols+*.swift`, apart from logic.
struct Symbol: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// `<mi>`: a letter-like ordinary symbol. Upright ones get `mathvariant="normal"`
        /// (capital Greek, ∇), as TeX sets them upright.
        case identifier(upright: Bool)
        /// `<mo>` of a TeX class: bin, rel, open, close, punct, or ord for `|`, `/`.
        case symbol(MathClass)
        /// A big operator (`∑`, `∫`) and where its limits go by default.
        case largeOperator(LimitsPlacement)
    }

    var text: String
    var kind: Kind

    static func mi(_ text: String) -> Symbol { Symbol(text: text, kind: .identifier(upright: false)) }
    static func upright(_ text: String) -> Symbol { Symbol(text: text, kind: .identifier(upright: true)) }
    static func bin(_ text: String) -> Symbol { Symbol(text: text, kind: .symbol(.bin)) }
    static func rel(_ text: String) -> Symbol { Symbol(text: text, kind: .symbol(.rel)) }
    static func open(_ text: String) -> Symbol { Symbol(text: text, kind: .symbol(.open)) }
    static func close(_ text: String) -> Symbol { Symbol(text: text, kind: .symbol(.close)) }
    static func punct(_ text: String) -> Symbol { Symbol(text: text, kind: .symbol(.punct)) }
    static func ordOperator(_ text: String) -> Symbol { Symbol(text: text, kind: .symbol(.ord)) }
    static func large(_ text: String, _ limits: LimitsPlacement) -> Symbol {
        Symbol(text: text, kind: .largeOperator(limits))
    }
}

/// Every symbol command, by name without the backslash.
enum Symbols {
    static let commands: [String: Symbol] = {
        var table: [String: Symbol] = [:]
        for part in [greek, ordinary, binaryOperators, relations, arrows, delimiters, bigOperators] {
            table.merge(part) { first, _ in first }
        }
        return table
    }()

    /// Characters typed directly (ASCII and Unicode), by scalar: what `+`, `<`, `(` or a
    /// pasted `≤` stand for. Letters and digits are handled by the parser.
    static let characters: [Unicode.Scalar: Symbol] = {
        var table: [Unicode.Scalar: Symbol] = asciiCharacters
        // A Unicode symbol typed directly means what its command or ASCII form means
        // (`≤` is `\le`, `−` is `-`); `·` is taken as `\cdot`.
        table["·"] = .bin("·")
        // Sorted, so that a character several commands share (‖ is \Vert, \lVert, \rVert)
        // always means the same one: dictionary order changes from run to run.
        let sources = asciiCharacters.keys.sorted().compactMap { asciiCharacters[$0] }
            + commands.keys.sorted().compactMap { commands[$0] }
        for symbol in sources {
            let scalars = symbol.text.unicodeScalars
            if scalars.count == 1, let scalar = scalars.first, scalar.value > 0x7F, table[scalar] == nil {
                table[scalar] = symbol
            }
        }
        return table
    }()

    /// `asciiCharacters` indexed by code point, for the parser's hot path.
    static let asciiTable: [Symbol?] = (0..<128).map { asciiCharacters[Unicode.Scalar(UInt8($0))] }

    /// ASCII characters other than letters and digits, as TeX's math codes set them.
    static let asciiCharacters: [Unicode.Scalar: Symbol] = [
        "+": .bin("+"), "-": .bin("\u{2212}"), "*": .bin("\u{2217}"),
        "=": .rel("="), "<": .rel("<"), ">": .rel(">"), ":": .rel(":"),
        ",": .punct(","), ";": .punct(";"),
        "(": .open("("), "[": .open("["), ")": .close(")"), "]": .close("]"),
        "!": .close("!"), "?": .close("?"),
        "|": .ordOperator("|"), "/": .ordOperator("/"), ".": .ordOperator("."),
        "\"": .ordOperator("\""), "`": .ordOperator("`"), "@": .mi("@"),
    ]
}
