import GenerativeModels
import NeuralNetworks
import Tensors

extension Registry {
    /// The autoregressive models beyond MADE: PixelCNN for binary images and CharRNN for text.
    func registerAutoregressiveModels() {
        extend(libraryDecl("PixelCNN")) { t in
            t.staticMethod("init(height: Int = 8, width: Int = 8, channels: Int = 64, layers: Int = 4, firstKernel: Int = 5, positionBias: Bool = false, dropout: Double = 0, precision: String = \"float64\", seed: Int? = nil)",
                           doc: "A `firstKernel`×`firstKernel` type-A masked convolution, then `layers` residual 3×3 type-B layers of `channels` maps; `positionBias` adds a learned bias per map and pixel to each, `dropout` drops that fraction of each residual branch in training; precision \"float32\" multiplies in single precision, as PyTorch, and faster.") {
                (cx, height: Int, width: Int, channels: Int, layers: Int, firstKernel: Int, positionBias: Bool, dropout: Double, precision: String, seed: Int?) in
                try PixelCNN(height: height, width: width, channels: channels, layers: layers, firstKernel: firstKernel,
                             positionBias: positionBias, dropout: dropout, precision: try productPrecision(precision, cx), seed: try cx.seed(seed))
            }
            t.property("var positionBias: Bool", doc: "Whether each masked layer adds a learned bias per map and pixel.") { (m: PixelCNN) in m.positionBias }
            t.contextMethod("func fit(_ data: Tensor, validation: Tensor? = nil, epochs: Int = 60, batchSize: Int = 128, learningRate: Double = 0.001, patience: Int? = 10, seed: Int? = nil)",
                            doc: "Maximum likelihood with Adam; with validation rows, keeps the best epoch and stops after `patience` epochs without improvement.") {
                (cx, m: PixelCNN, x: Tensor, validation: Tensor?, epochs: Int, batch: Int, lr: Double, patience: Int?, seed: Int?) in
                try m.fit(x, validation: validation, epochs: epochs, batchSize: batch, learningRate: lr, patience: patience,
                          seed: try cx.seed(seed), progress: cx.progress("fit"))
                return Nothing()
            }
            t.method("func logLikelihood(_ x: Tensor) -> Tensor", doc: "Exact log p(x) of each binary image row, by the chain rule.") {
                (m: PixelCNN, x: Tensor) in try m.logLikelihood(x)
            }
            t.method("func negativeLogLikelihood(_ x: Tensor) -> Double", doc: "The mean −log p(x) per image, in nats.") {
                (m: PixelCNN, x: Tensor) in try m.negativeLogLikelihood(x)
            }
            t.method("func logits(_ x: Tensor) -> Tensor", doc: "The logit of p(x_i = 1 | x_<i) for every pixel, in one pass.") {
                (m: PixelCNN, x: Tensor) in try m.logits(x)
            }
            t.contextMethod("func sample(_ count: Int, seed: Int? = nil) -> Tensor", doc: "Draws images pixel by pixel in raster order (one pass per pixel).") {
                (cx, m: PixelCNN, n: Int, seed: Int?) in try m.sample(n, seed: try cx.seed(seed), progress: cx.progress("sample"))
            }
            t.method("func receptiveField(row: Int, column: Int) -> Tensor",
                     doc: "1 where the pixel's logit depends on an input pixel, from the masks; earlier pixels left at 0 are the blind spot.") {
                (m: PixelCNN, row: Int, column: Int) in try m.receptiveField(row: row, column: column)
            }
            t.staticMethod("static func mask(_ type: String, size: Int) -> Tensor",
                           doc: "PixelCNN's size×size kernel mask, type \"A\" (first layer: the centre dropped) or \"B\" (centre kept).") {
                (cx, type: String, size: Int) in
                guard let mask = ConvolutionMask(rawValue: type) else { throw cx.fail("unknown mask type '\(type)'; choose \"A\" or \"B\"") }
                return try mask.mask(height: size, width: size)
            }
            t.property("var bestEpoch: Int", doc: "The epoch whose parameters early stopping kept.") { (m: PixelCNN) in m.bestEpoch }
        }
        addTrainedModelMembers(libraryDecl("PixelCNN"), PixelCNN.self, save: { try $0.save(to: $1) },
                               load: { try $0.load(from: $1) }, history: { $0.history },
                               historyDoc: "Per epoch: \"loss\" (training NLL) and \"validation\" (with validation data), nats per image.")

        extend(libraryDecl("CharRNN")) { t in
            t.staticMethod("init(vocabularyFrom text: String, cell: String = \"gru\", hidden: Int = 128, embedding: Int = 32, precision: String = \"float64\", seed: Int? = nil)",
                           doc: "A character model over the characters of `text`; cell: \"gru\", \"lstm\" or \"rnn\" (tanh); precision \"float32\" multiplies, and computes the gates and the loss's exponentials, to single precision, as PyTorch, faster.") {
                (cx, text: String, cell: String, hidden: Int, embedding: Int, precision: String, seed: Int?) in
                guard let kind = CharRNN.Cell(rawValue: cell) else {
                    throw cx.fail("unknown cell '\(cell)'; choose \"gru\", \"lstm\" or \"rnn\"")
                }
                return try CharRNN(vocabularyFrom: text, cell: kind, hidden: hidden, embedding: embedding,
                                   precision: try productPrecision(precision, cx), seed: try cx.seed(seed))
            }
            t.contextMethod("func fit(_ text: String, epochs: Int = 10, sequenceLength: Int = 64, batchSize: Int = 32, learningRate: Double = 0.002, clipNorm: Double? = 5, seed: Int? = nil)",
                            doc: "Maximum likelihood on pieces of the text with Adam, the gradient norm clipped (truncated BPTT).") {
                (cx, m: CharRNN, text: String, epochs: Int, length: Int, batch: Int, lr: Double, clip: Double?, seed: Int?) in
                try m.fit(text, epochs: epochs, sequenceLength: length, batchSize: batch, learningRate: lr, clipNorm: clip,
                          seed: try cx.seed(seed), progress: cx.progress("fit"))
                return Nothing()
            }
            t.method("func logLikelihood(_ text: String) -> Double", doc: "log p(text) = Σ log p(x_t | x_<t) in nats, from the start of text.") {
                (m: CharRNN, text: String) in try m.logLikelihood(text)
            }
            t.method("func bitsPerCharacter(_ text: String) -> Double", doc: "The mean −log₂ p(x_t | x_<t) over the text's characters.") {
                (m: CharRNN, text: String) in try m.bitsPerCharacter(text)
            }
            t.method("func probabilities(after prefix: String) -> Tensor", doc: "p(next character | prefix) over `characters`.") {
                (m: CharRNN, prefix: String) in try m.probabilities(after: prefix)
            }
            t.contextMethod("func sample(length: Int, temperature: Double = 1, prompt: String = \"\", seed: Int? = nil) -> String",
                            doc: "Characters drawn one at a time after the prompt, logits divided by the temperature.") {
                (cx, m: CharRNN, length: Int, temperature: Double, prompt: String, seed: Int?) in
                try m.sample(length: length, temperature: temperature, prompt: prompt, seed: try cx.seed(seed), progress: cx.progress("sample"))
            }
            t.property("var characters: [String]", doc: "The vocabulary, in the order of `probabilities(after:)`.") { (m: CharRNN) in
                m.characters.map { String($0) }
            }
            t.staticMethod("static func unigramBitsPerCharacter(train: String, test: String) -> Double",
                           doc: "The baseline with no context: the test text's bits per character under the training text's character frequencies.") {
                (_, train: String, test: String) in try CharRNN.unigramBitsPerCharacter(train: train, test: test)
            }
        }
        addTrainedModelMembers(libraryDecl("CharRNN"), CharRNN.self, save: { try Checkpoint.save($0, to: $1) },
                               load: { try Checkpoint.load(into: $0, from: $1) }, history: { $0.history },
                               historyDoc: "Per epoch: \"loss\", the training cross-entropy in nats per character.")
    }
}

/// A cell's precision argument: "float64" or "float32" (`ProductPrecision`), anything else refused.
private func productPrecision(_ name: String, _ cx: LibraryContext) throws -> ProductPrecision {
    guard let precision = ProductPrecision(rawValue: name) else {
        throw cx.fail("unknown precision '\(name)'; choose \"float64\" or \"float32\"")
    }
    return precision
}
