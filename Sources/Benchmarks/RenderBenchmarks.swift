import Foundation

/// Whole-process timings of `lectern`, the way a user meets it: start to exit.
enum RenderBenchmarks {
    static func run() throws {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("lectern")
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            print("lectern is not built next to Benchmarks; run `swift build -c release` first")
            return
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-bench-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let notebook = dir.appendingPathComponent("one-cell.md")
        try "# One cell\n\n```swift\nlet x = 21\nprint(x * 2)\n```\n".write(to: notebook, atomically: true, encoding: .utf8)

        let arguments = [executable.path, "render", notebook.path, "-o", dir.appendingPathComponent("out").path]
        func render() throws {
            // posix_spawn + waitpid: Foundation's Process adds milliseconds of its own.
            guard try Spawn.run(arguments) == 0 else { throw CocoaError(.executableLoad) }
        }
        try render()  // warm the file cache
        var times: [Double] = []
        for _ in 0..<40 { times.append(try Measure.seconds(render)) }
        print("one-cell notebook, process start to exit: median \(Measure.format(Measure.median(times))), "
              + "min \(Measure.format(times.min()!)), max \(Measure.format(times.max()!)) over \(times.count) runs (goal < 50 ms)")
        try scaling(executable, in: dir)
    }

    /// Notebooks far larger than any course note, each rendered once from scratch: every stage
    /// must scale linearly (goal: each under 10 s). Before issue 17's fixes, 300,000 printed
    /// lines took 34 s, 3,000 headings 35 s, 20,000 inline formulas a minute, 10,000 cells 17 s.
    static func scaling(_ executable: URL, in dir: URL) throws {
        var cells = "# Cells\n\n"
        for i in 0..<10_000 { cells += "Cell \(i):\n\n```swift\nlet v\(i) = \(i)\n```\n\n" }
        var headings = "# Headings\n\n"
        for i in 0..<20_000 { headings += "## Heading \(i)\n\ntext\n\n" }
        var formulas = "# Formulas\n\n"
        for i in 0..<20_000 { formulas += "Formula $x_{\(i)} + 1$ here.\n\n" }
        let words = ["generative", "model", "latent", "posterior", "似然", "likelihood", "the", "of", "a", "sample"]
        var paragraph = ""
        for i in 0..<120 { paragraph += words[(i * 7) % words.count] + " " }
        let prose = "# Prose\n\n" + String(repeating: paragraph + "\n\n", count: 10_000_000 / (paragraph.utf8.count + 2))
        let cases = [
            ("10⁶ printed lines", "# Printing\n\n```swift\nfor i in 0..<1_000_000 { print(i) }\n```\n"),
            ("20,000 headings", headings), ("20,000 inline formulas", formulas), ("10,000 cells", cells),
            ("10 MB of prose", prose),
        ]
        print("\nScaling (one render each, process start to exit, goal < 10 s):")
        for (name, text) in cases {
            let notebook = dir.appendingPathComponent("scaling.md")
            try text.write(to: notebook, atomically: true, encoding: .utf8)
            let arguments = [executable.path, "render", notebook.path, "-o", dir.appendingPathComponent("out").path, "--no-cache"]
            let seconds = try Measure.seconds { guard try Spawn.run(arguments) == 0 else { throw CocoaError(.executableLoad) } }
            print("  \(name): \(String(format: "%.2f", seconds)) s")
        }
    }
}
