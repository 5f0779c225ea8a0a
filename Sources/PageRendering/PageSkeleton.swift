import Notebook

/// The one HTML skeleton of every page Lectern writes — notebook pages, the index, the
/// reference — so that they share a head (charset, viewport, generator, the stylesheet), a
/// language and a footer, and a change to one is a change to all.
struct PageSkeleton {
    /// The document title (text, escaped here).
    var title: String
    /// The page's language (BCP 47), for `<html lang>`: hyphenation, quotes and font choice.
    var language = "en"
    /// Page-specific CSS after the shared stylesheet.
    var extraCSS = ""
    /// The page's content inside `<main>` (markup).
    var body: String
    /// The footer's content (markup).
    var footer: String
    /// The course the page belongs to, and the page's file name in it: the navigation and, for a
    /// chapter, previous/next links. Nil for a page of its own.
    var site: Site? = nil
    var page: String? = nil

    /// The navigation speaks the site's language, which a chapter without a translation does not.
    private var furniture: Furniture { .forLanguage(site?.language ?? language) }

    /// `<link rel="alternate">` for each other language the page exists in.
    private var alternateLinks: String {
        guard let site, let page, site.hasAlternates(page) else { return "" }
        return site.alternates.map {
            "<link rel=\"alternate\" hreflang=\"\(HTML.attribute($0.language))\" href=\"\(site.link(to: $0, page: page))\">\n"
        }.joined()
    }

    var html: String {
        """
        <!DOCTYPE html>
        <html lang="\(HTML.attribute(language))">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        \(GeneratorTag.prefix) \(LecternVersion.current)">
        <title>\(HTML.escape(title))</title>
        \(alternateLinks)\(site?.search == true ? "<script src=\"\(HTML.relativeLink(SearchIndex.fileName))\" defer></script>\n" : "")<style>
        \(Stylesheet.css)\(extraCSS.isEmpty ? "" : "\n" + extraCSS)
        </style>
        </head>
        <body\(site == nil ? "" : " class=\"in-site\"")>
        \(site?.navigation(current: page, furniture: furniture, pageLanguage: language) ?? "")<main>
        \(body)\(page.flatMap { site?.pager(current: $0, furniture: furniture) } ?? "")<footer class="page-footer">\(footer)</footer>
        </main>
        </body>
        </html>

        """
    }
}

/// The head line naming Lectern as every page's generator, by which a page Lectern wrote is told
/// from one it did not (a course render removes only its own stale pages).
public enum GeneratorTag {
    /// The line up to the version: `<meta name="generator" content="Lectern`.
    public static let prefix = #"<meta name="generator" content="Lectern"#
}
