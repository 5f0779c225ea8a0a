/// `<mo>` attributes: stretching, limits, and the spaces TeX would put around the atom.
extension MathMLWriter {
    /// Delimiters and bars that stretch vertically in a row unless told not to: a plain
    /// `(` or `\mid` must keep its size next to a tall fraction, as in TeX.
    static func isVerticallyStretchy(_ text: String) -> Bool {
        guard let scalar = singleScalar(text) else { return false }
        switch scalar {
        case "(", ")", "[", "]", "{", "}", "|", "‖", "⟨", "⟩", "⌈", "⌉", "⌊", "⌋", "/", "\\",
             "↑", "↓", "↕", "⇑", "⇓", "⇕", "∣", "∥", "⟦", "⟧", "⟮", "⟯", "⎰", "⎱", "⌜", "⌝", "⌞", "⌟":
            return true
        default:
            return false
        }
    }

    /// The fences the MathML operator dictionary already makes stretchy.
    static func isDictionaryStretchyFence(_ text: String) -> Bool {
        guard let scalar = singleScalar(text) else { return false }
        switch scalar {
        case "(", ")", "[", "]", "{", "}", "|", "‖", "⟨", "⟩", "⌈", "⌉", "⌊", "⌋": return true
        default: return false
        }
    }

    static func singleScalar(_ text: String) -> Unicode.Scalar? {
        var scalars = text.unicodeScalars.makeIterator()
        guard let first = scalars.next(), scalars.next() == nil else { return nil }
        return first
    }

    mutating func writeOperator(_ op: Operator, style: MathStyle, context: Context) {
        output += "<mo"
        switch op.fence {
        case .open?: output += " fence=\"true\" form=\"prefix\""
        case .close?: output += " fence=\"true\" form=\"postfix\""
        case .middle?: output += " fence=\"true\""
        case nil: break
        }
        if op.stretchy {
            if !Self.isDictionaryStretchyFence(op.text) || op.size != nil || op.fence == .middle {
                output += " stretchy=\"true\""
            }
        } else if context.stretchesHorizontally || Self.isVerticallyStretchy(op.text) {
            output += " stretchy=\"false\""
        }
        if let size = op.size { output += " minsize=\"" + size + "\" maxsize=\"" + size + "\"" }
        if op.mathClass == .op {
            if op.isTextual, op.limits == .displayOnly { output += " movablelimits=\"true\"" }
            if !op.isTextual, op.limits == .always { output += " movablelimits=\"false\"" }
        }
        let (leftSpace, rightSpace) = Self.spacing(op, style: style, context: context)
        if let leftSpace { output += " lspace=\"" + leftSpace + "\"" }
        if let rightSpace { output += " rspace=\"" + rightSpace + "\"" }
        output += ">"
        output.appendEscaped(op.text)
        output += "</mo>"
    }

    /// The `lspace`/`rspace` an operator needs so that MathML's sum of both sides gives
    /// TeX's spacing; nil where the operator dictionary already agrees.
    static func spacing(_ op: Operator, style: MathStyle, context: Context) -> (String?, String?) {
        if op.fence == .open || op.fence == .close { return (nil, nil) }
        if op.fence == .middle { return ("0.05em", "0.05em") }
        let explicit = op.explicitSpacing || op.isTextual || op.size != nil
        let previous = context.previous
        let next = context.next
        func isOrdinaryLike(_ mathClass: MathClass?) -> Bool {
            mathClass == .ord || mathClass == .op || mathClass == .close || mathClass == .inner
        }
        switch context.effective ?? op.mathClass {
        case .ord:
            return ("0em", "0em")
        case .open, .close, .inner:
            return explicit ? ("0em", "0em") : (nil, nil)
        case .bin:
            if style.isScript { return ("0em", "0em") }
            return explicit ? ("0.2222em", "0.2222em") : (nil, nil)
        case .rel:
            if style.isScript { return ("0em", "0em") }
            let normal: String? = explicit ? "0.2778em" : nil
            let left = isOrdinaryLike(previous) ? normal : "0em"
            let right = next == .ord || next == .op || next == .open || next == .inner ? normal : "0em"
            return (left, right)
        case .punct:
            if style.isScript || next == nil { return ("0em", "0em") }
            return explicit || (op.text != "," && op.text != ";") ? ("0em", "0.1667em") : (nil, nil)
        case .op:
            let left = isOrdinaryLike(previous) ? "0.1667em" : "0em"
            let right = next == .ord || next == .op || next == .inner ? "0.1667em" : "0em"
            return (left, right)
        }
    }

    /// A `\left`/`\right` delimiter (or a binomial's parenthesis), stretching to the row.
    mutating func writeFence(_ text: String, form: String) {
        output += "<mo fence=\"true\" form=\"" + form + "\""
        if !Self.isDictionaryStretchyFence(text) { output += " stretchy=\"true\"" }
        output += ">"
        output.appendEscaped(text)
        output += "</mo>"
    }
}
