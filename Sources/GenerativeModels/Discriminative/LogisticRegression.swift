import NeuralNetworks
import Tensors

/// The discriminative counterpart of `GaussianClassifier`: multinomial logistic regression,
/// `p(y = k | x) = softmax(x·W + b)_k`, trained by minimising the cross-entropy (plus an L2 penalty
/// `½·l2·|W|²`) with Adam on mini-batches. It models only `p(y | x)`, so it cannot sample or score `x`.
///
///     let model = LogisticRegression()
///     try model.fit(train, epochs: 100)
///     let acc = try model.accuracy(test)
public final class LogisticRegression: Module {
    /// The weights, `[features, classes]` (empty before `fit`).
    @Parameter public var weight: Tensor = Tensor([Double]())
    /// The biases, `[classes]` (empty before `fit`).
    @Parameter public var bias: Tensor = Tensor([Double]())
    /// The strength of the L2 penalty on the weights.
    public let l2: Double
    /// The mean training loss (cross-entropy plus penalty) of every epoch, under "loss".
    public private(set) var history = LossHistory()

    /// An unfitted model with L2 penalty `l2` (≥ 0); the sizes come from the data at `fit`.
    public init(l2: Double = 1e-4) {
        self.l2 = l2
    }

    /// A model for `features` inputs and `classes` classes, starting at zero weights (for loading a checkpoint).
    public init(features: Int, classes: Int, l2: Double = 1e-4) throws {
        guard features >= 1, classes >= 2 else {
            throw ModelError.invalidArgument(model: "LogisticRegression", reason: "needs features ≥ 1 and classes ≥ 2, got \(features), \(classes)")
        }
        self.l2 = l2
        weight = try Tensor.zeros([features, classes])
        bias = try Tensor.zeros([classes])
    }

    public var namedParameters: [(name: String, parameter: ParameterReference)] {
        [("weight", $weight), ("bias", $bias)]
    }

    /// The number of classes (0 before `fit`).
    public var classCount: Int { bias.count }

    /// Trains on labelled data from zero weights: `epochs` passes of Adam over shuffled mini-batches
    /// drawn from `seed`, reporting every step to `progress`.
    public func fit(
        _ data: LabeledData, epochs: Int = 100, batchSize: Int = 128, learningRate: Double = 0.05,
        seed: UInt64 = 0, progress: ProgressHandler? = nil
    ) throws {
        try fit(data.x, labels: data.labels, epochs: epochs, batchSize: batchSize, learningRate: learningRate,
                seed: seed, progress: progress)
    }

    /// Trains on the rows of `x` with classes `labels` (see `fit(_:epochs:batchSize:learningRate:seed:progress:)`).
    public func fit(
        _ x: Tensor, labels: [Int], epochs: Int = 100, batchSize: Int = 128, learningRate: Double = 0.05,
        seed: UInt64 = 0, progress: ProgressHandler? = nil
    ) throws {
        let name = "LogisticRegression"
        try ModelError.checkMatrix(x, features: nil, minimumRows: 1, model: name)
        guard labels.count == x.shape[0], labels.allSatisfy({ $0 >= 0 }) else {
            throw ModelError.invalidArgument(model: name, reason: "needs one non-negative label per row; got \(labels.count) labels for \(x.shape[0]) rows")
        }
        guard l2 >= 0, l2.isFinite else { throw ModelError.invalidArgument(model: name, reason: "l2 must be non-negative, got \(l2)") }
        try TrainingLoop.checkLearningRate(learningRate, model: name)
        let classes = max(2, (labels.max() ?? 0) + 1)
        weight = try Tensor.zeros([x.shape[1], classes])
        bias = try Tensor.zeros([classes])
        history.removeAll()
        let optimizer = Adam(learningRate: learningRate)
        let labelTensor = Tensor(labels)
        let losses = try TrainingLoop.run(
            model: name, rows: x.shape[0], epochs: epochs, batchSize: batchSize, seed: seed, progress: progress
        ) { batch in
            let xb = try x.take(batch, axis: 0), yb = try labelTensor.take(batch, axis: 0)
            let (loss, grads) = try valueAndGrad(model: self) {
                let logits = try Tensor.affine(xb, self.weight, self.bias)
                return try Loss.crossEntropy(logits: logits, labels: yb) + 0.5 * self.l2 * self.weight.square().sum()
            }
            try optimizer.update(grads)
            return try loss.item
        }
        for l in losses { history.record("loss", l) }
    }

    /// The logits `x·W + b`, `[rows, classes]`.
    public func logits(_ x: Tensor) throws -> Tensor {
        guard classCount > 0 else { throw ModelError.notFitted(model: "LogisticRegression", method: "logits") }
        try ModelError.checkMatrix(x, features: weight.shape[0], model: "LogisticRegression")
        return try Tensor.affine(x, weight, bias)
    }

    /// The class probabilities `softmax(x·W + b)`, `[rows, classes]`.
    public func predictProbabilities(_ x: Tensor) throws -> Tensor {
        try logits(x).softmax(axis: 1)
    }

    /// The most probable class of every row.
    public func predict(_ x: Tensor) throws -> [Int] {
        try logits(x).argmax(axis: 1).integerScalars()
    }

    /// The fraction of rows of `data` whose class is predicted correctly.
    public func accuracy(_ data: LabeledData) throws -> Double {
        try accuracy(data.x, labels: data.labels)
    }

    /// The fraction of rows of `x` predicted as `labels`.
    public func accuracy(_ x: Tensor, labels: [Int]) throws -> Double {
        try Classification.accuracy(predict(x), labels, model: "LogisticRegression")
    }
}

extension LogisticRegression: StateSaving {
    /// The parameters and the training history.
    public func savedState() -> SavedState { .parameters(of: self, history: \.history) }
}
