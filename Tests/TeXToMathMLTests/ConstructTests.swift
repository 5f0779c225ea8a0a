import Testing
@testable import TeXToMathML

/// Constructs added for the course-notes corpus: each converts, is well-formed, and carries
/// what makes it that construct (KaTeX's MathML for the same input has the same element).
struct ConstructTests {
    @Test("converts with the telling markup", arguments: [
        (#"\cancel{x}"#, [#"<menclose notation="updiagonalstrike""#, "<mi>x</mi>"]),
        (#"\bcancel{x}"#, [#"notation="downdiagonalstrike""#]),
        (#"\xcancel{x}"#, [#"notation="updiagonalstrike downdiagonalstrike""#]),
        (#"\sout{abc}"#, [#"notation="horizontalstrike""#]),
        (#"\genfrac{(}{)}{0pt}{}{n}{k}"#, [#"<mfrac linethickness="0">"#, ">(</mo>", ">)</mo>"]),
        (#"\genfrac{[}{]}{}{0}{a}{b}"#, [#"<mstyle displaystyle="true" scriptlevel="0">"#, "<mfrac>", ">[</mo>"]),
        (#"\genfrac{\langle}{.}{1.5pt}{2}{a}{b}"#, [#"linethickness="1.5pt""#, ">⟨</mo>", #"scriptlevel="1""#]),
        (#"{n \brace k}"#, [#"<mfrac linethickness="0">"#, ">{</mo>", ">}</mo>"]),
        (#"{n \brack k}"#, [">[</mo>", ">]</mo>"]),
        (#"a \doteqdot b"#, ["<mo>≑</mo>"]),
        (#"\rq x \lq"#, ["’", "‘"]),
        (#"\underbar{x}"#, ["border-bottom"]),
        (#"A \xrightleftharpoons[k_2]{k_1} B"#, ["⇌", "<munderover>"]),
        (#"\text{if \(x > 0\) then}"#, ["<mtext>if&#xA0;</mtext><mrow><mi>x</mi>", "<mtext>&#xA0;then</mtext>"]),
        (#"\text{it\rq s}"#, ["it’s"]),
        // Rendering fixes: a sized delimiter under a script sits in its own row (else Chromium
        // draws it small and dropped); \bar's mark is U+02C9 (Latin Modern hides U+00AF over x).
        (#"\big)^{1/2}"#, [#"<msup><mrow><mo stretchy="true" minsize="1.2em" maxsize="1.2em" lspace="0em" rspace="0em">)</mo></mrow>"#]),
        (#"\big\rVert^2"#, ["<msup><mrow><mo"]),
        (#"\bar x"#, [#"<mover accent="true"><mi>x</mi><mo stretchy="false">ˉ</mo></mover>"#]),
    ])
    func converts(_ tex: String, _ fragments: [String]) throws {
        let mathML = try MathMLConverter().convert(tex, display: false)
        for fragment in fragments {
            #expect(mathML.contains(fragment), "\(fragment) in \(mathML)")
        }
        #expect(WellFormedness.problems(in: mathML).isEmpty)
    }

    @Test("bad arguments of \\genfrac are located errors", arguments: [
        #"\genfrac{x}{)}{0pt}{}{a}{b}"#, #"\genfrac{(}{)}{thick}{}{a}{b}"#, #"\genfrac{(}{)}{0pt}{7}{a}{b}"#,
        #"\text{open \(x"#,
    ])
    func refused(_ tex: String) {
        #expect(throws: TeXMathError.self) { try MathMLConverter().convert(tex, display: false) }
    }
}
