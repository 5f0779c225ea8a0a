/// `x·W + b` on raw rows: the arithmetic of `Tensor.affine`, shared with the per-step hidden
/// products of `Tensor.gruSequence`, which read and write rows inside larger buffers.
enum AffineRows {
    /// `rows` rows of `x` (`k` wide, row stride `lda`) times `weight` `[k, n]` plus `bias` `[n]`, into
    /// rows of `out` (row stride `ldo`). Double precision (`single` nil): the bias is written first
    /// and `dgemm` accumulates onto it. Single precision (`single`: the weight already narrowed to
    /// `Float`): the rows are narrowed, multiplied with `sgemm`, and the product widened and added to
    /// the bias in one pass, so the bias stays double. `x` and `weight` may be nil only when `k` is 0.
    static func apply(
        _ x: UnsafePointer<Double>?, lda: Int, rows: Int, k: Int, weight: UnsafePointer<Double>?, single: UnsafePointer<Float>?,
        n: Int, bias: UnsafePointer<Double>, into out: UnsafeMutablePointer<Double>, ldo: Int
    ) {
        guard let single else {
            for r in 0..<rows { for j in 0..<n { out[r * ldo + j] = bias[j] } }
            if k > 0 {
                BLAS.gemm(transA: false, transB: false, m: rows, n: n, k: k, a: x!, lda: lda, b: weight!, ldb: n, c: out, ldc: ldo, beta: 1)
            }
            return
        }
        let left = UnsafeMutablePointer<Float>.allocate(capacity: Swift.max(1, rows * k))
        let product = UnsafeMutablePointer<Float>.allocate(capacity: Swift.max(1, rows * n))
        defer { left.deallocate(); product.deallocate() }
        if k > 0 { for r in 0..<rows { for j in 0..<k { left[r * k + j] = Float(x![r * lda + j]) } } }
        BLAS.gemm(transA: false, transB: false, m: rows, n: n, k: k, a: left, lda: k, b: single, ldb: n, c: product, ldc: n)
        for r in 0..<rows { for j in 0..<n { out[r * ldo + j] = Double(product[r * n + j]) + bias[j] } }
    }
}
