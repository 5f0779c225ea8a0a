/// TeX's atom classes, which decide the spacing between neighbours (TeXbook ch. 18).
enum MathClass: Sendable, Equatable {
    case ord, op, bin, rel, open, close, punct, inner
}

/// Where a big operator's scripts go: beside it always, under/over in display style only
/// (`movablelimits`), or under/over always (`\limits`).
enum LimitsPlacement: Sendable, Equatable {
    case beside, displayOnly, always
}

/// The four TeX styles; each sets the size and which spaces survive.
enum MathStyle: Int, Sendable, Comparable {
    case display, text, script, scriptScript

    static func < (a: MathStyle, b: MathStyle) -> Bool { a.rawValue < b.rawValue }

    /// Style of a fraction's numerator and denominator.
    var fractionParts: MathStyle {
        switch self {
        case .display: return .text
        case .text: return .script
        case .script, .scriptScript: return .scriptScript
        }
    }

    /// Style of a sub- or superscript, or a limit under/over an operator.
    var scripts: MathStyle {
        switch self {
        case .display, .text: return .script
        case .script, .scriptScript: return .scriptScript
        }
    }

    /// True in script styles, where TeX drops medium and thick spaces.
    var isScript: Bool { self >= .script }
}
