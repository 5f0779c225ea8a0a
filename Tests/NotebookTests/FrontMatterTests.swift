import Foundation
import Testing
@testable import Notebook

struct FrontMatterTests {
    func front(_ yaml: String) throws -> FrontMatter {
        try DocumentParser.parse(SourceFile(path: "nb.md", text: "---\n\(yaml)\n---\ntext\n")).frontMatter
    }

    @Test func readsTheKnownKeys() throws {
        let f = try front("title: Probabilistic PCA\nsubtitle: 概率主成分分析\nseed: 7\ntoc: true\nnumber-sections: true\nparams:\n  latent: 2\n  rate: 0.5\n  name: digits\n  fast: false")
        #expect(f.title == "Probabilistic PCA")
        #expect(f.subtitle == "概率主成分分析")
        #expect(f.seed == 7)
        #expect(f.toc == true)
        #expect(f.numberSections)
        #expect(f.parameters.map(\.name) == ["latent", "rate", "name", "fast"])
        #expect(f.parameters.map(\.value) == [.int(2), .double(0.5), .string("digits"), .bool(false)])
        #expect(f.parameters[0].location.line == 8)
    }

    /// The split into YAML and body: a slice of the file, with the body's first file line.
    @Test(arguments: [
        ("---\ntitle: A\n---\nbody\n", "title: A", "body\n", 4),
        ("---\na: 1\nb: 2\n...\nbody", "a: 1\nb: 2", "body", 5),
        ("---\n---\nbody", "", "body", 3),
        ("---\ntitle: A\n  ---  \n", "title: A", "", 4),
        ("---\ntitle: A\n---", "title: A", "", 4),
    ] as [(String, String, String, Int)])
    func frontMatterSplitsOffTheTop(text: String, yaml: String, body: String, line: Int) {
        let split = FrontMatter.split(text)
        #expect(split.yaml == yaml)
        #expect(String(split.body) == body)
        #expect(split.bodyLine == line)
    }

    /// Without a closing line, or not at the very top, there is no front matter.
    @Test(arguments: ["---\ntitle: A\nbody\n", "---", "text\n---\na: 1\n---\n", " ---\na: 1\n---\n", "---\n"])
    func noFrontMatterLeavesTheTextWhole(text: String) {
        let split = FrontMatter.split(text)
        #expect(split.yaml == nil && String(split.body) == text && split.bodyLine == 1)
    }

    @Test func executeSetsCellDefaults() throws {
        let d = try DocumentParser.parse(SourceFile(path: "nb.md", text: "---\nexecute:\n  echo: false\n---\n```swift\n//| output: false\n1\n```\n"))
        #expect(d.cells[0].options.echo == false)
        #expect(d.cells[0].options.output == false)
    }

    @Test func invalidYAMLNamesItsLine() {
        let error = #expect(throws: Diagnostic.self) { try front("title: A\nparams: [unclosed") }
        #expect(error?.location?.line == 4)
        #expect(error?.message.hasPrefix("invalid YAML in front matter") == true)
    }

    struct WrongType: Sendable, CustomTestStringConvertible {
        let yaml: String
        let message: String
        var testDescription: String { yaml }
    }

    @Test(arguments: [
        WrongType(yaml: "seed: -3", message: "front matter 'seed' must be a non-negative whole number"),
        WrongType(yaml: "title: [a, b]", message: "front matter 'title' must be text"),
        WrongType(yaml: "toc: sometimes", message: "front matter 'toc' must be true or false"),
        WrongType(yaml: "params: 3", message: "front matter 'params' must be a mapping of names to values"),
        WrongType(yaml: "params:\n  2x: 1", message: "parameter name '2x' is not a Swift identifier"),
        WrongType(yaml: "params:\n  xs: [1, 2]", message: "parameter 'xs' must be a number, true/false or text"),
        WrongType(yaml: "- a\n- b", message: "front matter must be a mapping of keys to values (like 'title: …')"),
    ])
    func wrongTypesAreLocatedErrors(_ c: WrongType) {
        let error = #expect(throws: Diagnostic.self) { try front(c.yaml) }
        #expect(error?.message == c.message)
        #expect(error?.location != nil)
    }

    @Test func aLeadingRuleWithoutClosingIsNotFrontMatter() throws {
        let d = try DocumentParser.parse(SourceFile(path: "nb.md", text: "---\n\nJust a rule.\n"))
        #expect(d.frontMatter.title == nil)
    }

    @Test func overridesParseAsTheDefaultsType() {
        #expect(ParameterValue.int(2).parsingOverride("5") == .int(5))
        #expect(ParameterValue.int(2).parsingOverride("5.5") == nil)
        #expect(ParameterValue.double(1).parsingOverride("5") == .double(5))
        #expect(ParameterValue.bool(true).parsingOverride("yes") == nil)
        #expect(ParameterValue.string("a").parsingOverride("b c") == .string("b c"))
    }
}
