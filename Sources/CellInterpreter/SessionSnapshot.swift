import NeuralNetworks
import Plotting
import Tensors

/// A session as it was after a cell: its declarations, the values its globals hold, the
/// notebook's random stream, and the state of every captured variable, class instance and
/// library object those values reach. Taken by `Session.snapshot()` and put back by
/// `Session.restore(_:)`, so a notebook can be run again from a later cell without re-running
/// the ones before it (`lectern preview` after an edit). Shared objects are rewound in place,
/// so every reference to them stays valid. Arrays, dictionaries and strings need no saving:
/// the snapshot holds them, so a later write copies them (copy-on-write).
public struct SessionSnapshot {
    fileprivate let declarations: SessionDeclarations.Snapshot
    fileprivate let globals: [Value]
    fileprivate let generator: RandomGenerator.State
    fileprivate let filesRead: [String: String]
    fileprivate let categoryColors: CategoryColors
    fileprivate let boxes: [(VarBox, Value)]
    fileprivate let instances: [(ClassInstance, [Value])]
    fileprivate let objects: [SavedState]
}

/// A library value whose state a snapshot can save: immutable values save nothing; mutable
/// ones (models, layers, optimisers) their whole state; nil when the value cannot be saved.
protocol SnapshotSaving {
    func savedState() -> SavedState?
}

extension Session {
    /// The session now, or nil when some value it holds cannot be saved: the notebook must then
    /// be run from the top.
    public func snapshot() -> SessionSnapshot? {
        let count = declarations.globalCount
        globals.ensure(count)
        let slots = (0..<count).map { globals.storage[$0] }
        var walker = SnapshotWalker()
        for value in slots where !walker.visit(value) { return nil }
        return SessionSnapshot(declarations: declarations.snapshot, globals: slots, generator: generator.state,
                               filesRead: filesRead, categoryColors: categoryColors, boxes: walker.boxes, instances: walker.instances, objects: walker.objects)
    }

    /// Puts the session back as it was when `snapshot` was taken: names declared since are
    /// forgotten, values, captured variables, instances and library objects rewound, and the
    /// random stream where it was.
    public func restore(_ snapshot: SessionSnapshot) {
        declarations.restore(snapshot.declarations)
        globals.ensure(snapshot.globals.count)
        for i in 0..<globals.count { globals.storage[i] = i < snapshot.globals.count ? snapshot.globals[i] : .uninitialized }
        for (box, value) in snapshot.boxes { box.value = value }
        for (instance, fields) in snapshot.instances { instance.fields = fields }
        for state in snapshot.objects { state.restore() }
        generator.state = snapshot.generator
        filesRead = snapshot.filesRead
        categoryColors = snapshot.categoryColors
    }
}

/// Finds every captured variable, class instance and library object a value reaches, each once.
private struct SnapshotWalker {
    var seen: Set<ObjectIdentifier> = []
    var boxes: [(VarBox, Value)] = []
    var instances: [(ClassInstance, [Value])] = []
    var objects: [SavedState] = []

    /// False when the value reaches something that cannot be saved.
    mutating func visit(_ value: Value) -> Bool {
        switch value {
        case .void, .bool, .int, .double, .string, .character, .intRange, .none, .metatype, .substring, .uninitialized:
            return true
        case .array(let items), .tuple(let items), .structValue(let items):
            return items.allSatisfy { visit($0) }
        case .enumValue(_, let payload):
            return (payload ?? []).allSatisfy { visit($0) }
        case .dictionary(let d):
            // Keys are hashed values: a class instance as a key is saved where it is reached otherwise.
            return d.table.values.allSatisfy { visit($0) }
        case .set:
            return true
        case .range(let r):
            return (r.lower.map { visit($0) } ?? true) && (r.upper.map { visit($0) } ?? true)
        case .some(let box):
            return visit(box.value)
        case .existential(let box):
            return visit(box.value)
        case .arraySlice(let slice):
            return slice.value.allSatisfy { visit($0) }
        case .view(let view):
            return visit(view.base)
        case .box(let box):
            guard seen.insert(ObjectIdentifier(box)).inserted else { return true }
            boxes.append((box, box.value))
            return visit(box.value)
        case .instance(let instance):
            guard seen.insert(ObjectIdentifier(instance)).inserted else { return true }
            instances.append((instance, instance.fields))
            return instance.fields.allSatisfy { visit($0) }
        case .function(let f):
            switch f.kind {
            case .closure(_, let captures, _): return captures.allSatisfy { visit(.box($0)) }
            case .method(_, let receiver, _): return visit(receiver)
            case .native(_, _, let receiver): return receiver.map { visit($0) } ?? true
            // A function the runtime made (a conversion's wrapper) may hide state: not saved.
            case .swift: return false
            }
        case .object(let object):
            guard seen.insert(ObjectIdentifier(object)).inserted else { return true }
            guard let saving = object as? SnapshotSaving, let state = saving.savedState() else { return false }
            objects.append(state)
            return true
        }
    }
}

// Values that never change once made save nothing.
extension TensorValue: SnapshotSaving { func savedState() -> SavedState? { SavedState {} } }

extension ObjectBox: SnapshotSaving {
    /// Models, layers and optimisers save their state (`StateSaving`); structs never change.
    func savedState() -> SavedState? {
        if let saving = object as? StateSaving { return saving.savedState() }
        return T.self is AnyClass ? nil : SavedState {}
    }
}
