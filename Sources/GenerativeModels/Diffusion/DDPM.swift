import NeuralNetworks
import Tensors

/// A denoising diffusion probabilistic model (Ho, Jain & Abbeel, NeurIPS 2020): a fixed forward process
/// adds Gaussian noise over T steps (`schedule`); an MLP ε̂(x_t, t), fed x_t beside a sinusoidal code
/// of t, learns to predict that noise with the simple loss ‖ε − ε̂‖²; sampling runs the process
/// backwards from pure noise, ancestrally over all T steps or with DDIM over fewer.
///
///     let ddpm = try DDPM(dataDimension: 2, seed: 1)
///     try ddpm.fit(Dataset.ring(), steps: 3000)
///     let points = try ddpm.sample(1000)
///     let fast = try ddpm.sampleDDIM(1000, steps: 50)
///
/// Data should be roughly on the noise's unit scale (e.g. pixels in [0, 1] mapped to [−1, 1]).
public final class DDPM: Module {
    /// The forward process: β₁ … β_T and ᾱ₁ … ᾱ_T.
    public let schedule: DiffusionSchedule
    /// The noise predictor: `[x_t, embedding(t)]` → ε̂.
    public let network: MLP
    /// The dimension of a data point.
    public let dataDimension: Int
    /// Per training step: "loss", the mean squared error of the predicted noise.
    public private(set) var history = LossHistory()
    /// The settings of the last `fit` (nil before the first).
    public internal(set) var lastFit: FitSettings?
    let timeEmbedding: TimeEmbedding

    /// A DDPM over points of `dataDimension` with a `schedule` of `steps` = T noising steps, an MLP with
    /// `hiddenWidths` and `activation`, a time code of length `timeEmbedding` (even), weights from `seed`.
    public init(dataDimension: Int, steps: Int = 1000, schedule: NoiseSchedule = .linear,
                hiddenWidths: [Int] = [64, 64, 64], activation: Activation = .silu, timeEmbedding: Int = 32,
                seed: UInt64 = 0) throws {
        guard dataDimension > 0 else {
            throw ModelError.invalidArgument(model: "DDPM", reason: "dataDimension must be positive, got \(dataDimension)")
        }
        if let bad = hiddenWidths.first(where: { $0 <= 0 }) {
            throw ModelError.invalidArgument(model: "DDPM", reason: "hidden widths must be positive, got \(bad)")
        }
        self.schedule = try DiffusionSchedule(schedule, steps: steps)
        self.timeEmbedding = try TimeEmbedding(steps: steps, dimension: timeEmbedding)
        network = try MLP(widths: [dataDimension + timeEmbedding] + hiddenWidths + [dataDimension],
                          activation: activation, using: RandomGenerator(seed: seed))
        self.dataDimension = dataDimension
    }

    public var namedParameters: [(name: String, parameter: ParameterReference)] {
        network.namedParameters.map { ("network.\($0.name)", $0.parameter) }
    }

    /// T, the number of noising steps.
    public var steps: Int { schedule.steps }

    /// A draw of x_t ~ q(x_t | x_0) = N(√ᾱ_t·x0, (1−ᾱ_t)·I) in closed form, for t in 0 … T, noise from `seed`.
    public func noised(_ x0: Tensor, t: Int, seed: UInt64 = 0) throws -> Tensor {
        try schedule.noised(x0, t: t, using: RandomGenerator(seed: seed))
    }

    /// The network's noise prediction ε̂(x, t) for states `x` (`[n, dataDimension]`), every row at step t.
    public func predictNoise(_ x: Tensor, t: Int) throws -> Tensor {
        try schedule.check(t, allowZero: false, operation: "DDPM.predictNoise")
        try checkPoints(x, operation: "DDPM.predictNoise")
        return try predict(x, steps: [Int](repeating: t, count: x.shape[0])).detached
    }

    /// ε̂ for rows at their own steps (tracked, for training).
    func predict(_ x: Tensor, steps: [Int]) throws -> Tensor {
        try network(try Tensor.concatenate([x, try timeEmbedding(steps)], axis: 1))
    }

    /// Throws unless `x` is `[n, dataDimension]`.
    func checkPoints(_ x: Tensor, operation: String) throws {
        guard x.rank == 2, x.shape[1] == dataDimension else {
            throw ModelError.invalidArgument(
                model: operation, reason: "expected points of shape [n, \(dataDimension)], got \(x.shape)")
        }
    }

    /// Appends one training step's loss to `history`.
    func record(loss: Double) {
        history.record("loss", loss)
    }

    /// Writes the network's weights to `path` (see `Checkpoint`).
    public func save(to path: String) throws {
        try Checkpoint.save(self, to: path)
    }

    /// Replaces the network's weights with those saved at `path`; throws if names or shapes differ.
    public func load(from path: String) throws {
        try Checkpoint.load(into: self, from: path)
    }
}

extension DDPM: StateSaving {
    /// The parameters and the training history.
    public func savedState() -> SavedState { .parameters(of: self, history: \.history) }
}
