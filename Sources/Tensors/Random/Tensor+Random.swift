/// Random tensors. Each draws from the generator it is given, element by element in row-major
/// order, so a seed fixes the result on every machine.
extension Tensor {
    /// Normal draws with the given mean and standard deviation.
    public static func randomNormal(
        _ shape: [Int], mean: Double = 0, standardDeviation: Double = 1, using generator: RandomGenerator
    ) throws -> Tensor {
        try Shape.validate(shape, operation: "randomNormal")
        let n = Shape.count(shape)
        return Tensor(uncheckedShape: shape, scalars: Elementwise.make(n) { out in
            for i in 0..<n { out[i] = mean + standardDeviation * generator.normal() }
        })
    }

    /// Uniform draws in `[low, high)`.
    public static func randomUniform(
        _ shape: [Int], low: Double = 0, high: Double = 1, using generator: RandomGenerator
    ) throws -> Tensor {
        try Shape.validate(shape, operation: "randomUniform")
        let n = Shape.count(shape)
        return Tensor(uncheckedShape: shape, scalars: Elementwise.make(n) { out in
            for i in 0..<n { out[i] = generator.uniform(low, high) }
        })
    }

    /// Uniform integers in `0..<bound`, as integral doubles.
    public static func randomIntegers(_ shape: [Int], below bound: Int, using generator: RandomGenerator) throws -> Tensor {
        try Shape.validate(shape, operation: "randomIntegers")
        guard bound > 0 else { throw TensorError.invalidArgument(operation: "randomIntegers", reason: "bound must be positive") }
        let n = Shape.count(shape)
        return Tensor(uncheckedShape: shape, scalars: (0..<n).map { _ in Double(generator.uncheckedInteger(below: bound)) })
    }

    /// 1 with the probability given by each element (which must lie in [0, 1]), else 0.
    public static func bernoulli(_ probabilities: Tensor, using generator: RandomGenerator) throws -> Tensor {
        guard probabilities.scalars.allSatisfy({ $0 >= 0 && $0 <= 1 }) else {
            throw TensorError.invalidArgument(operation: "bernoulli", reason: "probabilities must lie in [0, 1]")
        }
        return Tensor(uncheckedShape: probabilities.shape, scalars: probabilities.scalars.map { generator.bernoulli($0) })
    }

    /// One class index per row of `probabilities` (last axis: non-negative weights), as integral doubles;
    /// the result drops the last axis.
    public static func categorical(probabilities: Tensor, using generator: RandomGenerator) throws -> Tensor {
        guard probabilities.rank >= 1, let classes = probabilities.shape.last, classes > 0 else {
            throw TensorError.invalidShape(operation: "categorical", shape: probabilities.shape, reason: "needs a non-empty last axis")
        }
        let rows = probabilities.count / classes
        var result = [Double](repeating: 0, count: rows)
        for r in 0..<rows {
            let weights = Array(probabilities.scalars[(r * classes)..<((r + 1) * classes)])
            result[r] = Double(try generator.categorical(weights))
        }
        return Tensor(uncheckedShape: Array(probabilities.shape.dropLast()), scalars: result)
    }

    /// One class index per row of unnormalised log-probabilities (softmax over the last axis).
    public static func categorical(logits: Tensor, using generator: RandomGenerator) throws -> Tensor {
        guard logits.rank >= 1 else {
            throw TensorError.invalidShape(operation: "categorical", shape: logits.shape, reason: "needs a non-empty last axis")
        }
        return try categorical(probabilities: try logits.detached.softmax(axis: -1), using: generator)
    }

    /// The rows (slices along axis 0) in a random order.
    public func shuffled(using generator: RandomGenerator) throws -> Tensor {
        guard rank >= 1 else { throw TensorError.invalidShape(operation: "shuffled", shape: shape, reason: "needs an axis to shuffle") }
        return try take(try generator.permutation(shape[0]), axis: 0)
    }
}
