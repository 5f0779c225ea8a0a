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
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.path).sorted() == ["a-first.html", "b-second.html", "index.html"])
        let index = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("<h1 class=\"title\">Generative models</h1>"))
        #expect(index.contains("<p class=\"subtitle\">Notes that run</p>"))
        #expect(index.contains("<ol class=\"notebooks\" start=\"0\">"), "chapters numbered from 0, as their files")
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
}
