import Foundation
import Tensors

/// How the forward process's noise variances β₁ … β_T grow.
public enum NoiseSchedule: String, Sendable, CaseIterable, CustomStringConvertible {
    /// β rising linearly from 10⁻⁴ to 0.02 (for T = 1000; both scaled by 1000/T otherwise),
    /// as in Ho et al., "Denoising diffusion probabilistic models", NeurIPS 2020.
    case linear
    /// ᾱ_t = cos²(((t/T + s)/(1 + s))·π/2) / cos²((s/(1 + s))·π/2) with s = 0.008 and β capped at
    /// 0.999, so that the signal fades evenly (Nichol & Dhariwal, "Improved DDPM", ICML 2021).
    /// Its last step has β_T = 0.999, which magnifies the predictor's error there about 30-fold:
    /// sample with `clip` set to the data's range, as that paper does.
    case cosine

    public var description: String { rawValue }
}

/// The fixed forward (noising) process of a diffusion model: `q(x_t | x_{t−1}) = N(√(1−β_t)·x_{t−1}, β_t·I)`
/// for t = 1 … T, hence in closed form `q(x_t | x_0) = N(√ᾱ_t·x_0, (1−ᾱ_t)·I)` with ᾱ_t = ∏_{s≤t}(1−β_s).
/// Arrays are indexed by t − 1 (`betas[0]` is β₁).
public struct DiffusionSchedule: Sendable, Equatable {
    /// The schedule's kind.
    public let kind: NoiseSchedule
    /// β₁ … β_T.
    public let betas: [Double]
    /// ᾱ₁ … ᾱ_T, the share of signal variance left at each step.
    public let alphaBars: [Double]

    /// The schedule of `kind` over `steps` = T steps (at least 1).
    public init(_ kind: NoiseSchedule = .linear, steps: Int = 1000) throws {
        guard steps >= 1, steps <= 100_000 else {
            throw TensorError.invalidArgument(operation: "DiffusionSchedule", reason: "steps must lie in 1…100000, got \(steps)")
        }
        let T = Double(steps)
        var betas: [Double]
        switch kind {
        case .linear:
            let scale = 1000 / T
            let first = 1e-4 * scale, last = min(0.02 * scale, 0.999)
            betas = (0..<steps).map { i in steps == 1 ? last : first + (last - first) * Double(i) / Double(steps - 1) }
        case .cosine:
            let s = 0.008
            func f(_ t: Double) -> Double {
                let c = cos((t / T + s) / (1 + s) * Double.pi / 2)
                return c * c
            }
            betas = (1...steps).map { t in min(1 - f(Double(t)) / f(Double(t - 1)), 0.999) }
        }
        var alphaBars: [Double] = []
        alphaBars.reserveCapacity(steps)
        var product = 1.0
        for beta in betas {
            product *= 1 - beta
            alphaBars.append(product)
        }
        self.kind = kind
        self.betas = betas
        self.alphaBars = alphaBars
    }

    /// T, the number of noising steps.
    public var steps: Int { betas.count }

    /// ᾱ_t for t in 0 … T (ᾱ₀ = 1: no noise yet).
    public func alphaBar(_ t: Int) -> Double { t == 0 ? 1 : alphaBars[t - 1] }

    /// The posterior variance β̃_t = β_t·(1 − ᾱ_{t−1})/(1 − ᾱ_t) of q(x_{t−1} | x_t, x_0), the
    /// reverse step's noise.
    public func posteriorVariance(_ t: Int) -> Double {
        betas[t - 1] * (1 - alphaBar(t - 1)) / (1 - alphaBar(t))
    }

    /// A draw of x_t ~ q(x_t | x_0) in one step: `√ᾱ_t·x0 + √(1−ᾱ_t)·ε` for given noise ε of x0's shape.
    public func noised(_ x0: Tensor, t: Int, noise: Tensor) throws -> Tensor {
        try check(t, allowZero: true, operation: "noised")
        guard noise.shape == x0.shape else {
            throw TensorError.shapeMismatch(operation: "noised", lhs: x0.shape, rhs: noise.shape)
        }
        let a = alphaBar(t)
        return try a.squareRoot() * x0 + (1 - a).squareRoot() * noise
    }

    /// A draw of x_t ~ q(x_t | x_0), the noise drawn from `generator`.
    public func noised(_ x0: Tensor, t: Int, using generator: RandomGenerator) throws -> Tensor {
        try noised(x0, t: t, noise: try Tensor.randomNormal(x0.shape, using: generator))
    }

    /// One step of the forward process, x_t ~ q(x_t | x_{t−1}) = N(√(1−β_t)·x_{t−1}, β_t·I), for t in 1 … T.
    public func forwardStep(_ x: Tensor, t: Int, using generator: RandomGenerator) throws -> Tensor {
        try check(t, allowZero: false, operation: "forwardStep")
        let beta = betas[t - 1]
        return try (1 - beta).squareRoot() * x + beta.squareRoot() * Tensor.randomNormal(x.shape, using: generator)
    }

    /// Throws unless `t` lies in 1 … T (or 0 … T).
    func check(_ t: Int, allowZero: Bool, operation: String) throws {
        guard t >= (allowZero ? 0 : 1), t <= steps else {
            throw TensorError.invalidArgument(
                operation: operation, reason: "t must lie in \(allowZero ? 0 : 1)…\(steps), got \(t)")
        }
    }
}
