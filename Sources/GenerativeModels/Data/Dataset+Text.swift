import Foundation

extension Dataset {
    /// The prose of this course's own notes (about 78,000 characters: English with the lecture slides'
    /// Chinese terms), the character model's corpus. Shipped as the package resource
    /// `course-notes.txt`, written from the notebooks by `scripts/make_corpus.py` (see
    /// `Data/Resources/course-notes-source.md`).
    public static func courseNotes() throws -> String {
        try courseNotesCache.get()
    }

    private static let courseNotesCache: Result<String, DatasetError> = Result {
        guard let url = Bundle.module.url(forResource: "course-notes", withExtension: "txt") else {
            throw DatasetError.missingResource("course-notes.txt")
        }
        do {
            return String(decoding: try Data(contentsOf: url), as: UTF8.self)
        } catch {
            throw DatasetError.unreadable(path: url.path, reason: error.localizedDescription)
        }
    }.mapError { $0 as? DatasetError ?? .missingResource("course-notes.txt: \($0)") }
}
