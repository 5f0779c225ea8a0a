import Foundation
import NeuralNetworks
import Tensors

/// How a VQ-VAE spreads some data over its codebook.
public struct CodebookUsage: Sendable, Equatable, CustomStringConvertible {
    /// How many times each code was chosen, indexed by code.
    public var counts: [Int]
    /// The number of codes chosen at least once.
    public var used: Int
    /// `used` as a share of the codebook, in [0, 1].
    public var fraction: Double
    /// `exp(H)` of the code frequencies: the number of equally used codes that would give the same
    /// entropy (1 when one code takes everything, the codebook size when all are used equally).
    public var perplexity: Double

    /// The usage of `codes` (indices in `0..<codebookSize`).
    init(codes: [Int], codebookSize: Int) {
        var counts = [Int](repeating: 0, count: codebookSize)
        for code in codes { counts[code] += 1 }
        let total = Double(codes.count)
        var entropy = 0.0
        for c in counts where c > 0 {
            let p = Double(c) / total
            entropy -= p * Foundation.log(p)
        }
        self.counts = counts
        used = counts.filter { $0 > 0 }.count
        fraction = Double(used) / Double(codebookSize)
        perplexity = codes.isEmpty ? 0 : Foundation.exp(entropy)
    }

    public var description: String {
        "\(used) of \(counts.count) codes used, perplexity \(perplexity)"
    }
}

extension VQVAE {
    /// The codes chosen for every vector of every row of `x`, counted: usage and perplexity.
    public func codebookUsage(_ x: Tensor) throws -> CodebookUsage {
        CodebookUsage(codes: try codes(x).integerScalars(), codebookSize: codebookSize)
    }

    /// The perplexity of the code frequencies on `x` (see `CodebookUsage.perplexity`).
    public func perplexity(_ x: Tensor) throws -> Double {
        try codebookUsage(x).perplexity
    }

    /// `count` new images: each position's code drawn independently from `codeFrequencies` (the codes'
    /// frequencies on the training data), from `seed`, then decoded. A simple prior over codes; a learned
    /// autoregressive prior (as in the paper) would capture how positions go together.
    public func sample(_ count: Int, seed: UInt64 = 0) throws -> Tensor {
        try decode(codes: try sampleCodes(count, seed: seed))
    }

    /// `count` rows of code indices `[count, latentCount]` drawn as `sample` draws them.
    public func sampleCodes(_ count: Int, seed: UInt64 = 0) throws -> Tensor {
        try checkPositive(count, "count", operation: "VQVAE.sample")
        let probabilities = try codeFrequencies.broadcast(to: [count, latentCount, codebookSize])
        return try Tensor.categorical(probabilities: probabilities, using: RandomGenerator(seed: seed))
    }

    /// Writes the weights, the codebook and `codeFrequencies` to `path` (see `Checkpoint`).
    public func save(to path: String) throws {
        try Checkpoint.save(namedParameters.map { ($0.name, $0.parameter.value) } + [("codeFrequencies", codeFrequencies)],
                            to: path)
    }

    /// Replaces the weights, codebook and `codeFrequencies` by those saved at `path`; throws
    /// `CheckpointError` (changing nothing) if they do not fit this model.
    public func load(from path: String) throws {
        let frequencies = ParameterReference(codeFrequencies)
        try restoreCheckpoint(namedParameters + [("codeFrequencies", frequencies)], from: path)
        setCodeFrequencies(frequencies.value)
        codebookInitialized = true
    }
}

/// Replaces every target's value by the tensor of the same name in the checkpoint at `path`, after
/// checking that the names match exactly and the shapes agree (throws `CheckpointError.mismatch`
/// otherwise, changing nothing).
func restoreCheckpoint(_ targets: [(name: String, parameter: ParameterReference)], from path: String) throws {
    let stored = try Checkpoint.load(from: path)
    let wanted = Set(targets.map(\.name))
    let missing = targets.map(\.name).filter { stored[$0] == nil }
    let extra = stored.keys.filter { !wanted.contains($0) }.sorted()
    guard missing.isEmpty, extra.isEmpty else {
        let parts = (missing.isEmpty ? [] : ["missing " + missing.map { "'\($0)'" }.joined(separator: ", ")])
            + (extra.isEmpty ? [] : ["unexpected " + extra.map { "'\($0)'" }.joined(separator: ", ")])
        throw CheckpointError.mismatch(path: path, reason: parts.joined(separator: "; "))
    }
    for (name, reference) in targets where stored[name]!.shape != reference.value.shape {
        throw CheckpointError.mismatch(
            path: path, reason: "'\(name)' has shape \(stored[name]!.shape) in the file but \(reference.value.shape) in the model")
    }
    for (name, reference) in targets { reference.value = stored[name]! }
}
