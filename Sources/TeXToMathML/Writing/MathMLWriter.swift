/// Writes a math tree as MathML Core: one case per kind of node. Spacing follows TeX's
/// rules (TeXbook ch. 18) where they differ from the MathML operator dictionary.
struct MathMLWriter {
    var output = MarkupBuffer()
    /// What ends one line of a broken formula and starts the next (`writeRow`'s `lineBreaks`):
    /// rows of a display formula's `tex-lines`, or separate `<math>` pieces of an inline one.
    var lineBreakMarkup = "</mrow><mrow>"

    /// Where an atom sits in its row: the classes of its neighbours (nil at either end,
    /// spaces skipped) and its own class after TeX's binary-to-ordinary rule.
    struct Context {
        var previous: MathClass?
        var next: MathClass?
        var effective: MathClass?
        /// True for the base of an accent or `\overset`, where dictionary-stretchy
        /// operators would otherwise stretch to the width of what is over them.
        var stretchesHorizontally = false

        static let alone = Context(previous: nil, next: nil, effective: nil)
    }

    // MARK: Nodes

    mutating func write(_ node: MathNode, style: MathStyle, context: Context) {
        switch node {
        case .identifier(let text, let upright):
            output += upright && text.unicodeScalars.count == 1 ? "<mi mathvariant=\"normal\">" : "<mi>"
            output.appendEscaped(text)
            output += "</mi>"
        case .number(let text):
            output += "<mn>"
            output.appendEscaped(text)
            output += "</mn>"
        case .symbol(let op):
            writeOperator(op, style: style, context: context)
        case .function(let name):
            output += "<mi>"
            output.appendEscaped(name)
            output += "</mi>"
        case .text(let text, let textStyle):
            writeText(text, style: textStyle)
        case .space(let width):
            if width >= 0 {
                output += "<mspace width=\"" + Self.em(width) + "\"/>"
            } else {
                // MathML Core clamps a negative mspace width to zero; a negative margin works.
                output += "<mspace style=\"margin-left:" + Self.em(width) + "\"/>"
            }
        case .row(let nodes):
            if nodes.count == 1 {
                writeArgument(nodes[0], style: style)
            } else {
                output += "<mrow>"
                writeRow(nodes, style: style)
                output += "</mrow>"
            }
        case .fraction(let numerator, let denominator, let kind):
            writeFraction(numerator, denominator, kind: kind, style: style)
        case .radical(let body, let index):
            if let index {
                output += "<mroot>"
                writeArgument(body, style: style)
                writeArgument(index, style: .scriptScript)
                output += "</mroot>"
            } else {
                output += "<msqrt>"
                writeContents(body, style: style)
                output += "</msqrt>"
            }
        case .scripts(let base, let sub, let sup):
            writeScripts(base: base, sub: sub, sup: sup, style: style, context: context)
        case .overUnder(let base, let over, let under):
            let element = over != nil && under != nil ? "munderover" : over != nil ? "mover" : "munder"
            output += "<" + element + ">"
            var baseContext = context
            baseContext.stretchesHorizontally = true
            writeBase(base, style: style, context: baseContext)
            if let under { writeArgument(under, style: style.scripts) }
            if let over { writeArgument(over, style: style.scripts) }
            output += "</" + element + ">"
        case .accent(let base, let mark):
            writeAccent(base: base, mark: mark, style: style)
        case .rule(let body, let over):
            output += over ? "<mrow style=\"padding-top:0.1em;border-top:0.06em solid\">"
                : "<mrow style=\"padding-bottom:0.1em;border-bottom:0.06em solid\">"
            writeContents(body, style: style)
            output += "</mrow>"
        case .fenced(let open, let close, let body):
            output += "<mrow>"
            if let open { writeFence(open, form: "prefix") }
            writeRow(body, style: style, leading: .open, trailing: .close)
            if let close { writeFence(close, form: "postfix") }
            output += "</mrow>"
        case .table(let table):
            writeTable(table, style: style)
        case .styled(let inner, let change):
            writeStyled(inner, change: change, style: style, context: context)
        case .classed(let inner, let mathClass):
            writeClassed(inner, mathClass: mathClass, style: style, context: context)
        case .phantom(let inner, let kind):
            switch kind {
            case .full: output += "<mphantom>"
            case .horizontal: output += "<mpadded height=\"0\" depth=\"0\"><mphantom>"
            case .vertical: output += "<mpadded width=\"0\"><mphantom>"
            }
            writeContents(inner, style: style)
            output += kind == .full ? "</mphantom>" : "</mphantom></mpadded>"
        case .boxed(let inner):
            output += "<mrow style=\"border:0.06em solid;padding:0.25em\">"
            writeContents(inner, style: style)
            output += "</mrow>"
        case .struck(let inner, let strike):
            writeStruck(inner, strike, style: style)
        }
    }

    /// The base of scripts or of `\overset`: keeps the row context, so an operator base
    /// spaces like the operator it is.
    private mutating func writeBase(_ base: MathNode, style: MathStyle, context: Context) {
        switch base {
        case .symbol:
            if Self.isSizedDelimiter(base) {
                writeSizedBase(base, style: style, context: context)
            } else {
                write(base, style: style, context: context)
            }
        case .scripts, .overUnder, .function, .classed, .accent:
            write(base, style: style, context: context)
        default:
            writeArgument(base, style: style)
        }
    }

    /// `\cancel{…}` and kin: <menclose> says what it is (MathML Core lays it out as a row);
    /// the lines are CSS gradients, which every browser draws. Out of line, so that `write`'s
    /// frame, on every level of the recursion, stays small.
    @inline(never)
    private mutating func writeStruck(_ inner: MathNode, _ strike: Strike, style: MathStyle) {
        output += "<menclose notation=\"" + strike.rawValue + "\" style=\"" + Self.strikeStyle(strike) + "\">"
        writeContents(inner, style: style)
        output += "</menclose>"
    }

    /// `\big)` and friends: a delimiter with a fixed size.
    @inline(never)
    static func isSizedDelimiter(_ node: MathNode) -> Bool {
        if case .symbol(let op) = node { return op.size != nil }
        return false
    }

    /// `\big)^{1/2}`: a sized delimiter as a script's base keeps its size only in a row of
    /// its own (Chromium stretches operators in rows; a bare base is drawn small and dropped).
    /// Out of line, so the recursion's frames stay small.
    @inline(never)
    private mutating func writeSizedBase(_ base: MathNode, style: MathStyle, context: Context) {
        output += "<mrow>"
        write(base, style: style, context: context)
        output += "</mrow>"
    }

    private mutating func writeScripts(base: MathNode, sub: MathNode?, sup: MathNode?, style: MathStyle,
                                       context: Context) {
        let limits = takesLimits(base, style: style)
        let element: String
        switch (sub != nil, sup != nil) {
        case (true, true): element = limits ? "munderover" : "msubsup"
        case (true, false): element = limits ? "munder" : "msub"
        default: element = limits ? "mover" : "msup"
        }
        output += "<" + element + ">"
        writeBase(base, style: style, context: context)
        if let sub { writeArgument(sub, style: style.scripts) }
        if let sup { writeArgument(sup, style: style.scripts) }
        output += "</" + element + ">"
    }

    /// Whether scripts go under/over: big operators with limits, `\underbrace`, and
    /// `\mathop{…}` in display style.
    private func takesLimits(_ base: MathNode, style: MathStyle) -> Bool {
        switch base {
        case .symbol(let op): return op.mathClass == .op && op.limits != .beside
        case .accent(_, let mark): return mark.takesLimits
        case .classed(_, .op): return style == .display
        default: return false
        }
    }

    /// How a fraction is drawn: delimiters, rule thickness and a forced style.
    struct FractionShape {
        var open: String?, close: String?, thickness: String?
        var forced: MathStyle?
    }

    @inline(never)
    static func shape(of kind: FractionKind) -> FractionShape {
        switch kind {
        case .auto: FractionShape()
        case .atop: FractionShape(thickness: "0")
        case .display: FractionShape(forced: .display)
        case .text: FractionShape(forced: .text)
        case .binomial(let fractionStyle): FractionShape(open: "(", close: ")", thickness: "0", forced: style(fractionStyle))
        case .general(let open, let close, let thickness, let fractionStyle):
            FractionShape(open: open, close: close, thickness: thickness, forced: style(fractionStyle))
        }
    }

    @inline(never)
    private mutating func openFraction(_ shape: FractionShape, style: MathStyle) {
        if let forced = shape.forced, forced != style {
            switch forced {
            case .display: output += "<mstyle displaystyle=\"true\" scriptlevel=\"0\">"
            case .text: output += "<mstyle displaystyle=\"false\" scriptlevel=\"0\">"
            case .script: output += "<mstyle displaystyle=\"false\" scriptlevel=\"1\">"
            case .scriptScript: output += "<mstyle displaystyle=\"false\" scriptlevel=\"2\">"
            }
        }
        if shape.open != nil || shape.close != nil { output += "<mrow>" }
        if let open = shape.open { writeFence(open, form: "prefix") }
        output += shape.thickness.map { "<mfrac linethickness=\"" + $0 + "\">" } ?? "<mfrac>"
    }

    @inline(never)
    private mutating func closeFraction(_ shape: FractionShape, style: MathStyle) {
        output += "</mfrac>"
        if let close = shape.close { writeFence(close, form: "postfix") }
        if shape.open != nil || shape.close != nil { output += "</mrow>" }
        if let forced = shape.forced, forced != style { output += "</mstyle>" }
    }

    private mutating func writeFraction(_ numerator: MathNode, _ denominator: MathNode, kind: FractionKind,
                                        style: MathStyle) {
        let shape = Self.shape(of: kind)
        openFraction(shape, style: style)
        let parts = (shape.forced ?? style).fractionParts
        writeArgument(numerator, style: parts)
        writeArgument(denominator, style: parts)
        closeFraction(shape, style: style)
    }

    /// A line of 0.06em through the box: corner to corner (one gradient per diagonal) or
    /// across the middle.
    static func strikeStyle(_ strike: Strike) -> String {
        func line(_ direction: String) -> String {
            "linear-gradient(\(direction),transparent calc(50% - 0.03em),currentColor calc(50% - 0.03em),currentColor calc(50% + 0.03em),transparent calc(50% + 0.03em))"
        }
        switch strike {
        case .up: return "background:" + line("to top right")
        case .down: return "background:" + line("to bottom right")
        case .cross: return "background:" + line("to top right") + "," + line("to bottom right")
        case .horizontal: return "background:" + line("to bottom")
        }
    }

    static func style(_ fractionStyle: FractionKind.FractionStyle) -> MathStyle? {
        switch fractionStyle {
        case .auto: nil
        case .display: .display
        case .text: .text
        case .script: .script
        case .scriptScript: .scriptScript
        }
    }

    private mutating func writeAccent(base: MathNode, mark: Accent, style: MathStyle) {
        output += mark.under ? "<munder accentunder=\"true\">" : "<mover accent=\"true\">"
        writeArgument(base, style: style)
        output += mark.stretchy ? "<mo stretchy=\"true\"" : "<mo stretchy=\"false\""
        if let scale = mark.scale { output += " mathsize=\"" + scale + "\"" }
        output += ">"
        output.appendEscaped(mark.mark)
        output += "</mo>"
        output += mark.under ? "</munder>" : "</mover>"
    }

    private mutating func writeText(_ text: String, style: TextStyle) {
        switch style {
        case .normal: output += "<mtext>"
        case .bold: output += "<mtext style=\"font-weight:bold\">"
        case .italic: output += "<mtext style=\"font-style:italic\">"
        case .boldItalic: output += "<mtext style=\"font-weight:bold;font-style:italic\">"
        case .sansSerif: output += "<mtext style=\"font-family:sans-serif\">"
        case .monospace: output += "<mtext style=\"font-family:monospace\">"
        }
        // Leading and trailing spaces would collapse in HTML; no-break spaces keep them.
        var kept = Substring(text)
        let leading = kept.hasPrefix(" ")
        if leading { kept = kept.dropFirst() }
        let trailing = kept.hasSuffix(" ")
        if trailing { kept = kept.dropLast() }
        if leading { output += "&#xA0;" }
        output.appendEscaped(String(kept))
        if trailing { output += "&#xA0;" }
        output += "</mtext>"
    }

    private mutating func writeStyled(_ inner: MathNode, change: StyleChange, style: MathStyle, context: Context) {
        output += "<mstyle"
        var innerStyle = style
        if let newStyle = change.style {
            innerStyle = newStyle
            switch newStyle {
            case .display: output += " displaystyle=\"true\" scriptlevel=\"0\""
            case .text: output += " displaystyle=\"false\" scriptlevel=\"0\""
            case .script: output += " displaystyle=\"false\" scriptlevel=\"1\""
            case .scriptScript: output += " displaystyle=\"false\" scriptlevel=\"2\""
            }
        }
        if let color = change.color {
            output += " mathcolor=\""
            output.appendEscaped(color)
            output += "\""
        }
        output += ">"
        if case .row(let nodes) = inner, nodes.count == 1 {
            write(nodes[0], style: innerStyle, context: context)
        } else if case .row = inner {
            writeContents(inner, style: innerStyle)
        } else {
            write(inner, style: innerStyle, context: context)
        }
        output += "</mstyle>"
    }

    /// `\mathrel{…}` over several atoms: the content in an `<mrow>` with the class's spaces.
    private mutating func writeClassed(_ inner: MathNode, mathClass: MathClass, style: MathStyle, context: Context) {
        var probe = Operator("", mathClass)
        probe.explicitSpacing = true
        let (leftSpace, rightSpace) = Self.spacing(probe, style: style, context: context)
        output += "<mrow>"
        if let leftSpace, leftSpace != "0em" { output += "<mspace width=\"" + leftSpace + "\"/>" }
        writeContents(inner, style: style)
        if let rightSpace, rightSpace != "0em" { output += "<mspace width=\"" + rightSpace + "\"/>" }
        output += "</mrow>"
    }

    /// Formats a length in em with at most four decimals: `0.1667em`, `1em`, `-0.1667em`.
    static func em(_ value: Double) -> String {
        let scaled = Int(abs(value) * 10_000 + 0.5)  // round half up, without libm
        var text = String(scaled / 10_000)
        var fraction = scaled % 10_000
        if fraction != 0 {
            var digits = 4
            while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
            let padded = String(fraction)
            text += "." + String(repeating: "0", count: digits - padded.count) + padded
        }
        return (value < 0 && scaled != 0 ? "-" : "") + text + "em"
    }
}
