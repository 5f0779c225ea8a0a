import Foundation
import NeuralNetworks
import Tensors

/// The evidence lower bound of a VAE on some data, split into its two terms; every figure is an average
/// over the rows, in nats per image: `total = reconstruction − kl ≤ log p(x)`.
public struct ELBO: Sendable, Equatable, CustomStringConvertible {
    /// The bound itself, `E_q[log p(x | z)] − KL(q(z | x) ‖ p(z))`.
    public var total: Double
    /// The expected log-likelihood of the data under the decoder, `E_q[log p(x | z)]` (Monte Carlo).
    public var reconstruction: Double
    /// The divergence of the encoder's posterior from the prior, `KL(q(z | x) ‖ N(0, I))` (closed form).
    public var kl: Double

    public var description: String {
        "ELBO \(total) nats (reconstruction \(reconstruction), KL \(kl))"
    }
}

extension VAE {
    /// The ELBO of the rows of `x`, averaged over rows: the reconstruction term estimated with `samples`
    /// reparameterised draws per row (from `seed`), the KL term in closed form.
    public func elbo(_ x: Tensor, samples: Int = 1, seed: UInt64 = 0) throws -> ELBO {
        try checkRows(x, features: inputSize, operation: "VAE.elbo")
        try checkPositive(samples, "samples", operation: "VAE.elbo")
        try likelihood.validate(x, operation: "VAE.elbo")
        let generator = RandomGenerator(seed: seed)
        let rows = Double(x.shape[0])
        var reconstruction = 0.0
        var kl = 0.0
        for draw in 0..<samples {
            let terms = try boundTerms(x, generator: generator)
            reconstruction += try terms.reconstruction.sum().item / rows
            if draw == 0 { kl = try terms.kl.sum().item / rows }
        }
        reconstruction /= Double(samples)
        return ELBO(total: reconstruction - kl, reconstruction: reconstruction, kl: kl)
    }

    /// The importance-weighted estimate of `log p(x)` (Burda, Grosse & Salakhutdinov, "Importance weighted
    /// autoencoders", ICLR 2016), averaged over the rows of `x`, in nats per image:
    /// `log (1/K) Σₖ p(x | zₖ) p(zₖ) / q(zₖ | x)` with `zₖ ~ q(z | x)`, K = `samples`, draws from `seed`.
    /// With K = 1 it is an unbiased estimate of the ELBO; it rises towards `log p(x)` as K grows.
    public func logLikelihood(_ x: Tensor, samples: Int = 100, seed: UInt64 = 0) throws -> Double {
        try checkRows(x, features: inputSize, operation: "VAE.logLikelihood")
        try checkPositive(samples, "samples", operation: "VAE.logLikelihood")
        try likelihood.validate(x, operation: "VAE.logLikelihood")
        let generator = RandomGenerator(seed: seed)
        let rows = x.shape[0]
        let chunk = max(1, 8192 / samples)
        var total = 0.0
        for start in stride(from: 0, to: rows, by: chunk) {
            let part = try x[start..<min(start + chunk, rows)]
            total += try importanceWeightedLogLikelihoods(part, samples: samples, generator: generator).sum().item
        }
        return total / Double(rows)
    }

    /// The importance-weighted estimate of `log p(x)` for each row of `x`, shape `[rows]`.
    func importanceWeightedLogLikelihoods(_ x: Tensor, samples k: Int, generator: RandomGenerator) throws -> Tensor {
        let n = x.shape[0], d = latentSize, features = inputSize
        let q = try posterior(x)
        let epsilon = try Tensor.randomNormal([k, n, d], using: generator)
        let z = try q.mean + q.standardDeviation * epsilon                       // [k, n, d]
        let outputs = try decoder(try z.reshaped([k * n, d]))
        let tiledX = try x.broadcast(to: [k, n, features]).reshaped([k * n, features])
        let logLikelihood = try likelihood.logDensity(of: tiledX, outputs: outputs).reshaped([k, n])
        let logTwoPi = Foundation.log(2 * Double.pi)
        let logPrior = try ((z.square() + logTwoPi) * -0.5).sum(axis: 2)
        let logPosterior = try ((try epsilon.square() + q.logVariance + logTwoPi) * -0.5).sum(axis: 2)
        let logWeights = try logLikelihood + logPrior - logPosterior           // [k, n]
        return try logWeights.logSumExp(axis: 0) - Foundation.log(Double(k))
    }
}
