import Foundation
import Testing

/// `.lectern-cache/`, folders and run reports, as users meet them on the command line.
extension CommandLineTests {
    func read(_ dir: URL, _ path: String) throws -> String {
        try String(contentsOf: dir.appendingPathComponent(path), encoding: .utf8)
    }

    func write(_ dir: URL, _ path: String, _ s: String) throws {
        try Data(s.utf8).write(to: dir.appendingPathComponent(path))
    }

    @Test func anUnchangedNotebookRendersFromTheCacheWithTheSamePage() throws {
        let dir = try workspace(["notebooks/n.md": text("# N\n\n```swift\nvar s = 0\nfor i in 0..<10 { s += i }\ns\n```\n")])
        let first = try lectern(["render"], in: dir)
        #expect(first.status == 0 && !first.stderr.contains("from cache"), "\(first.stderr)")
        let page = try read(dir, "output/n.html")
        let second = try lectern(["render"], in: dir)
        #expect(second.stderr.contains("from cache"), "\(second.stderr)")
        #expect(try read(dir, "output/n.html") == page)
    }

    /// Two runs of the same notebook give the same bytes by default: cell times stay off the page
    /// unless --timings asks for them (they differed on every run before).
    @Test func pagesAreByteIdenticalByDefaultAndTimesAreOptIn() throws {
        let dir = try workspace(["notebooks/n.md": text("```swift\nvar s = 0\nfor i in 0..<1000 { s += i }\ns\n```\n")])
        #expect(try lectern(["render", "--no-cache"], in: dir).status == 0)
        let first = try read(dir, "output/n.html")
        #expect(try lectern(["render", "--no-cache"], in: dir).status == 0)
        #expect(try read(dir, "output/n.html") == first)
        #expect(!first.contains("<p class=\"cell-time\">"))
        #expect(try lectern(["render", "--timings"], in: dir).status == 0)
        #expect(try read(dir, "output/n.html").contains("<p class=\"cell-time\">"))
    }

    @Test func aProseEditIsServedFromTheCacheAndAppearsOnThePage() throws {
        let dir = try workspace(["notebooks/n.md": text("# N\n\nBefore.\n\n```swift\n1 + 1\n```\n\nValue `{swift} 2 * 21`.\n")])
        _ = try lectern(["render"], in: dir)
        try write(dir, "notebooks/n.md", "# N\n\nAfter, with\nmore lines.\n\n```swift\n1 + 1\n```\n\nValue `{swift} 2 * 21`.\n")
        let again = try lectern(["render"], in: dir)
        #expect(again.stderr.contains("from cache"), "\(again.stderr)")
        let page = try read(dir, "output/n.html")
        #expect(page.contains("After, with"))
        #expect(page.contains("42"))
    }

    /// Digits an author formatted are shown as written, whether the value was computed now, comes
    /// from the cache, or from a --safe run's own process: 0.052398 was shown as 0.0524.
    @Test func formattedInlineDigitsSurviveTheCacheAndSafeRuns() throws {
        let dir = try workspace(["notebooks/n.md": text("```swift\nlet x = 0.0523981234\n```\n\nA `{swift} String(format: \"%.6f\", x)`, B `{swift} x`.\n")])
        for arguments in [["render"], ["render"], ["render", "--safe"]] {
            let outcome = try lectern(arguments, in: dir)
            #expect(outcome.status == 0, "\(outcome.stderr)")
            let page = try read(dir, "output/n.html")
            #expect(page.contains("A <span class=\"inline-value\">0.052398</span>, B <span class=\"inline-value\">0.0524</span>"), "\(arguments)")
        }
    }

    @Test(arguments: [
        ("a code edit", "```swift\n1 + 2\n```\n"),
        ("a cell option that changes the run", "```swift\n//| eval: false\n1 + 1\n```\n"),
    ])
    func editsThatChangeTheRunRunItAgain(_ what: String, _ body: String) throws {
        let dir = try workspace(["notebooks/n.md": text("```swift\n1 + 1\n```\n")])
        _ = try lectern(["render"], in: dir)
        try write(dir, "notebooks/n.md", body)
        let again = try lectern(["render"], in: dir)
        #expect(again.status == 0 && !again.stderr.contains("from cache"), "\(what): \(again.stderr)")
    }

    @Test func aChangedDataFileInvalidatesTheEntry() throws {
        let dir = try workspace(["notebooks/n.md": text("```swift\nDataset.csv(path: \"d.csv\").sum()\n```\n"),
                                 "notebooks/d.csv": text("1,2\n3,4\n")])
        _ = try lectern(["render"], in: dir)
        #expect(try read(dir, "output/n.html").contains(">10.0<"))
        try write(dir, "notebooks/d.csv", "1,2\n3,5\n")
        let again = try lectern(["render"], in: dir)
        #expect(!again.stderr.contains("from cache"), "\(again.stderr)")
        #expect(try read(dir, "output/n.html").contains(">11.0<"))
    }

    @Test func aCorruptEntryIsIgnoredWithAWarningAndReplaced() throws {
        let dir = try workspace(["notebooks/n.md": text("```swift\n6 * 7\n```\n")])
        _ = try lectern(["render"], in: dir)
        let cache = dir.appendingPathComponent(".lectern-cache")
        let entries = try runEntries(in: cache.path)
        #expect(entries.count == 1)
        try write(dir, ".lectern-cache/\(entries[0])", "{\"key\": \"trunc")
        let again = try lectern(["render"], in: dir)
        #expect(again.status == 0)
        #expect(again.stderr.contains("warning: ignoring the unreadable cache entry"), "\(again.stderr)")
        #expect(try lectern(["render"], in: dir).stderr.contains("from cache"))
    }

    /// Rewrites the one cache entry of `dir` through `edit` (on its JSON object).
    func editEntry(_ dir: URL, _ edit: (inout [String: Any]) -> Void) throws {
        let cache = dir.appendingPathComponent(".lectern-cache")
        let name = try #require(try runEntries(in: cache.path).first)
        let url = cache.appendingPathComponent(name)
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        edit(&object)
        try JSONSerialization.data(withJSONObject: object).write(to: url)
    }

    /// An entry is data to check, not to trust: a failure placed past the end of its code (this
    /// ended every later run with SIGILL) or an image whose size is not its PNG's is ignored with
    /// a warning, and the notebook runs again.
    @Test(arguments: ["a failure at line offset Int.max", "an image 10¹⁸ pixels high", "an unknown output kind"])
    func anEntryThatCannotBeRightIsIgnoredWithAWarning(_ what: String) throws {
        let dir = try workspace(["notebooks/n.md": text("""
            ```swift
            //| error: true
            let x = [1][2]
            ```

            ```swift
            imageGrid(Tensor.ones([2, 4]), columns: 2)
            ```
            """)])
        let first = try lectern(["render"], in: dir)
        #expect(first.status == 0, "\(first.stderr)")
        try editEntry(dir) { entry in
            var cells = entry["cells"] as! [[String: Any]]
            switch what {
            case "a failure at line offset Int.max":
                var failure = cells[0]["failure"] as! [String: Any]
                failure["lineOffset"] = Int.max
                cells[0]["failure"] = failure
            case "an image 10¹⁸ pixels high":
                var outputs = cells[1]["outputs"] as! [[String: Any]]
                outputs[0]["height"] = 1_000_000_000_000_000_000
                cells[1]["outputs"] = outputs
            default:
                var outputs = cells[1]["outputs"] as! [[String: Any]]
                outputs[0]["kind"] = "script"
                cells[1]["outputs"] = outputs
            }
            entry["cells"] = cells
        }
        let again = try lectern(["render"], in: dir)
        #expect(again.status == 0, "\(what): \(again.stderr)")
        #expect(again.stderr.contains("warning: ignoring the cache entry"), "\(what): \(again.stderr)")
        #expect(!again.stderr.contains("from cache"))
        #expect(try lectern(["render"], in: dir).stderr.contains("from cache"))
    }

    /// Highlighted code is kept beside the runs, so a render from the cache does not parse every
    /// cell again: the page is the same with and without it, a file from another version or
    /// one that does not parse is ignored, and --safe never reads it (it holds HTML).
    @Test func highlightedCodeIsKeptAndTrustedOnlyAsTheCacheIs() throws {
        let dir = try workspace(["notebooks/n.md": text("```swift\nlet answer = 6 * 7\nanswer\n```\n")])
        #expect(try lectern(["render"], in: dir).status == 0)
        let page = try read(dir, "output/n.html")
        let kept = try read(dir, ".lectern-cache/highlighting.json")
        #expect(kept.contains("let answer = 6 * 7"), "\(kept)")
        #expect(try lectern(["render"], in: dir).stderr.contains("from cache"))
        #expect(try read(dir, "output/n.html") == page)

        // A planted entry is what a render from the cache shows, once the page is rendered again
        // (its record, `PageCache`, left out): it is trusted as the run entries are…
        let records = dir.appendingPathComponent(".lectern-cache/pages.json")
        #expect(FileManager.default.fileExists(atPath: records.path))
        try FileManager.default.removeItem(at: records)
        var object = try #require(try JSONSerialization.jsonObject(with: Data(kept.utf8)) as? [String: Any])
        let entries = try #require(object["entries"] as? [String: String])
        object["entries"] = entries.mapValues { $0 + "PLANTED" }
        let planted = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        try write(dir, ".lectern-cache/highlighting.json", planted)
        #expect(try lectern(["render"], in: dir).status == 0)
        #expect(try read(dir, "output/n.html").contains("PLANTED"))
        // …but not under --safe, nor from another version, nor when it does not parse.
        try write(dir, ".lectern-cache/highlighting.json", planted)
        #expect(try lectern(["render", "--safe"], in: dir).status == 0)
        #expect(try read(dir, "output/n.html") == page)
        object["version"] = "0.0.1+1"
        try write(dir, ".lectern-cache/highlighting.json", String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self))
        try? FileManager.default.removeItem(at: records)
        #expect(try lectern(["render"], in: dir).status == 0)
        #expect(try read(dir, "output/n.html") == page)
        try write(dir, ".lectern-cache/highlighting.json", "{\"version\": tru")
        try? FileManager.default.removeItem(at: records)
        let outcome = try lectern(["render"], in: dir)
        #expect(outcome.status == 0 && !outcome.stderr.contains("warning"), "\(outcome.stderr)")
        #expect(try read(dir, "output/n.html") == page)
    }

    /// Under --safe nothing is read from the cache, not even an entry with the right key: a
    /// planted entry could hold HTML the notebook's cells could not produce.
    @Test func safeRunsNeitherReadNorWriteTheCache() throws {
        let dir = try workspace(["notebooks/n.md": text("```swift\n6 * 7\n```\n")])
        let first = try lectern(["render", "--safe"], in: dir)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent(".lectern-cache").path))
        #expect(!(try lectern(["render", "--safe"], in: dir)).stderr.contains("from cache"))
    }

    @Test func noCacheNeitherReadsNorWrites() throws {
        let dir = try workspace(["notebooks/n.md": text("```swift\n6 * 7\n```\n")])
        let outcome = try lectern(["render", "--no-cache"], in: dir)
        #expect(outcome.status == 0)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent(".lectern-cache").path))
    }

    @Test func aFailedRunIsNotCached() throws {
        let dir = try workspace(["notebooks/n.md": text("```swift\nexpect(false, \"no\")\n```\n")])
        _ = try lectern(["render"], in: dir)
        let again = try lectern(["render"], in: dir)
        #expect(again.status == 1 && !again.stderr.contains("from cache"))
    }

    @Test func aFolderGetsAnIndexOfItsNotebooksInOrder() throws {
        let dir = try workspace(["notebooks/02-b.md": text("---\ntitle: Second\nsubtitle: 第二\n---\n"),
                                 "notebooks/01-a.md": text("---\ntitle: First\n---\n")])
        let outcome = try lectern(["render", "--jobs", "2"], in: dir)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let index = try read(dir, "output/index.html")
        let first = try #require(index.range(of: "href=\"./01-a.html\">First</a>"))
        let second = try #require(index.range(of: "href=\"./02-b.html\">Second</a>"))
        #expect(first.lowerBound < second.lowerBound)
        #expect(index.contains("第二"))
    }

    /// A notebook's file name reaches the index as a percent-encoded relative link, never as a
    /// scheme: `javascript:alert(1).md` became a script link before.
    @Test func anIndexLinkIsARelativePathWhateverTheFileIsCalled() throws {
        let dir = try workspace(["notebooks/javascript:alert(1).md": text("# Named badly\n\n```swift\n1\n```\n"),
                                 "notebooks/other.md": text("# Other\n")])
        let outcome = try lectern(["render", "--safe"], in: dir)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let index = try read(dir, "output/index.html")
        #expect(index.contains("href=\"./javascript%3Aalert%281%29.html\""), "\(index)")
        #expect(!index.contains("href=\"javascript:"))
    }

    /// Pages that would overwrite one another are refused before anything runs or is written
    /// (exit 0 with one page lost before).
    @Test(arguments: [
        (["notebooks/index.md", "notebooks/b.md"], "index.html, where the index"),
        (["notebooks/x/intro.md", "notebooks/y/intro.md"], "would both be written to intro.html"),
    ])
    func outputNamesThatCollideAreRefused(_ files: [String], _ message: String) throws {
        let dir = try workspace([:])
        for f in files {
            let url = dir.appendingPathComponent(f)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text("# T\n\n```swift\n1\n```\n").write(to: url)
        }
        let folders = Set(files.map { ($0 as NSString).deletingLastPathComponent })
        let outcome = try lectern(["render"] + folders.sorted(), in: dir)
        #expect(outcome.status != 0)
        #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("output").path))
    }

    @Test func theRunReportListsEveryCell() throws {
        let dir = try workspace(["notebooks/n.md": text("```swift\n1\n```\n\n```swift\n//| label: fig-x\nlet z = nope\n```\n")])
        let outcome = try lectern(["check", "--report", "run.json"], in: dir)
        #expect(outcome.status == 1)
        let json = try JSONSerialization.jsonObject(with: Data(try read(dir, "run.json").utf8)) as? [String: Any]
        let notebooks = try #require(json?["notebooks"] as? [[String: Any]])
        let cells = try #require(notebooks.first?["cells"] as? [[String: Any]])
        #expect(cells.count == 2)
        #expect(cells[0]["status"] as? String == "ok")
        #expect(cells[1]["status"] as? String == "failed")
        #expect(cells[1]["label"] as? String == "fig-x")
        #expect((cells[1]["diagnostic"] as? String)?.contains("cannot find 'nope' in scope") == true)
    }
}
