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
    struct Section: Equatable {
        var anchor: String
        var heading: String
        var text: String
    }

    /// `search.js` for `chapters` (each page's file name, the title the results show, its HTML).
    public static func script(chapters: [(page: String, title: String, html: String)]) -> String {
        var pages: [[String]] = []
        var sections: [[JSONValue]] = []
        // Each page scanned on its own thread (they are independent); the index keeps their order.
        let scanned = concurrentMap(chapters) { SearchIndex.sections(of: $0.html) }
        for (i, chapter) in chapters.enumerated() {
            pages.append([HTML.relativeLink(chapter.page), chapter.title])
            for s in scanned[i] {
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
    static func sections(of html: String) -> [Section] {
        // The content between <main> and the footer, found with the page renderer's byte search.
        let utf8 = html.utf8
        guard let main = PageRenderer.find("<main>", in: utf8, from: utf8.startIndex) else { return [] }
        let footer = PageRenderer.find("<footer class=\"page-footer\">", in: utf8, from: main.upperBound)
        let bytes = Array(utf8)
        let mainStart = utf8.distance(from: utf8.startIndex, to: main.lowerBound)
        let end = footer.map { utf8.distance(from: utf8.startIndex, to: $0.lowerBound) } ?? bytes.count
        var sections: [Section] = [Section(anchor: "", heading: "", text: "")]
        var text: [UInt8] = [], heading: [UInt8] = []
        var inHeading: String? = nil
        var i = mainStart + 6
        func flushText() {
            sections[sections.count - 1].text += decode(text)
            text.removeAll(keepingCapacity: true)
        }
        while i < end {
            guard bytes[i] == UInt8(ascii: "<") else {
                if inHeading != nil { heading.append(bytes[i]) } else { text.append(bytes[i]) }
                i += 1
                continue
            }
            guard let close = bytes[i..<end].firstIndex(of: UInt8(ascii: ">")) else { break }
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
                var depth = 1
                while depth > 0, i < end, let open = bytes[i..<end].firstIndex(of: UInt8(ascii: "<")),
                      let shut = bytes[open..<end].firstIndex(of: UInt8(ascii: ">")) {
                    let inner = Tag(bytes[(open + 1)..<shut])
                    if inner.name == tag.name && !inner.selfClosing { depth += inner.closing ? -1 : 1 }
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
    static func clean(_ s: String) -> String {
        s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
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

        init(_ raw: ArraySlice<UInt8>) {
            var s = raw[...]
            closing = s.first == UInt8(ascii: "/")
            if closing { s = s.dropFirst() }
            selfClosing = s.last == UInt8(ascii: "/")
            let nameBytes = s.prefix { ($0 >= 97 && $0 <= 122) || ($0 >= 65 && $0 <= 90) || ($0 >= 48 && $0 <= 57) }
            name = String(decoding: nameBytes, as: UTF8.self).lowercased()
            // Bytes, not String: a tag can hold a whole PNG as base64 (measured: Foundation's
            // string search over such tags took 11 % of a site render).
            // Only the elements the scanner asks about: not an <img> with a PNG in its src.
            let rest = s.dropFirst(nameBytes.count)
            let asked = !closing && Self.withAttributes.contains(name)
            attributeID = asked ? Self.value(of: Array(" id=\"".utf8), in: rest) : nil
            classes = asked ? Self.value(of: Array(" class=\"".utf8), in: rest)?.split(separator: " ").map(String.init) ?? [] : []
        }

        /// The elements whose id (headings) or class (`skippedClasses`) the scanner reads.
        static let withAttributes: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6", "div", "span", "details", "p", "section", "figure"]

        /// The value of the attribute whose ` name="` is `key`, if the tag has it.
        private static func value(of key: [UInt8], in bytes: ArraySlice<UInt8>) -> String? {
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
