import NeuralNetworks
import Tensors

/// A vector-quantised autoencoder (van den Oord, Vinyals & Kavukcuoglu, "Neural discrete representation
/// learning", NeurIPS 2017). The encoder maps each input to `latentCount` vectors of `codeSize`; each is
/// replaced by its nearest entry of a learned codebook of `codebookSize` codes, and the decoder rebuilds
/// the input from those. Gradients pass the quantiser straight through (`z_e + sg[z_q − z_e]`); the loss is
/// `‖x − x̂‖² + ‖sg[z_e] − z_q‖² + β‖z_e − sg[z_q]‖²` (reconstruction, codebook and commitment terms,
/// each a mean over elements).
///
///     let vq = try VQVAE(inputSize: 64, latentCount: 4, codebookSize: 32, seed: 1)
///     try vq.fit(digits.x, epochs: 30)
///     let usage = try vq.codebookUsage(digits.x)   // how many codes are used, and the perplexity
public final class VQVAE: Module {
    /// The map from an input to `latentCount · codeSize` numbers (the continuous codes `z_e`).
    public let encoder: MLP
    /// The map from `latentCount` quantised vectors, concatenated, back to an input.
    public let decoder: MLP
    /// The codebook, `[codebookSize, codeSize]`: one code vector per row.
    @Parameter public var codebook: Tensor
    /// The weight β of the commitment loss, which keeps the encoder's outputs near their codes.
    public var beta: Double
    /// How often each code was chosen at each position on the data of the last `fit`,
    /// `[latentCount, codebookSize]` with rows summing to 1 (uniform before training); `sample` draws from it.
    public private(set) var codeFrequencies: Tensor
    /// The losses recorded by `fit`, one per step: `"loss"` (the total), `"reconstruction"`, `"codebook"`,
    /// `"commitment"` (before weighting by β) and the batch's code `"perplexity"`.
    public private(set) var history = LossHistory()
    /// The number of vectors each input is encoded to.
    public let latentCount: Int
    /// Whether the codebook has been set from encoder outputs (done by the first `fit`, or by `load`).
    var codebookInitialized = false

    /// A VQ-VAE for rows of `inputSize` features, encoding each to `latentCount` vectors of `codeSize`
    /// quantised against `codebookSize` codes, with hidden layers `hiddenSizes` (reversed in the decoder),
    /// `activation` between layers, and commitment weight `beta`; weights drawn from `seed`.
    public init(inputSize: Int, latentCount: Int = 4, codeSize: Int = 8, codebookSize: Int = 32,
                hiddenSizes: [Int] = [128], beta: Double = 0.25, activation: Activation = .relu,
                seed: UInt64 = 0) throws {
        for (value, name) in [(inputSize, "inputSize"), (latentCount, "latentCount"), (codeSize, "codeSize"),
                              (codebookSize, "codebookSize")] + hiddenSizes.map({ ($0, "every hidden size") }) {
            try checkPositive(value, name, operation: "VQVAE")
        }
        guard beta >= 0, beta.isFinite else {
            throw ModelError.invalidArgument(model: "VQVAE", reason: "beta must be a non-negative number, got \(beta)")
        }
        let generator = RandomGenerator(seed: seed)
        let latentWidth = latentCount * codeSize
        encoder = try MLP(widths: [inputSize] + hiddenSizes + [latentWidth], activation: activation, using: generator)
        decoder = try MLP(widths: [latentWidth] + hiddenSizes.reversed() + [inputSize], activation: activation,
                          using: generator)
        let bound = 1 / Double(codebookSize)
        _codebook = Parameter(wrappedValue: try Tensor.randomUniform([codebookSize, codeSize], low: -bound, high: bound,
                                                                     using: generator))
        self.beta = beta
        self.latentCount = latentCount
        codeFrequencies = try Tensor.full([latentCount, codebookSize], value: 1 / Double(codebookSize))
    }

    public var namedParameters: [(name: String, parameter: ParameterReference)] {
        encoder.namedParameters.map { ("encoder.\($0.name)", $0.parameter) }
            + decoder.namedParameters.map { ("decoder.\($0.name)", $0.parameter) }
            + [("codebook", $codebook)]
    }

    /// The number of input features.
    public var inputSize: Int { encoder.widths[0] }
    /// The length of each code vector.
    public var codeSize: Int { codebook.shape[1] }
    /// The number of codes in the codebook.
    public var codebookSize: Int { codebook.shape[0] }

    /// The encoder's continuous outputs `z_e` for the rows of `x`: `[rows, latentCount, codeSize]`.
    public func encode(_ x: Tensor) throws -> Tensor {
        try checkRows(x, features: inputSize, operation: "VQVAE.encode")
        return try encoder(x).reshaped([x.shape[0], latentCount, codeSize])
    }

    /// The index of the nearest code for each of the `latentCount` vectors of each row of `x`:
    /// `[rows, latentCount]`, integral values in `0..<codebookSize`.
    public func codes(_ x: Tensor) throws -> Tensor {
        try checkRows(x, features: inputSize, operation: "VQVAE.codes")
        let z = try encoder(x)
        return try nearestCodes(z.reshaped([-1, codeSize])).reshaped([x.shape[0], latentCount])
    }

    /// The images the decoder makes from code indices `[rows, latentCount]` (values in `0..<codebookSize`).
    public func decode(codes: Tensor) throws -> Tensor {
        guard codes.rank == 2, codes.shape[1] == latentCount else {
            throw ModelError.invalidArgument(
                model: "VQVAE.decode", reason: "expected codes of shape [rows, \(latentCount)], got \(codes.shape)")
        }
        let integral = codes.scalars.allSatisfy { $0 == $0.rounded() && $0 >= 0 && $0 < Double(codebookSize) }
        guard integral else {
            throw ModelError.invalidArgument(
                model: "VQVAE.decode", reason: "codes must be whole numbers in 0..<\(codebookSize)")
        }
        let vectors = try codebook.take(codes.flattened(), axis: 0).reshaped([codes.shape[0], latentCount * codeSize])
        return try decoder(vectors)
    }

    /// Each row of `x` encoded, quantised to its nearest codes, and decoded.
    public func reconstruct(_ x: Tensor) throws -> Tensor {
        try decode(codes: try codes(x))
    }

    /// The mean squared reconstruction error per element (pixel) of `x`.
    public func reconstructionError(_ x: Tensor) throws -> Double {
        try Loss.meanSquaredError(try reconstruct(x), x).item
    }

    /// The three losses on the rows of `x` (each a mean over elements) and their total
    /// `reconstruction + codebook + β·commitment`.
    public func losses(_ x: Tensor) throws -> VQVAELosses {
        try checkRows(x, features: inputSize, operation: "VQVAE.losses")
        let terms = try objective(x)
        return VQVAELosses(total: try terms.total.item, reconstruction: try terms.reconstruction.item,
                           codebook: try terms.codebook.item, commitment: try terms.commitment.item)
    }

    /// Trains on the rows of `data` with Adam on shuffled mini-batches drawn from `seed`. The first fit
    /// starts the codebook at encoder outputs of randomly chosen rows (so that codes begin where the data
    /// is, and fewer go unused); afterwards `codeFrequencies` is set from the codes of `data`.
    public func fit(_ data: Tensor, epochs: Int = 30, batchSize: Int = 64, learningRate: Double = 3e-3,
                    seed: UInt64 = 0, progress: ProgressHandler? = nil) throws {
        let training = try AutoencoderTraining(model: "VQVAE", data: data, features: inputSize, epochs: epochs,
                                               batchSize: batchSize, learningRate: learningRate)
        let generator = RandomGenerator(seed: seed)
        if !codebookInitialized {
            try initializeCodebook(from: data, generator: generator)
        }
        try training.run(self, on: data, generator: generator, history: &history, progress: progress) { batch, parts in
            let terms = try self.objective(batch)
            parts.append(("reconstruction", try terms.reconstruction.item))
            parts.append(("codebook", try terms.codebook.item))
            parts.append(("commitment", try terms.commitment.item))
            parts.append(("perplexity", CodebookUsage(codes: terms.codes, codebookSize: self.codebookSize).perplexity))
            return terms.total
        }
        codeFrequencies = try frequencies(of: try codes(data))
    }

    /// The nearest code (squared Euclidean distance, first on ties) for each row of `vectors` `[m, codeSize]`.
    func nearestCodes(_ vectors: Tensor) throws -> Tensor {
        let v = vectors.detached, e = codebook.detached
        let distances = try (try v.square().sum(axis: 1, keepDims: true) - 2 * (try Tensor.matmul(v, e, transposeB: true)))
            + e.square().sum(axis: 1)
        return try distances.argmin(axis: 1)
    }

    /// The training objective on `x`, differentiable in every parameter: the straight-through
    /// reconstruction and the codebook and commitment terms, with the codes chosen.
    func objective(_ x: Tensor) throws -> (total: Tensor, reconstruction: Tensor, codebook: Tensor, commitment: Tensor,
                                           codes: [Int]) {
        let ze = try encoder(x)
        let indices = try nearestCodes(try ze.reshaped([-1, codeSize]))
        let zq = try codebook.take(indices, axis: 0).reshaped(ze.shape)
        let straightThrough = try ze + (try zq - ze).detached
        let reconstruction = try Loss.meanSquaredError(try decoder(straightThrough), x)
        let codebookLoss = try Loss.meanSquaredError(ze.detached, zq)
        let commitment = try Loss.meanSquaredError(ze, zq.detached)
        let total = try reconstruction + codebookLoss + commitment * beta
        return (total, reconstruction, codebookLoss, commitment, try indices.integerScalars())
    }

    /// Sets every code to the encoder output of a distinct randomly chosen vector of `data` (repeating
    /// with small jitter when the data has fewer vectors than codes).
    private func initializeCodebook(from data: Tensor, generator: RandomGenerator) throws {
        let vectors = try encoder(data).reshaped([-1, codeSize])
        let available = vectors.shape[0]
        let order = try generator.permutation(available)
        var rows: [Double] = []
        rows.reserveCapacity(codebookSize * codeSize)
        for k in 0..<codebookSize {
            let row = try vectors[order[k % available]].scalars
            rows += k < available ? row : row.map { $0 + 0.01 * generator.normal() }
        }
        codebook = try Tensor(shape: [codebookSize, codeSize], data: rows)
        codebookInitialized = true
    }

    /// The share of the rows of `codes` `[rows, latentCount]` choosing each code at each position.
    private func frequencies(of codes: Tensor) throws -> Tensor {
        let indices = try codes.integerScalars(), rows = codes.shape[0]
        var counts = [Double](repeating: 0, count: latentCount * codebookSize)
        for (i, code) in indices.enumerated() { counts[(i % latentCount) * codebookSize + code] += 1 }
        return try Tensor(shape: [latentCount, codebookSize], data: counts.map { $0 / Double(rows) })
    }

    /// Replaces `codeFrequencies` (when loading a checkpoint).
    func setCodeFrequencies(_ frequencies: Tensor) {
        codeFrequencies = frequencies
    }
}

/// A VQ-VAE's losses on some data, each a mean over elements.
public struct VQVAELosses: Sendable, Equatable {
    /// `reconstruction + codebook + β·commitment`, what `fit` minimises.
    public var total: Double
    /// The squared error of the reconstructions.
    public var reconstruction: Double
    /// `‖sg[z_e] − z_q‖²`: moves the codes towards the encoder's outputs.
    public var codebook: Double
    /// `‖z_e − sg[z_q]‖²` (before weighting by β): keeps the encoder's outputs near their codes.
    public var commitment: Double
}

extension VQVAE: StateSaving {
    /// The parameters (codebook included), β, the code frequencies, the history and whether the
    /// codebook has been initialised from data.
    public func savedState() -> SavedState {
        let (beta, codeFrequencies, history, codebookInitialized) = (self.beta, self.codeFrequencies, self.history, self.codebookInitialized)
        return .parameters(of: self) { [self] in
            (self.beta, self.codeFrequencies, self.history, self.codebookInitialized) = (beta, codeFrequencies, history, codebookInitialized)
        }
    }
}
