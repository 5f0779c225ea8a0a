/// Cross-entropy against class labels as one operation, as PyTorch's `cross_entropy` fuses
/// log-softmax and the pick. Unfused it is a log-sum-exp, a broadcast difference and a gather, and
/// backward their three adjoints, with every exponential computed a second time: on a CharRNN batch
/// (2,048 rows of 299 logits) that was a tenth of the training step.
extension Tensor {
    /// `log Σ_c exp(x[i, c]) − x[i, labels[i]]` for every row `i` of `logits` `[N, C]`: `[N]`, in nats.
    /// `labels` holds N class indices in `0..<C` (integral values); anything else is refused.
    /// Differentiable in `logits`: row `i`'s gradient is `g[i]·(softmax(x[i]) − onehot(labels[i]))`,
    /// from the probabilities the forward pass keeps. With `float32` precision the exponentials are
    /// computed to single precision's accuracy, faster (see `ProductPrecision`); the default uses the
    /// C library's.
    public static func softmaxCrossEntropy(logits: Tensor, labels: Tensor, precision: ProductPrecision = .float64) throws -> Tensor {
        let operation = "crossEntropy"
        guard logits.rank == 2, labels.rank == 1, labels.shape[0] == logits.shape[0] else {
            throw TensorError.shapeMismatch(operation: operation, lhs: logits.shape, rhs: labels.shape)
        }
        let (rows, classes) = (logits.shape[0], logits.shape[1])
        let picks = try labels.integers(operation: operation)
        if let bad = picks.first(where: { !(0..<classes).contains($0) }) {
            throw TensorError.indexOutOfRange(operation: operation, index: bad, axis: 1, size: classes)
        }
        var probabilities = Elementwise.make(rows * classes) { _ in }
        let losses = logits.scalars.withUnsafeBufferPointer { xp in
            probabilities.withUnsafeMutableBufferPointer { pp in
                Elementwise.make(rows) { out in
                    switch precision {
                    case .float64:
                        crossEntropyRows(xp.baseAddress!, rows, classes, picks, pp.baseAddress!, out) { LibM.exp($0) }
                    case .float32:
                        crossEntropyRows(xp.baseAddress!, rows, classes, picks, pp.baseAddress!, out) { VectorMath.exp($0) }
                    }
                }
            }
        }
        let out = Tensor(uncheckedShape: [rows], scalars: losses)
        return tracked(out, logits, .softmaxCrossEntropy(
            probabilities: Tensor(uncheckedShape: logits.shape, scalars: probabilities), labels: picks))
    }

    /// Each row's loss into `out` and its softmax into `p`, with `exp` for the exponentials.
    @inline(__always)
    private static func crossEntropyRows(
        _ logits: UnsafePointer<Double>, _ rows: Int, _ classes: Int, _ picks: [Int],
        _ probabilities: UnsafeMutablePointer<Double>, _ out: UnsafeMutablePointer<Double>, exp: (Double) -> Double
    ) {
        for i in 0..<rows {
            let (x, p) = (logits + i * classes, probabilities + i * classes)
            // As `logSumExp`: shifted by the row's maximum, summed in order.
            var m = -Double.infinity
            for c in 0..<classes { m = Swift.max(m, x[c]) }
            let shift = m.isFinite ? m : 0
            for c in 0..<classes { p[c] = exp(x[c] - shift) }
            var s = 0.0
            for c in 0..<classes { s += p[c] }
            out[i] = (shift + LibM.log(s)) - x[picks[i]]
            for c in 0..<classes { p[c] /= s }
        }
    }
}
