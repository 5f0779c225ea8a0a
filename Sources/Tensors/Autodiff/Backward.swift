/// The gradient rules of every differentiable primitive, in one table (as tinygrad keeps them).
/// Each case holds what its rule needs from the forward pass (detached); `gradients` maps the
/// gradient of the output to the gradients of the inputs, in the order the inputs were recorded.
/// Composite operations (mean, variance, softmax, stack, …) get their gradients through these.
enum Backward: Sendable {
    /// `lhs ± rhs`: only the shapes are needed.
    case sumOrDifference(lhsShape: [Int], rhsShape: [Int], subtract: Bool)
    case binary(BinaryOperation, lhs: Tensor, rhs: Tensor, output: Tensor)
    case unary(UnaryFunction, input: Tensor, output: Tensor)
    /// `op(lhs)·op(rhs)`; the gradients' products in the forward product's precision.
    case matmul(lhs: Tensor, rhs: Tensor, transA: Bool, transB: Bool, precision: ProductPrecision)
    /// `x·W + b`; inputs x, W, b.
    case affine(input: Tensor, weight: Tensor, precision: ProductPrecision)
    case sum(inputShape: [Int], keptShape: [Int])
    /// A 2-D convolution; inputs x, W and (when present) b.
    case convolution(input: Tensor, weight: Tensor, plan: ConvolutionPlan)
    /// One element chosen along `axis` (max/min); `positions` are the chosen indices.
    case select(inputShape: [Int], axis: Int, positions: [Int])
    case logSumExp(input: Tensor, output: Tensor)
    /// `Tensor.softmaxCrossEntropy`: the rows' softmax and the labels picked.
    case softmaxCrossEntropy(probabilities: Tensor, labels: [Int])
    case reshape(inputShape: [Int])
    case permute(axes: [Int])
    case broadcast(inputShape: [Int])
    case slice(inputShape: [Int], region: SliceRegion)
    /// Inputs: the tensor and the patch (already shaped as the region) written into it.
    case replace(inputShape: [Int], region: SliceRegion)
    case concatenate(axis: Int, sizes: [Int])
    case take(inputShape: [Int], axis: Int, positions: [Int])
    /// `Tensor.gruUpdate`; inputs the input gates, the hidden gates and the state. Holds the gates
    /// r, z, n it computed (`[B, 3H]`).
    case gruUpdate(gates: Tensor, hiddenGates: Tensor, state: Tensor)
    /// `Tensor.gruSequence`; inputs the input gates of every step, the hidden weight and bias, and
    /// the first state. Holds what the backward pass through time needs.
    case gruSequence(GRUSequenceRecord)
    /// Output element `t` is input element `positions[t]` (row-major).
    case takeFlat(inputShape: [Int], positions: [Int])
    case `where`(mask: Tensor)
    case inverse(output: Tensor)
    /// `log|det A|`; holds `A⁻¹`.
    case logDeterminant(inverse: Tensor)
    /// `X = A⁻¹B`; inputs A and B.
    case solve(a: Tensor, solution: Tensor)
    /// `L` with `L·Lᵀ = A`; holds `L`.
    case cholesky(factor: Tensor)
    /// The eigenvalues of a symmetric `A`; holds the eigenvectors (columns).
    case eigenvalues(vectors: Tensor)
    /// An output with no gradient rule (eigenvectors): a gradient reaching it is an error.
    case notDifferentiable(operation: String)

    /// The gradients of the inputs given the gradient `g` of the output; nil where `needs` is false.
    func gradients(_ g: Tensor, needs: Needs) throws -> [Tensor?] {
        switch self {
        case let .sumOrDifference(l, r, subtract):
            return [needs[0] ? g.summed(toShape: l) : nil, needs[1] ? (subtract ? -g : g).summed(toShape: r) : nil]

        case let .binary(op, lhs, rhs, output):
            let l = lhs.shape, r = rhs.shape
            func both(_ dl: () throws -> Tensor, _ dr: () throws -> Tensor) rethrows -> [Tensor?] {
                [needs[0] ? try dl().summed(toShape: l) : nil, needs[1] ? try dr().summed(toShape: r) : nil]
            }
            switch op {
            case .add, .subtract:  // normally recorded as .sumOrDifference
                return both({ g }, { op == .subtract ? -g : g })
            case .multiply: return try both({ try g * rhs }, { try g * lhs })
            case .divide: return try both({ try g / rhs }, { try -g * output / rhs })
            case .pow:
                return try both({ try g * rhs * lhs.pow(rhs - 1) }, { try g * output * lhs.log() })
            case .maximum:
                return try both({ try g * (lhs .>= rhs) }, { try g * (lhs .< rhs) })
            case .minimum:
                return try both({ try g * (lhs .<= rhs) }, { try g * (lhs .> rhs) })
            }

        case let .unary(f, input, output):
            return [Tensor(uncheckedShape: input.shape, scalars: f.backward(x: input.scalars, y: output.scalars, g: g.scalars))]

        case let .matmul(lhs, rhs, transA, transB, precision):
            // C = op(A)·op(B):  op(A)̄ = G·op(B)ᵀ,  op(B)̄ = op(A)ᵀ·G; a transposed operand gets the
            // transpose of its bar, computed by swapping the product's operands.
            var result: [Tensor?] = [nil, nil]
            if needs[0] {
                let bar = transA
                    ? try Tensor.product(rhs, transA: transB, g, transB: true, precision: precision)
                    : try Tensor.product(g, transA: false, rhs, transB: !transB, precision: precision)
                result[0] = bar.summed(toShape: lhs.shape)
            }
            if needs[1] {
                if rhs.rank == 2 && lhs.rank > 2 && !transA {
                    // Fold the batch into rows: Σ_batch Aᵀ·G is one product of the stacked matrices.
                    let k = lhs.shape[lhs.rank - 1], n = g.shape[g.rank - 1]
                    let a2 = lhs.reshapedUnchecked([lhs.count / k, k]), g2 = g.reshapedUnchecked([g.count / n, n])
                    result[1] = transB
                        ? try Tensor.product(g2, transA: true, a2, transB: false, precision: precision)
                        : try Tensor.product(a2, transA: true, g2, transB: false, precision: precision)
                } else {
                    let bar = transB
                        ? try Tensor.product(g, transA: true, lhs, transB: transA, precision: precision)
                        : try Tensor.product(lhs, transA: !transA, g, transB: false, precision: precision)
                    result[1] = bar.summed(toShape: rhs.shape)
                }
            }
            return result

        case let .affine(input, weight, precision):
            let (inputs, outputs) = (weight.shape[0], weight.shape[1])
            let rows = g.count / max(outputs, 1)
            let g2 = g.reshapedUnchecked([rows, outputs])
            let x2 = input.reshapedUnchecked([rows, inputs])
            return [
                needs[0] ? try Tensor.product(g2, transA: false, weight, transB: true, precision: precision).reshapedUnchecked(input.shape) : nil,
                needs[1] ? try Tensor.product(x2, transA: true, g2, transB: false, precision: precision) : nil,
                needs[2] ? g2.sumUnchecked(axes: [0], keepDims: false) : nil,
            ]

        case let .convolution(input, weight, plan):
            let (dx, dw, db) = plan.backward(g.scalars, input: input.scalars, weight: weight.scalars,
                                             needInput: needs[0], needWeight: needs[1], needBias: needs.ids.count > 2 && needs[2])
            return [dx.map { Tensor(uncheckedShape: input.shape, scalars: $0) },
                    dw.map { Tensor(uncheckedShape: weight.shape, scalars: $0) },
                    db.map { Tensor(uncheckedShape: [weight.shape[0]], scalars: $0) }]

        case let .gruUpdate(gates, gh, h):
            let d = Tensor.gruUpdateGradients(g, gates: gates, hiddenGates: gh, state: h)
            return [needs[0] ? d.inputGates : nil, needs[1] ? d.hiddenGates : nil, needs[2] ? d.state : nil]

        case let .gruSequence(record):
            return try record.gradients(g, needs: needs)

        case let .sum(inputShape, keptShape):
            return [g.reshapedUnchecked(keptShape).broadcastUnchecked(to: inputShape)]

        case let .select(inputShape, axis, positions):
            let (outer, n, inner) = Reduction.split(inputShape, axis: axis)
            var data = [Double](repeating: 0, count: outer * n * inner)
            for o in 0..<outer {
                for j in 0..<inner {
                    data[(o * n + positions[o * inner + j]) * inner + j] += g.scalars[o * inner + j]
                }
            }
            return [Tensor(uncheckedShape: inputShape, scalars: data)]

        case let .logSumExp(input, output):
            let softmax = try (input - output).exp()
            return [try softmax * g.reshapedUnchecked(output.shape)]

        case let .softmaxCrossEntropy(probabilities, labels):
            let classes = probabilities.shape[1]
            let data = probabilities.scalars.withUnsafeBufferPointer { pp in
                g.scalars.withUnsafeBufferPointer { gp in
                    Elementwise.make(probabilities.count) { out in
                        for (i, label) in labels.enumerated() {
                            let (p, d, gi) = (pp.baseAddress! + i * classes, out + i * classes, gp[i])
                            for c in 0..<classes { d[c] = gi * p[c] }
                            d[label] = gi * (p[label] - 1)
                        }
                    }
                }
            }
            return [Tensor(uncheckedShape: probabilities.shape, scalars: data)]

        case let .reshape(inputShape):
            return [g.reshapedUnchecked(inputShape)]

        case let .permute(axes):
            var inverse = axes
            for (i, a) in axes.enumerated() { inverse[a] = i }
            return [g.permutedUnchecked(inverse)]

        case let .broadcast(inputShape):
            return [g.summed(toShape: inputShape)]

        case let .slice(inputShape, region):
            var data = [Double](repeating: 0, count: Shape.count(inputShape))
            region.add(g.scalars, into: &data, shape: inputShape)
            return [Tensor(uncheckedShape: inputShape, scalars: data)]

        case let .replace(inputShape, region):
            var kept = g.scalars
            region.write([Double](repeating: 0, count: Shape.count(region.counts)), into: &kept, shape: inputShape)
            return [Tensor(uncheckedShape: inputShape, scalars: kept),
                    Tensor(uncheckedShape: region.counts, scalars: region.read(g.scalars, shape: inputShape))]

        case let .concatenate(axis, sizes):
            var result: [Tensor?] = []
            var start = 0
            for (i, size) in sizes.enumerated() {
                let need = needs[i]
                if need {
                    var indices = [TensorIndex](repeating: .all, count: g.rank)
                    indices[axis] = .range(start: start, end: start + size, step: 1)
                    result.append(try g.indexed(indices))
                } else {
                    result.append(nil)
                }
                start += size
            }
            return result

        case let .take(inputShape, axis, positions):
            let (outer, n, inner) = Reduction.split(inputShape, axis: axis)
            let m = positions.count
            var data = [Double](repeating: 0, count: outer * n * inner)
            g.scalars.withUnsafeBufferPointer { gp in
                for o in 0..<outer {
                    for (k, p) in positions.enumerated() {
                        for j in 0..<inner { data[(o * n + p) * inner + j] += gp[(o * m + k) * inner + j] }
                    }
                }
            }
            return [Tensor(uncheckedShape: inputShape, scalars: data)]

        case let .takeFlat(inputShape, positions):
            var data = [Double](repeating: 0, count: Shape.count(inputShape))
            for (t, p) in positions.enumerated() { data[p] += g.scalars[t] }
            return [Tensor(uncheckedShape: inputShape, scalars: data)]

        case let .where(mask):
            return [needs[0] ? try g * mask : nil, needs[1] ? try g * (1 - mask) : nil]

        case let .inverse(output):
            // d(A⁻¹) = −A⁻¹ dA A⁻¹  ⇒  Ā = −A⁻ᵀ Ḡ A⁻ᵀ
            let yt = output.transposed()
            return [-(try yt.matmul(g).matmul(yt))]

        case let .logDeterminant(inverse):
            return [try inverse.transposed() * g]

        case let .cholesky(l):
            // As PyTorch: T = tril(Lᵀ L̄), S = ½(T + tril(T, −1)ᵀ) (so ½T on the diagonal), Ā = L⁻ᵀ S L⁻¹.
            let n = l.shape[0]
            let t = try l.transposed().matmul(g)
            var s = [Double](repeating: 0, count: n * n)
            for i in 0..<n {
                for j in 0...i {
                    let v = t.scalars[i * n + j]
                    s[i * n + j] = 0.5 * v
                    s[j * n + i] = 0.5 * v
                }
            }
            let lt = l.transposed()
            let x = try Linalg.solveTriangular(lt, Tensor(uncheckedShape: [n, n], scalars: s), lower: false)  // L⁻ᵀ S
            return [try Linalg.solveTriangular(lt, x.transposed(), lower: false).transposed()]            // (L⁻ᵀ Xᵀ)ᵀ = X L⁻¹

        case let .eigenvalues(v):
            // A = V diag(λ) Vᵀ with distinct λ: Ā = V diag(λ̄) Vᵀ.
            return [try (v * g.reshapedUnchecked([1, g.count])).matmul(v.transposed())]

        case let .notDifferentiable(operation):
            throw TensorError.notDifferentiable(operation: operation)

        case let .solve(a, x):
            // X = A⁻¹B  ⇒  B̄ = A⁻ᵀ Ḡ,  Ā = −B̄ Xᵀ
            let gb = try Linalg.solveUntracked(a.transposed(), g)
            let xMatrix = x.rank == 1 ? x.reshapedUnchecked([x.count, 1]) : x
            let gbMatrix = gb.rank == 1 ? gb.reshapedUnchecked([gb.count, 1]) : gb
            return [needs[0] ? -(try gbMatrix.matmul(xMatrix.transposed())) : nil, needs[1] ? gb : nil]
        }
    }
}
