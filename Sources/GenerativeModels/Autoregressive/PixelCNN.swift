import Foundation
import NeuralNetworks
import Tensors

/// PixelCNN (van den Oord et al., 2016) for binary images: a stack of masked convolutions whose
/// output at pixel `i` depends only on the pixels before `i` in raster order, so that its outputs
/// are the logits of `p(x_i | x_<i)` and `log p(x) = Σ_i log p(x_i | x_<i)` is exact. One type-A
/// layer (a pixel does not see itself), then residual type-B layers (`h ← h + ReLU(conv(h))`),
/// then a 1×1 convolution to one logit per pixel.
///
///     let model = try PixelCNN(height: 8, width: 8, channels: 64, layers: 4, seed: 1)
///     try model.fit(train, validation: valid, epochs: 100, patience: 10)
///     let nll = try model.negativeLogLikelihood(test)        // nats per image
///
/// Unlike MADE, the weights are shared across positions (a convolution), so the model has few
/// parameters, but each pixel sees only a window: `receptiveField` shows it, including the blind
/// spot to the upper right that stacked masked convolutions never reach.
///
/// References: A. van den Oord, N. Kalchbrenner, K. Kavukcuoglu, "Pixel Recurrent Neural Networks",
/// ICML 2016; A. van den Oord et al., "Conditional Image Generation with PixelCNN Decoders", NeurIPS 2016.
public final class PixelCNN: Module {
    public let height: Int, width: Int
    /// Feature maps per hidden layer.
    public let channels: Int
    /// Kernel sizes: the type-A layer's and the type-B layers'.
    public let firstKernel: Int, kernel: Int
    /// The arithmetic of the convolutions' matrix products: `float64` (default) or `float32`
    /// (PyTorch's precision, and faster; see `ProductPrecision`).
    public let precision: ProductPrecision
    /// Whether every masked layer adds a learned bias per map and position (`PositionBias`).
    public var positionBias: Bool { !positionBiases.isEmpty }
    /// Dropout on the residual branches in training (`Dropout`; 0: none).
    public let dropout: Dropout
    let first: Conv2d
    let residual: [Conv2d]
    let output: Conv2d
    /// With `positionBias`, one per masked layer (the first, then each residual one); else empty.
    let positionBiases: [PositionBias]
    /// Per epoch: "loss" (training NLL, nats per image) and, with validation data, "validation".
    public private(set) var history = LossHistory()
    /// The epoch whose parameters early stopping kept (0 before training with validation data).
    public private(set) var bestEpoch = 0

    /// A PixelCNN for `height`×`width` binary images with `layers` residual type-B layers of
    /// `channels` maps; weights drawn from `seed` as PyTorch draws them. `positionBias` adds a
    /// learned bias per map and position after every masked convolution (starting at zero);
    /// `dropout` zeroes that fraction of each residual branch's units in training.
    public init(height: Int = 8, width: Int = 8, channels: Int = 64, layers: Int = 4,
                firstKernel: Int = 5, kernel: Int = 3, positionBias: Bool = false, dropout: Double = 0,
                precision: ProductPrecision = .float64, seed: UInt64 = 0) throws {
        func check(_ ok: Bool, _ reason: String) throws {
            if !ok { throw ModelError.invalidArgument(model: "PixelCNN", reason: reason) }
        }
        try check(height >= 1 && width >= 1 && height * width >= 2, "needs an image of at least 2 pixels, got \(height)×\(width)")
        try check(channels >= 1, "channels must be positive, got \(channels)")
        try check(layers >= 0, "layers must be non-negative, got \(layers)")
        try check(firstKernel >= 3 && firstKernel % 2 == 1 && kernel >= 1 && kernel % 2 == 1,
                  "kernel sizes must be odd (the first at least 3, or it sees nothing), got \(firstKernel) and \(kernel)")
        try check(dropout >= 0 && dropout < 1, "dropout must lie in [0, 1), got \(dropout)")
        self.dropout = try Dropout(dropout)
        let rng = RandomGenerator(seed: seed)
        first = try Conv2d(1, channels, kernelSize: [firstKernel], padding: [firstKernel / 2], mask: .a, using: rng)
        residual = try (0..<layers).map { _ in
            try Conv2d(channels, channels, kernelSize: [kernel], padding: [kernel / 2], mask: .b, using: rng)
        }
        output = try Conv2d(channels, 1, kernelSize: [1], using: rng)
        for layer in [first] + residual + [output] { layer.precision = precision }
        positionBiases = positionBias
            ? try (0...layers).map { _ in try PositionBias(channels: channels, height: height, width: width) } : []
        (self.height, self.width, self.channels, self.firstKernel, self.kernel) = (height, width, channels, firstKernel, kernel)
        self.precision = precision
    }

    public var namedParameters: [(name: String, parameter: ParameterReference)] {
        func named(_ prefix: String, _ layer: Conv2d) -> [(name: String, parameter: ParameterReference)] {
            layer.namedParameters.map { ("\(prefix).\($0.name)", $0.parameter) }
        }
        func biased(_ prefix: String, _ index: Int) -> [(name: String, parameter: ParameterReference)] {
            positionBiases.isEmpty ? [] : positionBiases[index].namedParameters.map { ("\(prefix).\($0.name)", $0.parameter) }
        }
        return named("first", first) + biased("first", 0)
            + residual.enumerated().flatMap { named("residual.\($0.offset)", $0.element) + biased("residual.\($0.offset)", $0.offset + 1) }
            + named("output", output)
    }

    /// Pixels per image.
    public var pixels: Int { height * width }

    /// The logits of `p(x_i = 1 | x_<i)` for rows of `x` `[rows, height·width]` (raster order), same shape.
    public func logits(_ x: Tensor) throws -> Tensor {
        try checkShape(x, method: "logits")
        return try logits(x, dropoutDraws: nil)
    }

    /// The logits, with dropout on the residual branches drawn from `dropoutDraws` (training) or
    /// none (nil: evaluation).
    private func logits(_ x: Tensor, dropoutDraws: RandomGenerator?) throws -> Tensor {
        func biased(_ z: Tensor, _ index: Int) throws -> Tensor { positionBiases.isEmpty ? z : try positionBiases[index](z) }
        var h = try biased(first(x.reshaped([x.shape[0], 1, height, width])), 0).relu()
        for (i, layer) in residual.enumerated() {
            let branch = try biased(layer(h), i + 1).relu()
            h = try h + (dropoutDraws.map { try dropout(branch, using: $0) } ?? branch)
        }
        return try output(h).reshaped([x.shape[0], pixels])
    }

    /// `log p(x)` of every row of binary `x`, `[rows]`, in nats; exact.
    public func logLikelihood(_ x: Tensor) throws -> Tensor {
        try checkBinary(x, method: "logLikelihood")
        return try -Loss.binaryCrossEntropy(logits: logits(x), targets: x, reduction: .none).sum(axis: 1)
    }

    /// The mean negative log-likelihood of the rows of binary `x`, in nats per image (evaluated in
    /// batches of 256 so that large sets fit in memory).
    public func negativeLogLikelihood(_ x: Tensor) throws -> Double {
        try checkBinary(x, method: "negativeLogLikelihood")
        let rows = x.shape[0]
        guard rows > 0 else { return .nan }
        var total = 0.0
        for start in stride(from: 0, to: rows, by: 256) {
            total += try -logLikelihood(x[start..<min(rows, start + 256)]).sum().item
        }
        return total / Double(rows)
    }

    /// Trains by maximum likelihood with Adam on shuffled mini-batches drawn from `seed`. With
    /// `validation` rows, measures their NLL after every epoch, keeps the parameters of the best
    /// epoch (restored at the end) and stops when `patience` epochs pass without improvement
    /// (early stopping); `patience: nil` trains all `epochs`.
    public func fit(
        _ data: Tensor, validation: Tensor? = nil, epochs: Int = 60, batchSize: Int = 128, learningRate: Double = 1e-3,
        patience: Int? = 10, seed: UInt64 = 0, progress: ProgressHandler? = nil
    ) throws {
        try checkBinary(data, method: "fit")
        if let validation { try checkBinary(validation, method: "fit(validation:)") }
        try TrainingLoop.checkLearningRate(learningRate, model: "PixelCNN")
        if let patience, patience < 1 {
            throw ModelError.invalidArgument(model: "PixelCNN", reason: "patience must be at least 1 epoch, got \(patience)")
        }
        let optimizer = Adam(learningRate: learningRate)
        // Dropout's draws: a stream of their own, so that the batches are those of a model without.
        let dropoutDraws = dropout.probability > 0 ? RandomGenerator(seed: seed).fork() : nil
        var best = (nll: Double.infinity, epoch: 0, state: savedState())
        let startEpoch = history["loss"].count
        _ = try TrainingLoop.run(
            model: "PixelCNN", rows: data.shape[0], epochs: epochs, batchSize: batchSize, seed: seed, progress: progress,
            afterEpoch: { epoch, loss in
                self.history.record("loss", loss)
                guard let validation else { return false }
                let nll = try self.negativeLogLikelihood(validation)
                self.history.record("validation", nll)
                if nll < best.nll {
                    best = (nll, startEpoch + epoch, self.savedState())
                    return false
                }
                return patience.map { startEpoch + epoch - best.epoch >= $0 } ?? false
            }
        ) { batch in
            let xb = try data.take(batch, axis: 0)
            let (loss, grads) = try valueAndGrad(model: self) {
                try Loss.binaryCrossEntropy(logits: self.logits(xb, dropoutDraws: dropoutDraws), targets: xb, reduction: .sum) / Double(batch.count)
            }
            try optimizer.update(grads)
            return try loss.item
        }
        if validation != nil && best.epoch > 0 {
            let history = self.history
            best.state.restore()
            self.history = history
            bestEpoch = best.epoch
        }
    }

    /// `count` images drawn pixel by pixel in raster order, each from `p(x_i | x_<i)` given those
    /// already drawn: `height·width` passes of the network over the whole batch. Rows of `[count, height·width]`.
    public func sample(_ count: Int, seed: UInt64 = 0, progress: ProgressHandler? = nil) throws -> Tensor {
        guard count >= 0 else { throw ModelError.invalidArgument(model: "PixelCNN", reason: "count must be non-negative, got \(count)") }
        let rng = RandomGenerator(seed: seed)
        var x = try Tensor.zeros([count, pixels])
        let clock = TrainingClock()
        for i in 0..<pixels {
            let p = try logits(x)[TensorIndex.all, i].sigmoid()
            try x.replace(TensorIndex.all, i, with: Tensor.bernoulli(p, using: rng))
            try progress?(TrainingProgress(step: i + 1, totalSteps: pixels, epoch: 1, totalEpochs: 1, loss: .nan, seconds: clock.seconds))
        }
        return x
    }

    /// Which input pixels the logit of pixel (`row`, `column`) depends on: `[height, width]` with 1
    /// where it does. Computed from the masks alone (the connectivity of the network, whatever its
    /// weights): every pixel marked comes before (`row`, `column`) in raster order, and the earlier
    /// pixels left unmarked are the blind spot of stacked masked convolutions.
    public func receptiveField(row: Int, column: Int) throws -> Tensor {
        guard (0..<height).contains(row), (0..<width).contains(column) else {
            throw ModelError.invalidArgument(model: "PixelCNN", reason: "pixel (\(row), \(column)) is outside the \(height)×\(width) image")
        }
        // Walk back from the output: the positions each layer's output is needed at, then its input.
        var needed = [Bool](repeating: false, count: pixels)
        needed[row * width + column] = true
        func through(_ layer: Conv2d, keep: Bool) throws {
            let mask = try layer.mask.map(\.scalars) ?? [Double](repeating: 1, count: layer.kernelSize[0] * layer.kernelSize[1])
            let (kh, kw) = (layer.kernelSize[0], layer.kernelSize[1])
            var reached = keep ? needed : [Bool](repeating: false, count: pixels)
            for p in 0..<pixels where needed[p] {
                let (r, c) = (p / width, p % width)
                for i in 0..<kh {
                    for j in 0..<kw where mask[i * kw + j] != 0 {
                        let (rr, cc) = (r + i - kh / 2, c + j - kw / 2)
                        if (0..<height).contains(rr) && (0..<width).contains(cc) { reached[rr * width + cc] = true }
                    }
                }
            }
            needed = reached
        }
        for layer in residual.reversed() { try through(layer, keep: true) }
        try through(first, keep: false)
        return try Tensor(shape: [height, width], data: needed.map { $0 ? 1 : 0 })
    }

    private func checkShape(_ x: Tensor, method: String) throws {
        guard x.rank == 2, x.shape[1] == pixels else {
            throw ModelError.invalidArgument(
                model: "PixelCNN", reason: "\(method): expected rows of \(pixels) pixels (\(height)×\(width) in raster order), got shape \(x.shape)")
        }
    }

    private func checkBinary(_ x: Tensor, method: String) throws {
        try checkShape(x, method: method)
        guard x.scalars.allSatisfy({ $0 == 0 || $0 == 1 }) else {
            throw ModelError.invalidArgument(model: "PixelCNN", reason: "\(method): the data must be binary (0 or 1); use `binarized` for images")
        }
    }
}

extension PixelCNN {
    /// Writes the parameters and the training record (the per-epoch "loss" and "validation" NLL
    /// and the epoch early stopping kept) to a checkpoint file, so that a model trained once can
    /// be loaded with its learning curve.
    public func save(to path: String) throws {
        var tensors = namedParameters.map { ($0.name, $0.parameter.value) }
        for name in history.names { tensors.append(("history.\(name)", Tensor(history[name]))) }
        tensors.append(("bestEpoch", Tensor(Double(bestEpoch))))
        try Checkpoint.save(tensors, to: path)
    }

    /// Replaces the parameters (and the training record, when the file holds one) with those saved
    /// at `path`; throws, changing nothing, unless the parameters' names and shapes match this model's.
    public func load(from path: String) throws {
        var stored = try Checkpoint.load(from: path)
        var record = LossHistory()
        for key in stored.keys.sorted() where key.hasPrefix("history.") {
            for value in stored.removeValue(forKey: key)!.scalars { record.record(String(key.dropFirst("history.".count)), value) }
        }
        let best = stored.removeValue(forKey: "bestEpoch")
        try Checkpoint.restore(namedParameters.map { ($0.name, $0.parameter) }, from: stored, path: path)
        history = record
        bestEpoch = best.map { Int($0.scalars[0]) } ?? 0
    }
}

extension PixelCNN: StateSaving {
    /// The parameters, the training history and the epoch early stopping kept.
    public func savedState() -> SavedState {
        let history = self.history, bestEpoch = self.bestEpoch
        return .parameters(of: self) {
            self.history = history
            self.bestEpoch = bestEpoch
        }
    }
}
