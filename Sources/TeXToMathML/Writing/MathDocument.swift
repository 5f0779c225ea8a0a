/// The outer `<math>` element: namespace, display, the TeX source for copy and
/// accessibility, and the error form.
enum MathDocument {
    static let namespace = "http://www.w3.org/1998/Math/MathML"

    static func element(root: MathNode, tex: String, display: Bool, tag: EquationTag?) -> String {
        var writer = MathMLWriter()
        writer.output.reserveCapacity(tex.utf8.count * 14 + 160)
        openMath(tex: tex, display: display, into: &writer.output)
        writer.output += "<semantics>"
        let style: MathStyle = display ? .display : .text
        if let tag, display {
            // MathML Core has no mlabeledtr: the tag is a second cell beside the equation.
            writer.output += "<mtable displaystyle=\"true\"><mtr><mtd>"
            writer.writeContents(root, style: style)
            writer.output += "</mtd><mtd style=\"padding-left:2em\"><mtext>"
            XMLEscaping.append(tag.label, to: &writer.output)
            writer.output += "</mtext></mtd></mtr></mtable>"
        } else {
            writer.writeArgument(root, style: style)
        }
        writer.output += "<annotation encoding=\"application/x-tex\">"
        XMLEscaping.append(tex, to: &writer.output)
        writer.output += "</annotation></semantics></math>"
        return writer.output.string
    }

    /// The TeX source shown as text in `<merror>`, with the message in `data-message`.
    static func errorElement(tex: String, display: Bool, error: TeXMathError) -> String {
        var output = MarkupBuffer()
        openMath(tex: tex, display: display, into: &output)
        output += "<merror class=\"tex-error\" data-message=\""
        XMLEscaping.append(error.description, to: &output)
        output += "\"><mtext>"
        XMLEscaping.append(tex, to: &output)
        output += "</mtext></merror></math>"
        return output.string
    }

    private static func openMath(tex: String, display: Bool, into output: inout MarkupBuffer) {
        output += "<math xmlns=\"" + namespace + "\""
        if display { output += " display=\"block\"" }
        output += " alttext=\""
        XMLEscaping.append(tex, to: &output)
        output += "\">"
    }
}
