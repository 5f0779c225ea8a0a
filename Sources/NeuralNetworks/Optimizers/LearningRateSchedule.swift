import Foundation
import Tensors

/// A learning rate as a function of the step, with PyTorch's `torch.optim.lr_scheduler` formulas
/// (their closed forms). Set it as an optimiser's `schedule` and every `update` takes its rate from
/// it (update k, counting from 0, uses `rate(at: k)`); or read `rate(at:)` and set `learningRate`
/// yourself, once per epoch, as PyTorch's `scheduler.step()` does.
public indirect enum LearningRateSchedule: Sendable, Equatable, CustomStringConvertible {
    /// The same rate at every step.
    case constant(Double)
    /// `initial · factor^⌊t / every⌋` (`StepLR(step_size: every, gamma: factor)`).
    case stepDecay(initial: Double, every: Int, factor: Double)
    /// `initial · factor^t` (`ExponentialLR(gamma: factor)`).
    case exponential(initial: Double, factor: Double)
    /// `minimum + (initial − minimum)(1 + cos(π t / steps)) / 2`: from `initial` at step 0 down to
    /// `minimum` at `steps` (`CosineAnnealingLR(T_max: steps, eta_min: minimum)`; past `steps` it
    /// rises again, as PyTorch's does).
    case cosine(initial: Double, minimum: Double, steps: Int)
    /// `initial` times a factor going linearly from `startFactor` to `endFactor` over `steps`, then
    /// staying there (`LinearLR`): a warm-up when `startFactor` < 1.
    case linear(initial: Double, startFactor: Double, endFactor: Double, steps: Int)
    /// `first` for `steps` steps, then `then` counted from its own step 0 (`SequentialLR` with one
    /// milestone): a warm-up followed by a decay.
    case sequence(LearningRateSchedule, steps: Int, then: LearningRateSchedule)

    /// Checks the settings, so that a schedule that would give NaN or a negative rate is refused
    /// when it is made rather than found in training.
    public func validated() throws -> LearningRateSchedule {
        func fail(_ reason: String) -> TensorError { TensorError.invalidArgument(operation: "learning-rate schedule", reason: reason) }
        func rate(_ x: Double, _ name: String) throws {
            guard x.isFinite, x >= 0 else { throw fail("\(name) \(x) must be a finite rate ≥ 0") }
        }
        switch self {
        case .constant(let r): try rate(r, "rate")
        case let .stepDecay(initial, every, factor):
            try rate(initial, "initial")
            guard every > 0 else { throw fail("every \(every) must be positive") }
            try rate(factor, "factor")
        case let .exponential(initial, factor):
            try rate(initial, "initial")
            try rate(factor, "factor")
        case let .cosine(initial, minimum, steps):
            try rate(initial, "initial")
            try rate(minimum, "minimum")
            guard steps > 0 else { throw fail("steps \(steps) must be positive") }
        case let .linear(initial, start, end, steps):
            try rate(initial, "initial")
            guard start > 0, start <= 1, end >= 0, end <= 1 else {
                throw fail("the factors must lie in (0, 1] and [0, 1] (PyTorch's LinearLR), got \(start) and \(end)")
            }
            guard steps > 0 else { throw fail("steps \(steps) must be positive") }
        case let .sequence(first, steps, then):
            _ = try first.validated()
            _ = try then.validated()
            guard steps >= 0 else { throw fail("steps \(steps) must not be negative") }
        }
        return self
    }

    /// The rate for step `t` (0 for the first update).
    public func rate(at t: Int) -> Double {
        let t = Swift.max(t, 0)
        switch self {
        case .constant(let r):
            return r
        case let .stepDecay(initial, every, factor):
            return initial * Foundation.pow(factor, Double(t / Swift.max(every, 1)))
        case let .exponential(initial, factor):
            return initial * Foundation.pow(factor, Double(t))
        case let .cosine(initial, minimum, steps):
            return minimum + (initial - minimum) * (1 + Foundation.cos(Double.pi * Double(t) / Double(Swift.max(steps, 1)))) / 2
        case let .linear(initial, start, end, steps):
            let progress = Double(Swift.min(t, steps)) / Double(Swift.max(steps, 1))
            return initial * (start + (end - start) * progress)
        case let .sequence(first, steps, then):
            return t < steps ? first.rate(at: t) : then.rate(at: t - steps)
        }
    }

    public var description: String {
        switch self {
        case .constant(let r): "constant \(r)"
        case let .stepDecay(initial, every, factor): "\(initial) × \(factor) every \(every) steps"
        case let .exponential(initial, factor): "\(initial) × \(factor) per step"
        case let .cosine(initial, minimum, steps): "cosine from \(initial) to \(minimum) over \(steps) steps"
        case let .linear(initial, start, end, steps): "\(initial) × (\(start) → \(end)) over \(steps) steps"
        case let .sequence(first, steps, then): "\(first) for \(steps) steps, then \(then)"
        }
    }
}
