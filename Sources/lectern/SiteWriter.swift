import Foundation
import Notebook
import NotebookRunner
import PageRendering

/// Writes the pages of one render into one folder (the output folder, or a language's folder in
/// it): notebook pages, and for a course its home page, glossary, search index and reference.
/// Every file is written atomically; under `--safe` each page is checked first (`unsafePage`).
/// What goes wrong is reported and sets `failed`.
struct SiteWriter {
    var folder: String
    var safe: Bool
    var options: PageOptions
    private(set) var failed = false
    /// Writes each page's notebook beside it, as its build left it (the student build: the
    /// notebook students edit, with no solution or hidden check in it).
    var notebooks = false
    /// The search sections of the pages this writer wrote (a course's site only), scanned as
    /// each page was rendered.
    private var scanned: [String: [SearchIndex.Section]] = [:]

    init(folder: String, safe: Bool, options: PageOptions) {
        self.folder = folder
        self.safe = safe
        self.options = options
    }

    /// Pages written earlier from the same inputs, which need not be rendered again (nil: render
    /// every page).
    var pageCache: PageCache?

    /// Renders notebook pages side by side (`concurrentMap`), then writes them in order; returns
    /// which are in place. A page whose inputs are those it was last written from (`PageCache`)
    /// is left as it is, its warnings printed again.
    @discardableResult
    mutating func pages(_ items: [(result: NotebookResult, name: String)], site: Site?) -> [Bool] {
        let options = self.options, search = site?.search == true, folder = self.folder, cache = pageCache
        let fingerprint = site?.fingerprint
        let digests = items.map { cache?.digest(of: $0.result, page: $0.name, folder: folder, siteFingerprint: fingerprint) }
        let kept = zip(items, digests).map { item, digest in digest.flatMap { cache?.unchanged(path(item.name), digest: $0) } }
        let toRender = items.indices.filter { kept[$0] == nil }
        let rendered = concurrentMap(toRender) { i in
            let page = PageRenderer.render(items[i].result, options: options, site: site, page: items[i].name)
            return (page, search ? SearchIndex.sections(of: page.html) : nil)
        }
        var next = rendered.makeIterator()
        return items.indices.map { i in
            let item = items[i]
            let written: Bool
            if let record = kept[i] {
                for warning in record.warnings { printError(warning) }
                if search { scanned[item.name] = record.sections }
                written = true
            } else {
                let (page, sections) = next.next()!
                let errors = report(page.warnings)
                if errors || item.result.failed { failed = true }
                written = write(item.name, page.html, what: nil)
                if written, let sections { scanned[item.name] = sections }
                cache?.record(path(item.name), digest: written && !errors ? digests[i] : nil, sections: sections ?? [], warnings: page.warnings)
            }
            if notebooks {
                let document = item.result.document
                let name = (item.name as NSString).deletingPathExtension + ".md"
                write(name, document.source.removing(document.omittedLines), what: nil)
            }
            return written
        }
    }

    /// A course's pages beside its chapters in this site's language: the home page, the glossary,
    /// the search index over the chapters' pages in the folder (this run's or an earlier one's)
    /// and the glossary, and with `reference` the library reference.
    mutating func courseExtras(site: Site, reference: Bool) {
        write("index.html", IndexPage.render(site: site, language: site.language), what: "\(site.chapters.count) chapters")
        if reference { write(ReferencePage.fileName, ReferencePage.render(site: site), what: "the library reference") }
        // A chapter this writer did not render (a render of some chapters only) is read back.
        let scanned = self.scanned, folder = self.folder
        var searched = concurrentMap(site.chapters) { chapter -> (page: String, title: String, sections: [SearchIndex.Section])? in
            let title = "\(chapter.number) \(chapter.title)"
            if let sections = scanned[chapter.page] { return (chapter.page, title, sections) }
            guard let html = try? String(contentsOfFile: (folder as NSString).appendingPathComponent(chapter.page), encoding: .utf8) else { return nil }
            return (chapter.page, title, SearchIndex.sections(of: html))
        }.compactMap { $0 }
        if let glossary = site.glossary {
            let html = GlossaryPage.render(glossary, site: site, language: site.language)
            write(Glossary.pageName, html, what: "the glossary of \(glossary.entries.count) terms")
            searched.append((Glossary.pageName, site.links.first { $0.page == Glossary.pageName }?.title ?? "Glossary", SearchIndex.sections(of: html)))
        }
        write(SearchIndex.fileName, SearchIndex.script(pages: searched), what: "the search index of \(searched.count) pages")
    }

    func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }

    /// Writes `text` to `name` in the folder, printing its size with `what` (nil: say nothing).
    @discardableResult
    mutating func write(_ name: String, _ text: String, what: String?) -> Bool {
        let destination = path(name)
        if safe, name.hasSuffix(".html"), let refusal = unsafePage(text, destination) {
            report([refusal])
            failed = true
            return false
        }
        do {
            try writeAtomically(text, to: destination)
            if let what { printError("\(destination)  (\(what), \(text.utf8.count / 1024) KB)") }
            return true
        } catch {
            report([.error("cannot write \(destination): \(error.localizedDescription)", at: nil)])
            failed = true
            return false
        }
    }
}
