/// Parses TeX math into a `MathNode` tree: rows of atoms, each atom with its scripts.
///
/// The parser is recursive descent over tokens; every nested construct goes through
/// `nested`, which enforces `maximumDepth` so that `{{{{…` cannot overflow the stack.
struct Parser {
    let source: String
    var tokenizer: Tokenizer
    var peeked: Token?
    let display: Bool
    let maximumDepth: Int
    var depth: Int
    /// The math alphabet set by `\mathbf{…}` and friends while their argument is parsed.
    var font: MathFont?
    /// Depth at which `\tag` may appear (the top level of display math, or an `align` row).
    var tagDepth: Int?
    /// The `\tag` found at `tagDepth`, taken by whoever set `tagDepth`.
    var pendingTag: EquationTag?

    init(source: String, bytes: [UInt8], range: Range<Int>, display: Bool, maximumDepth: Int,
         depth: Int = 0, font: MathFont? = nil) {
        self.source = source
        self.tokenizer = Tokenizer(bytes: bytes, range: range)
        self.display = display
        self.maximumDepth = maximumDepth
        self.depth = depth
        self.font = font
    }

    // MARK: Tokens

    mutating func peek() -> Token {
        if let peeked { return peeked }
        let token = tokenizer.next()
        peeked = token
        return token
    }

    @discardableResult
    mutating func next() -> Token {
        if let token = peeked {
            peeked = nil
            return token
        }
        return tokenizer.next()
    }

    /// Drops a peeked token so the tokenizer can read raw source from where it began.
    mutating func unpeek() {
        if let token = peeked {
            tokenizer.rewind(to: token.offset)
            peeked = nil
        }
    }

    func error(_ kind: TeXMathError.Kind, at offset: Int) -> TeXMathError {
        TeXMathError(kind, utf8Offset: offset, in: source)
    }

    /// Runs `body` one level deeper, failing cleanly past `maximumDepth`.
    mutating func nested<T>(at offset: Int, _ body: (inout Parser) throws -> T) throws -> T {
        guard depth < maximumDepth else { throw error(.tooDeeplyNested(limit: maximumDepth), at: offset) }
        depth += 1
        defer { depth -= 1 }
        return try body(&self)
    }

    // MARK: Formula

    /// Parses the whole formula; `\\` at the top level of display math makes centered lines.
    mutating func parseFormula() throws -> (MathNode, EquationTag?) {
        tagDepth = depth
        var lines: [[MathNode]] = []
        while true {
            let row = try parseRow()
            let token = peek()
            switch token.kind {
            case .end:
                if !(row.isEmpty && !lines.isEmpty) { lines.append(row) }
                let tag = pendingTag
                if lines.count == 1 { return (.row(lines[0]), tag) }
                let table = MathTable(layout: .matrix, rows: lines.map { [$0] },
                                      cellStyle: display ? .display : .text)
                return (.table(table), tag)
            case .command(let name) where Self.lineBreaks.contains(name):
                next()
                skipRowSpacing()
                lines.append(row)
            default:
                throw unexpectedTerminator(token)
            }
        }
    }

    /// The error for a token that ends a row where it cannot.
    mutating func unexpectedTerminator(_ token: Token) -> TeXMathError {
        switch token.kind {
        case .endGroup: return error(.unexpectedCloseBrace, at: token.offset)
        case .alignmentTab: return error(.misplacedAlignmentTab, at: token.offset)
        case .command("right"): return error(.rightWithoutLeft, at: token.offset)
        case .command("middle"): return error(.middleWithoutLeft, at: token.offset)
        case .command("end"):
            next()
            let name = (try? readBracedText(command: "\\end", at: token.offset)) ?? ""
            return error(.endWithoutBegin(name), at: token.offset)
        case .command(let name) where Self.lineBreaks.contains(name):
            return error(.misplacedLineBreak, at: token.offset)
        default: return error(.unexpectedCharacter(token.spelling), at: token.offset)
        }
    }

    static let lineBreaks: Set<String> = ["\\", "cr", "newline"]
    static let rowTerminators: Set<String> = ["\\", "cr", "newline", "end", "right", "middle"]

    /// Skips the optional `[1ex]` after `\\`.
    mutating func skipRowSpacing() {
        unpeek()
        let save = tokenizer.position
        if tokenizer.consumeIfNext(UInt8(ascii: "[")) {
            if tokenizer.readUntil(UInt8(ascii: "]")) == nil { tokenizer.rewind(to: save) }
        }
    }

    // MARK: Rows

    /// Parses atoms until a token that ends the row (`}`, `&`, `\\`, `\end`, `\right`,
    /// `\middle`, end of input), which is left unread for the caller.
    mutating func parseRow() throws -> [MathNode] {
        var nodes: [MathNode] = []
        var numerator: (nodes: [MathNode], kind: FractionKind)?
        func finish(_ nodes: [MathNode]) -> [MathNode] {
            guard let numerator else { return nodes }
            return [.fraction(numerator: .row(numerator.nodes), denominator: .row(nodes), kind: numerator.kind)]
        }
        while true {
            let token = peek()
            switch token.kind {
            case .end, .endGroup, .alignmentTab:
                return finish(nodes)
            case .command:
                switch token.entry {
                case .rowTerminator?:
                    return finish(nodes)
                case .infixFraction(let kind)?:
                    next()
                    if numerator != nil { throw error(.doubleOver, at: token.offset) }
                    numerator = (nodes, kind)
                    nodes = []
                    continue
                case .styleSwitch?, .fontSwitch?, .colorSwitch?:
                    let change = try parseSwitch(token)
                    let savedFont = font
                    if let newFont = change.font { font = newFont.font }
                    // The rest of the row is one level deeper, but still where a \tag may go.
                    let savedTagDepth = tagDepth
                    if tagDepth == depth { tagDepth = depth + 1 }
                    let rest = try nested(at: token.offset) { (parser) throws in try parser.parseRow() }
                    font = savedFont
                    tagDepth = savedTagDepth
                    nodes.append(change.wrap(rest))
                    return finish(nodes)
                default:
                    break
                }
            default:
                break
            }
            if let item = try parseItem() { nodes.append(item) }
        }
    }

    static func isInfixFraction(_ entry: CommandEntry?) -> Bool {
        if case .infixFraction? = entry { return true }
        return false
    }

    static let infixFractions: [String: FractionKind] = [
        "over": .auto, "atop": .atop, "choose": .binomial(.auto),
        "brace": .general(open: "{", close: "}", thickness: "0", style: .auto),
        "brack": .general(open: "[", close: "]", thickness: "0", style: .auto),
    ]

    // MARK: Items

    /// One atom with its scripts and primes: `x`, `x_i^2`, `f''`, `\sum_{i=1}^n`.
    mutating func parseItem() throws -> MathNode? {
        var base: MathNode?
        switch peek().kind {
        case .caret, .underscore, .character("'"):
            base = nil
        default:
            guard let atom = try parseAtom(single: false) else { return nil }
            base = atom
        }
        let following = peek()
        switch following.kind {
        case .caret, .underscore, .character("'"):
            return try parseScripts(base: base ?? .row([]))
        case .command:
            if case .limits? = following.entry { return try parseScripts(base: base ?? .row([])) }
            return base
        default:
            return base
        }
    }

    /// The scripts, primes and `\limits` after a base.
    @inline(never)
    mutating func parseScripts(base: MathNode) throws -> MathNode {
        var base = base
        var sub: MathNode?
        var sup: MathNode?
        var primes = 0
        while true {
            let token = peek()
            switch token.kind {
            case .caret:
                next()
                if sup != nil { throw error(.doubleSuperscript, at: token.offset) }
                let argument = try parseArgument(for: "^", at: token.offset)
                sup = primes > 0 ? .row([Self.primes(primes), argument]) : argument
                primes = 0
            case .underscore:
                next()
                if sub != nil { throw error(.doubleSubscript, at: token.offset) }
                sub = try parseArgument(for: "_", at: token.offset)
            case .character("'"):
                // Primes join a following `^` (f'^2), so they are held until the end.
                if sup != nil { throw error(.doubleSuperscript, at: token.offset) }
                next()
                primes += 1
            case .command where token.entry.map({ if case .limits = $0 { return true } else { return false } }) ?? false:
                next()
                guard case .symbol(var op) = base, op.mathClass == .op, case .limits(let placement)? = token.entry else {
                    throw error(.misplacedLimits, at: token.offset)
                }
                op.limits = placement
                base = .symbol(op)
            default:
                if primes > 0 { sup = Self.primes(primes) }
                if sub == nil, sup == nil { return base }
                return .scripts(base: base, sub: sub, sup: sup)
            }
        }
    }

    static func primes(_ count: Int) -> MathNode {
        let marks = ["′", "″", "‴", "⁗"]
        let text = count <= 4 ? marks[count - 1] : String(repeating: "′", count: count)
        return .symbol(Operator(text, .ord))
    }

    /// A required argument: a braced group or a single token (`\frac12`, `x^\alpha`).
    mutating func parseArgument(for command: String, at offset: Int) throws -> MathNode {
        let token = peek()
        switch token.kind {
        case .end, .endGroup, .alignmentTab, .caret, .underscore:
            throw error(.missingArgument(command: command), at: offset)
        case .command where token.entry == .rowTerminator || Self.isInfixFraction(token.entry):
            throw error(.missingArgument(command: command), at: offset)
        default:
            let node = try nested(at: token.offset) { (parser) throws in try parser.parseAtom(single: true) }
            guard let node else { throw error(.missingArgument(command: command), at: offset) }
            return node
        }
    }

    /// A braced group's content as a row, after its `{` was read.
    mutating func parseGroup(openedAt offset: Int) throws -> [MathNode] {
        try nested(at: offset) { (parser) throws in
            let nodes = try parser.parseRow()
            let token = parser.next()
            guard case .endGroup = token.kind else {
                if case .end = token.kind { throw parser.error(.unclosedBrace, at: offset) }
                throw parser.unexpectedTerminator(token)
            }
            return nodes
        }
    }
}
