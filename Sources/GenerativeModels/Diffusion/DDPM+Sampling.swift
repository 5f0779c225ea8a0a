import Tensors

extension DDPM {
    /// `count` samples by ancestral sampling over all T steps (see `DiffusionSchedule.sample`), noise
    /// from `seed`; `clip` clamps each step's estimate of x₀ to the data's range (e.g. `-1...1`);
    /// `progress` hears every step and may throw to stop.
    public func sample(_ count: Int, clip: ClosedRange<Double>? = nil, seed: UInt64 = 0,
                       progress: ProgressHandler? = nil) throws -> Tensor {
        try sampleTrajectory(count, snapshots: 0, clip: clip, seed: seed, progress: progress).samples
    }

    /// Ancestral sampling that also keeps `snapshots` states evenly spaced from x_T (noise) to x₀.
    public func sampleTrajectory(_ count: Int, snapshots: Int = 10, clip: ClosedRange<Double>? = nil, seed: UInt64 = 0,
                                 progress: ProgressHandler? = nil) throws -> DiffusionTrajectory {
        try schedule.sample(count: count, dimension: dataDimension, snapshots: snapshots, clip: clip, seed: seed,
                            progress: progress) { x, t in try predictNoise(x, t: t) }
    }

    /// `count` samples by DDIM over `steps` of the T training steps (deterministic for `eta` = 0).
    public func sampleDDIM(_ count: Int, steps: Int = 50, eta: Double = 0, clip: ClosedRange<Double>? = nil,
                           seed: UInt64 = 0, progress: ProgressHandler? = nil) throws -> Tensor {
        try sampleDDIMTrajectory(count, steps: steps, eta: eta, snapshots: 0, clip: clip, seed: seed, progress: progress).samples
    }

    /// DDIM sampling that also keeps `snapshots` states evenly spaced over its steps.
    public func sampleDDIMTrajectory(_ count: Int, steps: Int = 50, eta: Double = 0, snapshots: Int = 10,
                                     clip: ClosedRange<Double>? = nil, seed: UInt64 = 0,
                                     progress: ProgressHandler? = nil) throws -> DiffusionTrajectory {
        try schedule.sampleDDIM(count: count, dimension: dataDimension, sampleSteps: steps, eta: eta,
                                snapshots: snapshots, clip: clip, seed: seed, progress: progress) { x, t in
            try predictNoise(x, t: t)
        }
    }
}
