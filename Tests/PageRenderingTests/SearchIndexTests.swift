import Foundation
@testable import PageRendering
import Testing

/// The course's search index: what of a page is searched (prose, headings, captions; not code,
/// outputs, formulas or navigation), by section, and the file the pages load.
struct SearchIndexTests {
    static let page = """
        <!DOCTYPE html><html><head><style>.x { color: red }</style></head><body class="in-site">
        <nav class="site-nav"><a href="./index.html">Course</a><ol><li>Other chapter</li></ol></nav><main>
        <header class="title-block"><h1 class="title"><span class="chapter-number">2</span> Probabilistic PCA</h1>
        <p class="subtitle">概率主成分分析</p></header>
        <nav class="toc"><p>Contents</p></nav>
        <p>A <strong>latent</strong> variable &amp; noise: <span class="math inline"><math><mi>z</mi></math></span> is Gaussian.</p>
        <h2 id="sec-model"><span class="section-number">2.1</span> The <em>model</em></h2>
        <p>Each observation<br>is explained.</p>
        <div class="cell"><pre class="code"><code>let secretCode = 1</code></pre>
        <figure><svg><svg><text>axis label</text></svg></svg><figcaption><span class="figure-number">Figure 2.1:</span> Latent map.</figcaption></figure>
        <pre class="output">hidden output</pre></div>
        <h2 id="sec-em">EM</h2><p>期望最大化 alternates.</p>
        <nav class="pager"><a href="./03.html">Next</a></nav>
        <footer class="page-footer">Rendered by Lectern</footer></main></body></html>
        """

    @Test func aPageIsItsSectionsOfProseHeadingsAndCaptions() {
        #expect(SearchIndex.sections(of: Self.page) == [
            .init(anchor: "", heading: "Probabilistic PCA", text: "概率主成分分析 A latent variable & noise: is Gaussian."),
            .init(anchor: "sec-model", heading: "The model", text: "Each observation is explained. Figure 2.1: Latent map."),
            .init(anchor: "sec-em", heading: "EM", text: "期望最大化 alternates."),
        ])
    }

    @Test func theScriptHoldsTheIndexAsJSONThenTheCode() throws {
        let script = SearchIndex.script(chapters: [(page: "02 ppca.html", title: "2 Probabilistic PCA", html: Self.page)])
        let line = try #require(script.split(separator: "\n").first { $0.hasPrefix("const LECTERN_SEARCH = ") })
        // Keys in a fixed order: the same course gives the same search.js in every process.
        #expect(line.hasPrefix("const LECTERN_SEARCH = {\"pages\":"))
        let json = line.dropFirst("const LECTERN_SEARCH = ".count).dropLast()
        let data = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(data["pages"] as? [[String]] == [["./02%20ppca.html", "2 Probabilistic PCA"]])
        let sections = try #require(data["sections"] as? [[Any]])
        #expect(sections.count == 3)
        #expect(sections[1][1] as? String == "sec-model" && sections[1][2] as? String == "The model")
        #expect(script.contains("window.lecternSearch = search;"))
        #expect(!script.contains("innerHTML"), "results are built from text nodes only")
    }
}
