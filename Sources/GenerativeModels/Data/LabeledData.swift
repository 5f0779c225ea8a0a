import Tensors

/// Points with an integer class label each: `x` is `[count, features]`, `labels[i]` the class of row `i`.
public struct LabeledData: Sendable {
    /// The points, one row each.
    public var x: Tensor
    /// The class of each row, as a small non-negative integer.
    public var labels: [Int]

    /// Labelled data; throws unless `x` is a matrix with one row per label and no label is negative.
    public init(x: Tensor, labels: [Int]) throws {
        guard x.rank == 2, x.shape[0] == labels.count else {
            throw DatasetError.invalidArgument(
                "LabeledData needs a matrix with one row per label; got shape \(x.shape) and \(labels.count) labels")
        }
        if let bad = labels.first(where: { $0 < 0 }) {
            throw DatasetError.invalidArgument("labels must be non-negative, found \(bad)")
        }
        self.x = x
        self.labels = labels
    }

    /// `x` with every element above 0.5 set to 1 and the rest to 0 (for models of binary images).
    public var binarized: Tensor { x .> 0.5 }

    /// The number of rows.
    public var count: Int { labels.count }

    /// The number of classes, one more than the largest label (0 when empty).
    public var classCount: Int { (labels.max() ?? -1) + 1 }

    /// The labels as a vector of integral doubles, for tensor code (`Loss.crossEntropy(logits:labels:)`).
    public var labelTensor: Tensor { Tensor(labels) }

    /// The rows at `indices`, in that order.
    public func rows(_ indices: [Int]) throws -> LabeledData {
        try LabeledData(x: x.take(indices, axis: 0), labels: indices.map { labels[$0] })
    }

    /// A random split into a training part and a held-out part holding `testFraction` of the rows
    /// (rounded), drawn from `seed`.
    public func split(testFraction: Double = 0.2, seed: UInt64 = 0) throws -> (train: LabeledData, test: LabeledData) {
        guard testFraction >= 0, testFraction <= 1 else {
            throw DatasetError.invalidArgument("testFraction must lie in [0, 1], got \(testFraction)")
        }
        let order = try RandomGenerator(seed: seed).permutation(count)
        let testCount = Int((Double(count) * testFraction).rounded())
        return (try rows(Array(order[testCount...])), try rows(Array(order[..<testCount])))
    }
}
