import Testing
@testable import Notebook

/// `` `{swift} expr, digits: n` ``: the expression and the digits the author asked for.
struct InlineExpressionTests {
    @Test("a trailing digits option is split off; anything else is the expression", arguments: [
        ("x", "x", nil), ("loss, digits: 3", "loss", 3), ("loss,digits:3", "loss", 3),
        ("f(a, digits: 2)", "f(a, digits: 2)", nil), ("[a, digits: 2]", "[a, digits: 2]", nil),
        ("model.fit(x).loss , digits : 5 ", "model.fit(x).loss , digits : 5 ", nil),
        ("x, digits: ", "x, digits: ", nil), ("x digits: 2", "x digits: 2", nil),
        ("x, digits: 99999999999999999999999", "x", Int.max),
    ] as [(String, String, Int?)])
    func split(_ code: String, _ expression: String, _ digits: Int?) {
        let (e, d) = InlineExpression.splitDigits(code)
        #expect(e == expression)
        #expect(d == digits)
    }

    @Test("the document carries the digits; out of range is a located error")
    func parsed() throws {
        let doc = try DocumentParser.parse(SourceFile(path: "nb.md", text: "Loss `{swift} 1.0 / 3.0, digits: 3`.\n"))
        #expect(doc.inlineExpressions.map(\.code) == ["1.0 / 3.0"])
        #expect(doc.inlineExpressions.map(\.digits) == [3])
        for bad in ["0", "18", "123456789012345678901"] {
            #expect(throws: Diagnostic.self) {
                try DocumentParser.parse(SourceFile(path: "nb.md", text: "Text\n\nLoss `{swift} x, digits: \(bad)`.\n"))
            }
            do {
                _ = try DocumentParser.parse(SourceFile(path: "nb.md", text: "Text\n\nLoss `{swift} x, digits: \(bad)`.\n"))
            } catch {
                #expect(error.location?.line == 3)
                #expect(error.message.contains("digits must be from 1 to 17"))
            }
        }
    }
}
