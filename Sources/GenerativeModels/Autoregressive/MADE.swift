import Foundation
import NeuralNetworks
import Tensors

/// MADE, the masked autoencoder for distribution estimation (Germain et al., 2015): an MLP whose weight
/// masks make output `i` depend only on the inputs that come before `i` in an ordering, so that its
/// outputs are the logits of `p(x_i | x_<i)` and `log p(x) = Σ_i log p(x_i | x_<i)` is exact for binary
/// vectors. With several orderings (and masks) the model is their equal mixture, still exact.
///
///     let made = try MADE(inputs: 64, hidden: [256], seed: 1)
///     try made.fit(digits.binarized, epochs: 20)
///     let nll = try -made.logLikelihood(digits.binarized).mean().item   // nats per image
///
/// References: M. Germain, K. Gregor, I. Murray, H. Larochelle, "MADE: Masked Autoencoder for
/// Distribution Estimation", ICML 2015.
public final class MADE: Module {
    /// The number of binary inputs `D`.
    public let inputs: Int
    /// The hidden layer widths.
    public let hidden: [Int]
    /// The affine layers, input first; their weights are multiplied by the masks of an ordering.
    let layers: [Linear]
    /// For every ordering, each input's position in it (its degree, 1…D).
    public let degrees: [[Int]]
    /// For every ordering, the degrees of every layer's units: the inputs, each hidden layer, the
    /// outputs (an output has its input's degree and sees hidden units of smaller degree only).
    public let unitDegrees: [[[Int]]]
    /// For every ordering, the 0/1 mask of every layer's weight (`[in, out]`): 1 where the
    /// layer's output unit may see its input unit. A picture of the connections draws these.
    public let masks: [[Tensor]]
    /// The mean training negative log-likelihood (nats per row) of every epoch, under "loss".
    public private(set) var history = LossHistory()

    /// A MADE on `inputs` binary variables with ReLU hidden layers of `hidden` widths and `orderings`
    /// orderings: the first is the natural order `0, 1, …`, the others random permutations. Hidden units'
    /// degrees and the weights are drawn from `seed` (so a checkpoint loads into a model made with the
    /// same arguments).
    public init(inputs: Int = 64, hidden: [Int] = [512], orderings: Int = 1, seed: UInt64 = 0) throws {
        guard inputs >= 2 else { throw ModelError.invalidArgument(model: "MADE", reason: "needs at least 2 inputs, got \(inputs)") }
        guard !hidden.isEmpty, hidden.allSatisfy({ $0 >= 1 }) else {
            throw ModelError.invalidArgument(model: "MADE", reason: "needs at least one hidden layer of positive width, got \(hidden)")
        }
        guard orderings >= 1 else { throw ModelError.invalidArgument(model: "MADE", reason: "orderings must be at least 1, got \(orderings)") }
        let rng = RandomGenerator(seed: seed)
        let widths = [inputs] + hidden + [inputs]
        layers = try (0..<(widths.count - 1)).map { i in
            try Linear(widths[i], widths[i + 1], initialization: i == widths.count - 2 ? .xavierUniform : .kaimingUniform(gain: Activation.relu.gain),
                       using: rng)
        }
        var allDegrees: [[Int]] = [], allUnitDegrees: [[[Int]]] = [], allMasks: [[Tensor]] = []
        for k in 0..<orderings {
            let order = k == 0 ? Array(0..<inputs) : try rng.permutation(inputs)
            var inputDegrees = [Int](repeating: 0, count: inputs)
            for (position, input) in order.enumerated() { inputDegrees[input] = position + 1 }
            var previous = inputDegrees
            var layerMasks: [Tensor] = []
            var layers = [inputDegrees]
            for width in hidden {
                // A hidden unit of degree m may see inputs of degree ≤ m; degrees lie in [min previous, D − 1].
                let low = previous.min()!
                let unitDegrees = try (0..<width).map { _ in low + (try rng.integer(below: inputs - low)) }
                layerMasks.append(try Self.mask(from: previous, to: unitDegrees, strict: false))
                previous = unitDegrees
                layers.append(unitDegrees)
            }
            // Output i (degree d_i) may see hidden units of degree < d_i only.
            layerMasks.append(try Self.mask(from: previous, to: inputDegrees, strict: true))
            allDegrees.append(inputDegrees)
            allUnitDegrees.append(layers + [inputDegrees])
            allMasks.append(layerMasks)
        }
        self.inputs = inputs
        self.hidden = hidden
        degrees = allDegrees
        unitDegrees = allUnitDegrees
        masks = allMasks
    }

    /// The `[from.count, to.count]` mask with 1 where unit `j` of degree `to[j]` may see unit `i`:
    /// `to[j] ≥ from[i]` (or `>` when `strict`).
    static func mask(from: [Int], to: [Int], strict: Bool) throws -> Tensor {
        var values: [Double] = []
        values.reserveCapacity(from.count * to.count)
        for a in from {
            for b in to { values.append((strict ? b > a : b >= a) ? 1 : 0) }
        }
        return try Tensor(shape: [from.count, to.count], data: values)
    }

    public var namedParameters: [(name: String, parameter: ParameterReference)] {
        layers.enumerated().flatMap { i, layer in layer.namedParameters.map { ("layers.\(i).\($0.name)", $0.parameter) } }
    }

    /// The number of orderings (mixture components).
    public var orderingCount: Int { degrees.count }

    /// The logits of `p(x_i = 1 | x_<i)` under ordering `ordering`, `[rows, inputs]`.
    public func logits(_ x: Tensor, ordering: Int = 0) throws -> Tensor {
        guard ordering >= 0, ordering < orderingCount else {
            throw ModelError.invalidArgument(model: "MADE", reason: "ordering \(ordering) is not one of the \(orderingCount) orderings")
        }
        guard x.rank == 2, x.shape[1] == inputs else {
            throw ModelError.invalidArgument(model: "MADE", reason: "expected rows of \(inputs) values, got shape \(x.shape)")
        }
        var h = x
        for (i, layer) in layers.enumerated() {
            h = try Tensor.affine(h, layer.weight * masks[ordering][i], layer.bias!)
            if i < layers.count - 1 { h = h.relu() }
        }
        return h
    }

    /// `log p(x) = Σ_i log p(x_i | x_<i)` of every row of binary `x`, `[rows]`, in nats; with several
    /// orderings, `log (1/K) Σ_k p_k(x)`. Exact: it sums to 1 over all 2^D binary vectors.
    public func logLikelihood(_ x: Tensor) throws -> Tensor {
        try checkBinary(x, method: "logLikelihood")
        let perOrdering = try (0..<orderingCount).map { k in
            try -Loss.binaryCrossEntropy(logits: logits(x, ordering: k), targets: x, reduction: .none).sum(axis: 1)
        }
        if orderingCount == 1 { return perOrdering[0] }
        return try Tensor.stack(perOrdering, axis: 1).logSumExp(axis: 1) - Foundation.log(Double(orderingCount))
    }

    /// The mean negative log-likelihood of the rows of binary `x`, in nats per row.
    public func negativeLogLikelihood(_ x: Tensor) throws -> Double {
        try -logLikelihood(x).mean().item
    }

    /// Trains on binary rows by maximum likelihood: `epochs` passes of Adam over shuffled mini-batches
    /// drawn from `seed`, cycling through the orderings batch by batch; reports every step to `progress`.
    public func fit(
        _ data: Tensor, epochs: Int = 30, batchSize: Int = 64, learningRate: Double = 2e-3,
        seed: UInt64 = 0, progress: ProgressHandler? = nil
    ) throws {
        try checkBinary(data, method: "fit")
        try TrainingLoop.checkLearningRate(learningRate, model: "MADE")
        let optimizer = Adam(learningRate: learningRate)
        var step = 0
        let losses = try TrainingLoop.run(
            model: "MADE", rows: data.shape[0], epochs: epochs, batchSize: batchSize, seed: seed, progress: progress
        ) { batch in
            let xb = try data.take(batch, axis: 0)
            let ordering = step % orderingCount
            step += 1
            let (loss, grads) = try valueAndGrad(model: self) {
                try Loss.binaryCrossEntropy(logits: self.logits(xb, ordering: ordering), targets: xb, reduction: .sum) / Double(batch.count)
            }
            try optimizer.update(grads)
            return try loss.item
        }
        for l in losses { history.record("loss", l) }
    }

    /// `count` binary vectors drawn one variable at a time in the ordering's order, each from
    /// `p(x_i | x_<i)` given those already drawn (`inputs` passes); with several orderings each row first
    /// picks its ordering uniformly. Reports after each variable to `progress`.
    public func sample(_ count: Int, seed: UInt64 = 0, progress: ProgressHandler? = nil) throws -> Tensor {
        guard count >= 0 else { throw ModelError.invalidArgument(model: "MADE", reason: "count must be non-negative, got \(count)") }
        let rng = RandomGenerator(seed: seed)
        let choice = try (0..<count).map { _ in try rng.integer(below: orderingCount) }
        var result = [Double](repeating: 0, count: count * inputs)
        let clock = TrainingClock()
        for k in 0..<orderingCount {
            let rows = choice.indices.filter { choice[$0] == k }
            if rows.isEmpty { continue }
            var x = try Tensor.zeros([rows.count, inputs])
            let order = (0..<inputs).sorted { degrees[k][$0] < degrees[k][$1] }
            for (position, i) in order.enumerated() {
                let p = try logits(x, ordering: k)[TensorIndex.all, i].sigmoid()
                try x.replace(TensorIndex.all, i, with: Tensor.bernoulli(p, using: rng))
                try progress?(TrainingProgress(
                    step: position + 1, totalSteps: inputs, epoch: k + 1, totalEpochs: orderingCount, loss: .nan, seconds: clock.seconds))
            }
            for (j, row) in rows.enumerated() {
                result.replaceSubrange((row * inputs)..<((row + 1) * inputs), with: x.scalars[(j * inputs)..<((j + 1) * inputs)])
            }
        }
        return try Tensor(shape: [count, inputs], data: result)
    }

    private func checkBinary(_ x: Tensor, method: String) throws {
        guard x.rank == 2, x.shape[1] == inputs else {
            throw ModelError.invalidArgument(model: "MADE", reason: "\(method): expected rows of \(inputs) values, got shape \(x.shape)")
        }
        guard x.scalars.allSatisfy({ $0 == 0 || $0 == 1 }) else {
            throw ModelError.invalidArgument(model: "MADE", reason: "\(method): the data must be binary (0 or 1); use `binarized` for images")
        }
    }
}

extension MADE: StateSaving {
    /// The parameters and the training history.
    public func savedState() -> SavedState { .parameters(of: self, history: \.history) }
}
