import Foundation
import SwiftSyntax
import Tensors

/// One notebook's interpreter session: the names its cells have defined, shared from cell to
/// cell, as a Jupyter kernel's namespace is (but in-process, with nothing to start).
public final class Session {
    public let registry: Registry
    public var limits: Limits
    /// The notebook's seed; library randomness derives from it.
    public let seed: UInt64
    /// The generator every random draw of the notebook comes from, in cell order.
    public let generator: RandomGenerator
    /// The notebook's folder: relative paths in cells (`Dataset.csv(path:)`, checkpoints)
    /// resolve against it. Nil: the process's working directory.
    public var directory: String?
    /// Receives the steps of long library calls (model training), for a progress display.
    public var progressSink: ((LibraryProgress) -> Void)?
    /// Cells may use only files inside `directory` (for notebooks from others: `--safe`).
    public var confinesFiles = false
    /// Every file path the notebook's cells have used so far, for the run cache.
    public internal(set) var filesTouched: Set<String> = []
    let rootFunction: FunctionScope
    let rootScope: Scope
    let globals: Frame

    public init(registry: Registry = .standard, limits: Limits = Limits(), seed: UInt64 = 0) {
        self.registry = registry
        self.limits = limits
        self.seed = seed
        self.generator = RandomGenerator(seed: seed)
        rootFunction = FunctionScope(parent: nil, isRoot: true)
        rootScope = Scope(parent: nil, function: rootFunction)
        globals = Frame(size: 0, parent: nil)
    }

    /// Defines a constant visible to every later cell (the notebook's `params`).
    public func define(_ name: String, _ value: Value) {
        let slot = rootFunction.allocate()
        rootScope.names[name] = .variable(slot: slot, mutable: false, owner: rootFunction)
        globals.ensureSize(rootFunction.frameSize)
        globals[slot] = value
    }

    /// Runs one cell: parse, lower, run. What the cell printed and displayed before a failure
    /// is kept, and the failure is reported at its place in the Markdown file.
    public func run(_ source: CellSource, timeout: Double? = nil, displaySize: DisplaySize = DisplaySize()) -> CellRun {
        let start = monotonicNanoseconds()
        var limits = self.limits
        if let timeout { limits.timeout = timeout }
        var outputs: [CellOutput] = []
        var failure: CellDiagnostic?
        // A cell that fails to lower declares nothing: its names are rolled back.
        let namesBefore = rootScope.names, sizeBefore = rootFunction.frameSize
        do throws(CellFailure) {
            let tree = try CellParser.parse(source.code)
            let lowerer = Lowerer(registry: registry, root: rootScope)
            let program: BlockStmt
            do throws(CellFailure) {
                program = try lowerer.lowerCell(tree)
            } catch {
                rootScope.names = namesBefore
                rootFunction.frameSize = sizeBefore
                throw error
            }
            globals.ensureSize(rootFunction.frameSize)
            // Made after the root frame has grown: the context holds pointers into it.
            let context = Context(globals: globals, registry: registry, limits: limits, seed: seed, generator: generator)
            context.displaySize = displaySize
            context.directory = directory
            context.progressSink = progressSink
            context.confinesFiles = confinesFiles
            defer {
                outputs = context.outputs
                filesTouched.formUnion(context.filesTouched)
            }
            _ = try runOnLargeStack { () throws(CellFailure) in try program.exec(context) }
        } catch {
            failure = CellDiagnostic(error, in: source)
        }
        let seconds = Double(monotonicNanoseconds() - start) / 1e9
        return CellRun(outputs: outputs, failure: failure, seconds: seconds)
    }

    /// Evaluates one expression (an inline `{swift} expr`) and returns its value.
    public func evaluate(_ source: CellSource) -> Result<Value, CellDiagnostic> {
        do throws(CellFailure) {
            let tree = try CellParser.parse(source.code)
            guard tree.statements.count == 1, let only = tree.statements.first, case .expr(let e) = only.item else {
                throw CellFailure(.syntax, "an inline expression must be a single expression", at: 0)
            }
            let lowerer = Lowerer(registry: registry, root: Scope(parent: rootScope, function: rootFunction))
            let expr = try lowerer.lowerExpr(e)
            globals.ensureSize(rootFunction.frameSize)
            let context = Context(globals: globals, registry: registry, limits: limits, seed: seed, generator: generator)
            context.directory = directory
            context.confinesFiles = confinesFiles
            defer { filesTouched.formUnion(context.filesTouched) }
            return .success(try runOnLargeStack { () throws(CellFailure) in try expr.eval(context) })
        } catch {
            return .failure(CellDiagnostic(error, in: source))
        }
    }
}

/// What one cell did.
public struct CellRun {
    /// Printed text and displayed values, in order.
    public var outputs: [CellOutput]
    /// Why the cell stopped, if it did not finish.
    public var failure: CellDiagnostic?
    /// Wall-clock seconds the cell took.
    public var seconds: Double
}

/// Deep recursion in a cell must end in "recursion too deep", not a stack overflow: cells
/// run on a thread with a large stack.
private let cellStackSize = 1 << 29

private final class Box<T>: @unchecked Sendable {
    var value: T
    init(_ value: T) { self.value = value }
}

private func runOnLargeStack<T>(_ body: () throws(CellFailure) -> T) throws(CellFailure) -> T {
    try withoutActuallyEscaping(body) { (escapable) throws(CellFailure) -> T in
        let work = Box<(() throws(CellFailure) -> T)?>(escapable)
        let result = Box<Result<T, CellFailure>?>(nil)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            if let body = work.value { result.value = Result { () throws(CellFailure) in try body() } }
            done.signal()
        }
        thread.stackSize = cellStackSize
        thread.start()
        done.wait()
        // The thread object outlives this call; it must not keep the closure.
        work.value = nil
        return try result.value!.get()
    }
}
