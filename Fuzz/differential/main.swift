// Differential fuzzer for the cell interpreter: generates random Swift programs
// (ProgramGenerator), compiles and runs each with swiftc, runs each through the interpreter,
// and compares what the two print. Lectern's contract is that a program the interpreter
// accepts prints exactly what the compiled program prints.
//
//   FuzzDifferential [--seconds N] [--seed S] [--out DIR] [--batch K] [--jobs J]
//                    [--timeout T] [--swiftc PATH]
//   FuzzDifferential --replay SEED [--batch K]     one program: print it, both outputs, verdict
//   FuzzDifferential --print SEED [--batch K]      one program's text only
//
// To keep swiftc's cost down, programs are compiled K at a time (--batch, default 50): each
// program's body becomes a function of one executable, which runs them in turn between marker
// lines. (The generator makes programs that print the same as a function body as at top level;
// --batch 1 compiles each program on its own, as top-level code, and lets the generator print
// values whose description shows the module name, such as arrays of structs.) Up to J batches
// (--jobs, default: the number of cores, at most 4) compile at once while the interpreter runs
// programs on the main thread.
//
// Outcomes: pass (same output); refused (the interpreter declined the program before running
// it: a missing feature, tallied by message); divergence (different output, or the interpreter
// stopped with a run-time error where the compiled program did not); generator error (swiftc
// rejected a program, or the compiled program trapped: the generator's bug, saved apart).
// See README.md in this folder.
import CellInterpreter
import Foundation

// MARK: - Arguments

struct Arguments {
    var seconds = 60.0
    var seed = UInt64(Date().timeIntervalSince1970 * 1000)
    var out = "Fuzz/findings/differential"
    var batch = 50
    var jobs = min(4, max(1, ProcessInfo.processInfo.activeProcessorCount))
    var timeout = 10.0
    var swiftc = "swiftc"
    /// Run this one program seed and show everything about it.
    var replay: UInt64?
    /// Print this one program seed's text and stop.
    var printOnly: UInt64?

    static let usage = """
        usage: FuzzDifferential [--seconds N] [--seed S] [--out DIR] [--batch K] [--jobs J]
                                [--timeout T] [--swiftc PATH]
               FuzzDifferential --replay SEED [--batch K]
               FuzzDifferential --print SEED [--batch K]
        """

    static func parse(_ words: [String]) -> Arguments {
        var a = Arguments()
        var i = 1
        func value() -> String {
            guard i + 1 < words.count else { fail("\(words[i]) needs a value") }
            i += 1
            return words[i]
        }
        func number<T: LosslessStringConvertible>(_ name: String, _ text: String) -> T {
            guard let v = T(text) else { fail("\(name): not a number: \(text)") }
            return v
        }
        while i < words.count {
            let w = words[i]
            switch w {
            case "--seconds": a.seconds = number(w, value())
            case "--seed": a.seed = number(w, value())
            case "--out": a.out = value()
            case "--batch": a.batch = max(1, number(w, value()))
            case "--jobs": a.jobs = max(1, number(w, value()))
            case "--timeout": a.timeout = number(w, value())
            case "--swiftc": a.swiftc = value()
            case "--replay": a.replay = number(w, value())
            case "--print": a.printOnly = number(w, value())
            case "-h", "--help":
                say(usage)
                exit(0)
            default: fail("unknown argument \(w)")
            }
            i += 1
        }
        return a
    }

    static func fail(_ message: String) -> Never {
        sayError("FuzzDifferential: \(message)\n\(usage)")
        exit(2)
    }

    /// Programs print module-qualified type names only when compiled alone, as top-level code.
    var generatorOptions: ProgramGenerator.Options {
        ProgramGenerator.Options(printsQualifiedTypeNames: batch == 1)
    }
}

/// Writes a line to standard output at once (progress must show while output is piped).
func say(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}

func sayError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

// MARK: - Programs and outcomes

/// One generated program: `seed` regenerates it (`--replay`, `--print`).
struct Program: Sendable {
    var seed: UInt64
    var text: String
}

/// What the program compiled by swiftc did.
enum CompiledOutcome: Sendable {
    /// Ran to the end and printed this.
    case finished(String)
    /// Stopped by a trap (or a signal) after printing `output`.
    case trapped(output: String, detail: String)
    /// Still running after the timeout, having printed `output`.
    case timedOut(output: String)
    /// swiftc refused the program: the generator's bug.
    case rejected(errors: String)
}

/// What the interpreter did with the program.
struct InterpretedOutcome {
    /// Everything the program printed (the `.text` outputs, in order).
    var text: String
    /// Why it stopped early, if it did.
    var failure: CellDiagnostic?
    var seconds: Double

    /// Declined before running (a feature the interpreter lacks), not a wrong result.
    var refused: Bool {
        guard let kind = failure?.kind else { return false }
        return [.syntax, .unsupported, .name, .type].contains(kind)
    }

    /// The output as the findings show it: the printed text, then the failure if any.
    var transcript: String {
        guard let failure else { return text }
        return text.withFinalNewline + (refused ? "[refused] " : "[trap] ") + "\(failure.kind.rawValue): \(failure.description)\n"
    }
}

extension CompiledOutcome {
    /// The output as the findings show it: printed text, then `[trap]` or `[timeout]` if so.
    var transcript: String {
        switch self {
        case .finished(let s): return s
        case .trapped(let s, let detail): return s.withFinalNewline + "[trap] \(detail)\n"
        case .timedOut(let s): return s.withFinalNewline + "[timeout]\n"
        case .rejected(let errors): return "[swiftc rejected the program]\n" + errors
        }
    }
}

extension String {
    /// The text ending with a newline, unless empty (so that a marker after it starts a line).
    var withFinalNewline: String { isEmpty || hasSuffix("\n") ? self : self + "\n" }
}

// MARK: - Processes

/// How a child process ended.
struct ProcessResult: Sendable {
    var stdout: String
    var stderr: String
    /// The exit status, or the signal number when `signaled`.
    var status: Int32
    var signaled: Bool
    var timedOut: Bool
    var seconds: Double

    var succeeded: Bool { !signaled && !timedOut && status == 0 }
}

/// Runs `executable` (a path, or a name looked up in PATH) with its output in files under
/// `directory` (no pipes to drain), killing it after `timeout` seconds.
func runProcess(_ executable: String, _ arguments: [String], in directory: String, timeout: Double) -> ProcessResult {
    let start = Date()
    let process = Process()
    if executable.contains("/") {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
    } else {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable] + arguments
    }
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    // A trapping program should stop at once, not spend a second printing a backtrace.
    var environment = ProcessInfo.processInfo.environment
    environment["SWIFT_BACKTRACE"] = "enable=no"
    process.environment = environment
    let outPath = directory + "/stdout.txt", errPath = directory + "/stderr.txt"
    _ = FileManager.default.createFile(atPath: outPath, contents: nil)
    _ = FileManager.default.createFile(atPath: errPath, contents: nil)
    guard let out = FileHandle(forWritingAtPath: outPath), let err = FileHandle(forWritingAtPath: errPath) else {
        return ProcessResult(stdout: "", stderr: "cannot create output files in \(directory)", status: -1,
                             signaled: false, timedOut: false, seconds: 0)
    }
    defer {
        try? out.close()
        try? err.close()
    }
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    do {
        try process.run()
    } catch {
        return ProcessResult(stdout: "", stderr: "cannot run \(executable): \(error)", status: -1,
                             signaled: false, timedOut: false, seconds: 0)
    }
    var timedOut = false
    let deadline = start.addingTimeInterval(timeout)
    while process.isRunning {
        if Date() > deadline {
            timedOut = true
            kill(process.processIdentifier, SIGKILL)
            break
        }
        usleep(5_000)
    }
    process.waitUntilExit()
    let read = { (path: String) in String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self) }
    return ProcessResult(stdout: read(outPath), stderr: read(errPath), status: process.terminationStatus,
                         signaled: process.terminationReason == .uncaughtSignal, timedOut: timedOut,
                         seconds: Date().timeIntervalSince(start))
}

// MARK: - The compiled side

/// Compiles programs with swiftc and runs them, one executable per batch.
struct Compiler: Sendable {
    var swiftc: String
    var scratch: String
    var timeout: Double
    /// Each program compiled alone as top-level code (`--batch 1`) rather than as functions.
    var topLevel: Bool

    static let flags = ["-module-name", "main", "-Onone", "-suppress-warnings"]

    /// What each program does compiled, in order. A batch swiftc rejects is split in halves
    /// until the programs it rejects are found.
    func compileAndRun(_ programs: [Program], name: String) -> [CompiledOutcome] {
        let directory = scratch + "/" + name
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let source = topLevel ? Compiler.topLevelSource(programs[0]) : Compiler.batchSource(programs, timeout: timeout)
        let sourcePath = directory + "/main.swift", binary = directory + "/program"
        do {
            try source.write(toFile: sourcePath, atomically: true, encoding: .utf8)
        } catch {
            return programs.map { _ in .rejected(errors: "cannot write \(sourcePath): \(error)") }
        }
        let compile = runProcess(swiftc, Compiler.flags + [sourcePath, "-o", binary], in: directory, timeout: 600)
        guard compile.succeeded else {
            if programs.count > 1 {
                let half = programs.count / 2
                return compileAndRun(Array(programs[..<half]), name: name + "a")
                    + compileAndRun(Array(programs[half...]), name: name + "b")
            }
            let errors = compile.timedOut ? "swiftc timed out" : compile.stderr
            return [.rejected(errors: errors.isEmpty ? "swiftc failed with status \(compile.status)" : errors)]
        }
        return topLevel ? [runAlone(binary, in: directory)] : runBatch(binary, count: programs.count, in: directory)
    }

    /// The program as its own main.swift, its standard output unbuffered so that what it
    /// prints before a trap is not lost.
    static func topLevelSource(_ program: Program) -> String {
        var lines = program.text.components(separatedBy: "\n")
        let afterImports = (lines.lastIndex { $0.hasPrefix("import ") } ?? -1) + 1
        lines.insert("setvbuf(stdout, nil, _IONBF, 0)", at: afterImports)
        if afterImports == 0 { lines.insert("import Foundation", at: 0) }
        return lines.joined(separator: "\n")
    }

    static func beginMarker(_ i: Int) -> String { "\u{1}FUZZ-BEGIN \(i)\n" }
    static func endMarker(_ i: Int) -> String { "\u{1}FUZZ-END \(i)\n" }

    /// Each program's body as `func fuzzProgramN()`, and a main that runs them from the index
    /// given as argument on, between marker lines, each under an alarm of `timeout` seconds.
    static func batchSource(_ programs: [Program], timeout: Double) -> String {
        var lines = ["import Foundation", "setvbuf(stdout, nil, _IONBF, 0)"]
        for (i, program) in programs.enumerated() {
            lines.append("func fuzzProgram\(i)() {")
            for line in program.text.components(separatedBy: "\n") where !line.hasPrefix("import ") {
                lines.append(line.isEmpty ? "" : "    " + line)
            }
            lines.append("}")
        }
        lines.append("let fuzzPrograms: [() -> Void] = [\((0..<programs.count).map { "fuzzProgram\($0)" }.joined(separator: ", "))]")
        lines.append("let fuzzStart = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1])! : 0")
        lines.append("for fuzzIndex in fuzzStart..<fuzzPrograms.count {")
        lines.append("    print(\"\\u{1}FUZZ-BEGIN \\(fuzzIndex)\")")
        lines.append("    alarm(\(max(1, Int(timeout.rounded(.up)))))")
        lines.append("    fuzzPrograms[fuzzIndex]()")
        lines.append("    alarm(0)")
        lines.append("    print(\"\\u{1}FUZZ-END \\(fuzzIndex)\")")
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    private func runAlone(_ binary: String, in directory: String) -> CompiledOutcome {
        let run = runProcess(binary, [], in: directory, timeout: timeout)
        if run.timedOut { return .timedOut(output: run.stdout) }
        if run.succeeded { return .finished(run.stdout) }
        return .trapped(output: run.stdout, detail: Compiler.describeFailure(run))
    }

    /// Runs the batch executable, restarting it after the program that trapped or hung.
    private func runBatch(_ binary: String, count: Int, in directory: String) -> [CompiledOutcome] {
        var outcomes = [CompiledOutcome?](repeating: nil, count: count)
        var start = 0
        while start < count {
            let run = runProcess(binary, [String(start)], in: directory, timeout: timeout * Double(count - start) + 30)
            var text = Substring(run.stdout)
            var unfinished: (index: Int, output: String)?
            var next = start
            while next < count, let begin = text.range(of: Compiler.beginMarker(next)) {
                text = text[begin.upperBound...]
                guard let end = text.range(of: Compiler.endMarker(next)) else {
                    unfinished = (next, String(text))
                    break
                }
                outcomes[next] = .finished(String(text[..<end.lowerBound]))
                text = text[end.upperBound...]
                next += 1
            }
            if let unfinished {
                let alarmed = run.signaled && run.status == SIGALRM
                outcomes[unfinished.index] = alarmed || run.timedOut
                    ? .timedOut(output: unfinished.output)
                    : .trapped(output: unfinished.output, detail: Compiler.describeFailure(run))
                start = unfinished.index + 1
            } else if next < count {
                // The executable died before starting program `next`: nothing more to learn.
                for i in next..<count where outcomes[i] == nil {
                    outcomes[i] = .trapped(output: "", detail: "batch executable failed: " + Compiler.describeFailure(run))
                }
                break
            } else {
                break
            }
        }
        return outcomes.map { $0 ?? .trapped(output: "", detail: "not run") }
    }

    /// How the process stopped, with Swift's `Fatal error: …` line if it printed one.
    static func describeFailure(_ run: ProcessResult) -> String {
        let how = run.signaled ? "signal \(run.status)" : run.timedOut ? "timeout" : "exit status \(run.status)"
        let lines = run.stderr.split(separator: "\n")
        guard let line = lines.first(where: { $0.contains("Fatal error") }) ?? lines.first else { return how }
        return "\(how): \(line.prefix(300))"
    }
}

/// A batch being compiled in the background.
final class PendingBatch: @unchecked Sendable {
    let programs: [Program]
    var interpreted: [InterpretedOutcome] = []
    private var compiled: [CompiledOutcome] = []
    private let done = DispatchSemaphore(value: 0)

    init(programs: [Program], compiler: Compiler, name: String) {
        self.programs = programs
        DispatchQueue.global().async {
            self.compiled = compiler.compileAndRun(programs, name: name)
            self.done.signal()
        }
    }

    /// The compiled outcomes, once swiftc and the executable are done.
    func wait() -> [CompiledOutcome] {
        done.wait()
        return compiled
    }
}

// MARK: - The interpreter side

/// Runs a program in a fresh interpreter session.
func interpret(_ program: Program, timeout: Double) -> InterpretedOutcome {
    let session = Session()
    let run = session.run(CellSource(code: program.text, file: "fuzz.swift", firstLine: 1), timeout: timeout)
    var text = ""
    for case .text(let s) in run.outputs { text += s }
    return InterpretedOutcome(text: text, failure: run.failure, seconds: run.seconds)
}

// MARK: - Comparison and findings

/// A program's verdict.
enum Verdict {
    case pass
    case refused(message: String)
    case divergence(kind: String)
    /// swiftc rejected the program, or the compiled program trapped or hung.
    case generatorError(kind: String)
}

func judge(_ compiled: CompiledOutcome, _ interpreted: InterpretedOutcome) -> Verdict {
    switch compiled {
    case .rejected:
        let accepted = interpreted.failure == nil || !interpreted.refused
        return .generatorError(kind: accepted ? "swiftc rejected (the interpreter accepted it)" : "swiftc rejected")
    case .finished(let expected):
        if interpreted.refused, let f = interpreted.failure { return .refused(message: f.message) }
        if let f = interpreted.failure {
            return .divergence(kind: "interpreter \(f.kind.rawValue): \(normalized(f.message))")
        }
        return interpreted.text == expected ? .pass : .divergence(kind: "different output")
    case .trapped(let expected, _), .timedOut(let expected):
        if interpreted.refused, let f = interpreted.failure { return .refused(message: f.message) }
        let what: String
        if case .timedOut = compiled { what = "compiled program timed out" } else { what = "compiled program trapped" }
        // The interpreter must stop too, after printing the same.
        if interpreted.failure != nil && interpreted.text == expected { return .generatorError(kind: what) }
        return .divergence(kind: what + (interpreted.failure == nil ? ", the interpreter did not" : ", output differs"))
    }
}

/// A message with its numbers and generated names' suffixes blurred, so that one missing
/// feature or one bug is counted once.
func normalized(_ message: String) -> String {
    var result = ""
    var lastWasDigit = false
    for c in message {
        if c.isNumber {
            if !lastWasDigit { result.append("N") }
            lastWasDigit = true
        } else {
            result.append(c)
            lastWasDigit = false
        }
    }
    return result
}

/// Counts by kind, with the first program seed seen for each.
struct Tally {
    private(set) var entries: [String: (count: Int, sample: UInt64)] = [:]

    mutating func add(_ key: String, seed: UInt64) {
        entries[key, default: (count: 0, sample: seed)].count += 1
    }

    var total: Int { entries.values.reduce(0) { $0 + $1.count } }

    func top(_ n: Int) -> [(key: String, count: Int, sample: UInt64)] {
        entries.map { (key: $0.key, count: $0.value.count, sample: $0.value.sample) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.key < $1.key }
            .prefix(n).map { $0 }
    }
}

/// Runs the fuzzing loop and reports.
final class Fuzzer {
    let arguments: Arguments
    let compiler: Compiler
    let scratch: String
    var passed = 0
    var refusals = Tally()
    var divergences = Tally()
    var generatorErrors = Tally()
    var tried = 0
    var interpreterSeconds = 0.0
    /// Findings saved per kind, capped so that one bug does not fill the disk.
    var savedPerKind: [String: Int] = [:]
    static let maxSavedPerKind = 20

    init(_ arguments: Arguments) {
        self.arguments = arguments
        scratch = NSTemporaryDirectory() + "lectern-fuzz-differential-\(getpid())"
        try? FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        compiler = Compiler(swiftc: arguments.swiftc, scratch: scratch, timeout: arguments.timeout,
                            topLevel: arguments.batch == 1)
    }

    deinit { try? FileManager.default.removeItem(atPath: scratch) }

    func program(seed: UInt64) -> Program {
        Program(seed: seed, text: ProgramGenerator.program(seed: seed, options: arguments.generatorOptions))
    }

    func perMinute(_ count: Int, _ seconds: Double) -> Int {
        Int((Double(count) * 60 / max(seconds, 1e-3)).rounded())
    }

    /// `--replay`: one program, shown with both outputs and the verdict.
    func replay(_ seed: UInt64) {
        let p = program(seed: seed)
        say("== program (seed \(seed))\n" + p.text)
        let compiled = compiler.compileAndRun([p], name: "replay")[0]
        let interpreted = interpret(p, timeout: arguments.timeout)
        say("== swiftc\n" + compiled.transcript)
        say("== interpreter\n" + interpreted.transcript)
        say("== verdict: \(describe(judge(compiled, interpreted)))")
    }

    func describe(_ verdict: Verdict) -> String {
        switch verdict {
        case .pass: return "pass"
        case .refused(let m): return "refused: \(m)"
        case .divergence(let k): return "DIVERGENCE: \(k)"
        case .generatorError(let k): return "generator error: \(k)"
        }
    }

    /// The main loop: batches until the time is up, then the summary.
    func run() {
        let start = Date()
        var seeds = SplitMix64(seed: arguments.seed)
        var inFlight: [PendingBatch] = []
        var batchNumber = 0
        let mode = arguments.batch == 1 ? "each program alone, as top-level code" : "\(arguments.batch) programs per executable"
        say("FuzzDifferential: seed \(arguments.seed), \(Int(arguments.seconds)) s, \(mode), \(arguments.jobs) compile job(s), findings in \(arguments.out)")
        while true {
            let timeLeft = Date().timeIntervalSince(start) < arguments.seconds
            if timeLeft && inFlight.count < arguments.jobs {
                let programs = (0..<arguments.batch).map { _ in program(seed: seeds.next()) }
                batchNumber += 1
                let pending = PendingBatch(programs: programs, compiler: compiler, name: "batch\(batchNumber)")
                // The interpreter runs while swiftc compiles.
                pending.interpreted = programs.map { p in
                    markInProgress(p)
                    let outcome = interpret(p, timeout: arguments.timeout)
                    interpreterSeconds += outcome.seconds
                    return outcome
                }
                clearInProgress()
                inFlight.append(pending)
                if inFlight.count < arguments.jobs { continue }
            }
            guard !inFlight.isEmpty else { break }
            let batch = inFlight.removeFirst()
            let compiled = batch.wait()
            for (i, p) in batch.programs.enumerated() {
                record(p, compiled[i], batch.interpreted[i])
            }
            let elapsed = Date().timeIntervalSince(start)
            say("[\(Int(elapsed)) s] \(tried) programs: \(passed) passed, \(refusals.total) refused, "
                + "\(divergences.total) divergences, \(generatorErrors.total) generator errors "
                + "(\(perMinute(tried, elapsed)) programs/min)")
        }
        summarize(elapsed: Date().timeIntervalSince(start))
    }

    private func record(_ p: Program, _ compiled: CompiledOutcome, _ interpreted: InterpretedOutcome) {
        tried += 1
        switch judge(compiled, interpreted) {
        case .pass:
            passed += 1
        case .refused(let message):
            let key = normalized(message)
            refusals.add(key, seed: p.seed)
            save(p, compiled, interpreted, category: "refused", kind: key, limit: 1)
        case .divergence(let kind):
            divergences.add(kind, seed: p.seed)
            save(p, compiled, interpreted, category: "divergence", kind: kind, limit: Fuzzer.maxSavedPerKind)
        case .generatorError(let kind):
            generatorErrors.add(kind, seed: p.seed)
            save(p, compiled, interpreted, category: "generator", kind: kind, limit: Fuzzer.maxSavedPerKind)
        }
    }

    /// Saves a finding as `OUT/CATEGORY-SEED/` with the program (`program.swift.txt`: not
    /// `.swift`, so SwiftPM never compiles it into this target), both outputs and a report.
    private func save(_ p: Program, _ compiled: CompiledOutcome, _ interpreted: InterpretedOutcome,
                      category: String, kind: String, limit: Int) {
        let key = category + ": " + kind
        guard savedPerKind[key, default: 0] < limit else { return }
        savedPerKind[key, default: 0] += 1
        let directory = "\(arguments.out)/\(category)-\(p.seed)"
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try p.text.write(toFile: directory + "/program.swift.txt", atomically: true, encoding: .utf8)
            try compiled.transcript.write(toFile: directory + "/swiftc.txt", atomically: true, encoding: .utf8)
            try interpreted.transcript.write(toFile: directory + "/interpreter.txt", atomically: true, encoding: .utf8)
            var report = """
                \(key)
                seed: \(p.seed)
                replay: swift run -c release FuzzDifferential --replay \(p.seed) --batch \(arguments.batch)

                """
            if let f = interpreted.failure { report += "interpreter: \(f.kind.rawValue): \(f.description)\n" }
            if case .finished(let expected) = compiled, interpreted.failure == nil {
                report += firstDifference(expected, interpreted.text)
            }
            try report.write(toFile: directory + "/report.txt", atomically: true, encoding: .utf8)
        } catch {
            sayError("cannot save finding in \(directory): \(error)")
        }
    }

    /// The first line where the outputs differ, for the report.
    private func firstDifference(_ expected: String, _ actual: String) -> String {
        let e = expected.components(separatedBy: "\n"), a = actual.components(separatedBy: "\n")
        for i in 0..<max(e.count, a.count) {
            let l = i < e.count ? e[i] : "<end of output>", r = i < a.count ? a[i] : "<end of output>"
            if l != r { return "first difference, output line \(i + 1):\n  swiftc:      \(l)\n  interpreter: \(r)\n" }
        }
        return ""
    }

    /// Before each interpreter run, the program is written to OUT/in-progress.swift.txt: if the
    /// interpreter crashes the fuzzer, that file is the program that did it.
    private func markInProgress(_ p: Program) {
        try? FileManager.default.createDirectory(atPath: arguments.out, withIntermediateDirectories: true)
        try? ("// seed \(p.seed)\n" + p.text).write(toFile: arguments.out + "/in-progress.swift.txt", atomically: false, encoding: .utf8)
    }

    private func clearInProgress() {
        try? FileManager.default.removeItem(atPath: arguments.out + "/in-progress.swift.txt")
    }

    private func summarize(elapsed: Double) {
        var lines: [String] = []
        lines.append("== summary: seed \(arguments.seed), \(Int(elapsed)) s, batch \(arguments.batch), jobs \(arguments.jobs)")
        lines.append("programs tried:     \(tried) (\(perMinute(tried, elapsed)) per minute; "
                     + "interpreter \(Int(interpreterSeconds.rounded())) s of it)")
        lines.append("passed:             \(passed)")
        lines.append("refused:            \(refusals.total)")
        func entry(_ e: (key: String, count: Int, sample: UInt64)) -> String {
            let count = String(e.count)
            return String(repeating: " ", count: max(0, 7 - count.count)) + count + "  " + e.key + "   (e.g. seed \(e.sample))"
        }
        lines += refusals.top(15).map(entry)
        lines.append("divergences:        \(divergences.total)")
        lines += divergences.top(15).map(entry)
        lines.append("generator errors:   \(generatorErrors.total)")
        lines += generatorErrors.top(5).map(entry)
        if divergences.total + generatorErrors.total + refusals.total > 0 {
            lines.append("findings saved in \(arguments.out)/ (replay one with --replay SEED)")
        }
        let text = lines.joined(separator: "\n")
        say(text)
        try? FileManager.default.createDirectory(atPath: arguments.out, withIntermediateDirectories: true)
        try? (text + "\n").write(toFile: arguments.out + "/summary.txt", atomically: true, encoding: .utf8)
    }
}

// MARK: - Main

let arguments = Arguments.parse(CommandLine.arguments)
if let seed = arguments.printOnly {
    print(ProgramGenerator.program(seed: seed, options: arguments.generatorOptions), terminator: "")
} else if let seed = arguments.replay {
    Fuzzer(arguments).replay(seed)
} else {
    Fuzzer(arguments).run()
}
