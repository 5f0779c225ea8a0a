/// The variables of one function call that closures can see (or, for the session's root
/// frame, of the notebook's top level), on the heap. Calls of functions that make no closures
/// keep their variables on the context's stack instead (see `Context`).
final class Frame {
    /// The slots, bound to names when the cell was lowered.
    private(set) var storage: UnsafeMutablePointer<Value>
    private(set) var count: Int
    /// The frame the function was defined in; closures see their outer variables through it.
    let parent: Frame?

    init(size: Int, parent: Frame?) {
        count = size
        storage = .allocate(capacity: Swift.max(size, 1))
        storage.initialize(repeating: .void, count: size)
        self.parent = parent
    }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }

    /// Grows the frame to `size` slots (the root frame grows as cells declare names; never
    /// while a cell runs, so pointers into it stay valid during a run).
    func ensureSize(_ size: Int) {
        guard size > count else { return }
        let grown = UnsafeMutablePointer<Value>.allocate(capacity: size)
        grown.moveInitialize(from: storage, count: count)
        (grown + count).initialize(repeating: .void, count: size - count)
        storage.deallocate()
        storage = grown
        count = size
    }

    subscript(slot: Int) -> Value {
        get { storage[slot] }
        set { storage[slot] = newValue }
    }

    /// The frame `depth` levels out.
    @inline(__always)
    func ancestor(_ depth: Int) -> Frame {
        var frame = self
        for _ in 0..<depth { frame = frame.parent! }
        return frame
    }
}
