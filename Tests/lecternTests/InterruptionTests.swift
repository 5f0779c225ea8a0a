import Foundation
import Testing

/// Ctrl-C or `kill` in the middle of a render: the pages and cache entries already there stay
/// as they were, and nothing half-written is left beside them.
extension CommandLineTests {
    struct Interruption: Sendable, CustomTestStringConvertible {
        let signal: Int32
        let name: String
        /// How the process ends: an exit status, or killed by the signal itself.
        let exitStatus: Int32?
        var testDescription: String { name }
    }

    static let interruptions = [
        Interruption(signal: SIGINT, name: "Ctrl-C (SIGINT)", exitStatus: 130),
        Interruption(signal: SIGTERM, name: "kill (SIGTERM)", exitStatus: 143),
        Interruption(signal: SIGKILL, name: "kill -9 (SIGKILL)", exitStatus: nil),
    ]

    /// Every file under `folder`, by relative path, with its bytes.
    func snapshot(_ folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let path = enumerator?.nextObject() as? String {
            if let data = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path) { files[path] = data }
        }
        return files
    }

    @Test(arguments: interruptions)
    func anInterruptedRenderLeavesThePagesAndTheCacheAsTheyWere(_ i: Interruption) throws {
        let dir = try workspace(["notebooks/a.md": text("# A\n\n```swift\n6 * 7\n```\n"),
                                 "notebooks/b.md": text("# B\n\n```swift\n1 + 1\n```\n")])
        #expect(try lectern(["render"], in: dir).status == 0)
        let output = dir.appendingPathComponent("output"), cache = dir.appendingPathComponent(".lectern-cache")
        let pagesBefore = snapshot(output), cacheBefore = snapshot(cache)
        #expect(pagesBefore.keys.sorted() == ["a.html", "b.html", "index.html"])
        #expect(cacheBefore.keys.filter { $0 != "highlighting.json" }.count == 2)

        // b now runs for a long time; it is interrupted while it runs.
        try Data("# B\n\n```swift\n//| timeout: 20\nvar n = 0\nwhile true { n += 1 }\n```\n".utf8).write(to: dir.appendingPathComponent("notebooks/b.md"))
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = ["render"]
        process.currentDirectoryURL = dir
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // b's loop runs for 20 s (its timeout); interrupt it well inside that.
        Thread.sleep(forTimeInterval: 3)
        var seen = Data()
        kill(process.processIdentifier, i.signal)
        process.waitUntilExit()

        if let status = i.exitStatus {
            #expect(process.terminationReason == .exit && process.terminationStatus == status,
                    "\(i.name): ended with \(process.terminationReason) \(process.terminationStatus)")
            seen += errors.fileHandleForReading.readDataToEndOfFile()
            #expect(String(decoding: seen, as: UTF8.self).contains("interrupted:"))
        } else {
            #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL)
        }
        #expect(snapshot(output) == pagesBefore, "\(i.name): the pages changed")
        #expect(snapshot(cache) == cacheBefore, "\(i.name): the cache changed")
    }

    /// What a `kill -9` leaves (a temporary being written) is removed by the next run that writes
    /// to that folder; a file that is not Lectern's stays.
    @Test func temporariesOfAKilledRunAreRemovedByTheNextRun() throws {
        let dir = try workspace(["notebooks/a.md": text("# A\n\n```swift\n1\n```\n")])
        let dead = Process()
        dead.executableURL = URL(fileURLWithPath: "/bin/true")
        try dead.run()
        dead.waitUntilExit()
        let pid = dead.processIdentifier
        let output = dir.appendingPathComponent("output")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let leftovers = [".lectern-\(pid)-12345.tmp", ".a.html.\(pid).678.tmp"]
        for name in leftovers + ["keep.tmp"] { try Data(count: 1000).write(to: output.appendingPathComponent(name)) }
        #expect(try lectern(["render"], in: dir).status == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: output.path)
        #expect(!names.contains { leftovers.contains($0) }, "\(names)")
        #expect(names.contains("keep.tmp") && names.contains("a.html"))
    }

    /// A destination that is not a regular file is refused and left as it is (a FIFO at the
    /// --report path was replaced by a file).
    @Test func aDestinationThatIsNotARegularFileIsRefused() throws {
        let dir = try workspace(["notebooks/a.md": text("# A\n\n```swift\n1\n```\n")])
        let fifo = dir.appendingPathComponent("run.json").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let outcome = try lectern(["render", "--report", "run.json"], in: dir)
        #expect(outcome.status != 0)
        #expect(outcome.stderr.contains("exists and is not a regular file (a FIFO)"), "\(outcome.stderr)")
        var status = stat()
        #expect(lstat(fifo, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO)
    }
}
