import NeuralNetworks
import Tensors

/// A deterministic autoencoder: an MLP encoder through `widths` to a code, and a decoder back through the
/// same widths reversed, trained to reproduce its input under squared error.
///
/// With `.identity` activations it is linear, and its decoder then spans the principal subspace PCA
/// finds (Baldi & Hornik, "Neural networks and principal component analysis", 1989):
///
///     let ae = try Autoencoder(widths: [64, 32, 2], seed: 1)
///     try ae.fit(digits.x, epochs: 30)
///     let codes = try ae.encode(digits.x)
public final class Autoencoder: Module {
    /// The map from inputs to codes, through `widths`.
    public let encoder: MLP
    /// The map from codes back to inputs, through `widths` reversed.
    public let decoder: MLP
    /// The losses recorded by `fit`, one per step: `"loss"` (mean squared error per pixel).
    public private(set) var history = LossHistory()

    /// An autoencoder through `widths` (input first, code last, at least two), `activation` between
    /// layers (`.identity` makes it linear) and `outputActivation` on the reconstruction; weights drawn from `seed`.
    public init(widths: [Int], activation: Activation = .relu, outputActivation: Activation = .identity,
                seed: UInt64 = 0) throws {
        guard widths.count >= 2, widths.allSatisfy({ $0 >= 1 }) else {
            throw ModelError.invalidArgument(
                model: "Autoencoder", reason: "widths must list at least an input and a code size, all positive; got \(widths)")
        }
        let generator = RandomGenerator(seed: seed)
        encoder = try MLP(widths: widths, activation: activation, using: generator)
        decoder = try MLP(widths: widths.reversed(), activation: activation, outputActivation: outputActivation,
                          using: generator)
    }

    /// The linear autoencoder `inputSize → latentSize → inputSize` (one affine map each way), whose
    /// decoder learns the span of the top `latentSize` principal components.
    public static func linear(inputSize: Int, latentSize: Int, seed: UInt64 = 0) throws -> Autoencoder {
        try Autoencoder(widths: [inputSize, latentSize], activation: .identity, seed: seed)
    }

    public var namedParameters: [(name: String, parameter: ParameterReference)] {
        encoder.namedParameters.map { ("encoder.\($0.name)", $0.parameter) }
            + decoder.namedParameters.map { ("decoder.\($0.name)", $0.parameter) }
    }

    /// The number of input features.
    public var inputSize: Int { encoder.widths[0] }
    /// The size of the code.
    public var latentSize: Int { encoder.widths[encoder.widths.count - 1] }

    /// The codes of the rows of `x` (`[rows, inputSize]` → `[rows, latentSize]`).
    public func encode(_ x: Tensor) throws -> Tensor {
        try checkRows(x, features: inputSize, operation: "Autoencoder.encode")
        return try encoder(x)
    }

    /// The inputs the decoder makes from the codes `z` (`[rows, latentSize]` → `[rows, inputSize]`).
    public func decode(_ z: Tensor) throws -> Tensor {
        try checkRows(z, features: latentSize, operation: "Autoencoder.decode")
        return try decoder(z)
    }

    /// Each row of `x` encoded and decoded again.
    public func reconstruct(_ x: Tensor) throws -> Tensor {
        try decoder(try encode(x))
    }

    /// The mean squared reconstruction error per element (pixel) of `x`, the quantity `fit` minimises.
    public func reconstructionError(_ x: Tensor) throws -> Double {
        try Loss.meanSquaredError(try reconstruct(x), x).item
    }

    /// Trains on the rows of `data` with Adam on shuffled mini-batches drawn from `seed`, minimising the
    /// mean squared reconstruction error; appends one `"loss"` per step to `history`.
    public func fit(_ data: Tensor, epochs: Int = 30, batchSize: Int = 64, learningRate: Double = 3e-3,
                    seed: UInt64 = 0, progress: ProgressHandler? = nil) throws {
        let training = try AutoencoderTraining(model: "Autoencoder", data: data, features: inputSize, epochs: epochs,
                                               batchSize: batchSize, learningRate: learningRate)
        try training.run(self, on: data, generator: RandomGenerator(seed: seed), history: &history,
                         progress: progress) { batch, _ in
            try Loss.meanSquaredError(try self.decoder(try self.encoder(batch)), batch)
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
}

extension Autoencoder: StateSaving {
    /// The parameters and the training history.
    public func savedState() -> SavedState { .parameters(of: self, history: \.history) }
}
