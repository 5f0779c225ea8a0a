import Markup
import Notebook

/// What a `--safe` page must never hold, checked on the finished HTML: a `<script>` (or an
/// element that loads or frames other content: iframe, object, embed, base, form), an event
/// handler attribute (`on…=`), or an address attribute whose URL could run code (anything
/// `SafeURL` refuses, after entity decoding), apart from Lectern's own PNG data URIs. The
/// renderer is built not to produce these; this is the independent check that `render --safe`
/// applies before writing a page, and that the safety fuzzer asserts.
public enum PageSafety {
    /// A description of each violation in `html` (empty when the page is safe).
    public static func violations(in html: String) -> [String] {
        var scanner = TagScanner(Array(html.utf8))
        var found: [String] = []
        while let tag = scanner.nextTag() {
            let name = tag.name.lowercased()
            if forbiddenElements.contains(name), !isCourseSearch(tag) { found.append("a <\(name)> element") }
            if name == "meta", tag.attributes.contains(where: { $0.name.lowercased() == "http-equiv" }) {
                found.append("a <meta http-equiv> element")
            }
            for attribute in tag.attributes {
                let key = attribute.name.lowercased()
                if key.hasPrefix("on") { found.append("an event handler attribute '\(attribute.name)' on <\(name)>") }
                if addressAttributes.contains(key) {
                    let url = Markup.decode(attribute.value)
                    let ownImage = name == "img" && key == "src" && url.hasPrefix("data:image/png;base64,")
                    if !ownImage && !SafeURL.isAllowed(url) {
                        found.append("the address '\(url.prefix(60))' in \(attribute.name) on <\(name)>")
                    }
                }
                if key == "style", Markup.decode(attribute.value).lowercased().contains("javascript:") {
                    found.append("a script address in a style attribute on <\(name)>")
                }
            }
        }
        return found
    }

    /// Lectern's own course search, exactly as `PageSkeleton` writes it: a `<script>` with
    /// `src="./search.js"` and `defer` and nothing else (the file is written by Lectern from the
    /// pages' text; no notebook can write a script tag under --safe).
    private static func isCourseSearch(_ tag: TagScanner.Tag) -> Bool {
        tag.name.lowercased() == "script" && tag.attributes.count == 2
            && tag.attributes.contains { $0.name == "src" && $0.value == HTML.relativeLink(SearchIndex.fileName) }
            && tag.attributes.contains { $0.name == "defer" }
    }

    private static let forbiddenElements: Set<String> = ["script", "iframe", "frame", "frameset", "object", "embed", "base", "form", "applet"]
    private static let addressAttributes: Set<String> = ["href", "src", "xlink:href", "action", "formaction", "srcset", "poster", "data",
                                                         "background", "lowsrc", "dynsrc"]
}

/// The start tags of an HTML page, with their attributes, as a browser's tokenizer splits them
/// (comments skipped). Text inside raw-text elements (`<style>`, `<title>`) is scanned too: in
/// inline SVG those are not raw text, and scanning more can only find more.
private struct TagScanner {
    struct Tag {
        var name: String
        var attributes: [(name: String, value: String)]
    }

    private let bytes: [UInt8]
    private var i = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    private func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") }
    private func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0C || b == 0x0D }

    mutating func nextTag() -> Tag? {
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "<") else { i += 1; continue }
            if bytes[i...].starts(with: Array("<!--".utf8)) {
                i = find(Array("-->".utf8), from: i + 4).map { $0 + 3 } ?? bytes.count
                continue
            }
            guard i + 1 < bytes.count, isLetter(bytes[i + 1]) else { i += 1; continue }
            i += 1
            let nameStart = i
            while i < bytes.count, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: ">"), bytes[i] != UInt8(ascii: "/") { i += 1 }
            let name = String(decoding: bytes[nameStart..<i], as: UTF8.self)
            var attributes: [(String, String)] = []
            while i < bytes.count, bytes[i] != UInt8(ascii: ">") {
                if isSpace(bytes[i]) || bytes[i] == UInt8(ascii: "/") { i += 1; continue }
                let attrStart = i
                while i < bytes.count, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: ">"), bytes[i] != UInt8(ascii: "="),
                      !(bytes[i] == UInt8(ascii: "/") && i > attrStart) { i += 1 }
                if i == attrStart { i += 1; continue }
                let attrName = String(decoding: bytes[attrStart..<i], as: UTF8.self)
                while i < bytes.count, isSpace(bytes[i]) { i += 1 }
                var value = ""
                if i < bytes.count, bytes[i] == UInt8(ascii: "=") {
                    i += 1
                    while i < bytes.count, isSpace(bytes[i]) { i += 1 }
                    if i < bytes.count, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") {
                        let quote = bytes[i]
                        let valueStart = i + 1
                        i = valueStart
                        while i < bytes.count, bytes[i] != quote { i += 1 }
                        value = String(decoding: bytes[valueStart..<min(i, bytes.count)], as: UTF8.self)
                        i += 1
                    } else {
                        let valueStart = i
                        while i < bytes.count, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: ">") { i += 1 }
                        value = String(decoding: bytes[valueStart..<i], as: UTF8.self)
                    }
                }
                attributes.append((attrName, value))
            }
            i += 1
            return Tag(name: name, attributes: attributes)
        }
        return nil
    }

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        var k = start
        while k + needle.count <= bytes.count {
            if bytes[k] == needle[0], bytes[k..<(k + needle.count)].elementsEqual(needle) { return k }
            k += 1
        }
        return nil
    }
}
