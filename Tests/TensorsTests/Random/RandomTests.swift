import Foundation
import Testing
@testable import Tensors

@Suite("Seeded randomness")
struct RandomTests {
    /// The first outputs for seed 42, from an independent Python implementation of SplitMix64 seeding
    /// and xoshiro256** written from Blackman & Vigna's reference code.
    @Test func xoshiroMatchesTheReferenceSequence() {
        let rng = RandomGenerator(seed: 42)
        let expected: [UInt64] = [0x1578_0b2e_0c2e_c716, 0x6104_d986_6d11_3a7e, 0xae17_5332_39e4_99a1, 0xecb8_ad47_03b3_60a1, 0xfde6_dc7f_e2ec_5e64]
        #expect((0..<5).map { _ in rng.next() } == expected)
    }

    @Test func uniformIsTheTop53Bits() {
        let rng = RandomGenerator(seed: 42)
        #expect(rng.uniform() == 0.08386297105988216)
        #expect(rng.uniform() == 0.3789802506626686)
    }

    @Test func sameSeedSameStreamDifferentSeedDifferentStream() throws {
        let a = try Tensor.randomNormal([100], using: RandomGenerator(seed: 1))
        let b = try Tensor.randomNormal([100], using: RandomGenerator(seed: 1))
        let c = try Tensor.randomNormal([100], using: RandomGenerator(seed: 2))
        #expect(a == b)
        #expect(a != c)
    }

    /// Golden values: these exact bits must come out on every machine (the normals use no libm).
    @Test func normalDrawsAreFixed() {
        let rng = RandomGenerator(seed: 7)
        let draws = (0..<4).map { _ in rng.normal() }
        #expect(draws.map(\.bitPattern) == goldenNormals)
        for (ours, reference) in zip(draws, pythonNormals) { #expect(Swift.abs(ours - reference) <= 2 * reference.ulp) }
    }

    @Test func normalMomentsAndTails() throws {
        let n = 200_000
        let x = try Tensor.randomNormal([n], mean: 2, standardDeviation: 3, using: RandomGenerator(seed: 11))
        let mean = x.scalars.reduce(0, +) / Double(n)
        let variance = x.scalars.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(n)
        #expect(Swift.abs(mean - 2) < 4 * 3 / Double(n).squareRoot())
        #expect(Swift.abs(variance - 9) < 9 * 4 * (2 / Double(n)).squareRoot())
        let beyond = x.scalars.filter { Swift.abs($0 - 2) > 3 * 1.96 }.count
        #expect(Swift.abs(Double(beyond) / Double(n) - 0.05) < 0.003)
    }

    @Test func uniformRangeAndMean() throws {
        let x = try Tensor.randomUniform([100_000], low: -1, high: 3, using: RandomGenerator(seed: 12))
        #expect(x.scalars.allSatisfy { $0 >= -1 && $0 < 3 })
        #expect(Swift.abs(x.scalars.reduce(0, +) / 100_000 - 1) < 0.02)
    }

    @Test func boundedIntegersAreUniform() throws {
        let rng = RandomGenerator(seed: 13)
        var counts = [Int](repeating: 0, count: 7)
        for _ in 0..<70_000 { counts[try rng.integer(below: 7)] += 1 }
        let chiSquare = counts.map { Double($0 - 10_000) * Double($0 - 10_000) / 10_000 }.reduce(0, +)
        #expect(chiSquare < 22.46)  // the 0.999 quantile of χ² with 6 degrees of freedom
        #expect(throws: TensorError.self) { try rng.integer(below: 0) }
    }

    @Test func bernoulliAndCategoricalFrequencies() throws {
        let rng = RandomGenerator(seed: 14)
        let b = try Tensor.bernoulli(try Tensor.full([50_000], value: 0.3), using: rng)
        #expect(Swift.abs(b.scalars.reduce(0, +) / 50_000 - 0.3) < 0.01)
        #expect(throws: TensorError.self) { try Tensor.bernoulli(Tensor([1.5]), using: rng) }

        var counts = [0, 0, 0]
        for _ in 0..<60_000 { counts[try rng.categorical([1, 2, 3])] += 1 }
        #expect(zip(counts, [10_000, 20_000, 30_000]).allSatisfy { Swift.abs($0 - $1) < 600 })
        #expect(throws: TensorError.self) { try rng.categorical([0, 0]) }
        #expect(throws: TensorError.self) { try rng.categorical([1, -1]) }

        let logits = try Tensor([[0, 0, 100], [100, 0, 0]])
        #expect(try Tensor.categorical(logits: logits, using: rng).scalars == [2, 0])
        #expect(try Tensor.categorical(probabilities: Tensor([[0, 1], [1, 0]]), using: rng).scalars == [1, 0])
    }

    @Test func permutationsShufflesAndBatches() throws {
        let rng = RandomGenerator(seed: 15)
        let p = try rng.permutation(50)
        #expect(p.sorted() == Array(0..<50))
        #expect(p != Array(0..<50))
        let batches = try rng.batches(count: 10, size: 4)
        #expect(batches.map(\.count) == [4, 4, 2])
        #expect(batches.flatMap { $0 }.sorted() == Array(0..<10))
        let rows = try Tensor.arange(5).reshaped([5, 1]).shuffled(using: rng)
        #expect(rows.scalars.sorted() == [0, 1, 2, 3, 4])
        #expect(throws: TensorError.self) { try rng.batches(count: 10, size: 0) }
    }

    @Test func forkedStreamsAreReproducibleAndDistinct() {
        let a = RandomGenerator(seed: 16), b = RandomGenerator(seed: 16)
        let fa = a.fork(), fb = b.fork()
        #expect(fa.next() == fb.next())
        #expect(a.next() != fa.next())
    }

    @Test func portableLogarithmIsAccurate() {
        var worst = 0.0
        var x = 1e-300
        while x < 1e300 {
            for m in [1.0, 1.1, 1.4142, 1.5, 1.9999] {
                let v = x * m
                let exact = Foundation.log(v)
                worst = max(worst, Swift.abs(PortableMath.log(v) - exact) / max(Swift.abs(exact), 1e-300))
            }
            x *= 3.7
        }
        let rng = RandomGenerator(seed: 17)
        for _ in 0..<100_000 {
            let v = rng.uniform()
            guard v > 0 else { continue }
            let exact = Foundation.log(v)
            if exact != 0 { worst = max(worst, Swift.abs(PortableMath.log(v) - exact) / Swift.abs(exact)) }
        }
        #expect(worst < 5e-16)  // about two units in the last place
        #expect(PortableMath.log(1) == 0)
        #expect(PortableMath.log(0) == -.infinity)
        #expect(PortableMath.log(-1).isNaN)
    }
}

/// Bit patterns of the first four standard normals for seed 7 (recorded once; a change means the
/// generator changed, which breaks every seeded notebook).
let goldenNormals: [UInt64] = [4_606_861_418_906_446_347, 13_830_841_574_531_207_134, 13_822_518_775_143_033_889, 13_831_000_173_851_975_992]

/// The same four draws from a Python implementation of the polar method using the platform's `log`
/// (`[0.9643618527255184, -1.0637531974798475, -0.3039301238656567, -1.0989693210013467]`); ours
/// may differ from these in the last place only.
let pythonNormals: [Double] = [0.9643618527255184, -1.0637531974798475, -0.3039301238656567, -1.0989693210013467]
