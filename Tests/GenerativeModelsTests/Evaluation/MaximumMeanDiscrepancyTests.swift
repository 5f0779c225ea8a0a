import Foundation
import Testing
import Tensors
@testable import GenerativeModels

@Suite("Kernel MMD")
struct MaximumMeanDiscrepancyTests {
    /// The unbiased MMD² by explicit double loops, the oracle.
    func bruteForce(_ x: [[Double]], _ y: [[Double]], h: Double) -> Double {
        func k(_ a: [Double], _ b: [Double]) -> Double {
            exp(-zip(a, b).map { ($0 - $1) * ($0 - $1) }.reduce(0, +) / (2 * h * h))
        }
        var xx = 0.0, yy = 0.0, xy = 0.0
        for i in x.indices { for j in x.indices where i != j { xx += k(x[i], x[j]) } }
        for i in y.indices { for j in y.indices where i != j { yy += k(y[i], y[j]) } }
        for a in x { for b in y { xy += k(a, b) } }
        let n = Double(x.count), m = Double(y.count)
        return xx / (n * (n - 1)) + yy / (m * (m - 1)) - 2 * xy / (n * m)
    }

    @Test("matches the double-loop estimator", arguments: [0.5, 1.0, 3.0])
    func matchesOracle(bandwidth: Double) throws {
        let rng = RandomGenerator(seed: 3)
        let x = try Tensor.randomNormal([7, 3], using: rng)
        let y = try Tensor.randomNormal([5, 3], mean: 0.5, using: rng)
        let rows = { (t: Tensor) in (0..<t.shape[0]).map { Array(t.scalars[($0 * 3)..<($0 * 3 + 3)]) } }
        let expected = bruteForce(rows(x), rows(y), h: bandwidth)
        #expect(abs(try Evaluation.mmd(x, y, bandwidth: bandwidth) - expected) < 1e-12)
    }

    @Test("near zero for two samples of one distribution, clearly positive for different ones", arguments: [2, 64])
    func separates(dimension: Int) throws {
        let rng = RandomGenerator(seed: 1)
        let a = try Tensor.randomNormal([400, dimension], using: rng)
        let b = try Tensor.randomNormal([400, dimension], using: rng)
        let shifted = try Tensor.randomNormal([400, dimension], mean: 0.5, using: rng)
        let same = try Evaluation.mmd(a, b)
        let different = try Evaluation.mmd(a, shifted)
        #expect(abs(same) < 0.01)
        #expect(different > 10 * abs(same))
    }

    @Test("refuses point sets of different dimensions and a bad bandwidth")
    func errors() throws {
        let a = try Tensor.zeros([4, 2]), b = try Tensor.zeros([4, 3])
        #expect(throws: TensorError.self) { try Evaluation.mmd(a, b) }
        #expect(throws: TensorError.self) { try Evaluation.mmd(a, a, bandwidth: 0) }
    }
}
