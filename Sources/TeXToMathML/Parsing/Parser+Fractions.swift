/// `\frac` and its kin, binomials, and radicals.
extension Parser {
    @inline(never)
    mutating func parseFraction(_ name: String, at offset: Int) throws -> MathNode {
        let kind: FractionKind
        switch name {
        case "dfrac", "cfrac": kind = .display
        case "tfrac": kind = .text
        case "binom": kind = .binomial(.auto)
        case "dbinom": kind = .binomial(.display)
        case "tbinom": kind = .binomial(.text)
        default: kind = .auto
        }
        if name == "genfrac" { return try parseGeneralFraction(at: offset) }
        if name == "cfrac" { try skipOptionalArgument() }
        let numerator = try parseArgument(for: "\\" + name, at: offset)
        let denominator = try parseArgument(for: "\\" + name, at: offset)
        return .fraction(numerator: numerator, denominator: denominator, kind: kind)
    }

    /// `\genfrac{left}{right}{thickness}{style}{numerator}{denominator}`, as amsmath has it:
    /// delimiters may be empty or `.`, the thickness empty (the default rule) or a length,
    /// the style empty or 0–3 (display, text, script, scriptscript).
    @inline(never)
    mutating func parseGeneralFraction(at offset: Int) throws -> MathNode {
        let command = "\\genfrac"
        func delimiter(_ text: String) throws -> String? {
            if text.isEmpty || text == "." { return nil }
            if text.hasPrefix("\\"), let symbol = Symbols.delimiters[String(text.dropFirst())] { return symbol.text }
            if text.unicodeScalars.count == 1, "()[]|/".contains(text) { return text }
            throw error(.invalidArgument(command: command, argument: text), at: offset)
        }
        let open = try delimiter(try readBracedText(command: command, at: offset))
        let close = try delimiter(try readBracedText(command: command, at: offset))
        let thicknessText = String(try readBracedText(command: command, at: offset).filter { $0 != " " })
        var thickness: String?
        if !thicknessText.isEmpty {
            // A TeX length: a number and a unit CSS also knows (pt, em, ex, mm, cm, in, px).
            let number = thicknessText.prefix { $0.isNumber || $0 == "." }
            let unit = thicknessText.dropFirst(number.count)
            guard !number.isEmpty, Double(number) != nil, ["pt", "em", "ex", "mm", "cm", "in", "px", ""].contains(String(unit)) else {
                throw error(.invalidArgument(command: command, argument: thicknessText), at: offset)
            }
            thickness = Double(number) == 0 ? "0" : String(number) + (unit.isEmpty ? "pt" : String(unit))
        }
        let styleText = try readBracedText(command: command, at: offset)
        let style: FractionKind.FractionStyle
        switch styleText {
        case "": style = .auto
        case "0": style = .display
        case "1": style = .text
        case "2": style = .script
        case "3": style = .scriptScript
        default: throw error(.invalidArgument(command: command, argument: styleText), at: offset)
        }
        let numerator = try parseArgument(for: command, at: offset)
        let denominator = try parseArgument(for: command, at: offset)
        return .fraction(numerator: numerator, denominator: denominator,
                         kind: .general(open: open, close: close, thickness: thickness, style: style))
    }

    @inline(never)
    mutating func parseSquareRoot(at offset: Int) throws -> MathNode {
        let index = try parseOptionalArgument(command: "\\sqrt", at: offset)
        let body = try parseArgument(for: "\\sqrt", at: offset)
        return .radical(body, index: index)
    }
}
