import Foundation
import Plotting
import Tensors

/// The state of one running cell: the running function's slots, captures and type arguments,
/// what the cell has output, and the counters that enforce its limits. Nodes receive it.
final class Context {
    /// The running function's slots (on `stack`; the cell's own locals at its top level).
    var frame: UnsafeMutablePointer<Value>
    /// The running closure's captured variables.
    var captures: [VarBox] = []
    /// The running generic function's type arguments (concrete types).
    var typeArguments: [CellType] = []
    /// The notebook's globals (the session's root slots; fixed while a cell runs).
    let globals: UnsafeMutablePointer<Value>
    let stack: UnsafeMutablePointer<Value>
    let stackCapacity: Int
    var stackTop = 0
    let registry: Registry
    /// The session's declarations as running code needs them (witnesses, equality, lowering).
    let runtime: SessionRuntime
    /// The cell's outputs so far, the text printed since the last value included.
    var outputs: [CellOutput] {
        get { printed.isEmpty ? closed : closed + [.text(printed)] }
        set {
            closed = newValue
            printed = ""
        }
    }
    /// Outputs before the text being printed.
    private var closed: [CellOutput] = []
    /// Text printed since the last value shown, grown in place: joining each print to the last
    /// output copied all the text before it (300,000 prints took 34 s).
    private var printed = ""
    /// Set by `return` before it unwinds with `Flow.returned`.
    var returnValue: Value = .void
    /// The label a `break`/`continue` names, while it unwinds.
    var pendingLabel: String?
    /// The value an `if`/`switch` expression's branch gave.
    var yieldValue: Value = .void
    /// The value a pattern matches, or a compound assignment's target's current value.
    var matchedValue: Value = .void
    /// The right operand kept aside by a compound assignment or an expression pattern.
    var operandValue: Value = .void

    private(set) var callDepth = 0
    let limits: Limits
    /// The notebook's seed, from which library randomness derives.
    let seed: UInt64
    /// The notebook's generator, seeded once and drawn from by every cell in order.
    let generator: RandomGenerator
    var displaySize = DisplaySize()
    /// The colours labels have in the page's figures so far (the session's, for this cell).
    var categoryColors = CategoryColors()
    /// The notebook's folder: relative paths in cells resolve against it.
    var directory: String?
    var progressSink: ((LibraryProgress) -> Void)?
    /// The files cells read, each with its digest when it was first read.
    var filesRead: [String: String] = [:]
    var confinesFiles = false
    /// Bytes the cell may still output: the smaller of its own limit and what the page has left.
    var outputBytesLeft = Int.max
    /// Which limit `outputBytesLeft` comes from, for the failure's message.
    var outputLimit = OutputLimit(bytes: Int.max, ofPage: false)
    /// The cell's time limit is what remains of the notebook's budget, not its own timeout.
    var timeoutIsNotebookBudget = false
    private let deadline: UInt64
    private var ticksUntilClockCheck = 1 << 12
    private var stepsLeft: Int

    init(globals: UnsafeMutablePointer<Value>, runtime: SessionRuntime, limits: Limits, seed: UInt64, generator: RandomGenerator,
         topLevelFrameSize: Int) {
        self.runtime = runtime
        self.seed = seed
        self.generator = generator
        self.globals = globals
        self.stackCapacity = 1 << 18
        self.stack = .allocate(capacity: 1 << 18)
        self.registry = runtime.registry
        self.limits = limits
        self.deadline = monotonicNanoseconds() &+ UInt64(max(0, min(limits.timeout, 1e9)) * 1e9)
        self.stepsLeft = limits.maxSteps ?? Int.max
        stack.initialize(repeating: .uninitialized, count: max(topLevelFrameSize, 1))
        stackTop = max(topLevelFrameSize, 1)
        frame = stack
    }

    deinit {
        stack.deinitialize(count: stackTop)
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
            if timeoutIsNotebookBudget, let budget = limits.notebookTimeBudget {
                throw CellFailure(.timeout, "the notebook's time budget of \(formatSeconds(budget)) ran out in this cell and it was stopped",
                                  at: position)
            }
            throw CellFailure(
                .timeout, "the cell ran for more than \(formatSeconds(limits.timeout)) and was stopped",
                at: position, notes: ["raise the limit with '//| timeout: SECONDS' if the work is meant to take longer"])
        }
    }

    // The call accounting below wraps (`&+`) instead of trapping: the depth is bounded by
    // `maxCallDepth` and the stack top by `stackCapacity`, so neither can overflow, and the
    // overflow checks were a tenth of a call's instructions.
    @inline(__always)
    func enterCall(at position: Int) throws(CellFailure) {
        callDepth &+= 1
        if callDepth > limits.maxCallDepth {
            callDepth &-= 1
            throw tooDeep(at: position)
        }
        try tick(at: position)
    }

    // The failures of the call path, made out of line so that every call site stays small.
    @inline(never)
    private func tooDeep(at position: Int) -> CellFailure {
        CellFailure(.recursion, "recursion too deep: more than \(limits.maxCallDepth) nested calls", at: position)
    }

    @inline(never)
    private func stackFull(at position: Int) -> CellFailure {
        CellFailure(.recursion, "recursion too deep: the call stack is full", at: position)
    }

    @inline(__always)
    func leaveCall() {
        callDepth &-= 1
    }

    /// Claims `size` slots on the stack for a call, set to `.uninitialized`.
    @inline(__always)
    func claimSlots(_ size: Int, at position: Int) throws(CellFailure) -> UnsafeMutablePointer<Value> {
        try claimSlots(size, leavingUninitialized: 0, at: position)
    }

    /// Claims `size` slots on the stack for a call whose first `callerFills` the caller
    /// initializes at once (its arguments); the others are set to `.uninitialized`. Until the
    /// caller has filled them, the first slots hold raw memory: release them with
    /// `releaseSlots(_:_:filled:)`.
    @inline(__always)
    func claimSlots(_ size: Int, leavingUninitialized callerFills: Int, at position: Int) throws(CellFailure) -> UnsafeMutablePointer<Value> {
        guard stackTop &+ size <= stackCapacity else { throw stackFull(at: position) }
        let slots = stack + stackTop
        if size > callerFills { (slots + callerFills).initialize(repeating: .uninitialized, count: size &- callerFills) }
        stackTop &+= size
        return slots
    }

    @inline(__always)
    func releaseSlots(_ slots: UnsafeMutablePointer<Value>, _ size: Int) {
        // One value at a time, and only values that hold something to release:
        // `deinitialize(count:)` goes through the runtime's generic array destroy (5 % of fib's
        // time), and the destroy of a number is a call that does nothing.
        for i in 0..<size where !slots[i].isTrivial { (slots + i).deinitialize(count: 1) }
        stackTop &-= size
    }

    /// Releases the slots of a call that failed while its caller was filling them: the first
    /// `callerFills` slots hold values only up to `filled`.
    @inline(never)
    func releaseSlots(_ slots: UnsafeMutablePointer<Value>, _ size: Int, callerFills: Int, filled: Int) {
        for i in 0..<size where (i >= callerFills || i < filled) && !slots[i].isTrivial { (slots + i).deinitialize(count: 1) }
        stackTop &-= size
    }

    /// Pops the slots of a call whose frame holds only numbers and Bools (statically known):
    /// nothing to release.
    @inline(__always)
    func popTrivialSlots(_ size: Int) {
        stackTop &-= size
    }

    /// A function body's result, given how its statements finished.
    @inline(__always)
    func result(of flow: Flow) -> Value {
        guard case .returned = flow else { return .void }
        let r = returnValue
        returnValue = .void
        return r
    }

    func reportProgress(_ progress: LibraryProgress) {
        progressSink?(progress)
    }

    /// A path a cell reads, resolved as `resolvePath` does; its content digest is noted now, as
    /// the cell reads it, so a cached or kept result is stale as soon as the file changes.
    func resolveReadPath(_ path: String, at position: Int) throws(CellFailure) -> String {
        let resolved = try resolvePath(path, at: position)
        // A file is read whole: one larger than the element limit allows (eight bytes an element)
        // is refused before it is loaded.
        if let size = (try? FileManager.default.attributesOfItem(atPath: resolved))?[.size] as? Int, size > limits.maxFileBytes {
            throw CellFailure(.resourceLimit, "'\(path)' has \(size) bytes, more than the limit of \(limits.maxFileBytes) for a file a cell reads",
                              at: position)
        }
        if filesRead[resolved] == nil { filesRead[resolved] = ContentDigest.of(file: resolved) }
        return resolved
    }

    /// A path a cell uses, made absolute against the notebook's folder; confined to that
    /// folder when the session says so (`--safe`).
    func resolvePath(_ path: String, at position: Int) throws(CellFailure) -> String {
        guard !path.isEmpty else { throw CellFailure(.runtime, "the path is empty", at: position) }
        if confinesFiles { try checkConfined(path, at: position) }
        let resolved: String
        if path.hasPrefix("/") || directory == nil {
            resolved = path
        } else {
            resolved = directory!.hasSuffix("/") ? directory! + path : directory! + "/" + path
        }
        return resolved
    }

    private func checkConfined(_ path: String, at position: Int) throws(CellFailure) {
        func refuse(_ why: String) -> CellFailure {
            CellFailure(.runtime, "'\(path)' is not allowed in safe mode: \(why)", at: position,
                        notes: ["in safe mode cells may only use files inside the notebook's folder"])
        }
        if path.hasPrefix("/") { throw refuse("it is an absolute path") }
        if path.split(separator: "/").contains("..") { throw refuse("it leaves the notebook's folder with '..'") }
        let base = directory ?? "."
        guard let root = realPath(base) else { throw refuse("the notebook's folder cannot be resolved") }
        let candidate = base + "/" + path
        let existing = realPath(candidate) ?? realPath((candidate as NSString).deletingLastPathComponent)
        guard let resolved = existing else { throw refuse("its folder does not exist") }
        if resolved != root && !resolved.hasPrefix(root.hasSuffix("/") ? root : root + "/") {
            throw refuse("it leads out of the notebook's folder through a link")
        }
    }

    /// Appends printed text, joining it to text printed just before; fails when the cell's
    /// output would pass its byte limit (what was written before stays).
    func write(_ text: String, at position: Int) throws(CellFailure) {
        try claimOutput(text.utf8.count, at: position)
        printed += text
    }

    /// Appends a value shown under the cell, after the text printed before it; fails when the
    /// cell's output would pass its byte limit.
    func show(_ output: CellOutput, at position: Int) throws(CellFailure) {
        try claimOutput(output.byteCount, at: position)
        if !printed.isEmpty {
            closed.append(.text(printed))
            printed = ""
        }
        closed.append(output)
    }

    private func claimOutput(_ bytes: Int, at position: Int) throws(CellFailure) {
        guard bytes <= outputBytesLeft else {
            let what = outputLimit.ofPage ? "the notebook's output passed its limit of \(formatBytes(outputLimit.bytes))"
                                          : "the cell's output passed its limit of \(formatBytes(outputLimit.bytes))"
            outputBytesLeft = 0
            throw CellFailure(.resourceLimit, what, at: position,
                              notes: ["print a summary (a shape, a mean, a few rows) instead of every value"])
        }
        outputBytesLeft -= bytes
    }

    /// A type written in generic code, with the running function's type arguments put in.
    @inline(__always)
    func concrete(_ type: CellType) -> CellType {
        type.isGenericDependent ? type.substitutingByIndex(typeArguments) : type
    }
}

/// How a statement finished: normally, or unwinding for `break`, `continue`, `return`, `fallthrough`.
enum Flow {
    case normal
    case breakLoop
    case continueLoop
    case returned
    case fallthroughCase
}

extension CellType {
    /// Replaces generic parameters by the type arguments at their indices.
    func substitutingByIndex(_ arguments: [CellType]) -> CellType {
        rewritten { t in
            if case .parameter(let p) = t, p.index < arguments.count { return arguments[p.index] }
            return nil
        }
    }
}

/// The canonical absolute path (links resolved), or nil when it does not exist.
func realPath(_ path: String) -> String? {
    guard let p = realpath(path, nil) else { return nil }
    defer { free(p) }
    return String(cString: p)
}

/// Seconds as messages say them: "10 s", "0.5 s".
public func formatSeconds(_ s: Double) -> String {
    s == s.rounded() && abs(s) < 1e15 ? "\(Int(s)) s" : "\(s) s"
}
