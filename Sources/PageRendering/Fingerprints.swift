import CellInterpreter
import Notebook

extension Site {
    /// The stored properties `fingerprint` covers, by name. A test compares them with the
    /// type's own (by reflection), so a property added to `Site` without a place in the
    /// fingerprint fails the tests instead of leaving pages stale.
    static let fingerprinted = ["title", "subtitle", "authors", "chapters", "links", "glossary", "language", "folder",
                                "alternates", "search", "labels"]

    /// A digest of everything a page takes from its site: the course's title and authors, the
    /// chapters (titles, numbers, descriptions, failures) and links the navigation lists, the
    /// language and its alternates, the glossary, and every label's number and page. Two sites
    /// with one fingerprint give a notebook's page the same navigation, references across
    /// chapters and glossary links, so a page written under one is right under the other
    /// (`PageCache`). Where a label is defined is left out: it moves with any edit above it and
    /// shows only in an error, and a page with an error is always rendered again.
    public var fingerprint: String {
        var h = ContentDigest()
        h.add("site 1")
        h.add(title)
        h.add(subtitle ?? "\u{0}")
        h.add("authors \(authors.count)")
        for author in authors { h.add(author) }
        for chapter in chapters {
            h.add("chapter \(chapter.page) \(chapter.number) failed=\(chapter.failed) untranslated=\(chapter.untranslated)")
            h.add(chapter.title)
            h.add(chapter.description ?? "\u{0}")
        }
        for link in links {
            h.add("link \(link.page)")
            h.add(link.title)
        }
        h.add("language \(language) folder \(folder) search=\(search)")
        for alternate in alternates {
            h.add("alternate \(alternate.language) \(alternate.folder)")
            h.add(alternate.name)
        }
        for (label, target) in labels.sorted(by: { $0.key < $1.key }) {
            h.add("label \(label) \(target.anchor) \(target.page ?? "\u{0}")")
            h.add(String(describing: target.name))
        }
        if let glossary {
            h.add("glossary \(glossary.path) \(glossary.entries.count)")
            for entry in glossary.entries {
                h.add("term \(entry.id) \(entry.chapter)")
                h.add(entry.english)
                h.add(entry.chinese)
                for (language, text) in entry.definition.texts.sorted(by: { $0.key < $1.key }) {
                    h.add("definition \(language)")
                    h.add(text)
                }
            }
        }
        return h.hex
    }
}

extension Site.Chapter {
    /// The stored properties `Site.fingerprint` covers (checked against the type by a test).
    static let fingerprinted = ["page", "number", "title", "description", "failed", "untranslated"]
}

extension PageOptions {
    /// The stored properties `fingerprint` covers (checked against the type by a test).
    static let fingerprinted = ["handout", "timings", "notebookLink"]

    /// A digest of the options, for `PageCache`: pages rendered with equal fingerprints are equal.
    public var fingerprint: String {
        "page-options handout=\(handout) timings=\(timings) notebook-link=\(notebookLink)"
    }
}
