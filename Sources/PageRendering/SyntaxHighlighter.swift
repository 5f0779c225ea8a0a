import CellInterpreter
import SwiftIDEUtils
import SwiftParser
import SwiftSyntax
import Synchronization

/// Highlights Swift code from swift-syntax's own classification (the same one editors use),
/// as `<span class="…">` runs over escaped text. Code outside `SourceBounds` (which would make
/// parsing or classifying slow or deep) is shown as plain escaped text.
public enum SyntaxHighlighter {
    /// Highlighted code by its source, for this process: a course's cells are highlighted once
    /// for all its languages and, in `preview`, once for all its re-renders (parsing was 16 % of
    /// rendering the course from the cache, each cell parsed once per language). `used` marks
    /// what this process asked for, which is what `usedEntries` gives to keep. Emptied when full.
    private static let memo = Mutex<[String: (html: String, used: Bool)]>([:])

    public static func highlight(_ code: String) -> String {
        let known = memo.withLock { cache -> String? in
            guard let entry = cache[code] else { return nil }
            if !entry.used { cache[code]?.used = true }
            return entry.html
        }
        if let known { return known }
        let html = highlightUncached(code)
        memo.withLock { cache in
            if cache.count >= 4096 { cache.removeAll() }
            cache[code] = (html, true)
        }
        return html
    }

    /// Takes `entries` (code → its highlighted HTML, from `usedEntries` of an earlier process of
    /// the same Lectern version) as already highlighted: `lectern render` keeps them in
    /// `.lectern-cache/` because highlighting was a quarter of a render from the cache. The
    /// HTML is trusted as the run cache's outputs are; `--safe` never loads it.
    public static func remember(_ entries: [String: String]) {
        memo.withLock { cache in
            for (code, html) in entries where cache[code] == nil && cache.count < 4096 { cache[code] = (html, false) }
        }
    }

    /// The code this process highlighted or looked up, with its HTML.
    public static func usedEntries() -> [String: String] {
        memo.withLock { cache in cache.compactMapValues { $0.used ? $0.html : nil } }
    }

    static func highlightUncached(_ code: String) -> String {
        if SourceBounds.checkText(code) != nil { return HTML.escape(code) }
        let tree = Parser.parse(source: code)
        if SourceBounds.checkTree(tree) != nil { return HTML.escape(code) }
        let bytes = Array(code.utf8)
        var out = ""
        out.reserveCapacity(bytes.count * 2)
        var cursor = 0
        for range in tree.classifications {
            let start = range.range.lowerBound.utf8Offset, end = range.range.upperBound.utf8Offset
            guard start >= cursor, end <= bytes.count, start < end else { continue }
            if start > cursor { out += HTML.escape(String(decoding: bytes[cursor..<start], as: UTF8.self)) }
            let text = HTML.escape(String(decoding: bytes[start..<end], as: UTF8.self))
            if let cls = cssClass(range.kind) {
                out += "<span class=\"\(cls)\">\(text)</span>"
            } else {
                out += text
            }
            cursor = end
        }
        if cursor < bytes.count { out += HTML.escape(String(decoding: bytes[cursor...], as: UTF8.self)) }
        return out
    }

    static func cssClass(_ kind: SyntaxClassification) -> String? {
        switch kind {
        case .keyword: "kw"
        case .stringLiteral, .regexLiteral: "st"
        case .integerLiteral, .floatLiteral: "nu"
        case .lineComment, .blockComment, .docLineComment, .docBlockComment: "co"
        case .type: "ty"
        case .attribute: "at"
        case .dollarIdentifier: "dl"
        case .argumentLabel: "lb"
        case .operator: "op"
        default: nil
        }
    }
}
