import NeuralNetworks
import Tensors

extension VAE {
    /// `count` new images: codes drawn from the prior `N(0, I)` (from `seed`) and decoded to the mean of
    /// `p(x | z)` (pixel probabilities for a Bernoulli decoder), `[count, inputSize]`.
    public func sample(_ count: Int, seed: UInt64 = 0) throws -> Tensor {
        try checkPositive(count, "count", operation: "VAE.sample")
        let z = try Tensor.randomNormal([count, latentSize], using: RandomGenerator(seed: seed))
        return try decode(z)
    }

    /// Decoded images on a `steps × steps` grid over two latent dimensions (the others held at 0), each
    /// from −`span` to `span`: row `i` of the grid has `dimensions[1]` going from `span` down to `−span`,
    /// column `j` has `dimensions[0]` going from `−span` up to `span` (as on a scatter plot of codes).
    /// Rows of the result run through the grid row by row: `[steps · steps, inputSize]`, ready for an image grid.
    public func latentGrid(steps: Int = 10, span: Double = 2, dimensions: [Int] = [0, 1]) throws -> Tensor {
        let operation = "VAE.latentGrid"
        try checkPositive(steps, "steps", operation: operation)
        guard dimensions.count == 2, dimensions[0] != dimensions[1],
              dimensions.allSatisfy({ (0..<latentSize).contains($0) }) else {
            throw ModelError.invalidArgument(
                model: operation,
                reason: "needs two different latent dimensions in 0..<\(latentSize), got \(dimensions)")
        }
        let values = try positions(steps: steps, span: span, operation: operation)
        var codes = [Double](repeating: 0, count: steps * steps * latentSize)
        for i in 0..<steps {
            for j in 0..<steps {
                let row = (i * steps + j) * latentSize
                codes[row + dimensions[0]] = values[j]
                codes[row + dimensions[1]] = values[steps - 1 - i]
            }
        }
        return try decode(try Tensor(shape: [steps * steps, latentSize], data: codes))
    }

    /// Decoded images as one latent dimension moves from −`span` to `span` in `steps` steps while the
    /// others stay at `base` (a `[latentSize]` code, the origin by default): `[steps, inputSize]`.
    public func latentTraversal(dimension: Int, steps: Int = 10, span: Double = 2, base: Tensor? = nil) throws -> Tensor {
        let operation = "VAE.latentTraversal"
        try checkPositive(steps, "steps", operation: operation)
        guard (0..<latentSize).contains(dimension) else {
            throw ModelError.invalidArgument(model: operation, reason: "dimension must be in 0..<\(latentSize), got \(dimension)")
        }
        let origin = try base.map { b -> [Double] in
            guard b.count == latentSize else {
                throw ModelError.invalidArgument(
                    model: operation, reason: "base must hold \(latentSize) values, got shape \(b.shape)")
            }
            return b.scalars
        } ?? [Double](repeating: 0, count: latentSize)
        let values = try positions(steps: steps, span: span, operation: operation)
        var codes: [Double] = []
        codes.reserveCapacity(steps * latentSize)
        for value in values {
            var code = origin
            code[dimension] = value
            codes += code
        }
        return try decode(try Tensor(shape: [steps, latentSize], data: codes))
    }

    /// `steps` evenly spaced values from −`span` to `span` (just 0 for one step).
    private func positions(steps: Int, span: Double, operation: String) throws -> [Double] {
        guard span > 0, span.isFinite else {
            throw ModelError.invalidArgument(model: operation, reason: "span must be positive, got \(span)")
        }
        guard steps > 1 else { return [0] }
        return (0..<steps).map { -span + 2 * span * Double($0) / Double(steps - 1) }
    }
}
