import Notebook
@testable import PageRendering
import Testing

/// The digests `lectern render` uses to leave a page unrendered (`PageCache`) cover every stored
/// property of what a page is rendered from: a property added without a place in its
/// fingerprint would let a stale page through, so it fails here first.
struct FingerprintTests {
    static func properties(of value: Any) -> [String] {
        Mirror(reflecting: value).children.compactMap(\.label).map { $0.hasPrefix("_") ? String($0.dropFirst()) : $0 }
    }

    @Test func everyStoredPropertyIsCovered() {
        let chapter = Site.Chapter(page: "a.html", number: 0, title: "A")
        #expect(Self.properties(of: Site(title: "T", chapters: [chapter])).sorted() == Site.fingerprinted.sorted())
        #expect(Self.properties(of: chapter).sorted() == Site.Chapter.fingerprinted.sorted())
        #expect(Self.properties(of: PageOptions()).sorted() == PageOptions.fingerprinted.sorted())
    }

    /// What a page shows of its site changes the fingerprint; equal sites give equal ones.
    @Test(arguments: ["the course title", "a chapter's title", "a chapter's failure", "a chapter's description",
                      "the language", "search", "the links", "the authors"])
    func whatAPageShowsOfItsSiteChangesTheFingerprint(_ what: String) {
        let site = Self.site(figure: "ring")
        var changed = site
        switch what {
        case "the course title": changed.title = "U"
        case "a chapter's title": changed.chapters[1].title = "Models, revised"
        case "a chapter's failure": changed.chapters[0].failed = true
        case "a chapter's description": changed.chapters[0].description = "New."
        case "the language": changed.language = "zh"
        case "search": changed.search.toggle()
        case "the links": changed.links.append(Site.Link(page: "x.html", title: "X"))
        default: changed.authors = ["Someone"]
        }
        #expect(site.fingerprint == Self.site(figure: "ring").fingerprint)
        #expect(changed.fingerprint != site.fingerprint, "\(what)")
    }

    @Test func aLabelsNumberOrNameChangesTheFingerprint() {
        #expect(Self.site(figure: "ring").fingerprint != Self.site(figure: "circle").fingerprint)
        #expect(Self.site(figure: "ring").fingerprint != Self.site(figure: "ring", figuresBefore: 1).fingerprint)
    }

    static func site(figure: String, figuresBefore: Int = 0) -> Site {
        var site = Site(title: "T", chapters: [Site.Chapter(page: "00-a.html", number: 0, title: "A"),
                                               Site.Chapter(page: "01-b.html", number: 1, title: "B")])
        let before = (0..<figuresBefore).map { "```swift\n//| label: fig-x\($0)\n//| caption: X.\n1\n```\n\n" }.joined()
        let document = try! DocumentParser.parse(SourceFile(path: "01-b.md", text: "# B\n\n\(before)```swift\n//| label: fig-\(figure)\n//| caption: F.\n1\n```\n"))
        _ = site.collectLabels(from: [("01-b.html", document)])
        return site
    }
}
