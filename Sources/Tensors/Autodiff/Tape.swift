import Synchronization

/// Marks a tensor as node `id` of `tape`; carried by tensors created inside `valueAndGrad`.
struct Tracker: Sendable {
    let tape: Tape
    let id: Int
}

/// The record of one differentiation: every operation applied to tracked tensors appends an entry
/// (its output node, its input nodes, and its backward rule). Entries are in execution order, so
/// walking them in reverse is a valid topological order for the backward pass.
final class Tape: Sendable {
    struct Entry: Sendable {
        let output: Int
        /// Input node ids; -1 for an input that is not tracked (a constant).
        let inputs: [Int]
        let rule: Backward
    }

    private struct State: ~Copyable {
        var entries: [Entry] = []
        var nodeCount = 0
        var failure: String?
        /// How values of tensors on this tape were read out as plain numbers (`.scalars`), in order.
        var cuts: [String] = []
    }

    private let state = Mutex(State())

    /// A new leaf node (an input being differentiated).
    func variable(_ value: Tensor) -> Tensor {
        var v = value.detached
        v.tracker = Tracker(tape: self, id: state.withLock { s in
            s.nodeCount += 1
            return s.nodeCount - 1
        })
        return v
    }

    /// Appends an entry for an operation whose inputs had the given trackers; returns the output's tracker.
    func record(_ rule: Backward, inputs: [Int]) -> Tracker {
        let id = state.withLock { s in
            let id = s.nodeCount
            s.nodeCount += 1
            s.entries.append(Entry(output: id, inputs: inputs, rule: rule))
            return id
        }
        return Tracker(tape: self, id: id)
    }

    /// Marks the tape unusable; `backward` will throw `message`.
    func fail(_ message: String) {
        state.withLock { s in if s.failure == nil { s.failure = message } }
    }

    /// Notes that `what` read a tracked tensor's values as plain numbers: whatever is computed from
    /// them is cut off from the inputs, which `valueAndGrad` reports if the result is.
    func cut(_ what: String) {
        state.withLock { s in if !s.cuts.contains(what) && s.cuts.count < 4 { s.cuts.append(what) } }
    }

    /// The cuts noted so far.
    var cuts: [String] { state.withLock { $0.cuts } }

    /// Throws the failure recorded by `fail`, if any.
    func checkUsable() throws {
        if let failure = state.withLock({ $0.failure }) { throw TensorError.differentiation(failure) }
    }

    /// Runs the backward pass from `output`, a one-element tensor of shape `shape` (seeded with a
    /// one of that shape, so that every rule sees a gradient shaped as its output), and returns the
    /// gradient of every node (nil where the output does not depend on it).
    func backward(from output: Tracker, shape: [Int]) throws -> [Tensor?] {
        let (entries, nodeCount, failure) = state.withLock { s in (s.entries, s.nodeCount, s.failure) }
        if let failure { throw TensorError.differentiation(failure) }
        var grads = [Tensor?](repeating: nil, count: nodeCount)
        grads[output.id] = Tensor(uncheckedShape: shape, scalars: [1])
        for index in stride(from: entries.count - 1, through: 0, by: -1) {
            let entry = entries[index]
            guard let g = grads[entry.output] else { continue }
            grads[entry.output] = nil  // an operation's output is never a leaf; free it early
            let inputGrads = try entry.rule.gradients(g, needs: Needs(ids: entry.inputs))
            for (i, id) in entry.inputs.enumerated() where id >= 0 {
                guard let gi = inputGrads[i] else { continue }
                if var existing = grads[id] {
                    grads[id] = nil  // so that the sum below can reuse its storage
                    try existing.accumulate(gi)
                    grads[id] = existing
                } else {
                    grads[id] = gi
                }
            }
        }
        return grads
    }
}

/// Which inputs of a recorded operation need a gradient (the tracked ones).
struct Needs {
    let ids: [Int]
    subscript(_ i: Int) -> Bool { ids[i] >= 0 }
}

extension Tensor {
    /// `output`, tagged as the result of `rule` applied to `input` when `input` is tracked.
    /// The rule is built only then, so untracked arithmetic pays one nil check.
    @inline(__always)
    static func tracked(_ output: Tensor, _ input: Tensor, _ rule: @autoclosure () -> Backward) -> Tensor {
        guard let t = input.tracker else { return output }
        var output = output
        output.tracker = t.tape.record(rule(), inputs: [t.id])
        return output
    }

    /// `output`, tagged as the result of `rule` applied to `lhs` and `rhs` when either is tracked.
    @inline(__always)
    static func tracked(_ output: Tensor, _ lhs: Tensor, _ rhs: Tensor, _ rule: @autoclosure () -> Backward) -> Tensor {
        if lhs.tracker == nil && rhs.tracker == nil { return output }
        return trackedSlow(output, [lhs, rhs], rule())
    }

    /// `output`, tagged as the result of `rule` applied to `inputs` when any is tracked.
    static func tracked(_ output: Tensor, _ inputs: [Tensor], _ rule: @autoclosure () -> Backward) -> Tensor {
        if inputs.allSatisfy({ $0.tracker == nil }) { return output }
        return trackedSlow(output, inputs, rule())
    }

    private static func trackedSlow(_ output: Tensor, _ inputs: [Tensor], _ rule: Backward) -> Tensor {
        var output = output
        var tape: Tape?
        for input in inputs {
            guard let t = input.tracker else { continue }
            if let tape, tape !== t.tape {
                let message = "a tensor from an enclosing valueAndGrad was used inside another; nested differentiation is not supported"
                tape.fail(message)
                t.tape.fail(message)
            }
            tape = t.tape
        }
        guard let tape else { return output }
        let ids = inputs.map { input -> Int in
            guard let t = input.tracker, t.tape === tape else { return -1 }
            return t.id
        }
        output.tracker = tape.record(rule, inputs: ids)
        return output
    }
}
