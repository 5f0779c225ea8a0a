/// Commands that take arguments or change how what follows is drawn, registered by name.
/// Plain symbols come from the tables in `Symbols+*.swift`.
extension Parser {
    /// A command that applies to the rest of its group: `\displaystyle`, `\color{red}`, `\bf`.
    struct Switch {
        var style: MathStyle?
        var color: String?
        /// Set for font switches; the inner optional is the font (nil for `\mathnormal`-like).
        var font: FontChoice?

        struct FontChoice { var font: MathFont? }

        func wrap(_ nodes: [MathNode]) -> MathNode {
            if style == nil, color == nil { return .row(nodes) }
            return .styled(.row(nodes), StyleChange(style: style, color: color))
        }
    }

    static let styleSwitches: [String: MathStyle] = [
        "displaystyle": .display, "textstyle": .text, "scriptstyle": .script,
        "scriptscriptstyle": .scriptScript,
    ]

    static let fontSwitches: [String: MathFont] = [
        "rm": .roman, "bf": .bold, "it": .italic, "cal": .script, "sf": .sansSerif, "tt": .monospace,
    ]

    /// Font commands taking one argument: `\mathbf{x}` …
    static let fontCommands: [String: MathFont] = [
        "mathrm": .roman, "mathup": .roman, "mathbf": .bold, "mathit": .italic,
        "mathbfit": .boldItalic, "boldsymbol": .boldSymbol, "bm": .boldSymbol, "pmb": .boldSymbol,
        "mathcal": .script, "mathscr": .script, "mathbfcal": .boldScript, "mathfrak": .fraktur,
        "mathbb": .doubleStruck, "mathsf": .sansSerif, "mathbfsf": .sansSerifBold,
        "mathsfit": .sansSerifItalic, "mathtt": .monospace,
    ]

    /// Text commands and the style of their text.
    static let textCommands: [String: TextStyle] = [
        "text": .normal, "textrm": .normal, "textnormal": .normal, "textup": .normal,
        "mbox": .normal, "hbox": .normal, "textbf": .bold, "textit": .italic, "emph": .italic,
        "textsf": .sansSerif, "texttt": .monospace,
    ]

    /// `\big(` and friends: the delimiter's height.
    static let bigSizes: [String: String] = [
        "big": "1.2em", "Big": "1.623em", "bigg": "2.047em", "Bigg": "2.470em",
    ]

    /// Reads a switch (`\displaystyle`, `\bf`, `\color{red}`) and says what it changes.
    mutating func parseSwitch(_ token: Token) throws -> Switch {
        next()
        switch token.entry {
        case .styleSwitch(let style)?: return Switch(style: style)
        case .fontSwitch(let font)?: return Switch(font: Switch.FontChoice(font: font))
        default: return Switch(color: try readColor(command: "\\color", at: token.offset))
        }
    }

    /// Parses a command (its backslash token already read); nil if it draws nothing.
    /// Symbols come from the tables; everything else is dispatched by name to one small
    /// function per family, which keeps each stack frame of the recursion small.
    mutating func parseCommand(_ name: String, token: Token) throws -> MathNode? {
        switch token.entry {
        case .symbol(let symbol)?: return self.symbol(symbol)
        case .space(let width)?: return .space(width)
        case .function(let name, let limits)?: return functionNode(name, limits: limits)
        case .family(let family)?: return try parseControlCommand(name, family: family, token: token)
        case nil: throw error(.unknownCommand(name), at: token.offset)
        case .limits?: throw error(.misplacedLimits, at: token.offset)
        case .styleSwitch?, .fontSwitch?, .colorSwitch?:
            // A switch where one argument is expected (x^\displaystyle): nothing to apply to.
            throw error(.missingArgument(command: "\\" + name), at: token.offset)
        case .rowTerminator?, .infixFraction?:
            throw unexpectedTerminator(token)
        }
    }

    /// Commands that are not plain symbols, by family.
    enum Family {
        case accent, font, text, bigDelimiter, fraction, squareRoot, left, begin, rule, stack
        case textColor, not, tag, label, noNumber, explicitSpace, phantom, mathStrut, boxed, strike
        case ensureMath, classed, operatorName, extensibleArrow, substack, binaryMod, mod, dots
    }

    static let families: [String: Family] = {
        var table: [String: Family] = [:]
        for name in Symbols.accents.keys { table[name] = .accent }
        for name in fontCommands.keys { table[name] = .font }
        for name in textCommands.keys { table[name] = .text }
        for size in bigSizes.keys {
            for suffix in ["", "l", "r", "m"] { table[size + suffix] = .bigDelimiter }
        }
        let named: [Family: [String]] = [
            .fraction: ["frac", "dfrac", "tfrac", "cfrac", "binom", "dbinom", "tbinom", "genfrac"],
            .squareRoot: ["sqrt"], .left: ["left"], .begin: ["begin"], .rule: ["overline", "underline", "underbar"],
            .stack: ["overset", "stackrel", "underset"], .textColor: ["textcolor"], .not: ["not"],
            .tag: ["tag"], .label: ["label"], .noNumber: ["nonumber", "notag"],
            .explicitSpace: ["hspace", "kern", "mkern", "mskip", "hskip", "mspace"],
            .phantom: ["phantom", "hphantom", "vphantom"], .mathStrut: ["mathstrut"], .boxed: ["boxed"],
            .strike: ["cancel", "bcancel", "xcancel", "sout"],
            .ensureMath: ["ensuremath"],
            .classed: ["mathord", "mathop", "mathbin", "mathrel", "mathopen", "mathclose", "mathpunct", "mathinner"],
            .operatorName: ["operatorname"],
            .extensibleArrow: ["xrightarrow", "xleftarrow", "xleftrightarrow", "xRightarrow", "xLeftarrow",
                               "xLeftrightarrow", "xmapsto", "xhookrightarrow", "xhookleftarrow",
                               "xrightleftharpoons", "xleftrightharpoons", "xrightharpoonup", "xrightharpoondown",
                               "xleftharpoonup", "xleftharpoondown", "xlongequal", "xtwoheadrightarrow", "xtwoheadleftarrow"],
            .substack: ["substack"], .binaryMod: ["bmod"], .mod: ["pmod", "mod"], .dots: ["dots"],
        ]
        for (family, names) in named {
            for name in names {
                // Each name belongs to one family; a clash would make the winner depend on
                // dictionary order, so it is a programming error caught by the tests.
                assert(table[name] == nil, "\\\(name) registered twice")
                table[name] = family
            }
        }
        return table
    }()

    mutating func parseControlCommand(_ name: String, family: Family, token: Token) throws -> MathNode? {
        let offset = token.offset
        switch family {
        case .accent: return try parseAccent(name, at: offset)
        case .font: return try parseFontArgument(name, at: offset)
        case .text: return try parseTextArgument(name, at: offset)
        case .bigDelimiter: return try parseBigDelimiter(name, at: offset)
        case .fraction: return try parseFraction(name, at: offset)
        case .squareRoot: return try parseSquareRoot(at: offset)
        case .left: return try parseLeftRight(token)
        case .begin: return try parseEnvironment(token)
        case .rule: return try parseRule(name, at: offset)
        case .stack: return try parseStack(name, at: offset)
        case .textColor: return try parseTextColor(at: offset)
        case .not: return try parseNot(at: offset)
        case .tag: return try parseTag(at: offset)
        case .label: return try parseLabel(at: offset)
        case .noNumber: return nil
        case .explicitSpace: return try parseExplicitSpace(command: "\\" + name, at: offset)
        case .phantom: return try parsePhantom(name, at: offset)
        case .mathStrut: return .phantom(.symbol(Operator("(", .open)), .vertical)
        case .boxed: return try parseBoxed(at: offset)
        case .strike:
            let strike: Strike = name == "cancel" ? .up : name == "bcancel" ? .down : name == "xcancel" ? .cross : .horizontal
            return .struck(try parseArgument(for: "\\" + name, at: offset), strike)
        case .ensureMath: return try parseArgument(for: "\\ensuremath", at: offset)
        case .classed: return try parseClassed(name, at: offset)
        case .operatorName: return try parseOperatorName(at: offset)
        case .extensibleArrow: return try parseExtensibleArrow(name, at: offset)
        case .substack: return try parseSubstack(at: offset)
        case .binaryMod: return Self.binaryMod
        case .mod: return try parseMod(name, at: offset)
        case .dots: return .identifier(nextIsOperator() ? "⋯" : "…", upright: true)
        }
    }

    @inline(never)
    mutating func parseAccent(_ name: String, at offset: Int) throws -> MathNode {
        let base = try parseArgument(for: "\\" + name, at: offset)
        return .accent(base: base, mark: Symbols.accents[name] ?? Accent(mark: "^", stretchy: false))
    }

    @inline(never)
    mutating func parseTextArgument(_ name: String, at offset: Int) throws -> MathNode {
        let range = try readRawArgument(command: "\\" + name, at: offset)
        return try parseText(range, style: Self.textCommands[name] ?? .normal, at: offset)
    }

    @inline(never)
    mutating func parseRule(_ name: String, at offset: Int) throws -> MathNode {
        .rule(try parseArgument(for: "\\" + name, at: offset), over: name == "overline")
    }

    /// `\overset{over}{base}`, `\stackrel{over}{base}`, `\underset{under}{base}`.
    @inline(never)
    mutating func parseStack(_ name: String, at offset: Int) throws -> MathNode {
        let script = try parseArgument(for: "\\" + name, at: offset)
        let base = Self.unbraced(try parseArgument(for: "\\" + name, at: offset))
        if name == "underset" { return .overUnder(base: base, over: nil, under: script) }
        return .overUnder(base: base, over: script, under: nil)
    }

    @inline(never)
    mutating func parseTextColor(at offset: Int) throws -> MathNode {
        let color = try readColor(command: "\\textcolor", at: offset)
        return .styled(try parseArgument(for: "\\textcolor", at: offset), StyleChange(color: color))
    }

    @inline(never)
    mutating func parseLabel(at offset: Int) throws -> MathNode? {
        _ = try readBracedText(command: "\\label", at: offset)
        return nil
    }

    @inline(never)
    mutating func parsePhantom(_ name: String, at offset: Int) throws -> MathNode {
        let kind: PhantomKind = name == "hphantom" ? .horizontal : name == "vphantom" ? .vertical : .full
        return .phantom(try parseArgument(for: "\\" + name, at: offset), kind)
    }

    @inline(never)
    mutating func parseBoxed(at offset: Int) throws -> MathNode {
        .boxed(try parseArgument(for: "\\boxed", at: offset))
    }

    static let binaryMod: MathNode = {
        var op = Operator("mod", .bin)
        op.isTextual = true
        return .symbol(op)
    }()

    /// `\pmod{n}` is `(mod n)` after a space; `\mod{n}` is `mod n`.
    @inline(never)
    mutating func parseMod(_ name: String, at offset: Int) throws -> MathNode {
        let argument = try parseArgument(for: "\\" + name, at: offset)
        // amsmath: 18mu before in display style, 8mu (\pmod) or 12mu (\mod) in text.
        var parts: [MathNode] = [.space(display ? 1 : name == "pmod" ? 0.4444 : 0.6667)]
        if name == "pmod" { parts.append(.symbol(Operator("(", .open))) }
        parts += [.identifier("mod", upright: true), .space(0.3333), argument]
        if name == "pmod" { parts.append(.symbol(Operator(")", .close))) }
        return .row(parts)
    }

    /// A macro argument without its braces: `\overset{a}{=}` stacks over the relation `=`,
    /// not over an ordinary group, as amsmath's `\binrel@` does.
    static func unbraced(_ node: MathNode) -> MathNode {
        if case .row(let nodes) = node, nodes.count == 1 { return nodes[0] }
        return node
    }

    func functionNode(_ name: String, limits: Bool) -> MathNode {
        guard limits else { return .function(name) }
        var op = Operator(name, .op)
        op.limits = .displayOnly
        op.isTextual = true
        return .symbol(op)
    }

    /// `\big`, `\Bigl`, `\biggm` …: the delimiter's height and class (`l` opens, `r`
    /// closes, `m` is a relation, none is ordinary).
    static func bigDelimiter(_ name: String) -> (size: String, mathClass: MathClass)? {
        if let size = bigSizes[name] { return (size, .ord) }
        guard let last = name.last, let size = bigSizes[String(name.dropLast())] else { return nil }
        switch last {
        case "l": return (size, .open)
        case "r": return (size, .close)
        case "m": return (size, .rel)
        default: return nil
        }
    }

    /// True when the next token is a binary operator or relation (for `\dots`).
    mutating func nextIsOperator() -> Bool {
        let symbol: Symbol?
        let token = peek()
        switch token.kind {
        case .command:
            if case .symbol(let entry)? = token.entry { symbol = entry } else { symbol = nil }
        case .character(let scalar): symbol = Symbols.characters[scalar]
        default: symbol = nil
        }
        if case .symbol(let mathClass)? = symbol?.kind { return mathClass == .bin || mathClass == .rel }
        return false
    }
}
