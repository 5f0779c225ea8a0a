import Testing
@testable import Tensors

/// Every differentiable operation against central finite differences.
///
/// Each case maps inputs of the given shapes to a tensor; the checked scalar is `Σ f(x)·W` for a fixed
/// random `W`, so every output element contributes. Inputs are drawn from `domain` (kept away from
/// kinks such as 0 for `relu` and `abs`). For each input, the relative error
/// `‖analytic − numeric‖ / max(‖analytic‖, ‖numeric‖)` must be at most 1e-6.
struct GradientCase: Sendable, CustomTestStringConvertible {
    enum Domain: Sendable {
        /// Uniform in [-2, 2] with |x| ≥ 0.2 (away from kinks at 0).
        case real
        /// Uniform in [0.5, 2].
        case positive
        /// Uniform in [-0.8, 0.8] away from 0 (for log1p's neighbourhood and clamp's interior).
        case small
        /// Distinct values (no ties for max/min).
        case distinct
    }

    let name: String
    let shapes: [[Int]]
    let domain: Domain
    /// The true gradient is zero for some input (a softmax over one element, an input masked
    /// out entirely): the check then compares against zero instead of requiring a signal.
    let mayBeZero: Bool
    let f: @Sendable ([Tensor]) throws -> Tensor

    init(_ name: String, _ shapes: [[Int]], _ domain: Domain = .real, mayBeZero: Bool = false,
         _ f: @escaping @Sendable ([Tensor]) throws -> Tensor) {
        self.name = name
        self.shapes = shapes
        self.domain = domain
        self.mayBeZero = mayBeZero
        self.f = f
    }

    var testDescription: String { "\(name) \(shapes)" }
}

let gradientCases: [GradientCase] = [
    // Broadcasting arithmetic: equal shapes, a row, a column, a scalar, leading axes.
    GradientCase("add", [[3, 4], [3, 4]]) { try $0[0] + $0[1] },
    GradientCase("add row", [[3, 4], [4]]) { try $0[0] + $0[1] },
    GradientCase("add column", [[3, 4], [3, 1]]) { try $0[0] + $0[1] },
    GradientCase("add scalar tensor", [[2, 3], []]) { try $0[0] + $0[1] },
    GradientCase("add outer", [[3, 1], [1, 4]]) { try $0[0] + $0[1] },
    GradientCase("add rank 3", [[2, 3, 4], [3, 1]]) { try $0[0] + $0[1] },
    GradientCase("subtract", [[3, 4], [4]]) { try $0[0] - $0[1] },
    GradientCase("subtract column", [[3, 1], [3, 4]]) { try $0[0] - $0[1] },
    GradientCase("multiply", [[3, 4], [3, 4]]) { try $0[0] * $0[1] },
    GradientCase("multiply broadcast", [[2, 3, 4], [1, 3, 1]]) { try $0[0] * $0[1] },
    GradientCase("divide", [[3, 4], [3, 4]]) { try $0[0] / $0[1] },
    GradientCase("divide broadcast", [[3, 4], [3, 1]]) { try $0[0] / $0[1] },
    GradientCase("pow tensor", [[3, 4], [3, 4]], .positive) { try $0[0].pow($0[1]) },
    GradientCase("pow broadcast", [[3, 4], [4]], .positive) { try $0[0].pow($0[1]) },
    GradientCase("maximum", [[3, 4], [3, 4]], .distinct) { try $0[0].maximum($0[1]) },
    GradientCase("minimum broadcast", [[3, 4], [4]], .distinct) { try $0[0].minimum($0[1]) },
    GradientCase("scalar add", [[3, 4]]) { $0[0] + 1.5 },
    GradientCase("scalar subtract from", [[3, 4]]) { 2 - $0[0] },
    GradientCase("scalar multiply", [[3, 4]]) { 3 * $0[0] },
    GradientCase("scalar divide", [[3, 4]]) { $0[0] / 3 },
    GradientCase("scalar divided by", [[3, 4]]) { 2 / $0[0] },
    GradientCase("negate", [[3, 4]]) { -$0[0] },
    GradientCase("pow scalar", [[3, 4]], .positive) { $0[0].pow(2.5) },
    GradientCase("pow 2", [[3, 4]]) { $0[0].pow(2) },
    // Size-1 axes, rank-0/rank-1 mixes and scalars on either side, for every broadcasting operation.
] + [[[1], []], [[], [1]], [[1], [3]], [[3], [1]], [[], [3]], [[1, 1], [2]], [[2, 1], [1]], [[1, 3], [2, 1]]].flatMap { shapes in [
    GradientCase("add", shapes) { try $0[0] + $0[1] },
    GradientCase("subtract", shapes) { try $0[0] - $0[1] },
    GradientCase("multiply", shapes) { try $0[0] * $0[1] },
    GradientCase("divide", shapes) { try $0[0] / $0[1] },
    GradientCase("pow", shapes, .positive) { try $0[0].pow($0[1]) },
    // Both together, so that each input wins somewhere even when each holds one element.
    GradientCase("maximum and minimum", shapes, .distinct) { try $0[0].maximum($0[1]) * 2 + $0[0].minimum($0[1]) },
] } + [
    // Elementwise functions.
    GradientCase("exp", [[3, 4]]) { $0[0].exp() },
    GradientCase("log", [[3, 4]], .positive) { $0[0].log() },
    GradientCase("log1p", [[3, 4]], .small) { $0[0].log1p() },
    GradientCase("sqrt", [[3, 4]], .positive) { $0[0].sqrt() },
    GradientCase("abs", [[3, 4]]) { $0[0].abs() },
    GradientCase("square", [[3, 4]]) { $0[0].square() },
    GradientCase("sin", [[3, 4]]) { $0[0].sin() },
    GradientCase("cos", [[3, 4]]) { $0[0].cos() },
    GradientCase("tanh", [[3, 4]]) { $0[0].tanh() },
    GradientCase("sigmoid", [[3, 4]]) { $0[0].sigmoid() },
    GradientCase("softplus", [[3, 4]]) { $0[0].softplus() },
    GradientCase("relu", [[3, 4]]) { $0[0].relu() },
    GradientCase("leakyRelu", [[3, 4]]) { $0[0].leakyRelu(slope: 0.1) },
    GradientCase("elu", [[3, 4]]) { $0[0].elu(alpha: 0.7) },
    GradientCase("gelu", [[3, 4]]) { $0[0].gelu() },
    GradientCase("silu", [[3, 4]]) { $0[0].silu() },
    GradientCase("clamped", [[3, 4]], .real) { $0[0].clamped(min: -1.1, max: 1.3) },
    // Reductions along every axis, with and without kept axes.
    GradientCase("sum all", [[3, 4]]) { $0[0].sum() },
    GradientCase("sum axis 0", [[3, 4]]) { try $0[0].sum(axis: 0) },
    GradientCase("sum axis 1", [[3, 4]]) { try $0[0].sum(axis: 1) },
    GradientCase("sum axis 0 of 3", [[2, 3, 4]]) { try $0[0].sum(axis: 0) },
    GradientCase("sum axis 1 of 3 kept", [[2, 3, 4]]) { try $0[0].sum(axis: 1, keepDims: true) },
    GradientCase("sum axis -1 of 3", [[2, 3, 4]]) { try $0[0].sum(axis: -1) },
    GradientCase("sum axes 0,2", [[2, 3, 4]]) { try $0[0].sum(axes: [0, 2]) },
    GradientCase("mean all", [[3, 4]]) { $0[0].mean() },
    GradientCase("mean axis 0", [[3, 4]]) { try $0[0].mean(axis: 0) },
    GradientCase("mean axis 1 kept", [[3, 4]]) { try $0[0].mean(axis: 1, keepDims: true) },
    GradientCase("variance all", [[3, 4]]) { try $0[0].variance() },
    GradientCase("variance axis 0", [[3, 4]]) { try $0[0].variance(axis: 0) },
    GradientCase("variance axis 1 unbiased", [[3, 4]]) { try $0[0].variance(axis: 1, correction: 1) },
    GradientCase("standard deviation axis 1", [[3, 4]]) { try $0[0].standardDeviation(axes: [1]) },
    GradientCase("max all", [[3, 4]], .distinct) { try $0[0].max() },
    GradientCase("max axis 0", [[3, 4]], .distinct) { try $0[0].max(axis: 0) },
    GradientCase("max axis 1 kept", [[3, 4]], .distinct) { try $0[0].max(axis: 1, keepDims: true) },
    GradientCase("min axis 1 of 3", [[2, 3, 4]], .distinct) { try $0[0].min(axis: 1) },
    GradientCase("logSumExp all", [[3, 4]]) { $0[0].logSumExp() },
    GradientCase("logSumExp axis 0", [[3, 4]]) { try $0[0].logSumExp(axis: 0) },
    GradientCase("logSumExp axis 1 kept", [[3, 4]]) { try $0[0].logSumExp(axis: 1, keepDims: true) },
    GradientCase("logSumExp axis 1 of 3", [[2, 3, 4]]) { try $0[0].logSumExp(axis: 1) },
    GradientCase("mean axis 2 of 3", [[2, 3, 4]]) { try $0[0].mean(axis: 2) },
    GradientCase("mean axes 0,1 of 3 kept", [[2, 3, 4]]) { try $0[0].mean(axes: [0, 1], keepDims: true) },
    GradientCase("variance axes 0,2 of 3", [[2, 3, 4]]) { try $0[0].variance(axes: [0, 2]) },
    GradientCase("max axis 0 of 3", [[2, 3, 4]], .distinct) { try $0[0].max(axis: 0) },
    GradientCase("max axis 2 of 3 kept", [[2, 3, 4]], .distinct) { try $0[0].max(axis: 2, keepDims: true) },
    GradientCase("min all", [[3, 4]], .distinct) { try $0[0].min() },
    GradientCase("logSumExp axis 0 of 3", [[2, 3, 4]]) { try $0[0].logSumExp(axis: 0) },
    GradientCase("logSumExp axis 2 of 3", [[2, 3, 4]]) { try $0[0].logSumExp(axis: -1) },
    GradientCase("softmax axis -1", [[3, 4]]) { try $0[0].softmax() },
    GradientCase("softmax axis 1 of 3", [[2, 3, 4]]) { try $0[0].softmax(axis: 1) },
    GradientCase("softmax axis 0", [[3, 4]]) { try $0[0].softmax(axis: 0) },
    GradientCase("logSoftmax", [[3, 4]]) { try $0[0].logSoftmax() },
    // Shape.
    GradientCase("reshape", [[3, 4]]) { try $0[0].reshaped([2, 6]) },
    GradientCase("reshape inferred", [[3, 4]]) { try $0[0].reshaped([-1, 3]) },
    GradientCase("flattened", [[3, 4]]) { $0[0].flattened() },
    GradientCase("transpose", [[3, 4]]) { $0[0].T },
    GradientCase("permute", [[2, 3, 4]]) { try $0[0].permuted([2, 0, 1]) },
    GradientCase("transpose axes", [[2, 3, 4]]) { try $0[0].transposed(0, 2) },
    GradientCase("expandedDimensions", [[3, 4]]) { try $0[0].expandedDimensions(axis: 1) },
    GradientCase("squeezed", [[3, 1, 4]]) { try $0[0].squeezed(axis: 1) },
    GradientCase("broadcast", [[3, 1]]) { try $0[0].broadcast(to: [2, 3, 4]) },
    // Indexing, slicing, gathering, joining.
    GradientCase("index", [[3, 4]]) { try $0[0][1] },
    GradientCase("negative index", [[3, 4]]) { try $0[0][-1] },
    GradientCase("range", [[5, 4]]) { try $0[0][1..<4] },
    GradientCase("column", [[3, 4]]) { try $0[0][TensorIndex.all, 2] },
    GradientCase("strided", [[3, 7]]) { try $0[0][TensorIndex.all, TensorIndex.stride(1, nil, by: 2)] },
    GradientCase("ellipsis", [[2, 3, 4]]) { try $0[0][TensorIndex.ellipsis, 1..<3] },
    GradientCase("replacing", [[3, 4], [4]]) { try $0[0].replacing(1, with: $0[1]) },
    GradientCase("replacing region", [[3, 4], [2, 1]]) { try $0[0].replacing(0..<2, 1..<3, with: $0[1]) },
    GradientCase("take", [[4, 3]]) { try $0[0].take([2, 0, 2, 3]) },
    GradientCase("take axis 1", [[2, 4, 3]]) { try $0[0].take([3, 1], axis: 1) },
    GradientCase("takeAlong", [[3, 4]]) { try $0[0].takeAlong(Tensor([[1], [3], [1]]), axis: 1) },
    GradientCase("takeAlong axis 0", [[3, 4]]) { try $0[0].takeAlong(Tensor([[2, 0, 1, 1], [0, 0, 2, 1]]), axis: 0) },
    GradientCase("concatenate axis 0", [[2, 3], [4, 3]]) { try Tensor.concatenate($0, axis: 0) },
    GradientCase("concatenate axis 1", [[2, 3], [2, 1]]) { try Tensor.concatenate($0, axis: 1) },
    GradientCase("stack", [[2, 3], [2, 3]]) { try Tensor.stack($0, axis: 1) },
    GradientCase("where", [[3, 4], [4]], mayBeZero: true) { try Tensor.where(Tensor([1, 0, 0, 1]), $0[0], $0[1]) },
    // Matrix products: plain, vector forms, batched, broadcast batch.
    GradientCase("matmul", [[3, 4], [4, 5]]) { try $0[0].matmul($0[1]) },
    GradientCase("matmul vector left", [[4], [4, 5]]) { try $0[0] • $0[1] },
    GradientCase("matmul vector right", [[3, 4], [4]]) { try $0[0] • $0[1] },
    GradientCase("matmul dot", [[4], [4]]) { try $0[0] • $0[1] },
    GradientCase("matmul batched", [[2, 3, 4], [2, 4, 5]]) { try $0[0] • $0[1] },
    GradientCase("matmul batch × matrix", [[2, 3, 4], [4, 5]]) { try $0[0] • $0[1] },
    GradientCase("matmul matrix × batch", [[3, 4], [2, 4, 5]]) { try $0[0] • $0[1] },
    GradientCase("matmul broadcast batch", [[2, 1, 3, 4], [3, 4, 2]]) { try $0[0] • $0[1] },
    GradientCase("matmul transpose A", [[4, 3], [4, 5]]) { try Tensor.matmul($0[0], $0[1], transposeA: true) },
    GradientCase("matmul transpose B", [[3, 4], [5, 4]]) { try Tensor.matmul($0[0], $0[1], transposeB: true) },
    GradientCase("matmul transpose both", [[4, 3], [5, 4]]) { try Tensor.matmul($0[0], $0[1], transposeA: true, transposeB: true) },
    GradientCase("matmul batch × matrixᵀ", [[2, 3, 4], [5, 4]]) { try Tensor.matmul($0[0], $0[1], transposeB: true) },
    GradientCase("matmul batchᵀ × batch", [[2, 4, 3], [2, 4, 5]]) { try Tensor.matmul($0[0], $0[1], transposeA: true) },
    GradientCase("affine", [[5, 3], [3, 4], [4]]) { try Tensor.affine($0[0], $0[1], $0[2]) },
    GradientCase("affine batched", [[2, 5, 3], [3, 4], [4]]) { try Tensor.affine($0[0], $0[1], $0[2]) },
    // Convolutions: input, weight and bias, through padding, stride, dilation and causal padding.
    GradientCase("conv2d", [[2, 3, 5, 4], [4, 3, 3, 2], [4]]) { try Tensor.conv2d($0[0], weight: $0[1], bias: $0[2]) },
    GradientCase("conv2d padded", [[2, 2, 4, 4], [3, 2, 3, 3], [3]]) { try Tensor.conv2d($0[0], weight: $0[1], bias: $0[2], padding: [1]) },
    GradientCase("conv2d stride 2", [[1, 2, 6, 5], [2, 2, 3, 3]]) { try Tensor.conv2d($0[0], weight: $0[1], stride: [2], padding: [1]) },
    GradientCase("conv2d stride per axis", [[2, 1, 7, 6], [2, 1, 2, 3]]) { try Tensor.conv2d($0[0], weight: $0[1], stride: [3, 2], padding: [0, 2]) },
    GradientCase("conv2d dilated", [[1, 2, 7, 7], [2, 2, 3, 3], [2]]) {
        try Tensor.conv2d($0[0], weight: $0[1], bias: $0[2], padding: [2], dilation: [2])
    },
    GradientCase("conv2d 1×1", [[2, 3, 3, 3], [5, 3, 1, 1], [5]]) { try Tensor.conv2d($0[0], weight: $0[1], bias: $0[2]) },
    GradientCase("conv2d padding wider than kernel", [[1, 1, 2, 3], [2, 1, 2, 2]]) { try Tensor.conv2d($0[0], weight: $0[1], padding: [3]) },
    GradientCase("conv1d", [[2, 3, 7], [4, 3, 3], [4]]) { try Tensor.conv1d($0[0], weight: $0[1], bias: $0[2], padding: 1) },
    GradientCase("conv1d stride and dilation", [[2, 2, 11], [3, 2, 3], [3]]) {
        try Tensor.conv1d($0[0], weight: $0[1], bias: $0[2], stride: 2, dilation: 3)
    },
    GradientCase("conv1d causal dilated", [[2, 2, 9], [3, 2, 2], [3]]) {
        try Tensor.conv1d($0[0], weight: $0[1], bias: $0[2], dilation: 4, causal: true)
    },
    GradientCase("conv2d composite", [[2, 2, 5, 5], [3, 2, 3, 3], [3]]) { x in
        let h = try Tensor.conv2d(x[0], weight: x[1], bias: x[2], padding: [1]).tanh()
        return try Tensor.conv2d(h, weight: x[1].permuted([1, 0, 2, 3]), padding: [1]) * x[0]
    },
    GradientCase("gruUpdate", [[3, 12], [3, 12], [3, 4]]) { try Tensor.gruUpdate(inputGates: $0[0], hiddenGates: $0[1], state: $0[2]) },
    GradientCase("gruUpdate over two steps", [[2, 9], [3, 9], [2, 3]]) { x in
        let h = try Tensor.gruUpdate(inputGates: x[0], hiddenGates: x[2] • x[1], state: x[2])
        return try Tensor.gruUpdate(inputGates: x[0] * 0.5, hiddenGates: h • x[1], state: h)
    },
    GradientCase("gruSequence", [[2, 4, 9], [3, 9], [9], [2, 3]]) {
        try Tensor.gruSequence(inputGates: $0[0], hiddenWeight: $0[1], hiddenBias: $0[2], state: $0[3])
    },
    GradientCase("gruSequence of one step", [[3, 1, 6], [2, 6], [6], [3, 2]]) {
        try Tensor.gruSequence(inputGates: $0[0], hiddenWeight: $0[1], hiddenBias: $0[2], state: $0[3])
    },
    // Linear algebra.
    GradientCase("inverse", [[3, 3]]) { try Linalg.inverse(wellConditioned($0[0])) },
    GradientCase("logDeterminant", [[3, 3]]) { try Linalg.logDeterminant(wellConditioned($0[0])) },
    GradientCase("solve", [[3, 3], [3, 2]]) { try Linalg.solve(wellConditioned($0[0]), $0[1]) },
    GradientCase("solve vector", [[3, 3], [3]]) { try Linalg.solve(wellConditioned($0[0]), $0[1]) },
    // A composition (a small network and loss) as a whole.
    GradientCase("composite", [[5, 3], [3, 4], [4]]) { x in
        let h = try (x[0] • x[1] + x[2]).tanh()
        return try (h.logSoftmax() * h.sigmoid()).mean(axis: 0)
    },
]

/// `a + 4I`: with entries of magnitude ≤ 2 in a 3×3 matrix this keeps determinants positive.
@Sendable func wellConditioned(_ a: Tensor) throws -> Tensor {
    try a + 4 * Tensor.eye(a.shape[0])
}

@Suite("Finite-difference gradient checks")
struct GradientCheckTests {
    @Test(arguments: gradientCases)
    func gradientMatchesCentralDifferences(_ c: GradientCase) throws {
        try check(c)
    }

    @Test(arguments: edgeShapeGradientCases)
    func gradientAtEdgeShapesMatchesCentralDifferences(_ c: GradientCase) throws {
        try check(c)
    }

    private func check(_ c: GradientCase) throws {
        let rng = RandomGenerator(seed: 2024)
        let inputs = try c.shapes.map { try sample($0, c.domain, rng) }
        let probe = try c.f(inputs)
        let weights = try Tensor.randomUniform(probe.shape, low: 0.5, high: 1.5, using: rng)
        let objective: @Sendable ([Tensor]) throws -> Tensor = { try (c.f($0) * weights).sum() }

        let (_, analytic) = try valueAndGrad(at: inputs, objective)
        let h = 1e-5
        for (k, input) in inputs.enumerated() {
            var numeric = [Double](repeating: 0, count: input.count)
            for i in 0..<input.count {
                var plus = inputs, minus = inputs
                plus[k].scalars[i] += h
                minus[k].scalars[i] -= h
                numeric[i] = (try objective(plus).item - objective(minus).item) / (2 * h)
            }
            let a = analytic[k]
            #expect(a.shape == input.shape)
            let diff = zip(a.scalars, numeric).map { ($0 - $1) * ($0 - $1) }.reduce(0, +).squareRoot()
            let scale = max(norm(a.scalars), norm(numeric))
            let relative = scale == 0 ? diff : diff / scale
            #expect(relative <= 1e-6, "\(c.name) input \(k): relative error \(relative)")
            #expect(scale > 0 || c.mayBeZero, "\(c.name) input \(k): gradient is identically zero")
        }
    }

    private func norm(_ v: [Double]) -> Double { v.map { $0 * $0 }.reduce(0, +).squareRoot() }

    private func sample(_ shape: [Int], _ domain: GradientCase.Domain, _ rng: RandomGenerator) throws -> Tensor {
        let n = shape.reduce(1, *)
        let values: [Double]
        switch domain {
        case .real:
            values = (0..<n).map { _ in
                let m = rng.uniform(0.2, 2)
                return rng.uniform() < 0.5 ? -m : m
            }
        case .positive:
            values = (0..<n).map { _ in rng.uniform(0.5, 2) }
        case .small:
            values = (0..<n).map { _ in
                let m = rng.uniform(0.1, 0.8)
                return rng.uniform() < 0.5 ? -m : m
            }
        case .distinct:
            // A shuffled ladder with gaps of 0.1 ≫ h and a random offset per input: no ties within or
            // across inputs, no crossing under perturbation.
            let offset = rng.uniform(0.01, 0.09)
            values = try rng.permutation(n).map { Double($0) * 0.1 - Double(n) * 0.05 + offset }
        }
        return try Tensor(shape: shape, data: values)
    }
}
