import Testing
@testable import Tensors

@Suite("GRU sequence")
struct GRUSequenceTests {
    /// Input gates [2, 5, 3·4], hidden weight and bias, first state; and weights for the checked sum.
    static func inputs(seed: UInt64) throws -> (values: [Tensor], probe: Tensor) {
        let rng = RandomGenerator(seed: seed)
        let values = [try Tensor.randomNormal([2, 5, 12], using: rng), try Tensor.randomNormal([4, 12], using: rng) * 0.5,
                      try Tensor.randomNormal([12], using: rng), try Tensor.randomNormal([2, 4], using: rng)]
        return (values, try Tensor.randomNormal([2, 5, 4], using: rng))
    }

    /// The same recurrence written as a loop of `affine` and `gruUpdate` over slices.
    static func stepByStep(_ v: [Tensor], precision: ProductPrecision) throws -> Tensor {
        var h = v[3]
        var outputs: [Tensor] = []
        for t in 0..<v[0].shape[1] {
            let gh = try Tensor.affine(h, v[1], v[2], precision: precision)
            h = try Tensor.gruUpdate(inputGates: v[0].indexed([.all, .index(t), .all]), hiddenGates: gh, state: h, precision: precision)
            outputs.append(h)
        }
        return try Tensor.stack(outputs, axis: 1)
    }

    @Test("equals the step-by-step loop in value and in the gradient of every input", arguments: ProductPrecision.allCases)
    func equalsTheStepByStepLoop(_ precision: ProductPrecision) throws {
        let (values, probe) = try Self.inputs(seed: 7)
        let fused: ([Tensor]) throws -> Tensor = { v in
            try (Tensor.gruSequence(inputGates: v[0], hiddenWeight: v[1], hiddenBias: v[2], state: v[3], precision: precision) * probe).sum()
        }
        let (a, da) = try valueAndGrad(at: values, fused)
        let (b, db) = try valueAndGrad(at: values) { try (Self.stepByStep($0, precision: precision) * probe).sum() }
        // Only the order of the hidden weight's sum differs; in float32 each product rounds to 6e-8.
        let tolerance = precision == .float64 ? 1e-12 : 1e-5
        #expect(abs(try a.item - b.item) <= tolerance)
        for (x, y) in zip(da, db) {
            #expect(x.shape == y.shape)
            #expect(try (x - y).abs().max().item <= tolerance * max(1, try y.abs().max().item))
        }
    }

    @Test("in float32 stays within single precision of float64, and is not float64")
    func singlePrecisionIsCloseButNotEqual() throws {
        let (v, _) = try Self.inputs(seed: 8)
        let single = try Tensor.gruSequence(inputGates: v[0], hiddenWeight: v[1], hiddenBias: v[2], state: v[3], precision: .float32)
        let double = try Tensor.gruSequence(inputGates: v[0], hiddenWeight: v[1], hiddenBias: v[2], state: v[3])
        let difference = try (single - double).abs().max().item
        #expect(difference < 1e-5)
        #expect(difference > 0)
    }

    @Test("an empty sequence gives no states and a zero gradient")
    func emptySequence() throws {
        let rng = RandomGenerator(seed: 9)
        let w = try Tensor.randomNormal([3, 9], using: rng), b = try Tensor.zeros([9]), h = try Tensor.ones([2, 3])
        let (out, grads) = try valueAndGrad(at: [w, h]) { v in
            try Tensor.gruSequence(inputGates: Tensor.zeros([2, 0, 9]), hiddenWeight: v[0], hiddenBias: b, state: v[1]).sum()
        }
        #expect(try out.item == 0)
        #expect(grads[0] == (try Tensor.zeros([3, 9])))
        #expect(grads[1] == (try Tensor.zeros([2, 3])))
    }

    @Test("refuses shapes that do not fit", arguments: [
        ([2, 5, 12], [4, 12], [12], [3, 4]),  // batch of the state
        ([2, 5, 9], [4, 12], [12], [2, 4]),   // gates not 3H
        ([2, 12], [4, 12], [12], [2, 4]),     // gates without a time axis
        ([2, 5, 12], [12, 4], [12], [2, 4]),  // weight transposed
        ([2, 5, 12], [4, 12], [4], [2, 4]),   // bias
    ])
    func refusesShapesThatDoNotFit(_ shapes: ([Int], [Int], [Int], [Int])) throws {
        #expect(throws: TensorError.self) {
            try Tensor.gruSequence(inputGates: Tensor.zeros(shapes.0), hiddenWeight: Tensor.zeros(shapes.1),
                                   hiddenBias: Tensor.zeros(shapes.2), state: Tensor.zeros(shapes.3))
        }
    }
}
