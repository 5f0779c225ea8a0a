import Foundation
import Notebook
import NotebookRunner
import PageRendering

/// Highlighted code kept between renders in `.lectern-cache/highlighting.json`: a render from the
/// cache otherwise parses every cell and every reference declaration again (measured: 50–60 ms
/// of a 0.35 s render of the course). Keyed by Lectern's version, since a new highlighter may
/// colour code differently; holds what the last render used, so it does not grow without end.
enum HighlightingCache {
    static let path = ".lectern-cache/highlighting.json"

    private struct File: Codable {
        var version: String
        var entries: [String: String]
    }

    private static var version: String { "\(LecternVersion.current)+\(LecternVersion.outputRevision)" }

    /// Loads the kept entries into the highlighter; returns their code, to tell later whether
    /// anything changed. A missing, unreadable or other version's file is no entries.
    static func load() -> Set<String> {
        guard let file = KeptFile.read(File.self, from: path), file.version == version else { return [] }
        SyntaxHighlighter.remember(file.entries)
        return Set(file.entries.keys)
    }

    /// Keeps what this process highlighted, unless it is what `loaded` already held. A file that
    /// cannot be written only costs the next render its highlighting time.
    static func save(loaded: Set<String>) {
        let used = SyntaxHighlighter.usedEntries()
        guard Set(used.keys) != loaded else { return }
        KeptFile.write(File(version: version, entries: used), to: path)
    }
}
