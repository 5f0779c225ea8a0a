/// The settings of a model's last `fit`, kept on the model so that a page quotes what training
/// used (its steps, batch size and Adam's rate) instead of the library's defaults copied by hand.
public struct FitSettings: Equatable, Sendable {
    public var steps: Int
    public var batchSize: Int
    /// Adam's learning rate at the first step.
    public var learningRate: Double
    /// The rate the schedule falls to, linearly, by the last step; nil for a constant rate.
    public var finalLearningRate: Double?
    /// Adam's β₁ (β₂ is 0.999 throughout the library).
    public var beta1: Double

    public init(steps: Int, batchSize: Int, learningRate: Double, finalLearningRate: Double?, beta1: Double) {
        self.steps = steps
        self.batchSize = batchSize
        self.learningRate = learningRate
        self.finalLearningRate = finalLearningRate
        self.beta1 = beta1
    }
}
