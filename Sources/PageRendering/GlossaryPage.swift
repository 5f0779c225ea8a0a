import Notebook
import TeXToMathML

/// The course's glossary page: every term in English and Chinese (alphabetically on an English
/// page, by chapter on a Chinese one), with its definition and a link to the chapter that introduces it. Each entry's
/// `id` is what `[[term]]` marks link to.
public enum GlossaryPage {
    public static func render(_ glossary: Glossary, site: Site, language: String = "en") -> String {
        let chinese = language.hasPrefix("zh")
        let title = chinese ? "术语表" : "Glossary"
        var body = "<header class=\"title-block\">\n<h1 class=\"title\">\(title)</h1>\n"
        body += "<p class=\"subtitle\">\(chinese ? "本课程的术语，中英对照" : "The course's terms, in English and Chinese")</p>\n</header>\n"
        body += "<dl class=\"glossary\">\n"
        // English alphabetically; Chinese by the chapter that introduces each term (code-point
        // order means nothing to a reader, and pinyin needs a dictionary).
        let key = { (e: Glossary.Entry) in e.term(in: language).lowercased() }
        let order = Dictionary(uniqueKeysWithValues: glossary.entries.enumerated().map { ($1.id, $0) })
        let sorted = chinese
            ? glossary.entries.sorted { ($0.chapter, order[$0.id]!) < ($1.chapter, order[$1.id]!) }
            : glossary.entries.sorted { (key($0), $0.id) < (key($1), $1.id) }
        for entry in sorted {
            // The definition in the page's language if given, else in English, marked as such.
            let (definition, own) = entry.definition(for: language)
            let definitionLanguage = !own && chinese ? " lang=\"en\"" : ""
            body += "<dt id=\"\(HTML.attribute(entry.id))\"><dfn>\(HTML.escape(entry.term(in: language)))</dfn> "
            body += "<span class=\"term-other\"\(chinese ? " lang=\"en\"" : "")>\(HTML.escape(entry.otherTerm(for: language)))</span></dt>\n"
            body += definitionLanguage.isEmpty ? "<dd>\(withMath(definition))" : "<dd><span\(definitionLanguage)>\(withMath(definition))</span>"
            if let chapter = site.chapters.first(where: { $0.number == entry.chapter }) {
                body += " <a class=\"term-chapter\" href=\"\(HTML.relativeLink(chapter.page))\">"
                    + "<span class=\"chapter-number\">\(chapter.number)</span> \(HTML.escape(chapter.title))</a>"
            }
            body += "</dd>\n"
        }
        body += "</dl>\n"
        return PageSkeleton(title: "\(title) · \(site.title)", language: language,
                            body: chinese ? body : LanguageRuns.markChinese(body),
                            footer: "Rendered by Lectern \(LecternVersion.current) from <code>\(HTML.escape(glossary.path))</code>.",
                            site: site, page: Glossary.pageName).html
    }

    /// A definition's text, its `$…$` spans as inline MathML (a `\$` is a dollar sign).
    static func withMath(_ text: String) -> String {
        var html = "", current = "", inMath = false
        var chars = text[...]
        while let c = chars.first {
            chars = chars.dropFirst()
            if c == "\\", chars.first == "$" {
                current.append("$")
                chars = chars.dropFirst()
            } else if c == "$" {
                html += inMath ? "<span class=\"math inline\">\(MathRendering.converter.render(current, display: false).mathML)</span>" : HTML.escape(current)
                current = ""
                inMath.toggle()
            } else {
                current.append(c)
            }
        }
        return html + HTML.escape(inMath ? "$" + current : current)
    }
}
