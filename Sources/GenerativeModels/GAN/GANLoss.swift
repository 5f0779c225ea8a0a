import Tensors

/// The generator's objective in a GAN (Goodfellow et al., 2014). Both share the discriminator's
/// loss, binary cross-entropy of real against generated points; they differ in what the
/// generator minimises, given the discriminator's logit `l = logit D(G(z))`:
///
/// - `.minimax`: `log(1 − D(G(z))) = −softplus(l)`, the game's own value. Its gradient vanishes
///   when the discriminator confidently rejects the samples, as it does early in training.
/// - `.nonSaturating`: `−log D(G(z)) = softplus(−l)`, the same fixed point with strong gradients
///   exactly there; what practice uses.
public enum GANLoss: String, Sendable, CaseIterable, CustomStringConvertible {
    case minimax
    case nonSaturating

    /// The generator loss, averaged over the batch, from the discriminator's logits on generated points.
    public func generatorLoss(fakeLogits: Tensor) -> Tensor {
        switch self {
        case .minimax: (-fakeLogits.softplus()).mean()
        case .nonSaturating: (-fakeLogits).softplus().mean()
        }
    }

    /// The discriminator loss: `−log D(x)` on real points plus `−log(1 − D(G(z)))` on generated
    /// ones, each averaged over its batch.
    public static func discriminatorLoss(realLogits: Tensor, fakeLogits: Tensor) throws -> Tensor {
        // −log σ(l) = softplus(−l); −log(1 − σ(l)) = softplus(l).
        try (-realLogits).softplus().mean() + fakeLogits.softplus().mean()
    }

    public var description: String { rawValue }
}
