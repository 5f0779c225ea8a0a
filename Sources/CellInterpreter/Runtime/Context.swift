import Foundation
import Tensors
/// The state of one running cell: where the running function's variables are, what the cell
/// has output, and the counters that enforce its limits. Nodes receive it in `eval`/`exec`.
///
/// Variables: a call of a function that makes no closures gets its slots on `stack` (no
/// allocation); a function that makes closures gets a heap `Frame` they can keep. Either
/// way `locals` points at the running function's slots.
final class Context {
    /// The running function's slots.
    var locals: UnsafeMutablePointer<Value>
    /// The running function's heap frame, if it has one (the root frame at top level).
    /// Not retained: `invokeUser` holds the frame for as long as the call runs.
    unowned(unsafe) var ownFrame: Frame?
    /// The frame the running function was defined in: where its outer variables are.
    /// Not retained: the caller holds it (through the function value) during the call.
    unowned(unsafe) var outer: Frame?
    /// The session's root frame: the notebook's top-level names.
    let globals: Frame
    /// `globals`' slots (the root frame does not grow while a cell runs).
    let globalSlots: UnsafeMutablePointer<Value>
    let stack: UnsafeMutablePointer<Value>
    let stackCapacity: Int
    var stackTop = 0
    let registry: Registry
    var outputs: [CellOutput] = []
    /// Set by `return` before it unwinds with `Flow.returned`.
    var returnValue: Value = .void
    /// The label a `break`/`continue` names, while it unwinds.
    var pendingLabel: String?

    private(set) var callDepth = 0
    let limits: Limits
    /// The notebook's seed, from which library randomness derives.
    let seed: UInt64
    /// The notebook's generator, seeded once and drawn from by every cell in order.
    let generator: RandomGenerator
    /// The figure size the cell asked for.
    var displaySize = DisplaySize()
    /// The notebook's folder: relative paths in cells resolve against it.
    var directory: String?
    /// Receives the steps of long library calls (training), for a progress display.
    var progressSink: ((LibraryProgress) -> Void)?
    /// Every path a cell resolved (data it read, checkpoints it wrote or loaded).
    var filesTouched: Set<String> = []
    /// Cells may use only files under the notebook's folder (`--safe`).
    var confinesFiles = false

    private func checkConfined(_ path: String, at position: Int) throws(CellFailure) {
        func refuse(_ why: String) -> CellFailure {
            CellFailure(.runtime, "'\(path)' is not allowed in safe mode: \(why)", at: position,
                        notes: ["in safe mode cells may only use files inside the notebook's folder"])
        }
        if path.hasPrefix("/") { throw refuse("it is an absolute path") }
        if path.split(separator: "/").contains("..") { throw refuse("it leaves the notebook's folder with '..'") }
        let base = directory ?? "."
        guard let root = realPath(base) else { throw refuse("the notebook's folder cannot be resolved") }
        // The file itself if it exists, else the folder it would be written in.
        let candidate = base + "/" + path
        let existing = realPath(candidate) ?? realPath((candidate as NSString).deletingLastPathComponent)
        guard let resolved = existing else { throw refuse("its folder does not exist") }
        if resolved != root && !resolved.hasPrefix(root.hasSuffix("/") ? root : root + "/") {
            throw refuse("it leads out of the notebook's folder through a link")
        }
    }
    private let deadline: UInt64
    private var ticksUntilClockCheck = 1 << 12
    /// Steps left of `limits.maxSteps`, counted down in blocks at each clock check.
    private var stepsLeft: Int

    init(globals: Frame, registry: Registry, limits: Limits, seed: UInt64, generator: RandomGenerator) {
        self.seed = seed
        self.generator = generator
        self.globals = globals
        self.globalSlots = globals.storage
        self.locals = globals.storage
        self.ownFrame = globals
        self.outer = nil
        self.stackCapacity = 1 << 18
        self.stack = .allocate(capacity: 1 << 18)
        self.registry = registry
        self.limits = limits
        self.deadline = monotonicNanoseconds() &+ UInt64(max(0, limits.timeout) * 1e9)
        self.stepsLeft = limits.maxSteps ?? Int.max
    }

    deinit {
        stack.deallocate()
    }

    /// Called on every loop iteration and call: looks at the clock now and then.
    @inline(__always)
    func tick(at position: Int) throws(CellFailure) {
        ticksUntilClockCheck &-= 1
        if ticksUntilClockCheck <= 0 { try checkClock(at: position) }
    }

    func checkClock(at position: Int) throws(CellFailure) {
        ticksUntilClockCheck = 1 << 12
        stepsLeft -= 1 << 12
        if stepsLeft <= 0, let budget = limits.maxSteps {
            throw CellFailure(.timeout, "the cell took more than \(budget) steps and was stopped", at: position)
        }
        if monotonicNanoseconds() > deadline {
            throw CellFailure(
                .timeout, "the cell ran for more than \(formatSeconds(limits.timeout)) and was stopped",
                at: position, notes: ["raise the limit with '//| timeout: SECONDS' if the work is meant to take longer"])
        }
    }

    @inline(__always)
    func enterCall(at position: Int) throws(CellFailure) {
        callDepth += 1
        if callDepth > limits.maxCallDepth {
            callDepth -= 1
            throw CellFailure(.recursion, "recursion too deep: more than \(limits.maxCallDepth) nested calls", at: position)
        }
        try tick(at: position)
    }

    /// A function body's result, given how its statements finished: what `return` left, or
    /// Void when they ran to the end.
    @inline(__always)
    func result(of flow: Flow) -> Value {
        guard case .returned = flow else { return .void }
        defer { returnValue = .void }
        return returnValue
    }

    /// Claims `size` uninitialised slots on the stack for a call (given back by lowering
    /// `stackTop`), or ends the cell when the stack is full.
    @inline(__always)
    func claimSlots(_ size: Int, at position: Int) throws(CellFailure) -> UnsafeMutablePointer<Value> {
        guard stackTop + size <= stackCapacity else {
            throw CellFailure(.recursion, "recursion too deep: the call stack is full", at: position)
        }
        let slots = stack + stackTop
        stackTop += size
        return slots
    }

    @inline(__always)
    func leaveCall() {
        if callDepth > 0 { callDepth -= 1 }
    }

    func reportProgress(_ progress: LibraryProgress) {
        progressSink?(progress)
    }

    /// A path a cell wrote, made absolute against the notebook's folder. When the session
    /// confines files (`--safe`), only paths inside that folder are allowed: no absolute paths,
    /// no `..`, and no symbolic link that leads out of it.
    func resolvePath(_ path: String, at position: Int) throws(CellFailure) -> String {
        guard !path.isEmpty else { throw CellFailure(.runtime, "the path is empty", at: position) }
        if confinesFiles { try checkConfined(path, at: position) }
        let resolved: String
        if path.hasPrefix("/") || directory == nil {
            resolved = path
        } else {
            resolved = directory!.hasSuffix("/") ? directory! + path : directory! + "/" + path
        }
        filesTouched.insert(resolved)
        return resolved
    }

    /// Shows a value under the cell: rich library values as themselves, others as text.
    func display(_ value: Value, at position: Int) throws(CellFailure) {
        if case .object(let object) = value, let rich = object as? RichDisplayable {
            do { outputs.append(.value(try rich.display(size: displaySize))) } catch { throw failure(from: error, at: position) }
            return
        }
        outputs.append(.value(.text(value.debugText)))
    }

    /// Appends printed text, joining it to text printed just before.
    func write(_ text: String) {
        if case .text(let previous)? = outputs.last {
            outputs[outputs.count - 1] = .text(previous + text)
        } else {
            outputs.append(.text(text))
        }
    }
}

/// The canonical absolute path (links resolved), or nil when it does not exist.
func realPath(_ path: String) -> String? {
    guard let p = realpath(path, nil) else { return nil }
    defer { free(p) }
    return String(cString: p)
}

func formatSeconds(_ s: Double) -> String {
    s == s.rounded() ? "\(Int(s)) s" : "\(s) s"
}
