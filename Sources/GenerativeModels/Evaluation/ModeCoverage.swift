import Foundation
import Tensors

/// How a sample spreads over the modes of a mixture: which modes it covers and how much of it lies
/// far from every mode. A collapsed GAN covers few modes; a blurry one puts many samples between them.
public struct ModeCoverage: Sendable, Equatable {
    /// Samples assigned to each mode (nearest centre, within `nearDistance`).
    public let counts: [Int]
    /// The number of modes holding at least `minimumShare` of the samples.
    public let modesCovered: Int
    /// The share of samples farther than `nearDistance` from every mode centre.
    public let farShare: Double
    /// The distance within which a sample counts for a mode.
    public let nearDistance: Double
    /// The share of all samples a mode needs to count as covered.
    public let minimumShare: Double

    /// The number of modes.
    public var modes: Int { counts.count }
}

extension Evaluation {
    /// Mode coverage of `samples` (`[n, d]`) on the mixture with mode `centers` (`[k, d]`): each sample
    /// goes to its nearest centre if within `nearDistance`, else counts as far; a mode is covered when
    /// it holds at least `minimumShare` of all samples (default: a quarter of a uniform share, 1/(4k)).
    public static func modeCoverage(_ samples: Tensor, centers: Tensor, nearDistance: Double,
                                    minimumShare: Double? = nil) throws -> ModeCoverage {
        try PairwiseDistances.validate(samples, centers, operation: "modeCoverage")
        guard nearDistance > 0, nearDistance.isFinite else {
            throw TensorError.invalidArgument(operation: "modeCoverage", reason: "nearDistance must be positive, got \(nearDistance)")
        }
        let k = centers.shape[0], n = samples.shape[0]
        let share = minimumShare ?? 0.25 / Double(k)
        guard share >= 0, share <= 1 else {
            throw TensorError.invalidArgument(operation: "modeCoverage", reason: "minimumShare must lie in [0, 1], got \(share)")
        }
        let distances = try PairwiseDistances.squared(samples, centers)
        var counts = [Int](repeating: 0, count: k)
        var far = 0
        let limit = nearDistance * nearDistance
        distances.withUnsafeBufferPointer { d in
            for i in 0..<n {
                var best = 0
                for j in 1..<max(k, 1) where d[i * k + j] < d[i * k + best] { best = j }
                if d[i * k + best] <= limit { counts[best] += 1 } else { far += 1 }
            }
        }
        let needed = share * Double(n)
        return ModeCoverage(counts: counts, modesCovered: counts.filter { $0 > 0 && Double($0) >= needed }.count,
                            farShare: Double(far) / Double(n), nearDistance: nearDistance, minimumShare: share)
    }

    /// Mode coverage on `Dataset.ring(modes:radius:noise:)`: centres at angles 2πj/`modes` on a circle
    /// of `radius`; a sample is near a mode within `nearDistance` (default 3·`noise`, at least 0.1).
    public static func ringModeCoverage(_ samples: Tensor, modes: Int = 8, radius: Double = 2, noise: Double = 0.05,
                                        nearDistance: Double? = nil, minimumShare: Double? = nil) throws -> ModeCoverage {
        guard modes > 0 else {
            throw TensorError.invalidArgument(operation: "ringModeCoverage", reason: "modes must be positive, got \(modes)")
        }
        let centers = try Tensor((0..<modes).map { j -> [Double] in
            let angle = 2 * Double.pi * Double(j) / Double(modes)
            return [radius * cos(angle), radius * sin(angle)]
        })
        return try modeCoverage(samples, centers: centers, nearDistance: nearDistance ?? max(3 * noise, 0.1),
                                minimumShare: minimumShare)
    }
}
