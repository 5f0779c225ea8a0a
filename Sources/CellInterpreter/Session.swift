import Foundation
import SwiftSyntax
import Plotting
import Tensors

/// One notebook's interpreter session: the names, types and values its cells have declared,
/// shared from cell to cell as a Jupyter kernel's namespace is (but in-process, with nothing to
/// start). Each cell is parsed, checked whole with Swift's rules, lowered and then run.
public final class Session {
    public let registry: Registry
    public var limits: Limits
    /// The notebook's seed; library randomness derives from it.
    public let seed: UInt64
    /// The generator every random draw of the notebook comes from, in cell order.
    public let generator: RandomGenerator
    /// The notebook's folder: relative paths in cells resolve against it.
    public var directory: String?
    /// Receives the steps of long library calls (model training), for a progress display.
    public var progressSink: ((LibraryProgress) -> Void)?
    /// Cells may use only files inside `directory` (for notebooks from others: `--safe`).
    public var confinesFiles = false
    /// Every file path the notebook's cells have used so far, for the run cache.
    /// The files cells have read, each with its content digest when first read.
    public internal(set) var filesRead: [String: String] = [:]
    /// The colours labels have in the figures the notebook's cells have shown so far, so that a
    /// class keeps its colour from figure to figure on the page.
    public internal(set) var categoryColors = CategoryColors()
    let declarations = SessionDeclarations()
    let runtime: SessionRuntime
    let globals = GlobalStorage()

    public init(registry: Registry = .standard, limits: Limits = Limits(), seed: UInt64 = 0) {
        self.registry = registry
        self.limits = limits
        self.seed = seed
        self.generator = RandomGenerator(seed: seed)
        self.runtime = SessionRuntime(registry: registry, extensions: declarations.extensions)
    }

    /// Defines a constant visible to every later cell (the notebook's `params`).
    public func define(_ name: String, _ value: Value) {
        let type: CellType
        switch value {
        case .int: type = .int
        case .double: type = .double
        case .bool: type = .bool
        case .character: type = .character
        default: type = .string
        }
        define(name, value, type: type)
    }

    /// Defines a constant of the given type visible to every later cell.
    public func define(_ name: String, _ value: Value, type: CellType) {
        let v = VarDecl(name: name, type: type, isMutable: false, position: 0, owner: declarations.root)
        v.globalSlot = declarations.allocateGlobal()
        declarations.rootScope.values[name] = .variable(v)
        globals.ensure(declarations.globalCount)
        globals.storage[v.globalSlot!] = value
    }

    /// Runs one cell: parse, check, lower, run. What the cell printed and displayed before a
    /// failure is kept, and the failure is reported at its place in the Markdown file.
    /// `outputBytesLeft` is what the notebook's output limit still allows (the cell's own limit
    /// applies as well); `budgetLeft` the seconds the notebook's time budget still allows.
    public func run(_ source: CellSource, timeout: Double? = nil, displaySize: DisplaySize = DisplaySize(),
                    outputBytesLeft: Int = .max, budgetLeft: Double? = nil) -> CellRun {
        let start = monotonicNanoseconds()
        var limits = self.limits
        if let timeout { limits.timeout = timeout }
        var budgetBound = false
        if let budgetLeft, budgetLeft < limits.timeout {
            limits.timeout = max(0, budgetLeft)
            budgetBound = true
        }
        var outputs: [CellOutput] = []
        var failure: CellDiagnostic?
        do throws(CellFailure) {
            try runOnLargeStack { () throws(CellFailure) in
                let (program, frameSize) = try self.prepare(source)
                let context = self.makeContext(limits: limits, frameSize: frameSize)
                context.displaySize = displaySize
                context.categoryColors = self.categoryColors
                context.timeoutIsNotebookBudget = budgetBound
                let cellLimit = limits.maxCellOutputBytes
                context.outputBytesLeft = min(cellLimit, outputBytesLeft)
                context.outputLimit = OutputLimit(bytes: outputBytesLeft < cellLimit ? self.limits.maxNotebookOutputBytes : cellLimit,
                                                  ofPage: outputBytesLeft < cellLimit)
                defer {
                    outputs = context.outputs
                    self.filesRead.merge(context.filesRead) { first, _ in first }
                    self.categoryColors = context.categoryColors
                }
                // One element limit for the cell's tensors as for its arrays and strings.
                _ = try Tensor.withElementLimit(limits.maxElements) { () throws(CellFailure) in try program.exec(context) }
            }
        } catch {
            failure = CellDiagnostic(error, in: source)
        }
        let seconds = Double(monotonicNanoseconds() - start) / 1e9
        // A library call (a large eigh) cannot look at the clock while it runs: a cell that ended
        // past its limit that way fails all the same, with what it output kept.
        if failure == nil, seconds > limits.timeout + 0.5 {
            failure = CellDiagnostic(CellFailure(.timeout, "the cell ran for \(String(format: "%.1f", seconds)) s, more than its limit of "
                                                 + "\(formatSeconds(limits.timeout)), inside a library call that could not stop sooner", at: 0,
                                                 notes: ["raise the limit with '//| timeout: SECONDS' if the work is meant to take longer"]),
                                     in: source)
        }
        return CellRun(outputs: outputs, failure: failure, seconds: seconds)
    }

    /// Parses, checks and lowers a cell; a cell that does not check declares nothing.
    private func prepare(_ source: CellSource) throws(CellFailure) -> (Stmt, Int) {
        let tree = try CellParser.parse(source.code)
        let snapshot = declarations.snapshot
        do throws(CellFailure) {
            let checker = Checker(registry: registry, session: declarations, source: source)
            let typed = try checker.checkCell(tree)
            let lowered = try Lowerer.lowerCell(typed, context: declarations.root, runtime: runtime, source: source)
            globals.ensure(declarations.globalCount)
            declarations.cellCount += 1
            return lowered
        } catch {
            declarations.restore(snapshot)
            throw error
        }
    }

    private func makeContext(limits: Limits, frameSize: Int) -> Context {
        let context = Context(globals: globals.storage, runtime: runtime, limits: limits, seed: seed, generator: generator,
                              topLevelFrameSize: frameSize)
        context.directory = directory
        context.progressSink = progressSink
        context.confinesFiles = confinesFiles
        return context
    }

    /// Evaluates an inline expression (`{swift} expr` in prose) and returns its text as
    /// `print` would show it.
    public func evaluate(_ source: CellSource) -> Result<InlineValue, CellDiagnostic> {
        do throws(CellFailure) {
            let value = try runOnLargeStack { () throws(CellFailure) -> InlineValue in
                let tree = try CellParser.parse(source.code)
                guard tree.statements.count == 1, let only = tree.statements.first, case .expr(let e) = only.item else {
                    throw CellFailure(.syntax, "an inline expression must be a single expression", at: 0)
                }
                let checker = Checker(registry: self.registry, session: self.declarations, source: source)
                let typed = try checker.checkInline(e)
                let (node, frameSize) = try Lowerer.lowerInline(typed, context: self.declarations.root, runtime: self.runtime, source: source)
                let context = self.makeContext(limits: self.limits, frameSize: frameSize)
                defer { self.filesRead.merge(context.filesRead) { first, _ in first } }
                let value = try Tensor.withElementLimit(self.limits.maxElements) { () throws(CellFailure) in try node.eval(context) }
                return InlineValue(printed: try context.describe(value, typed.type, at: 0), isText: typed.type == .string)
            }
            return .success(value)
        } catch {
            return .failure(CellDiagnostic(error, in: source))
        }
    }
}

/// An inline expression's value, as `print` shows it.
public struct InlineValue {
    public var printed: String
    /// The expression is a String: text the author formatted, not a number to round.
    public var isText = false
}

/// What one cell did.
public struct CellRun {
    /// Printed text and displayed values, in order.
    public var outputs: [CellOutput]
    /// Why the cell stopped, if it did not finish.
    public var failure: CellDiagnostic?
    /// Wall-clock seconds the cell took.
    public var seconds: Double

    public init(outputs: [CellOutput], failure: CellDiagnostic?, seconds: Double) {
        self.outputs = outputs
        self.failure = failure
        self.seconds = seconds
    }
}

/// The notebook's globals: slots that grow as cells declare names (never while a cell runs,
/// so nodes may hold a pointer to them).
final class GlobalStorage {
    private(set) var storage: UnsafeMutablePointer<Value>
    private(set) var count = 0

    init() {
        storage = .allocate(capacity: 1)
        storage.initialize(to: .uninitialized)
        count = 1
    }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }

    func ensure(_ size: Int) {
        guard size > count else { return }
        let grown = UnsafeMutablePointer<Value>.allocate(capacity: size)
        grown.moveInitialize(from: storage, count: count)
        (grown + count).initialize(repeating: .uninitialized, count: size - count)
        storage.deallocate()
        storage = grown
        count = size
    }
}

/// Deep recursion in a cell must end in "recursion too deep", not a stack overflow (nor can a
/// deeply nested expression overflow the parser): cells are parsed, checked and run on a thread
/// with a large stack.
private let cellStackSize = 1 << 29

private final class Box<T>: @unchecked Sendable {
    var value: T
    init(_ value: T) { self.value = value }
}

func runOnLargeStack<T>(_ body: () throws(CellFailure) -> T) throws(CellFailure) -> T {
    try withoutActuallyEscaping(body) { (escapable) throws(CellFailure) -> T in
        let result = Box<Result<T, CellFailure>?>(nil)
        let status = runOnNewThread(stackSize: cellStackSize) {
            result.value = Result { () throws(CellFailure) in try escapable() }
        }
        guard status == 0, let outcome = result.value else {
            // Under a memory limit (--safe's child, `ulimit -d`) the stack's address space counts.
            throw CellFailure(.resourceLimit, "could not start the thread cells run on: \(String(cString: strerror(status)))",
                              notes: ["cells run on a thread with a \(cellStackSize >> 20) MiB stack (most of it never touched), "
                                      + "and a process's memory limit counts all of it"])
        }
        return try outcome.get()
    }
}

private final class ThreadBody {
    let run: () -> Void
    init(_ run: @escaping () -> Void) { self.run = run }
}

/// Runs `body` on a new thread with `stackSize` bytes of stack and waits for it to end. Returns
/// 0, or pthread_create's error when the thread could not start (Foundation's `Thread` drops that
/// error, and a caller waiting for the body would wait forever). The body is handed to the thread
/// as an unmanaged reference because a C start routine cannot capture it.
func runOnNewThread(stackSize: Int, _ body: @escaping () -> Void) -> Int32 {
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    defer { pthread_attr_destroy(&attributes) }
    pthread_attr_setstacksize(&attributes, stackSize)
    let context = Unmanaged.passRetained(ThreadBody(body)).toOpaque()
    var thread = pthread_t()
    let status = pthread_create(&thread, &attributes, { raw in
        Unmanaged<ThreadBody>.fromOpaque(raw!).takeRetainedValue().run()
        return nil
    }, context)
    guard status == 0 else {
        Unmanaged<ThreadBody>.fromOpaque(context).release()
        return status
    }
    pthread_join(thread, nil)
    return 0
}
