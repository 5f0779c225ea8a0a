import Testing
@testable import TeXToMathML

/// The `<math>` element: display, the TeX source as alttext and annotation, escaping,
/// tags, and determinism.
@Suite("Math element")
struct DocumentTests {
    let converter = MathMLConverter()

    @Test("inline math has no display attribute; display math is a block")
    func display() throws {
        let inline = try converter.convert("x", display: false)
        #expect(inline == #"<math xmlns="http://www.w3.org/1998/Math/MathML" alttext="x"><semantics><mi>x</mi><annotation encoding="application/x-tex">x</annotation></semantics></math>"#)
        let block = try converter.convert("x", display: true)
        #expect(block == #"<math xmlns="http://www.w3.org/1998/Math/MathML" display="block" alttext="x"><semantics><mi>x</mi><annotation encoding="application/x-tex">x</annotation></semantics></math>"#)
    }

    @Test("the TeX source is escaped in alttext, annotation and text", arguments: [
        (#"x < y \& z"#, #"x &lt; y \&amp; z"#),
        (#"\text{"quoted" & <b>}"#, #"\text{&quot;quoted&quot; &amp; &lt;b&gt;}"#),
        (#"a > b"#, #"a &gt; b"#),
    ])
    func escaping(tex: String, escaped: String) throws {
        let mathML = try converter.convert(tex, display: false)
        #expect(mathML.contains(#"alttext=""# + escaped + #"""#))
        #expect(mathML.contains(#"<annotation encoding="application/x-tex">"# + escaped + "</annotation>"))
        #expect(WellFormedness.problems(in: mathML).isEmpty)
        #expect(!mathML.contains("<b>"))
    }

    @Test("text with quotes, ampersands and angle brackets is escaped in mtext")
    func textEscaping() throws {
        let body = try semanticsBody(#"\text{"a" & <b>}"#, display: false)
        #expect(body == "<mtext>&quot;a&quot; &amp; &lt;b&gt;</mtext>")
    }

    @Test("control characters become U+FFFD in the error element, never raw")
    func controlCharacters() {
        let rendering = converter.render("x\u{01}y", display: false)
        #expect(rendering.isError)
        #expect(rendering.mathML.contains("x\u{FFFD}y"))
        #expect(!rendering.mathML.contains("\u{01}"))
    }

    @Test("an empty formula is an empty row")
    func empty() throws {
        #expect(try semanticsBody("", display: false) == "<mrow></mrow>")
        #expect(try semanticsBody("   % only a comment", display: true) == "<mrow></mrow>")
    }

    @Test("a top-level tag is exposed, and drawn in the MathML unless the caller places it")
    func tagPlacement() throws {
        let inMathML = converter.render(#"E = mc^2 \tag{3.1}"#, display: true)
        #expect(inMathML.tag == EquationTag(text: "3.1", isStarred: false))
        #expect(inMathML.tag?.label == "(3.1)")
        #expect(inMathML.mathML.contains("<mtext>(3.1)</mtext>"))

        let byCaller = MathMLConverter(tagPlacement: .byCaller).render(#"E = mc^2 \tag{3.1}"#, display: true)
        #expect(byCaller.tag?.label == "(3.1)")
        #expect(!byCaller.mathML.contains("3.1</mtext>"))
        #expect(try semanticsBody(#"E = mc^2 \tag{3.1}"#, display: true, converter: MathMLConverter(tagPlacement: .byCaller))
            == "<mrow><mi>E</mi><mo>=</mo><mi>m</mi><msup><mi>c</mi><mn>2</mn></msup></mrow>")
        // The annotation keeps the tag, so nothing of the source is lost.
        #expect(byCaller.mathML.contains(#"\tag{3.1}</annotation>"#))

        let starred = converter.render(#"x \tag*{(A)}"#, display: true)
        #expect(starred.tag == EquationTag(text: "(A)", isStarred: true))
        #expect(starred.tag?.label == "(A)")
        #expect(converter.render("x", display: true).tag == nil)
    }

    @Test("align rows keep their own tags in the MathML, whatever the placement")
    func rowTags() {
        let rendering = MathMLConverter(tagPlacement: .byCaller)
            .render(#"\begin{align} a &= b \tag{1} \\ c &= d \tag{2} \end{align}"#, display: true)
        #expect(rendering.tag == nil)
        #expect(rendering.mathML.contains("<mtext>(1)</mtext>"))
        #expect(rendering.mathML.contains("<mtext>(2)</mtext>"))
    }

    @Test("success has no diagnostics")
    func success() {
        let rendering = converter.render(#"\frac{a}{b}"#, display: false)
        #expect(!rendering.isError)
        #expect(rendering.diagnostics.isEmpty)
    }

    @Test("same input, same bytes, also from several threads")
    func determinism() async throws {
        let tex = GoldenCase.courseFormulas.map(\.tex).joined(separator: " \\quad ")
        let first = try converter.convert(tex, display: true)
        #expect(try converter.convert(tex, display: true) == first)
        let results = await withTaskGroup(of: String.self) { group in
            for _ in 0..<8 {
                group.addTask { (try? MathMLConverter().convert(tex, display: true)) ?? "" }
            }
            var all: [String] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.allSatisfy { $0 == first })
    }

    @Test("the stylesheet names the math font stack in order, without shipping fonts")
    func stylesheet() {
        let family = MathStylesheet.fontFamily
        let stix = family.range(of: "\"STIX Two Math\"")
        let latinModern = family.range(of: "\"Latin Modern Math\"")
        #expect(stix != nil && latinModern != nil)
        if let stix, let latinModern { #expect(stix.lowerBound < latinModern.lowerBound) }
        #expect(family.hasPrefix("\"STIX Two Math\""))
        #expect(family.hasSuffix(", math"))
        #expect(family.contains("Cambria Math"))
        #expect(MathStylesheet.css.contains("math { font-family: " + family + "; }"))
        #expect(!MathStylesheet.css.contains("@font-face"))
        #expect(!MathStylesheet.css.contains("url("))
    }
}
