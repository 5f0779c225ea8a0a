import Foundation
import Notebook

/// The page of a rendered folder: its notebooks in order, each with its title and subtitle.
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

    /// The index page titled `title` (and `subtitle`), listing `entries` numbered from
    /// `firstNumber` (a course numbers its chapters from 0, as their files do).
    public static func render(title: String, subtitle: String? = nil, firstNumber: Int = 1, entries: [Entry]) -> String {
        var list = firstNumber == 1 ? "<ol class=\"notebooks\">\n" : "<ol class=\"notebooks\" start=\"\(firstNumber)\">\n"
        for e in entries {
            list += "<li><a href=\"\(HTML.relativeLink(e.page))\">\(HTML.escape(e.title))</a>"
            if e.failed { list += " <span class=\"xref-missing\">failed</span>" }
            if let s = e.subtitle, !s.isEmpty { list += "<span class=\"subtitle\">\(HTML.escape(s))</span>" }
            list += "</li>\n"
        }
        list += "</ol>\n"
        let subtitleLine = subtitle.map { "<p class=\"subtitle\">\(HTML.escape($0))</p>\n" } ?? ""
        let header = "<header class=\"title-block\">\n<h1 class=\"title\">\(HTML.escape(title))</h1>\n\(subtitleLine)</header>\n"
        return PageSkeleton(title: title, body: header + list,
                            footer: "Rendered by Lectern \(LecternVersion.current).").html
    }
}
