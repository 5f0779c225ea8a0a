import ArgumentParser
import Foundation
import Notebook
import NotebookRunner
import PageRendering

/// One language's site of a course (`lectern.yml`): every chapter's number, title and
/// description, and the labels each defines, read from the chapter files themselves (parsed, not
/// run), so that a page rendered alone still links to the others and numbers its figures within
/// its chapter. In a language other than the default, a chapter is its translation
/// (`Translation.path`) or, without one, the original, marked untranslated.
/// Returns the errors of labels defined in two chapters and, for the default language, a warning
/// for each glossary term no chapter marks; with a glossary, a warning for each term defined
/// with a hand-typed translation (`HandTypedGloss`) in this language's chapters, and for the
/// default language a warning for each `translate` option in an original, where it does
/// nothing. A glossary file that cannot be read or parsed is a located error, thrown.
func courseSite(_ course: Course, language: String? = nil, documents parsed: ParsedNotebooks = ParsedNotebooks()) throws -> (Site, [Diagnostic]) {
    let language = language ?? course.defaultLanguage
    let isDefault = language == course.defaultLanguage
    var chapters: [Site.Chapter] = []
    var documents: [(page: String, document: Document)] = []
    var glosses: [HandTypedGloss] = []  // in this language's own chapters
    var misplaced: [SourceLocation] = []  // `translate` options in originals, where they do nothing
    for (number, path) in course.chapters.enumerated() {
        let page = pageName(of: path)
        let translation = Translation.path(of: path, language: language)
        let translated = !isDefault && FileManager.default.fileExists(atPath: translation)
        // A chapter that cannot be read or parsed is reported by its run; here it keeps its file name.
        if let document = try? parsed.document(translated ? translation : path, course: course,
                                               language: translated ? language : course.defaultLanguage, safe: false) {
            var chapter = Site.Chapter(page: page, number: number, title: document.title, description: document.frontMatter.description)
            chapter.untranslated = !isDefault && !translated
            chapters.append(chapter)
            documents.append((page, document))
            if isDefault || translated { glosses += document.handTypedGlosses }
            if isDefault { misplaced += document.cells.filter { !$0.options.translate.isEmpty }.map(\.fence) }
        } else {
            chapters.append(Site.Chapter(page: page, number: number, title: (path as NSString).lastPathComponent))
        }
    }
    let chinese = language.hasPrefix("zh")
    let glossary = try loadGlossary(course)
    var links = [Site.Link(page: (isDefault ? "" : "../") + ReferencePage.fileName,
                           title: chinese ? "函数参考（英文）" : "Library reference")]
    if glossary != nil { links.insert(Site.Link(page: Glossary.pageName, title: chinese ? "术语表" : "Glossary"), at: 0) }
    var site = Site(title: course.title.texts[language] ?? course.title.texts[course.defaultLanguage] ?? "Course",
                    subtitle: course.subtitle.texts[language] ?? course.subtitle.texts[course.defaultLanguage], chapters: chapters, links: links)
    site.glossary = glossary
    site.authors = course.authors
    site.language = language
    site.folder = folder(of: language, in: course)
    site.alternates = course.languages.filter { $0 != language }.map {
        Site.Alternate(language: $0, name: languageName($0), folder: folder(of: $0, in: course))
    }
    var diagnostics = site.collectLabels(from: documents)
    for location in misplaced {
        diagnostics.append(.warning("'translate' names a figure's words in a translation (a file such as \(Translation.path(of: (location.file as NSString).lastPathComponent, language: course.languages.dropFirst().first ?? "zh"))); in the original it does nothing",
                                    at: location))
    }
    if let glossary {
        // A term defined with a typed translation beside it is one the glossary should hold.
        for gloss in glosses {
            diagnostics.append(.warning("'\(gloss.term)' is defined with its translation typed beside it, '(\(gloss.gloss))'; make it a glossary term: an entry in \(glossary.path) and [[\(gloss.term)]] here",
                                        at: gloss.location))
        }
    }
    if let glossary, isDefault {
        // A term no chapter marks is one the reader meets only on the glossary page.
        let used = Set(documents.flatMap { $0.document.terms.compactMap { glossary.entry(for: $0.term)?.id } })
        for entry in glossary.entries where !used.contains(entry.id) {
            diagnostics.append(.warning("the glossary term '\(entry.english)' is not marked in any chapter (write [[\(entry.english)]] where it is introduced)",
                                        at: entry.location))
        }
    }
    return (site, diagnostics)
}

/// Where a language's pages go under the output folder: the default language's at its top,
/// another's in a folder named by its tag ("zh/").
func folder(of language: String, in course: Course) -> String {
    language == course.defaultLanguage ? "" : language + "/"
}

/// A language's name in that language, for the language switch.
func languageName(_ tag: String) -> String {
    switch tag.lowercased().split(separator: "-").first ?? "" {
    case "en": "English"
    case "zh": "中文"
    case "fr": "Français"
    case "de": "Deutsch"
    case "ja": "日本語"
    case "es": "Español"
    default: tag
    }
}

extension Course {
    /// The front matter a notebook in `language` starts from: the course's defaults, in that language.
    func defaults(for language: String) -> FrontMatter {
        var d = defaults
        if language != defaultLanguage { d.language = language }
        return d
    }
}

/// The course's glossary file, parsed; nil when the course names none.
func loadGlossary(_ course: Course) throws -> Glossary? {
    guard let path = course.glossary else { return nil }
    guard FileManager.default.fileExists(atPath: path) else {
        throw Diagnostic.error("the glossary '\(path)' does not exist", at: course.glossaryLocation)
    }
    let source = try SourceFile.read(path: path)
    return try Glossary.parse(source.text, path: path, chapterCount: course.chapters.count)
}

/// The course's site in `language` (`courseSite`), its diagnostics reported (an error sets
/// `failed`); a glossary that cannot be read is reported and exits 1.
func siteOrExit(_ course: Course, language: String? = nil, documents: ParsedNotebooks = ParsedNotebooks(), failed: inout Bool) throws -> Site {
    do {
        let (site, diagnostics) = try courseSite(course, language: language, documents: documents)
        if report(diagnostics) { failed = true }
        return site
    } catch let error as Diagnostic {
        report([error])
        throw ExitCode.failure
    }
}

/// The run of each notebook shown in `language`: with its translation's prose where there is one
/// (checked against the original, `Translation.apply`), else as it is. A translation that cannot
/// be read, parsed or applied is reported and leaves its page out (`failed` is set).
func results(in language: String, of outcomes: [Pipeline.Outcome], course: Course, documents: ParsedNotebooks = ParsedNotebooks(),
             safe: Bool, failed: inout Bool)
    -> [(page: String, result: NotebookResult, translated: Bool)] {
    var shown: [(page: String, result: NotebookResult, translated: Bool)] = []
    for outcome in outcomes {
        guard let result = outcome.result else { continue }
        let translation = Translation.path(of: outcome.path, language: language)
        guard language != course.defaultLanguage, FileManager.default.fileExists(atPath: translation) else {
            shown.append((pageName(of: outcome.path), result, false))
            continue
        }
        do {
            let document = try documents.document(translation, course: course, language: language, safe: safe)
            shown.append((pageName(of: outcome.path), try Translation.apply(document, to: result), true))
        } catch {
            report([error])
            failed = true
        }
    }
    return shown
}

extension Site {
    /// Marks the chapters whose run failed.
    mutating func markFailed(_ outcomes: [Pipeline.Outcome]) {
        let failed = Set(outcomes.filter { $0.result?.failed ?? true }.map { pageName(of: $0.path) })
        for i in chapters.indices where failed.contains(chapters[i].page) { chapters[i].failed = true }
    }
}
