import Foundation
import Notebook
import NotebookRunner
import PageRendering

/// The notebooks one render has parsed, each parsed once: the site (titles, labels, terms), the
/// runs and the translations all read the same chapters, and a course in two languages asked
/// for an original up to three times. Made afresh for each render, so a file edited between
/// renders (in `preview`) is read again; within one render every use sees the same text.
final class ParsedNotebooks: @unchecked Sendable {
    /// The build every document is parsed for: what it leaves out is not in the documents.
    let profile: Profile
    private var documents: [String: Result<Document, Diagnostic>] = [:]
    private let lock = NSLock()

    init(profile: Profile = .instructor) {
        self.profile = profile
    }

    /// `path` parsed with `course`'s defaults in `language` (the default language without a
    /// course), under `safe`'s rules, as `profile` builds it.
    func document(_ path: String, course: Course?, language: String? = nil, safe: Bool) throws(Diagnostic) -> Document {
        let language = language ?? course?.defaultLanguage ?? ""
        let key = "\(safe ? 1 : 0)\u{0}\(language)\u{0}\(path)"
        lock.lock()
        let known = documents[key]
        lock.unlock()
        if let known { return try known.get() }
        let parsed = Result { () throws(Diagnostic) -> Document in
            let source = try SourceFile.read(path: path)
            return try DocumentParser.parse(source, safe: safe, defaults: course?.defaults(for: language) ?? FrontMatter(), profile: profile)
        }
        lock.lock()
        documents[key] = parsed
        lock.unlock()
        return try parsed.get()
    }

    /// Parses `course`'s chapters, and their translations into its other languages where they
    /// exist, side by side on the cores, as the site reads them (outside `--safe`'s rules, as
    /// the runs read them too unless `--safe` is given): the site then reads them one by one.
    func parseChapters(of course: Course) {
        let requests = course.chapters.flatMap { path in
            [(path, course.defaultLanguage)] + course.languages.dropFirst().compactMap { language in
                let translation = Translation.path(of: path, language: language)
                return FileManager.default.fileExists(atPath: translation) ? (translation, language) : nil
            }
        }
        _ = concurrentMap(requests) { path, language in try? document(path, course: course, language: language, safe: false) }
    }
}
