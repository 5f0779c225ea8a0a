/// The variables of one function call (or, for the session's root frame, of the notebook's
/// top level). Names were bound to slot indices when the cell was lowered.
final class Frame {
    var slots: [Value]
    /// The frame the function was defined in; closures see their outer variables through it.
    let parent: Frame?

    init(size: Int, parent: Frame?) {
        slots = Array(repeating: .void, count: size)
        self.parent = parent
    }

    /// Grows the frame to hold `count` slots (the root frame grows as cells declare names).
    func ensureSize(_ count: Int) {
        if slots.count < count { slots.append(contentsOf: repeatElement(.void, count: count - slots.count)) }
    }

    /// The frame `depth` levels out.
    @inline(__always)
    func ancestor(_ depth: Int) -> Frame {
        var frame = self
        for _ in 0..<depth { frame = frame.parent! }
        return frame
    }
}
