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
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="Lectern \(LecternVersion.current)">
        <title>\(HTML.escape(title))</title>
        <style>
        \(Stylesheet.css)
        </style>
        </head>
        <body>
        <main>
        <header class="title-block">
        <h1 class="title">\(HTML.escape(title))</h1>
        </header>
        \(list)<footer class="page-footer">Rendered by Lectern \(LecternVersion.current).</footer>
        </main>
        </body>
        </html>

        """
    }
}
