import Foundation
import Tensors

/// A tensor as the PyTorch oracle scripts write it: its shape and row-major data.
struct OracleTensor: Codable, Sendable {
    let shape: [Int]
    let data: [Double]
    func tensor() throws -> Tensor { try Tensor(shape: shape, data: data) }

    /// The largest element's disagreement with `actual` beyond `relative · max(|a|, |b|) + 1e-14`, described.
    func mismatch(_ actual: Tensor, relative: Double) -> String? {
        guard actual.shape == shape else { return "shape \(actual.shape), PyTorch \(shape)" }
        for (i, (a, b)) in zip(actual.scalars, data).enumerated()
        where Swift.abs(a - b) > relative * Swift.max(Swift.abs(a), Swift.abs(b)) + 1e-14 {
            return "element \(i): \(a), PyTorch \(b)"
        }
        return nil
    }

    /// The JSON table `name` beside this file, or `fallback` (with its reason) when it cannot be read.
    static func table<T: Decodable>(_ name: String, fallback: (String) -> T) -> T {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(name)
        do {
            return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
        } catch {
            return fallback("unreadable: \(error)")
        }
    }
}
