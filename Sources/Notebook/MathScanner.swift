/// The pass that runs before cmark: it cuts math (`$…$`, `$$…$$`) and inline `{swift}`
/// expressions out of the Markdown, leaving `SlotToken`s, so cmark never reads TeX as
/// Markdown. Code spans and fenced code are left as they are: dollars in code are code.
///
/// Rules, as pandoc's `tex_math_dollars`: `\$` is a dollar sign; an opening `$` must be
/// followed by a non-space, a closing `$` preceded by a non-space and not followed by a
/// digit (so `$5 and $10` is text); neither kind of math crosses a blank line or a backtick.
/// Indented (four-space) code blocks are not recognised: use fences for code.
struct MathScanner {
    /// The Markdown with math and inline expressions replaced by tokens.
    var text: String = ""
    /// The formulas, in order; `SlotToken.math` indexes this.
    var math: [MathSpan] = []
    /// The inline expressions, in order; `SlotToken.inlineExpression` indexes this.
    var inlineExpressions: [InlineExpression] = []
    /// The cross-references (`@fig-x`), in order; `SlotToken.reference` indexes this.
    var references: [Reference] = []
    /// The glossary terms (`[[term]]`), in order; `SlotToken.term` indexes this.
    var terms: [TermMark] = []
    /// `lineMap[k]` is the Markdown file's line of the protected text's line `k + 1`.
    var lineMap: [Int] = []

    private let bytes: [UInt8]
    private let path: String
    private var out: [UInt8] = []
    private var i = 0
    private var line: Int
    private var lineStart = 0

    /// Scans `body`, whose first line is line `firstLine` of the file at `path`.
    init(body: String, path: String, firstLine: Int) {
        self.bytes = Array(SlotToken.neutralize(body).utf8)
        self.path = path
        self.line = firstLine
        out.reserveCapacity(bytes.count)
        lineMap.append(firstLine)
        scan()
        text = String(decoding: out, as: UTF8.self)
    }

    private var n: Int { bytes.count }

    private func byte(_ k: Int) -> UInt8? { k < n ? bytes[k] : nil }

    private mutating func scan() {
        var fence: (char: UInt8, count: Int)?
        var atLineStart = true
        while i < n {
            if atLineStart {
                atLineStart = false
                if let open = fence {
                    if closesFence(open) { fence = nil }
                    copyLine()
                    atLineStart = true
                    continue
                }
                if let open = opensFence() {
                    fence = open
                    copyLine()
                    atLineStart = true
                    continue
                }
            }
            let b = bytes[i]
            switch b {
            case UInt8(ascii: "\n"):
                copy(1)
                atLineStart = true
            case UInt8(ascii: "\\"):
                copy(min(2, n - i))
                if out.last == UInt8(ascii: "\n") { atLineStart = true }
            case UInt8(ascii: "`"):
                scanCodeSpan()
            case UInt8(ascii: "@"):
                if !scanReference() { copy(1) }
            case UInt8(ascii: "["):
                if !scanTerm() { copy(1) }
            case UInt8(ascii: "$"):
                if byte(i + 1) == UInt8(ascii: "$") {
                    if !scanDisplayMath() { copy(2) }
                } else if !scanInlineMath() {
                    copy(1)
                }
            default:
                copy(1)
            }
        }
    }

    // MARK: Copying, with line bookkeeping

    private mutating func copy(_ count: Int) {
        for _ in 0..<count {
            let b = bytes[i]
            out.append(b)
            i += 1
            if b == UInt8(ascii: "\n") {
                line += 1
                lineStart = i
                lineMap.append(line)
            }
        }
    }

    /// Moves past `count` bytes without copying them (they were replaced by a token).
    private mutating func skip(_ count: Int) {
        for _ in 0..<count {
            if bytes[i] == UInt8(ascii: "\n") {
                line += 1
                lineStart = i + 1
            }
            i += 1
        }
    }

    private mutating func copyLine() {
        var end = i
        while end < n && bytes[end] != UInt8(ascii: "\n") { end += 1 }
        copy(min(end + 1, n) - i)
    }

    private mutating func emit(_ token: String) {
        out.append(contentsOf: token.utf8)
    }

    private var location: SourceLocation {
        let column = bytes[lineStart..<i].reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        return SourceLocation(file: path, line: line, column: column)
    }

    // MARK: Fences

    /// A fence line: optional indentation and `>` quote markers, then three or more backticks or tildes.
    private func fenceRun(at start: Int) -> (char: UInt8, count: Int, end: Int)? {
        var k = start
        while k < n, bytes[k] == UInt8(ascii: " ") || bytes[k] == UInt8(ascii: "\t") || bytes[k] == UInt8(ascii: ">") {
            k += 1
        }
        guard k < n, bytes[k] == UInt8(ascii: "`") || bytes[k] == UInt8(ascii: "~") else { return nil }
        let c = bytes[k]
        var count = 0
        while k < n, bytes[k] == c { count += 1; k += 1 }
        return count >= 3 ? (c, count, k) : nil
    }

    private func opensFence() -> (char: UInt8, count: Int)? {
        guard let run = fenceRun(at: i) else { return nil }
        if run.char == UInt8(ascii: "`") {
            var k = run.end
            while k < n, bytes[k] != UInt8(ascii: "\n") {
                if bytes[k] == UInt8(ascii: "`") { return nil }
                k += 1
            }
        }
        return (run.char, run.count)
    }

    private func closesFence(_ open: (char: UInt8, count: Int)) -> Bool {
        guard let run = fenceRun(at: i), run.char == open.char, run.count >= open.count else { return false }
        var k = run.end
        while k < n, bytes[k] != UInt8(ascii: "\n") {
            if bytes[k] != UInt8(ascii: " ") && bytes[k] != UInt8(ascii: "\t") { return false }
            k += 1
        }
        return true
    }

    // MARK: Code spans

    /// True when a blank line starts at `k` (just after a newline).
    private func blankLine(after newline: Int) -> Bool {
        var k = newline + 1
        while k < n, bytes[k] == UInt8(ascii: " ") || bytes[k] == UInt8(ascii: "\t") { k += 1 }
        return k >= n || bytes[k] == UInt8(ascii: "\n")
    }

    private mutating func scanCodeSpan() {
        var runLength = 0
        while byte(i + runLength) == UInt8(ascii: "`") { runLength += 1 }
        var k = i + runLength
        while k < n {
            let b = bytes[k]
            if b == UInt8(ascii: "\n") && blankLine(after: k) { break }
            if b == UInt8(ascii: "`") {
                var closing = 0
                while byte(k + closing) == UInt8(ascii: "`") { closing += 1 }
                if closing == runLength {
                    let content = String(decoding: bytes[(i + runLength)..<k], as: UTF8.self)
                    if let code = Self.inlineSwift(content) {
                        var loc = location
                        // Point at the expression itself, after the backticks and `{swift}`.
                        let lead = content.prefix(while: { $0 == " " }).count + "{swift}".count
                        let rest = content.dropFirst(lead)
                        loc.column += runLength + lead + rest.prefix(while: { $0 == " " || $0 == "\n" }).count
                        let raw = String(decoding: bytes[i..<(k + closing)], as: UTF8.self)
                        let (expression, digits) = InlineExpression.splitDigits(code)
                        inlineExpressions.append(InlineExpression(code: expression, raw: raw, location: loc, digits: digits))
                        emit(SlotToken.make(.inlineExpression, inlineExpressions.count - 1))
                        skip(k + closing - i)
                    } else {
                        copy(k + closing - i)
                    }
                    return
                }
                k += closing
                continue
            }
            k += 1
        }
        copy(runLength)
    }

    /// The expression of a code span written `{swift} expr`, or nil for ordinary code.
    static func inlineSwift(_ content: String) -> String? {
        let trimmed = content.drop(while: { $0 == " " })
        guard trimmed.hasPrefix("{swift}") else { return nil }
        let code = trimmed.dropFirst("{swift}".count)
        return code.trimmingCharactersInSpaceAndNewlines()
    }

    // MARK: Cross-references

    /// A cross-reference at `i` (`@` at `bytes[i]`): `@fig-x`, `@eq-x`, `@tbl-x`, `@sec-x` not
    /// preceded by a letter or digit (so e-mail addresses stay text), except a Chinese or Japanese
    /// one: that text sets no space before a reference, after punctuation or a character alike
    /// (`见@fig-x`, `（@eq-x）`). A trailing period or colon ends the label. Returns the end of the
    /// label (the label is `bytes[(i + 1)..<end]`), or nil when the `@` starts no reference. The
    /// one rule for prose and captions (`Reference.labels(in:)`).
    static func referenceEnd(in bytes: [UInt8], at i: Int) -> Int? {
        if i > 0 {
            let before = bytes[i - 1]
            if before < 0x80 {
                if isWordByte(before) { return nil }
            } else {
                var start = i - 1
                while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
                if let scalar = String(decoding: bytes[start..<i], as: UTF8.self).unicodeScalars.first, !Self.isCJK(scalar),
                   scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                    return nil
                }
            }
        }
        var k = i + 1
        while k < bytes.count, isWordByte(bytes[k]) || bytes[k] == UInt8(ascii: "-") || bytes[k] == UInt8(ascii: ":") || bytes[k] == UInt8(ascii: ".") {
            k += 1
        }
        while k > i + 1, [UInt8(ascii: "."), UInt8(ascii: ":"), UInt8(ascii: "-")].contains(bytes[k - 1]) { k -= 1 }
        let label = String(decoding: bytes[(i + 1)..<k], as: UTF8.self)
        guard let dash = label.firstIndex(of: "-"), Reference.kinds.contains(String(label[..<dash])),
              label.index(after: dash) < label.endIndex else { return nil }
        return k
    }

    private mutating func scanReference() -> Bool {
        guard let k = Self.referenceEnd(in: bytes, at: i) else { return false }
        let label = String(decoding: bytes[(i + 1)..<k], as: UTF8.self)
        references.append(Reference(label: label, location: location))
        emit(SlotToken.make(.reference, references.count - 1))
        skip(k - i)
        return true
    }

    /// Han, kana, and the CJK and full-width punctuation blocks.
    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2E80...0x2FDF, 0x3000...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFF00...0xFFEF: true
        default: false
        }
    }

    // MARK: Glossary terms

    /// `[[term]]` or `[[term|shown words]]` on one line, the term starting with a letter (so
    /// `[[1, 2]]` stays text) and holding no bracket.
    private mutating func scanTerm() -> Bool {
        guard byte(i + 1) == UInt8(ascii: "[") else { return false }
        var k = i + 2
        while k < n, bytes[k] != UInt8(ascii: "]"), bytes[k] != UInt8(ascii: "["), bytes[k] != UInt8(ascii: "\n") { k += 1 }
        guard k + 1 < n, bytes[k] == UInt8(ascii: "]"), bytes[k + 1] == UInt8(ascii: "]") else { return false }
        let inner = String(decoding: bytes[(i + 2)..<k], as: UTF8.self)
        let parts = inner.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false).map {
            String($0).trimmingCharactersInSpaceAndNewlines()
        }
        guard let first = parts[0].unicodeScalars.first, first.properties.isAlphabetic,
              parts.count == 1 || !parts[1].isEmpty else { return false }
        let raw = String(decoding: bytes[i..<(k + 2)], as: UTF8.self)
        terms.append(TermMark(term: parts[0], shown: parts.count == 2 ? parts[1] : parts[0], raw: raw, location: location))
        emit(SlotToken.make(.term, terms.count - 1))
        skip(k + 2 - i)
        return true
    }

    private static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == UInt8(ascii: "_")
    }

    // MARK: Math

    private func isSpace(_ b: UInt8?) -> Bool {
        b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") || b == UInt8(ascii: "\n")
    }

    private mutating func scanInlineMath() -> Bool {
        guard let next = byte(i + 1), !isSpace(next) else { return false }
        var k = i + 1
        while k < n {
            let b = bytes[k]
            switch b {
            case UInt8(ascii: "\\"):
                k += 2
                continue
            case UInt8(ascii: "`"):
                return false
            case UInt8(ascii: "\n") where blankLine(after: k):
                return false
            case UInt8(ascii: "$"):
                let after = byte(k + 1)
                if !isSpace(bytes[k - 1]), !(after.map { $0 >= 0x30 && $0 <= 0x39 } ?? false) {
                    let tex = String(decoding: bytes[(i + 1)..<k], as: UTF8.self)
                    let raw = String(decoding: bytes[i...k], as: UTF8.self)
                    math.append(MathSpan(tex: tex, display: false, raw: raw, location: location))
                    emit(SlotToken.make(.math, math.count - 1))
                    skip(k + 1 - i)
                    return true
                }
            default:
                break
            }
            k += 1
        }
        return false
    }

    private mutating func scanDisplayMath() -> Bool {
        var k = i + 2
        while k + 1 < n {
            let b = bytes[k]
            if b == UInt8(ascii: "\\") { k += 2; continue }
            if b == UInt8(ascii: "\n") && blankLine(after: k) { return false }
            if b == UInt8(ascii: "$") && bytes[k + 1] == UInt8(ascii: "$") {
                let tex = String(decoding: bytes[(i + 2)..<k], as: UTF8.self).trimmingCharactersInSpaceAndNewlines()
                if tex.isEmpty { return false }
                var end = k + 2
                var label: String?
                var m = end
                while m < n, bytes[m] == UInt8(ascii: " ") || bytes[m] == UInt8(ascii: "\t") { m += 1 }
                if byte(m) == UInt8(ascii: "{"), byte(m + 1) == UInt8(ascii: "#") {
                    var e = m + 2
                    while e < n, bytes[e] != UInt8(ascii: "}"), bytes[e] != UInt8(ascii: "\n"), bytes[e] != UInt8(ascii: " ") { e += 1 }
                    if byte(e) == UInt8(ascii: "}"), e > m + 2 {
                        label = String(decoding: bytes[(m + 2)..<e], as: UTF8.self)
                        end = e + 1
                    }
                }
                let raw = String(decoding: bytes[i..<end], as: UTF8.self)
                math.append(MathSpan(tex: tex, display: true, label: label, raw: raw, location: location))
                emit(SlotToken.make(.math, math.count - 1))
                skip(end - i)
                return true
            }
            k += 1
        }
        return false
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and newlines (no Foundation needed).
    func trimmingCharactersInSpaceAndNewlines() -> String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" }
        guard let first = firstIndex(where: { !isBlank($0) }), let last = lastIndex(where: { !isBlank($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
