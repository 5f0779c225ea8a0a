import Foundation
import Testing
import Tensors
import GenerativeModels

@Suite("Diffusion schedules and the forward process")
struct DiffusionScheduleTests {
    @Test("linear β runs from 10⁻⁴ to 0.02 over 1000 steps; both schedules leave almost no signal at T",
          arguments: NoiseSchedule.allCases)
    func endpoints(kind: NoiseSchedule) throws {
        let schedule = try DiffusionSchedule(kind, steps: 1000)
        #expect(schedule.steps == 1000)
        if kind == .linear {
            #expect(abs(schedule.betas[0] - 1e-4) < 1e-15)
            #expect(abs(schedule.betas[999] - 0.02) < 1e-15)
        }
        #expect(zip(schedule.alphaBars, schedule.alphaBars.dropFirst()).allSatisfy { $0 > $1 })
        #expect(schedule.alphaBar(0) == 1)
        #expect(schedule.alphaBars[999] < 1e-4)
        #expect(schedule.betas.allSatisfy { $0 > 0 && $0 <= 0.999 })
        #expect(schedule.posteriorVariance(1) == 0)
    }

    @Test("the closed-form marginal q(x_t | x_0) equals the one-step process iterated: mean √ᾱ_t·x₀, variance 1 − ᾱ_t",
          arguments: NoiseSchedule.allCases, [1, 10, 250, 1000])
    func closedFormMatchesIteratedMoments(kind: NoiseSchedule, t: Int) throws {
        let schedule = try DiffusionSchedule(kind, steps: 1000)
        // Moments of x_t = √(1−β_t)·x_{t−1} + √β_t·z, started at the point x₀ = 1.7, iterated step by step.
        var mean = 1.7, variance = 0.0
        for s in 1...t {
            let beta = schedule.betas[s - 1]
            mean *= (1 - beta).squareRoot()
            variance = (1 - beta) * variance + beta
        }
        #expect(abs(mean - schedule.alphaBar(t).squareRoot() * 1.7) < 1e-12)
        #expect(abs(variance - (1 - schedule.alphaBar(t))) < 1e-12)
    }

    @Test("sampling: iterating forwardStep and drawing noised(t:) in one go agree in mean and variance",
          arguments: NoiseSchedule.allCases)
    func iteratedSamplesMatchClosedFormSamples(kind: NoiseSchedule) throws {
        let schedule = try DiffusionSchedule(kind, steps: 100)
        let n = 20000, t = 40
        let x0 = try Tensor.full([n, 1], value: 1.7)
        let rng = RandomGenerator(seed: 11)
        var iterated = x0
        for s in 1...t { iterated = try schedule.forwardStep(iterated, t: s, using: rng) }
        let direct = try schedule.noised(x0, t: t, using: rng)
        let expectedMean = schedule.alphaBar(t).squareRoot() * 1.7, expectedVariance = 1 - schedule.alphaBar(t)
        for sample in [iterated, direct] {
            let standardError = (expectedVariance / Double(n)).squareRoot()
            #expect(abs(try sample.mean().item - expectedMean) < 5 * standardError)
            #expect(abs(try sample.variance().item / expectedVariance - 1) < 0.05)
        }
    }

    /// The exact noise predictor for data N(μ, diag σ²): E[ε | x_t] = √(1−ᾱ)·(x_t − √ᾱ·μ)/(ᾱσ² + 1 − ᾱ).
    func perfectPredictor(_ schedule: DiffusionSchedule, mean: Tensor, variance: Tensor) -> NoisePredictor {
        { x, t in
            let a = schedule.alphaBar(t)
            return try (1 - a).squareRoot() * (x - a.squareRoot() * mean) / (a * variance + (1 - a))
        }
    }

    @Test("with a perfect noise predictor on Gaussian data, ancestral sampling and DDIM recover that Gaussian",
          arguments: NoiseSchedule.allCases)
    func perfectPredictorRecoversGaussian(kind: NoiseSchedule) throws {
        let schedule = try DiffusionSchedule(kind, steps: 400)
        let mean = Tensor([2.0, -1.0]), sd = Tensor([0.5, 1.5])
        let predictor = perfectPredictor(schedule, mean: mean, variance: sd.square())
        let n = 2000
        let ancestral = try schedule.sample(count: n, dimension: 2, seed: 1, noisePredictor: predictor).samples
        let ddim = try schedule.sampleDDIM(count: n, dimension: 2, sampleSteps: 50, seed: 2, noisePredictor: predictor).samples
        for samples in [ancestral, ddim] {
            let m = try samples.mean(axis: 0).scalars, s = try samples.standardDeviation(axes: [0]).scalars
            #expect(abs(m[0] - 2) < 0.05 && abs(m[1] + 1) < 0.15, "means \(m)")   // ≈ 4 standard errors
            // 0.08 ≈ 5 standard errors of a standard deviation from 2000 draws
            #expect(abs(s[0] / 0.5 - 1) < 0.08 && abs(s[1] / 1.5 - 1) < 0.08, "standard deviations \(s)")
        }
    }

    @Test("clipping x̂₀ to a range it never leaves changes nothing; a tight range bounds the samples",
          arguments: NoiseSchedule.allCases)
    func clipping(kind: NoiseSchedule) throws {
        let schedule = try DiffusionSchedule(kind, steps: 100)
        let predictor = perfectPredictor(schedule, mean: Tensor([0.5, -0.5]), variance: Tensor([0.04, 0.04]))
        let plain = try schedule.sample(count: 50, dimension: 2, seed: 3, noisePredictor: predictor).samples
        let wide = try schedule.sample(count: 50, dimension: 2, clip: -1e6...1e6, seed: 3, noisePredictor: predictor).samples
        #expect(plain.isApproximatelyEqual(to: wide, relative: 1e-9, absolute: 1e-9))
        let tight = try schedule.sample(count: 50, dimension: 2, clip: -0.2...0.2, seed: 3, noisePredictor: predictor).samples
        #expect(tight.scalars.allSatisfy { abs($0) <= 0.2 + 1e-12 })
        let ddim = try schedule.sampleDDIM(count: 50, dimension: 2, sampleSteps: 10, clip: -0.2...0.2, seed: 3,
                                           noisePredictor: predictor).samples
        #expect(ddim.scalars.allSatisfy { abs($0) <= 0.2 + 1e-12 })
    }

    @Test("snapshots run from noise at t = T to the samples at t = 0")
    func snapshots() throws {
        let schedule = try DiffusionSchedule(.linear, steps: 100)
        let zero: NoisePredictor = { x, _ in Tensor.zeros(like: x) }
        let run = try schedule.sample(count: 5, dimension: 2, snapshots: 6, noisePredictor: zero)
        #expect(run.steps == [100, 80, 60, 40, 20, 0])
        #expect(run.snapshots.count == 6)
        #expect(run.snapshots.last == run.samples)
        let ddim = try schedule.sampleDDIM(count: 5, dimension: 2, sampleSteps: 10, snapshots: 3, noisePredictor: zero)
        #expect(ddim.steps == [91, 41, 0])   // steps 91, 81, …, 1, then the data
    }

    @Test("refuses steps outside 1 … T and a predictor of the wrong shape")
    func errors() throws {
        let schedule = try DiffusionSchedule(.cosine, steps: 10)
        let x = try Tensor.zeros([3, 2])
        #expect(throws: TensorError.self) { try schedule.noised(x, t: 11, using: RandomGenerator(seed: 0)) }
        #expect(throws: TensorError.self) { try schedule.forwardStep(x, t: 0, using: RandomGenerator(seed: 0)) }
        #expect(throws: TensorError.self) { try schedule.sampleDDIM(count: 3, dimension: 2, sampleSteps: 20) { x, _ in x } }
        #expect(throws: TensorError.self) { try schedule.sample(count: 3, dimension: 2) { _, _ in try Tensor.zeros([3]) } }
        #expect(throws: TensorError.self) { try DiffusionSchedule(.linear, steps: 0) }
    }
}
