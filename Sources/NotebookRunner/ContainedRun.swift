import CellInterpreter
import Foundation
import Notebook

/// Runs a notebook from others (`--safe`, grading) in a child process with memory and CPU
/// limits, watched by this one. A cell's own limits stop most runaway code with a located error
/// from inside; what they cannot stop (a long library call such as a large `eigh`, memory
/// exhausted by many tensors each under the element limit, a crash) ends only the child, and
/// becomes the failure of the cell that was running. The other notebooks are not affected.
///
/// The child is this program started again with `arguments` (for `lectern`: `run-contained`); it
/// reads a `ContainedRequest` on standard input and calls `ContainedRun.serve`, which reports
/// each cell as it starts and ends as a line of JSON on standard output. Cell reports use the
/// cache's entry format and are checked as a cache entry is before they are believed.
public struct ContainedRun {
    /// The program to start (this one: `/proc/self/exe`).
    public var executable: String
    /// The arguments that make it serve one contained run.
    public var arguments: [String]
    /// The most memory the child may allocate (its data segment and anonymous mappings).
    public var memoryBytes = ContainedRun.defaultMemoryBytes
    /// Seconds a cell may overrun its limit before the child is stopped from outside: time for
    /// the cell to stop itself with its own, better located, error.
    public var grace = 2.0

    /// 2 GiB: fifty tensors at `--safe`'s element limit.
    public static let defaultMemoryBytes = 2 << 30

    public init(executable: String, arguments: [String]) {
        self.executable = executable
        self.arguments = arguments
    }

    /// Runs `document` as `runner` would, in a child process. Never throws: a child that cannot
    /// start, crashes or is stopped becomes a located failure in the result.
    /// With `checks` (a key's hidden checks, for `lectern grade`), the notebook's cells and then the
    /// checks run as `Grading.appending(_:to:)` puts them together.
    public func run(_ document: Document, runner: NotebookRunner, checks: [Cell] = []) -> NotebookResult {
        let submitted = document
        let document = checks.isEmpty ? document : Grading.appending(checks, to: document)
        // Parameters the notebook refuses are reported without running anything, as in-process.
        guard (try? runner.parameters(of: document)) != nil else { return runner.run(document) }
        let request = ContainedRequest(path: submitted.source.path, text: submitted.source.text, parameters: runner.parameterOverrides,
                                       memoryBytes: memoryBytes,
                                       cpuSeconds: runner.limits.notebookTimeBudget.map { Int($0.rounded(.up)) + 60 },
                                       checks: checks.isEmpty ? nil : checks.map(ContainedCheck.init))
        let watch = ChildWatch()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["OPENBLAS_NUM_THREADS"] = "1"
        process.environment = environment
        let input = Pipe(), output = Pipe(), errors = Pipe()
        // Not inherited by children that other threads start at the same time (their copies would
        // keep these pipes open after this child ends); the child's own ends are dup'ed, not inherited.
        for pipe in [input, output, errors] {
            _ = fcntl(pipe.fileHandleForReading.fileDescriptor, F_SETFD, FD_CLOEXEC)
            _ = fcntl(pipe.fileHandleForWriting.fileDescriptor, F_SETFD, FD_CLOEXEC)
        }
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        let started = Date()
        do {
            try process.run()
        } catch {
            return failedToStart(document, error)
        }
        let readers = DispatchGroup()
        readLines(output.fileHandleForReading, group: readers) { watch.receive($0) }
        let stderrText = DataBox()
        readAll(errors.fileHandleForReading, keepingAtMost: 4096, group: readers) { stderrText.data = $0 }
        if let data = try? JSONEncoder().encode(request) {
            try? input.fileHandleForWriting.write(contentsOf: data)
        }
        try? input.fileHandleForWriting.close()

        // The watch: each running cell against its limit, the notebook against its budget.
        let cells = document.cells
        while process.isRunning {
            Thread.sleep(forTimeInterval: 0.02)
            let now = Date()
            if let budget = runner.limits.notebookTimeBudget, now.timeIntervalSince(started) > budget + grace {
                watch.stop(.budget(budget), process)
            } else if let (k, since) = watch.runningCell, k < cells.count {
                let limit = runner.timeout(of: cells[k]) ?? runner.limits.timeout
                if now.timeIntervalSince(since) > limit + grace { watch.stop(.cellTimeout(limit), process) }
            }
            if watch.receivedBytes > Self.maxReportBytes(runner.limits) { watch.stop(.tooMuchOutput, process) }
        }
        process.waitUntilExit()
        // All the child wrote is in the pipes by now; a process it started could still hold them
        // open, so the end of the pipes is waited for only briefly.
        _ = readers.wait(timeout: .now() + 1)
        let ending = watch.reason ?? (process.terminationReason == .uncaughtSignal ? .signal(process.terminationStatus)
                                                                                     : .exit(process.terminationStatus))
        let firstError = String(decoding: stderrText.data, as: UTF8.self).split(separator: "\n").first.map(String.init)
        return watch.assemble(document, ending: ending, memoryBytes: memoryBytes, childMessage: firstError)
    }

    /// The most a child may report: the notebook's output limit, as base64 and JSON, and room for the rest.
    static func maxReportBytes(_ limits: Limits) -> Int {
        limits.maxNotebookOutputBytes.multipliedReportingOverflow(by: 2).overflow ? Int.max : limits.maxNotebookOutputBytes * 2 + (16 << 20)
    }

    private func failedToStart(_ document: Document, _ error: Error) -> NotebookResult {
        var result = NotebookResult(document: document, cells: [], inlineValues: Array(repeating: .notRun, count: document.inlineExpressions.count),
                                    diagnostics: [])
        result.cells = document.cells.map { CellResult(cell: $0, status: .notRun, outputs: [], failure: nil, seconds: 0) }
        result.diagnostics = [.error("could not start the process that runs the notebook (\(executable)): \(error.localizedDescription)",
                                     at: SourceLocation(file: document.source.path, line: 1, column: 1))]
        return result
    }
}

// MARK: - The child's side

/// What the child is asked to run: the notebook's text as the parent read it (so both see the
/// same cells), its path (for locations and its folder) and its parameter overrides.
struct ContainedRequest: Codable {
    var path: String
    var text: String
    var parameters: [String: String]
    var memoryBytes: Int
    var cpuSeconds: Int?
    /// Hidden checks to run after the notebook's cells (grading).
    var checks: [ContainedCheck]? = nil
}

/// A hidden check as the child needs it: its code and where it is in the key.
struct ContainedCheck: Codable {
    var code: String
    var file: String
    var fenceLine: Int
    var codeLine: Int
    var column: Int
    var timeout: Double?
    var points: Double?

    init(_ cell: Cell) {
        code = cell.code
        file = cell.codeStart.file
        fenceLine = cell.fence.line
        codeLine = cell.codeStart.line
        column = cell.codeStart.column
        timeout = cell.options.timeout
        points = cell.options.points
    }

    var cell: Cell {
        var options = CellOptions()
        options.timeout = timeout
        options.points = points
        options.exercise = .check
        var cell = Cell(index: 0, code: code, options: options, codeStart: SourceLocation(file: file, line: codeLine, column: column),
                        fence: SourceLocation(file: file, line: fenceLine, column: column))
        cell.part = .check
        return cell
    }
}

/// One line of the child's report.
enum ContainedEvent: Codable {
    /// Cell `cell` (by index) is about to run.
    case started(cell: Int)
    /// A unit has finished: its cell (unit ≥ 1) and the inline expressions after it, by index.
    case unit(unit: Int, cell: CachedCell?, inlines: [ContainedInline])
    /// Every cell has run; the files the cells read.
    case finished(files: [CachedFile])
}

struct ContainedInline: Codable {
    var index: Int
    var result: CachedInline
}

extension ContainedRun {
    /// The child's side: reads the request on standard input, limits this process's memory and
    /// CPU time, runs the notebook under `--safe` rules with `limits`, and reports on standard
    /// output. Returns the exit status.
    public static func serve(limits: Limits = .safe) -> Int32 {
        let input = FileHandle.standardInput.readDataToEndOfFile()
        guard let request = try? JSONDecoder().decode(ContainedRequest.self, from: input) else {
            FileHandle.standardError.write(Data("run-contained: expected a request on standard input\n".utf8))
            return 2
        }
        setLimit(Int32(RLIMIT_DATA.rawValue), request.memoryBytes)
        if let cpu = request.cpuSeconds { setLimit(Int32(RLIMIT_CPU.rawValue), cpu) }
        var document: Document
        do {
            document = try DocumentParser.parse(SourceFile(path: request.path, text: request.text), safe: true)
            if let checks = request.checks { document = Grading.appending(checks.map(\.cell), to: document) }
        } catch {
            FileHandle.standardError.write(Data("run-contained: \(error)\n".utf8))
            return 2
        }
        var runner = NotebookRunner(parameterOverrides: request.parameters, limits: limits)
        runner.safe = true
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        func emit(_ event: ContainedEvent) {
            guard var line = try? encoder.encode(event) else { return }
            line.append(UInt8(ascii: "\n"))
            FileHandle.standardOutput.write(line)
        }
        runner.cellStarting = { emit(.started(cell: $0)) }
        runner.unitFinished = { unit, result, _ in
            let cell = unit > 0 ? result.cells.last.map(CachedCell.init) : nil
            let inlines = result.document.inlineExpressions.enumerated().filter { $0.element.cellsBefore == unit }.map {
                ContainedInline(index: $0.offset, result: CachedInline(result.inlineValues[$0.offset], at: $0.element.location))
            }
            emit(.unit(unit: unit, cell: cell, inlines: inlines))
        }
        let result = runner.run(document)
        emit(.finished(files: result.filesRead.sorted { $0.key < $1.key }.map { CachedFile(path: $0.key, digest: $0.value) }))
        return 0
    }

    /// Sets a soft limit and, a little above it, the hard one: past the soft CPU limit the
    /// process gets SIGXCPU (reported as such), past the hard one SIGKILL.
    private static func setLimit(_ resource: __rlimit_resource_t, _ value: Int) {
        var limit = rlimit(rlim_cur: rlim_t(value), rlim_max: rlim_t(value) + (resource == Int32(RLIMIT_CPU.rawValue) ? 5 : 0))
        _ = setrlimit(resource, &limit)
    }
}

// MARK: - The parent's record of the child

/// Why a contained run ended.
enum ContainedEnding {
    case exit(Int32)
    case signal(Int32)
    case cellTimeout(Double)
    case budget(Double)
    case tooMuchOutput
}

/// What the parent has heard from the child, filled by the reading thread and read by the watch.
private final class ChildWatch: @unchecked Sendable {
    private let lock = NSLock()
    private var running: (Int, Date)?
    private var units: [(unit: Int, cell: CachedCell?, inlines: [ContainedInline])] = []
    private var files: [CachedFile]?
    private var malformed: String?
    private(set) var reason: ContainedEnding?
    private var bytes = 0

    var runningCell: (Int, Date)? { lock.withLock { running } }
    var receivedBytes: Int { lock.withLock { bytes } }

    func receive(_ line: Data) {
        lock.withLock {
            bytes += line.count
            guard malformed == nil else { return }
            guard let event = try? JSONDecoder().decode(ContainedEvent.self, from: line) else {
                malformed = "a report line that is not an event"
                return
            }
            switch event {
            case .started(let cell): running = (cell, Date())
            case .unit(let unit, let cell, let inlines):
                units.append((unit, cell, inlines))
                running = nil
            case .finished(let f): files = f
            }
        }
    }

    func stop(_ why: ContainedEnding, _ process: Process) {
        lock.withLock { if reason == nil { reason = why } }
        kill(process.processIdentifier, SIGKILL)
    }

    /// The notebook's result from what the child reported, checked as a cache entry is; the
    /// cell that was running when the child ended carries why it ended.
    func assemble(_ document: Document, ending: ContainedEnding, memoryBytes: Int, childMessage: String?) -> NotebookResult {
        lock.lock(); defer { lock.unlock() }
        let cells = document.cells
        var result = NotebookResult(document: document, cells: [], inlineValues: Array(repeating: .notRun, count: document.inlineExpressions.count),
                                    diagnostics: [])
        var diagnostics: [Diagnostic] = []
        var problem = malformed
        for (expected, report) in units.enumerated() where problem == nil {
            guard report.unit == expected, report.unit <= cells.count, (report.unit == 0) == (report.cell == nil) else {
                problem = "a report out of order"
                break
            }
            if let cached = report.cell {
                let cell = cells[report.unit - 1]
                if let p = cached.problem(lines: cell.code.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }) { problem = "cell \(report.unit) \(p)"; break }
                result.cells.append(CellResult(cell: cell, status: cached.status.value, outputs: cached.outputs.map(\.output),
                                               failure: cached.failure?.diagnostic(at: cell.codeStart), seconds: cached.seconds))
            }
            for inline in report.inlines {
                guard document.inlineExpressions.indices.contains(inline.index),
                      document.inlineExpressions[inline.index].cellsBefore == report.unit,
                      inline.result.failure?.problem(lines: 1) == nil else { problem = "an inline value out of place"; break }
                result.inlineValues[inline.index] = inline.result.value(at: document.inlineExpressions[inline.index].location)
            }
            diagnostics += NotebookRunner.diagnostics(ofUnit: report.unit, in: result)
        }
        let complete = problem == nil && files != nil && units.count == cells.count + 1
        if complete {
            result.filesRead = Dictionary(files!.map { ($0.path, $0.digest) }, uniquingKeysWith: { first, _ in first })
        } else {
            if problem != nil {
                // Nothing the child said is kept once one line of it cannot be believed.
                result.cells = []
                result.inlineValues = Array(repeating: .notRun, count: document.inlineExpressions.count)
                diagnostics = []
            }
            let (message, notes) = Self.explain(ending, problem: problem, memoryBytes: memoryBytes, childMessage: childMessage)
            let k = result.cells.count
            if k < cells.count {
                let cell = cells[k]
                let failure = CellDiagnostic(kind: .resourceLimit, message: message, file: cell.codeStart.file, line: cell.codeStart.line,
                                             column: cell.codeStart.column, notes: notes)
                result.cells.append(CellResult(cell: cell, status: .failed(allowed: false), outputs: [], failure: failure, seconds: 0))
                diagnostics.append(Diagnostic(failure))
            } else {
                diagnostics.append(Diagnostic(.error, message, at: SourceLocation(file: document.source.path, line: 1, column: 1), notes: notes))
            }
            for cell in cells.dropFirst(result.cells.count) {
                result.cells.append(CellResult(cell: cell, status: .notRun, outputs: [], failure: nil, seconds: 0))
            }
        }
        result.diagnostics = diagnostics
        return result
    }

    private static func explain(_ ending: ContainedEnding, problem: String?, memoryBytes: Int, childMessage: String?) -> (String, [String]) {
        let after = "the cells after it did not run"
        if let problem { return ("the process that ran the notebook sent \(problem); nothing it reported is shown", [after]) }
        switch ending {
        case .cellTimeout(let limit):
            return ("the cell ran for more than \(formatSeconds(limit)) and was stopped (inside a library call, which could not stop itself)",
                    ["under --safe a cell cannot raise its time limit", after])
        case .budget(let budget):
            return ("the notebook's time budget of \(formatSeconds(budget)) ran out in this cell and it was stopped", [after])
        case .tooMuchOutput:
            return ("the cell's output passed the notebook's limit and it was stopped", [after])
        case .signal(let number):
            var notes = ["under --safe a notebook may use \(memoryBytes >> 20) MiB of memory", after]
            if let childMessage { notes.insert("it said: \(childMessage.prefix(300))", at: 0) }
            if number == SIGXCPU { return ("the notebook used up its CPU time in this cell and was stopped", [after]) }
            let said = childMessage ?? ""
            if said.contains("failed to allocate") || said.localizedCaseInsensitiveContains("out of memory") {
                return ("the cell ran out of memory and ended the process that ran it (\(signalName(number)))", notes)
            }
            return ("the cell ended the process that ran it (\(signalName(number))): it may have run out of memory, or met a bug in Lectern",
                    notes)
        case .exit(let status):
            var notes = [after]
            if let childMessage { notes.insert("it said: \(childMessage.prefix(300))", at: 0) }
            return ("the process that ran the notebook ended with status \(status) in this cell", notes)
        }
    }

    private static func signalName(_ number: Int32) -> String {
        let names: [Int32: String] = [SIGKILL: "SIGKILL", SIGSEGV: "SIGSEGV", SIGABRT: "SIGABRT", SIGILL: "SIGILL", SIGTRAP: "SIGTRAP",
                                      SIGBUS: "SIGBUS", SIGFPE: "SIGFPE", SIGTERM: "SIGTERM"]
        return names[number] ?? "signal \(number)"
    }
}

private final class DataBox: @unchecked Sendable {
    var data = Data()
}

/// Reads `handle` to its end on a thread of its own, handing over each line (without its
/// newline). Each byte is looked at once, however long a line is.
private func readLines(_ handle: FileHandle, group: DispatchGroup, _ body: @escaping @Sendable (Data) -> Void) {
    group.enter()
    let thread = Thread {
        var pending = Data()
        while true {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            var lineStart = 0
            for (i, byte) in chunk.enumerated() where byte == UInt8(ascii: "\n") {
                pending.append(chunk[(chunk.startIndex + lineStart)..<(chunk.startIndex + i)])
                body(pending)
                pending = Data()
                lineStart = i + 1
            }
            pending.append(chunk[(chunk.startIndex + lineStart)...])
        }
        if !pending.isEmpty { body(pending) }
        group.leave()
    }
    thread.start()
}

/// Reads `handle` to its end on a thread of its own, keeping its first `limit` bytes.
private func readAll(_ handle: FileHandle, keepingAtMost limit: Int, group: DispatchGroup, _ body: @escaping @Sendable (Data) -> Void) {
    group.enter()
    let thread = Thread {
        var kept = Data()
        while true {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            if kept.count < limit { kept.append(chunk.prefix(limit - kept.count)) }
        }
        body(kept)
        group.leave()
    }
    thread.start()
}
