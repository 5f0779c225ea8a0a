import Yams

/// A course's glossary (`glossary:` in `lectern.yml`): each term in English and Chinese, a
/// one-line definition, and the chapter that introduces it (by number, as the course numbers
/// its chapters). Prose marks a term with `[[term]]`; the glossary page lists them all.
///
///     - en: generative model
///       zh: 生成模型
///       definition: A model of the data distribution p(x), from which new data can be drawn.
///       chapter: 1
public struct Glossary: Sendable {
    public struct Entry: Sendable {
        /// The anchor of the entry on the glossary page, a slug of the English term.
        public var id: String
        public var english: String
        public var chinese: String
        /// The definition in each language it is given in (a plain string is English).
        public var definition: LocalizedText
        /// The number of the chapter that introduces it.
        public var chapter: Int
        /// Where the entry is written in the glossary file.
        public var location: SourceLocation

        /// The term in a page's language: Chinese for `zh…`, else English.
        public func term(in language: String) -> String { language.hasPrefix("zh") ? chinese : english }
        /// The definition for a page in `language` (`zh-CN` takes a `zh` text), else the English
        /// one, else any; and whether it is in the page's own language.
        public func definition(for language: String) -> (text: String, own: Bool) {
            let primary = String(language.prefix { $0 != "-" })
            return (definition.text(in: primary, fallback: "en") ?? definition.texts.values.first ?? "", definition.texts[primary] != nil)
        }

        /// The term in the other language, shown beside it on first use.
        public func otherTerm(for language: String) -> String { language.hasPrefix("zh") ? english : chinese }
    }

    /// The glossary file's path, as the course file names it.
    public var path: String
    /// The entries, in the file's order.
    public var entries: [Entry]

    /// The page the glossary is written to.
    public static let pageName = "glossary.html"

    /// The entry `term` names: its English or Chinese form in any case, or an English plural
    /// ("generative models" for "generative model"); nil when the glossary has none.
    public func entry(for term: String) -> Entry? {
        let key = term.lowercased()
        if let e = entries.first(where: { $0.english.lowercased() == key || $0.chinese == term }) { return e }
        for suffix in ["es", "s"] where key.hasSuffix(suffix) {
            let singular = String(key.dropLast(suffix.count))
            if let e = entries.first(where: { $0.english.lowercased() == singular }) { return e }
        }
        return nil
    }

    /// Parses the glossary file's `text` at `path`; `chapterCount` bounds the chapter numbers.
    /// Every problem is a located error.
    public static func parse(_ text: String, path: String, chapterCount: Int) throws(Diagnostic) -> Glossary {
        func location(_ mark: Mark?) -> SourceLocation {
            SourceLocation(file: path, line: mark?.line ?? 1, column: mark?.column ?? 1)
        }
        let root = try composeYAML(text, what: "the glossary", location: location)
        guard let items = root?.sequence else {
            throw .error("the glossary must be a list of terms (- en: …, zh: …, definition: …, chapter: …)", at: location(root?.mark))
        }
        let keys = ["en", "zh", "definition", "chapter"]
        var entries: [Entry] = []
        var seen: [String: SourceLocation] = [:]
        for item in items {
            guard let mapping = item.mapping else {
                throw .error("each glossary entry must be a mapping (en:, zh:, definition:, chapter:)", at: location(item.mark))
            }
            var found: [String: Node] = [:]
            for (keyNode, value) in mapping {
                let key = keyNode.scalar?.string ?? ""
                guard keys.contains(key) else {
                    throw .error("unknown key '\(key)' in a glossary entry; it understands \(keys.joined(separator: ", "))", at: location(keyNode.mark))
                }
                found[key] = value
            }
            func text(_ key: String) throws(Diagnostic) -> String {
                guard let node = found[key] else { throw .error("the glossary entry needs '\(key)'", at: location(item.mark)) }
                guard let value = node.scalar?.string, !value.isEmpty else { throw .error("'\(key)' must be text", at: location(node.mark)) }
                return value
            }
            let english = try text("en"), chinese = try text("zh")
            var definition = LocalizedText([:])
            if let node = found["definition"], let mapping = node.mapping {
                for (languageNode, textNode) in mapping {
                    guard let language = languageNode.scalar?.string, isLanguageTag(language), let value = textNode.scalar?.string else {
                        throw .error("'definition' must be text, or one text per language ({en: …, zh: …})", at: location(languageNode.mark))
                    }
                    definition.texts[language] = value
                }
            } else {
                definition.texts["en"] = try text("definition")
            }
            guard let chapterNode = found["chapter"] else { throw .error("the glossary entry needs 'chapter'", at: location(item.mark)) }
            guard let chapter = chapterNode.scalar.flatMap({ Int($0.string) }), (0..<chapterCount).contains(chapter) else {
                throw .error("'chapter' must be the number of a chapter of the course, 0 to \(chapterCount - 1)", at: location(chapterNode.mark))
            }
            let here = location(item.mark)
            for term in [english.lowercased(), chinese] {
                if let first = seen[term] {
                    throw .error("the term '\(term)' is already in the glossary (line \(first.line))", at: here)
                }
                seen[term] = here
            }
            entries.append(Entry(id: slug(english), english: english, chinese: chinese, definition: definition, chapter: chapter, location: here))
        }
        return Glossary(path: path, entries: entries)
    }

    /// Lowercase letters and digits, other runs as one hyphen: `evidence lower bound (ELBO)` →
    /// `evidence-lower-bound-elbo`.
    static func slug(_ text: String) -> String {
        var out = ""
        for ch in text.lowercased() {
            if ch.isLetter || ch.isNumber { out.append(ch) } else if !out.isEmpty && out.last != "-" { out.append("-") }
        }
        while out.last == "-" { out.removeLast() }
        return "term-" + out
    }
}
