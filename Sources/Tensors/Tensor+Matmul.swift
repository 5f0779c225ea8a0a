infix operator • : MultiplicationPrecedence

/// Matrix products through `cblas_dgemm` (`cblas_sgemm` in `float32` precision), with NumPy's
/// `matmul` rules: vectors are promoted to matrices (and the added axis removed again), leading axes
/// are batch axes and broadcast.
extension Tensor {
    /// The matrix product (batched over leading axes, which broadcast); throws
    /// `matmul: [128, 64] × [32, 2]` when inner sizes differ. `precision` is the arithmetic of the
    /// products (`ProductPrecision`: `float32` multiplies as PyTorch does, faster).
    public func matmul(_ other: Tensor, precision: ProductPrecision = .float64) throws -> Tensor {
        guard rank >= 1, other.rank >= 1 else {
            throw TensorError.shapeMismatch(operation: "matmul", lhs: shape, rhs: other.shape)
        }
        let a = rank == 1 ? reshapedUnchecked([1, count]) : self
        let b = other.rank == 1 ? other.reshapedUnchecked([other.count, 1]) : other
        var product = try Tensor.gemm(a, b, precision: precision, operation: "matmul")
        if rank == 1 { product = try product.squeezed(axis: -2) }
        if other.rank == 1 { product = try product.squeezed(axis: -1) }
        return product
    }

    /// The matrix product (see `matmul`).
    public static func • (lhs: Tensor, rhs: Tensor) throws -> Tensor { try lhs.matmul(rhs) }

    /// `op(a)·op(b)` for tensors of rank ≥ 2, where `op` transposes the last two axes when asked,
    /// without materialising the transpose (BLAS reads it in place): `x·Wᵀ` is
    /// `Tensor.matmul(x, w, transposeB: true)`.
    public static func matmul(
        _ a: Tensor, _ b: Tensor, transposeA: Bool = false, transposeB: Bool = false, precision: ProductPrecision = .float64
    ) throws -> Tensor {
        guard a.rank >= 2, b.rank >= 2 else {
            throw TensorError.shapeMismatch(operation: "matmul", lhs: a.shape, rhs: b.shape)
        }
        return try gemm(a, b, transA: transposeA, transB: transposeB, precision: precision, operation: "matmul")
    }

    /// The recorded batched product of tensors of rank ≥ 2.
    static func gemm(
        _ a: Tensor, _ b: Tensor, transA: Bool = false, transB: Bool = false, precision: ProductPrecision = .float64, operation: String
    ) throws -> Tensor {
        let out = try product(a, transA: transA, b, transB: transB, precision: precision, operation: operation)
        return Tensor.tracked(out, a, b, .matmul(lhs: a.detached, rhs: b.detached, transA: transA, transB: transB, precision: precision))
    }

    /// `op(a)·op(b)` for tensors of rank ≥ 2, where `op` transposes the last two axes when asked;
    /// leading axes broadcast. Not recorded (used by forward and backward passes alike).
    static func product(
        _ a: Tensor, transA: Bool, _ b: Tensor, transB: Bool, precision: ProductPrecision = .float64, operation: String = "matmul"
    ) throws -> Tensor {
        let (ar, br) = (a.rank, b.rank)
        let m = transA ? a.shape[ar - 1] : a.shape[ar - 2]
        let k = transA ? a.shape[ar - 2] : a.shape[ar - 1]
        let kb = transB ? b.shape[br - 1] : b.shape[br - 2]
        let n = transB ? b.shape[br - 2] : b.shape[br - 1]
        let aBatch = Array(a.shape.dropLast(2)), bBatch = Array(b.shape.dropLast(2))
        guard k == kb, let batch = Shape.broadcast(aBatch, bBatch) else {
            throw TensorError.shapeMismatch(operation: operation, lhs: a.shape, rhs: b.shape)
        }
        let outShape = batch + [m, n]
        try Shape.validate(outShape, operation: operation)
        if k == 0 { return Tensor(uncheckedShape: outShape, scalars: [Double](repeating: 0, count: Shape.count(outShape))) }
        // A stack of matrices times one matrix is one tall product.
        let tall = Shape.count(bBatch) == 1 && !transA && aBatch == batch
        let data = switch precision {
        case .float64: multiply(a, aBatch, transA: transA, b, bBatch, transB: transB, m: m, n: n, k: k, batch: batch, tall: tall, in: Double.self)
        case .float32: multiply(a, aBatch, transA: transA, b, bBatch, transB: transB, m: m, n: n, k: k, batch: batch, tall: tall, in: Float.self)
        }
        return Tensor(uncheckedShape: outShape, scalars: data)
    }

    /// The products of `product` with operands and sums in `S` (`k > 0`): one tall product when `tall`,
    /// else one per element of `batch`, to which the operands' batch axes `aBatch`, `bBatch` broadcast.
    private static func multiply<S: GEMMScalar>(
        _ a: Tensor, _ aBatch: [Int], transA: Bool, _ b: Tensor, _ bBatch: [Int], transB: Bool,
        m: Int, n: Int, k: Int, batch: [Int], tall: Bool, in _: S.Type
    ) -> [Double] {
        let (ar, br) = (a.rank, b.rank)
        let lda = a.shape[ar - 1], ldb = b.shape[br - 1]
        let batchCount = Shape.count(batch)
        return S.narrowing(a.scalars).withUnsafeBufferPointer { ap in
            S.narrowing(b.scalars).withUnsafeBufferPointer { bp in
                S.widening(count: batchCount * m * n) { c in
                    if tall {
                        BLAS.gemm(transA: false, transB: transB, m: batchCount * m, n: n, k: k,
                                  a: ap.baseAddress!, lda: lda, b: bp.baseAddress!, ldb: ldb, c: c, ldc: n)
                        return
                    }
                    let aStrides = Shape.broadcastStrides(aBatch, to: batch), bStrides = Shape.broadcastStrides(bBatch, to: batch)
                    let aMatrix = a.shape[ar - 2] * lda, bMatrix = b.shape[br - 2] * ldb
                    let batchIndexStrides = Shape.strides(batch)
                    for t in 0..<batchCount {
                        var rest = t, offA = 0, offB = 0
                        for axis in 0..<batch.count {
                            let i = rest / batchIndexStrides[axis]
                            rest -= i * batchIndexStrides[axis]
                            offA += i * aStrides[axis]
                            offB += i * bStrides[axis]
                        }
                        BLAS.gemm(transA: transA, transB: transB, m: m, n: n, k: k,
                                  a: ap.baseAddress! + offA * aMatrix, lda: lda,
                                  b: bp.baseAddress! + offB * bMatrix, ldb: ldb,
                                  c: c + t * m * n, ldc: n)
                    }
                }
            }
        }
    }
}

/// The matrix product of `a` and `b` (see `Tensor.matmul`).
public func matmul(_ a: Tensor, _ b: Tensor) throws -> Tensor { try a.matmul(b) }
