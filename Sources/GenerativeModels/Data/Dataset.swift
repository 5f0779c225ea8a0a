import Tensors

/// The course's data: the handwritten digits shipped with the package, small synthetic sets in two
/// dimensions drawn from a seed, and a user's own CSV of numbers.
///
///     let digits = try Dataset.digits()          // 1797 × 64, pixels in [0, 1]
///     let ring = try Dataset.ring(modes: 8, seed: 1)
public enum Dataset {}

extension Dataset {
    /// Throws unless `count` is non-negative.
    static func checkCount(_ count: Int, _ name: String) throws {
        guard count >= 0, count <= Tensor.elementLimit / 2 else {
            throw DatasetError.invalidArgument("\(name): count must be between 0 and \(Tensor.elementLimit / 2), got \(count)")
        }
    }

    /// Throws unless `noise` is a finite non-negative number.
    static func checkNoise(_ noise: Double, _ name: String) throws {
        guard noise >= 0, noise.isFinite else {
            throw DatasetError.invalidArgument("\(name): noise must be finite and non-negative, got \(noise)")
        }
    }
}
