extension Symbols {
    /// Delimiter commands: open/close by default; all may follow `\left`, `\right`,
    /// `\middle` and `\big…`.
    static let delimiters: [String: Symbol] = [
        "{": .open("{"), "}": .close("}"), "lbrace": .open("{"), "rbrace": .close("}"),
        "lbrack": .open("["), "rbrack": .close("]"),
        "langle": .open("⟨"), "rangle": .close("⟩"),
        "lceil": .open("⌈"), "rceil": .close("⌉"), "lfloor": .open("⌊"), "rfloor": .close("⌋"),
        "lvert": .open("|"), "rvert": .close("|"), "lVert": .open("‖"), "rVert": .close("‖"),
        "vert": .ordOperator("|"), "Vert": .ordOperator("‖"), "|": .ordOperator("‖"),
        "backslash": .ordOperator("\\"),
        "ulcorner": .open("⌜"), "urcorner": .close("⌝"), "llcorner": .open("⌞"), "lrcorner": .close("⌟"),
        "lgroup": .open("⟮"), "rgroup": .close("⟯"), "lmoustache": .open("⎰"), "rmoustache": .close("⎱"),
        "llbracket": .open("⟦"), "rrbracket": .close("⟧"),
    ]

}
