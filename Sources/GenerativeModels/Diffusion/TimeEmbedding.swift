import Foundation
import Tensors

/// The sinusoidal embedding of a diffusion step t (Vaswani et al. 2017, as in Ho et al. 2020):
/// `[sin(t·ω_0), …, sin(t·ω_{h−1}), cos(t·ω_0), …, cos(t·ω_{h−1})]` with ω_k = 10000^(−k/h), h = dim/2,
/// so that nearby steps get similar codes at every scale. Precomputed for t = 1 … T.
struct TimeEmbedding {
    /// The codes, `[T, dimension]`, row t − 1 for step t.
    let table: Tensor
    /// The length of one code (even).
    let dimension: Int

    init(steps: Int, dimension: Int) throws {
        guard dimension >= 2, dimension % 2 == 0 else {
            throw TensorError.invalidArgument(
                operation: "DDPM", reason: "timeEmbedding must be a positive even number, got \(dimension)")
        }
        let half = dimension / 2
        var values: [Double] = []
        values.reserveCapacity(steps * dimension)
        for t in 1...steps {
            let frequencies = (0..<half).map { k in Foundation.exp(-Foundation.log(10000.0) * Double(k) / Double(half)) }
            values += frequencies.map { Foundation.sin(Double(t) * $0) }
            values += frequencies.map { Foundation.cos(Double(t) * $0) }
        }
        table = try Tensor(shape: [steps, dimension], data: values)
        self.dimension = dimension
    }

    /// The codes of the given steps (each 1 … T), `[n, dimension]`.
    func callAsFunction(_ steps: [Int]) throws -> Tensor {
        try table.take(steps.map { $0 - 1 }, axis: 0)
    }
}
