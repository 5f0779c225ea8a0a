extension Symbols {
    /// Spacing commands, in em (TeX: 1 mu = 1/18 em).
    static let spaces: [String: Double] = [
        ",": 3.0 / 18, "thinspace": 3.0 / 18, ":": 4.0 / 18, ">": 4.0 / 18, "medspace": 4.0 / 18,
        ";": 5.0 / 18, "thickspace": 5.0 / 18, "!": -3.0 / 18, "negthinspace": -3.0 / 18,
        "negmedspace": -4.0 / 18, "negthickspace": -5.0 / 18,
        " ": 0.3333, "space": 0.3333, "enspace": 0.5, "quad": 1, "qquad": 2,
    ]

    /// Units accepted by `\hspace`, `\kern`, `\mkern`, `\mskip`, in em (10pt font).
    static let lengthUnits: [String: Double] = [
        "em": 1, "ex": 0.431, "mu": 1.0 / 18, "pt": 0.1, "bp": 0.1004, "px": 0.075,
        "pc": 1.2, "mm": 0.2845, "cm": 2.845, "in": 7.227,
    ]
}
