import NeuralNetworks
import Tensors

/// A generative adversarial network (Goodfellow et al., "Generative adversarial nets", NeurIPS 2014):
/// an MLP generator maps standard-normal noise to points; an MLP discriminator scores points as
/// real or generated; `fit` plays the two against each other with Adam (β₁ = 0.5, Radford et al. 2016).
///
///     let gan = try GAN(dataDimension: 2, seed: 1)
///     try gan.fit(Dataset.ring(), steps: 2000)
///     let points = try gan.sample(1000)
///     let score = try gan.discriminate(points)   // D(x) ∈ (0, 1)
public final class GAN: Module {
    /// Noise `z ∈ ℝ^latentDimension` → point `x ∈ ℝ^dataDimension`.
    public let generator: MLP
    /// Point → logit of "real"; `discriminate` applies the sigmoid.
    public let discriminator: MLP
    /// The dimension of the generator's noise input.
    public let latentDimension: Int
    /// The dimension of a data point.
    public let dataDimension: Int
    /// The generator's objective used by `fit`.
    public var loss: GANLoss
    /// Per generator step: "discriminator" and "generator" losses, and the mean scores
    /// "realScore" = D(x) and "fakeScore" = D(G(z)) on the last discriminator batch.
    public private(set) var history = LossHistory()
    /// The settings of the last `fit` (nil before the first).
    public internal(set) var lastFit: FitSettings?

    /// A GAN with hidden layers of `generatorWidths` and `discriminatorWidths` (any number, any
    /// widths; `[]` makes a linear map) and `activation` between layers. The generator ends in
    /// `outputActivation` (`.identity` for points in ℝ^d, `.sigmoid` for pixels in [0, 1]); the
    /// weights are drawn from `seed` with `initialization` (nil: `MLP`'s default).
    public init(dataDimension: Int, latentDimension: Int = 2, generatorWidths: [Int] = [64, 64],
                discriminatorWidths: [Int] = [64, 64], activation: Activation = .leakyRelu(slope: 0.2),
                outputActivation: Activation = .identity, loss: GANLoss = .nonSaturating,
                initialization: Initialization? = nil, seed: UInt64 = 0) throws {
        guard dataDimension > 0, latentDimension > 0 else {
            throw ModelError.invalidArgument(model: "GAN", reason: "dimensions must be positive, got data \(dataDimension), latent \(latentDimension)")
        }
        if let bad = (generatorWidths + discriminatorWidths).first(where: { $0 <= 0 }) {
            throw ModelError.invalidArgument(model: "GAN", reason: "hidden widths must be positive, got \(bad)")
        }
        let rng = RandomGenerator(seed: seed)
        generator = try MLP(widths: [latentDimension] + generatorWidths + [dataDimension], activation: activation,
                            outputActivation: outputActivation, initialization: initialization, using: rng.fork())
        discriminator = try MLP(widths: [dataDimension] + discriminatorWidths + [1], activation: activation,
                                initialization: initialization, using: rng.fork())
        self.latentDimension = latentDimension
        self.dataDimension = dataDimension
        self.loss = loss
    }

    public var namedParameters: [(name: String, parameter: ParameterReference)] {
        generator.namedParameters.map { ("generator.\($0.name)", $0.parameter) }
            + discriminator.namedParameters.map { ("discriminator.\($0.name)", $0.parameter) }
    }

    /// `count` generated points `[count, dataDimension]`, one pass through the generator from noise
    /// drawn with `seed`.
    public func sample(_ count: Int, seed: UInt64 = 0) throws -> Tensor {
        try generate(noise: try noise(count, using: RandomGenerator(seed: seed)))
    }

    /// The generator applied to given noise `[n, latentDimension]` (for latent walks).
    public func generate(noise z: Tensor) throws -> Tensor {
        guard z.rank == 2, z.shape[1] == latentDimension else {
            throw ModelError.invalidArgument(model: "GAN", reason: "expected noise of shape [n, \(latentDimension)], got \(z.shape)")
        }
        return try generator(z).detached
    }

    /// The discriminator's probability that each point of `x` (`[n, dataDimension]`) is real, shape `[n]`.
    /// At the optimum for a fixed generator it is p_data(x) / (p_data(x) + p_g(x)).
    public func discriminate(_ x: Tensor) throws -> Tensor {
        try logits(x, operation: "GAN.discriminate").sigmoid().detached
    }

    /// The discriminator's logits on `x`, shape `[n]` (tracked, for training).
    func logits(_ x: Tensor, operation: String = "GAN") throws -> Tensor {
        guard x.rank == 2, x.shape[1] == dataDimension else {
            throw ModelError.invalidArgument(
                model: operation, reason: "expected points of shape [n, \(dataDimension)], got \(x.shape)")
        }
        return try discriminator(x).reshaped([-1])
    }

    /// Standard-normal noise for `count` samples.
    func noise(_ count: Int, using rng: RandomGenerator) throws -> Tensor {
        guard count >= 0 else {
            throw ModelError.invalidArgument(model: "GAN", reason: "count must not be negative, got \(count)")
        }
        return try Tensor.randomNormal([count, latentDimension], using: rng)
    }

    /// Appends one step's figures to `history`.
    func record(discriminatorLoss: Double, generatorLoss: Double, realScore: Double, fakeScore: Double) {
        history.record("discriminator", discriminatorLoss)
        history.record("generator", generatorLoss)
        history.record("realScore", realScore)
        history.record("fakeScore", fakeScore)
    }

    /// Appends a discriminator-only step's loss to `history`.
    func recordDiscriminatorOnly(_ loss: Double) {
        history.record("discriminator", loss)
    }

    /// Writes both networks' weights to `path` (see `Checkpoint`).
    public func save(to path: String) throws {
        try Checkpoint.save(self, to: path)
    }

    /// Replaces both networks' weights with those saved at `path`; throws if the file's names or
    /// shapes do not match this GAN's architecture.
    public func load(from path: String) throws {
        try Checkpoint.load(into: self, from: path)
    }
}

extension GAN: StateSaving {
    /// Both networks' parameters, the loss and the training history.
    public func savedState() -> SavedState {
        let (loss, history) = (self.loss, self.history)
        return .parameters(of: self) { [self] in (self.loss, self.history) = (loss, history) }
    }
}
