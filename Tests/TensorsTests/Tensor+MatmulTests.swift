import Testing
@testable import Tensors

@Suite("Matrix products")
struct MatmulTests {
    /// `a·b` for matrices by the textbook triple loop.
    func naive(_ a: Tensor, _ b: Tensor) -> [Double] {
        let (m, k, n) = (a.shape[0], a.shape[1], b.shape[1])
        var c = [Double](repeating: 0, count: m * n)
        for i in 0..<m { for j in 0..<n { for t in 0..<k { c[i * n + j] += a.scalars[i * k + t] * b.scalars[t * n + j] } } }
        return c
    }

    func close(_ x: [Double], _ y: [Double], _ tolerance: Double = 1e-12) -> Bool {
        x.count == y.count && zip(x, y).allSatisfy { Swift.abs($0 - $1) <= tolerance * max(1, Swift.abs($1)) }
    }

    @Test(arguments: [(1, 1, 1), (3, 4, 5), (17, 33, 9), (64, 1, 64), (128, 64, 256), (300, 70, 2)])
    func matchesTheTripleLoop(_ m: Int, _ k: Int, _ n: Int) throws {
        let rng = RandomGenerator(seed: UInt64(m * 1000 + k * 10 + n))
        let a = try Tensor.randomNormal([m, k], using: rng), b = try Tensor.randomNormal([k, n], using: rng)
        let c = try a • b
        #expect(c.shape == [m, n])
        #expect(close(c.scalars, naive(a, b)))
        #expect(try Tensor.matmul(a.T, b, transposeA: true) == c)
        #expect(try Tensor.matmul(a, b.T, transposeB: true) == c)
        #expect(try Tensor.matmul(a.T, b.T, transposeA: true, transposeB: true) == c)
    }

    @Test func vectorsArePromotedAndDemoted() throws {
        let m = try Tensor([[1, 2], [3, 4], [5, 6]])
        #expect(try Tensor([1, 1, 1]) • m == Tensor([9, 12]))
        #expect(try m • Tensor([1, -1]) == Tensor([-1, -1, -1]))
        #expect(try (Tensor([1, 2, 3]) • Tensor([4, 5, 6])).shape == [])
        #expect(try (Tensor([1, 2, 3]) • Tensor([4, 5, 6])).item == 32)
    }

    @Test func batchedProductsBroadcastLeadingAxes() throws {
        let rng = RandomGenerator(seed: 9)
        let a = try Tensor.randomNormal([2, 1, 3, 4], using: rng), b = try Tensor.randomNormal([5, 4, 2], using: rng)
        let c = try a • b
        #expect(c.shape == [2, 5, 3, 2])
        for i in 0..<2 {
            for j in 0..<5 {
                let expected = naive(try a[i, 0], try b[j])
                #expect(close(try c[i, j].scalars, expected))
            }
        }
        let stack = try Tensor.randomNormal([4, 3, 5], using: rng), w = try Tensor.randomNormal([5, 2], using: rng)
        let folded = try stack • w
        for i in 0..<4 { #expect(close(try folded[i].scalars, naive(try stack[i], w))) }
    }

    @Test func mismatchNamesBothShapes() throws {
        #expect(throws: TensorError.shapeMismatch(operation: "matmul", lhs: [128, 64], rhs: [32, 2])) {
            try Tensor.zeros([128, 64]) • Tensor.zeros([32, 2])
        }
        #expect(TensorError.shapeMismatch(operation: "matmul", lhs: [128, 64], rhs: [32, 2]).description == "matmul: [128, 64] × [32, 2]: inner dimensions 64 and 32 differ")
        #expect(throws: TensorError.self) { try Tensor(1) • Tensor([1]) }
        #expect(throws: TensorError.self) { try Tensor.zeros([2, 3, 4]) • Tensor.zeros([3, 4, 5]) }
    }

    @Test func emptyInnerDimensionGivesZeros() throws {
        #expect(try Tensor.zeros([2, 0]) • Tensor.zeros([0, 3]) == Tensor.zeros([2, 3]))
    }

    /// With `float32` products, `matmul` (plain, transposed, batched) and `affine`, and their
    /// gradients, are the float64 ones up to single precision's rounding: within `(k + 2)·2⁻²⁴·Σ|terms|`,
    /// the magnitudes being the same product of `|a|`, `|b|` and `|probe|` in float64. They also differ
    /// from float64's somewhere (the single-precision path is taken).
    @Test(arguments: [
        ([37, 50], [50, 23], false, false, false), ([50, 37], [23, 50], true, true, false),
        ([3, 2, 40, 17], [17, 9], false, false, false), ([4, 30, 20], [4, 11, 20], false, true, false),
        ([6, 300], [300, 299], false, false, true), ([2, 5, 64], [64, 48], false, false, true),
    ] as [([Int], [Int], Bool, Bool, Bool)])
    func float32ProductsAreFloat64WithinSinglePrecision(_ aShape: [Int], _ bShape: [Int], _ ta: Bool, _ tb: Bool, _ affine: Bool) throws {
        let rng = RandomGenerator(seed: UInt64(aShape.reduce(1, *) + bShape.reduce(1, *)))
        let a = try Tensor.randomNormal(aShape, using: rng), b = try Tensor.randomNormal(bShape, using: rng)
        func product(_ v: [Tensor], _ precision: ProductPrecision) throws -> Tensor {
            affine ? try Tensor.affine(v[0], v[1], v[2], precision: precision)
                : try Tensor.matmul(v[0], v[1], transposeA: ta, transposeB: tb, precision: precision)
        }
        let inputs = affine ? [a, b, try Tensor.randomNormal([bShape[1]], using: rng)] : [a, b]
        let probe = try Tensor.randomNormal(try product(inputs, .float64).shape, using: rng)
        let (y64, y32) = (try product(inputs, .float64), try product(inputs, .float32))
        let size = try product(inputs.map { $0.abs() }, .float64)
        let (_, g64) = try valueAndGrad(at: inputs) { try (product($0, .float64) * probe).sum() }
        let (_, g32) = try valueAndGrad(at: inputs) { try (product($0, .float32) * probe).sum() }
        let (_, gSize) = try valueAndGrad(at: inputs.map { $0.abs() }) { try (product($0, .float64) * probe.abs()).sum() }
        // Each sum has at most max(k, n, rows of the product) terms.
        let u = Double(max(aShape.max()!, bShape.max()!, y64.count / y64.shape[y64.rank - 1]) + 2) * 0x1p-24
        func within(_ got: Tensor, _ want: Tensor, _ size: Tensor) -> Bool {
            got.shape == want.shape && zip(zip(got.scalars, want.scalars), size.scalars).allSatisfy { Swift.abs($0.0 - $0.1) <= u * $1 }
        }
        #expect(within(y32, y64, size))
        #expect(y32 != y64)
        for i in 0..<2 {
            #expect(within(g32[i], g64[i], gSize[i]))
            #expect(g32[i] != g64[i])
        }
    }

    /// Large products are split into blocks fixed by the shape, so the thread count cannot change a bit.
    @Test(arguments: [(1024, 1024, 1024), (1797, 64, 64), (700, 300, 900), (64, 512, 4096), (5, 2048, 1000)])
    func resultsAreIndependentOfTheThreadCount(_ m: Int, _ k: Int, _ n: Int) throws {
        let rng = RandomGenerator(seed: 77)
        let a = try Tensor.randomUniform([m, k], low: -1, high: 1, using: rng)
        let b = try Tensor.randomUniform([k, n], low: -1, high: 1, using: rng)
        let one = try ThreadCount.with(1) { try a • b }
        let two = try ThreadCount.with(2) { try a • b }
        let four = try ThreadCount.with(4) { try a • b }
        #expect(one == two)
        #expect(one == four)
    }
}

/// Serialises tests that change the process-wide thread count.
enum ThreadCount {
    private static let lock = NSLockish()

    static func with<R>(_ threads: Int, _ body: () throws -> R) rethrows -> R {
        try lock.withLock {
            let saved = Tensor.threadCount
            Tensor.threadCount = threads
            defer { Tensor.threadCount = saved }
            return try body()
        }
    }
}

import Synchronization

/// A tiny lock for tests (Mutex with no protected value).
final class NSLockish: Sendable {
    private let mutex = Mutex(())
    func withLock<R>(_ body: () throws -> R) rethrows -> R {
        try mutex.withLock { _ in try body() }
    }
}
