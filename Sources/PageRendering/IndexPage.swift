import Foundation
import Notebook

/// The first page of a render: a folder's index of its notebooks, or a course's home page.
public enum IndexPage {
    public struct Entry: Sendable {
        public var page: String
        public var title: String
        public var subtitle: String?
        public var failed: Bool

        public init(page: String, title: String, subtitle: String?, failed: Bool) {
            self.page = page
            self.title = title
            self.subtitle = subtitle
            self.failed = failed
        }
    }

    /// The index of a folder of notebooks, titled `title`, listing `entries` in order.
    public static func render(title: String, entries: [Entry]) -> String {
        var list = "<ol class=\"notebooks\">\n"
        for e in entries {
            list += "<li><a href=\"\(HTML.relativeLink(e.page))\">\(HTML.escape(e.title))</a>"
            if e.failed { list += " <span class=\"xref-missing\">failed</span>" }
            if let s = e.subtitle, !s.isEmpty { list += "<span class=\"subtitle\">\(HTML.escape(s))</span>" }
            list += "</li>\n"
        }
        list += "</ol>\n"
        let header = "<header class=\"title-block\">\n<h1 class=\"title\">\(HTML.escape(title))</h1>\n</header>\n"
        return PageSkeleton(title: title, body: header + list,
                            footer: "Rendered by Lectern \(LecternVersion.current).").html
    }

    /// A course's home page: its title and subtitle, its chapters with their numbers and the line
    /// on what each teaches, and the pages beside them (the reference, the glossary).
    public static func render(site: Site, language: String = "en") -> String {
        var list = "<ol class=\"chapters\">\n"
        for chapter in site.chapters {
            list += "<li><a href=\"\(HTML.relativeLink(chapter.page))\"><span class=\"chapter-number\">\(chapter.number)</span> \(HTML.escape(chapter.title))</a>"
            if chapter.failed { list += " <span class=\"xref-missing\">failed</span>" }
            if let d = chapter.description, !d.isEmpty { list += "<span class=\"description\">\(HTML.escape(d))</span>" }
            list += "</li>\n"
        }
        list += "</ol>\n"
        if !site.links.isEmpty {
            list += "<ul class=\"site-links home-links\">\n"
                + site.links.map { "<li><a href=\"\(HTML.relativeLink($0.page))\">\(HTML.escape($0.title))</a></li>\n" }.joined()
                + "</ul>\n"
        }
        let subtitleLine = site.subtitle.map { "<p class=\"subtitle\">\(HTML.escape($0))</p>\n" } ?? ""
        let byline = site.authors.isEmpty ? "" : "<p class=\"byline\">\(site.authors.map(HTML.escape).joined(separator: " · "))</p>\n"
        let header = "<header class=\"title-block\">\n<h1 class=\"title\">\(HTML.escape(site.title))</h1>\n\(subtitleLine)\(byline)</header>\n"
        let body = header + list
        return PageSkeleton(title: site.title, language: language,
                            body: language.hasPrefix("zh") ? body : LanguageRuns.markChinese(body),
                            footer: "Rendered by Lectern \(LecternVersion.current).", site: site, page: "index.html").html
    }
}
