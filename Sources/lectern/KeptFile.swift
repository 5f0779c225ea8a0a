import Foundation
import NotebookRunner

/// A JSON file kept in `.lectern-cache/` beside the run entries (highlighted code, page records):
/// read if it is there and parses, written atomically. Neither way can fail a render: a file
/// that is missing, unreadable or unwritable only costs the next render the time it saves.
enum KeptFile {
    static func read<T: Decodable>(_ type: T.Type, from path: String) -> T? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return try? JSONDecoder().decode(type, from: data)
    }

    /// Written with sorted keys, so the same contents give the same bytes.
    static func write<T: Encodable>(_ value: T, to path: String) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(value) else { return }
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try? AtomicFile.write(data, to: path)
    }
}
