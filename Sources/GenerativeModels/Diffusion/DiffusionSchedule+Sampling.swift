import Tensors

/// A noise predictor ε̂(x_t, t): given states `[n, d]` at step t (1 … T), the noise that was added.
/// A trained network in `DDPM`, or a closed form when the data distribution is known.
public typealias NoisePredictor = (_ x: Tensor, _ t: Int) throws -> Tensor

extension DiffusionSchedule {
    /// Ancestral sampling (Ho et al. 2020, Algorithm 2): from x_T ~ N(0, I), for t = T … 1,
    /// `x_{t−1} = (x_t − β_t/√(1−ᾱ_t)·ε̂)/√(1−β_t) + σ_t·z` with σ_t² = β̃_t (no noise at t = 1).
    /// With `clip`, the implied x̂₀ = (x_t − √(1−ᾱ_t)·ε̂)/√ᾱ_t is clamped to the data's range and the
    /// step uses the posterior mean of q(x_{t−1} | x_t, x̂₀) (the usual trick for images in [−1, 1]).
    /// Keeps `snapshots` states evenly spaced over the run (0 or 1: none). Noise comes from `seed`;
    /// `progress` hears each of the T steps (loss NaN) and may throw to stop.
    public func sample(count: Int, dimension: Int, snapshots: Int = 0, clip: ClosedRange<Double>? = nil, seed: UInt64 = 0,
                       progress: ProgressHandler? = nil, noisePredictor: NoisePredictor) throws -> DiffusionTrajectory {
        let times = Array((0...steps).reversed())
        return try run(count: count, dimension: dimension, times: times, snapshots: snapshots, seed: seed,
                       progress: progress) { x, t, previous, rng in
            let epsilon = try predict(noisePredictor, x, t)
            let beta = betas[t - 1]
            let mean: Tensor
            if let clip {
                let a = alphaBar(t), aPrevious = alphaBar(t - 1)
                let x0 = try ((x - (1 - a).squareRoot() * epsilon) / a.squareRoot()).clamped(min: clip.lowerBound, max: clip.upperBound)
                mean = try (beta * aPrevious.squareRoot() / (1 - a)) * x0 + ((1 - aPrevious) * (1 - beta).squareRoot() / (1 - a)) * x
            } else {
                mean = try (x - (beta / (1 - alphaBar(t)).squareRoot()) * epsilon) / (1 - beta).squareRoot()
            }
            guard previous > 0 else { return mean }
            let sigma = posteriorVariance(t).squareRoot()
            return try mean + sigma * Tensor.randomNormal(x.shape, using: rng)
        }
    }

    /// DDIM sampling (Song, Meng & Ermon, "Denoising diffusion implicit models", ICLR 2021) on
    /// `sampleSteps` evenly spaced steps of the T the model was trained with (1, 1 + T/S, …): with x̂₀ = (x_t − √(1−ᾱ_t)·ε̂)/√ᾱ_t,
    /// `x_s = √ᾱ_s·x̂₀ + √(1−ᾱ_s−σ²)·ε̂ + σ·z`, σ = eta·√((1−ᾱ_s)/(1−ᾱ_t))·√(1−ᾱ_t/ᾱ_s).
    /// `eta` = 0 is deterministic given x_T; 1 is as noisy as ancestral sampling. `clip` clamps x̂₀ (and
    /// re-derives ε̂ from it).
    public func sampleDDIM(count: Int, dimension: Int, sampleSteps: Int = 50, eta: Double = 0, snapshots: Int = 0,
                           clip: ClosedRange<Double>? = nil, seed: UInt64 = 0, progress: ProgressHandler? = nil,
                           noisePredictor: NoisePredictor) throws -> DiffusionTrajectory {
        guard sampleSteps >= 1, sampleSteps <= steps else {
            throw TensorError.invalidArgument(
                operation: "sampleDDIM", reason: "sampleSteps must lie in 1…\(steps) (the training steps), got \(sampleSteps)")
        }
        guard eta >= 0, eta.isFinite else {
            throw TensorError.invalidArgument(operation: "sampleDDIM", reason: "eta must be non-negative, got \(eta)")
        }
        // Evenly spaced from t = 1 ("leading", as in the DDIM authors' code): the first step starts just
        // short of T, where a schedule that ends at ᾱ_T ≈ 0 (cosine) would divide x̂₀ by √ᾱ_T ≈ 0.
        let stride = Double(steps) / Double(sampleSteps)
        let times = [0] + (0..<sampleSteps).map { i in 1 + Int((Double(i) * stride).rounded(.down)) }
        return try run(count: count, dimension: dimension, times: times.reversed(), snapshots: snapshots, seed: seed,
                       progress: progress) { x, t, s, rng in
            var epsilon = try predict(noisePredictor, x, t)
            let a = alphaBar(t), aPrevious = alphaBar(s)
            var x0 = try (x - (1 - a).squareRoot() * epsilon) / a.squareRoot()
            if let clip {
                // The noise direction is re-derived from the clamped x̂₀, so that x_s stays consistent with it.
                x0 = x0.clamped(min: clip.lowerBound, max: clip.upperBound)
                epsilon = try (x - a.squareRoot() * x0) / (1 - a).squareRoot()
            }
            let sigma = eta * ((1 - aPrevious) / (1 - a)).squareRoot() * (1 - a / aPrevious).squareRoot()
            var next = try aPrevious.squareRoot() * x0 + max(0, 1 - aPrevious - sigma * sigma).squareRoot() * epsilon
            if sigma > 0 { next = try next + sigma * Tensor.randomNormal(x.shape, using: rng) }
            return next
        }
    }

    /// The shared loop: x at `times[0]` drawn from N(0, I), then `update(x, t, next t, rng)` down the
    /// decreasing `times`, keeping evenly spaced snapshots.
    private func run(count: Int, dimension: Int, times: [Int], snapshots: Int, seed: UInt64, progress: ProgressHandler?,
                     update: (Tensor, Int, Int, RandomGenerator) throws -> Tensor) throws -> DiffusionTrajectory {
        guard count >= 1, dimension >= 1 else {
            throw TensorError.invalidArgument(
                operation: "sample", reason: "count and dimension must be positive, got \(count) and \(dimension)")
        }
        guard snapshots >= 0 else {
            throw TensorError.invalidArgument(operation: "sample", reason: "snapshots must not be negative, got \(snapshots)")
        }
        let rng = RandomGenerator(seed: seed)
        let clock = MonotonicClock.nanoseconds()
        let keep: Set<Int> = snapshots >= 2
            ? Set((0..<snapshots).map { k in Int((Double(k) * Double(times.count - 1) / Double(snapshots - 1)).rounded()) })
            : []
        var x = try Tensor.randomNormal([count, dimension], using: rng)
        var kept: [Tensor] = [], keptSteps: [Int] = []
        if keep.contains(0) { kept.append(x); keptSteps.append(times[0]) }
        let total = times.count - 1
        for i in 0..<total {
            x = try update(x, times[i], times[i + 1], rng)
            if keep.contains(i + 1) { kept.append(x); keptSteps.append(times[i + 1]) }
            if let progress {
                let seconds = Double(MonotonicClock.nanoseconds() - clock) / 1e9
                try progress(TrainingProgress(step: i + 1, totalSteps: total, epoch: 1, totalEpochs: 1, loss: .nan,
                                              seconds: seconds))
            }
        }
        return DiffusionTrajectory(samples: x, steps: keptSteps, snapshots: kept)
    }

    /// The predictor's output at (x, t), checked to have x's shape.
    private func predict(_ predictor: NoisePredictor, _ x: Tensor, _ t: Int) throws -> Tensor {
        let epsilon = try predictor(x, t)
        guard epsilon.shape == x.shape else {
            throw TensorError.shapeMismatch(operation: "noise predictor at t = \(t)", lhs: x.shape, rhs: epsilon.shape)
        }
        return epsilon
    }
}
