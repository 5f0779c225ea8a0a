import Tensors

extension Evaluation {
    /// The mean sharpness of a batch of grey images: per image, the variance of its discrete
    /// Laplacian (4-neighbour, interior pixels), the standard focus measure (Pech-Pacheco et al.,
    /// ICPR 2000). Blurry images, such as a VAE's mean decodings, score lower than crisp ones on the
    /// same pixel scale. `images` is `[n, height·width]` (rows of pixels) or `[n, height, width]`.
    public static func sharpness(_ images: Tensor, height: Int = 8, width: Int = 8) throws -> Double {
        let scores = try sharpnessPerImage(images, height: height, width: width)
        return scores.isEmpty ? 0 : scores.reduce(0, +) / Double(scores.count)
    }

    /// Each image's variance of the Laplacian (see `sharpness`).
    public static func sharpnessPerImage(_ images: Tensor, height: Int = 8, width: Int = 8) throws -> [Double] {
        guard height >= 3, width >= 3 else {
            throw TensorError.invalidArgument(operation: "sharpness", reason: "images must be at least 3×3, got \(height)×\(width)")
        }
        let pixels = height * width
        let valid = (images.rank == 2 && images.shape[1] == pixels)
            || (images.rank == 3 && images.shape[1] == height && images.shape[2] == width)
        guard valid, images.count > 0 else {
            throw TensorError.invalidArgument(
                operation: "sharpness", reason: "expected images [n, \(pixels)] or [n, \(height), \(width)], got \(images.shape)")
        }
        guard images.allFinite else {
            throw TensorError.invalidArgument(operation: "sharpness", reason: "the images contain NaN or infinite values")
        }
        let n = images.shape[0]
        return images.withUnsafeBufferPointer { p in
            (0..<n).map { i in
                let base = i * pixels
                var sum = 0.0, sumSquares = 0.0
                for r in 1..<(height - 1) {
                    for c in 1..<(width - 1) {
                        let at = base + r * width + c
                        let laplacian = p[at - width] + p[at + width] + p[at - 1] + p[at + 1] - 4 * p[at]
                        sum += laplacian
                        sumSquares += laplacian * laplacian
                    }
                }
                let count = Double((height - 2) * (width - 2))
                let mean = sum / count
                return max(0, sumSquares / count - mean * mean)
            }
        }
    }
}
