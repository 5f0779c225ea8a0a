import Markup

/// Builds SVG markup. All escaping happens here: attribute values and text content pass
/// through `Markup.escape` (the pages' and equations' rule too), element and attribute names are fixed strings from this target.
struct SVGWriter {
    private(set) var output = ""

    /// An attribute list, in the order it is written (order is part of determinism).
    typealias Attributes = KeyValuePairs<String, String>

    /// Opens `<name …>` with `attributes`, then `more` (a list chosen at run time).
    mutating func open(_ name: String, _ attributes: Attributes = [:], _ more: Attributes = [:]) {
        output += "<" + name
        write(attributes)
        write(more)
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

    /// Writes `<name …>` holding plot text from the user (a title, an axis label, a legend
    /// entry): as written, or, with TeX math between dollars, as `<tspan>`s of `MathText`'s
    /// runs: italic letters, scripts at 70 % raised or lowered with `dy` (which every SVG
    /// renderer supports) and brought back to the baseline after.
    mutating func label(_ name: String, _ attributes: Attributes = [:], _ content: String) {
        guard MathText.hasMath(content) else { return text(name, attributes, content) }
        output += "<" + name
        write(attributes)
        output += ">" + Self.labelContent(content) + "</" + name + ">\n"
    }

    /// What `label` writes between the tags for `content`: escaped text, or math's `<tspan>`s.
    static func labelContent(_ content: String) -> String {
        guard MathText.hasMath(content) else { return Markup.escape(content) }
        var output = ""
        var offset = 0.0  // the baseline's current shift, in the surrounding text's em, down > 0
        for run in MathText(content).runs {
            let target = run.position == .sub ? MathText.subShift : run.position == .sup ? -MathText.supShift : 0
            let scale = run.position == .base ? 1 : MathText.scriptScale
            var attributes = ""
            if target != offset { attributes += " dy=\"\(((target - offset) / scale * 1000).rounded() / 1000)em\"" }
            if scale != 1 { attributes += " font-size=\"70%\"" }
            if run.italic { attributes += " font-style=\"italic\"" }
            let text = Markup.escape(run.text)
            output += attributes.isEmpty ? text : "<tspan" + attributes + ">" + text + "</tspan>"
            offset = target
        }
        return output
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
