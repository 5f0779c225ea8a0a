import Notebook

/// The course a page belongs to: what every page's navigation shows (the course's title, its
/// chapters in order with the current one marked, previous and next) and what its home page lists.
/// Without a site, a page stands alone, as a single notebook's page always has.
public struct Site: Sendable {
    /// A chapter as the navigation and the home page name it.
    public struct Chapter: Sendable {
        /// The page's file name, `02-probabilistic-pca.html`.
        public var page: String
        /// Its number in the course, the same on every page (the course numbers from 0).
        public var number: Int
        public var title: String
        /// The line on what it teaches (front matter `description`), for the home page.
        public var description: String?
        public var failed: Bool
        /// The chapter is shown in the default language: it has no translation into this site's.
        public var untranslated = false

        public init(page: String, number: Int, title: String, description: String? = nil, failed: Bool = false) {
            self.page = page
            self.number = number
            self.title = title
            self.description = description
            self.failed = failed
        }
    }

    /// A page beside the chapters, linked from the home page and every page's navigation.
    public struct Link: Sendable {
        public var page: String
        public var title: String

        public init(page: String, title: String) {
            self.page = page
            self.title = title
        }
    }

    public var title: String
    public var subtitle: String?
    /// The course's authors, shown on its home page.
    public var authors: [String] = []
    public var chapters: [Chapter]
    public var links: [Link]
    /// The course's glossary: `[[term]]` marks link to its page.
    public var glossary: Glossary? = nil
    /// The language of the site's navigation and furniture (BCP 47).
    public var language = "en"
    /// The folder of this language's pages under the output folder: "" for the default
    /// language, "zh/" for another.
    public var folder = ""
    /// The course's other languages: where the same page is in each, for the language switch.
    public var alternates: [Alternate] = []

    /// Another language of the course, named in that language ("中文", "English").
    public struct Alternate: Sendable {
        public var language: String
        public var name: String
        public var folder: String

        public init(language: String, name: String, folder: String) {
            self.language = language
            self.name = name
            self.folder = folder
        }
    }

    /// Pages that exist in every language, and so have a switch between them.
    func hasAlternates(_ page: String) -> Bool {
        page == "index.html" || page == Glossary.pageName || chapterIndex(of: page) != nil
    }

    /// The link from this site's `page` to the same page in `other`'s language.
    func link(to other: Alternate, page: String) -> String {
        HTML.relativeLink((folder.isEmpty ? "" : "../") + other.folder + page)
    }

    /// Whether the site has a search index (`SearchIndex.fileName`) for its pages to load.
    public var search = false
    /// Every chapter's referable labels, with their pages (`collectLabels`).
    private(set) var labels: [String: CrossReferences.Target] = [:]

    public init(title: String, subtitle: String? = nil, chapters: [Chapter], links: [Link] = []) {
        self.title = title
        self.subtitle = subtitle
        self.chapters = chapters
        self.links = links
    }

    /// Reads the labels of every chapter (`page`, its document), so that a reference in one
    /// resolves to another (`@fig-x` → `02-ppca.html#fig-x`, "Figure 2.3"). Returns an error for
    /// each label defined in two chapters, at its second definition.
    public mutating func collectLabels(from chapters: [(page: String, document: Document)]) -> [Diagnostic] {
        var errors: [Diagnostic] = []
        for (page, document) in chapters {
            let number = chapterIndex(of: page).map { self.chapters[$0].number }
            let own = CrossReferences(document: document, chapter: number, furniture: .forLanguage(document.frontMatter.language))
            for (label, target) in own.exported(page: page).sorted(by: { $0.key < $1.key }) {
                if let first = labels[label] {
                    errors.append(.error("the label '\(label)' is already used in \(first.page ?? "another chapter") for \(first.text(own.furniture)); labels must be unique across the course",
                                         at: target.location))
                } else {
                    labels[label] = target
                }
            }
        }
        return errors.sorted { ($0.location?.file ?? "", $0.location?.line ?? 0) < ($1.location?.file ?? "", $1.location?.line ?? 0) }
    }

    /// The chapter number of the page written to `page`, if it is a chapter.
    func chapterNumber(of page: String?) -> Int? {
        page.flatMap(chapterIndex(of:)).map { chapters[$0].number }
    }

    /// The chapter written to `page`, if it is one.
    func chapterIndex(of page: String) -> Int? { chapters.firstIndex { $0.page == page } }

    /// The navigation every page of the site carries before its content: the course's title
    /// (a link home), the chapters with `current` marked, and the other pages. Wide screens show it
    /// as a sidebar; phones as a menu that opens at the top (`<details>`, no script).
    /// `pageLanguage`: the language of the page's content (a chapter without a translation is in
    /// the default language inside another language's site): the navigation then says its own.
    func navigation(current page: String?, furniture: Furniture, pageLanguage: String) -> String {
        let list = chapterList(current: page)
        let links = self.links.map { link in
            "<li\(link.page == page ? " aria-current=\"page\"" : "")><a href=\"\(HTML.relativeLink(link.page))\">\(HTML.escape(link.title))</a></li>"
        }.joined(separator: "\n")
        let extras = links.isEmpty ? "" : "<ul class=\"site-links\">\n\(links)\n</ul>\n"
        var switcher = ""
        if let page, hasAlternates(page), !alternates.isEmpty {
            switcher = "<p class=\"site-languages\">" + alternates.map {
                "<a href=\"\(link(to: $0, page: page))\" hreflang=\"\(HTML.attribute($0.language))\" lang=\"\(HTML.attribute($0.language))\">\(HTML.escape($0.name))</a>"
            }.joined(separator: " ") + "</p>\n"
        }
        return """
        <nav class="site-nav" aria-label="\(HTML.attribute(furniture.chapters))"\(pageLanguage == language ? "" : " lang=\"\(HTML.attribute(language))\"")>
        <a class="site-title" href="\(HTML.relativeLink("index.html"))"\(page == "index.html" ? " aria-current=\"page\"" : "")>\(HTML.escape(title))</a>
        \(switcher)\(search ? searchBox(furniture) : "")        <details class="site-menu"><summary>\(HTML.escape(furniture.chapters))</summary>
        \(list)\(extras)</details>
        <div class="site-sidebar">
        \(list)\(extras)</div>
        </nav>

        """
    }

    /// The search box, hidden until the search script shows it (a page without JavaScript has none).
    private func searchBox(_ furniture: Furniture) -> String {
        """
        <div class="site-search" role="search" hidden data-none="\(HTML.attribute(furniture.noResults))">
        <input type="search" placeholder="\(HTML.attribute(furniture.search))" aria-label="\(HTML.attribute(furniture.searchLabel))" autocomplete="off" spellcheck="false">
        <ol class="search-results" hidden></ol>
        </div>

        """
    }

    private func chapterList(current page: String?) -> String {
        var html = "<ol class=\"site-chapters\">\n"
        for chapter in chapters {
            let mark = chapter.page == page ? " aria-current=\"page\"" : ""
            let untranslated = chapter.untranslated ? " <span class=\"chapter-untranslated\">\(HTML.escape(Furniture.forLanguage(language).untranslatedMark))</span>" : ""
            html += "<li\(mark)><a href=\"\(HTML.relativeLink(chapter.page))\"><span class=\"chapter-number\">\(chapter.number)</span> <span>\(HTML.escape(chapter.title))\(untranslated)</span></a></li>\n"
        }
        return html + "</ol>\n"
    }

    /// Links to the chapters before and after the one written to `page` (none for other pages).
    func pager(current page: String, furniture: Furniture) -> String {
        guard let i = chapterIndex(of: page) else { return "" }
        func link(_ chapter: Chapter, rel: String, label: String) -> String {
            "<a class=\"pager-\(rel)\" rel=\"\(rel)\" href=\"\(HTML.relativeLink(chapter.page))\">"
                + "<span class=\"pager-label\">\(HTML.escape(label))</span>"
                + "<span class=\"chapter-number\">\(chapter.number)</span> \(HTML.escape(chapter.title))</a>"
        }
        let previous = i > 0 ? link(chapters[i - 1], rel: "prev", label: furniture.previous) : ""
        let next = i + 1 < chapters.count ? link(chapters[i + 1], rel: "next", label: furniture.next) : ""
        guard !previous.isEmpty || !next.isEmpty else { return "" }
        return "<nav class=\"pager\" aria-label=\"\(HTML.attribute(furniture.previous)) / \(HTML.attribute(furniture.next))\">\(previous)\(next)</nav>\n"
    }
}
