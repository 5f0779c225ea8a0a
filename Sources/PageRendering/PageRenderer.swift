import CellInterpreter
import Markup
import Foundation
import Notebook
import NotebookRunner

/// How a page is rendered.
public struct PageOptions: Sendable {
    /// A page for printing and review: code hidden unless a cell sets `echo: true`.
    public var handout = false
    /// Show each cell's running time, discreetly (off for byte-identical pages across runs).
    public var timings = false
    /// Link the notebook written beside the page (`name.md`, the student build's), for the
    /// reader to download and work the exercises in.
    public var notebookLink = false

    public init(handout: Bool = false, timings: Bool = false) {
        self.handout = handout
        self.timings = timings
    }
}

/// A rendered page and what rendering noticed (unknown cross-references, bad formulas).
public struct Page {
    public var html: String
    public var warnings: [Diagnostic]
}

/// Writes a notebook's run as one self-contained HTML5 page: CSS inlined, no JavaScript.
public enum PageRenderer {
    /// `site`: the course the page belongs to and `page` its file name there; the page then
    /// carries the course's navigation, numbers its figures and equations within its chapter
    /// (Figure 2.3) and resolves references to other chapters.
    public static func render(_ result: NotebookResult, options: PageOptions = PageOptions(), site: Site? = nil, page: String? = nil) -> Page {
        let document = result.document
        let language = document.frontMatter.language
        let furniture = Furniture.forLanguage(language)
        let chapter = site?.chapterNumber(of: page)
        var warnings: [Diagnostic] = []
        var body = ""
        body += titleBlock(document.frontMatter, chapter: chapter, furniture: furniture)
        // A chapter without a translation, in another language's site, says so at its top.
        if let site, !sameLanguage(language, site.language) {
            body += "<p class=\"translation-note\" lang=\"\(HTML.attribute(site.language))\">\(HTML.escape(Furniture.forLanguage(site.language).untranslatedNote))</p>\n"
        }
        let references = CrossReferences(document: document, chapter: chapter, furniture: furniture)
        warnings += references.duplicates
        let titleEnd = body.endIndex
        var prose = ProseRenderer(document: document, result: result, references: references)
        prose.course = site?.labels ?? [:]
        prose.glossary = site?.glossary
        var cellIndex = 0
        for block in document.blocks {
            switch block {
            case .prose(let html):
                let filled = prose.render(html, warnings: &warnings)
                body += language.hasPrefix("zh") ? LanguageRuns.joinChineseLines(filled) : filled
            case .cell:
                var captionWarnings: [Diagnostic] = []
                body += CellRenderer.render(result.cells[cellIndex], number: references.cellNumbers[cellIndex], options: options,
                                            furniture: furniture) { references.link($0, course: prose.course, warnings: &captionWarnings) }
                warnings += captionWarnings
                cellIndex += 1
            case .listing(let listing):
                body += "<pre class=\"listing\"><code class=\"language-swift\">\(SyntaxHighlighter.highlight(listing.code))</code></pre>\n"
            case .divOpen(let i):
                let div = document.divs[i]
                // Where the exercises begin, the student build links the notebook to work them in.
                if options.notebookLink, div.kind == .exercise, !document.divs[..<i].contains(where: { $0.kind == .exercise }),
                   let page, page.hasSuffix(".html") {
                    let notebook = HTML.relativeLink(String(page.dropLast(5)) + ".md")
                    body += "<p class=\"notebook-link\"><a href=\"\(HTML.attribute(notebook))\" download>\(HTML.escape(furniture.notebookLink))</a></p>\n"
                }
                let title = div.title.map { prose.render(HTML.escape($0), warnings: &warnings) }
                body += BlockRenderer.open(div, number: references.divNumbers[i], title: title, furniture: furniture)
            case .divClose(let i):
                body += BlockRenderer.close(document.divs[i])
            }
        }
        // The contents list shows each heading as the page does (its formulas as MathML).
        body.insert(contentsOf: tableOfContents(document, references: references, body: body, furniture: furniture),
                    at: body.index(body.startIndex, offsetBy: body.distance(from: body.startIndex, to: titleEnd)))
        let title = site.map { "\(document.title) · \($0.title)" } ?? document.title
        let html = PageSkeleton(
            title: title, language: language,
            extraCSS: document.frontMatter.paperSize == .a4 ? "" : "@page { size: \(document.frontMatter.paperSize.css); }",
            body: language.hasPrefix("zh") ? body : LanguageRuns.markChinese(body),
            footer: "Rendered by Lectern \(LecternVersion.current) from <code>\(HTML.escape(document.source.path))</code>.",
            site: site, page: page
        ).html
        // In the order of the file, as a reader fixes them.
        let ordered = warnings.enumerated().sorted {
            let a = $0.element.location, b = $1.element.location
            return (a?.line ?? 0, a?.column ?? 0, $0.offset) < (b?.line ?? 0, b?.column ?? 0, $1.offset)
        }.map(\.element)
        return Page(html: html, warnings: ordered)
    }

    /// The contents, from the second heading level down one more: on when `toc: true`, and by
    /// default for pages with more than four sections.
    static func tableOfContents(_ document: Document, references: CrossReferences, body: String, furniture: Furniture = .english) -> String {
        let headings = document.headings
        guard let top = headings.map(\.level).min() else { return "" }
        // A page's single top heading is its title: list what sits under it.
        let base = headings.filter { $0.level == top }.count == 1 && headings.count > 1 ? top + 1 : top
        let listed = headings.enumerated().filter { $0.element.level >= base && $0.element.level <= base + 1 }
        let wanted = document.frontMatter.toc ?? (listed.filter { $0.element.level == base }.count > 4)
        guard wanted, !listed.isEmpty else { return "" }
        var html = "<nav class=\"toc\" aria-label=\"\(HTML.attribute(furniture.contents))\">\n<p class=\"toc-title\">\(HTML.escape(furniture.contents))</p>\n<ul>\n"
        var open = false
        // Headings come in the body in document order: each search starts where the last one
        // ended (searching from the top each time made 20,000 headings take 50 s).
        var cursor = body.utf8.startIndex
        for (k, (i, h)) in listed.enumerated() {
            let number = references.sectionNumbers[i].map { "<span class=\"toc-number\">\(HTML.escape($0))</span> " } ?? ""
            let link = "<a href=\"#\(HTML.attribute(h.id))\">\(number)\(headingHTML(h, in: body, from: &cursor))</a>"
            if h.level == base {
                if open { html += "</ul></li>\n"; open = false }
                html += "<li>\(link)"
                let hasChildren = k + 1 < listed.count && listed[k + 1].element.level == base + 1
                if hasChildren { html += "\n<ul>\n"; open = true } else { html += "</li>\n" }
            } else {
                if !open { html += "<li><ul>\n"; open = true }
                html += "<li>\(link)</li>\n"
            }
        }
        if open { html += "</ul></li>\n" }
        return html + "</ul>\n</nav>\n"
    }

    /// A heading's content as rendered in the body (without its section number), or its text.
    static func headingHTML(_ h: Heading, in body: String, from cursor: inout String.Index) -> String {
        let open = "<h\(h.level) id=\"\(HTML.attribute(h.id))\">"
        // Byte search: the body holds whole figures, and Foundation's string search is slow on it.
        guard let start = ByteSearch.find(open, in: body, from: cursor),
              let end = ByteSearch.find("</h\(h.level)>", in: body, from: start.upperBound) else {
            return HTML.escape(h.text)
        }
        cursor = end.upperBound
        var inner = String(body[start.upperBound..<end.lowerBound])
        if inner.hasPrefix("<span class=\"section-number\">"), let close = inner.range(of: "</span>") {
            inner.removeSubrange(inner.startIndex..<close.upperBound)
        }
        // Links inside a link are not allowed: keep their text.
        while let a = inner.range(of: "<a "), let gt = inner.range(of: ">", range: a.upperBound..<inner.endIndex) {
            inner.removeSubrange(a.lowerBound..<gt.upperBound)
        }
        return inner.replacingOccurrences(of: "</a>", with: "").trimmingCharacters(in: .whitespaces)
    }

    /// Whether two language tags name the same language (`zh` and `zh-CN` do).
    static func sameLanguage(_ a: String, _ b: String) -> Bool {
        a.lowercased().split(separator: "-").first == b.lowercased().split(separator: "-").first
    }

    /// The title, subtitle and byline; in a course, the title carries the chapter's number.
    static func titleBlock(_ front: FrontMatter, chapter: Int? = nil, furniture: Furniture = .english) -> String {
        guard let title = front.title, !title.isEmpty else { return "" }
        let number = chapter.map { "<span class=\"chapter-number\">\($0)</span> " } ?? ""
        var html = "<header class=\"title-block\">\n<h1 class=\"title\">\(number)\(HTML.escape(title))</h1>\n"
        if let subtitle = front.subtitle { html += "<p class=\"subtitle\">\(HTML.escape(subtitle))</p>\n" }
        let byline = [front.author, front.date.map(furniture.date)].compactMap { $0 }.filter { !$0.isEmpty }
        if !byline.isEmpty { html += "<p class=\"byline\">\(byline.map(HTML.escape).joined(separator: " · "))</p>\n" }
        return html + "</header>\n"
    }
}
