import Foundation
import Testing
@testable import Tensors

/// Broadcasting arithmetic against an elementwise oracle written with explicit indices.
@Suite("Arithmetic and broadcasting")
struct ArithmeticTests {
    /// The value at a row-major output index of a tensor broadcast to `shape`.
    func broadcastValue(_ t: Tensor, at index: [Int], in shape: [Int]) -> Double {
        let offset = shape.count - t.rank
        var flat = 0
        for (axis, size) in t.shape.enumerated() {
            flat = flat * size + (size == 1 ? 0 : index[axis + offset])
        }
        return t.scalars[flat]
    }

    func indices(_ shape: [Int]) -> [[Int]] {
        shape.reduce([[]]) { partial, size in partial.flatMap { prefix in (0..<size).map { prefix + [$0] } } }
    }

    static let shapePairs: [([Int], [Int], [Int])] = [
        ([2, 3], [2, 3], [2, 3]),
        ([2, 3], [3], [2, 3]),
        ([2, 3], [2, 1], [2, 3]),
        ([2, 1], [1, 3], [2, 3]),
        ([], [2, 3], [2, 3]),
        ([4, 1, 3], [2, 1], [4, 2, 3]),
        ([3], [4, 1, 1], [4, 1, 3]),
        ([1], [5], [5]),
    ]

    @Test(arguments: shapePairs)
    func broadcastingMatchesTheOracle(_ a: [Int], _ b: [Int], _ expected: [Int]) throws {
        let rng = RandomGenerator(seed: 5)
        let x = try Tensor.randomNormal(a, using: rng), y = try Tensor.randomUniform(b, low: 0.5, high: 2, using: rng)
        let operations: [(Tensor, Tensor) throws -> Tensor] = [{ try $0 + $1 }, { try $0 - $1 }, { try $0 * $1 }, { try $0 / $1 }]
        let scalarOperations: [(Double, Double) -> Double] = [{ $0 + $1 }, { $0 - $1 }, { $0 * $1 }, { $0 / $1 }]
        for (op, scalarOp) in zip(operations, scalarOperations) {
            let z = try op(x, y)
            #expect(z.shape == expected)
            for (flat, index) in indices(expected).enumerated() {
                #expect(z.scalars[flat] == scalarOp(broadcastValue(x, at: index, in: expected), broadcastValue(y, at: index, in: expected)))
            }
        }
    }

    @Test func mismatchedShapesThrowNamingBoth() {
        #expect(throws: TensorError.shapeMismatch(operation: "add", lhs: [2, 3], rhs: [4])) { try Tensor.zeros([2, 3]) + Tensor.zeros([4]) }
        #expect((try? Tensor.zeros([2, 3]) * Tensor.zeros([3, 2])) == nil)
        let error = TensorError.shapeMismatch(operation: "multiply", lhs: [2, 3], rhs: [3, 2])
        #expect(error.description == "multiply: cannot broadcast [2, 3] with [3, 2]: the last dimensions are 3 and 2")
    }

    @Test func scalarOperations() {
        let x = Tensor([1, 2, 4])
        #expect((x + 1).scalars == [2, 3, 5])
        #expect((1 + x).scalars == [2, 3, 5])
        #expect((x - 1).scalars == [0, 1, 3])
        #expect((10 - x).scalars == [9, 8, 6])
        #expect((x * 2).scalars == [2, 4, 8])
        #expect((2 * x).scalars == [2, 4, 8])
        #expect((x / 2).scalars == [0.5, 1, 2])
        #expect((4 / x).scalars == [4, 2, 1])
        #expect((-x).scalars == [-1, -2, -4])
        #expect(x.pow(2).scalars == [1, 4, 16])
        #expect(x.pow(0.5).scalars == [1, 2.0.squareRoot(), 2])
    }

    @Test func compoundAssignment() throws {
        var x = Tensor([1, 2])
        try x += Tensor([10, 20])
        x *= 2
        try x -= Tensor([2])
        x /= 2
        #expect(x.scalars == [10, 21])
    }

    @Test func powerMaximumMinimum() throws {
        #expect(try Tensor([2, 3]).pow(Tensor([3, 2])).scalars == [8, 9])
        #expect(try Tensor([1, 5, 3]).maximum(Tensor([4])).scalars == [4, 5, 4])
        #expect(try minimum(Tensor([1, 5, 3]), Tensor([4])).scalars == [1, 4, 3])
    }

    @Test func comparisonsGiveZerosAndOnes() throws {
        let x = Tensor([1, 2, 3]), y = Tensor([2, 2, 2])
        #expect(try (x .< y).scalars == [1, 0, 0])
        #expect(try (x .<= y).scalars == [1, 1, 0])
        #expect(try (x .> y).scalars == [0, 0, 1])
        #expect(try (x .>= y).scalars == [0, 1, 1])
        #expect(try (x .== y).scalars == [0, 1, 0])
        #expect(try (x .!= y).scalars == [1, 0, 1])
        #expect((x .> 1.5).scalars == [0, 1, 1])
        #expect(throws: TensorError.self) { try x .< Tensor([1, 2]) }
    }

    @Test func finiteness() {
        let x = Tensor([1, .nan, .infinity])
        #expect(!x.allFinite)
        #expect(Tensor([1, 2, 3, 4, 5]).allFinite)
        #expect(x.isNaN().scalars == [0, 1, 0])
        #expect(x.isFinite().scalars == [1, 0, 0])
    }
}
