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
        // Lines split as bytes: splitting by Character ran grapheme breaking over the whole file.
        for (k, bytes) in body.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            let line = Substring(bytes)
            if let fence = code {
                if let close = FencedDivs.codeFence(line), close.char == fence.char, close.count >= fence.count, close.closes { code = nil }
                continue
            }
            if let open = FencedDivs.codeFence(line) {
                code = (open.char, open.count)
                continue
            }
            var rest = line[...]
            while let start = Self.doubleStar(in: rest) {
                let inner = rest[start.upperBound...]
                guard let end = Self.doubleStar(in: inner) else { break }
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

    /// The first `**` in `text`, found byte by byte (Foundation's `range(of:)` compares
    /// characters, and was most of this scan's time).
    private static func doubleStar(in text: Substring) -> Range<Substring.Index>? {
        let utf8 = text.utf8, star = UInt8(ascii: "*")
        var i = utf8.startIndex
        while let hit = utf8[i...].firstIndex(of: star) {
            let next = utf8.index(after: hit)
            if next < utf8.endIndex, utf8[next] == star { return hit..<utf8.index(after: next) }
            i = next
        }
        return nil
    }

    private static func isHan(_ c: Character) -> Bool {
        c.unicodeScalars.first.map { (0x3400...0x9FFF).contains($0.value) || (0xF900...0xFAFF).contains($0.value) } ?? false
    }
}
