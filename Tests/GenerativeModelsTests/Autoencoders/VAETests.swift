import Foundation
import NeuralNetworks
import Tensors
import Testing
@testable import GenerativeModels

@Suite("VAE")
struct VAETests {
    /// A small VAE on the bar images, trained briefly from fixed seeds.
    static func trained(latentSize: Int = 2, epochs: Int = 30) throws -> (VAE, Tensor) {
        let x = try AutoencoderTestData.bars()
        let vae = try VAE(inputSize: 16, latentSize: latentSize, hiddenSizes: [16], seed: 1)
        try vae.fit(x, epochs: epochs, batchSize: 16, learningRate: 1e-2, seed: 2)
        return (vae, x)
    }

    @Test("the KL term equals ½Σ(σ² + μ² − 1 − log σ²) of the encoder's outputs")
    func klMatchesClosedForm() throws {
        let (vae, x) = try Self.trained(epochs: 5)
        let q = try vae.encode(x)
        var expected = 0.0
        for (m, v) in zip(q.mean.scalars, q.logVariance.scalars) { expected += 0.5 * (Foundation.exp(v) + m * m - 1 - v) }
        expected /= Double(x.shape[0])
        let kl = try vae.elbo(x).kl
        #expect(abs(kl - expected) <= 1e-12 * abs(expected))
        #expect(kl > 0)
    }

    @Test("the KL term agrees with a Monte Carlo estimate of E_q[log q(z|x) − log p(z)]")
    func klMatchesMonteCarlo() throws {
        let (vae, x) = try Self.trained(epochs: 5)
        let row = try x[0 ..< 1]
        let q = try vae.encode(row)
        let mean = q.mean.scalars, sd = q.standardDeviation.scalars
        let g = RandomGenerator(seed: 5)
        let draws = 100_000
        var sum = 0.0, sumSquares = 0.0
        for _ in 0..<draws {
            var term = 0.0
            for (m, s) in zip(mean, sd) {
                let e = g.normal(), z = m + s * e
                term += (-0.5 * e * e - Foundation.log(s)) - (-0.5 * z * z)   // log q − log p; the 2π terms cancel
            }
            sum += term
            sumSquares += term * term
        }
        let estimate = sum / Double(draws)
        let standardError = ((sumSquares / Double(draws) - estimate * estimate) / Double(draws)).squareRoot()
        let kl = try vae.elbo(row).kl
        #expect(abs(kl - estimate) < 4 * standardError, "closed form \(kl), Monte Carlo \(estimate) ± \(standardError)")
    }

    @Test("the importance-weighted estimate is at least the ELBO and rises with K")
    func importanceWeightingTightensTheBound() throws {
        let (vae, x) = try Self.trained()
        let bound = try vae.elbo(x, samples: 200, seed: 3).total
        let estimates = try [1, 5, 50, 500].map { try vae.logLikelihood(x, samples: $0, seed: 4) }
        #expect(abs(estimates[0] - bound) < 0.05 * abs(bound), "K = 1 estimates the ELBO: \(estimates[0]) vs \(bound)")
        #expect(zip(estimates, estimates.dropFirst()).allSatisfy { $0 < $1 }, "\(estimates)")
        #expect(estimates.dropFirst().allSatisfy { $0 > bound }, "\(estimates) vs ELBO \(bound)")
    }

    @Test("with a one-dimensional code, the estimate approaches log p(x) by quadrature, and the ELBO stays below it")
    func importanceWeightingApproachesQuadrature() throws {
        let (vae, x) = try Self.trained(latentSize: 1)
        // log p(x) = log ∫ p(x | z) N(z; 0, 1) dz on a fine grid (trapezoid rule; the tails beyond ±8 are negligible).
        let points = 4001, step = 16.0 / Double(points - 1)
        let z = try Tensor.linspace(-8, 8, count: points).reshaped([points, 1])
        let logits = try vae.decoder(z)                                                     // [points, 16]
        var exact = 0.0
        for r in 0..<x.shape[0] {
            let row = try x[r].broadcast(to: [points, 16])
            let logLikelihood = try VAE.bernoulliLogDensity(row, logits)                    // [points]
            let logPrior = try (z.flattened().square() * -0.5) - 0.5 * Foundation.log(2 * Double.pi)
            let weights = (0..<points).map { $0 == 0 || $0 == points - 1 ? 0.5 : 1.0 }
            let terms = try logLikelihood + logPrior + Tensor(weights.map { Foundation.log($0 * step) })
            exact += try terms.logSumExp().item
        }
        exact /= Double(x.shape[0])
        let estimate = try vae.logLikelihood(x, samples: 2000, seed: 6)
        let bound = try vae.elbo(x, samples: 200, seed: 7).total
        #expect(abs(estimate - exact) < 0.02, "importance-weighted \(estimate), quadrature \(exact)")
        #expect(bound < exact)
    }

    @Test("training raises the ELBO and records its terms every step")
    func trainingRaisesTheBound() throws {
        let x = try AutoencoderTestData.bars()
        let vae = try VAE(inputSize: 16, latentSize: 2, hiddenSizes: [16], seed: 1)
        let before = try vae.elbo(x, samples: 20).total
        try vae.fit(x, epochs: 30, batchSize: 16, learningRate: 1e-2, seed: 2)
        #expect(try vae.elbo(x, samples: 20).total > before + 2)
        #expect(vae.history.names == ["kl", "loss", "reconstruction"])
        #expect(vae.history["loss"].count == 30 * 4)
        for (loss, (r, k)) in zip(vae.history["loss"], zip(vae.history["reconstruction"], vae.history["kl"])) {
            #expect(abs(loss - (k - r)) <= 1e-9 * abs(loss))
        }
    }

    @Test("a Gaussian decoder's reconstruction term is the Gaussian log-density of the data")
    func gaussianDecoder() throws {
        let x = try AutoencoderTestData.nearPlane(count: 20, dimension: 4)
        let vae = try VAE(inputSize: 4, latentSize: 2, hiddenSizes: [8], likelihood: .gaussian(standardDeviation: 0.5), seed: 3)
        let means = try vae.decode(try vae.encode(x).mean)
        let density = try DecoderLikelihood.gaussian(standardDeviation: 0.5).logDensity(of: x, outputs: means)
        var expected = 0.0
        for (xi, mi) in zip(x.scalars, means.scalars) {
            expected += -0.5 * Foundation.log(2 * Double.pi * 0.25) - (xi - mi) * (xi - mi) / (2 * 0.25)
        }
        #expect(abs(try density.sum().item - expected) < 1e-9 * abs(expected))
        try vae.fit(x, epochs: 2, batchSize: 10)
        #expect(try vae.logLikelihood(x, samples: 10).isFinite)
    }

    @Test("sampling, grids and traversals decode the codes they describe")
    func latentViews() throws {
        let (vae, _) = try Self.trained(epochs: 2)
        let samples = try vae.sample(7, seed: 1)
        #expect(samples.shape == [7, 16])
        #expect(samples.scalars.allSatisfy { $0 > 0 && $0 < 1 })
        #expect(try vae.sample(7, seed: 1) == samples)

        let grid = try vae.latentGrid(steps: 3, span: 2)
        #expect(grid.shape == [9, 16])
        // Top-left: dimension 0 at −2, dimension 1 at +2; bottom-right: +2, −2 (a product over 9 rows
        // may round differently from one over 1 row, hence the tolerance).
        #expect(try grid[0].isApproximatelyEqual(to: vae.decode(try Tensor([[-2.0, 2.0]]))[0], relative: 1e-12))
        #expect(try grid[8].isApproximatelyEqual(to: vae.decode(try Tensor([[2.0, -2.0]]))[0], relative: 1e-12))

        let base = Tensor([0.5, -1.0])
        let walk = try vae.latentTraversal(dimension: 1, steps: 5, span: 1, base: base)
        #expect(walk.shape == [5, 16])
        #expect(try walk[4].isApproximatelyEqual(to: vae.decode(try Tensor([[0.5, 1.0]]))[0], relative: 1e-12))
        #expect(throws: ModelError.self) { try vae.latentGrid(dimensions: [0, 2]) }
        #expect(throws: ModelError.self) { try vae.latentTraversal(dimension: 0, base: Tensor([1.0])) }
    }

    @Test("the same seeds give bit-identical training, bounds and estimates")
    func sameSeedSameBits() throws {
        let (a, x) = try Self.trained(epochs: 3), (b, _) = try Self.trained(epochs: 3)
        #expect(a.history == b.history)
        #expect(zip(a.parameters, b.parameters).allSatisfy { $0.scalars == $1.scalars })
        #expect(try a.elbo(x, seed: 9) == b.elbo(x, seed: 9))
        #expect(try a.logLikelihood(x, samples: 7, seed: 9) == b.logLikelihood(x, samples: 7, seed: 9))
    }

    @Test("saving and loading restores the model exactly; a different architecture is refused")
    func checkpointRoundTrip() throws {
        let (vae, x) = try Self.trained(epochs: 2)
        let path = AutoencoderTestData.temporaryPath("vae")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try vae.save(to: path)
        let copy = try VAE(inputSize: 16, latentSize: 2, hiddenSizes: [16], seed: 42)
        try copy.load(from: path)
        #expect(try copy.logLikelihood(x, samples: 5) == vae.logLikelihood(x, samples: 5))
        let other = try VAE(inputSize: 16, latentSize: 3, hiddenSizes: [16])
        #expect(throws: CheckpointError.self) { try other.load(from: path) }
    }

    @Test("mistakes a user can make are thrown as errors")
    func errors() throws {
        #expect(throws: ModelError.self) { try VAE(inputSize: 0) }
        #expect(throws: ModelError.self) { try VAE(inputSize: 4, likelihood: .gaussian(standardDeviation: 0)) }
        let vae = try VAE(inputSize: 16, hiddenSizes: [8])
        #expect(throws: ModelError.self) { try vae.fit(try AutoencoderTestData.bars() * 2) }   // Bernoulli needs [0, 1]
        #expect(throws: ModelError.self) { try vae.logLikelihood(try AutoencoderTestData.bars(), samples: 0) }
        #expect(throws: ModelError.self) { try vae.decode(try Tensor.zeros([2, 3])) }
    }
}

extension VAE {
    /// `log p(x | z)` per row under Bernoulli pixels with the given logits (for the quadrature oracle).
    static func bernoulliLogDensity(_ x: Tensor, _ logits: Tensor) throws -> Tensor {
        try DecoderLikelihood.bernoulli.logDensity(of: x, outputs: logits)
    }
}
