import Tensors

/// The base of every optimiser: it keeps per-parameter state (found by identity), counts steps, checks
/// for NaN/Inf, and leaves one method, `apply`, to each algorithm (as MLX's `applySingle`). The base
/// itself is plain gradient descent, `p ← p − lr·g`.
open class Optimizer {
    /// The step size. Set it between steps to change it, or give a `schedule`.
    public var learningRate: Double
    /// When set, each `update` first sets `learningRate` to `schedule.rate(at: k)` for update k
    /// (counting from 0), as an Optax schedule does.
    public var schedule: LearningRateSchedule?
    /// The number of updates applied so far.
    public internal(set) var step = 0
    /// Whether `update` checks gradients before and parameters after each step for NaN/Inf.
    public var checksFinite = true

    var states: [ObjectIdentifier: State] = [:]

    /// One parameter's buffers (moments, velocities), `bufferCount` of them, each as long as the
    /// parameter and zero at first, stored end to end.
    final class State {
        let reference: ParameterReference
        let count: Int
        var storage: [Double]

        init(reference: ParameterReference, buffers: Int) {
            self.reference = reference
            count = reference.value.count
            storage = [Double](repeating: 0, count: count * buffers)
        }
    }

    /// An optimiser with the given step size.
    public init(learningRate: Double) {
        self.learningRate = learningRate
    }

    /// How many state buffers per parameter `apply` needs.
    open var bufferCount: Int { 0 }

    /// Saves the subclass's own settings for `savedState()`: returns what puts them back.
    open func savedSettings() -> () -> Void { {} }

    /// Changes `parameter` in place given its `gradient` and this parameter's state `buffers`
    /// (`bufferCount` of them, as long as the parameter), at step `step` (1-based).
    open func apply(parameter: UnsafeMutableBufferPointer<Double>, gradient: UnsafeBufferPointer<Double>,
                    buffers: [UnsafeMutableBufferPointer<Double>], step: Int) {
        let lr = learningRate
        for i in 0..<parameter.count { parameter[i] -= lr * gradient[i] }
    }

    /// One optimisation step: every parameter moves against its gradient. Throws
    /// `TrainingError.nonFinite` naming the step and tensor if a gradient or an updated parameter is
    /// NaN or infinite (the parameters are then left as they were before this step when the gradient is at fault).
    public func update(_ gradients: Gradients) throws {
        if let schedule { learningRate = schedule.rate(at: step) }
        step += 1
        if checksFinite { try gradients.checkFinite(step: step) }
        var states: [State] = []
        for (i, reference) in gradients.references.enumerated() {
            let gradient = gradients.tensors[i]
            guard gradient.shape == reference.value.shape else {
                throw TensorError.shapeMismatch(operation: "update \(gradients.names[i])", lhs: reference.value.shape, rhs: gradient.shape)
            }
            let id = ObjectIdentifier(reference)
            if let existing = self.states[id], existing.reference === reference, existing.count == gradient.count {
                states.append(existing)
            } else {
                let state = State(reference: reference, buffers: bufferCount)
                self.states[id] = state
                states.append(state)
            }
        }
        for (gradient, state) in zip(gradients.tensors, states) { applyOne(gradient, state) }
        if checksFinite {
            for (name, reference) in zip(gradients.names, gradients.references) where !reference.value.allFinite {
                throw TrainingError.nonFinite(step: step, tensor: "parameter \(name)", value: reference.value.firstNonFinite)
            }
        }
    }

    private func applyOne(_ gradient: Tensor, _ state: State) {
        let currentStep = step, buffers = bufferCount
        gradient.withUnsafeBufferPointer { g in
            state.reference.value.withUnsafeMutableBufferPointer { p in
                state.storage.withUnsafeMutableBufferPointer { s in
                    let views = (0..<buffers).map { b in
                        UnsafeMutableBufferPointer(rebasing: s[(b * state.count)..<((b + 1) * state.count)])
                    }
                    apply(parameter: p, gradient: g, buffers: views, step: currentStep)
                }
            }
        }
    }

    /// Forgets all state (moments, velocities) and the step count.
    public func reset() {
        states = [:]
        step = 0
    }
}

