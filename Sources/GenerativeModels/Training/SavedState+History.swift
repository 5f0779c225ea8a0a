import NeuralNetworks

extension SavedState {
    /// A model's parameters and its training history: the whole state of most models. The key
    /// path is formed where `history` can be set (in the model's own file).
    static func parameters<Model: Module>(of model: Model, history: ReferenceWritableKeyPath<Model, LossHistory>) -> SavedState {
        let saved = model[keyPath: history]
        return .parameters(of: model) { model[keyPath: history] = saved }
    }
}
