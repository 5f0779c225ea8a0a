import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses SVG text as XML: tests use it to show that every figure, including those drawn
/// from bad data, is well-formed, and to count elements.
final class SVGCheck: NSObject, XMLParserDelegate {
    private(set) var elements: [String: Int] = [:]
    private(set) var texts: [String] = []
    private(set) var ids: [String] = []
    private(set) var root: [String: String] = [:]
    private var current = ""
    let wellFormed: Bool

    init(_ svg: String) {
        let parser = XMLParser(data: Data(svg.utf8))
        let delegate = Collector()
        parser.delegate = delegate
        wellFormed = parser.parse()
        elements = delegate.elements
        texts = delegate.texts
        ids = delegate.ids
        root = delegate.root
        super.init()
    }

    func count(_ name: String) -> Int { elements[name, default: 0] }

    private final class Collector: NSObject, XMLParserDelegate {
        var elements: [String: Int] = [:]
        var texts: [String] = []
        var ids: [String] = []
        var root: [String: String] = [:]
        var buffer = ""

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            if elements.isEmpty { root = attributes }
            elements[name, default: 0] += 1
            if let id = attributes["id"] { ids.append(id) }
            buffer = ""
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { buffer += string }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if ["text", "title", "desc"].contains(name) { texts.append(buffer) }
            buffer = ""
        }
    }
}
