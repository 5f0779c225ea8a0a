import Foundation
import Tensors

/// Small data sets for the autoencoder tests, each fixed by its seed.
enum AutoencoderTestData {
    /// `count` rows in `dimension` features lying near a plane: `z·A + μ + noise` with the plane's two
    /// directions of clearly different spread, so that PCA's top two components are well separated.
    static func nearPlane(count: Int = 300, dimension: Int = 5, seed: UInt64 = 7) throws -> Tensor {
        let g = RandomGenerator(seed: seed)
        let z = try Tensor.randomNormal([count, 2], using: g) * Tensor([3.0, 1.5])
        let a = try Tensor.randomNormal([2, dimension], using: g)
        let offset = try Tensor.randomNormal([dimension], using: g)
        let noise = try Tensor.randomNormal([count, dimension], standardDeviation: 0.05, using: g)
        return try (try z • a) + offset + noise
    }

    /// `count` binary images of `side × side` pixels: a horizontal or vertical bar at a random place,
    /// with a few flipped pixels.
    static func bars(count: Int = 64, side: Int = 4, seed: UInt64 = 3) throws -> Tensor {
        let g = RandomGenerator(seed: seed)
        var pixels: [Double] = []
        for _ in 0..<count {
            var image = [Double](repeating: 0, count: side * side)
            let horizontal = g.uniform() < 0.5, line = try g.integer(below: side)
            for k in 0..<side { image[horizontal ? line * side + k : k * side + line] = 1 }
            for i in image.indices where g.uniform() < 0.05 { image[i] = 1 - image[i] }
            pixels += image
        }
        return try Tensor(shape: [count, side * side], data: pixels)
    }

    /// A fresh path for a temporary checkpoint file.
    static func temporaryPath(_ name: String) -> String {
        NSTemporaryDirectory() + "lectern-\(name)-\(UUID().uuidString).ckpt"
    }
}
