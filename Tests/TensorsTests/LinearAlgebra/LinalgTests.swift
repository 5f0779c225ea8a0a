import Foundation
import Testing
@testable import Tensors

/// Linear algebra against closed forms: factorisations reconstruct their input, and independent
/// routes to the same quantity agree.
@Suite("Linear algebra")
struct LinalgTests {
    /// A random symmetric positive-definite n×n matrix `BBᵀ + nI`.
    func spd(_ n: Int, seed: UInt64) throws -> Tensor {
        let b = try Tensor.randomNormal([n, n], using: RandomGenerator(seed: seed))
        return try b • b.T + Double(n) * Tensor.eye(n)
    }

    func maxAbs(_ t: Tensor) -> Double { t.scalars.map(Swift.abs).max() ?? 0 }

    @Test(arguments: [1, 2, 5, 40])
    func eighReconstructsTheMatrix(_ n: Int) throws {
        let a = try spd(n, seed: UInt64(n))
        let (values, vectors) = try Linalg.eigh(a)
        let rebuilt = try vectors • Tensor.diagonal(values) • vectors.T
        #expect(maxAbs(try rebuilt - a) < 1e-12 * maxAbs(a))
        #expect(maxAbs(try vectors.T • vectors - Tensor.eye(n)) < 1e-13)
        #expect(zip(values.scalars, values.scalars.dropFirst()).allSatisfy { $0 <= $1 })
    }

    @Test func eighOfAKnownMatrix() throws {
        let (values, _) = try Linalg.eigh(Tensor([[2, 1], [1, 2]]))
        #expect(Swift.abs(values.scalars[0] - 1) < 1e-15 && Swift.abs(values.scalars[1] - 3) < 1e-15)
    }

    @Test(arguments: [1, 3, 30])
    func choleskyFactorsAndItsLogDeterminantMatchesTheEigenvalues(_ n: Int) throws {
        let a = try spd(n, seed: 100 + UInt64(n))
        let l = try Linalg.cholesky(a)
        #expect(maxAbs(try l • l.T - a) < 1e-12 * maxAbs(a))
        for i in 0..<n { for j in (i + 1)..<max(n, i + 1) { #expect(l.scalars[i * n + j] == 0) } }
        let logDetCholesky = 2 * (0..<n).map { Foundation.log(l.scalars[$0 * n + $0]) }.reduce(0, +)
        let logDetEigen = try Linalg.eigh(a).eigenvalues.scalars.map { Foundation.log($0) }.reduce(0, +)
        let logDetLU = try Linalg.logDeterminant(a).item
        #expect(Swift.abs(logDetCholesky - logDetEigen) < 1e-10 * Swift.abs(logDetEigen) + 1e-12)
        #expect(Swift.abs(logDetLU - logDetEigen) < 1e-10 * Swift.abs(logDetEigen) + 1e-12)
    }

    @Test func choleskyRejectsAnIndefiniteMatrix() {
        #expect(throws: TensorError.notPositiveDefinite(operation: "cholesky", shape: [2, 2], minor: 2)) {
            try Linalg.cholesky(Tensor([[1, 2], [2, 1]]))
        }
    }

    @Test func solveAndInverse() throws {
        let a = try spd(6, seed: 3) + Tensor.randomNormal([6, 6], using: RandomGenerator(seed: 4))
        let b = try Tensor.randomNormal([6, 2], using: RandomGenerator(seed: 5))
        let x = try Linalg.solve(a, b)
        #expect(maxAbs(try a • x - b) < 1e-12)
        let v = try Linalg.solve(a, Tensor([1, 2, 3, 4, 5, 6]))
        #expect(v.shape == [6])
        let inverse = try Linalg.inverse(a)
        #expect(maxAbs(try a • inverse - Tensor.eye(6)) < 1e-12)
    }

    @Test func singularMatricesThrow() throws {
        let singular = try! Tensor([[1, 2], [2, 4]])
        #expect(throws: TensorError.self) { try Linalg.solve(singular, Tensor([1, 1])) }
        #expect(throws: TensorError.self) { try Linalg.inverse(singular) }
        #expect(throws: TensorError.self) { try Linalg.logDeterminant(singular) }
        #expect(try Linalg.signAndLogDeterminant(singular).sign == 0)
    }

    @Test func signAndLogDeterminant() throws {
        let (sign, logAbs) = try Linalg.signAndLogDeterminant(Tensor([[0, 2], [3, 0]]))
        #expect(sign == -1)
        #expect(Swift.abs(try logAbs.item - Foundation.log(6)) < 1e-15)
        #expect(throws: TensorError.self) { try Linalg.logDeterminant(Tensor([[0, 2], [3, 0]])) }
    }

    @Test(arguments: [(5, 3), (3, 5), (4, 4)])
    func svdReconstructs(_ m: Int, _ n: Int) throws {
        let a = try Tensor.randomNormal([m, n], using: RandomGenerator(seed: UInt64(m * 10 + n)))
        let (u, s, vt) = try Linalg.svd(a)
        let r = min(m, n)
        #expect(u.shape == [m, r] && s.shape == [r] && vt.shape == [r, n])
        #expect(maxAbs(try u • Tensor.diagonal(s) • vt - a) < 1e-12)
        #expect(maxAbs(try u.T • u - Tensor.eye(r)) < 1e-12)
        #expect(zip(s.scalars, s.scalars.dropFirst()).allSatisfy { $0 >= $1 })
    }

    @Test func triangularSolve() throws {
        let l = try Linalg.cholesky(spd(4, seed: 8))
        let b = Tensor([1, 2, 3, 4])
        let x = try Linalg.solveTriangular(l, b, lower: true)
        #expect(maxAbs(try l • x - b) < 1e-12)
    }

    @Test func badInputsThrowInsteadOfCrashing() {
        #expect(throws: TensorError.invalidShape(operation: "eigh", shape: [2, 3], reason: "expected a square matrix")) {
            try Linalg.eigh(Tensor.zeros([2, 3]))
        }
        #expect(throws: TensorError.self) { try Linalg.cholesky(Tensor([[Double.nan]])) }
        #expect(throws: TensorError.self) { try Linalg.solve(Tensor.eye(2), Tensor([1, 2, 3])) }
        #expect(throws: TensorError.self) { try Linalg.svd(Tensor([1, 2])) }
    }

    /// Eigenvalues and the Cholesky factor are differentiable (their gradients are checked
    /// against PyTorch's in PyTorchOracleTests); a gradient reaching the eigenvectors, or an SVD
    /// of a tensor being differentiated, is refused by name rather than silently dropped.
    @Test func whatIsNotDifferentiableSaysSo() throws {
        let a = try Tensor([[2.0, 1], [1, 3]])
        // d(λ₁ + λ₂)/dA = d trace(A)/dA = I.
        #expect(try grad(at: a) { try Linalg.eigh($0).eigenvalues.sum() }.isApproximatelyEqual(to: Tensor.eye(2)))
        #expect(throws: TensorError.notDifferentiable(operation: "eigh's eigenvectors")) {
            try grad(at: a) { try Linalg.eigh($0).eigenvectors.sum() }
        }
        // Eigenvectors computed but not on the gradient's path change nothing.
        #expect(try grad(at: a) { x in
            _ = try Linalg.eigh(x).eigenvectors
            return try Linalg.eigh(x).eigenvalues.sum()
        }.isApproximatelyEqual(to: Tensor.eye(2)))
        #expect(throws: TensorError.notDifferentiable(operation: "svd")) {
            try grad(at: a) { try Linalg.svd($0).singularValues.sum() }
        }
    }
}
