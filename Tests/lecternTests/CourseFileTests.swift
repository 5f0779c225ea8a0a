import Foundation
import Testing

/// A `lectern.yml` in the folder lectern runs in: chapters in its order, its output folder, its
/// title on the index, its defaults under every notebook's front matter.
extension CommandLineTests {
    static let course = """
        title: {en: Generative models, zh: 生成模型}
        subtitle: {en: Notes that run}
        authors: [A. Teacher, B. Assistant]
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
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.path).sorted() == ["a-first.html", "b-second.html", "index.html", "reference.html", "search.js", "zh"])
        let index = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("<h1 class=\"title\">Generative models</h1>"))
        #expect(index.contains("<p class=\"subtitle\">Notes that run</p>\n<p class=\"byline\">A. Teacher · B. Assistant</p>"))
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

    /// A chapter renamed in the course leaves no page of its old name behind (its navigation would
    /// be stale), in either language; files Lectern did not write stay.
    @Test func aRenamedChapterLeavesNoStalePage() throws {
        let dir = try workspace([
            "lectern.yml": text("title: Notes\nlanguages: [en, zh]\nchapters: [notebooks/01-old.md]\n"),
            "notebooks/01-old.md": text("# Old\n"),
            "notebooks/02-new.md": text("# New\n"),
        ])
        #expect(try lectern(["render"], in: dir).status == 0)
        let output = dir.appendingPathComponent("output")
        try text("<!DOCTYPE html><p>mine</p>").write(to: output.appendingPathComponent("handmade.html"))
        try text("title: Notes\nlanguages: [en, zh]\nchapters: [notebooks/02-new.md]\n").write(to: dir.appendingPathComponent("lectern.yml"))
        let again = try lectern(["render"], in: dir)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stderr.contains("01-old.html  (removed: no longer a chapter of the course)"), "\(again.stderr)")
        for folder in [output, output.appendingPathComponent("zh")] {
            let pages = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            #expect(!pages.contains("01-old.html") && pages.contains("02-new.html"), "\(folder.lastPathComponent): \(pages)")
        }
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("handmade.html").path), "not Lectern's: kept")
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
    /// was written and, after `#`, an `id` on it — the navigation, previous/next, the home page,
    /// references from one chapter to another, glossary terms, and the language switch, in both
    /// languages' folders.
    @Test func everyLinkOfARenderedCourseResolves() throws {
        let dir = try workspace([
            "lectern.yml": text("title: {en: Course, zh: 课程}\nlanguages: [en, zh]\nglossary: terms.yml\nchapters: [notebooks/00-a.md, notebooks/01-b.md, notebooks/02-c.md]\n"),
            "terms.yml": text("- {en: dot, zh: 点, definition: A mark., chapter: 1}\n"),
            "notebooks/00-a.md": text("---\ntitle: A\ndescription: First.\n---\n\nSee @fig-dots and @sec-more.\n"),
            "notebooks/00-a.zh.md": text("---\ntitle: 甲\ndescription: 第一章。\n---\n\n见 @fig-dots 与 @sec-more。\n"),
            "notebooks/01-b.md": text("---\ntitle: B\n---\n\n## More {#sec-more}\n\nA [[dot]].\n\n```swift\n//| label: fig-dots\n//| caption: Dots.\nplot([1, 2])\n```\n\nBack to @eq-c.\n"),
            "notebooks/02-c.md": text("---\ntitle: C\n---\n\n$$\nc = 1\n$$ {#eq-c}\n\nSee @fig-dots.\n"),
        ])
        let outcome = try lectern(["render"], in: dir)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(!outcome.stderr.contains("warning"), "\(outcome.stderr)")
        let site = dir.appendingPathComponent("output")
        let pages = (FileManager.default.subpaths(atPath: site.path) ?? []).filter { $0.hasSuffix(".html") }.sorted()
        #expect(pages == ["00-a.html", "01-b.html", "02-c.html", "glossary.html", "index.html", "reference.html",
                          "zh/00-a.html", "zh/01-b.html", "zh/02-c.html", "zh/glossary.html", "zh/index.html"])
        // The search index covers every chapter; every page loads it and holds the box, hidden until it runs.
        let search = try String(contentsOf: site.appendingPathComponent("search.js"), encoding: .utf8)
        #expect(search.contains("[\"./00-a.html\",\"0 A\"],[\"./01-b.html\",\"1 B\"],[\"./02-c.html\",\"2 C\"]"), "\(search.prefix(300))")
        #expect(search.contains("\"sec-more\",\"More\""))
        var html: [String: String] = [:]
        for page in pages { html[page] = try String(contentsOf: site.appendingPathComponent(page), encoding: .utf8) }
        var checked = 0, acrossLanguages = 0
        for (page, text) in html {
            for match in text.matches(of: /href="([^"]*)"/) {
                let href = String(match.1)
                let parts = href.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                #expect(parts[0].isEmpty || parts[0].hasPrefix("./") || parts[0].hasPrefix("../"), "\(page): \(href)")
                // The file the link names, relative to the site's folder.
                var file = page
                if !parts[0].isEmpty {
                    var components = page.split(separator: "/").dropLast().map(String.init)
                    for component in parts[0].split(separator: "/") {
                        switch component {
                        case ".": continue
                        case "..": _ = components.popLast()
                        default: components.append(String(component))
                        }
                    }
                    file = components.joined(separator: "/")
                }
                guard let target = html[file] else {
                    Issue.record("\(page): \(href) names a page that was not written")
                    continue
                }
                if parts.count == 2 { #expect(target.contains("id=\"\(parts[1])\""), "\(page): \(href) names no id on \(file)") }
                if page.hasPrefix("zh/") != file.hasPrefix("zh/") { acrossLanguages += 1 }
                checked += 1
            }
        }
        #expect(checked > 150, "\(checked) links")
        #expect(acrossLanguages >= 11, "every page links to its other language: \(acrossLanguages)")
        for (page, text) in html {
            let script = page.hasPrefix("zh/") ? "<script src=\"./search.js\" defer></script>" : "<script src=\"./search.js\" defer></script>"
            #expect(text.contains(script) && text.contains("<div class=\"site-search\" role=\"search\" hidden"), "\(page)")
        }
        #expect(html["00-a.html"]!.contains("href=\"./01-b.html#fig-dots\">Figure 1.1</a> and <a class=\"xref\" href=\"./01-b.html#sec-more\">"))
        #expect(html["zh/00-a.html"]!.contains("href=\"./01-b.html#fig-dots\">图 1.1</a>"))
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

    /// A course's glossary: its page is written and linked from every page, `check` warns about a
    /// marked term it lacks and a term of it no chapter marks, and a missing file is a located error.
    @Test func aGlossaryIsAPageAndCheckWarnsAboutTermsOnEitherSide() throws {
        let dir = try workspace([
            "lectern.yml": text("title: Course\nchapters: [notebooks/a.md, notebooks/b.md]\nglossary: terms.yml\n"),
            "terms.yml": text("- {en: latent variable, zh: 隐变量, definition: An unobserved z., chapter: 0}\n- {en: posterior, zh: 后验分布, definition: p(z | x)., chapter: 1}\n"),
            "notebooks/a.md": text("# A\n\nA [[latent variable]] and a [[prior]].\n"),
            "notebooks/b.md": text("# B\n\nNo terms here, but **principal angles** (主角) typed by hand.\n\n```swift\n//| translate: x -> 横轴\nplot([1, 2])\n```\n"),
        ])
        let checked = try lectern(["check"], in: dir)
        #expect(checked.stderr.contains("notebooks/b.md:5:1: warning: 'translate' names a figure's words in a translation (a file such as b.zh.md); in the original it does nothing"), "\(checked.stderr)")
        #expect(checked.stderr.contains("notebooks/b.md:3:20: warning: 'principal angles' is defined with its translation typed beside it, '(主角)'; make it a glossary term: an entry in terms.yml and [[principal angles]] here"), "\(checked.stderr)")
        #expect(checked.status == 0, "\(checked.stderr)")
        #expect(checked.stderr.contains("terms.yml:2:3: warning: the glossary term 'posterior' is not marked in any chapter"), "\(checked.stderr)")
        #expect(checked.stderr.contains("notebooks/a.md:3:29: warning: 'prior' is not in the glossary (terms.yml)"), "\(checked.stderr)")
        let rendered = try lectern(["render"], in: dir)
        #expect(rendered.status == 0, "\(rendered.stderr)")
        let glossary = try String(contentsOf: dir.appendingPathComponent("output/glossary.html"), encoding: .utf8)
        #expect(glossary.contains("<dt id=\"term-latent-variable\"><dfn>latent variable</dfn>"))
        let a = try String(contentsOf: dir.appendingPathComponent("output/a.html"), encoding: .utf8)
        #expect(a.contains("<a href=\"./glossary.html\">Glossary</a>") && a.contains("href=\"./glossary.html#term-latent-variable\""))
        let search = try String(contentsOf: dir.appendingPathComponent("output/search.js"), encoding: .utf8)
        #expect(search.contains("[\"./glossary.html\",\"Glossary\"]") && search.contains("An unobserved z."))

        try text("title: Course\nchapters: [notebooks/a.md]\nglossary: missing.yml\n").write(to: dir.appendingPathComponent("lectern.yml"))
        let missing = try lectern(["check"], in: dir)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("lectern.yml:3:11: error: the glossary 'missing.yml' does not exist"), "\(missing.stderr)")
    }

    /// Two languages from one run: the cells run once, each language gets its pages (a
    /// translation's prose with the original's outputs, or the original with a note), its home
    /// page, glossary and search, and every page a switch to the same page in the other language.
    @Test func aSecondLanguageIsWrittenFromTheSameRun() throws {
        let dir = try workspace([
            "lectern.yml": text("title: {en: Course, zh: 课程}\nlanguages: [en, zh]\nchapters: [notebooks/00-a.md, notebooks/01-b.md]\n"),
            "notebooks/00-a.md": text("---\ntitle: Sums\n---\n\n```swift\nlet total = Int(timeIt(repeats: 1) { _ = (0..<200).map { $0 * $0 } } * 1e9)\nprint(\"total:\", total)\n```\n\nThe total is `{swift} total`.\n"),
            "notebooks/00-a.zh.md": text("---\ntitle: 求和\n---\n\n```swift\nlet total = Int(timeIt(repeats: 1) { _ = (0..<200).map { $0 * $0 } } * 1e9)\nprint(\"total:\", total)\n```\n\n总和是 `{swift} total`。\n"),
            "notebooks/01-b.md": text("---\ntitle: Untranslated\n---\n\nOnly in English.\n"),
        ])
        let outcome = try lectern(["render"], in: dir)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let out = dir.appendingPathComponent("output")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("zh").path).sorted()
                == ["00-a.html", "01-b.html", "index.html", "search.js"])
        let en = try String(contentsOf: out.appendingPathComponent("00-a.html"), encoding: .utf8)
        let zh = try String(contentsOf: out.appendingPathComponent("zh/00-a.html"), encoding: .utf8)
        #expect(zh.contains("<html lang=\"zh\">") && zh.contains("<span class=\"chapter-number\">0</span> 求和</h1>"))
        // The same run's output on both pages (a measured time in nanoseconds, which no second run
        // would repeat), and the inline value in the translation's sentence.
        let printed = try #require(en.firstMatch(of: /total: (\d+)/)).1
        #expect(zh.contains("total: \(printed)"))
        let inline = try #require(zh.firstMatch(of: /总和是 <span class="inline-value">([^<]*)<\/span>。/)).1
        #expect(inline.filter(\.isNumber) == printed, "the value typeset with thin spaces between digit groups")
        // Each page switches to the other language's same page.
        #expect(en.contains("<a href=\"./zh/00-a.html\" hreflang=\"zh\" lang=\"zh\">中文</a>"))
        #expect(zh.contains("<a href=\"./../00-a.html\" hreflang=\"en\" lang=\"en\">English</a>"))
        #expect(zh.contains("<span class=\"pager-label\">下一章</span>") && zh.contains("<a href=\"./../reference.html\">函数参考（英文）</a>"))
        // The untranslated chapter: the original, with a note, in the Chinese site.
        let fallback = try String(contentsOf: out.appendingPathComponent("zh/01-b.html"), encoding: .utf8)
        #expect(fallback.contains("<html lang=\"en\">") && fallback.contains("Only in English."))
        #expect(fallback.contains("<p class=\"translation-note\" lang=\"zh\">") && fallback.contains("本章尚无中文译本，以下为英文原文。"))
        #expect(fallback.contains("<nav class=\"site-nav\" aria-label=\"章节\" lang=\"zh\">"))
        let home = try String(contentsOf: out.appendingPathComponent("zh/index.html"), encoding: .utf8)
        #expect(home.contains("<h1 class=\"title\">课程</h1>"))
        // check verifies the translation against its original.
        try text("---\ntitle: 求和\n---\n\n```swift\nlet total = 3\n```\n").write(to: dir.appendingPathComponent("notebooks/00-a.zh.md"))
        let checked = try lectern(["check"], in: dir)
        #expect(checked.status == 1)
        #expect(checked.stderr.contains("notebooks/00-a.zh.md:5:1: error: cell 1 differs from cell 1 of notebooks/00-a.md (line 5)"), "\(checked.stderr)")
    }
}
