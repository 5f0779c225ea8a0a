import Tensors

/// The shapes where backward rules break: rank 0, one element, size-1 axes, and a size-1 axis
/// beside a longer one. Every elementwise function, reduction, shape operation, gather, product
/// and linear-algebra operation meets each of them (the broadcasting operations' mixes are in
/// `gradientCases`), together with the ordering, diagonal and mask operations at ordinary shapes.
let edgeShapes: [[Int]] = [[], [1], [1, 1], [2, 1], [1, 3]]

let edgeShapeGradientCases: [GradientCase] = everyEdgeShape + edgeShapesWithAnAxis + edgeMatrices + orderingAndLinearAlgebra

private let everyEdgeShape: [GradientCase] = edgeShapes.flatMap { (s: [Int]) -> [GradientCase] in [
    // Elementwise functions and scalar arithmetic.
    GradientCase("exp", [s]) { $0[0].exp() },
    GradientCase("log", [s], .positive) { $0[0].log() },
    GradientCase("log1p", [s], .small) { $0[0].log1p() },
    GradientCase("sqrt", [s], .positive) { $0[0].sqrt() },
    GradientCase("abs", [s]) { $0[0].abs() },
    GradientCase("square", [s]) { $0[0].square() },
    GradientCase("sin and cos", [s]) { try $0[0].sin() * $0[0].cos() },
    GradientCase("tanh", [s]) { $0[0].tanh() },
    GradientCase("sigmoid", [s]) { $0[0].sigmoid() },
    GradientCase("softplus", [s]) { $0[0].softplus() },
    GradientCase("relu", [s]) { $0[0].relu() },
    GradientCase("leakyRelu", [s]) { $0[0].leakyRelu(slope: 0.1) },
    GradientCase("elu", [s]) { $0[0].elu(alpha: 0.7) },
    GradientCase("gelu", [s]) { $0[0].gelu() },
    GradientCase("silu", [s]) { $0[0].silu() },
    GradientCase("clamped", [s]) { $0[0].clamped(min: -1.1, max: 1.3) },
    GradientCase("scalar arithmetic", [s]) { try (2 - $0[0]) * 3 + 1.5 - $0[0] / 3 },
    GradientCase("scalar divided by", [s]) { 2 / $0[0] },
    GradientCase("negate", [s]) { -$0[0] },
    GradientCase("pow scalar", [s], .positive) { $0[0].pow(2.5) },
    GradientCase("pow with itself", [s], .positive) { try $0[0].pow($0[0]) },
    // Whole-tensor reductions.
    GradientCase("sum", [s]) { $0[0].sum() },
    GradientCase("mean", [s]) { $0[0].mean() },
    GradientCase("max", [s], .distinct) { try $0[0].max() },
    GradientCase("min", [s], .distinct) { try $0[0].min() },
    GradientCase("logSumExp", [s]) { $0[0].logSumExp() },
    GradientCase("norm", [s]) { $0[0].norm() },
    GradientCase("median", [s], .distinct) { try $0[0].median() },
    // Shape operations.
    GradientCase("reshape to [1, 1, …]", [s]) { try $0[0].reshaped([1, 1] + s.filter { $0 != 1 }) },
    GradientCase("flattened", [s]) { $0[0].flattened() },
    GradientCase("squeezed", [s]) { $0[0].squeezed() },
    GradientCase("expandedDimensions", [s]) { try $0[0].expandedDimensions(axis: 0) },
    GradientCase("broadcast", [s]) { try $0[0].broadcast(to: [2] + s.map { $0 == 1 ? 3 : $0 }) },
    GradientCase("tiled", [s]) { try $0[0].tiled([2, 3]) },
    GradientCase("where", [s]) { x in
        try Tensor.where(Tensor.zeros(s) .== 0, x[0], Tensor.zeros(s))
    },
    GradientCase("stack", [s, s]) { try Tensor.stack($0, axis: 0) },
] }

private let edgeShapesWithAnAxis: [GradientCase] = edgeShapes.filter { !$0.isEmpty }.flatMap { (s: [Int]) -> [GradientCase] in [
    // Along the first and the last axis, so that a size-1 axis is reduced and a longer one kept.
    GradientCase("sum axis 0", [s]) { try $0[0].sum(axis: 0) },
    GradientCase("sum axis -1 kept", [s]) { try $0[0].sum(axis: -1, keepDims: true) },
    GradientCase("mean axis -1", [s]) { try $0[0].mean(axis: -1) },
    GradientCase("max axis 0 kept", [s], .distinct) { try $0[0].max(axis: 0, keepDims: true) },
    GradientCase("min axis -1", [s], .distinct) { try $0[0].min(axis: -1) },
    GradientCase("logSumExp axis 0", [s]) { try $0[0].logSumExp(axis: 0) },
    GradientCase("logSumExp axis -1 kept", [s]) { try $0[0].logSumExp(axis: -1, keepDims: true) },
    GradientCase("norm axis -1", [s]) { try $0[0].norm(axis: -1) },
    // A softmax over one element is constant: its gradient is zero, and must be, not a crash.
    GradientCase("softmax axis 0", [s], mayBeZero: true) { try $0[0].softmax(axis: 0) },
    GradientCase("logSoftmax axis -1", [s], mayBeZero: true) { try $0[0].logSoftmax(axis: -1) },
    GradientCase("sorted axis -1", [s], .distinct) { try $0[0].sorted(axis: -1) },
    GradientCase("sorted descending axis 0", [s], .distinct) { try $0[0].sorted(axis: 0, descending: true) },
    GradientCase("median axis -1", [s], .distinct) { try $0[0].median(axis: -1) },
    GradientCase("quantile axis 0", [s], .distinct) { try $0[0].quantile(0.3, axis: 0) },
    GradientCase("cumulativeSum axis 0", [s]) { try $0[0].cumulativeSum(axis: 0) },
    GradientCase("cumulativeSum axis -1", [s]) { try $0[0].cumulativeSum(axis: -1) },
    GradientCase("repeated axis 0", [s]) { try $0[0].repeated(3, axis: 0) },
    GradientCase("index 0", [s]) { try $0[0][0] },
    GradientCase("index -1 of the last axis", [s]) { try $0[0][TensorIndex.ellipsis, -1] },
    GradientCase("range", [s]) { try $0[0][0..<1] },
    GradientCase("take", [s]) { try $0[0].take([0, 0, 0]) },
    GradientCase("takeAlong axis -1", [s]) { x in
        try x[0].takeAlong(Tensor.zeros(Array(s.dropLast()) + [2]), axis: -1)
    },
    GradientCase("concatenate axis 0", [s, s]) { try Tensor.concatenate($0, axis: 0) },
    GradientCase("concatenate axis -1", [s, s]) { try Tensor.concatenate($0, axis: -1) },
    GradientCase("replacing", [s, Array(s.dropFirst())], mayBeZero: true) { try $0[0].replacing(0, with: $0[1]) },
    GradientCase("masked", [s]) { x in try x[0].masked(Tensor.zeros(s) .== 0) },
    GradientCase("replacing mask", [s], mayBeZero: true) { x in try x[0].replacing(mask: Tensor.zeros(s) .== 0, with: 2) },
] }

private let edgeMatrices: [GradientCase] = edgeShapes.filter { $0.count == 2 }.flatMap { (s: [Int]) -> [GradientCase] in [
    GradientCase("transpose", [s]) { $0[0].T },
    GradientCase("permute", [s]) { try $0[0].permuted([1, 0]) },
    GradientCase("diagonal", [s]) { try $0[0].diagonal() },
    GradientCase("trace", [s]) { try $0[0].trace() },
    GradientCase("variance axis 0 of [3] + s", [[3] + s]) { try $0[0].variance(axis: 0) },
    // Products whose inner, outer or batch sizes are 1.
    GradientCase("matmul by sᵀ", [s, s.reversed()]) { try $0[0] • $0[1] },
    GradientCase("matmul sᵀ by s", [s.reversed(), s]) { try $0[0] • $0[1] },
    GradientCase("matmul transpose A", [s, s]) { try Tensor.matmul($0[0], $0[1], transposeA: true) },
    GradientCase("matmul transpose B", [s, s]) { try Tensor.matmul($0[0], $0[1], transposeB: true) },
    GradientCase("matmul vector right", [s, [s[1]]]) { try $0[0] • $0[1] },
    GradientCase("matmul vector left", [[s[0]], s]) { try $0[0] • $0[1] },
    GradientCase("matmul batched", [[1] + s, [1] + s.reversed()]) { try $0[0] • $0[1] },
    GradientCase("matmul broadcast batch", [[2, 1] + s, s.reversed()]) { try $0[0] • $0[1] },
    GradientCase("affine", [s, [s[1], 1], [1]]) { try Tensor.affine($0[0], $0[1], $0[2]) },
] }

private let orderingAndLinearAlgebra: [GradientCase] = [
    // Ordinary shapes for the ordering, diagonal and mask operations.
    GradientCase("sorted axis -1", [[3, 4]], .distinct) { try $0[0].sorted() },
    GradientCase("sorted descending axis 0", [[3, 4]], .distinct) { try $0[0].sorted(axis: 0, descending: true) },
    GradientCase("median axis 1, even count", [[3, 4]], .distinct) { try $0[0].median(axis: 1) },
    GradientCase("median", [[5]], .distinct) { try $0[0].median() },
    GradientCase("quantile axis 1 kept", [[3, 5]], .distinct) { try $0[0].quantile(0.3, axis: 1, keepDims: true) },
    GradientCase("quantile axis 0 of 3", [[4, 2, 3]], .distinct) { try $0[0].quantile(0.5, axis: 0) },
    GradientCase("cumulativeSum axis 0", [[3, 4]]) { try $0[0].cumulativeSum(axis: 0) },
    GradientCase("cumulativeSum axis 1 of 3", [[2, 3, 4]]) { try $0[0].cumulativeSum(axis: 1) },
    GradientCase("norm", [[3, 4]]) { $0[0].norm() },
    GradientCase("norm axis 1 kept", [[3, 4]]) { try $0[0].norm(axis: 1, keepDims: true) },
    GradientCase("tiled", [[2, 3]]) { try $0[0].tiled([2, 1]) },
    GradientCase("tiled adding an axis", [[2, 3]]) { try $0[0].tiled([2, 1, 2]) },
    GradientCase("repeated axis 1", [[2, 3]]) { try $0[0].repeated(2, axis: 1) },
    GradientCase("diagonal", [[3, 3]]) { try $0[0].diagonal() },
    GradientCase("diagonal of a wide batch", [[2, 3, 4]]) { try $0[0].diagonal() },
    GradientCase("trace", [[3, 3]]) { try $0[0].trace() },
    GradientCase("masked", [[3, 4]]) { x in try x[0].masked(try x[0].detached .> 0) },
    GradientCase("replacing mask with a value", [[3, 4]]) { x in try x[0].replacing(mask: try x[0].detached .> 0, with: 0) },
    GradientCase("replacing mask with values", [[3, 4]]) { x in
        let pattern: [[Double]] = [[1, 0, 0, 1], [0, 1, 0, 0], [0, 0, 0, 1]]
        let mask: Tensor = try Tensor(pattern) .> 0.5
        return try x[0].replacing(mask: mask, with: Tensor([7.0, 8, 9, 10] as [Double]))
    },
    // Linear algebra at 1×1 and through the factorisations of a symmetric positive-definite matrix.
    GradientCase("inverse 1×1", [[1, 1]], .positive) { try Linalg.inverse($0[0]) },
    GradientCase("logDeterminant 1×1", [[1, 1]], .positive) { try Linalg.logDeterminant($0[0]) },
    GradientCase("solve 1×1", [[1, 1], [1]], .positive) { try Linalg.solve($0[0], $0[1]) },
    GradientCase("solve 1×1 by a row", [[1, 1], [1, 3]], .positive) { try Linalg.solve($0[0], $0[1]) },
    GradientCase("signAndLogDeterminant", [[3, 3]]) { try Linalg.signAndLogDeterminant(wellConditioned($0[0])).logAbsDeterminant },
    GradientCase("cholesky", [[3, 3]]) { try Linalg.cholesky(spd($0[0])) },
    GradientCase("cholesky 1×1", [[1, 1]]) { try Linalg.cholesky(spd($0[0])) },
    GradientCase("eigh eigenvalues", [[3, 3]]) { try Linalg.eigh(spd($0[0])).eigenvalues },
    GradientCase("eigh eigenvalues 1×1", [[1, 1]]) { try Linalg.eigh(spd($0[0])).eigenvalues },
]

/// `x·xᵀ + I`: symmetric positive definite for any square `x`, so that a factorisation's
/// gradient is checked through a matrix it is defined on.
@Sendable func spd(_ x: Tensor) throws -> Tensor {
    try x • x.T + Tensor.eye(x.shape[0])
}
