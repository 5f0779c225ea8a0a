import Testing
@testable import TeXToMathML
import Markup

/// One golden case: TeX, inline or display, and the MathML it must produce inside
/// `<semantics>` (the `<math>` wrapper and annotation are checked by every case too).
struct GoldenCase: Sendable, CustomTestStringConvertible {
    let tex: String
    let display: Bool
    let mathML: String

    init(_ tex: String, _ mathML: String) {
        self.tex = tex
        self.display = false
        self.mathML = mathML
    }

    init(display tex: String, _ mathML: String) {
        self.tex = tex
        self.display = true
        self.mathML = mathML
    }

    var testDescription: String { (display ? "display: " : "") + tex }
}

/// Converts `tex`, checks the `<math>` wrapper (namespace, display, alttext, annotation)
/// and returns what is inside `<semantics>` before the annotation.
func semanticsBody(_ tex: String, display: Bool, converter: MathMLConverter = MathMLConverter()) throws -> String {
    let mathML = try converter.convert(tex, display: display)
    let escaped = Markup.escape(tex)
    let open = "<math xmlns=\"http://www.w3.org/1998/Math/MathML\"" + (display ? " display=\"block\"" : "")
        + " alttext=\"" + escaped + "\"><semantics>"
    let close = "<annotation encoding=\"application/x-tex\">" + escaped + "</annotation></semantics></math>"
    #expect(mathML.hasPrefix(open), "wrapper start: \(mathML.prefix(200))")
    #expect(mathML.hasSuffix(close), "wrapper end: \(mathML.suffix(200))")
    guard mathML.hasPrefix(open), mathML.hasSuffix(close) else { return mathML }
    return String(mathML.dropFirst(open.count).dropLast(close.count))
}
