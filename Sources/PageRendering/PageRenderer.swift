import CellInterpreter
import Foundation
import Notebook
import NotebookRunner

/// How a page is rendered.
public struct PageOptions: Sendable {
    /// A page for printing and review: code hidden unless a cell sets `echo: true`.
    public var handout = false

    public init(handout: Bool = false) {
        self.handout = handout
    }
}

/// A rendered page and what rendering noticed (unknown cross-references, bad formulas).
public struct Page {
    public var html: String
    public var warnings: [Diagnostic]
}

/// Writes a notebook's run as one self-contained HTML5 page: CSS inlined, no JavaScript.
public enum PageRenderer {
    public static func render(_ result: NotebookResult, options: PageOptions = PageOptions()) -> Page {
        let document = result.document
        var warnings: [Diagnostic] = []
        var body = ""
        body += titleBlock(document.frontMatter)
        let references = CrossReferences(document: document)
        let prose = ProseRenderer(document: document, result: result, references: references)
        var cellIndex = 0
        for block in document.blocks {
            switch block {
            case .prose(let html):
                body += prose.render(html, warnings: &warnings)
            case .cell:
                body += CellRenderer.render(result.cells[cellIndex], number: references.cellNumbers[cellIndex], options: options)
                cellIndex += 1
            case .listing(let listing):
                body += "<pre class=\"listing\"><code class=\"language-swift\">\(SyntaxHighlighter.highlight(listing.code))</code></pre>\n"
            }
        }
        let source = HTML.escape(document.source.path)
        let html = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="Lectern \(LecternVersion.current)">
        <title>\(HTML.escape(document.title))</title>
        <style>
        \(Stylesheet.css)
        </style>
        </head>
        <body>
        <main>
        \(body)<footer class="page-footer">Rendered by Lectern \(LecternVersion.current) from <code>\(source)</code>.</footer>
        </main>
        </body>
        </html>

        """
        // In the order of the file, as a reader fixes them.
        let ordered = warnings.enumerated().sorted {
            let a = $0.element.location, b = $1.element.location
            return (a?.line ?? 0, a?.column ?? 0, $0.offset) < (b?.line ?? 0, b?.column ?? 0, $1.offset)
        }.map(\.element)
        return Page(html: html, warnings: ordered)
    }

    static func titleBlock(_ front: FrontMatter) -> String {
        guard let title = front.title, !title.isEmpty else { return "" }
        var html = "<header class=\"title-block\">\n<h1 class=\"title\">\(HTML.escape(title))</h1>\n"
        if let subtitle = front.subtitle { html += "<p class=\"subtitle\">\(HTML.escape(subtitle))</p>\n" }
        let byline = [front.author, front.date].compactMap { $0 }.filter { !$0.isEmpty }
        if !byline.isEmpty { html += "<p class=\"byline\">\(byline.map(HTML.escape).joined(separator: " · "))</p>\n" }
        return html + "</header>\n"
    }
}
