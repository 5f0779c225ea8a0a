import Foundation
import Tensors

extension PPCA {
    /// Fits by expectation–maximisation from a random `W` (drawn from `seed`) and `σ²` the mean variance,
    /// using the updates of Tipping & Bishop in terms of the sample covariance `S`:
    /// `W ← S W (σ² I + M⁻¹ Wᵀ S W)⁻¹`, `σ² ← tr(S − S W M⁻¹ W_newᵀ) / d`. Each iteration records the
    /// average log-likelihood (which never decreases) and reports to `progress`.
    public func fitEM(_ x: Tensor, iterations: Int = 100, seed: UInt64 = 0, progress: ProgressHandler? = nil) throws {
        guard iterations >= 0 else {
            throw ModelError.invalidArgument(model: "PPCA", reason: "iterations must be non-negative, got \(iterations)")
        }
        let (mu, s) = try statistics(x)
        let d = s.shape[0]
        let traceS = (0..<d).reduce(0.0) { $0 + s.scalars[$1 * d + $1] }
        var w = try Tensor.randomNormal([d, components], standardDeviation: (traceS / Double(d)).squareRoot(), using: RandomGenerator(seed: seed))
        var sigma2 = max(traceS / Double(d), Double.leastNormalMagnitude)
        let floor = Self.noiseFloor * max(traceS / Double(d), .leastNormalMagnitude)
        mean = mu
        history.removeAll()
        let clock = TrainingClock()
        for iteration in 0..<iterations {
            let m = try Tensor.matmul(w, w, transposeA: true) + Tensor.eye(components) * sigma2
            let mInverse = try Linalg.inverse(m)
            let sw = try s • w                                              // S W, [d, q]
            let inner = try Tensor.eye(components) * sigma2 + mInverse • Tensor.matmul(w, sw, transposeA: true)
            let newW = try Linalg.solve(inner.T, sw.T).T                   // S W inner⁻¹
            let correction = try sw • mInverse • newW.T                     // S W M⁻¹ W_newᵀ
            var traceCorrection = 0.0
            for i in 0..<d { traceCorrection += correction.scalars[i * d + i] }
            w = newW
            sigma2 = max((traceS - traceCorrection) / Double(d), floor)
            weight = w
            noiseVariance = sigma2
            let ll = try averageLogLikelihood(fromCovariance: s)
            history.record("logLikelihood", ll)
            try progress?(TrainingProgress(
                step: iteration + 1, totalSteps: iterations, epoch: iteration + 1, totalEpochs: iterations,
                loss: -ll, seconds: clock.seconds))
        }
        weight = w
        noiseVariance = sigma2
    }

    /// The average log-likelihood of data whose ML covariance about `mean` is `s`:
    /// `−½ (d log 2π + log det C + tr(C⁻¹ S))`.
    func averageLogLikelihood(fromCovariance s: Tensor) throws -> Double {
        let d = featureCount
        let l = try Linalg.cholesky(covariance)
        let logDet = 2 * (0..<d).reduce(0.0) { $0 + Foundation.log(l.scalars[$1 * d + $1]) }
        let half = try Linalg.solveTriangular(l, s, lower: true)        // L⁻¹ S
        let full = try Linalg.solveTriangular(l, half.T, lower: true)   // L⁻¹ S L⁻ᵀ (S symmetric)
        var trace = 0.0
        for i in 0..<d { trace += full.scalars[i * d + i] }
        return -0.5 * (Double(d) * Foundation.log(2 * Double.pi) + logDet + trace)
    }
}
