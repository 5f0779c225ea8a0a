import CellInterpreter
import Foundation

/// Progress on the terminal: a bar for long training on a TTY (redrawn in place, at most ten
/// times a second), nothing when stderr is not a terminal (CI logs keep their final lines).
final class ProgressPrinter: @unchecked Sendable {
    private let enabled: Bool
    private var notebook = ""
    private var lastDraw = 0.0
    private var drawn = false
    private let lock = NSLock()

    init(enabled: Bool) {
        self.enabled = enabled && isatty(STDERR_FILENO) == 1
    }

    func start(_ path: String) {
        lock.lock(); defer { lock.unlock() }
        notebook = (path as NSString).lastPathComponent
    }

    func step(_ p: LibraryProgress) {
        guard enabled else { return }
        lock.lock(); defer { lock.unlock() }
        let now = Date().timeIntervalSinceReferenceDate
        guard now - lastDraw > 0.1 || p.step == p.totalSteps else { return }
        lastDraw = now
        let fraction = p.totalSteps > 0 ? Double(p.step) / Double(p.totalSteps) : 0
        let width = 24, filled = Int((fraction * Double(width)).rounded(.down))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let loss = p.loss.isFinite ? String(format: "loss %.4g", p.loss) : ""
        let line = "\(notebook): \(p.label) \(bar) \(p.step)/\(p.totalSteps) \(loss) \(String(format: "%.1f s", p.seconds))"
        FileHandle.standardError.write(Data(("\r\u{1B}[2K" + line).utf8))
        drawn = true
    }

    func finish() {
        lock.lock(); defer { lock.unlock() }
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
        drawn = false
    }
}
