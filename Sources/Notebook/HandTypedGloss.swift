/// A term defined with its translation typed beside it — "**eigendecomposition** (特征分解)",
/// "**主角**（principal angles）" — the form a glossary mark (`[[term]]`) replaces: the mark
/// links the definition and shows the other language's term from the glossary, so the two
/// cannot drift apart. `lectern check` warns about each one left in a course.
public struct HandTypedGloss: Sendable, Equatable {
    /// The bold words.
    public var term: String
    /// The words in parentheses after them.
    public var gloss: String
    public var location: SourceLocation
}

extension Document {
    /// The bold phrases of the prose followed by a parenthesis in the other script (Han after
    /// Latin, or Latin after Han), outside fenced code, in file order.
    public var handTypedGlosses: [HandTypedGloss] {
        var found: [HandTypedGloss] = []
        var code: (char: Character, count: Int)?
        let (_, body, firstLine) = FrontMatter.split(source.text)
        for (k, line) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let fence = code {
                if let close = FencedDivs.codeFence(line), close.char == fence.char, close.count >= fence.count, close.closes { code = nil }
                continue
            }
            if let open = FencedDivs.codeFence(line) {
                code = (open.char, open.count)
                continue
            }
            var rest = line[...]
            while let start = rest.range(of: "**") {
                let inner = rest[start.upperBound...]
                guard let end = inner.range(of: "**") else { break }
                let term = inner[..<end.lowerBound]
                var after = inner[end.upperBound...].drop { $0 == " " }
                rest = inner[end.upperBound...]
                guard let paren = after.first, paren == "(" || paren == "（" else { continue }
                after = after.dropFirst()
                let closing: Character = paren == "(" ? ")" : "）"
                guard let close = after.firstIndex(of: closing) else { continue }
                let gloss = after[..<close]
                guard !term.contains("[["), let t = term.first(where: \.isLetter), let g = gloss.first(where: \.isLetter),
                      Self.isHan(t) != Self.isHan(g) else { continue }
                let column = line.utf8.distance(from: line.startIndex, to: start.lowerBound) + 1  // bytes, as every location
                found.append(HandTypedGloss(term: String(term), gloss: String(gloss),
                                            location: SourceLocation(file: source.path, line: firstLine + k, column: column)))
            }
        }
        return found
    }

    private static func isHan(_ c: Character) -> Bool {
        c.unicodeScalars.first.map { (0x3400...0x9FFF).contains($0.value) || (0xF900...0xFAFF).contains($0.value) } ?? false
    }
}
