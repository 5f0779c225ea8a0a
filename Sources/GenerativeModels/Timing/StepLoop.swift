import Tensors

/// The bookkeeping shared by the step-based trainers (counted in optimiser steps rather than epochs) (GAN, DDPM): shuffled mini-batches drawn epoch
/// after epoch from a seeded generator, the step and epoch counters, and the progress report made
/// after every step (whose error, e.g. a notebook's timeout, stops training).
struct StepLoop {
    /// The rows of the training set.
    let rows: Int
    /// The rows per mini-batch (the last batch of an epoch may be smaller).
    let batchSize: Int
    /// The optimiser steps this run will take.
    let totalSteps: Int
    /// The source of every shuffle.
    let generator: RandomGenerator
    /// Called after every step, or nil.
    let progress: ProgressHandler?

    private var pending: [[Int]] = []
    private(set) var epoch = 0
    private(set) var step = 0
    private let start = MonotonicClock.nanoseconds()

    /// A loop over `rows` rows in batches of `batchSize` for `totalSteps` steps; throws for sizes a
    /// user got wrong, naming `model`.
    init(model: String, rows: Int, batchSize: Int, totalSteps: Int, generator: RandomGenerator,
         progress: ProgressHandler?) throws {
        guard rows > 0 else {
            throw ModelError.invalidArgument(model: model, reason: "the training data has no rows")
        }
        guard batchSize > 0 else {
            throw ModelError.invalidArgument(model: model, reason: "batchSize must be positive, got \(batchSize)")
        }
        guard totalSteps >= 0 else {
            throw ModelError.invalidArgument(model: model, reason: "steps must not be negative, got \(totalSteps)")
        }
        self.rows = rows
        self.batchSize = batchSize
        self.totalSteps = totalSteps
        self.generator = generator
        self.progress = progress
    }

    /// Epochs this run spans (at least one), counting a partial last epoch.
    var totalEpochs: Int {
        let perEpoch = (rows + batchSize - 1) / batchSize
        return max(1, (totalSteps + perEpoch - 1) / perEpoch)
    }

    /// The row indices of the next mini-batch, starting a new shuffled epoch when one runs out.
    mutating func nextBatch() throws -> [Int] {
        if pending.isEmpty {
            pending = try generator.batches(count: rows, size: batchSize).reversed()
            epoch += 1
        }
        return pending.removeLast()
    }

    /// Counts one finished step and reports it with its `loss`; rethrows the handler's error.
    mutating func finishStep(loss: Double) throws {
        step += 1
        guard let progress else { return }
        let seconds = Double(MonotonicClock.nanoseconds() - start) / 1e9
        try progress(TrainingProgress(step: step, totalSteps: totalSteps, epoch: epoch, totalEpochs: totalEpochs,
                                      loss: loss, seconds: seconds))
    }
}

/// Checks that `data` is a finite `[rows, dimension]` matrix with at least one row, for `model`'s `fit`.
func validateTrainingData(_ data: Tensor, dimension: Int, model: String) throws {
    try ModelError.checkMatrix(data, features: dimension, minimumRows: 1, model: model)
}
