/// Linear algebra on matrices (rank-2 tensors) through LAPACK: symmetric eigendecomposition,
/// Cholesky, solve, inverse, log-determinant and SVD. Failures (a matrix that is singular or not
/// positive definite, a non-square input) are thrown as `TensorError`s naming the operation and shape.
/// `solve`, `inverse`, `logDeterminant`, `cholesky` and the eigenvalues of `eigh` are
/// differentiable, with PyTorch's gradients (checked against it); `eigh`'s eigenvectors say so
/// when a gradient reaches them, and `svd` and `solveTriangular` refuse a tensor being differentiated.
public enum Linalg {
    /// Eigenvalues in ascending order and the matching unit eigenvectors (as columns) of a symmetric
    /// matrix, so that `a = V·diag(λ)·Vᵀ`. Only the lower triangle of `a` is read.
    public static func eigh(_ a: Tensor) throws -> (eigenvalues: Tensor, eigenvectors: Tensor) {
        let n = try square(a, "eigh")
        var matrix = a.scalars, w = [Double](repeating: 0, count: n)
        if n > 0 {
            let info = BLAS.syevd(n: n, a: &matrix, w: &w)
            guard info == 0 else { throw TensorError.lapackFailure(operation: "eigh", routine: "dsyevd", info: info) }
        }
        let vectors = Tensor(uncheckedShape: [n, n], scalars: matrix)
        return (Tensor.tracked(Tensor(uncheckedShape: [n], scalars: w), a, .eigenvalues(vectors: vectors)),
                Tensor.tracked(vectors, a, .notDifferentiable(operation: "eigh's eigenvectors")))
    }

    /// The lower-triangular `L` with `L·Lᵀ = a` for a symmetric positive-definite `a`; throws
    /// `notPositiveDefinite` otherwise. Only the lower triangle of `a` is read.
    public static func cholesky(_ a: Tensor) throws -> Tensor {
        let n = try square(a, "cholesky")
        var matrix = a.scalars
        if n > 0 {
            let info = BLAS.potrf(n: n, a: &matrix)
            if info > 0 { throw TensorError.notPositiveDefinite(operation: "cholesky", shape: a.shape, minor: info) }
            guard info == 0 else { throw TensorError.lapackFailure(operation: "cholesky", routine: "dpotrf", info: info) }
        }
        for i in 0..<n { for j in (i + 1)..<max(n, i + 1) { matrix[i * n + j] = 0 } }
        let factor = Tensor(uncheckedShape: [n, n], scalars: matrix)
        return Tensor.tracked(factor, a, .cholesky(factor: factor))
    }

    /// `X` with `a·X = b` (`b` a vector or a matrix of right-hand sides); throws `singular` when `a` is.
    public static func solve(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        var x = try solveUntracked(a.detached, b.detached)
        x = Tensor.tracked(x, a, b, .solve(a: a.detached, solution: x.detached))
        return x
    }

    static func solveUntracked(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        let n = try square(a, "solve")
        guard (b.rank == 1 || b.rank == 2), b.shape[0] == n else {
            throw TensorError.shapeMismatch(operation: "solve", lhs: a.shape, rhs: b.shape)
        }
        let nrhs = b.rank == 1 ? 1 : b.shape[1]
        var matrix = a.scalars, rhs = b.scalars
        if n > 0 && nrhs > 0 {
            let info = BLAS.gesv(n: n, nrhs: nrhs, a: &matrix, b: &rhs)
            if info > 0 { throw TensorError.singular(operation: "solve", shape: a.shape, pivot: info) }
            guard info == 0 else { throw TensorError.lapackFailure(operation: "solve", routine: "dgesv", info: info) }
        }
        return Tensor(uncheckedShape: b.shape, scalars: rhs)
    }

    /// The inverse of a square matrix; throws `singular` when it has none.
    public static func inverse(_ a: Tensor) throws -> Tensor {
        let n = try square(a, "inverse")
        var (lu, pivots) = try factor(a, "inverse")
        if n > 0 {
            let info = BLAS.getri(n: n, a: &lu, pivots: pivots)
            if info > 0 { throw TensorError.singular(operation: "inverse", shape: a.shape, pivot: info) }
            guard info == 0 else { throw TensorError.lapackFailure(operation: "inverse", routine: "dgetri", info: info) }
        }
        var out = Tensor(uncheckedShape: [n, n], scalars: lu)
        out = Tensor.tracked(out, a, .inverse(output: out.detached))
        return out
    }

    /// The sign of the determinant (−1, 0 or 1) and the log of its absolute value (NumPy's `slogdet`).
    public static func signAndLogDeterminant(_ a: Tensor) throws -> (sign: Double, logAbsDeterminant: Tensor) {
        let n = try square(a, "logDeterminant")
        let (lu, pivots) = try factor(a, "logDeterminant", allowSingular: true)
        var sign = 1.0, logAbs = 0.0
        for i in 0..<n {
            let d = lu[i * n + i]
            if d == 0 { return (0, Tensor(-Double.infinity)) }
            if d < 0 { sign = -sign }
            if pivots[i] != Int32(i + 1) { sign = -sign }
            logAbs += LibM.log(Swift.abs(d))
        }
        var out = Tensor(logAbs)
        if a.isTracked {
            let inverseOfA = try inverse(a.detached)
            out = Tensor.tracked(out, a, .logDeterminant(inverse: inverseOfA))
        }
        return (sign, out)
    }

    /// `log det a` for a matrix with positive determinant (e.g. a covariance); throws when the
    /// determinant is zero or negative. Differentiable: its gradient is `a⁻ᵀ`.
    public static func logDeterminant(_ a: Tensor) throws -> Tensor {
        let (sign, value) = try signAndLogDeterminant(a)
        if sign == 0 { throw TensorError.singular(operation: "logDeterminant", shape: a.shape, pivot: 0) }
        guard sign > 0 else {
            throw TensorError.invalidArgument(operation: "logDeterminant", reason: "the determinant of \(a.shape) is negative")
        }
        return value
    }

    /// The thin singular value decomposition `a = U·diag(S)·Vᵀ`, singular values descending;
    /// `U` is `m×r`, `Vᵀ` is `r×n`, with `r = min(m, n)`.
    public static func svd(_ a: Tensor) throws -> (u: Tensor, singularValues: Tensor, vt: Tensor) {
        guard a.rank == 2 else {
            throw TensorError.invalidShape(operation: "svd", shape: a.shape, reason: "expected a matrix")
        }
        try constant(a, "svd")
        let (m, n) = (a.shape[0], a.shape[1]), r = Swift.min(m, n)
        var matrix = a.scalars
        var s = [Double](repeating: 0, count: r), u = [Double](repeating: 0, count: m * r)
        var vt = [Double](repeating: 0, count: r * n)
        if r > 0 {
            let info = BLAS.gesdd(m: m, n: n, a: &matrix, s: &s, u: &u, vt: &vt)
            guard info == 0 else { throw TensorError.lapackFailure(operation: "svd", routine: "dgesdd", info: info) }
        }
        return (Tensor(uncheckedShape: [m, r], scalars: u), Tensor(uncheckedShape: [r], scalars: s),
                Tensor(uncheckedShape: [r, n], scalars: vt))
    }

    /// `X` with `a·X = b` for a triangular `a` (lower when `lower`), by substitution.
    public static func solveTriangular(_ a: Tensor, _ b: Tensor, lower: Bool) throws -> Tensor {
        let n = try square(a, "solveTriangular")
        try constant(a, "solveTriangular")
        try constant(b, "solveTriangular")
        guard (b.rank == 1 || b.rank == 2), b.shape[0] == n else {
            throw TensorError.shapeMismatch(operation: "solveTriangular", lhs: a.shape, rhs: b.shape)
        }
        for i in 0..<n where a.scalars[i * n + i] == 0 {
            throw TensorError.singular(operation: "solveTriangular", shape: a.shape, pivot: i + 1)
        }
        var x = b.scalars
        BLAS.trsm(lower: lower, transpose: false, m: n, n: b.rank == 1 ? 1 : b.shape[1], a: a.scalars, b: &x)
        return Tensor(uncheckedShape: b.shape, scalars: x)
    }

    // MARK: Checks shared by the operations

    private static func square(_ a: Tensor, _ operation: String) throws -> Int {
        guard a.rank == 2, a.shape[0] == a.shape[1] else {
            throw TensorError.invalidShape(operation: operation, shape: a.shape, reason: "expected a square matrix")
        }
        guard a.allFinite else {
            throw TensorError.invalidArgument(operation: operation, reason: "the matrix \(a.shape) has NaN or infinite entries")
        }
        return a.shape[0]
    }

    private static func constant(_ a: Tensor, _ operation: String) throws {
        if a.isTracked { throw TensorError.notDifferentiable(operation: operation) }
    }

    private static func factor(_ a: Tensor, _ operation: String, allowSingular: Bool = false) throws -> ([Double], [Int32]) {
        let n = a.shape[0]
        var lu = a.scalars, pivots = [Int32](repeating: 0, count: n)
        guard n > 0 else { return (lu, pivots) }
        let info = BLAS.getrf(n: n, a: &lu, pivots: &pivots)
        if info > 0 && !allowSingular { throw TensorError.singular(operation: operation, shape: a.shape, pivot: info) }
        guard info >= 0 else { throw TensorError.lapackFailure(operation: operation, routine: "dgetrf", info: info) }
        return (lu, pivots)
    }
}
