import Testing
@testable import Notebook

/// `lectern.yml`: what a course file says, and a located error for each way to get it wrong.
struct CourseTests {
    static let full = """
        title: {en: Generative models, zh: 生成模型}
        subtitle:
          en: Notes that run
          zh: 可运行的讲义
        authors: [A. Teacher, B. Assistant]
        languages: [en, zh]
        chapters:
          - notebooks/00-welcome.md
          - notebooks/01-why.md
        output: site
        defaults:
          papersize: letter
          toc: true
          execute: {echo: false}
        """

    @Test func readsEveryKey() throws {
        let course = try Course.parse(Self.full, path: "lectern.yml")
        #expect(course.title.texts == ["en": "Generative models", "zh": "生成模型"])
        #expect(course.subtitle.text(in: "zh", fallback: "en") == "可运行的讲义")
        #expect(course.authors == ["A. Teacher", "B. Assistant"])
        #expect(course.languages == ["en", "zh"])
        #expect(course.defaultLanguage == "en")
        #expect(course.chapters == ["notebooks/00-welcome.md", "notebooks/01-why.md"])
        #expect(course.output == "site")
        #expect(course.defaults.paperSize == .letter)
        #expect(course.defaults.toc == true)
        #expect(course.defaults.cellDefaults.echo == false)
    }

    @Test func aMinimalCourseTakesTheDefaults() throws {
        let course = try Course.parse("title: Notes\nchapters: [a.md]\n", path: "lectern.yml")
        #expect(course.title.text(in: "fr", fallback: "en") == "Notes")
        #expect(course.subtitle.texts.isEmpty)
        #expect(course.languages == ["en"])
        #expect(course.output == "output")
        #expect(course.defaults.paperSize == .a4)
    }

    struct Mistake: Sendable, CustomTestStringConvertible {
        let yaml: String
        let message: String
        let line: Int
        var testDescription: String { message }
    }

    @Test(arguments: [
        Mistake(yaml: "title: A\nchapters: [a.md]\nchapter: [b.md]", message: "unknown key 'chapter' in the course file; it understands title, subtitle, authors, languages, chapters, output, defaults", line: 3),
        Mistake(yaml: "title: A\nchapters: [a.md", message: "invalid YAML in the course file", line: 3),
        Mistake(yaml: "- a\n- b", message: "the course file must be a mapping of keys to values (title:, chapters:, …)", line: 1),
        Mistake(yaml: "chapters: [a.md]", message: "the course needs a title in its default language 'en' (title: …)", line: 1),
        Mistake(yaml: "title: {zh: 生成模型}\nchapters: [a.md]", message: "'title' is given in 'zh', which 'languages' does not offer (en)", line: 1),
        Mistake(yaml: "title: {zh: 生成模型}\nlanguages: [en, zh]\nchapters: [a.md]", message: "the course needs a title in its default language 'en' (title: …)", line: 1),
        Mistake(yaml: "title: A\n", message: "the course needs 'chapters': its notebooks in order", line: 1),
        Mistake(yaml: "title: A\nchapters: notebooks", message: "'chapters' must be a list (- item per line, or [a, b])", line: 2),
        Mistake(yaml: "title: A\nchapters:\n  - a.md\n  - b.ipynb", message: "chapter 'b.ipynb' is not a Markdown notebook (.md)", line: 4),
        Mistake(yaml: "title: A\nchapters:\n  - a.md\n  - a.md", message: "chapter 'a.md' is listed twice", line: 4),
        Mistake(yaml: "title: A\nchapters: [../other/a.md]", message: "chapter '../other/a.md' must be a path inside the course's folder", line: 2),
        Mistake(yaml: "title: A\nlanguages: [en, 中文]\nchapters: [a.md]", message: "'中文' is not a language tag such as en or zh-Hans", line: 2),
        Mistake(yaml: "title: A\nlanguages: [en, en]\nchapters: [a.md]", message: "language 'en' is listed twice", line: 2),
        Mistake(yaml: "title: A\nchapters: [a.md]\ndefaults:\n  seed: 3", message: "'seed' cannot be a course default; a course sets execute, papersize, toc, number-sections", line: 4),
        Mistake(yaml: "title: A\nchapters: [a.md]\ndefaults:\n  papersize: b5", message: "front matter 'papersize' must be one of a4, letter, a5, legal", line: 4),
    ])
    func mistakesAreLocatedErrors(_ m: Mistake) {
        let error = #expect(throws: Diagnostic.self) { try Course.parse(m.yaml, path: "lectern.yml") }
        #expect(error?.message.hasPrefix(m.message) == true, "\(error?.message ?? "")")
        #expect(error?.location?.file == "lectern.yml")
        #expect(error?.location?.line == m.line)
    }
}
