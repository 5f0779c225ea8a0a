import Foundation
import Markup

/// The course's offline search: `search.js`, written beside the pages, holds every chapter's
/// text by section (prose, headings, captions; code, outputs and formulas left out) and the small
/// script that searches it. Pages load it with one `<script src>`, which works from `file://`
/// where fetching a JSON file does not. A query is a case-insensitive substring match of each of
/// its words, so Chinese, written without spaces between words, is found as typed (概率主成分).
public enum SearchIndex {
    /// The file the pages load.
    public static let fileName = "search.js"

    /// One section of a page: the text under one heading, up to the next.
    public struct Section: Equatable, Sendable, Codable {
        var anchor: String
        var heading: String
        var text: String
    }

    /// `search.js` for `chapters` (each page's file name, the title the results show, its HTML).
    public static func script(chapters: [(page: String, title: String, html: String)]) -> String {
        // Each page scanned on its own thread (they are independent); the index keeps their order.
        let scanned = concurrentMap(chapters) { SearchIndex.sections(of: $0.html) }
        return script(pages: zip(chapters, scanned).map { ($0.page, $0.title, $1) })
    }

    /// `search.js` for pages already scanned (`sections(of:)`): a site writer scans each page as
    /// it renders it, side by side with the others, rather than reading it back afterwards.
    public static func script(pages scannedPages: [(page: String, title: String, sections: [Section])]) -> String {
        var pages: [[String]] = []
        var sections: [[JSONValue]] = []
        for (i, chapter) in scannedPages.enumerated() {
            pages.append([HTML.relativeLink(chapter.page), chapter.title])
            for s in chapter.sections {
                sections.append([.number(i), .string(s.anchor), .string(s.heading), .string(s.text)])
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]  // key order is per-process random otherwise
        let data = (try? encoder.encode(SearchData(pages: pages, sections: sections))) ?? Data("{}".utf8)
        return "// Lectern's course search: the index, then the script (see SearchIndex.swift).\n"
            + "const LECTERN_SEARCH = \(String(decoding: data, as: UTF8.self));\n" + SearchScript.code
    }

    private struct SearchData: Encodable {
        var pages: [[String]]
        var sections: [[JSONValue]]
    }

    enum JSONValue: Encodable {
        case number(Int), string(String)
        func encode(to encoder: Encoder) throws {
            var c = encoder.singleValueContainer()
            switch self {
            case .number(let n): try c.encode(n)
            case .string(let s): try c.encode(s)
            }
        }
    }

    /// Elements whose content is not searched: code and outputs, formulas, plots, navigation,
    /// folded code, cell errors and notes, and the numbers put before titles.
    private static let skipped: Set<String> = ["pre", "math", "svg", "nav", "style", "script", "button"]
    private static let skippedClasses: Set<String> = ["code-fold", "cell-error", "cell-note", "cell-time", "chapter-number",
                                                      "section-number", "eq-number", "site-search", "xref-missing"]
    /// Elements that separate words.
    private static let blocks: Set<String> = ["p", "li", "div", "br", "tr", "td", "th", "figcaption", "header", "blockquote",
                                              "ul", "ol", "dt", "dd", "table", "section", "figure", "summary", "details"]

    /// The sections of a rendered page, in order: the title block, then one per heading.
    public static func sections(of html: String) -> [Section] {
        var page = html
        return page.withUTF8 { sections(of: $0) }
    }

    /// `sections(of:)` over the page's bytes. Code, outputs and figures are most of a page and
    /// none of its index: inside a skipped element only the tags of its own name are read.
    private static func sections(of bytes: UnsafeBufferPointer<UInt8>) -> [Section] {
        let lt = UInt8(ascii: "<"), gt = UInt8(ascii: ">")
        func next(_ byte: UInt8, from i: Int, to end: Int) -> Int? {
            guard i < end, let base = bytes.baseAddress, let hit = memchr(base + i, Int32(byte), end - i) else { return nil }
            return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
        }
        func find(_ needle: String, from i: Int) -> Int? {
            let n = Array(needle.utf8)
            var i = i
            while let hit = next(n[0], from: i, to: bytes.count - n.count + 1) {
                if memcmp(bytes.baseAddress! + hit, n, n.count) == 0 { return hit }
                i = hit + 1
            }
            return nil
        }
        // The content between <main> and the footer.
        guard let main = find("<main>", from: 0) else { return [] }
        let end = find("<footer class=\"page-footer\">", from: main) ?? bytes.count
        var sections: [Section] = [Section(anchor: "", heading: "", text: "")]
        var text: [UInt8] = [], heading: [UInt8] = []
        var inHeading: String? = nil
        var i = main + 6
        func flushText() {
            sections[sections.count - 1].text += decode(text)
            text.removeAll(keepingCapacity: true)
        }
        while i < end {
            guard bytes[i] == lt else {
                let stop = next(lt, from: i, to: end) ?? end
                if inHeading != nil { heading.append(contentsOf: bytes[i..<stop]) } else { text.append(contentsOf: bytes[i..<stop]) }
                i = stop
                continue
            }
            guard let close = next(gt, from: i, to: end) else { break }
            let tag = Tag(bytes[(i + 1)..<close])
            i = close + 1
            if tag.closing {
                if let h = inHeading, tag.name == h {
                    sections[sections.count - 1].heading = clean(decode(heading))
                    heading.removeAll()
                    inHeading = nil
                } else if blocks.contains(tag.name) {
                    if inHeading != nil { heading.append(32) } else { text.append(32) }
                }
                continue
            }
            if skipped.contains(tag.name) || tag.classes.contains(where: skippedClasses.contains) {
                // Skip to the matching close tag, counting nested elements of the same name.
                if tag.selfClosing { continue }
                let name = Array(tag.name.utf8)
                var depth = 1
                while depth > 0, let open = next(lt, from: i, to: end) {
                    i = open + 1
                    let closing = i < end && bytes[i] == UInt8(ascii: "/")
                    let start = closing ? i + 1 : i
                    guard start + name.count < end, Tag.isName(bytes[start..<(start + name.count)], name),
                          !Tag.isNameByte(bytes[start + name.count]),
                          let shut = next(gt, from: start, to: end) else { continue }
                    if closing { depth -= 1 } else if bytes[shut - 1] != UInt8(ascii: "/") { depth += 1 }
                    i = shut + 1
                }
                continue
            }
            if tag.name.count == 2, tag.name.first == "h", let level = tag.name.last?.wholeNumberValue, (1...6).contains(level) {
                flushText()
                // The page's title (no id) names the first section; every other heading starts one.
                let isTitle = tag.attributeID == nil && sections.count == 1 && sections[0].heading.isEmpty
                if !isTitle { sections.append(Section(anchor: tag.attributeID ?? "", heading: "", text: "")) }
                inHeading = tag.name
                continue
            }
            if blocks.contains(tag.name) {
                if inHeading != nil { heading.append(32) } else { text.append(32) }
            }
        }
        flushText()
        return sections.map { Section(anchor: $0.anchor, heading: $0.heading, text: clean($0.text)) }
            .filter { !$0.heading.isEmpty || !$0.text.isEmpty }
    }

    /// Whitespace runs as one space, trimmed.
    /// Scalar by scalar with an ASCII fast path: `Character.isWhitespace` looked up Unicode
    /// properties for every character of every page, a tenth of the index's time.
    static func clean(_ s: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        var space = false
        for u in s.unicodeScalars {
            let white = u.isASCII ? (u == " " || (0x09...0x0D).contains(u.value)) : u.properties.isWhitespace
            if white {
                space = !out.isEmpty
            } else {
                if space { out.append(32); space = false }
                UTF8.encode(u) { out.append($0) }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Text with the character references a page holds decoded.
    static func decode(_ bytes: [UInt8]) -> String {
        Markup.decode(String(decoding: bytes, as: UTF8.self))
    }

    /// An HTML tag as the scanner reads it: its name, whether it closes, its id and classes.
    private struct Tag {
        var name: String
        var closing: Bool
        var selfClosing: Bool
        var attributeID: String?
        var classes: [String]

        init(_ raw: Slice<UnsafeBufferPointer<UInt8>>) {
            var s = raw[...]
            closing = s.first == UInt8(ascii: "/")
            if closing { s = s.dropFirst() }
            selfClosing = s.last == UInt8(ascii: "/")
            let nameBytes = s.prefix(while: Self.isNameByte)
            name = String(decoding: nameBytes, as: UTF8.self).lowercased()
            // Bytes, not String: a tag can hold a whole PNG as base64 (measured: Foundation's
            // string search over such tags took 11 % of a site render).
            // Only the elements the scanner asks about: not an <img> with a PNG in its src.
            let rest = s.dropFirst(nameBytes.count)
            let asked = !closing && Self.withAttributes.contains(name)
            attributeID = asked ? Self.value(of: Array(" id=\"".utf8), in: rest) : nil
            classes = asked ? Self.value(of: Array(" class=\"".utf8), in: rest)?.split(separator: " ").map(String.init) ?? [] : []
        }

        /// Whether `byte` can be part of a tag's name (ASCII letters and digits).
        static func isNameByte(_ byte: UInt8) -> Bool {
            (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90) || (byte >= 48 && byte <= 57)
        }

        /// Whether `bytes` spell the lower-case `name`, in any case.
        static func isName(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, _ name: [UInt8]) -> Bool {
            zip(bytes, name).allSatisfy { ($0 | 0x20) == $1 }
        }

        /// The elements whose id (headings) or class (`skippedClasses`) the scanner reads.
        static let withAttributes: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6", "div", "span", "details", "p", "section", "figure"]

        /// The value of the attribute whose ` name="` is `key`, if the tag has it.
        private static func value(of key: [UInt8], in bytes: Slice<UnsafeBufferPointer<UInt8>>) -> String? {
            var i = bytes.startIndex
            while i + key.count <= bytes.endIndex {
                if bytes[i] == key[0], bytes[i..<(i + key.count)].elementsEqual(key) {
                    let start = i + key.count
                    guard let end = bytes[start...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
                    return String(decoding: bytes[start..<end], as: UTF8.self)
                }
                i += 1
            }
            return nil
        }
    }
}
