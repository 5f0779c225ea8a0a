import Testing
@testable import Tensors

@Suite("GRU update")
struct GatedUnitsTests {
    @Test("equals the GRU's equations written with separate operations, in value and in every gradient")
    func equalsTheUnfusedEquations() throws {
        let rng = RandomGenerator(seed: 4)
        let (batch, hidden) = (5, 7)
        let gi = try Tensor.randomNormal([batch, 3 * hidden], using: rng)
        let gh = try Tensor.randomNormal([batch, 3 * hidden], using: rng)
        let h = try Tensor.randomNormal([batch, hidden], using: rng)
        let weights = try Tensor.randomNormal([batch, hidden], using: rng)
        func gate(_ t: Tensor, _ k: Int) throws -> Tensor { try t.indexed([.all, .range(start: k * hidden, end: (k + 1) * hidden, step: 1)]) }
        let unfused: ([Tensor]) throws -> Tensor = { v in
            let r = try (gate(v[0], 0) + gate(v[1], 0)).sigmoid()
            let z = try (gate(v[0], 1) + gate(v[1], 1)).sigmoid()
            let n = try (gate(v[0], 2) + r * gate(v[1], 2)).tanh()
            return try ((n + z * (v[2] - n)) * weights).sum()
        }
        let fused: ([Tensor]) throws -> Tensor = { v in
            try (Tensor.gruUpdate(inputGates: v[0], hiddenGates: v[1], state: v[2]) * weights).sum()
        }
        let (a, da) = try valueAndGrad(at: [gi, gh, h], unfused)
        let (b, db) = try valueAndGrad(at: [gi, gh, h], fused)
        #expect(abs(try a.item - b.item) < 1e-12)
        for (x, y) in zip(da, db) {
            #expect(try (x - y).abs().max().item < 1e-12)
        }
    }

    @Test("in float32 computes the gates to single precision's accuracy, not the C library's bits")
    func singlePrecisionGates() throws {
        let rng = RandomGenerator(seed: 5)
        let gi = try Tensor.randomNormal([4, 24], using: rng) * 3, gh = try Tensor.randomNormal([4, 24], using: rng)
        let h = try Tensor.randomNormal([4, 8], using: rng)
        let single = try Tensor.gruUpdate(inputGates: gi, hiddenGates: gh, state: h, precision: .float32)
        let double = try Tensor.gruUpdate(inputGates: gi, hiddenGates: gh, state: h)
        let difference = try (single - double).abs().max().item
        #expect(difference <= 1e-8)
        #expect(difference > 0)
    }

    @Test("refuses gates and states that do not fit", arguments: [
        ([2, 9], [2, 9], [2, 4]),   // 3·4 ≠ 9
        ([2, 12], [2, 9], [2, 4]),  // the two gates differ
        ([3, 12], [3, 12], [2, 4]), // batch
        ([2, 12], [2, 12], [8]),    // state not a matrix
    ])
    func refusesShapesThatDoNotFit(_ shapes: ([Int], [Int], [Int])) throws {
        #expect(throws: TensorError.self) {
            try Tensor.gruUpdate(inputGates: try Tensor.zeros(shapes.0), hiddenGates: try Tensor.zeros(shapes.1), state: try Tensor.zeros(shapes.2))
        }
    }
}
