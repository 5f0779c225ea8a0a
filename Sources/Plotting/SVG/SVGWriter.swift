/// Builds SVG markup. All escaping happens here: attribute values and text content pass
/// through `escape`, element and attribute names are fixed strings from this target.
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
        output += ">" + Self.escape(content) + "</" + name + ">\n"
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
            output += " " + key + "=\"" + Self.escape(value) + "\""
        }
    }

    /// XML-escapes `&`, `<`, `>`, `"` and `'`; drops control characters XML forbids.
    static func escape(_ s: String) -> String {
        var needs = false
        for u in s.utf8 where u == 38 || u == 60 || u == 62 || u == 34 || u == 39 || u < 32 {
            needs = true
            break
        }
        guard needs else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out += " "
            default:
                if scalar.value < 32 { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
