import Foundation
import Tensors

/// Adam with bias-corrected moment estimates, and weight decay either as an L2 term in the gradient
/// (PyTorch's `Adam`) or decoupled from it (`AdamW`):
/// `m ← β₁m + (1−β₁)g;  v ← β₂v + (1−β₂)g²;  p ← p − lr·(m/(1−β₁ᵗ)) / (√(v/(1−β₂ᵗ)) + ε)`.
///
/// References: D. P. Kingma, J. Ba, "Adam: A method for stochastic optimization", ICLR 2015;
/// I. Loshchilov, F. Hutter, "Decoupled weight decay regularization", ICLR 2019.
public final class Adam: Optimizer {
    /// Decay rate of the first-moment estimate.
    public var beta1: Double
    /// Decay rate of the second-moment estimate.
    public var beta2: Double
    /// Added to the denominator for stability.
    public var epsilon: Double
    /// The weight-decay coefficient λ.
    public var weightDecay: Double
    /// Whether weight decay is decoupled (`p ← p − lr·λ·p`, AdamW) rather than added to the gradient.
    public var decoupledWeightDecay: Bool

    /// An Adam optimiser with the usual defaults (lr 1e-3, β = (0.9, 0.999), ε = 1e-8).
    public init(learningRate: Double = 1e-3, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8,
                weightDecay: Double = 0, decoupledWeightDecay: Bool = false) {
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
        self.decoupledWeightDecay = decoupledWeightDecay
        super.init(learningRate: learningRate)
    }

    public override var bufferCount: Int { 2 }

    public override func savedSettings() -> () -> Void {
        let (b1, b2, e, wd, d) = (beta1, beta2, epsilon, weightDecay, decoupledWeightDecay)
        return { [self] in
            (beta1, beta2, epsilon, weightDecay, decoupledWeightDecay) = (b1, b2, e, wd, d)
        }
    }

    public override func apply(parameter p: UnsafeMutableBufferPointer<Double>, gradient g: UnsafeBufferPointer<Double>,
                               buffers: [UnsafeMutableBufferPointer<Double>], step: Int) {
        let lr = learningRate, b1 = beta1, b2 = beta2, eps = epsilon
        let wd = weightDecay, decoupled = decoupledWeightDecay
        let t = Double(step)
        let correction1 = 1 - pow(b1, t), correction2 = 1 - pow(b2, t)
        let stepSize = lr / correction1
        let scale2 = 1 / correction2.squareRoot()
        AdamKernel.update(
            parameter: p, gradient: g, firstMoment: buffers[0], secondMoment: buffers[1],
            constants: .init(beta1: b1, beta2: b2, stepSize: stepSize, secondMomentScale: scale2, epsilon: eps,
                             l2: decoupled ? 0 : wd, shrink: decoupled ? 1 - lr * wd : 1))
    }
}
