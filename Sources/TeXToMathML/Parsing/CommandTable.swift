/// Every command name, looked up once when the tokenizer reads it: what the parser needs
/// to know about `\name` without hashing the name again at each step.
enum CommandEntry: Sendable, Equatable {
    /// A symbol from the tables (`\alpha`, `\le`, `\sum`).
    case symbol(Symbol)
    /// A space in em (`\,`, `\quad`).
    case space(Double)
    /// A named function (`\log`), with or without limits (`\lim`).
    case function(name: String, limits: Bool)
    /// A command that takes arguments, by family (`\frac`, `\left`, `\mathbf` …).
    case family(Parser.Family)
    /// `\\`, `\end`, `\right`, `\middle`: ends the row being parsed.
    case rowTerminator
    /// `\over`, `\atop`, `\choose`: the row so far is the numerator.
    case infixFraction(FractionKind)
    /// `\displaystyle` and kin, `\bf` and kin, `\color`: apply to the rest of the group.
    case styleSwitch(MathStyle)
    case fontSwitch(MathFont)
    case colorSwitch
    /// `\limits`, `\nolimits`, `\displaylimits` after a big operator.
    case limits(LimitsPlacement)
}

enum CommandTable {
    static let entries: [String: CommandEntry] = {
        var table: [String: CommandEntry] = [:]
        for (name, family) in Parser.families { table[name] = .family(family) }
        for (name, function) in Symbols.functions { table[name] = .function(name: function.name, limits: function.limits) }
        for (name, width) in Symbols.spaces { table[name] = .space(width) }
        for (name, symbol) in Symbols.commands { table[name] = .symbol(symbol) }
        for name in Parser.rowTerminators { table[name] = .rowTerminator }
        for (name, kind) in Parser.infixFractions { table[name] = .infixFraction(kind) }
        for (name, style) in Parser.styleSwitches { table[name] = .styleSwitch(style) }
        for (name, font) in Parser.fontSwitches { table[name] = .fontSwitch(font) }
        table["color"] = .colorSwitch
        table["limits"] = .limits(.always)
        table["nolimits"] = .limits(.beside)
        table["displaylimits"] = .limits(.displayOnly)
        return table
    }()
}
