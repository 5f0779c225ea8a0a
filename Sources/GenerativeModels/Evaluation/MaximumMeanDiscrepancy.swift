import Tensors

extension Evaluation {
    /// The squared maximum mean discrepancy between two samples under a Gaussian kernel
    /// `k(x, y) = exp(−‖x − y‖² / (2h²))`, unbiased estimator (Gretton et al., "A kernel two-sample
    /// test", JMLR 2012): about 0 when both come from one distribution (it may dip below 0), larger
    /// the more they differ. Works in any dimension (2-D points, 64-D images).
    ///
    /// `bandwidth` h defaults to the median heuristic: the median distance between points of the
    /// pooled sample (its first 1000 rows), so that the figure does not depend on the data's scale.
    public static func mmd(_ x: Tensor, _ y: Tensor, bandwidth: Double? = nil) throws -> Double {
        try PairwiseDistances.validate(x, y, operation: "mmd")
        guard x.shape[0] >= 2, y.shape[0] >= 2 else {
            throw TensorError.invalidArgument(operation: "mmd", reason: "the unbiased estimate needs at least two points in each sample")
        }
        let h = try bandwidth ?? medianDistance(x, y)
        guard h > 0, h.isFinite else {
            throw TensorError.invalidArgument(operation: "mmd", reason: "bandwidth must be positive and finite, got \(h)")
        }
        let scale = -1 / (2 * h * h)
        func meanKernel(_ a: Tensor, _ b: Tensor, excludingDiagonal: Bool) throws -> Double {
            let k = try (PairwiseDistances.squared(a, b) * scale).exp()
            var total = try k.sum().item
            let n = Double(a.shape[0]), m = Double(b.shape[0])
            if excludingDiagonal {
                total -= n  // k(x_i, x_i) = 1
                return total / (n * (n - 1))
            }
            return total / (n * m)
        }
        return try meanKernel(x, x, excludingDiagonal: true) + meanKernel(y, y, excludingDiagonal: true)
            - 2 * meanKernel(x, y, excludingDiagonal: false)
    }

    /// The median pairwise distance within the pooled sample (first 1000 rows of each half kept at
    /// most), the usual kernel bandwidth.
    static func medianDistance(_ x: Tensor, _ y: Tensor) throws -> Double {
        let pooled = try Tensor.concatenate([try x[..<min(x.shape[0], 500)], try y[..<min(y.shape[0], 500)]], axis: 0)
        let d = try PairwiseDistances.squared(pooled, pooled)
        let n = pooled.shape[0]
        var values: [Double] = []
        values.reserveCapacity(n * (n - 1) / 2)
        d.withUnsafeBufferPointer { p in
            for i in 0..<n { for j in (i + 1)..<n { values.append(p[i * n + j]) } }
        }
        values.sort()
        return values.isEmpty ? 1 : values[values.count / 2].squareRoot()
    }
}
