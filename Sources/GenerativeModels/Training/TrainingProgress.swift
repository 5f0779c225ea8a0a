/// Where a training run (or a long sampling loop) stands, passed to a `ProgressHandler` after every step:
/// the notebook draws a progress bar from it and may stop the run by throwing.
public struct TrainingProgress: Sendable, Equatable {
    /// The steps completed so far (1 after the first optimiser step).
    public var step: Int
    /// The steps the whole run will take.
    public var totalSteps: Int
    /// The current epoch, counted from 1.
    public var epoch: Int
    /// The epochs the whole run will take.
    public var totalEpochs: Int
    /// The loss of the latest step (NaN when the loop has no loss, as in sampling).
    public var loss: Double
    /// Wall-clock seconds since the run began.
    public var seconds: Double

    /// A progress report; every field as named.
    public init(step: Int, totalSteps: Int, epoch: Int, totalEpochs: Int, loss: Double, seconds: Double) {
        self.step = step
        self.totalSteps = totalSteps
        self.epoch = epoch
        self.totalEpochs = totalEpochs
        self.loss = loss
        self.seconds = seconds
    }

    /// The completed fraction of the run, in [0, 1].
    public var fraction: Double {
        totalSteps > 0 ? min(1, max(0, Double(step) / Double(totalSteps))) : 1
    }
}

/// Called by every long `fit`/`train`/`sample` after each step. It may throw to stop the run (the
/// notebook interpreter does so at a cell's timeout); the error propagates out of the model's method.
public typealias ProgressHandler = (TrainingProgress) throws -> Void
