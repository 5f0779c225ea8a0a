/// The outer `<math>` element: namespace, display, the TeX source for copy and
/// accessibility, and the error form.
enum MathDocument {
    static let namespace = "http://www.w3.org/1998/Math/MathML"
    /// Inline formulas with TeX this long or longer are broken into pieces where they can be.
    static let inlinePieceLength = 40
    /// The start of one piece of a broken inline formula.
    private static let piece = "<math xmlns=\"" + namespace + "\"><mrow>"

    /// `breakable`: a display formula's top-level row is written as lines that the page's
    /// CSS lets wrap at relations (`MathStylesheet`), so a long equation fits a narrow
    /// column instead of running past it; a long inline formula as pieces the paragraph
    /// wraps between.
    static func element(root: MathNode, tex: String, display: Bool, tag: EquationTag?, breakable: Bool = false) -> String {
        var writer = MathMLWriter()
        writer.output.reserveCapacity(tex.utf8.count * 14 + 160)
        if breakable, !display, tex.count >= inlinePieceLength, case .row(let nodes) = root,
           case let breaks = MathMLWriter.lineBreaks(in: nodes, inline: true), !breaks.isEmpty {
            // MathML Core has no line breaking, and Firefox does not let CSS wrap a row: a long
            // inline formula is written as several <math> pieces, each ending where TeX could
            // break the line, so the paragraph wraps between them. Read as one: the TeX source
            // labels the whole, the pieces (in an aria-hidden span: HTML does not allow
            // aria-hidden on <math>) are hidden from assistive technology.
            writer.output += "<span class=\"tex-pieces\" role=\"math\" aria-label=\""
            writer.output.appendEscaped(tex)
            writer.output += "\"><span aria-hidden=\"true\">" + piece
            writer.lineBreakMarkup = "</mrow></math><wbr>" + piece
            writer.writeRow(nodes, style: .text, lineBreaks: breaks)
            writer.output += "</mrow></math></span></span>"
            return writer.output.string
        }
        openMath(tex: tex, display: display, into: &writer.output)
        writer.output += "<semantics>"
        let style: MathStyle = display ? .display : .text
        if let tag, display {
            // MathML Core has no mlabeledtr: the tag is a second cell beside the equation.
            writer.output += "<mtable displaystyle=\"true\"><mtr><mtd>"
            writer.writeContents(root, style: style)
            writer.output += "</mtd><mtd style=\"padding-left:2em\"><mtext>"
            writer.output.appendEscaped(tag.label)
            writer.output += "</mtext></mtd></mtr></mtable>"
        } else if breakable, display, case .row(let nodes) = root,
                  case let breaks = MathMLWriter.lineBreaks(in: nodes), !breaks.isEmpty {
            // One row of lines: laid out as a row where the browser ignores the CSS.
            writer.output += "<mrow class=\"tex-lines\"><mrow>"
            writer.writeRow(nodes, style: style, lineBreaks: breaks)
            writer.output += "</mrow></mrow>"
        } else {
            writer.writeArgument(root, style: style)
        }
        writer.output += "<annotation encoding=\"application/x-tex\">"
        writer.output.appendEscaped(tex)
        writer.output += "</annotation></semantics></math>"
        return writer.output.string
    }

    /// The TeX source shown as text in `<merror>`, with the message in `data-message`.
    static func errorElement(tex: String, display: Bool, error: TeXMathError) -> String {
        var output = MarkupBuffer()
        openMath(tex: tex, display: display, into: &output)
        output += "<merror class=\"tex-error\" data-message=\""
        output.appendEscaped(error.description)
        output += "\"><mtext>"
        output.appendEscaped(tex)
        output += "</mtext></merror></math>"
        return output.string
    }

    private static func openMath(tex: String, display: Bool, into output: inout MarkupBuffer) {
        output += "<math xmlns=\"" + namespace + "\""
        if display { output += " display=\"block\"" }
        output += " alttext=\""
        output.appendEscaped(tex)
        output += "\">"
    }
}
