import NeuralNetworks
import Tensors

/// A session as it was after a cell: its names, the values they hold, the notebook's random
/// stream, and the state of every library object and closure frame those values reach. Taken by
/// `Session.snapshot()` and put back by `Session.restore(_:)`, so that a notebook can be run again
/// from a later cell without re-running the ones before it (`lectern preview` after an edit).
/// Library objects are rewound in place (`SavedState`), so every reference to them stays valid.
public struct SessionSnapshot {
    fileprivate let names: [String: NameBinding]
    fileprivate let frameSize: Int
    fileprivate let globals: [Value]
    fileprivate let generator: RandomGenerator.State
    fileprivate let filesTouched: Set<String>
    /// Closure frames other than the globals, with their slots then.
    fileprivate let frames: [(Frame, [Value])]
    fileprivate let objects: [SavedState]
}

/// A library value whose state a snapshot can save: immutable values save nothing; mutable
/// ones (models, layers, optimisers) their whole state; nil when the value cannot be saved.
protocol SnapshotSaving {
    func savedState() -> SavedState?
}

extension Session {
    /// The session now, or nil when some value it holds cannot be saved (a library object with
    /// no saved state): the notebook must then be run from the top.
    public func snapshot() -> SessionSnapshot? {
        var walker = SnapshotWalker(globals: globals)
        let slots = (0..<globals.count).map { globals[$0] }
        for value in slots where !walker.visit(value) { return nil }
        return SessionSnapshot(names: rootScope.names, frameSize: rootFunction.frameSize, globals: slots,
                               generator: generator.state, filesTouched: filesTouched,
                               frames: walker.frames, objects: walker.objects)
    }

    /// Puts the session back as it was when `snapshot` was taken: names declared since are
    /// forgotten, values and library objects rewound, the random stream where it was.
    public func restore(_ snapshot: SessionSnapshot) {
        rootScope.names = snapshot.names
        rootFunction.frameSize = snapshot.frameSize
        globals.ensureSize(snapshot.frameSize)
        for i in 0..<globals.count { globals[i] = i < snapshot.globals.count ? snapshot.globals[i] : .void }
        for (frame, slots) in snapshot.frames {
            for (i, value) in slots.enumerated() { frame[i] = value }
        }
        for state in snapshot.objects { state.restore() }
        generator.state = snapshot.generator
        filesTouched = snapshot.filesTouched
    }
}

/// Finds every library object and closure frame a value reaches, each once.
private struct SnapshotWalker {
    let globals: Frame
    var seen: Set<ObjectIdentifier> = []
    var frames: [(Frame, [Value])] = []
    var objects: [SavedState] = []

    init(globals: Frame) {
        self.globals = globals
    }

    /// False when the value reaches something that cannot be saved.
    mutating func visit(_ value: Value) -> Bool {
        switch value {
        case .void, .bool, .int, .double, .string, .range, .none:
            return true
        case .array(let items):
            return items.allSatisfy { visit($0) }
        case .tuple(let t):
            return t.elements.allSatisfy { visit($0) }
        case .function(let f):
            switch f.kind {
            case .user(_, let captured): return visit(frame: captured)
            case .native: return true
            case .method(_, let receiver): return visit(receiver)
            }
        case .object(let object):
            guard seen.insert(ObjectIdentifier(object)).inserted else { return true }
            guard let saving = object as? SnapshotSaving, let state = saving.savedState() else { return false }
            objects.append(state)
            return true
        }
    }

    private mutating func visit(frame: Frame) -> Bool {
        var current: Frame? = frame
        while let f = current, f !== globals {
            guard seen.insert(ObjectIdentifier(f)).inserted else { return true }
            let slots = (0..<f.count).map { f[$0] }
            frames.append((f, slots))
            for value in slots where !visit(value) { return false }
            current = f.parent
        }
        return true
    }
}

// Values that never change once made save nothing.
extension TensorValue: SnapshotSaving { func savedState() -> SavedState? { SavedState {} } }
extension FigureValue: SnapshotSaving { func savedState() -> SavedState? { SavedState {} } }
extension ImageValue: SnapshotSaving { func savedState() -> SavedState? { SavedState {} } }
extension HistoryValue: SnapshotSaving { func savedState() -> SavedState? { SavedState {} } }
extension GradientsValue: SnapshotSaving { func savedState() -> SavedState? { SavedState {} } }
extension Interval: SnapshotSaving { func savedState() -> SavedState? { SavedState {} } }

extension ModuleValue: SnapshotSaving {
    func savedState() -> SavedState? { (module as? StateSaving)?.savedState() }
}

extension OptimizerValue: SnapshotSaving {
    func savedState() -> SavedState? { optimizer.savedState() }
}

extension ModelBox: SnapshotSaving {
    /// Models save their state (`StateSaving`); data sets never change.
    func savedState() -> SavedState? {
        if let saving = model as? StateSaving { return saving.savedState() }
        if model is LabeledDataReference { return SavedState {} }
        return nil
    }
}
