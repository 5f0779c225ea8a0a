import Foundation
import NeuralNetworks
import Tensors

/// The distribution a VAE's decoder puts on each pixel given a code: `p(x | z)`.
public enum DecoderLikelihood: Sendable, Equatable, CustomStringConvertible {
    /// Independent Bernoulli pixels whose probabilities are the sigmoid of the decoder's outputs; for
    /// binary images (and, as is common, grey levels in [0, 1] used as soft targets).
    case bernoulli
    /// Independent Gaussian pixels with the decoder's outputs as means and a fixed standard deviation.
    case gaussian(standardDeviation: Double = 0.1)

    public var description: String {
        switch self {
        case .bernoulli: "bernoulli"
        case let .gaussian(sd): "gaussian(standardDeviation: \(sd))"
        }
    }

    /// `log p(x | z)` of each row of `x`, summed over its features, given the decoder's raw `outputs`
    /// (logits or means) for the same rows: shape `[rows]`. Differentiable in `outputs`.
    func logDensity(of x: Tensor, outputs: Tensor) throws -> Tensor {
        switch self {
        case .bernoulli:
            return -(try Loss.binaryCrossEntropy(logits: outputs, targets: x, reduction: .none).sum(axis: 1))
        case let .gaussian(sd):
            let variance = sd * sd
            let perPixel = try (x - outputs).square() * (0.5 / variance) + 0.5 * Foundation.log(2 * Double.pi * variance)
            return -(try perPixel.sum(axis: 1))
        }
    }

    /// The mean of `p(x | z)` given the decoder's raw outputs: probabilities or Gaussian means.
    func mean(of outputs: Tensor) -> Tensor {
        switch self {
        case .bernoulli: outputs.sigmoid()
        case .gaussian: outputs
        }
    }

    /// Throws unless the likelihood's settings are usable and `data` lies in its support.
    func validate(_ data: Tensor?, operation: String) throws {
        switch self {
        case .bernoulli:
            if let data, !data.scalars.allSatisfy({ $0 >= 0 && $0 <= 1 }) {
                throw ModelError.invalidArgument(
                    model: operation, reason: "a Bernoulli decoder needs pixel values in [0, 1]; scale the data or use .gaussian")
            }
        case let .gaussian(sd):
            guard sd > 0, sd.isFinite else {
                throw ModelError.invalidArgument(
                    model: operation, reason: "the Gaussian decoder's standard deviation must be positive, got \(sd)")
            }
        }
    }
}
