/// Rows: the TeX class of each atom, the binary-to-ordinary rule, function application,
/// and the single-element arguments MathML requires.
extension MathMLWriter {
    /// Writes a row's atoms one after another (no `<mrow>`), computing each one's context.
    /// `leading` and `trailing` are the classes just outside the row (`\left(` is open).
    /// `lineBreaks`: indices of atoms that start a new line of a broken formula (see
    /// `lineBreaks(in:)`); each is preceded by `lineBreakMarkup`.
    mutating func writeRow(_ nodes: [MathNode], style: MathStyle, leading: MathClass? = nil,
                           trailing: MathClass? = nil, lineBreaks: Set<Int> = []) {
        if nodes.count == 1, leading == nil, trailing == nil {
            // Alone in its row, a binary operator has nothing to combine: it is ordinary.
            let mathClass = Self.mathClass(nodes[0])
            write(nodes[0], style: style,
                  context: Context(previous: nil, next: nil, effective: mathClass == .bin ? .ord : mathClass))
            return
        }
        let classes = Self.rowClasses(nodes, leading, trailing)
        var nextClasses = [MathClass?](repeating: trailing, count: nodes.count)
        var following = trailing
        for index in nodes.indices.reversed() {
            nextClasses[index] = following
            if let mathClass = classes[index] { following = mathClass }
        }
        var previous = leading
        for (index, node) in nodes.enumerated() {
            let startsLine = lineBreaks.contains(index)
            let endsLine = lineBreaks.contains(index + 1)
            if startsLine { output += lineBreakMarkup }
            let context = Context(previous: previous, next: nextClasses[index], effective: classes[index])
            if case .function = Self.nucleus(node), let previous, Self.addsThinSpaceBeforeOperator(previous) {
                output += "<mspace width=\"0.1667em\"/>"
            }
            let start = output.bytes.count
            write(node, style: style, context: context)
            if startsLine || endsLine, classes[index] == .bin || classes[index] == .rel { keepInfix(from: start) }
            writeFunctionApplication(after: node, next: nextClasses[index])
            if let mathClass = classes[index] { previous = mathClass }
        }
    }

    /// An operator that opens a line of a broken formula is first in its row, where MathML
    /// would take it as a prefix operator (a sign: no space after `+` or `−`), and one that
    /// ends a piece of an inline formula is last, a postfix; `form="infix"` keeps the spacing
    /// it has between terms.
    mutating func keepInfix(from start: Int) {
        let open = Array("<mo".utf8)
        let bytes = output.bytes
        guard bytes.count >= start + 4, Array(bytes[start..<(start + 3)]) == open,
              bytes[start + 3] == UInt8(ascii: " ") || bytes[start + 3] == UInt8(ascii: ">") else { return }
        let end = bytes[start...].firstIndex(of: UInt8(ascii: ">")) ?? bytes.count
        guard !String(decoding: bytes[start..<end], as: UTF8.self).contains("form=") else { return }
        output.bytes.insert(contentsOf: Array(" form=\"infix\"".utf8), at: start + 3)
    }

    /// After `\log` (with or without scripts) and before its argument: the invisible
    /// function application, and TeX's thin space before an ordinary atom (`\log x`, but
    /// not `\log(x)`). Nothing after a function that ends its row.
    mutating func writeFunctionApplication(after node: MathNode, next: MathClass?) {
        guard next != nil, case .function = Self.nucleus(node) else { return }
        output += "<mo>&#x2061;</mo>"  // FUNCTION APPLICATION
        if next == .ord || next == .inner { output += "<mspace width=\"0.1667em\"/>" }
    }

    static func addsThinSpaceBeforeOperator(_ previous: MathClass) -> Bool {
        previous == .ord || previous == .op || previous == .close || previous == .inner
    }

    /// The classes of a row's atoms after TeX's rule that a binary operator with nothing
    /// to combine (at the start, after an operator or relation, before a relation or
    /// closing) is ordinary. Spaces have no class.
    static func rowClasses(_ nodes: [MathNode], _ leading: MathClass?, _ trailing: MathClass?) -> [MathClass?] {
        var classes = nodes.map(mathClass)
        var previous = leading
        for index in classes.indices {
            guard let mathClass = classes[index] else { continue }
            if mathClass == .bin {
                var next = trailing
                for later in classes[(index + 1)...] where later != nil {
                    next = later
                    break
                }
                let afterNothing = previous == nil || [.bin, .op, .rel, .open, .punct].contains(previous!)
                let beforeNothing = next == nil || [.rel, .close, .punct].contains(next!)
                if afterNothing || beforeNothing { classes[index] = .ord }
            }
            previous = classes[index]
        }
        return classes
    }

    /// The TeX class of a node; nil for spaces, which do not separate atoms.
    static func mathClass(_ node: MathNode) -> MathClass? {
        switch node {
        case .space: return nil
        case .symbol(let op): return op.mathClass
        case .function: return .op
        case .scripts(let base, _, _), .overUnder(let base, _, _): return mathClass(base) ?? .ord
        case .classed(_, let mathClass): return mathClass
        case .fenced: return .inner
        case .styled(let inner, _):
            if case .row(let nodes) = inner { return nodes.count == 1 ? mathClass(nodes[0]) : .ord }
            return mathClass(inner)
        default: return .ord
        }
    }

    /// The node that gives a scripted node its nature (`\log` in `\log_2`).
    static func nucleus(_ node: MathNode) -> MathNode {
        switch node {
        case .scripts(let base, _, _): return nucleus(base)
        default: return node
        }
    }

    /// Writes a node that must be a single MathML element (a script, a numerator).
    mutating func writeArgument(_ node: MathNode, style: MathStyle) {
        if case .row(let nodes) = node {
            if nodes.count == 1 {
                writeArgument(nodes[0], style: style)
            } else {
                output += "<mrow>"
                writeRow(nodes, style: style)
                output += "</mrow>"
            }
            return
        }
        writeRow([node], style: style)
    }

    /// Where a long display formula may break, as TeX authors break one by hand: before each
    /// top-level relation that has something before it on its line (the relation starts
    /// the continuation line; `:=` and other runs of relations stay together), before each
    /// top-level binary operator (`+`, `−` between terms; a sign is not one), after a
    /// top-level thick space (`\;`) and after a quad or more (`a = b,\quad c = d`). A short left-hand side
    /// (`p(x)`, `C`: at most `shortSide` atoms) stays with its first relation, so it never
    /// stands alone at the end of a line. Inside brackets (`p(x \mid z)`, `(1 - a)`) there is
    /// no break, except before a binary operator or after a thick space of a group longer
    /// than `longGroup` atoms (a long `\Big( … \Big)`). The browser wraps only where a line is
    /// full, so a formula that fits is one line whatever its break points. Empty when there
    /// is none.
    ///
    /// `inline`: where an inline formula breaks, as TeX breaks one in a paragraph: after each
    /// top-level relation (after the last of a run) and binary operator, so the operator ends
    /// the line; brackets and spaces as above.
    static func lineBreaks(in nodes: [MathNode], inline: Bool = false) -> Set<Int> {
        let shortSide = 6, longGroup = 10
        let classes = rowClasses(nodes, nil, nil)
        let groupSize = bracketGroupSizes(nodes, classes)
        let mayBreakInside = { (index: Int) in groupSize[index] == 0 || groupSize[index] > longGroup }
        var breaks: Set<Int> = []
        var previous: MathClass? = nil
        var atomsInPart = 0  // atoms since the start or the last quad
        var relationsInPart = 0
        for (index, node) in nodes.enumerated() {
            if case .space(let width) = node {
                if width >= 1, atomsInPart > 0, index + 1 < nodes.count {
                    // A quad separates formulas: what follows starts afresh.
                    breaks.insert(index + 1)
                    atomsInPart = 0
                    relationsInPart = 0
                    previous = nil
                } else if width >= 0.27, atomsInPart > 0, index + 1 < nodes.count, mayBreakInside(index) {
                    // A thick space (`\;`) separates terms: a break, within the formula.
                    breaks.insert(index + 1)
                }
                continue
            }
            let mathClass = classes[index]
            if inline {
                // After the operator: the next atom (spaces skipped) starts the next piece.
                var after = index + 1
                while after < nodes.count, classes[after] == nil { after += 1 }
                let nextClass = after < nodes.count ? classes[after] : nil
                if after < nodes.count, atomsInPart > 0,
                   (mathClass == .rel && nextClass != .rel && groupSize[index] == 0)
                    || (mathClass == .bin && mayBreakInside(index)) {
                    breaks.insert(after)
                }
                atomsInPart += 1
                continue
            }
            if mathClass == .rel, previous != .rel, groupSize[index] == 0 {
                if atomsInPart > 0, relationsInPart > 0 || atomsInPart > shortSide { breaks.insert(index) }
                relationsInPart += 1
            } else if mathClass == .bin, atomsInPart > 0, mayBreakInside(index) {
                breaks.insert(index)
            }
            atomsInPart += 1
            previous = mathClass
        }
        return breaks
    }

    /// The size of the innermost bracketed group each atom is in (0: at the top level); an
    /// unclosed bracket runs to the end of the row.
    static func bracketGroupSizes(_ nodes: [MathNode], _ classes: [MathClass?]) -> [Int] {
        var groupSize = [Int](repeating: 0, count: nodes.count)
        func fill(inside open: Int, upTo end: Int) {
            for k in (open + 1)..<end where groupSize[k] == 0 { groupSize[k] = end - open - 1 }
        }
        var opened: [Int] = []
        for index in nodes.indices {
            let side = bracketSide(nodes[index], classes[index])
            if side == .close, let open = opened.popLast() { fill(inside: open, upTo: index) }
            if side == .open { opened.append(index) }
        }
        for open in opened.reversed() { fill(inside: open, upTo: nodes.count) }
        return groupSize
    }

    /// Whether an atom opens or closes a bracket: by its class, or for `\big(` (ordinary in
    /// TeX) by its glyph. Bars, which may do either, are neither.
    static func bracketSide(_ node: MathNode, _ mathClass: MathClass?) -> MathClass? {
        if mathClass == .open || mathClass == .close { return mathClass }
        guard case .symbol(let op) = node, op.size != nil else { return nil }
        if ["(", "[", "{", "⟨", "⌊", "⌈", "⟦"].contains(op.text) { return .open }
        if [")", "]", "}", "⟩", "⌋", "⌉", "⟧"].contains(op.text) { return .close }
        return nil
    }

    /// Writes a node's children inside an element that accepts several (`msqrt`, `mtd`).
    mutating func writeContents(_ node: MathNode, style: MathStyle) {
        if case .row(let nodes) = node {
            writeRow(nodes, style: style)
        } else {
            writeRow([node], style: style)
        }
    }
}
