import Tensors

/// Everything about a model or optimiser that training and use can change, saved so that it can
/// be put back: a notebook tool rewinding a session to the state after an earlier cell, or an
/// experiment trying a change and undoing it. Tensors are kept as values, sharing their storage
/// until either side changes (copy-on-write), so saving costs little until training moves on.
///
///     let before = model.savedState()
///     try model.fit(x, epochs: 10)
///     before.restore()                // the model as it was
public struct SavedState {
    private let putBack: () -> Void

    /// A state that `restore` puts back by calling `restore`.
    public init(restore: @escaping () -> Void) {
        putBack = restore
    }

    /// Puts the object back as it was when the state was saved (as often as wanted).
    public func restore() { putBack() }

    /// A module's parameter values, and whatever `rest` puts back after them.
    public static func parameters(of module: some Module, and rest: @escaping () -> Void = {}) -> SavedState {
        let references = module.namedParameters.map(\.parameter)
        let values = references.map(\.value)
        return SavedState {
            for (reference, value) in zip(references, values) { reference.value = value }
            rest()
        }
    }
}

/// An object that can save its whole changeable state and put it back (`SavedState`).
public protocol StateSaving: AnyObject {
    /// The state now: after `restore()`, the object behaves exactly as it does at this moment.
    func savedState() -> SavedState
}

extension Linear: StateSaving {
    public func savedState() -> SavedState { .parameters(of: self) }
}

extension MLP: StateSaving {
    public func savedState() -> SavedState { .parameters(of: self) }
}

extension Embedding: StateSaving {
    public func savedState() -> SavedState { .parameters(of: self) }
}

extension Sequential: StateSaving {
    public func savedState() -> SavedState { .parameters(of: self) }
}

extension ActivationLayer: StateSaving {
    public func savedState() -> SavedState { SavedState {} }
}

extension Optimizer: StateSaving {
    /// The step count, the settings (the rate and its schedule) and every parameter's moment buffers.
    public func savedState() -> SavedState {
        let step = self.step, learningRate = self.learningRate, checksFinite = self.checksFinite, schedule = self.schedule
        let states = self.states
        let buffers = states.mapValues(\.storage)
        let settings = savedSettings()
        return SavedState { [self] in
            self.step = step
            self.learningRate = learningRate
            self.schedule = schedule
            self.checksFinite = checksFinite
            self.states = states
            for (id, state) in states { state.storage = buffers[id]! }
            settings()
        }
    }
}
