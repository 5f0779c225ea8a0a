import Foundation
import Testing
import Tensors
@testable import GenerativeModels

@Suite struct PPCATests {
    /// `rows` draws from a planted PPCA model: `W` (`d × q`, column scales 3, 2, 1.5, …), `μ`, noise `σ`.
    static func planted(rows: Int, d: Int, q: Int, sigma: Double, seed: UInt64)
        throws -> (x: Tensor, w: Tensor, mean: Tensor)
    {
        let rng = RandomGenerator(seed: seed)
        let scales = Tensor((0..<q).map { 3.0 / (1 + 0.5 * Double($0)) })
        let w = try Tensor.randomNormal([d, q], using: rng) * scales
        let mean = try Tensor.randomNormal([d], using: rng)
        let z = try Tensor.randomNormal([rows, q], using: rng)
        let noise = try Tensor.randomNormal([rows, d], standardDeviation: sigma, using: rng)
        return (try z • w.T + mean + noise, w, mean)
    }

    @Test(arguments: [1, 2, 4])
    func logLikelihoodEqualsDirectMultivariateNormal(components: Int) throws {
        let (x, _, _) = try Self.planted(rows: 200, d: 6, q: 2, sigma: 0.5, seed: 1)
        let ppca = try PPCA(components: components)
        try ppca.fit(x)
        let c = try ppca.covariance
        let inverse = try Linalg.inverse(c), logDet = try Linalg.logDeterminant(c).item
        let ll = try ppca.logLikelihood(x)
        for i in [0, 17, 199] {
            let r = try (x[i] - ppca.mean).reshaped([6, 1])
            let direct = -0.5 * (6 * log(2 * Double.pi) + logDet + (try (r.T • inverse • r).item))
            #expect(abs(ll.scalars[i] - direct) < 1e-9 * abs(direct))
        }
        #expect(abs(try ppca.averageLogLikelihood(x) - ppca.averageLogLikelihood(fromCovariance: ppca.statistics(x).covariance)) < 1e-10)
    }

    @Test func closedFormIsTheTippingBishopSolution() throws {
        let (x, _, _) = try Self.planted(rows: 300, d: 5, q: 2, sigma: 0.4, seed: 2)
        let ppca = try PPCA(components: 2)
        try ppca.fit(x)
        let s = try ppca.statistics(x).covariance
        let eigenvalues = try Linalg.eigh(s).eigenvalues.scalars  // ascending
        #expect(abs(ppca.noiseVariance - (eigenvalues[0] + eigenvalues[1] + eigenvalues[2]) / 3) < 1e-12)
        // C's eigenvalues: the top two of S, and σ² three times.
        let modelEigenvalues = try Linalg.eigh(ppca.covariance).eigenvalues.scalars
        #expect(abs(modelEigenvalues[4] - eigenvalues[4]) < 1e-10 && abs(modelEigenvalues[3] - eigenvalues[3]) < 1e-10)
        #expect(modelEigenvalues[0...2].allSatisfy { abs($0 - ppca.noiseVariance) < 1e-10 })
        // The maximum: moving W or σ² lowers the likelihood.
        let best = try ppca.averageLogLikelihood(x)
        let w = ppca.weight
        ppca.weight = w * 1.01
        #expect(try ppca.averageLogLikelihood(x) < best)
        ppca.weight = w
        ppca.noiseVariance *= 0.99
        #expect(try ppca.averageLogLikelihood(x) < best)
    }

    @Test func emConvergesToTheClosedFormLikelihood() throws {
        let (x, _, _) = try Self.planted(rows: 500, d: 8, q: 3, sigma: 0.5, seed: 3)
        let closed = try PPCA(components: 3)
        try closed.fit(x)
        let em = try PPCA(components: 3)
        var reports = 0
        try em.fitEM(x, iterations: 2000, seed: 7) { _ in reports += 1 }
        #expect(reports == 2000)
        let lls = em.history["logLikelihood"]
        #expect(lls.count == 2000)
        #expect(zip(lls, lls.dropFirst()).allSatisfy { $1 >= $0 - 1e-9 })  // EM never decreases the likelihood
        let target = try closed.averageLogLikelihood(x)
        #expect(abs(try em.averageLogLikelihood(x) - target) < 1e-6)
        #expect(abs(em.noiseVariance - closed.noiseVariance) < 1e-6)
        // W itself is determined only up to rotation; W Wᵀ is not.
        let wwEM = try em.weight • em.weight.T, wwClosed = try closed.weight • closed.weight.T
        #expect(wwEM.isApproximatelyEqual(to: wwClosed, relative: 1e-4, absolute: 1e-5))
    }

    @Test func plantedSubspaceIsRecovered() throws {
        let (x, w, mean) = try Self.planted(rows: 20000, d: 10, q: 3, sigma: 0.3, seed: 4)
        let ppca = try PPCA(components: 3)
        try ppca.fit(x)
        // Principal angles between span(W) and span(W_true): cosines are the singular values of Q₁ᵀQ₂.
        let q1 = try Linalg.svd(ppca.weight).u, q2 = try Linalg.svd(w).u
        let cosines = try Linalg.svd(q1.T • q2).singularValues.scalars
        #expect(cosines.allSatisfy { $0 > 0.9995 })
        #expect(try (ppca.weight • ppca.weight.T).isApproximatelyEqual(to: w • w.T, relative: 0, absolute: 0.3))
        #expect(abs(ppca.noiseVariance - 0.09) < 0.005)
        // The mean is the sample mean: within five standard errors √(C_ii / n) of the planted one.
        let standardErrors = try ((ppca.covariance * Tensor.eye(10)).sum(axis: 0) / 20000).sqrt()
        #expect(try ((ppca.mean - mean).abs() .<= standardErrors * 5).sum().item == 10)
    }

    @Test func posteriorIsBayesRuleOnTheJointGaussian() throws {
        let (x, _, _) = try Self.planted(rows: 100, d: 6, q: 2, sigma: 0.5, seed: 5)
        let ppca = try PPCA(components: 2)
        try ppca.fit(x)
        // (z, x) is jointly Gaussian with Cov(z) = I, Cov(x) = C, Cov(z, x) = Wᵀ, so
        // z | x ~ N(Wᵀ C⁻¹ (x − μ), I − Wᵀ C⁻¹ W).
        let cInverse = try Linalg.inverse(ppca.covariance)
        let expectedMean = try (ppca.weight.T • cInverse • (x - ppca.mean).T).T
        let expectedCovariance = try Tensor.eye(2) - ppca.weight.T • cInverse • ppca.weight
        let posterior = try ppca.posterior(x)
        #expect(posterior.mean.isApproximatelyEqual(to: expectedMean, relative: 1e-9, absolute: 1e-12))
        #expect(posterior.covariance.isApproximatelyEqual(to: expectedCovariance, relative: 1e-9, absolute: 1e-12))
        #expect(try ppca.encode(x) == posterior.mean)
    }

    @Test func samplesHaveTheModelCovariance() throws {
        let (x, _, _) = try Self.planted(rows: 300, d: 4, q: 1, sigma: 0.5, seed: 6)
        let ppca = try PPCA(components: 1)
        try ppca.fit(x)
        let draws = try ppca.sample(40000, seed: 1)
        let c = try draws - draws.mean(axis: 0)
        #expect(try ((c.T • c) / 40000).isApproximatelyEqual(to: ppca.covariance, relative: 0.05, absolute: 0.03))
        #expect(try ppca.sample(5, seed: 2) == ppca.sample(5, seed: 2))
    }

    @Test func moreComponentsReconstructBetterAndFitBetter() throws {
        let x = try Dataset.digits().x[0..<400]
        var lastError = Double.infinity, lastLL = -Double.infinity
        for q in [2, 5, 10] {
            let ppca = try PPCA(components: q)
            try ppca.fit(x)
            let error = try (ppca.reconstruct(x) - x).square().mean().item
            let ll = try ppca.averageLogLikelihood(x)
            #expect(error < lastError && ll > lastLL)
            (lastError, lastLL) = (error, ll)
        }
    }

    @Test func checkpointRoundTrip() throws {
        let (x, _, _) = try Self.planted(rows: 50, d: 4, q: 2, sigma: 0.5, seed: 7)
        let ppca = try PPCA(components: 2)
        try ppca.fit(x)
        let path = temporaryPath("ppca.ckpt")
        try ppca.save(to: path)
        let loaded = try PPCA(components: 2)
        try loaded.load(from: path)
        #expect(try loaded.logLikelihood(x) == ppca.logLikelihood(x))
        #expect(throws: CheckpointError.self) { try PPCA(components: 3).load(from: path) }
    }

    @Test func misuseThrowsModelErrors() throws {
        #expect(throws: ModelError.self) { try PPCA(components: 0) }
        let ppca = try PPCA(components: 3)
        #expect(throws: ModelError.notFitted(model: "PPCA", method: "logLikelihood")) { try ppca.logLikelihood(Tensor([[1.0, 2.0]])) }
        #expect(throws: ModelError.self) { try ppca.fit(Tensor([[1.0, 2.0, 3.0]])) }  // q must be < d
        #expect(throws: ModelError.self) { try ppca.fitEM(Tensor([[1.0, 2.0, 3.0, 4.0]]), iterations: -1) }
    }
}
