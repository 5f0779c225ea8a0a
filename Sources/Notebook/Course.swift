import Yams

/// A course: the `lectern.yml` at a project's root, which turns a folder of notebooks into one
/// site (issue 20). It names the course in each language, orders the chapters (one numbering
/// everywhere), lists the languages offered, and gives every notebook's defaults, which a
/// notebook's own front matter overrides.
///
///     title: {en: Generative models, zh: 生成模型}
///     subtitle: {en: Notes that run, zh: 可运行的讲义}
///     authors: [A. Teacher]
///     languages: [en, zh]          # the first is the default
///     chapters:
///       - notebooks/00-welcome.md
///       - notebooks/01-why-generative-models.md
///     output: output
///     glossary: glossary.yml       # see Glossary
///     profile: student             # the build without --profile (default: instructor)
///     defaults:
///       papersize: a4
///       execute: {timeout: 120}
public struct Course: Sendable {
    /// The course's title in each language offered (a plain string is the default language's).
    public var title: LocalizedText
    /// A line under the title, in each language; empty when not given.
    public var subtitle: LocalizedText
    public var authors: [String]
    /// Language tags (BCP 47), the default first.
    public var languages: [String]
    /// The chapters in order, as paths relative to the course file's folder; chapter numbers
    /// count from 0 in this order.
    public var chapters: [String]
    /// Where each chapter is named in the course file, for messages about it.
    public var chapterLocations: [SourceLocation]
    /// Where pages are written, relative to the course file's folder.
    public var output: String
    /// Front matter every notebook starts from (`execute`, `papersize`, `toc`, `number-sections`).
    public var defaults: FrontMatter
    /// The glossary file (`Glossary`), relative to the course file's folder; nil for none.
    public var glossary: String? = nil
    /// Where the glossary is named in the course file.
    public var glossaryLocation: SourceLocation? = nil
    /// The build `render` and `preview` make without `--profile` (`profile: student`); nil for
    /// the instructor's.
    public var profile: Profile? = nil

    /// The name of the course file, looked for in the folder `lectern` runs in.
    public static let fileName = "lectern.yml"

    /// The language pages are written in when a notebook gives no other.
    public var defaultLanguage: String { languages[0] }

    /// The keys `lectern.yml` understands; any other is refused, naming these.
    static let knownKeys = ["title", "subtitle", "authors", "languages", "chapters", "output", "defaults", "glossary", "profile"]
    /// The front-matter keys a course may set for every notebook.
    static let defaultKeys = ["execute", "papersize", "toc", "number-sections"]

    /// Parses the text of a course file at `path` (used in messages); every problem is a located error.
    public static func parse(_ text: String, path: String) throws(Diagnostic) -> Course {
        func location(_ mark: Mark?) -> SourceLocation {
            SourceLocation(file: path, line: mark?.line ?? 1, column: mark?.column ?? 1)
        }
        let root = try composeYAML(text, what: "the course file", location: location)
        guard let mapping = root?.mapping else {
            throw .error("the course file must be a mapping of keys to values (title:, chapters:, …)", at: location(root?.mark))
        }
        var found: [String: Node] = [:]
        for (keyNode, value) in mapping {
            let key = keyNode.scalar?.string ?? ""
            guard knownKeys.contains(key) else {
                throw .error("unknown key '\(key)' in the course file; it understands \(knownKeys.joined(separator: ", "))",
                             at: location(keyNode.mark))
            }
            found[key] = value
        }

        func strings(_ key: String) throws(Diagnostic) -> [String]? {
            guard let node = found[key] else { return nil }
            guard let sequence = node.sequence else {
                throw .error("'\(key)' must be a list (- item per line, or [a, b])", at: location(node.mark))
            }
            var values: [String] = []
            for item in sequence {
                guard let text = item.scalar?.string, !text.isEmpty else {
                    throw .error("every entry of '\(key)' must be text", at: location(item.mark))
                }
                values.append(text)
            }
            return values
        }

        let languages = try strings("languages") ?? ["en"]
        guard !languages.isEmpty else { throw .error("'languages' must name at least one language", at: location(found["languages"]?.mark)) }
        for (index, language) in languages.enumerated() {
            let mark = found["languages"]?.sequence?[index].mark
            guard isLanguageTag(language) else {
                throw .error("'\(language)' is not a language tag such as en or zh-Hans", at: location(mark))
            }
            guard !languages[..<index].contains(language) else {
                throw .error("language '\(language)' is listed twice", at: location(mark))
            }
        }

        func localized(_ key: String) throws(Diagnostic) -> LocalizedText {
            guard let node = found[key] else { return LocalizedText([:]) }
            if let text = node.scalar?.string { return LocalizedText([languages[0]: text]) }
            guard let entries = node.mapping else {
                throw .error("'\(key)' must be text, or one text per language ({en: …, zh: …})", at: location(node.mark))
            }
            var texts: [String: String] = [:]
            for (languageNode, textNode) in entries {
                let language = languageNode.scalar?.string ?? ""
                guard languages.contains(language) else {
                    throw .error("'\(key)' is given in '\(language)', which 'languages' does not offer (\(languages.joined(separator: ", ")))",
                                 at: location(languageNode.mark))
                }
                guard let text = textNode.scalar?.string else {
                    throw .error("'\(key)' in '\(language)' must be text", at: location(textNode.mark))
                }
                texts[language] = text
            }
            return LocalizedText(texts)
        }

        let title = try localized("title")
        guard title.texts[languages[0]] != nil else {
            throw .error("the course needs a title in its default language '\(languages[0])' (title: …)", at: location(found["title"]?.mark ?? root?.mark))
        }
        guard let chapters = try strings("chapters"), !chapters.isEmpty else {
            throw .error("the course needs 'chapters': its notebooks in order", at: location(found["chapters"]?.mark ?? root?.mark))
        }
        for (index, chapter) in chapters.enumerated() {
            let mark = found["chapters"]?.sequence?[index].mark
            guard chapter.hasSuffix(".md") else { throw .error("chapter '\(chapter)' is not a Markdown notebook (.md)", at: location(mark)) }
            guard !chapter.hasPrefix("/"), !chapter.split(separator: "/").contains("..") else {
                throw .error("chapter '\(chapter)' must be a path inside the course's folder", at: location(mark))
            }
            guard !chapters[..<index].contains(chapter) else { throw .error("chapter '\(chapter)' is listed twice", at: location(mark)) }
        }
        let chapterLocations = chapters.indices.map { location(found["chapters"]?.sequence?[$0].mark) }
        var output = "output"
        if let node = found["output"] {
            guard let text = node.scalar?.string, !text.isEmpty else { throw .error("'output' must be a folder name", at: location(node.mark)) }
            output = text
        }
        var defaults = FrontMatter()
        if let node = found["defaults"] {
            guard let entries = node.mapping else {
                throw .error("'defaults' must be a mapping of front-matter keys (\(defaultKeys.joined(separator: ", ")))", at: location(node.mark))
            }
            for (keyNode, _) in entries where !defaultKeys.contains(keyNode.scalar?.string ?? "") {
                throw .error("'\(keyNode.scalar?.string ?? "")' cannot be a course default; a course sets \(defaultKeys.joined(separator: ", "))",
                             at: location(keyNode.mark))
            }
            // The same rules and messages as a notebook's front matter.
            defaults = try FrontMatter.parse(node, path: path, lineShift: 0, base: FrontMatter())
        }
        var glossary: String?
        if let node = found["glossary"] {
            guard let text = node.scalar?.string, !text.isEmpty else { throw .error("'glossary' must be the path of the glossary file", at: location(node.mark)) }
            guard !text.hasPrefix("/"), !text.split(separator: "/").contains("..") else {
                throw .error("the glossary '\(text)' must be a path inside the course's folder", at: location(node.mark))
            }
            glossary = text
        }
        var profile: Profile?
        if let node = found["profile"] {
            guard let text = node.scalar?.string, let p = Profile(rawValue: text), Profile.builds.contains(p) else {
                throw .error("'profile' is student or instructor (the build render makes without --profile)", at: location(node.mark))
            }
            profile = p
        }
        return Course(title: title, subtitle: try localized("subtitle"), authors: try strings("authors") ?? [],
                      languages: languages, chapters: chapters, chapterLocations: chapterLocations, output: output, defaults: defaults,
                      glossary: glossary, glossaryLocation: found["glossary"].map { location($0.mark) }, profile: profile)
    }
}

/// Text given once per language.
public struct LocalizedText: Sendable, Equatable {
    /// The text in each language it is given in.
    public var texts: [String: String]

    public init(_ texts: [String: String]) { self.texts = texts }

    /// The text in `language`, or else in `fallback` (the course's default language); nil if neither.
    public func text(in language: String, fallback: String) -> String? { texts[language] ?? texts[fallback] }
}
