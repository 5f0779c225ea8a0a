import Tensors

extension Evaluation {
    /// For each row of `points` (`[n, d]`), the Euclidean distance to its nearest row of `reference`
    /// (`[m, d]`), shape `[n]`. Samples → data measures fidelity (are samples near real points?);
    /// data → samples measures coverage (is every real point near a sample?); training data → samples
    /// near 0 warns of memorisation.
    public static func nearestNeighbourDistances(_ points: Tensor, to reference: Tensor) throws -> Tensor {
        try PairwiseDistances.validate(points, reference, operation: "nearestNeighbourDistances")
        var rows: [Tensor] = []
        let block = 512  // bounds the distance matrix at 512 × m
        for start in stride(from: 0, to: points.shape[0], by: block) {
            let chunk = try points[start..<min(start + block, points.shape[0])]
            rows.append(try PairwiseDistances.squared(chunk, reference).min(axis: 1))
        }
        return try Tensor.concatenate(rows, axis: 0).sqrt()
    }
}
