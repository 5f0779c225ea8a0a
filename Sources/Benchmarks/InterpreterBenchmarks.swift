import CellInterpreter
import Foundation

/// The cell language against CPython 3 running the same programs in the same run: ratios
/// hold where the machine's speed drifts. Each side is timed inside its own process,
/// excluding start-up (median of several repeats).
enum InterpreterBenchmarks {
    struct Program {
        let name: String
        let swift: String
        let python: String
        let goal: String
    }

    static let programs = [
        Program(name: "loop: s += i for i in 0..<10_000_000",
                swift: "var s = 0\nfor i in 0..<10_000_000 { s += i }\ns",
                python: "s = 0\nfor i in range(10_000_000):\n    s += i\n",
                goal: "≥ 2× CPython's rate"),
        Program(name: "recursive fib(25)",
                swift: "func fib(_ n: Int) -> Int { n < 2 ? n : fib(n - 1) + fib(n - 2) }\nfib(25)",
                python: "def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\nfib(25)\n",
                goal: "≥ 2× CPython's speed"),
        Program(name: "1,000,000 library calls: sqrt(x)",
                swift: "var t = 0.0\nfor i in 0..<1_000_000 { t += sqrt(Double(i)) }\nt",
                python: "import math\nt = 0.0\nfor i in range(1_000_000):\n    t += math.sqrt(float(i))\n",
                goal: "report the overhead per call"),
    ]

    static func run() throws {
        for program in programs {
            // Three rounds of seven repeats a side, alternating: fib(25) takes milliseconds, where
            // one hiccup of a shared machine shows. The median and the best run are both reported.
            var swiftTimes: [Double] = [], pythonTimes: [Double] = []
            for _ in 0..<3 {
                swiftTimes += (0..<7).map { _ -> Double in
                    let session = Session()
                    let run = session.run(CellSource(code: program.swift, file: "bench.md", firstLine: 1))
                    if let failure = run.failure { print("  failed: \(failure)") }
                    return run.seconds
                }
                pythonTimes += try python(program.python, repeats: 7)
            }
            let s = Measure.median(swiftTimes), p = Measure.median(pythonTimes)
            let sBest = swiftTimes.min()!, pBest = pythonTimes.min()!
            print("\(program.name): Lectern \(Measure.format(s)), CPython \(Measure.format(p)) (medians of 21); Lectern is \(String(format: "%.2f", p / s))× CPython; best runs \(Measure.format(sBest)) and \(Measure.format(pBest)): \(String(format: "%.2f", pBest / sBest))× (goal \(program.goal))")
        }
        // The cost of one call into the library, beyond the loop around it.
        let session = Session()
        let empty = Measure.median((0..<5).map { _ in session.run(CellSource(code: "var t = 0.0\nfor i in 0..<1_000_000 { t += Double(i) }", file: "b.md", firstLine: 1)).seconds })
        let calls = Measure.median((0..<5).map { _ in session.run(CellSource(code: "var t = 0.0\nfor i in 0..<1_000_000 { t += sqrt(Double(i)) }", file: "b.md", firstLine: 1)).seconds })
        print("library call overhead: \(Measure.format((calls - empty) / 1_000_000)) per call (sqrt inside a loop, minus the same loop without it)")
    }

    /// Times a Python program inside Python (perf_counter around exec), several times.
    static func python(_ source: String, repeats: Int) throws -> [Double] {
        let script = """
        import time, sys
        src = sys.stdin.read()
        code = compile(src, "bench", "exec")
        for _ in range(\(repeats)):
            g = {}
            t = time.perf_counter()
            exec(code, g)
            print(time.perf_counter() - t)
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(source.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap { Double($0) }
    }
}
