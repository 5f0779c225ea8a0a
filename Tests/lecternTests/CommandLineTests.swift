import Foundation
import Testing

/// The `lectern` executable as users run it: exit status, stderr diagnostics, files written.
/// A class so that each test's workspaces are removed when the test's instance goes away.
@Suite(.serialized)
final class CommandLineTests {
    struct Outcome {
        var status: Int32
        var stderr: String
    }

    /// The built `lectern` next to this test bundle.
    static let executable: URL = {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<3 {
            let candidate = dir.appendingPathComponent("lectern")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../.build/debug/lectern")
    }()

    func lectern(_ arguments: [String], in directory: URL) throws -> Outcome {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stderr: String(decoding: data, as: UTF8.self))
    }

    /// The workspaces this test made, removed in `deinit`.
    private var workspaces: [URL] = []

    deinit {
        for dir in workspaces { try? FileManager.default.removeItem(at: dir) }
    }

    func workspace(_ files: [String: Data]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-cli-\(UUID().uuidString)")
        workspaces.append(dir)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("notebooks"), withIntermediateDirectories: true)
        for (name, data) in files {
            try data.write(to: dir.appendingPathComponent(name))
        }
        return dir
    }

    func text(_ s: String) -> Data { Data(s.utf8) }

    /// The run entries of a cache folder (the highlighted code and the pages' and the site's
    /// records kept beside them left out).
    func runEntries(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).filter { !["highlighting.json", "pages.json", "site-pages.json"].contains($0) }.sorted()
    }

    @Test func rendersTheNotebooksFolderIntoOutputByDefault() throws {
        let dir = try workspace(["notebooks/01-a.md": text("# A\n\n```swift\nprint(\"hi\")\n```\n"),
                                 "notebooks/02-b.md": text("# B\n")])
        let outcome = try lectern(["render"], in: dir)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let page = try String(contentsOf: dir.appendingPathComponent("output/01-a.html"), encoding: .utf8)
        #expect(page.contains("<pre class=\"output\">hi</pre>"))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("output/02-b.html").path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("output").path)
        #expect(leftovers.sorted() == ["01-a.html", "02-b.html", "index.html"])
    }

    @Test func aFailingCellExitsNonZeroButStillWritesThePage() throws {
        let dir = try workspace(["notebooks/x.md": text("# X\n\n```swift\nlet y = nope\n```\n")])
        let outcome = try lectern(["render", "notebooks/x.md", "-o", "pages"], in: dir)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("notebooks/x.md:4:9: error: cannot find 'nope' in scope"))
        let page = try String(contentsOf: dir.appendingPathComponent("pages/x.html"), encoding: .utf8)
        #expect(page.contains("cell-error"))
    }

    @Test func checkWritesNothing() throws {
        let dir = try workspace(["notebooks/ok.md": text("```swift\nexpect(1 + 1 == 2)\n```\n")])
        let outcome = try lectern(["check"], in: dir)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("output").path))
    }

    struct BadInput: Sendable, CustomTestStringConvertible {
        let name: String
        let file: Data
        let message: String
        var testDescription: String { name }
    }

    @Test(arguments: [
        BadInput(name: "empty file", file: Data(), message: "notebooks/bad.md:1:1: error: the notebook is empty"),
        BadInput(name: "not UTF-8", file: Data([0x23, 0x20, 0xC3, 0x28]), message: "notebooks/bad.md:1:3: error: the file is not valid UTF-8"),
        BadInput(name: "invalid YAML", file: Data("---\ntitle: [a\n---\n".utf8), message: "notebooks/bad.md:3:1: error: invalid YAML in front matter"),
        BadInput(name: "unknown cell option", file: Data("```swift\n//| colour: red\n1\n```\n".utf8), message: "notebooks/bad.md:2:1: error: unknown cell option 'colour'"),
        BadInput(name: "syntax error", file: Data("```swift\nlet x = (1 +\n```\n".utf8), message: "notebooks/bad.md:2:13: error: expected expression after operator"),
        BadInput(name: "unknown identifier", file: Data("```swift\nprint(zz)\n```\n".utf8), message: "notebooks/bad.md:2:7: error: cannot find 'zz' in scope"),
    ])
    func badInputGetsALocatedMessageAndNonZeroExit(_ c: BadInput) throws {
        let dir = try workspace(["notebooks/bad.md": c.file])
        let outcome = try lectern(["render", "notebooks/bad.md"], in: dir)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains(c.message), "\(outcome.stderr)")
        #expect(!outcome.stderr.contains("Fatal error"))
    }

    @Test func aMissingPathIsAnError() throws {
        let dir = try workspace([:])
        let outcome = try lectern(["render", "nowhere.md"], in: dir)
        #expect(outcome.status != 0)
        #expect(outcome.stderr.contains("nowhere.md: no such file or directory"))
    }

    @Test func aParameterOverrideReachesTheCells() throws {
        let dir = try workspace(["notebooks/p.md": text("---\nparams:\n  n: 2\n---\n```swift\nexpect(n == 5, \"n is \\(n)\")\n```\n")])
        #expect(try lectern(["check", "--param", "n=5"], in: dir).status == 0)
        let wrong = try lectern(["check", "--param", "n=3"], in: dir)
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("expectation failed: n is 3"))
    }
}
