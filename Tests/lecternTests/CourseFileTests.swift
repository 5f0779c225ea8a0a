import Foundation
import Testing

/// A `lectern.yml` in the folder lectern runs in: chapters in its order, its output folder, its
/// title on the index, its defaults under every notebook's front matter.
extension CommandLineTests {
    static let course = """
        title: {en: Generative models, zh: 生成模型}
        subtitle: {en: Notes that run}
        languages: [en, zh]
        chapters:
          - notebooks/b-second.md
          - notebooks/a-first.md
        output: site
        defaults:
          execute: {echo: false}
        """

    @Test func aCourseFileOrdersTheChaptersAndNamesTheSite() throws {
        let dir = try workspace([
            "lectern.yml": text(Self.course),
            "notebooks/a-first.md": text("---\ntitle: First\nexecute:\n  echo: true\n---\n\n```swift\nlet displayedValue = 1\n```\n"),
            "notebooks/b-second.md": text("---\ntitle: Second\n---\n\n```swift\nlet concealedValue = 2\n```\n"),
            "notebooks/z-not-a-chapter.md": text("# Not in the course\n"),
        ])
        let outcome = try lectern(["render"], in: dir)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let site = dir.appendingPathComponent("site")
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.path).sorted() == ["a-first.html", "b-second.html", "index.html", "reference.html", "search.js"])
        let index = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("<h1 class=\"title\">Generative models</h1>"))
        #expect(index.contains("<p class=\"subtitle\">Notes that run</p>"))
        #expect(index.contains("<span class=\"chapter-number\">0</span> Second</a>"), "chapters numbered from 0, as their files")
        let second = try #require(index.range(of: "b-second.html")), first = try #require(index.range(of: "a-first.html"))
        #expect(second.lowerBound < first.lowerBound, "chapters in the course's order")
        // The course's echo: false applies to b; a's own front matter turns it back on.
        #expect(!(try String(contentsOf: site.appendingPathComponent("b-second.html"), encoding: .utf8)).contains("concealedValue"))
        #expect(try String(contentsOf: site.appendingPathComponent("a-first.html"), encoding: .utf8).contains("displayedValue"))
        // Paths on the command line still win over the chapter list, -o over the course's output.
        let one = try lectern(["render", "notebooks/z-not-a-chapter.md", "-o", "elsewhere"], in: dir)
        #expect(one.status == 0, "\(one.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("elsewhere/z-not-a-chapter.html").path))
    }

    @Test func aBadCourseFileIsALocatedErrorAndNothingRuns() throws {
        let dir = try workspace([
            "lectern.yml": text("title: Notes\nchapters:\n  - notebooks/a.md\n  - notebooks/missing.md\n"),
            "notebooks/a.md": text("# A\n"),
        ])
        let missing = try lectern(["render"], in: dir)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("lectern.yml:4:5: error: chapter 'notebooks/missing.md' does not exist"), "\(missing.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("output").path))
        try text("title: Notes\nchapter: [notebooks/a.md]\n").write(to: dir.appendingPathComponent("lectern.yml"))
        let typo = try lectern(["check"], in: dir)
        #expect(typo.status == 1)
        #expect(typo.stderr.contains("lectern.yml:2:1: error: unknown key 'chapter' in the course file"), "\(typo.stderr)")
    }

    /// A rendered course is one site in which every link resolves: each `href` names a page that
    /// was written and, after `#`, an `id` on it — the navigation, previous/next, the home page and
    /// references from one chapter to another.
    @Test func everyLinkOfARenderedCourseResolves() throws {
        let dir = try workspace([
            "lectern.yml": text("title: Course\nchapters: [notebooks/00-a.md, notebooks/01-b.md, notebooks/02-c.md]\n"),
            "notebooks/00-a.md": text("---\ntitle: A\ndescription: First.\n---\n\nSee @fig-dots and @sec-more.\n"),
            "notebooks/01-b.md": text("---\ntitle: B\n---\n\n## More {#sec-more}\n\n```swift\n//| label: fig-dots\n//| caption: Dots.\nplot([1, 2])\n```\n\nBack to @eq-c.\n"),
            "notebooks/02-c.md": text("---\ntitle: C\n---\n\n$$\nc = 1\n$$ {#eq-c}\n\nSee @fig-dots.\n"),
        ])
        let outcome = try lectern(["render"], in: dir)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(!outcome.stderr.contains("warning"), "\(outcome.stderr)")
        let site = dir.appendingPathComponent("output")
        let pages = try FileManager.default.contentsOfDirectory(atPath: site.path).filter { $0.hasSuffix(".html") }.sorted()
        #expect(pages == ["00-a.html", "01-b.html", "02-c.html", "index.html", "reference.html"])
        // The search index covers every chapter; every page loads it and holds the box, hidden until it runs.
        let search = try String(contentsOf: site.appendingPathComponent("search.js"), encoding: .utf8)
        #expect(search.contains("[\"./00-a.html\",\"0 A\"],[\"./01-b.html\",\"1 B\"],[\"./02-c.html\",\"2 C\"]"), "\(search.prefix(300))")
        #expect(search.contains("\"sec-more\",\"More\""))
        var html: [String: String] = [:]
        for page in pages { html[page] = try String(contentsOf: site.appendingPathComponent(page), encoding: .utf8) }
        var checked = 0
        for (page, text) in html {
            for match in text.matches(of: /href="([^"]*)"/) {
                let href = String(match.1)
                let parts = href.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                let file = parts[0].isEmpty ? page : String(parts[0].dropFirst(2))  // "./name.html"
                #expect(parts[0].isEmpty || parts[0].hasPrefix("./"), "\(page): \(href)")
                guard let target = html[file] else {
                    Issue.record("\(page): \(href) names a page that was not written")
                    continue
                }
                if parts.count == 2 { #expect(target.contains("id=\"\(parts[1])\""), "\(page): \(href) names no id on \(file)") }
                checked += 1
            }
        }
        #expect(checked > 60, "\(checked) links")
        for (page, text) in html {
            #expect(text.contains("<script src=\"./search.js\" defer></script>") && text.contains("<div class=\"site-search\" role=\"search\" hidden"), "\(page)")
        }
        #expect(html["00-a.html"]!.contains("href=\"./01-b.html#fig-dots\">Figure 1.1</a> and <a class=\"xref\" href=\"./01-b.html#sec-more\">"))
    }

    @Test func aLabelUsedInTwoChaptersFailsTheRender() throws {
        let dir = try workspace([
            "lectern.yml": text("title: Course\nchapters: [notebooks/a.md, notebooks/b.md]\n"),
            "notebooks/a.md": text("# A\n\n## Data {#sec-data}\n"),
            "notebooks/b.md": text("# B\n\nText.\n\n## Data {#sec-data}\n"),
        ])
        let outcome = try lectern(["check"], in: dir)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("notebooks/b.md:5:1: error: the label 'sec-data' is already used in a.html for “Data”; labels must be unique across the course"), "\(outcome.stderr)")
    }
}
