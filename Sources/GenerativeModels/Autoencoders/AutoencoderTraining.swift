import NeuralNetworks
import Tensors

/// The loop behind every autoencoder's `fit`: Adam on shuffled mini-batches of the rows of `data`,
/// epoch after epoch, recording each step's loss and its named parts in a `LossHistory` and reporting
/// progress after every step (a handler's error, e.g. a notebook's timeout, stops training).
struct AutoencoderTraining {
    /// The model's name, for error messages (`"VAE"`).
    let model: String
    /// Passes over the data.
    let epochs: Int
    /// Rows per mini-batch (the last batch of an epoch may be smaller).
    let batchSize: Int
    /// Adam's step size.
    let learningRate: Double

    /// Checks the settings a user chose and that `data` is a finite `[rows, features]` matrix.
    init(model: String, data: Tensor, features: Int, epochs: Int, batchSize: Int, learningRate: Double) throws {
        let operation = "\(model).fit"
        guard data.rank == 2, data.shape[1] == features else {
            throw ModelError.invalidArgument(
                model: operation, reason: "expected data of shape [rows, \(features)], got \(data.shape)")
        }
        guard data.shape[0] > 0 else {
            throw ModelError.invalidArgument(model: operation, reason: "the training data has no rows")
        }
        guard data.allFinite else {
            throw ModelError.invalidArgument(model: operation, reason: "the data contains NaN or infinite values")
        }
        guard epochs >= 1 else {
            throw ModelError.invalidArgument(model: operation, reason: "epochs must be at least 1, got \(epochs)")
        }
        guard batchSize >= 1 else {
            throw ModelError.invalidArgument(model: operation, reason: "batchSize must be positive, got \(batchSize)")
        }
        guard learningRate > 0, learningRate.isFinite else {
            throw ModelError.invalidArgument(model: operation, reason: "learningRate must be positive, got \(learningRate)")
        }
        self.model = model
        self.epochs = epochs
        self.batchSize = batchSize
        self.learningRate = learningRate
    }

    /// Trains `module` on `data`: `loss(batch, &parts)` returns the scalar to minimise and appends its
    /// named parts (detached values) to `parts`; each step records `"loss"` and every part in `history`.
    func run(
        _ module: some Module, on data: Tensor, generator: RandomGenerator, history: inout LossHistory,
        progress: ProgressHandler?, loss: (Tensor, inout [(String, Double)]) throws -> Tensor
    ) throws {
        let rows = data.shape[0]
        let perEpoch = (rows + batchSize - 1) / batchSize
        let totalSteps = perEpoch * epochs
        let optimizer = Adam(learningRate: learningRate)
        let clock = TrainingClock()
        var step = 0
        for epoch in 1...epochs {
            for batch in try miniBatches(data, batchSize: batchSize, using: generator) {
                var parts: [(String, Double)] = []
                let (value, gradients) = try valueAndGrad(model: module) { try loss(batch, &parts) }
                try optimizer.update(gradients)
                let lossValue = try value.item
                history.record("loss", lossValue)
                for (name, part) in parts { history.record(name, part) }
                step += 1
                try progress?(TrainingProgress(step: step, totalSteps: totalSteps, epoch: epoch, totalEpochs: epochs,
                                               loss: lossValue, seconds: clock.seconds))
            }
        }
    }
}

/// Checks that `x` is a `[rows, features]` matrix for `operation`, or throws naming the shapes.
func checkRows(_ x: Tensor, features: Int, operation: String) throws {
    guard x.rank == 2, x.shape[1] == features else {
        throw ModelError.invalidArgument(model: operation, reason: "expected a tensor of shape [rows, \(features)], got \(x.shape)")
    }
}

/// Checks that a size a user chose is positive.
func checkPositive(_ value: Int, _ name: String, operation: String) throws {
    guard value >= 1 else {
        throw ModelError.invalidArgument(model: operation, reason: "\(name) must be positive, got \(value)")
    }
}
