import Foundation
import NeuralNetworks
import Tensors

/// Probabilistic PCA (Tipping & Bishop, 1999): `z ~ N(0, I_q)`, `x = W z + μ + ε`, `ε ~ N(0, σ² I_d)`,
/// so that `x ~ N(μ, C)` with `C = W Wᵀ + σ² I`. `fit` gives the maximum-likelihood solution in closed
/// form, `fitEM` reaches it by expectation–maximisation; the likelihood is exact.
///
///     let ppca = try PPCA(components: 10)
///     try ppca.fit(digits.x)
///     let ll = try ppca.averageLogLikelihood(digits.x)   // nats per image
///
/// References: M. E. Tipping, C. M. Bishop, "Probabilistic principal component analysis", JRSS B 61(3), 1999.
public final class PPCA {
    /// The latent dimension `q`.
    public let components: Int
    /// The mean `μ`, `[features]` (empty before fitting).
    public internal(set) var mean: Tensor = Tensor([Double]())
    /// The loading matrix `W`, `[features, components]` (empty before fitting).
    public internal(set) var weight: Tensor = Tensor([Double]())
    /// The noise variance `σ²` (NaN before fitting).
    public internal(set) var noiseVariance: Double = .nan
    /// For `fitEM`, the average log-likelihood per row after every iteration, under "logLikelihood".
    public internal(set) var history = LossHistory()

    /// An unfitted model with `components` latent dimensions (at least 1).
    public init(components: Int) throws {
        guard components >= 1 else {
            throw ModelError.invalidArgument(model: "PPCA", reason: "components must be at least 1, got \(components)")
        }
        self.components = components
    }

    /// The number of observed features `d` (0 before fitting).
    public var featureCount: Int { mean.count }

    /// The smallest noise variance used, relative to the data's mean variance: data lying exactly in a
    /// `q`-dimensional subspace would otherwise give `σ² = 0` and a singular `C`.
    static let noiseFloor = 1e-9

    /// Fits `μ`, `W` and `σ²` by maximum likelihood in closed form: `μ` the mean, `σ²` the mean of the
    /// `d − q` smallest eigenvalues of the sample covariance `S`, `W = U_q (Λ_q − σ² I)^{1/2}` from the
    /// top `q` eigenvectors and eigenvalues.
    public func fit(_ x: Tensor) throws {
        let (mu, s) = try statistics(x)
        let d = s.shape[0]
        let (values, vectors) = try Linalg.eigh(s)  // ascending
        let discarded = values.scalars[0..<(d - components)]
        let floor = Self.noiseFloor * max(values.scalars.reduce(0, +) / Double(d), .leastNormalMagnitude)
        let sigma2 = max(discarded.reduce(0, +) / Double(d - components), floor)
        var columns: [Double] = []
        columns.reserveCapacity(d * components)
        // Columns in descending order of eigenvalue.
        let scales = (0..<components).map { j in max(values.scalars[d - 1 - j] - sigma2, 0).squareRoot() }
        for i in 0..<d {
            for j in 0..<components { columns.append(vectors.scalars[i * d + (d - 1 - j)] * scales[j]) }
        }
        mean = mu
        weight = try Tensor(shape: [d, components], data: columns)
        noiseVariance = sigma2
    }

    /// The mean and the maximum-likelihood covariance `S = (1/n) Σ (x − μ)(x − μ)ᵀ` of the rows of `x`.
    func statistics(_ x: Tensor) throws -> (mean: Tensor, covariance: Tensor) {
        try ModelError.checkMatrix(x, features: nil, minimumRows: 1, model: "PPCA")
        guard components < x.shape[1] else {
            throw ModelError.invalidArgument(
                model: "PPCA", reason: "components (\(components)) must be fewer than the features (\(x.shape[1]))")
        }
        let mu = try x.mean(axis: 0)
        let centred = try x - mu
        return (mu, try Tensor.matmul(centred, centred, transposeA: true) / Double(x.shape[0]))
    }

    /// The model covariance `C = W Wᵀ + σ² I`, `[features, features]`.
    public var covariance: Tensor {
        get throws {
            try checkFitted("covariance")
            return try Tensor.matmul(weight, weight, transposeB: true) + Tensor.eye(featureCount) * noiseVariance
        }
    }

    /// The exact log-density `log N(x; μ, C)` of every row, `[rows]`, through the Cholesky factor of `C`.
    public func logLikelihood(_ x: Tensor) throws -> Tensor {
        try checkFitted("logLikelihood")
        try ModelError.checkMatrix(x, features: featureCount, model: "PPCA")
        let d = featureCount
        let l = try Linalg.cholesky(covariance)
        let logDet = 2 * (0..<d).reduce(0.0) { $0 + Foundation.log(l.scalars[$1 * d + $1]) }
        let z = try Linalg.solveTriangular(l, (x - mean).T, lower: true)  // L⁻¹(x − μ), one column per row
        return -0.5 * (try z.square().sum(axis: 0) + (Double(d) * Foundation.log(2 * Double.pi) + logDet))
    }

    /// The mean log-likelihood per row of `x`, in nats.
    public func averageLogLikelihood(_ x: Tensor) throws -> Double {
        try logLikelihood(x).mean().item
    }

    /// `M = Wᵀ W + σ² I` (`q × q`), shared by the posterior and EM.
    var m: Tensor {
        get throws { try Tensor.matmul(weight, weight, transposeA: true) + Tensor.eye(components) * noiseVariance }
    }

    /// The posterior `p(z | x) = N(M⁻¹ Wᵀ (x − μ), σ² M⁻¹)` of every row: means `[rows, components]` and
    /// the covariance (the same for every row), `[components, components]`.
    public func posterior(_ x: Tensor) throws -> PPCAPosterior {
        try checkFitted("posterior")
        try ModelError.checkMatrix(x, features: featureCount, model: "PPCA")
        let m = try self.m
        let projected = try Tensor.matmul(weight, x - mean, transposeA: true, transposeB: true)  // Wᵀ(x − μ), [q, rows]
        let means = try Linalg.solve(m, projected).T
        return PPCAPosterior(mean: means, covariance: try Linalg.inverse(m) * noiseVariance)
    }

    /// The posterior mean of the latent code of every row, `[rows, components]`.
    public func encode(_ x: Tensor) throws -> Tensor {
        try posterior(x).mean
    }

    /// `W z + μ` for latent codes `z` (`[rows, components]`): the mean of `p(x | z)`.
    public func decode(_ z: Tensor) throws -> Tensor {
        try checkFitted("decode")
        try ModelError.checkMatrix(z, features: components, model: "PPCA")
        return try Tensor.matmul(z, weight, transposeB: true) + mean
    }

    /// `decode(encode(x))`: every row projected through its posterior mean code.
    public func reconstruct(_ x: Tensor) throws -> Tensor {
        try decode(encode(x))
    }

    /// `count` draws `W z + μ + ε` from the model, `[count, features]`, from `seed`.
    public func sample(_ count: Int, seed: UInt64 = 0) throws -> Tensor {
        try checkFitted("sample")
        guard count >= 0 else { throw ModelError.invalidArgument(model: "PPCA", reason: "count must be non-negative, got \(count)") }
        let rng = RandomGenerator(seed: seed)
        let z = try Tensor.randomNormal([count, components], using: rng)
        let noise = try Tensor.randomNormal([count, featureCount], standardDeviation: noiseVariance.squareRoot(), using: rng)
        return try decode(z) + noise
    }

    /// The fraction of the total variance of `C` that `W` explains, per component (largest first).
    public var explainedVarianceRatio: [Double] {
        get throws {
            try checkFitted("explainedVarianceRatio")
            let w2 = try weight.square().sum(axis: 0).scalars
            let total = w2.reduce(0, +) + Double(featureCount) * noiseVariance
            return w2.map { $0 / total }
        }
    }

    func checkFitted(_ method: String) throws {
        guard noiseVariance.isFinite else { throw ModelError.notFitted(model: "PPCA", method: method) }
    }
}

/// The Gaussian posterior over PPCA's latent codes: a mean per row and one shared covariance.
public struct PPCAPosterior: Sendable {
    /// The posterior mean of every row's code, `[rows, components]`.
    public var mean: Tensor
    /// The posterior covariance `σ² M⁻¹`, `[components, components]`, the same for every row.
    public var covariance: Tensor
}

extension PPCA: StateSaving {
    /// The fitted parameters and the EM history.
    public func savedState() -> SavedState {
        let (mean, weight, noiseVariance, history) = (self.mean, self.weight, self.noiseVariance, self.history)
        return SavedState { [self] in
            (self.mean, self.weight, self.noiseVariance, self.history) = (mean, weight, noiseVariance, history)
        }
    }
}
