/// Math alphabets (`\mathbf{…}`), operator names (`\operatorname`), and `\mathrel{…}` and kin.
extension Parser {
    @inline(never)
    mutating func parseFontArgument(_ name: String, at offset: Int) throws -> MathNode {
        let saved = font
        font = Self.fontCommands[name]
        defer { font = saved }
        return Self.mergingLetters(try parseArgument(for: "\\" + name, at: offset))
    }

    /// Joins adjacent letters into one identifier, so `\mathrm{KL}` is `<mi>KL</mi>`.
    static func mergingLetters(_ node: MathNode) -> MathNode {
        guard case .row(let nodes) = node, nodes.count > 1 else { return node }
        var merged: [MathNode] = []
        for child in nodes {
            if case .identifier(let next, _) = child, case .identifier(let previous, _)? = merged.last {
                merged[merged.count - 1] = .identifier(previous + next, upright: false)
            } else {
                merged.append(child)
            }
        }
        return merged.count == 1 ? merged[0] : .row(merged)
    }

    /// Plain text of a name built from letters, digits and thin spaces, if it is one.
    static func flattenedName(_ node: MathNode) -> String? {
        switch node {
        case .identifier(let text, _), .number(let text): return text
        case .space(let width): return width > 0 ? "\u{2009}" : ""
        case .symbol(let op) where op.mathClass == .ord || op.mathClass == .bin || op.mathClass == .punct:
            return op.text == "\u{2212}" ? "-" : op.text
        case .row(let nodes):
            var name = ""
            for child in nodes {
                guard let part = flattenedName(child) else { return nil }
                name += part
            }
            return name
        default: return nil
        }
    }

    mutating func parseOperatorName(at offset: Int) throws -> MathNode {
        let starred = consumeStar()
        let saved = font
        font = .roman
        let argument = try parseArgument(for: "\\operatorname", at: offset)
        font = saved
        if let name = Self.flattenedName(argument), !name.isEmpty {
            return functionNode(name, limits: starred)
        }
        return .classed(argument, .op)
    }

    mutating func parseClassed(_ name: String, at offset: Int) throws -> MathNode {
        let classes: [String: MathClass] = [
            "mathord": .ord, "mathop": .op, "mathbin": .bin, "mathrel": .rel, "mathopen": .open,
            "mathclose": .close, "mathpunct": .punct, "mathinner": .inner,
        ]
        let mathClass = classes[name] ?? .ord
        let argument = Self.mergingLetters(try parseArgument(for: "\\" + name, at: offset))
        var content = argument
        if case .row(let nodes) = argument, nodes.count == 1 { content = nodes[0] }
        let text: String?
        switch content {
        case .identifier(let value, _), .number(let value): text = value
        case .symbol(let op): text = op.text
        default: text = nil
        }
        guard let text else { return .classed(argument, mathClass) }
        var op = Operator(text, mathClass)
        op.explicitSpacing = true
        if mathClass == .op {
            op.limits = .displayOnly
            op.isTextual = text.unicodeScalars.count > 1
        }
        return .symbol(op)
    }
}
