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
        if name == "cfrac" { try skipOptionalArgument() }
        let numerator = try parseArgument(for: "\\" + name, at: offset)
        let denominator = try parseArgument(for: "\\" + name, at: offset)
        return .fraction(numerator: numerator, denominator: denominator, kind: kind)
    }

    @inline(never)
    mutating func parseSquareRoot(at offset: Int) throws -> MathNode {
        let index = try parseOptionalArgument(command: "\\sqrt", at: offset)
        let body = try parseArgument(for: "\\sqrt", at: offset)
        return .radical(body, index: index)
    }
}
