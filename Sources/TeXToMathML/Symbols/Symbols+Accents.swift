extension Symbols {
    /// Accent commands and the mark each draws. Narrow accents do not stretch; the wide
    /// ones and arrows stretch over their base.
    static let accents: [String: Accent] = [
        // Spacing marks for narrow accents: a lone combining mark is drawn off-centre
        // when it does not stretch. Wide accents use the marks fonts stretch: U+0302 in
        // Latin Modern and STIX, U+02DC in STIX.
        "hat": Accent(mark: "ˆ", stretchy: false), "widehat": Accent(mark: "\u{0302}", stretchy: true),
        "check": Accent(mark: "ˇ", stretchy: false), "widecheck": Accent(mark: "ˇ", stretchy: true),
        "tilde": Accent(mark: "˜", stretchy: false), "widetilde": Accent(mark: "˜", stretchy: true),
        // U+02C9, as KaTeX: Latin Modern Math sets U+00AF over an x where it cannot be seen.
        "bar": Accent(mark: "ˉ", stretchy: false),
        // A full-size arrow scaled down, as U+20D7 sits off-centre over a letter.
        "vec": Accent(mark: "→", stretchy: false, scale: "70%"),
        "dot": Accent(mark: "˙", stretchy: false), "ddot": Accent(mark: "¨", stretchy: false),
        "dddot": Accent(mark: "…", stretchy: false, scale: "70%"),
        "breve": Accent(mark: "˘", stretchy: false), "acute": Accent(mark: "´", stretchy: false),
        "grave": Accent(mark: "`", stretchy: false), "mathring": Accent(mark: "˚", stretchy: false),
        "overrightarrow": Accent(mark: "→", stretchy: true),
        "overleftarrow": Accent(mark: "←", stretchy: true),
        "overleftrightarrow": Accent(mark: "↔", stretchy: true),
        "underrightarrow": Accent(mark: "→", stretchy: true, under: true),
        "underleftarrow": Accent(mark: "←", stretchy: true, under: true),
        "overbrace": Accent(mark: "⏞", stretchy: true, takesLimits: true),
        "underbrace": Accent(mark: "⏟", stretchy: true, under: true, takesLimits: true),
        "overparen": Accent(mark: "⏜", stretchy: true), "underparen": Accent(mark: "⏝", stretchy: true, under: true),
    ]
}
