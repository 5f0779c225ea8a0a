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
}
