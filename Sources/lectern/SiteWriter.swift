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
        removeStalePages(site: site)
    }

    /// Removes the chapter pages an earlier render of the course wrote into this folder that are
    /// no chapter of it now (renamed, or dropped from the course file), so the folder holds no
    /// page whose navigation is stale. The chapters of each render are kept in
    /// `.lectern-cache/site-pages.json` (`SitePages`): a page is removed only if it was a chapter
    /// then, is none now, and its head names Lectern as its generator; in the student build the
    /// notebook written beside it goes too. Pages rendered on their own are never touched, and
    /// without the cache (`--no-cache`, `--safe`) nothing is.
    mutating func removeStalePages(site: Site) {
        guard pageCache != nil else { return }   // --no-cache and --safe leave .lectern-cache alone
        let current = site.chapters.map(\.page).sorted()
        var kept = SitePages.read()
        for name in (kept[folder] ?? []).sorted() where !current.contains(name) {
            let page = path(name)
            guard Self.isLecternPage(page) else { continue }
            do {
                try FileManager.default.removeItem(atPath: page)
                let notebook = path((name as NSString).deletingPathExtension + ".md")
                if notebooks, FileManager.default.fileExists(atPath: notebook) { try FileManager.default.removeItem(atPath: notebook) }
                printError("\(page)  (removed: no longer a chapter of the course)")
            } catch {
                report([.warning("cannot remove the stale page \(page): \(error.localizedDescription)", at: nil)])
            }
        }
        if kept[folder] != current {
            kept[folder] = current
            SitePages.write(kept)
        }
    }

    /// Whether the file at `path` is a page Lectern wrote: its head names Lectern as generator.
    static func isLecternPage(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = String(decoding: (try? handle.read(upToCount: 2048)) ?? Data(), as: UTF8.self)
        return head.contains(GeneratorTag.prefix)
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

/// The chapter pages the last course render wrote, per output folder, kept in `.lectern-cache/`
/// so that the next render can remove those that are no chapter any more.
enum SitePages {
    static let path = ".lectern-cache/site-pages.json"

    static func read() -> [String: [String]] { KeptFile.read([String: [String]].self, from: path) ?? [:] }

    static func write(_ pages: [String: [String]]) { KeptFile.write(pages, to: path) }
}
