import Testing
import Tensors
@testable import NeuralNetworks

@Suite("Dropout")
struct DropoutTests {
    @Test("zeroes about p of the elements, scales the rest by 1/(1 − p), and keeps the mean", arguments: [0.2, 0.5])
    func zeroesAndRescales(_ p: Double) throws {
        let x = try Tensor.ones([200, 500])
        let y = try Dropout(p)(x, using: RandomGenerator(seed: 3))
        let zeros = Double(y.scalars.filter { $0 == 0 }.count) / Double(y.count)
        #expect(abs(zeros - p) < 0.01)  // 100,000 draws: the standard error is under 0.002
        #expect(y.scalars.allSatisfy { $0 == 0 || abs($0 - 1 / (1 - p)) < 1e-15 })
        #expect(abs(try y.mean().item - 1) < 0.02)
    }

    @Test("the gradient is the mask: zero where dropped, 1/(1 − p) where kept")
    func gradientIsTheMask() throws {
        let x = try Tensor.randomNormal([4, 6], using: RandomGenerator(seed: 1))
        let dropout = try Dropout(0.5)
        let y = try dropout(x, using: RandomGenerator(seed: 2))
        let g = try grad(at: x) { try dropout($0, using: RandomGenerator(seed: 2)).sum() }
        for (yi, (xi, gi)) in zip(y.scalars, zip(x.scalars, g.scalars)) {
            #expect(gi == (yi == 0 ? 0 : 2))
            #expect(yi == xi * gi)
        }
    }

    @Test("the same draws give the same mask; zero probability is the identity")
    func deterministicAndIdentityAtZero() throws {
        let x = try Tensor.randomNormal([3, 5], using: RandomGenerator(seed: 4))
        let d = try Dropout(0.3)
        #expect(try d(x, using: RandomGenerator(seed: 5)) == d(x, using: RandomGenerator(seed: 5)))
        #expect(try Dropout(0)(x, using: RandomGenerator(seed: 5)) == x)
    }

    @Test("refuses probabilities outside [0, 1)", arguments: [-0.1, 1, 1.5, Double.nan])
    func refusesBadProbabilities(_ p: Double) {
        #expect(throws: TensorError.self) { try Dropout(p) }
    }
}
