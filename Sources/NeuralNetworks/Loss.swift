import Foundation
import Tensors

/// How a loss combines its per-element terms.
public enum LossReduction: Sendable {
    /// The mean over all elements.
    case mean
    /// The sum over all elements.
    case sum
    /// No reduction: the per-element terms, of the inputs' shape.
    case none
}

/// Loss functions. Each computes per-element terms, then reduces them (`.mean` by default). A
/// prediction and its target must have the same shape: a loss never broadcasts one against the
/// other (a `[3, 1]` prediction against a `[3]` target would silently compare every pair). All are
/// differentiable and numerically stable for large logits.
public enum Loss {
    /// `(prediction − target)²`.
    public static func meanSquaredError(_ prediction: Tensor, _ target: Tensor, reduction: LossReduction = .mean) throws -> Tensor {
        try sameShape("meanSquaredError", "prediction", prediction, "target", target)
        return reduce(try (prediction - target).square(), reduction)
    }

    /// Binary cross-entropy of targets in [0, 1] against logits: `softplus(x) − t·x`, i.e.
    /// `−t·log σ(x) − (1−t)·log(1 − σ(x))` without overflow.
    public static func binaryCrossEntropy(logits: Tensor, targets: Tensor, reduction: LossReduction = .mean) throws -> Tensor {
        try sameShape("binaryCrossEntropy", "logits", logits, "targets", targets)
        return reduce(try logits.softplus() - targets * logits, reduction)
    }

    /// Cross-entropy of integral class labels (shape `[N]`) against logits (`[N, C]`):
    /// `−log softmax(x)[label]`, one term per row (fused: `Tensor.softmaxCrossEntropy`; `float32`
    /// computes its exponentials to single precision, as PyTorch's float32 does).
    public static func crossEntropy(logits: Tensor, labels: Tensor, reduction: LossReduction = .mean,
                                    precision: ProductPrecision = .float64) throws -> Tensor {
        reduce(try Tensor.softmaxCrossEntropy(logits: logits, labels: labels, precision: precision), reduction)
    }

    /// Cross-entropy of target distributions (`[N, C]`, rows summing to 1) against logits:
    /// `−Σ_c p_c log softmax(x)_c`, one term per row.
    public static func crossEntropy(logits: Tensor, probabilities: Tensor, reduction: LossReduction = .mean) throws -> Tensor {
        guard logits.shape == probabilities.shape, logits.rank >= 1 else {
            throw TensorError.shapeMismatch(operation: "crossEntropy", lhs: logits.shape, rhs: probabilities.shape)
        }
        return reduce(-(try (probabilities * logits.logSoftmax(axis: -1)).sum(axis: -1)), reduction)
    }

    /// Negative log-density of `target` under N(mean, exp(logVariance)):
    /// `½(log 2π + logσ² + (x − μ)²/σ²)` per element.
    public static func gaussianNegativeLogLikelihood(
        mean: Tensor, logVariance: Tensor, target: Tensor, reduction: LossReduction = .mean
    ) throws -> Tensor {
        try sameShape("gaussianNegativeLogLikelihood", "mean", mean, "target", target)
        try spreads("gaussianNegativeLogLikelihood", "logVariance", logVariance, over: mean)
        let squared = try (target - mean).square() * (-logVariance).exp()
        return reduce(0.5 * (try squared + logVariance + log(2 * Double.pi)), reduction)
    }

    /// KL(N(μ₁, σ₁²) ‖ N(μ₂, σ₂²)) per element for diagonal Gaussians given means and log-variances:
    /// `½(logσ₂² − logσ₁² + (σ₁² + (μ₁ − μ₂)²)/σ₂² − 1)`.
    public static func klDivergence(
        mean: Tensor, logVariance: Tensor, priorMean: Tensor, priorLogVariance: Tensor, reduction: LossReduction = .mean
    ) throws -> Tensor {
        try sameShape("klDivergence", "mean", mean, "logVariance", logVariance)
        try spreads("klDivergence", "priorMean", priorMean, over: mean)
        try spreads("klDivergence", "priorLogVariance", priorLogVariance, over: mean)
        let ratio = try (logVariance.exp() + (mean - priorMean).square()) * (-priorLogVariance).exp()
        return reduce(0.5 * (try priorLogVariance - logVariance + ratio - 1), reduction)
    }

    /// KL(N(μ, σ²) ‖ N(0, 1)) per element, the VAE's regulariser: `½(σ² + μ² − 1 − logσ²)`.
    public static func klDivergenceFromStandardNormal(
        mean: Tensor, logVariance: Tensor, reduction: LossReduction = .mean
    ) throws -> Tensor {
        try sameShape("klDivergenceFromStandardNormal", "mean", mean, "logVariance", logVariance)
        return reduce(0.5 * (try logVariance.exp() + mean.square() - logVariance - 1), reduction)
    }

    /// Refuses two inputs of a loss whose shapes differ, naming both.
    private static func sameShape(_ loss: String, _ a: String, _ x: Tensor, _ b: String, _ y: Tensor) throws {
        guard x.shape != y.shape else { return }
        throw TensorError.invalidArgument(
            operation: loss,
            reason: "the \(a) has shape \(x.shape) and the \(b) \(y.shape); a loss compares them element by element and does not broadcast (reshape one to match)")
    }

    /// Refuses a parameter of a distribution (a shared variance, a prior) that does not broadcast
    /// to the shape of the terms without enlarging it.
    private static func spreads(_ loss: String, _ name: String, _ p: Tensor, over x: Tensor) throws {
        let fits = p.rank <= x.rank && zip(p.shape.reversed(), x.shape.reversed()).allSatisfy { $0 == $1 || $0 == 1 }
        guard !fits else { return }
        throw TensorError.invalidArgument(
            operation: loss, reason: "the \(name) of shape \(p.shape) does not broadcast to the terms' shape \(x.shape)")
    }

    private static func reduce(_ terms: Tensor, _ reduction: LossReduction) -> Tensor {
        switch reduction {
        case .mean: terms.mean()
        case .sum: terms.sum()
        case .none: terms
        }
    }
}
