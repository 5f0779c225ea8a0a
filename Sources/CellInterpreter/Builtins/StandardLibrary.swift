extension Registry {
    /// The standard library as cells see it: one file per family of types.
    func registerStandardLibrary() {
        registerOperators()
        registerCoreFunctions()
        registerNumbers()
        registerStrings()
        registerSequences()
        registerArrays()
        registerDictionaries()
        registerRangesAndOperators()
    }

    /// The model library's bindings (tensors, layers, models, figures), one file per family.
    func registerLibrary() {
        registerLibraryTypes()
        registerTensors()
        registerNeuralNetworks()
        registerFigures()
        registerData()
        registerExplicitDensityModels()
        registerAutoregressiveModels()
        registerAutoencoders()
        registerImplicitModels()
    }
}

/// A step of a long-running library call, for a progress display.
public struct LibraryProgress: Sendable {
    /// The method that is running (`fit`, `sample`).
    public var label: String
    public var step: Int
    public var totalSteps: Int
    public var loss: Double
    public var seconds: Double

    public init(label: String, step: Int, totalSteps: Int, loss: Double, seconds: Double) {
        self.label = label
        self.step = step
        self.totalSteps = totalSteps
        self.loss = loss
        self.seconds = seconds
    }
}
