import Foundation
import Testing

/// A render after a prose edit renders only the pages the edit changed (`PageCache`), and the
/// site it leaves is the one a full render writes.
extension CommandLineTests {
    static let twoChapterCourse: [String: String] = [
        "lectern.yml": "title: T\nchapters: [notebooks/a.md, notebooks/b.md]\n",
        "notebooks/a.md": "---\ntitle: Alpha\n---\n\nSee @fig-ring.\n\n```swift\nlet n = 3\nn * 2\n```\n",
        "notebooks/b.md": "---\ntitle: Beta\n---\n\nA [[made-up term]].\n\n```swift\n//| label: fig-ring\n//| caption: A ring.\nplot([1, 2, 3])\n```\n",
    ]

    /// The file's identity: a page written again is a new file (written atomically, by rename).
    func inode(_ dir: URL, _ path: String) throws -> Int {
        try (FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent(path).path)[.systemFileNumber] as? NSNumber)?.intValue ?? -1
    }

    func pages(_ dir: URL, _ folder: String) throws -> [String: String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent(folder).path).filter { $0.hasSuffix(".html") || $0.hasSuffix(".js") }
        return try Dictionary(uniqueKeysWithValues: names.map { ($0, try read(dir, "\(folder)/\($0)")) })
    }

    @Test func aProseEditRendersOnlyItsPageAndTheSiteIsAFullRenders() throws {
        let dir = try workspace(Self.twoChapterCourse.mapValues(text))
        #expect(try lectern(["render"], in: dir).status == 0)
        #expect(try lectern(["render"], in: dir).status == 0)  // from the cache: pages recorded
        let (a, b) = (try inode(dir, "output/a.html"), try inode(dir, "output/b.html"))

        try write(dir, "notebooks/b.md", Self.twoChapterCourse["notebooks/b.md"]!.replacingOccurrences(of: "A [[", with: "Edited: a [["))
        let edited = try lectern(["render"], in: dir)
        #expect(edited.status == 0, "\(edited.stderr)")
        #expect(try inode(dir, "output/a.html") == a, "a page whose inputs did not change is left as it is")
        #expect(try inode(dir, "output/b.html") != b)
        #expect(try read(dir, "output/b.html").contains("Edited: a"))
        #expect(edited.stderr.contains("made-up term"), "a page left as it is repeats its warnings: \(edited.stderr)")
        #expect(edited.stderr.components(separatedBy: "made-up term").count == 2, "\(edited.stderr)")

        // A title is on every page's navigation: every page is rendered again.
        try write(dir, "notebooks/b.md", Self.twoChapterCourse["notebooks/b.md"]!.replacingOccurrences(of: "title: Beta", with: "title: Gamma"))
        #expect(try lectern(["render"], in: dir).status == 0)
        #expect(try inode(dir, "output/a.html") != a)
        #expect(try read(dir, "output/a.html").contains("Gamma"))
        let skipped = try lectern(["render"], in: dir)
        #expect(skipped.stderr.contains("made-up term"), "\(skipped.stderr)")

        // What the skipping render left is what a render with no cache at all writes.
        #expect(try lectern(["render", "--no-cache", "-o", "full"], in: dir).status == 0)
        #expect(try pages(dir, "output") == pages(dir, "full"))
    }

    @Test func aPageChangedOrRemovedByHandIsWrittenAgain() throws {
        let dir = try workspace(Self.twoChapterCourse.mapValues(text))
        #expect(try lectern(["render"], in: dir).status == 0)
        #expect(try lectern(["render"], in: dir).status == 0)
        let page = try read(dir, "output/a.html")
        try write(dir, "output/a.html", "scribbled over")
        try FileManager.default.removeItem(at: dir.appendingPathComponent("output/b.html"))
        #expect(try lectern(["render"], in: dir).status == 0)
        #expect(try read(dir, "output/a.html") == page)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("output/b.html").path))
    }
}
