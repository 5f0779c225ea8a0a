/// The math tree the parser builds and the writer turns into MathML: one case per kind of
/// expression, in the manner of texmath's `Exp`.
indirect enum MathNode: Sendable, Equatable {
    /// A variable or other identifier, already mapped into its Unicode alphabet
    /// (`\mathbf{x}` is `𝐱`). `upright` asks for `mathvariant="normal"` on one letter.
    case identifier(String, upright: Bool)
    /// A number, such as `3.14`.
    case number(String)
    /// An operator, relation, delimiter or other symbol drawn as `<mo>`.
    case symbol(Operator)
    /// A function name such as `log`, drawn as `<mi>` followed by function application.
    case function(String)
    /// Text from `\text{…}` and friends.
    case text(String, TextStyle)
    /// Horizontal space in em (negative for `\!`).
    case space(Double)
    /// A TeX group `{…}` or any sequence; the writer adds `<mrow>` where needed.
    case row([MathNode])
    case fraction(numerator: MathNode, denominator: MathNode, kind: FractionKind)
    case radical(MathNode, index: MathNode?)
    /// A base with sub- and/or superscripts; placed under/over when the base takes limits.
    case scripts(base: MathNode, sub: MathNode?, sup: MathNode?)
    /// `\overset`, `\underset`, `\stackrel`: the result keeps the base's class.
    case overUnder(base: MathNode, over: MathNode?, under: MathNode?)
    /// An accent mark over or under a base (`\hat`, `\vec`, `\underbrace`'s brace …).
    case accent(base: MathNode, mark: Accent)
    /// `\overline` / `\underline`: a rule drawn with CSS, since MathML Core has no menclose.
    case rule(MathNode, over: Bool)
    /// `\left … \right` with optional `\middle` symbols inside `body`.
    case fenced(open: String?, close: String?, body: [MathNode])
    case table(MathTable)
    /// `\displaystyle`, `\color` and their kin, applied to a sub-tree.
    case styled(MathNode, StyleChange)
    /// `\mathrel{…}`, `\mathop{…}` …: a sub-tree that acts as an atom of the given class.
    case classed(MathNode, MathClass)
    case phantom(MathNode, PhantomKind)
    /// `\boxed{…}`.
    case boxed(MathNode)
    /// `\cancel`, `\bcancel`, `\xcancel`, `\sout`: a sub-tree struck through.
    case struck(MathNode, Strike)
}

/// How `\cancel` and its kin strike their argument: `/`, `\`, both, or a horizontal line.
enum Strike: String, Sendable, Equatable {
    case up = "updiagonalstrike", down = "downdiagonalstrike", cross = "updiagonalstrike downdiagonalstrike"
    case horizontal = "horizontalstrike"
}

/// One `<mo>`: its text, TeX class and the attributes that differ from the dictionary.
struct Operator: Sendable, Equatable {
    var text: String
    var mathClass: MathClass
    var limits: LimitsPlacement = .beside
    /// Stretchy delimiters come from `\left`, `\right`, `\middle`, `\big…`.
    var stretchy: Bool = false
    /// `fence="true"` plus prefix/postfix form, for `\left`/`\right`.
    var fence: Fence? = nil
    /// `minsize`/`maxsize` for `\big` and friends, in em.
    var size: String? = nil
    /// True for multi-letter operators (`lim`, `max`, `mod`) absent from the MathML
    /// operator dictionary, whose spacing the writer must set itself.
    var isTextual: Bool = false
    /// True when the class comes from `\mathrel`, `\mathbin` … and the dictionary's spacing
    /// must be overridden.
    var explicitSpacing: Bool = false

    enum Fence: Sendable, Equatable { case open, middle, close }

    init(_ text: String, _ mathClass: MathClass) {
        self.text = text
        self.mathClass = mathClass
    }
}

/// How a fraction sets its style: `\frac` follows the surroundings, `\dfrac`/`\tfrac` force it.
enum FractionKind: Sendable, Equatable {
    case auto, display, text
    /// `\binom` and friends: no rule, parentheses around.
    case binomial(FractionStyle)
    /// `\atop`: no rule, no parentheses.
    case atop
    /// `\genfrac{left}{right}{thickness}{style}`, `\brace`, `\brack`: any delimiters (nil
    /// for none), rule thickness (nil for the default) and style.
    indirect case general(open: String?, close: String?, thickness: String?, style: FractionStyle)

    enum FractionStyle: Sendable, Equatable { case auto, display, text, script, scriptScript }
}

/// An accent: the mark and how it sits.
struct Accent: Sendable, Equatable {
    var mark: String
    var stretchy: Bool
    var under: Bool = false
    /// `\overbrace`/`\underbrace` take scripts as limits (under/over), like `\sum`.
    var takesLimits: Bool = false
    /// `mathsize` for marks drawn from a full-size glyph (`\vec`'s arrow).
    var scale: String? = nil
}

/// Text fonts for `<mtext>` (CSS, as MathML Core has no `mathvariant` on text).
enum TextStyle: Sendable, Equatable {
    case normal, bold, italic, boldItalic, sansSerif, monospace
}

/// A change of style for a sub-tree.
struct StyleChange: Sendable, Equatable {
    var style: MathStyle? = nil
    var color: String? = nil
}

enum PhantomKind: Sendable, Equatable {
    case full, horizontal, vertical
}
