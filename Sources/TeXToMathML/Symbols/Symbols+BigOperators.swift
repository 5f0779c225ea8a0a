extension Symbols {
    /// Big operators: sums and products take limits under/over in display style,
    /// integrals keep them beside (TeX's defaults; `\limits`/`\nolimits` override).
    static let bigOperators: [String: Symbol] = [
        "sum": .large("∑", .displayOnly), "prod": .large("∏", .displayOnly),
        "coprod": .large("∐", .displayOnly),
        "bigcup": .large("⋃", .displayOnly), "bigcap": .large("⋂", .displayOnly),
        "bigvee": .large("⋁", .displayOnly), "bigwedge": .large("⋀", .displayOnly),
        "bigoplus": .large("⨁", .displayOnly), "bigotimes": .large("⨂", .displayOnly),
        "bigodot": .large("⨀", .displayOnly), "biguplus": .large("⨄", .displayOnly),
        "bigsqcup": .large("⨆", .displayOnly),
        "int": .large("∫", .beside), "iint": .large("∬", .beside), "iiint": .large("∭", .beside),
        "iiiint": .large("⨌", .beside), "oint": .large("∮", .beside), "oiint": .large("∯", .beside),
        "oiiint": .large("∰", .beside), "intop": .large("∫", .displayOnly),
        "smallint": .large("∫", .beside),
    ]
}
