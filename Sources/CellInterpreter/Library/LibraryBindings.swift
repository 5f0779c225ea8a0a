extension Registry {
    /// The model library's bindings (tensors, layers, models, figures), one file per family.
    /// Each family's `register…` function is called here as its library lands.
    func registerLibrary() {
        registerTensors()
        registerNeuralNetworks()
        registerFigures()
        registerHistory()
        registerTiming()
        registerData()
        registerExplicitDensityModels()
        registerAutoencoders()
        registerImplicitModels()
    }
}
