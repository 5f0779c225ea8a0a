extension Symbols {
    /// Relations (TeX class Rel): thick space on both sides.
    static let relations: [String: Symbol] = [
        "ne": .rel("≠"), "neq": .rel("≠"), "le": .rel("≤"), "leq": .rel("≤"),
        "ge": .rel("≥"), "geq": .rel("≥"), "leqslant": .rel("⩽"), "geqslant": .rel("⩾"),
        "ll": .rel("≪"), "gg": .rel("≫"), "lll": .rel("⋘"), "ggg": .rel("⋙"),
        "lesssim": .rel("≲"), "gtrsim": .rel("≳"), "lessgtr": .rel("≶"), "gtrless": .rel("≷"),
        "nless": .rel("≮"), "ngtr": .rel("≯"), "nleq": .rel("≰"), "ngeq": .rel("≱"),
        "approx": .rel("≈"), "approxeq": .rel("≊"), "thickapprox": .rel("≈"),
        "equiv": .rel("≡"), "sim": .rel("∼"), "thicksim": .rel("∼"), "nsim": .rel("≁"),
        "backsim": .rel("∽"), "simeq": .rel("≃"), "eqsim": .rel("≂"),
        "cong": .rel("≅"), "ncong": .rel("≇"), "propto": .rel("∝"), "varpropto": .rel("∝"),
        "doteq": .rel("≐"), "doteqdot": .rel("≑"), "Doteq": .rel("≑"), "fallingdotseq": .rel("≒"), "risingdotseq": .rel("≓"), "triangleq": .rel("≜"), "circeq": .rel("≗"), "asymp": .rel("≍"),
        "coloneqq": .rel("≔"), "eqqcolon": .rel("≕"), "coloneq": .rel("≔"), "Coloneqq": .rel("⩴"),
        "in": .rel("∈"), "notin": .rel("∉"), "ni": .rel("∋"), "owns": .rel("∋"),
        "subset": .rel("⊂"), "supset": .rel("⊃"), "subseteq": .rel("⊆"), "supseteq": .rel("⊇"),
        "subsetneq": .rel("⊊"), "supsetneq": .rel("⊋"), "nsubseteq": .rel("⊈"), "nsupseteq": .rel("⊉"),
        "sqsubset": .rel("⊏"), "sqsupset": .rel("⊐"), "sqsubseteq": .rel("⊑"), "sqsupseteq": .rel("⊒"),
        "perp": .rel("⊥"), "parallel": .rel("∥"), "nparallel": .rel("∦"),
        "mid": .rel("∣"), "nmid": .rel("∤"), "shortmid": .rel("∣"),
        "vdash": .rel("⊢"), "dashv": .rel("⊣"), "models": .rel("⊨"), "vDash": .rel("⊨"),
        "Vdash": .rel("⊩"), "Vvdash": .rel("⊪"), "nvdash": .rel("⊬"),
        "prec": .rel("≺"), "succ": .rel("≻"), "preceq": .rel("⪯"), "succeq": .rel("⪰"),
        "bowtie": .rel("⋈"), "Join": .rel("⋈"), "smile": .rel("⌣"), "frown": .rel("⌢"),
    ]

    /// Arrows: relations too, in TeX.
    static let arrows: [String: Symbol] = [
        "to": .rel("→"), "gets": .rel("←"), "mapsto": .rel("↦"), "longmapsto": .rel("⟼"),
        "leftarrow": .rel("←"), "rightarrow": .rel("→"), "leftrightarrow": .rel("↔"),
        "Leftarrow": .rel("⇐"), "Rightarrow": .rel("⇒"), "Leftrightarrow": .rel("⇔"),
        "longleftarrow": .rel("⟵"), "longrightarrow": .rel("⟶"), "longleftrightarrow": .rel("⟷"),
        "Longleftarrow": .rel("⟸"), "Longrightarrow": .rel("⟹"), "Longleftrightarrow": .rel("⟺"),
        "implies": .rel("⟹"), "impliedby": .rel("⟸"), "iff": .rel("⟺"),
        "uparrow": .rel("↑"), "downarrow": .rel("↓"), "updownarrow": .rel("↕"),
        "Uparrow": .rel("⇑"), "Downarrow": .rel("⇓"), "Updownarrow": .rel("⇕"),
        "nearrow": .rel("↗"), "searrow": .rel("↘"), "swarrow": .rel("↙"), "nwarrow": .rel("↖"),
        "hookrightarrow": .rel("↪"), "hookleftarrow": .rel("↩"),
        "rightharpoonup": .rel("⇀"), "rightharpoondown": .rel("⇁"),
        "leftharpoonup": .rel("↼"), "leftharpoondown": .rel("↽"),
        "rightleftharpoons": .rel("⇌"), "leftrightharpoons": .rel("⇋"),
        "leadsto": .rel("⇝"), "rightsquigarrow": .rel("⇝"),
        "twoheadrightarrow": .rel("↠"), "twoheadleftarrow": .rel("↞"),
        "rightarrowtail": .rel("↣"), "leftarrowtail": .rel("↢"),
        "circlearrowleft": .rel("↺"), "circlearrowright": .rel("↻"),
        "curvearrowleft": .rel("↶"), "curvearrowright": .rel("↷"),
        "nrightarrow": .rel("↛"), "nleftarrow": .rel("↚"), "nRightarrow": .rel("⇏"),
        "nLeftarrow": .rel("⇍"), "nleftrightarrow": .rel("↮"), "nLeftrightarrow": .rel("⇎"),
        "upuparrows": .rel("⇈"), "downdownarrows": .rel("⇊"),
        "rightrightarrows": .rel("⇉"), "leftleftarrows": .rel("⇇"),
        "rightleftarrows": .rel("⇄"), "leftrightarrows": .rel("⇆"),
    ]

    /// `\not` followed by these gives the precomposed negation; any other symbol gets
    /// U+0338 COMBINING LONG SOLIDUS OVERLAY.
    static let negations: [String: String] = [
        "=": "≠", "<": "≮", ">": "≯", "≤": "≰", "≥": "≱", "∈": "∉", "∋": "∌",
        "⊂": "⊄", "⊃": "⊅", "⊆": "⊈", "⊇": "⊉", "∼": "≁", "≃": "≄", "≅": "≇",
        "≈": "≉", "≡": "≢", "∣": "∤", "∥": "∦", "≺": "⊀", "≻": "⊁", "⊢": "⊬",
        "⊨": "⊭", "∃": "∄", "→": "↛", "←": "↚", "⇒": "⇏", "⇐": "⇍", "↔": "↮", "⇔": "⇎",
    ]
}
