import CellInterpreter
import Foundation
import Notebook
import NotebookRunner
import PageRendering

/// Pages written from the run cache, kept in `.lectern-cache/pages.json`, so that a render after a
/// prose edit renders only the pages that edit changed (perf: rendering and scanning the course's
/// 16 chapter pages took 28 % of the CPU time of a render of the course from the cache).
///
/// A page is recorded only when its notebook's result came from the cache (`cacheKey`) and it
/// rendered without an error; its digest covers everything the page is made of: this build of
/// Lectern (version, output revision and the executable's size and date, so a rebuilt renderer
/// renders again), the render's settings (`context`), the site (`Site.fingerprint`), the page's
/// name and folder, the notebook's text and its cache key. A page is skipped only while its file
/// is as written (size and modification date). A page rendered any other way loses its record.
final class PageCache {
    static let path = ".lectern-cache/pages.json"

    /// What is kept of a page: what the render would have printed and scanned.
    struct Record: Codable, Equatable {
        var digest: String
        var size: Int
        var modified: Double
        /// The page's search sections (`SearchIndex.sections`), for the site's index.
        var sections: [SearchIndex.Section]
        /// The page's warnings, printed again when it is skipped.
        var warnings: [String]
    }

    private struct File: Codable {
        var build: String
        var pages: [String: Record]
    }

    private var records: [String: Record]
    private let loaded: [String: Record]
    private let build: String
    /// The render's settings that pages depend on beside their site and notebook.
    let context: String

    /// Loads the records kept by a render of this build; `context` names the render's settings
    /// (profile, options, parameters, the course file).
    init(context: String) {
        build = Self.buildIdentity()
        self.context = context
        let file = KeptFile.read(File.self, from: Self.path)
        records = file?.build == build ? file?.pages ?? [:] : [:]
        loaded = records
    }

    /// The digest of the page `name` in `folder` for `result` under `site`, or nil when the
    /// result did not come from the cache (its page is always rendered).
    func digest(of result: NotebookResult, page name: String, folder: String, siteFingerprint: String?) -> String? {
        guard result.fromCache, let key = result.cacheKey, !result.failed else { return nil }
        var h = ContentDigest()
        h.add("page \(build)")
        h.add(context)
        h.add(siteFingerprint ?? "no site")
        h.add("\(folder)/\(name)")
        h.add(key)
        h.add(result.document.source.path)
        h.add(result.document.source.text)
        return h.hex
    }

    /// The record of the page at `path` if it has `digest` and its file is as written.
    func unchanged(_ path: String, digest: String) -> Record? {
        guard let record = records[path], record.digest == digest,
              let (size, modified) = Self.stat(path), size == record.size, modified == record.modified else { return nil }
        return record
    }

    /// Records the page just written to `path` (nil digest: forgets it).
    func record(_ path: String, digest: String?, sections: [SearchIndex.Section], warnings: [Diagnostic]) {
        guard let digest, let (size, modified) = Self.stat(path) else {
            records[path] = nil
            return
        }
        records[path] = Record(digest: digest, size: size, modified: modified, sections: sections,
                               warnings: warnings.map(\.description))
    }

    /// Writes the records if they changed. A file that cannot be written costs the next render
    /// only the pages it would have skipped.
    func save() {
        guard records != loaded else { return }
        KeptFile.write(File(build: build, pages: records), to: Self.path)
    }

    private static func stat(_ path: String) -> (Int, Double)? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let size = (attributes[.size] as? NSNumber)?.intValue,
              let date = attributes[.modificationDate] as? Date else { return nil }
        return (size, date.timeIntervalSince1970)
    }

    /// This build of Lectern: its version, output revision, and the executable's size and date.
    private static func buildIdentity() -> String {
        let executable = Bundle.main.executablePath ?? CommandLine.arguments[0]
        let (size, modified) = stat(executable) ?? (0, 0)
        return "\(LecternVersion.current)+\(LecternVersion.outputRevision) \(size) \(modified)"
    }
}
