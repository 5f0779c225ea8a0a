import CellInterpreter
import Foundation
import Notebook
import NotebookRunner

/// How a run uses `.lectern-cache/`.
enum CacheMode {
    /// Reuse an entry whose key matches; store a successful run.
    case normal
    /// Run every cell, then store the result (`--refresh`).
    case refresh
    /// Neither read nor write (`--no-cache`).
    case off
}

/// The state of a notebook's last run, kept between runs by `preview` (one notebook, one thread
/// at a time).
final class KeptRun: @unchecked Sendable {
    var state: RunState?
}

/// Read, parse and run one notebook (or take its result from the cache), collecting every diagnostic.
enum Pipeline {
    struct Outcome {
        var path: String
        var result: NotebookResult?
        var diagnostics: [Diagnostic]
        var seconds: Double
        var cached: Bool { result?.fromCache ?? false }
    }

    /// A notebook read, parsed and looked up in the cache, whose cells must run. Unchecked
    /// Sendable: it passes once from the thread that prepared it to the one that runs it, and
    /// is never used by two at a time (its runner holds a progress closure).
    struct PendingRun: @unchecked Sendable {
        var path: String
        var document: Document
        var runner: NotebookRunner
        var key: String?
        var warnings: [Diagnostic]
        /// Seconds spent reading, parsing and looking it up; the wait for a free thread that
        /// follows is not the notebook's time, and is left out of its report.
        var preparationSeconds: Double
    }

    /// What reading a notebook and looking it up in the cache gave: its outcome (a cache hit, or
    /// a file that does not parse), or a run still to do.
    enum Prepared {
        case done(Outcome)
        case pending(PendingRun)
    }

    /// Reads and parses `path` and looks it up in the cache; runs nothing and writes nothing.
    static func prepare(_ path: String, in documents: ParsedNotebooks, course: Course?, overrides: [String: String], cache mode: CacheMode,
                        safe: Bool = false, progress: ((LibraryProgress) -> Void)? = nil) -> Prepared {
        let start = Date()
        do {
            let document = try documents.document(path, course: course, safe: safe)
            var runner = NotebookRunner(parameterOverrides: overrides, limits: safe ? .safe : Limits(), progress: progress)
            runner.safe = safe
            var warnings: [Diagnostic] = []
            var key: String?
            // Under --safe the cache is neither read nor written: an entry this run did not produce
            // could carry HTML or SVG that the notebook's own cells could not.
            if mode != .off, !safe, let parameters = try? runner.parameters(of: document) {
                key = RunCache.key(of: document, parameters: parameters, safe: safe)
            }
            if mode == .normal, let key {
                switch RunCache().lookup(document, key: key) {
                case .hit(let result):
                    return .done(Outcome(path: path, result: result, diagnostics: [], seconds: Date().timeIntervalSince(start)))
                case .miss: break
                case .unusable(let warning): warnings.append(warning)
                }
            }
            return .pending(PendingRun(path: path, document: document, runner: runner, key: key, warnings: warnings,
                                       preparationSeconds: Date().timeIntervalSince(start)))
        } catch {
            return .done(Outcome(path: path, result: nil, diagnostics: [error], seconds: Date().timeIntervalSince(start)))
        }
    }

    /// Runs a prepared notebook's cells and stores the result in the cache.
    static func run(_ pending: PendingRun, safe: Bool = false,
                    memoryBytes: Int = ContainedRun.defaultMemoryBytes, keeping kept: KeptRun? = nil) -> Outcome {
        let start = Date()
        let document = pending.document, runner = pending.runner
        var warnings = pending.warnings
        let result: NotebookResult
        if safe, kept == nil {
            // A notebook from others runs in a child process with memory and CPU limits: a
            // crash or a runaway library call ends only that notebook, as a located failure.
            var contained = ContainedRun.lectern
            contained.memoryBytes = memoryBytes
            result = contained.run(document, runner: runner)
        } else if let kept {
            let run = runner.run(document, resuming: kept.state)
            result = run.result
            kept.state = run.state
        } else {
            result = runner.run(document)
        }
        if let key = pending.key {
            do { try RunCache().store(result, key: key) } catch {
                warnings.append(.warning("could not write the cache entry: \(error.localizedDescription)", at: nil))
            }
        }
        return Outcome(path: pending.path, result: result, diagnostics: result.diagnostics + warnings,
                       seconds: pending.preparationSeconds + Date().timeIntervalSince(start))
    }

    /// Processes `items` on up to `jobs` threads; results come back in the items' order.
    static func processAll<Item: Sendable, Result>(_ items: [Item], jobs: Int, _ body: @escaping @Sendable (Item) -> Result) -> [Result] {
        let results = Slots<Result>(count: items.count)
        let next = Counter()
        let workers = max(1, min(jobs, items.count))
        let group = DispatchGroup()
        for _ in 0..<workers {
            group.enter()
            let thread = Thread {
                while let i = next.take(below: items.count) { results.set(i, body(items[i])) }
                group.leave()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        group.wait()
        return results.all
    }
}

private final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()
    func take(below n: Int) -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard value < n else { return nil }
        value += 1
        return value - 1
    }
}

private final class Slots<Result>: @unchecked Sendable {
    private var slots: [Result?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ o: Result) { lock.lock(); slots[i] = o; lock.unlock() }
    var all: [Result] { slots.map { $0! } }
}
