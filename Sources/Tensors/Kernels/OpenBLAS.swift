import CBLAS
import Dispatch
#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// The only file that calls OpenBLAS and LAPACKE. OpenBLAS itself is pinned to one thread (its
/// results change with its thread count: `dgemm` at 1797×64×64 differs in the last bits between 1
/// and 2 threads); large products are instead split here into blocks whose boundaries depend only on
/// the shape, and the blocks run in parallel. Every element is thus computed by the same call with the
/// same operands whatever `Tensor.threadCount` is, so results are bit-identical for any thread count.
enum BLAS {
    private static let pinned: Void = { openblas_set_num_threads(1) }()
    private static let threads = Atomic<Int>(defaultThreadCount())

    static var threadCount: Int {
        get { threads.load(ordering: .relaxed) }
        set { threads.store(max(1, newValue), ordering: .relaxed) }
    }

    private static func defaultThreadCount() -> Int {
        #if canImport(Glibc)
        return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #else
        return 1
        #endif
    }

    /// Products with fewer multiply-adds than this run as one call (splitting would not pay).
    static let parallelThreshold = 1 << 23

    /// `C = op(A)·op(B) + beta·C` for row-major matrices; `op` transposes when asked.
    /// `A` is `m×k` (stored `k×m` when transposed), `B` is `k×n` (stored `n×k` when transposed).
    /// `whole` makes it one call on the calling thread, for callers that run several products at once.
    /// Generic over the element type: `Double` runs `dgemm`, `Float` `sgemm` (see `GEMMScalar`).
    static func gemm<S: GEMMScalar>(
        transA: Bool, transB: Bool, m: Int, n: Int, k: Int,
        a: UnsafePointer<S>, lda: Int, b: UnsafePointer<S>, ldb: Int,
        c: UnsafeMutablePointer<S>, ldc: Int, beta: S = 0, whole: Bool = false
    ) {
        _ = pinned
        guard m > 0, n > 0 else { return }
        guard k > 0 else {
            for i in 0..<m { for j in 0..<n { c[i * ldc + j] = beta == 0 ? 0 : beta * c[i * ldc + j] } }
            return
        }
        let work = m * n * k
        if whole {
            S.call(transA, transB, m, n, k, a, lda, b, ldb, c, ldc, beta)
            return
        }
        // Fixed blocks: at most 8 along the longer side of C, each at least 128 wide (measured here,
        // single-threaded, a 512² product split in 4 runs 10 % slower than whole, a 1024² one 10 % faster).
        let splitRows = m >= n
        let side = splitRows ? m : n
        let blocks = work < parallelThreshold ? 1 : min(8, side / 128)
        if blocks <= 1 {
            S.call(transA, transB, m, n, k, a, lda, b, ldb, c, ldc, beta)
            return
        }
        let width = (side + blocks - 1) / blocks
        let pieces = (side + width - 1) / width
        let run = { (piece: Int) in
            let lo = piece * width, count = min(width, side - lo)
            if splitRows {
                S.call(transA, transB, count, n, k, a + (transA ? lo : lo * lda), lda, b, ldb, c + lo * ldc, ldc, beta)
            } else {
                S.call(transA, transB, m, count, k, a, lda, b + (transB ? lo * ldb : lo), ldb, c + lo, ldc, beta)
            }
        }
        let workers = min(threadCount, pieces)
        if workers <= 1 {
            for piece in 0..<pieces { run(piece) }
        } else {
            let task = UncheckedSendable(run)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var piece = worker
                while piece < pieces {
                    task.value(piece)
                    piece += workers
                }
            }
        }
    }

    /// Solves `op(A)·X = B` in place of `B` (`m×n`), `A` triangular `m×m`.
    static func trsm(lower: Bool, transpose: Bool, m: Int, n: Int, a: [Double], b: inout [Double]) {
        _ = pinned
        guard m > 0, n > 0 else { return }
        cblas_dtrsm(CblasRowMajor, CblasLeft, lower ? CblasLower : CblasUpper, transpose ? CblasTrans : CblasNoTrans,
                    CblasNonUnit, blasint(m), blasint(n), 1, a, blasint(m), &b, blasint(n))
    }

    // MARK: LAPACK (row-major LAPACKE); each returns LAPACK's `info`.

    /// Eigenvalues (ascending, into `w`) and eigenvectors (columns, replacing `a`) of a symmetric `n×n` matrix.
    static func syevd(n: Int, a: inout [Double], w: inout [Double]) -> Int {
        _ = pinned
        return Int(LAPACKE_dsyevd(LAPACK_ROW_MAJOR, CChar(UInt8(ascii: "V")), CChar(UInt8(ascii: "L")),
                                  Int32(n), &a, Int32(n), &w))
    }

    /// The lower Cholesky factor of a symmetric positive-definite matrix, in the lower triangle of `a`.
    static func potrf(n: Int, a: inout [Double]) -> Int {
        _ = pinned
        return Int(LAPACKE_dpotrf(LAPACK_ROW_MAJOR, CChar(UInt8(ascii: "L")), Int32(n), &a, Int32(n)))
    }

    /// LU factorisation with partial pivoting of an `n×n` matrix, in place; `pivots` are 1-based.
    static func getrf(n: Int, a: inout [Double], pivots: inout [Int32]) -> Int {
        _ = pinned
        return Int(LAPACKE_dgetrf(LAPACK_ROW_MAJOR, Int32(n), Int32(n), &a, Int32(n), &pivots))
    }

    /// The inverse from an LU factorisation made by `getrf`, in place.
    static func getri(n: Int, a: inout [Double], pivots: [Int32]) -> Int {
        _ = pinned
        return Int(LAPACKE_dgetri(LAPACK_ROW_MAJOR, Int32(n), &a, Int32(n), pivots))
    }

    /// Solves `A·X = B` (`A` `n×n`, `B` `n×nrhs`), replacing `b` with X and `a` with its LU factors.
    static func gesv(n: Int, nrhs: Int, a: inout [Double], b: inout [Double]) -> Int {
        _ = pinned
        var pivots = [Int32](repeating: 0, count: n)
        return Int(LAPACKE_dgesv(LAPACK_ROW_MAJOR, Int32(n), Int32(nrhs), &a, Int32(n),
                                 &pivots, &b, Int32(nrhs)))
    }

    /// Thin SVD of an `m×n` matrix: `U` (`m×r`), singular values (descending, `r`), `Vᵀ` (`r×n`), `r = min(m, n)`.
    static func gesdd(m: Int, n: Int, a: inout [Double], s: inout [Double], u: inout [Double], vt: inout [Double]) -> Int {
        _ = pinned
        let r = min(m, n)
        return Int(LAPACKE_dgesdd(LAPACK_ROW_MAJOR, CChar(UInt8(ascii: "S")), Int32(m), Int32(n), &a,
                                  Int32(n), &s, &u, Int32(r), &vt, Int32(n)))
    }
}

/// The element types of matrix products: `Double` through `dgemm`, `Float` through `sgemm`
/// (`ProductPrecision.float32`: operands narrowed to single precision, results widened back).
protocol GEMMScalar: BinaryFloatingPoint, Sendable {
    /// The value as a `Double` (exact: every `Float` is a `Double`).
    var widened: Double { get }
    /// `values` in this type: the array itself for `Double`, each rounded to nearest for `Float`.
    static func narrowing(_ values: [Double]) -> [Self]
    /// `count` results written by `body` into a buffer of this type, as `Double`s (for `Double`,
    /// `body` writes the returned array itself).
    static func widening(count: Int, _ body: (UnsafeMutablePointer<Self>) -> Void) -> [Double]
    /// One row-major `C = op(A)·op(B) + beta·C` call of OpenBLAS, on the calling thread.
    static func call(
        _ transA: Bool, _ transB: Bool, _ m: Int, _ n: Int, _ k: Int,
        _ a: UnsafePointer<Self>, _ lda: Int, _ b: UnsafePointer<Self>, _ ldb: Int,
        _ c: UnsafeMutablePointer<Self>, _ ldc: Int, _ beta: Self)
}

extension Double: GEMMScalar {
    var widened: Double { self }
    static func narrowing(_ values: [Double]) -> [Double] { values }
    static func widening(count: Int, _ body: (UnsafeMutablePointer<Double>) -> Void) -> [Double] {
        Elementwise.make(count, body)
    }
    static func call(
        _ transA: Bool, _ transB: Bool, _ m: Int, _ n: Int, _ k: Int,
        _ a: UnsafePointer<Double>, _ lda: Int, _ b: UnsafePointer<Double>, _ ldb: Int,
        _ c: UnsafeMutablePointer<Double>, _ ldc: Int, _ beta: Double
    ) {
        cblas_dgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
                    blasint(m), blasint(n), blasint(k), 1, a, blasint(lda), b, blasint(ldb), beta, c, blasint(ldc))
    }
}

extension Float: GEMMScalar {
    var widened: Double { Double(self) }
    static func narrowing(_ values: [Double]) -> [Float] {
        // A plain loop over raw buffers vectorises; `map` with a closure did not (it took 18 % of a
        // CharRNN epoch in float32, narrowing each step's weights).
        values.withUnsafeBufferPointer { from in
            [Float](unsafeUninitializedCapacity: from.count) { to, count in
                for i in 0..<from.count { to[i] = Float(from[i]) }
                count = from.count
            }
        }
    }
    static func widening(count: Int, _ body: (UnsafeMutablePointer<Float>) -> Void) -> [Double] {
        let buffer = UnsafeMutablePointer<Float>.allocate(capacity: max(1, count))
        defer { buffer.deallocate() }
        if count > 0 { body(buffer) }
        return Elementwise.make(count) { out in for i in 0..<count { out[i] = Double(buffer[i]) } }
    }
    static func call(
        _ transA: Bool, _ transB: Bool, _ m: Int, _ n: Int, _ k: Int,
        _ a: UnsafePointer<Float>, _ lda: Int, _ b: UnsafePointer<Float>, _ ldb: Int,
        _ c: UnsafeMutablePointer<Float>, _ ldc: Int, _ beta: Float
    ) {
        cblas_sgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
                    blasint(m), blasint(n), blasint(k), 1, a, blasint(lda), b, blasint(ldb), beta, c, blasint(ldc))
    }
}

/// Lets a closure over raw pointers cross into `concurrentPerform`; each block writes a disjoint
/// part of the output and reads shared inputs only.
private struct UncheckedSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

extension Tensor {
    /// Threads used for large matrix products (default: the number of online processors). Results are
    /// bit-identical for every value: products are split into blocks fixed by their shape alone.
    public static var threadCount: Int {
        get { BLAS.threadCount }
        set { BLAS.threadCount = newValue }
    }
}
