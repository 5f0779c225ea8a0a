import Foundation
import Tensors

/// Two-dimensional synthetic sets for generative models: each is drawn from its own seed, so the same
/// arguments give the same points.
extension Dataset {
    /// `count` points from a mixture of `modes` equal Gaussians (standard deviation `noise`) centred
    /// evenly on a circle of `radius`, as `[count, 2]`: the classic test of mode coverage for GANs.
    public static func ring(
        count: Int = 1000, modes: Int = 8, radius: Double = 2, noise: Double = 0.05, seed: UInt64 = 0
    ) throws -> Tensor {
        try checkCount(count, "ring")
        try checkNoise(noise, "ring")
        guard modes >= 1 else { throw DatasetError.invalidArgument("ring: modes must be at least 1, got \(modes)") }
        let rng = RandomGenerator(seed: seed)
        var values: [Double] = []
        values.reserveCapacity(2 * count)
        for _ in 0..<count {
            let mode = try rng.integer(below: modes)
            let angle = 2 * Double.pi * Double(mode) / Double(modes)
            values.append(radius * cos(angle) + noise * rng.normal())
            values.append(radius * sin(angle) + noise * rng.normal())
        }
        return try Tensor(shape: [count, 2], data: values)
    }

    /// The mode (0 ..< `modes`) of each point of `ring(count:modes:radius:noise:seed:)` with the same
    /// arguments, for colouring plots and measuring coverage.
    public static func ringModes(count: Int = 1000, modes: Int = 8, seed: UInt64 = 0) throws -> [Int] {
        try checkCount(count, "ringModes")
        guard modes >= 1 else { throw DatasetError.invalidArgument("ringModes: modes must be at least 1, got \(modes)") }
        let rng = RandomGenerator(seed: seed)
        return try (0..<count).map { _ in
            let mode = try rng.integer(below: modes)
            _ = rng.normal(); _ = rng.normal()
            return mode
        }
    }

    /// Two interleaving half circles (scikit-learn's `make_moons`), `count` points with labels 0 (upper)
    /// and 1 (lower) alternating, each moved by Gaussian noise of standard deviation `noise`.
    public static func moons(count: Int = 1000, noise: Double = 0.1, seed: UInt64 = 0) throws -> LabeledData {
        try checkCount(count, "moons")
        try checkNoise(noise, "moons")
        let rng = RandomGenerator(seed: seed)
        var values: [Double] = []
        values.reserveCapacity(2 * count)
        var labels: [Int] = []
        labels.reserveCapacity(count)
        for i in 0..<count {
            let t = Double.pi * rng.uniform()
            let label = i % 2
            let (x, y) = label == 0 ? (cos(t), sin(t)) : (1 - cos(t), 0.5 - sin(t))
            values.append(x + noise * rng.normal())
            values.append(y + noise * rng.normal())
            labels.append(label)
        }
        return try LabeledData(x: Tensor(shape: [count, 2], data: values), labels: labels)
    }

    /// `count` points in `centers` isotropic Gaussian clusters (standard deviation `noise`) whose centres
    /// sit evenly on a circle of radius 4, labelled by cluster (drawn uniformly).
    public static func blobs(count: Int = 1000, centers: Int = 3, noise: Double = 0.5, seed: UInt64 = 0) throws -> LabeledData {
        try checkCount(count, "blobs")
        try checkNoise(noise, "blobs")
        guard centers >= 1 else { throw DatasetError.invalidArgument("blobs: centers must be at least 1, got \(centers)") }
        let rng = RandomGenerator(seed: seed)
        var values: [Double] = []
        values.reserveCapacity(2 * count)
        var labels: [Int] = []
        labels.reserveCapacity(count)
        for _ in 0..<count {
            let label = try rng.integer(below: centers)
            let angle = 2 * Double.pi * Double(label) / Double(centers) + Double.pi / 2
            values.append(4 * cos(angle) + noise * rng.normal())
            values.append(4 * sin(angle) + noise * rng.normal())
            labels.append(label)
        }
        return try LabeledData(x: Tensor(shape: [count, 2], data: values), labels: labels)
    }

    /// The two-dimensional Swiss roll: `t·(cos t, sin t)/5` for `t` uniform in [1.5π, 4.5π], plus
    /// Gaussian noise of standard deviation `noise`, as `[count, 2]` (points within about ±3).
    public static func swissRoll(count: Int = 1000, noise: Double = 0.1, seed: UInt64 = 0) throws -> Tensor {
        try checkCount(count, "swissRoll")
        try checkNoise(noise, "swissRoll")
        let rng = RandomGenerator(seed: seed)
        var values: [Double] = []
        values.reserveCapacity(2 * count)
        for _ in 0..<count {
            let t = 1.5 * Double.pi * (1 + 2 * rng.uniform())
            values.append(t * cos(t) / 5 + noise * rng.normal())
            values.append(t * sin(t) / 5 + noise * rng.normal())
        }
        return try Tensor(shape: [count, 2], data: values)
    }
}
