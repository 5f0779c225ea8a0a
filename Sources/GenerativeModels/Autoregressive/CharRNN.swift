import Foundation
import NeuralNetworks
import Tensors

/// A character-level language model: an embedding, a recurrent layer (GRU, LSTM or tanh RNN) and a
/// linear read-out giving `p(x_t | x_<t)` over the vocabulary at every step. The chain rule
/// `log p(text) = Σ_t log p(x_t | x_<t)` is exact, from a start-of-text marker that precedes every
/// text; characters are Swift `Character`s, so a Chinese character is one character.
///
///     let notes = try Dataset.courseNotes()
///     let model = try CharRNN(vocabularyFrom: notes, cell: .gru, hidden: 128, seed: 1)
///     try model.fit(train, epochs: 10)
///     let bits = try model.bitsPerCharacter(test)
///     let text = try model.sample(length: 200, temperature: 0.8, seed: 2)
///
/// Training cuts the text into pieces of `sequenceLength` characters, each started from a zero state
/// (truncated backpropagation through time), and clips the gradient norm (5 by default), as
/// recurrent networks need.
///
/// Reference: A. Karpathy, "The Unreasonable Effectiveness of Recurrent Neural Networks", 2015 (char-rnn).
public final class CharRNN: Module {
    /// The recurrent cell kinds.
    public enum Cell: String, Sendable, CaseIterable {
        case gru, lstm, rnn
    }

    /// The vocabulary: token `k + 1` is `characters[k]`; token 0 is the start-of-text marker.
    public let characters: [Character]
    private let tokens: [Character: Int]
    public let cell: Cell
    public let hiddenSize: Int
    public let embeddingSize: Int
    /// The arithmetic of the gates' and the readout's matrix products, and of the gates' σ and tanh
    /// and the loss's exponentials in training: `float64` (default) or `float32` (PyTorch's
    /// precision, faster; see `ProductPrecision`).
    public let precision: ProductPrecision
    let embedding: Embedding
    let recurrent: Recurrent
    let readout: Linear
    /// Per epoch: "loss" (training cross-entropy, nats per character).
    public private(set) var history = LossHistory()

    /// A model over the distinct characters of `text` (sorted by their Unicode scalars), with a `cell`
    /// of `hidden` units fed `embedding`-dimensional character vectors; weights drawn from `seed` as
    /// PyTorch draws them.
    public init(vocabularyFrom text: String, cell: Cell = .gru, hidden: Int = 128, embedding: Int = 32,
                precision: ProductPrecision = .float64, seed: UInt64 = 0) throws {
        let distinct = Set(text).sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
        guard distinct.count >= 2 else {
            throw ModelError.invalidArgument(model: "CharRNN", reason: "the text must hold at least 2 distinct characters, got \(distinct.count)")
        }
        guard hidden >= 1, embedding >= 1 else {
            throw ModelError.invalidArgument(model: "CharRNN", reason: "hidden and embedding sizes must be positive, got \(hidden) and \(embedding)")
        }
        let rng = RandomGenerator(seed: seed)
        self.embedding = try Embedding(count: distinct.count + 1, dimensions: embedding, using: rng)
        let recurrentCell: any RecurrentCell = switch cell {
        case .gru: try GRUCell(embedding, hidden: hidden, using: rng)
        case .lstm: try LSTMCell(embedding, hidden: hidden, using: rng)
        case .rnn: try RNNCell(embedding, hidden: hidden, using: rng)
        }
        recurrent = Recurrent(recurrentCell)
        readout = try Linear(hidden, distinct.count, initialization: .pytorch, using: rng)
        recurrentCell.weights.precision = precision
        readout.precision = precision
        self.precision = precision
        characters = distinct
        tokens = Dictionary(uniqueKeysWithValues: distinct.enumerated().map { ($1, $0 + 1) })
        self.cell = cell
        hiddenSize = hidden
        embeddingSize = embedding
    }

    public var namedParameters: [(name: String, parameter: ParameterReference)] {
        embedding.namedParameters.map { ("embedding.\($0.name)", $0.parameter) }
            + recurrent.namedParameters.map { ("recurrent.\($0.name)", $0.parameter) }
            + readout.namedParameters.map { ("readout.\($0.name)", $0.parameter) }
    }

    /// The number of characters the model predicts.
    public var vocabularySize: Int { characters.count }

    /// The tokens of `text` (1…vocabularySize); throws naming the first character outside the vocabulary.
    public func encode(_ text: String) throws -> [Int] {
        var result: [Int] = []
        result.reserveCapacity(text.count)
        for (offset, c) in text.enumerated() {
            guard let t = tokens[c] else {
                let scalars = c.unicodeScalars.map { "U+" + String($0.value, radix: 16, uppercase: true) }.joined(separator: " ")
                throw ModelError.invalidArgument(
                    model: "CharRNN", reason: "character \(offset) of the text, '\(c)' (\(scalars)), is not in the model's vocabulary of \(vocabularySize)")
            }
            result.append(t)
        }
        return result
    }

    /// The state of one stream before any token is read.
    private func start() throws -> RecurrentState { try recurrent.cell.initialState(batch: 1) }

    /// One stream's state after reading `token` in `state` (generation and scoring, one token at a time).
    private func step(_ state: RecurrentState, reading token: Int) throws -> RecurrentState {
        try recurrent.cell(embed([token]), state)
    }

    /// The character vectors of one token per row.
    private func embed(_ tokens: [Int]) throws -> Tensor {
        try embedding.weight.take(tokens, axis: 0)
    }

    /// Trains by maximum likelihood: each epoch cuts the text (after the start marker) into pieces of
    /// `sequenceLength` characters, shuffles them with `seed`, and takes Adam steps on batches of
    /// `batchSize` pieces, the gradient's norm clipped to `clipNorm` (nil: no clipping).
    public func fit(
        _ text: String, epochs: Int = 10, sequenceLength: Int = 64, batchSize: Int = 32, learningRate: Double = 2e-3,
        clipNorm: Double? = 5, seed: UInt64 = 0, progress: ProgressHandler? = nil
    ) throws {
        guard sequenceLength >= 1 else {
            throw ModelError.invalidArgument(model: "CharRNN", reason: "sequenceLength must be positive, got \(sequenceLength)")
        }
        if let clipNorm, !(clipNorm > 0) {
            throw ModelError.invalidArgument(model: "CharRNN", reason: "clipNorm must be positive (or nil for none), got \(clipNorm)")
        }
        try TrainingLoop.checkLearningRate(learningRate, model: "CharRNN")
        let ids = [0] + (try encode(text))
        let pieces = (ids.count - 1) / sequenceLength
        guard pieces >= 1 else {
            throw ModelError.invalidArgument(
                model: "CharRNN", reason: "the text has \(ids.count - 1) characters, fewer than one sequence of \(sequenceLength)")
        }
        let optimizer = Adam(learningRate: learningRate)
        let losses = try TrainingLoop.run(
            model: "CharRNN", rows: pieces, epochs: epochs, batchSize: batchSize, seed: seed, progress: progress
        ) { batch in
            let starts = batch.map { $0 * sequenceLength }
            var targets: [Double] = []
            targets.reserveCapacity(batch.count * sequenceLength)
            for s in starts { for t in 1...sequenceLength { targets.append(Double(ids[s + t] - 1)) } }
            let labels = Tensor(targets)
            let (loss, grads) = try valueAndGrad(model: self) {
                let inputs = try self.embed(starts.flatMap { s in ids[s ..< s + sequenceLength] })
                let hidden = try self.recurrent(inputs.reshaped([batch.count, sequenceLength, self.embeddingSize]))  // [batch, time, hidden]
                let logits = try self.readout(hidden).reshaped([batch.count * sequenceLength, self.vocabularySize])
                return try Loss.crossEntropy(logits: logits, labels: labels, precision: self.precision)
            }
            try optimizer.update(clipNorm.map { try grads.clipped(maxNorm: $0) } ?? grads)
            return try loss.item
        }
        for l in losses { history.record("loss", l) }
    }

    /// `log p(text) = Σ_t log p(x_t | x_<t)` in nats, read in one pass from the start marker.
    public func logLikelihood(_ text: String) throws -> Double {
        let ids = try encode(text)
        var state = try start()
        var previous = 0, total = 0.0
        for id in ids {
            state = try step(state, reading: previous)
            total += try readout(state.hidden).logSoftmax(axis: 1).scalars[id - 1]
            previous = id
        }
        return total
    }

    /// The mean of `−log₂ p(x_t | x_<t)` over the characters of `text`: its bits per character.
    public func bitsPerCharacter(_ text: String) throws -> Double {
        guard !text.isEmpty else { throw ModelError.invalidArgument(model: "CharRNN", reason: "bitsPerCharacter needs a non-empty text") }
        return try -logLikelihood(text) / (Double(text.count) * Foundation.log(2.0))
    }

    /// `p(next character | prefix)` over `characters`, `[vocabularySize]`.
    public func probabilities(after prefix: String) throws -> Tensor {
        var state = try start()
        for id in [0] + (try encode(prefix)) { state = try step(state, reading: id) }
        return try readout(state.hidden).softmax(axis: 1).reshaped([vocabularySize])
    }

    /// `length` characters drawn one at a time after `prompt` (which is not repeated in the result),
    /// each from `p(x_t | x_<t)` with its logits divided by `temperature`: below 1 sharpens the
    /// distribution toward the likeliest characters, above 1 flattens it.
    public func sample(length: Int, temperature: Double = 1, prompt: String = "", seed: UInt64 = 0,
                       progress: ProgressHandler? = nil) throws -> String {
        guard length >= 0 else { throw ModelError.invalidArgument(model: "CharRNN", reason: "length must be non-negative, got \(length)") }
        guard temperature > 0, temperature.isFinite else {
            throw ModelError.invalidArgument(model: "CharRNN", reason: "temperature must be positive and finite, got \(temperature)")
        }
        let rng = RandomGenerator(seed: seed)
        var state = try start()
        let context = [0] + (try encode(prompt))
        for id in context.dropLast() { state = try step(state, reading: id) }
        var previous = context.last!
        var result = ""
        let clock = TrainingClock()
        for drawnSoFar in 0..<length {
            state = try step(state, reading: previous)
            let drawn = try Tensor.categorical(logits: readout(state.hidden) / temperature, using: rng).integerScalars()[0]
            result.append(characters[drawn])
            previous = drawn + 1
            try progress?(TrainingProgress(step: drawnSoFar + 1, totalSteps: length, epoch: 1, totalEpochs: 1, loss: .nan, seconds: clock.seconds))
        }
        return result
    }

    /// The bits per character of `test` under the unigram model of `train` (each character's frequency,
    /// one pseudo-count added to every character of either text): the baseline with no context.
    public static func unigramBitsPerCharacter(train: String, test: String) throws -> Double {
        guard !test.isEmpty else { throw ModelError.invalidArgument(model: "CharRNN", reason: "unigramBitsPerCharacter needs a non-empty test text") }
        var counts: [Character: Double] = [:]
        for c in Set(train).union(test) { counts[c] = 1 }
        for c in train { counts[c, default: 1] += 1 }
        let total = counts.values.reduce(0, +)
        var bits = 0.0
        for c in test { bits -= Foundation.log2(counts[c]! / total) }
        return bits / Double(test.count)
    }
}

extension CharRNN: StateSaving {
    /// The parameters and the training history.
    public func savedState() -> SavedState { .parameters(of: self, history: \.history) }
}
