// Golden cases: TeX and the MathML inside `<semantics>` it must produce, in the manner of
// texmath's `<<< tex >>> mathml` files. Regenerate only after checking the change in a browser.
@testable import TeXToMathML

extension GoldenCase {
    /// `\tag` drawn beside the equation (TagPlacement.inMathML).
    static let tags: [GoldenCase] = [
        GoldenCase(display: #"E = mc^2 \tag{1}"#,
                   #"<mtable displaystyle="true"><mtr><mtd><mi>E</mi><mo>=</mo><mi>m</mi><msup><mi>c</mi><mn>2</mn></msup></mtd><mtd style="padding-left:2em"><mtext>(1)</mtext></mtd></mtr></mtable>"#),
        GoldenCase(display: #"E = mc^2 \tag*{A}"#,
                   #"<mtable displaystyle="true"><mtr><mtd><mi>E</mi><mo>=</mo><mi>m</mi><msup><mi>c</mi><mn>2</mn></msup></mtd><mtd style="padding-left:2em"><mtext>A</mtext></mtd></mtr></mtable>"#),
        GoldenCase(display: #"x \tag{2.1}"#,
                   #"<mtable displaystyle="true"><mtr><mtd><mi>x</mi></mtd><mtd style="padding-left:2em"><mtext>(2.1)</mtext></mtd></mtr></mtable>"#),
        GoldenCase(display: #"\displaystyle a = b \tag{3}"#,
                   #"<mtable displaystyle="true"><mtr><mtd><mstyle displaystyle="true" scriptlevel="0"><mi>a</mi><mo>=</mo><mi>b</mi></mstyle></mtd><mtd style="padding-left:2em"><mtext>(3)</mtext></mtd></mtr></mtable>"#),
        GoldenCase(display: #"\begin{equation} a = b \tag{4} \end{equation}"#,
                   #"<mtable displaystyle="true"><mtr><mtd><mrow><mi>a</mi><mo>=</mo><mi>b</mi></mrow></mtd><mtd style="padding-left:2em"><mtext>(4)</mtext></mtd></mtr></mtable>"#),
        GoldenCase(display: #"\begin{aligned} a &= b \\ c &= d \end{aligned} \tag{5}"#,
                   #"<mtable displaystyle="true"><mtr><mtd><mtable displaystyle="true" columnalign="right left"><mtr><mtd style="text-align:right;text-align:-webkit-right;padding-left:0;padding-right:0"><mi>a</mi></mtd><mtd style="text-align:left;padding-left:0;padding-right:0"><mi></mi><mo>=</mo><mi>b</mi></mtd></mtr><mtr><mtd style="text-align:right;text-align:-webkit-right;padding-left:0;padding-right:0"><mi>c</mi></mtd><mtd style="text-align:left;padding-left:0;padding-right:0"><mi></mi><mo>=</mo><mi>d</mi></mtd></mtr></mtable></mtd><mtd style="padding-left:2em"><mtext>(5)</mtext></mtd></mtr></mtable>"#),
        GoldenCase(display: #"a < b \tag{x<y}"#,
                   #"<mtable displaystyle="true"><mtr><mtd><mi>a</mi><mo>&lt;</mo><mi>b</mi></mtd><mtd style="padding-left:2em"><mtext>(x&lt;y)</mtext></mtd></mtr></mtable>"#),
    ]
}
