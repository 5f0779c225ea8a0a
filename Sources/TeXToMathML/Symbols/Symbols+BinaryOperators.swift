extension Symbols {
    /// Binary operators (TeX class Bin): medium space on both sides, unless TeX's rules
    /// turn them into ordinary symbols (after an operator, at the start of a group).
    static let binaryOperators: [String: Symbol] = [
        "pm": .bin("±"), "mp": .bin("∓"), "times": .bin("×"), "div": .bin("÷"),
        "cdot": .bin("⋅"), "ast": .bin("∗"), "star": .bin("⋆"), "circ": .bin("∘"),
        "bullet": .bin("∙"), "oplus": .bin("⊕"), "ominus": .bin("⊖"), "otimes": .bin("⊗"),
        "oslash": .bin("⊘"), "odot": .bin("⊙"), "bigcirc": .bin("◯"),
        "cup": .bin("∪"), "cap": .bin("∩"), "sqcup": .bin("⊔"), "sqcap": .bin("⊓"),
        "uplus": .bin("⊎"), "wedge": .bin("∧"), "land": .bin("∧"), "vee": .bin("∨"),
        "lor": .bin("∨"), "setminus": .bin("∖"), "smallsetminus": .bin("∖"),
        "wr": .bin("≀"), "diamond": .bin("⋄"), "amalg": .bin("⨿"),
        "dagger": .bin("†"), "ddagger": .bin("‡"), "dag": .bin("†"), "ddag": .bin("‡"),
        "triangleleft": .bin("◃"), "triangleright": .bin("▹"),
        "bigtriangleup": .bin("△"), "bigtriangledown": .bin("▽"),
        "lhd": .bin("⊲"), "rhd": .bin("⊳"), "unlhd": .bin("⊴"), "unrhd": .bin("⊵"),
        "ltimes": .bin("⋉"), "rtimes": .bin("⋊"), "boxplus": .bin("⊞"), "boxtimes": .bin("⊠"),
        "boxminus": .bin("⊟"), "boxdot": .bin("⊡"), "circledast": .bin("⊛"),
        "divideontimes": .bin("⋇"), "dotplus": .bin("∔"), "centerdot": .bin("⋅"),
    ]
}
