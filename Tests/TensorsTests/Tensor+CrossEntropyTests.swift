import Testing
@testable import Tensors

/// The fused cross-entropy against the composition it replaces (log-softmax, then the pick),
/// finite differences, and the labels it refuses.
@Suite("Cross-entropy with labels")
struct CrossEntropyTests {
    /// Rows of logits, labels: small, wide (CharRNN's 299 classes), extreme (a row at ±700, one at
    /// −∞ for a class never chosen).
    static let wide: [[Double]] = (0..<5).map { (r: Int) -> [Double] in
        (0..<299).map { (c: Int) -> Double in Double((r * 37 + c * 11) % 23) / 3 - 4 }
    }
    static let cases: [(logits: [[Double]], labels: [Double])] = [
        ([[0.2, -1.3, 2.0], [1.0, 1.0, 1.0]], [2, 0]),
        (wide, [0, 298, 17, 150, 3]),
        ([[700, -700, 0], [-Double.infinity, 3, 4]], [1, 2]),
    ]

    @Test(arguments: cases.indices)
    func equalsLogSoftmaxThenPick(_ index: Int) throws {
        let (rows, labels) = Self.cases[index]
        let x = try Tensor(rows), y = Tensor(labels)
        let probe = try Tensor.randomNormal([rows.count], using: RandomGenerator(seed: 2))
        let (fused, gFused) = try valueAndGrad(at: x) { try (Tensor.softmaxCrossEntropy(logits: $0, labels: y) * probe).sum() }
        let (composed, gComposed) = try valueAndGrad(at: x) {
            try (-$0.logSoftmax(axis: 1).takeAlong(y.reshaped([-1, 1]), axis: 1).flattened() * probe).sum()
        }
        // The losses are the same numbers (the same log-sum-exp); the gradients differ only in how the
        // softmax is formed (e/Σe kept, against exp(x − lse) recomputed).
        #expect(try Tensor.softmaxCrossEntropy(logits: x, labels: y) == -(x.logSoftmax(axis: 1).takeAlong(y.reshaped([-1, 1]), axis: 1).flattened()))
        #expect(fused == composed)
        #expect(zip(gFused.scalars, gComposed.scalars).allSatisfy { Swift.abs($0 - $1) <= 1e-15 * max(1, Swift.abs($1)) })
    }

    @Test("in float32 the losses and gradients are within 1e-9 relative of float64's, and not float64's", arguments: cases.indices)
    func singlePrecisionExponentials(_ index: Int) throws {
        let (rows, labels) = Self.cases[index]
        let x = try Tensor(rows), y = Tensor(labels)
        let (single, gSingle) = try valueAndGrad(at: x) { try Tensor.softmaxCrossEntropy(logits: $0, labels: y, precision: .float32).sum() }
        let (double, gDouble) = try valueAndGrad(at: x) { try Tensor.softmaxCrossEntropy(logits: $0, labels: y).sum() }
        #expect(Swift.abs(try single.item - double.item) <= 1e-9 * Swift.abs(try double.item))
        #expect(zip(gSingle.scalars, gDouble.scalars).allSatisfy { Swift.abs($0 - $1) <= 1e-9 * max(1e-300, Swift.abs($1)) || $0 == $1 })
        if index == 1 { #expect(gSingle != gDouble) }
    }

    @Test func gradientMatchesFiniteDifferences() throws {
        let rng = RandomGenerator(seed: 8)
        let x = try Tensor.randomNormal([4, 7], using: rng), y = Tensor([6, 0, 3, 3])
        let f = { (x: Tensor) throws -> Double in try Tensor.softmaxCrossEntropy(logits: x, labels: y).sum().item }
        let (_, g) = try valueAndGrad(at: x) { try Tensor.softmaxCrossEntropy(logits: $0, labels: y).sum() }
        let h = 1e-6
        for i in 0..<x.count {
            var (plus, minus) = (x.scalars, x.scalars)
            plus[i] += h
            minus[i] -= h
            let numeric = (try f(Tensor(shape: x.shape, data: plus)) - f(Tensor(shape: x.shape, data: minus))) / (2 * h)
            #expect(Swift.abs(numeric - g.scalars[i]) < 1e-8)
        }
    }

    @Test(arguments: [([3.0, 0], "index 3 is out of range"), ([-1.0, 0], "index -1 is out of range"), ([0.5, 0], "index 0.5 is not an integer")])
    func labelsOutsideTheClassesAreRefused(_ labels: [Double], _ message: String) throws {
        let x = try Tensor([[1.0, 2, 3], [4, 5, 6]])
        #expect { try Tensor.softmaxCrossEntropy(logits: x, labels: Tensor(labels)) } throws: { error in
            "\(error)".contains(message)
        }
    }
}
