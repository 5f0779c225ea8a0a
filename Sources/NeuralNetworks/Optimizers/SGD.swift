import Tensors

/// Stochastic gradient descent with momentum and L2 weight decay, as PyTorch's `SGD`:
/// `g ← g + λp;  v ← μv + g;  p ← p − lr·v` (or `p ← p − lr·(g + μv)` with Nesterov momentum).
///
/// References: B. T. Polyak, "Some methods of speeding up the convergence of iteration methods", 1964;
/// I. Sutskever et al., "On the importance of initialization and momentum in deep learning", ICML 2013.
public final class SGD: Optimizer {
    /// The momentum coefficient μ (0 for plain SGD).
    public var momentum: Double
    /// The L2 penalty λ added to the gradient.
    public var weightDecay: Double
    /// Whether to use Nesterov's look-ahead form.
    public var nesterov: Bool

    /// An SGD optimiser.
    public init(learningRate: Double, momentum: Double = 0, weightDecay: Double = 0, nesterov: Bool = false) {
        self.momentum = momentum
        self.weightDecay = weightDecay
        self.nesterov = nesterov
        super.init(learningRate: learningRate)
    }

    public override var bufferCount: Int { 1 }

    public override func savedSettings() -> () -> Void {
        let (m, wd, n) = (momentum, weightDecay, nesterov)
        return { [self] in (momentum, weightDecay, nesterov) = (m, wd, n) }
    }

    public override func apply(parameter p: UnsafeMutableBufferPointer<Double>, gradient g: UnsafeBufferPointer<Double>,
                               buffers: [UnsafeMutableBufferPointer<Double>], step: Int) {
        let lr = learningRate, mu = momentum, wd = weightDecay, nesterov = nesterov
        let v = buffers[0]
        for i in 0..<p.count {
            let gi = g[i] + wd * p[i]
            if mu == 0 {
                p[i] -= lr * gi
                continue
            }
            v[i] = mu * v[i] + gi
            p[i] -= lr * (nesterov ? gi + mu * v[i] : v[i])
        }
    }
}
