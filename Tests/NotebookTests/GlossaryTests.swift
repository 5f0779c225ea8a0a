import Testing
@testable import Notebook

/// The glossary file and the `[[term]]` marks that link to it.
struct GlossaryTests {
    static let file = """
        - en: generative model
          zh: 生成模型
          definition: A model of p(x).
          chapter: 1
        - en: evidence lower bound
          zh: 证据下界
          definition: {en: The ELBO., zh: 证据下界。}
          chapter: 2
        """

    @Test func readsEveryEntryAndFindsTermsAsWritten() throws {
        let glossary = try Glossary.parse(Self.file, path: "glossary.yml", chapterCount: 3)
        #expect(glossary.entries.map(\.id) == ["term-generative-model", "term-evidence-lower-bound"])
        #expect(glossary.entries[1].definition.texts == ["en": "The ELBO.", "zh": "证据下界。"])
        #expect(glossary.entries[1].location.line == 5)
        for written in ["generative model", "Generative Model", "生成模型", "generative models"] {
            #expect(glossary.entry(for: written)?.english == "generative model", "\(written)")
        }
        #expect(glossary.entry(for: "generative") == nil)
        #expect(glossary.entries[0].term(in: "zh-CN") == "生成模型" && glossary.entries[0].otherTerm(for: "en") == "生成模型")
    }

    @Test(arguments: [
        ("en: x", "glossary.yml:1:1: error: the glossary must be a list of terms"),
        ("- en: a\n  zh: 甲\n  chapter: 0", "glossary.yml:1:3: error: the glossary entry needs 'definition'"),
        ("- en: a\n  zh: 甲\n  definition: d\n  chapter: 3", "glossary.yml:4:12: error: 'chapter' must be the number of a chapter of the course, 0 to 2"),
        ("- en: a\n  zh: 甲\n  definition: d\n  chapter: 0\n  page: 2", "glossary.yml:5:3: error: unknown key 'page' in a glossary entry"),
        ("- {en: a, zh: 甲, definition: d, chapter: 0}\n- {en: A, zh: 乙, definition: d, chapter: 1}", "glossary.yml:2:3: error: the term 'a' is already in the glossary (line 1)"),
    ])
    func badEntriesAreLocatedErrors(_ text: String, _ message: String) {
        do {
            _ = try Glossary.parse(text, path: "glossary.yml", chapterCount: 3)
            Issue.record("no error for \(text)")
        } catch {
            #expect(error.description.hasPrefix(message), "\(error.description)")
        }
    }

    @Test func marksAreScannedWithTheirLocationAndCodeKeepsThem() throws {
        let text = "A [[generative model]] and [[evidence lower bound|ELBOs]].\n\n`[[not a term]]` and [[1, 2]] and [ [x] ]\n"
        let document = try DocumentParser.parse(SourceFile(path: "nb.md", text: text))
        #expect(document.terms.map(\.term) == ["generative model", "evidence lower bound"])
        #expect(document.terms.map(\.shown) == ["generative model", "ELBOs"])
        #expect(document.terms.map { "\($0.location.line):\($0.location.column)" } == ["1:3", "1:28"])
        guard case .prose(let html) = document.blocks.first else { Issue.record("no prose"); return }
        #expect(html.contains("<code>[[not a term]]</code> and [[1, 2]] and [ [x] ]"))
    }

    @Test(arguments: [
        ("A **principal angle** (主角) here.", ["principal angle|主角|1:3"]),
        ("并且**主角**（principal angles）相同。", ["主角|principal angles|1:7"]),
        ("**Bold** (as emphasis) and **粗体**（强调）stay.", []),
        ("Marked: **[[eigendecomposition]]** (特征分解).", []),
        ("```text\n**code** (代码)\n```\n", []),
        ("---\ntitle: T\n---\n\nLine.\n**cell** (单元格)", ["cell|单元格|6:1"]),
    ])
    func aTermWithItsTranslationTypedBesideItIsFound(_ text: String, _ expected: [String]) throws {
        let document = try DocumentParser.parse(SourceFile(path: "n.md", text: text))
        #expect(document.handTypedGlosses.map { "\($0.term)|\($0.gloss)|\($0.location.line):\($0.location.column)" } == expected)
    }
}
