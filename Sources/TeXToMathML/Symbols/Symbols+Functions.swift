extension Symbols {
    /// Named functions set upright; the value says whether they take limits under/over
    /// in display style (`\lim`, `\max`) or scripts beside (`\log`).
    static let functions: [String: (name: String, limits: Bool)] = [
        "log": ("log", false), "ln": ("ln", false), "lg": ("lg", false), "exp": ("exp", false),
        "sin": ("sin", false), "cos": ("cos", false), "tan": ("tan", false), "cot": ("cot", false),
        "sec": ("sec", false), "csc": ("csc", false), "sinh": ("sinh", false), "cosh": ("cosh", false),
        "tanh": ("tanh", false), "coth": ("coth", false), "arcsin": ("arcsin", false),
        "arccos": ("arccos", false), "arctan": ("arctan", false), "arg": ("arg", false),
        "deg": ("deg", false), "dim": ("dim", false), "hom": ("hom", false), "ker": ("ker", false),
        "lim": ("lim", true), "liminf": ("lim inf", true), "limsup": ("lim sup", true),
        "min": ("min", true), "max": ("max", true), "sup": ("sup", true), "inf": ("inf", true),
        "det": ("det", true), "Pr": ("Pr", true), "gcd": ("gcd", true),
        "injlim": ("inj lim", true), "projlim": ("proj lim", true),
        // Not in LaTeX itself, but defined by nearly every machine-learning preamble.
        "argmax": ("arg max", true), "argmin": ("arg min", true),
    ]
}
