import Foundation

/// The course as a site, timed the way an author meets it (issue 20's performance lines): a
/// cold render of the whole course, a prose-only edit re-rendered from the cache, and what the
/// second language's pages cost. Run from the course's root (beside `lectern.yml`); the course is
/// copied to a temporary folder so the author's cache and pages are left alone.
///
/// With `LECTERN_PEER=DIR` (a checkout of an earlier commit with its release build in
/// `DIR/.build/release/lectern`, e.g. `git worktree add DIR 7c145a5`, the last build before the
/// course file), the same run first renders DIR's notebooks cold with that build and with this
/// one: same inputs, old build against new.
enum SiteBenchmarks {
    static func run() throws {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("lectern")
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            say("lectern is not built next to Benchmarks; run `swift build -c release` first")
            return
        }
        let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent("lectern.yml").path) else {
            say("no lectern.yml here: run the site suite from the course's root")
            return
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-site-bench-\(getpid())")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }

        let course = scratch.appendingPathComponent("course")
        try copy(["lectern.yml", "glossary.yml", "notebooks"], from: root, to: course)
        if let peer = ProcessInfo.processInfo.environment["LECTERN_PEER"] {
            try compareWithPeer(URL(fileURLWithPath: peer), executable, in: scratch)
        }
        let lectern = { (arguments: [String]) throws -> Double in
            try Measure.seconds { try run(executable, arguments, in: course) }
        }
        let cold = try lectern(["render", "--jobs", "2"])
        say("cold render of the course (this build, every language, --jobs 2, empty cache): \(Measure.format(cold))")

        // Pages from cached runs with no page records: every page written again, once with the
        // course's languages and once with the first only. The difference is the second language.
        let courseFile = course.appendingPathComponent("lectern.yml")
        let courseText = try String(contentsOf: courseFile, encoding: .utf8)
        let pageRecords = course.appendingPathComponent(".lectern-cache/pages.json")
        func allPagesFromCache() throws -> Double {
            var times: [Double] = []
            for _ in 0..<5 {
                try? FileManager.default.removeItem(at: pageRecords)
                times.append(try lectern(["render"]))
            }
            return Measure.median(times)
        }
        let everyLanguage = try allPagesFromCache()
        guard let languages = courseText.firstMatch(of: /\nlanguages: \[(\w+)(, \w+)+\]/) else {
            say("the course offers one language; no second language to time")
            return
        }
        // The first language alone: its list, and the titles' lines in the others dropped.
        let others = String(languages.0).split(separator: "[")[1].dropLast().split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }.dropFirst()
        let firstOnly = courseText.replacingOccurrences(of: String(languages.0), with: "\nlanguages: [\(languages.1)]")
            .split(separator: "\n", omittingEmptySubsequences: false)
            .filter { line in !others.contains { line.hasPrefix("  \($0): ") } }
            .joined(separator: "\n")
        try firstOnly.write(to: courseFile, atomically: true, encoding: .utf8)
        let firstLanguage = try allPagesFromCache()
        try courseText.write(to: courseFile, atomically: true, encoding: .utf8)
        _ = try lectern(["render"])
        say("every page written from cached runs, median of 5: \(Measure.format(everyLanguage)) with every language, "
              + "\(Measure.format(firstLanguage)) with \(languages.1) only; the other languages' pages cost \(Measure.format(everyLanguage - firstLanguage))")

        // A prose-only edit: one word added to (then taken from) a paragraph, the whole course
        // rendered again. Goal: under 300 ms.
        for chapter in ["notebooks/02-probabilistic-pca.md", "notebooks/03-autoregressive-models.md"] {
            let file = course.appendingPathComponent(chapter)
            guard let original = try? String(contentsOf: file, encoding: .utf8),
                  let paragraph = original.firstMatch(of: /\n\n([A-Z][^\n`$]*[a-z])\.\n/) else { continue }
            var times: [Double] = []
            for i in 0..<9 {
                let edited = String(paragraph.1) + (i % 2 == 0 ? " indeed." : " truly.")
                try original.replacingOccurrences(of: String(paragraph.1) + ".", with: edited)
                    .write(to: file, atomically: true, encoding: .utf8)
                times.append(try lectern(["render"]))
            }
            try original.write(to: file, atomically: true, encoding: .utf8)
            say("prose edit of \(chapter), whole course re-rendered from the cache: median \(Measure.format(Measure.median(times))), "
                  + "min \(Measure.format(times.min()!)), max \(Measure.format(times.max()!)) over 9 (goal < 300 ms)")
        }
    }

    /// The peer build and this one on the peer's notebooks as a folder, both cold, `--jobs 2`,
    /// one after the other: the same inputs and the same pages, so the difference is the build.
    /// (An older course cannot simply be given a course file: its chapters reused labels, which
    /// a course refuses.) The site's own cost is timed on this course below.
    static func compareWithPeer(_ peer: URL, _ executable: URL, in scratch: URL) throws {
        let peerExecutable = peer.appendingPathComponent(".build/release/lectern")
        guard FileManager.default.isExecutableFile(atPath: peerExecutable.path) else {
            say("LECTERN_PEER: no release build at \(peerExecutable.path)")
            return
        }
        var seconds: [Double] = []
        for (name, build) in [("peer", peerExecutable), ("this", executable)] {
            let folder = scratch.appendingPathComponent("\(name)-on-peer-notebooks")
            try copy(["notebooks"], from: peer, to: folder)
            seconds.append(try Measure.seconds { try run(build, ["render", "notebooks", "-o", "output", "--jobs", "2"], in: folder) })
        }
        say("the peer's notebooks (\(peer.path)) as a folder, cold, --jobs 2: peer build \(Measure.format(seconds[0])), "
              + "this build \(Measure.format(seconds[1])); " + String(format: "ratio %.2f", seconds[1] / seconds[0]))
    }

    /// Prints a figure and flushes it at once, so a later failure does not lose it.
    static func say(_ line: String) {
        print(line)
        fflush(nil)
    }

    static func copy(_ names: [String], from source: URL, to destination: URL) throws {
        try FileManager.default.createDirectory(at: destination, withIntermediateDirectories: true)
        for name in names where FileManager.default.fileExists(atPath: source.appendingPathComponent(name).path) {
            try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: destination.appendingPathComponent(name))
        }
    }

    /// Runs `lectern` in `directory`; a failed render is an error, not a time.
    static func run(_ executable: URL, _ arguments: [String], in directory: URL) throws {
        let previous = FileManager.default.currentDirectoryPath
        _ = FileManager.default.changeCurrentDirectoryPath(directory.path)
        defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
        let status = try Spawn.run([executable.path] + arguments)
        guard status == 0 else {
            throw NSError(domain: "SiteBenchmarks", code: Int(status), userInfo: [NSLocalizedDescriptionKey:
                "\(executable.path) \(arguments.joined(separator: " ")) in \(directory.path) exited \(status); run it there to see why"])
        }
    }
}
