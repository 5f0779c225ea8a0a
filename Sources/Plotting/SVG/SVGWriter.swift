import Markup

/// Builds SVG markup. All escaping happens here: attribute values and text content pass
/// through `Markup.escape` (the pages' and equations' rule too), element and attribute names are fixed strings from this target.
struct SVGWriter {
    private(set) var output = ""

    /// An attribute list, in the order it is written (order is part of determinism).
    typealias Attributes = KeyValuePairs<String, String>

    /// Opens `<name …>`.
    mutating func open(_ name: String, _ attributes: Attributes = [:]) {
        output += "<" + name
        write(attributes)
        output += ">\n"
    }

    /// Writes a childless `<name …/>`.
    mutating func element(_ name: String, _ attributes: Attributes) {
        output += "<" + name
        write(attributes)
        output += "/>\n"
    }

    /// Writes `<name …>text</name>` with the text escaped.
    mutating func text(_ name: String, _ attributes: Attributes = [:], _ content: String) {
        output += "<" + name
        write(attributes)
        output += ">" + Markup.escape(content) + "</" + name + ">\n"
    }

    /// Closes `</name>`.
    mutating func close(_ name: String) {
        output += "</" + name + ">\n"
    }

    /// Appends markup produced by another writer (already escaped).
    mutating func append(_ other: SVGWriter) {
        output += other.output
    }

    private mutating func write(_ attributes: Attributes) {
        for (key, value) in attributes {
            output += " " + key + "=\"" + Markup.escape(value) + "\""
        }
    }
}
