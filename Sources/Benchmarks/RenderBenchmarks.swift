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
    }
}
