import Tensors

/// The mini-batch loop shared by the gradient-trained models: shuffled batches from a seed, one call
/// of `step` per batch, the progress handler after every step (its error stops the run), and the mean
/// loss of each epoch.
enum TrainingLoop {
    /// Runs `epochs` passes over `rows` rows in shuffled mini-batches of `batchSize` drawn from `seed`;
    /// `step` trains on one batch (the row indices) and returns its loss. After each epoch,
    /// `afterEpoch` (if given) gets the epoch and its mean loss and returns true to stop early.
    /// Returns each epoch's mean loss.
    static func run(
        model: String, rows: Int, epochs: Int, batchSize: Int, seed: UInt64,
        progress: ProgressHandler?, afterEpoch: ((Int, Double) throws -> Bool)? = nil, step: ([Int]) throws -> Double
    ) throws -> [Double] {
        guard rows >= 1 else { throw ModelError.invalidArgument(model: model, reason: "needs at least one row of training data") }
        guard epochs >= 0 else { throw ModelError.invalidArgument(model: model, reason: "epochs must be non-negative, got \(epochs)") }
        guard batchSize >= 1 else { throw ModelError.invalidArgument(model: model, reason: "batchSize must be positive, got \(batchSize)") }
        let batchesPerEpoch = (rows + batchSize - 1) / batchSize
        let totalSteps = epochs * batchesPerEpoch
        let generator = RandomGenerator(seed: seed)
        let clock = TrainingClock()
        var epochLosses: [Double] = []
        var stepsDone = 0
        for epoch in 1...max(epochs, 1) where epochs > 0 {
            var total = 0.0, weight = 0
            for batch in try generator.batches(count: rows, size: batchSize) {
                let loss = try step(batch)
                total += loss * Double(batch.count)
                weight += batch.count
                stepsDone += 1
                try progress?(TrainingProgress(
                    step: stepsDone, totalSteps: totalSteps, epoch: epoch, totalEpochs: epochs, loss: loss, seconds: clock.seconds))
            }
            epochLosses.append(total / Double(weight))
            if try afterEpoch?(epoch, total / Double(weight)) == true { break }
        }
        return epochLosses
    }

    /// Checks a learning rate.
    static func checkLearningRate(_ rate: Double, model: String) throws {
        guard rate > 0, rate.isFinite else {
            throw ModelError.invalidArgument(model: model, reason: "learningRate must be positive and finite, got \(rate)")
        }
    }
}
