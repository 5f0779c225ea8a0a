import NeuralNetworks
import Tensors

/// A variational autoencoder (Kingma & Welling, "Auto-encoding variational Bayes", ICLR 2014): a Gaussian
/// encoder `q(z | x) = N(μ(x), diag σ²(x))`, a standard-normal prior `p(z)`, and a decoder `p(x | z)` that is
/// Bernoulli or Gaussian per pixel, trained by maximising the evidence lower bound with the
/// reparameterisation `z = μ + σ·ε`, `ε ~ N(0, I)`.
///
///     let vae = try VAE(inputSize: 64, latentSize: 2, seed: 1)
///     try vae.fit(digits.binarized, epochs: 50)
///     let bound = try vae.elbo(digits.binarized)          // reconstruction and KL in nats per image
///     let ll = try vae.logLikelihood(digits.binarized, samples: 100)
public final class VAE: Module {
    /// The shared hidden layers of the encoder (nil when `hiddenSizes` is empty).
    public let encoderBody: MLP?
    /// The affine map from the encoder's last hidden layer to the posterior means μ(x).
    public let meanHead: Linear
    /// The affine map from the encoder's last hidden layer to the posterior log-variances log σ²(x).
    public let logVarianceHead: Linear
    /// The map from a code to the parameters of `p(x | z)` (logits for Bernoulli, means for Gaussian).
    public let decoder: MLP
    /// The distribution of the pixels given a code.
    public let likelihood: DecoderLikelihood
    /// The losses recorded by `fit`, one per step, in nats per image: `"loss"` (the negative ELBO),
    /// `"reconstruction"` (`E_q log p(x | z)`) and `"kl"` (`KL(q(z | x) ‖ p(z))`).
    public private(set) var history = LossHistory()

    /// A VAE for rows of `inputSize` features with a `latentSize`-dimensional code, encoder hidden layers
    /// `hiddenSizes` (the decoder uses them reversed) with `activation`, and the decoder `likelihood`;
    /// weights drawn from `seed` with `initialization` (nil: `MLP`'s and `Linear`'s defaults, zero biases).
    public init(inputSize: Int, latentSize: Int = 2, hiddenSizes: [Int] = [128], activation: Activation = .relu,
                likelihood: DecoderLikelihood = .bernoulli, initialization: Initialization? = nil, seed: UInt64 = 0) throws {
        try checkPositive(inputSize, "inputSize", operation: "VAE")
        try checkPositive(latentSize, "latentSize", operation: "VAE")
        for h in hiddenSizes { try checkPositive(h, "every hidden size", operation: "VAE") }
        try likelihood.validate(nil, operation: "VAE")
        let generator = RandomGenerator(seed: seed)
        encoderBody = hiddenSizes.isEmpty
            ? nil
            : try MLP(widths: [inputSize] + hiddenSizes, activation: activation, outputActivation: activation,
                      initialization: initialization, using: generator)
        let bodyWidth = hiddenSizes.last ?? inputSize
        meanHead = try Linear(bodyWidth, latentSize, initialization: initialization ?? .xavierUniform, using: generator)
        logVarianceHead = try Linear(bodyWidth, latentSize, initialization: initialization ?? .xavierUniform, using: generator)
        decoder = try MLP(widths: [latentSize] + hiddenSizes.reversed() + [inputSize], activation: activation,
                          initialization: initialization, using: generator)
        self.likelihood = likelihood
    }

    public var namedParameters: [(name: String, parameter: ParameterReference)] {
        (encoderBody?.namedParameters.map { ("encoderBody.\($0.name)", $0.parameter) } ?? [])
            + meanHead.namedParameters.map { ("meanHead.\($0.name)", $0.parameter) }
            + logVarianceHead.namedParameters.map { ("logVarianceHead.\($0.name)", $0.parameter) }
            + decoder.namedParameters.map { ("decoder.\($0.name)", $0.parameter) }
    }

    /// The number of input features.
    public var inputSize: Int { decoder.layers[decoder.layers.count - 1].outputs }
    /// The size of the code.
    public var latentSize: Int { meanHead.outputs }

    /// The approximate posterior `q(z | x)` of each row of `x`: its means and log-variances, `[rows, latentSize]` each.
    public func encode(_ x: Tensor) throws -> GaussianCode {
        try checkRows(x, features: inputSize, operation: "VAE.encode")
        return try posterior(x)
    }

    /// The mean of `p(x | z)` for each row of codes `z` (pixel probabilities for a Bernoulli decoder).
    public func decode(_ z: Tensor) throws -> Tensor {
        try checkRows(z, features: latentSize, operation: "VAE.decode")
        return likelihood.mean(of: try decoder(z))
    }

    /// Each row of `x` decoded from its posterior mean: the mean of `p(x | z = μ(x))`.
    public func reconstruct(_ x: Tensor) throws -> Tensor {
        try decode(try encode(x).mean)
    }

    /// Trains on the rows of `data` by maximising the ELBO with Adam on shuffled mini-batches (one
    /// reparameterised sample per row); shuffles and noise come from `seed`. Records, per step, the
    /// negative ELBO as `"loss"` and its `"reconstruction"` and `"kl"` terms (nats per image) in `history`.
    public func fit(_ data: Tensor, epochs: Int = 50, batchSize: Int = 64, learningRate: Double = 3e-3,
                    seed: UInt64 = 0, progress: ProgressHandler? = nil) throws {
        let training = try AutoencoderTraining(model: "VAE", data: data, features: inputSize, epochs: epochs,
                                               batchSize: batchSize, learningRate: learningRate)
        try likelihood.validate(data, operation: "VAE.fit")
        let generator = RandomGenerator(seed: seed)
        try training.run(self, on: data, generator: generator, history: &history, progress: progress) { batch, parts in
            let (reconstruction, kl) = try self.boundTerms(batch, generator: generator)
            let r = reconstruction.mean(), k = kl.mean()
            parts.append(("reconstruction", try r.item))
            parts.append(("kl", try k.item))
            return try k - r
        }
    }

    /// Writes the weights to `path` (see `Checkpoint`).
    public func save(to path: String) throws {
        try Checkpoint.save(self, to: path)
    }

    /// Replaces the weights by those saved at `path`; throws `CheckpointError` if they do not fit this model.
    public func load(from path: String) throws {
        try Checkpoint.load(into: self, from: path)
    }

    /// `q(z | x)` without input checks (also used while tracked for gradients).
    func posterior(_ x: Tensor) throws -> GaussianCode {
        let h = try encoderBody.map { try $0(x) } ?? x
        return GaussianCode(mean: try meanHead(h), logVariance: try logVarianceHead(h))
    }

    /// One reparameterised draw per row: `log p(x | z)` at `z = μ + σ·ε`, and the closed-form
    /// `KL(q(z | x) ‖ N(0, I))`, each of shape `[rows]` and differentiable in the weights.
    func boundTerms(_ x: Tensor, generator: RandomGenerator) throws -> (reconstruction: Tensor, kl: Tensor) {
        let q = try posterior(x)
        let epsilon = try Tensor.randomNormal(q.mean.shape, using: generator)
        let z = try q.mean + (q.logVariance * 0.5).exp() * epsilon
        let reconstruction = try likelihood.logDensity(of: x, outputs: try decoder(z))
        let kl = try Loss.klDivergenceFromStandardNormal(mean: q.mean, logVariance: q.logVariance, reduction: .none)
            .sum(axis: 1)
        return (reconstruction, kl)
    }
}

/// A diagonal Gaussian over codes, one per row: what a VAE's encoder says about `z` given `x`.
public struct GaussianCode: Sendable {
    /// The means, `[rows, latentSize]`.
    public var mean: Tensor
    /// The log-variances, `[rows, latentSize]`.
    public var logVariance: Tensor

    /// The standard deviations `exp(½ log σ²)`.
    public var standardDeviation: Tensor { (logVariance * 0.5).exp() }
}

extension VAE: StateSaving {
    /// The parameters and the training history.
    public func savedState() -> SavedState { .parameters(of: self, history: \.history) }
}
