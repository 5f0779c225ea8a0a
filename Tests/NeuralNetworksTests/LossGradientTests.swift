import Testing
import Tensors
@testable import NeuralNetworks

/// Every loss differentiated against central finite differences with respect to each input
/// (relative error ≤ 1e-6), as the tensor operations are in TensorsTests.
struct LossCase: Sendable, CustomTestStringConvertible {
    let name: String
    let inputs: [Tensor]
    let f: @Sendable ([Tensor]) throws -> Tensor
    var testDescription: String { name }
}

let lossCases: [LossCase] = {
    let rng = RandomGenerator(seed: 21)
    func normal(_ shape: [Int]) -> Tensor { try! Tensor.randomNormal(shape, using: rng) }
    func unit(_ shape: [Int]) -> Tensor { try! Tensor.randomUniform(shape, low: 0.05, high: 0.95, using: rng) }
    let labels = Tensor([2, 0, 1, 2])
    return [
        LossCase(name: "meanSquaredError", inputs: [normal([4, 3]), normal([4, 3])]) { try Loss.meanSquaredError($0[0], $0[1]) },
        LossCase(name: "binaryCrossEntropy", inputs: [normal([4, 3]), unit([4, 3])]) { try Loss.binaryCrossEntropy(logits: $0[0], targets: $0[1], reduction: .sum) },
        LossCase(name: "crossEntropy labels", inputs: [normal([4, 3])]) { try Loss.crossEntropy(logits: $0[0], labels: labels) },
        LossCase(name: "crossEntropy probabilities", inputs: [normal([4, 3]), try! normal([4, 3]).softmax()]) {
            try Loss.crossEntropy(logits: $0[0], probabilities: $0[1])
        },
        LossCase(name: "gaussianNegativeLogLikelihood", inputs: [normal([4, 3]), normal([4, 3]), normal([4, 3])]) {
            try Loss.gaussianNegativeLogLikelihood(mean: $0[0], logVariance: $0[1], target: $0[2])
        },
        LossCase(name: "klDivergence", inputs: [normal([4, 2]), normal([4, 2]), normal([2]), normal([2])]) {
            try Loss.klDivergence(mean: $0[0], logVariance: $0[1], priorMean: $0[2], priorLogVariance: $0[3], reduction: .sum)
        },
        LossCase(name: "klDivergenceFromStandardNormal", inputs: [normal([4, 2]), normal([4, 2])]) {
            try Loss.klDivergenceFromStandardNormal(mean: $0[0], logVariance: $0[1])
        },
        LossCase(name: "crossEntropy one sample", inputs: [normal([1, 3])]) { try Loss.crossEntropy(logits: $0[0], labels: Tensor([2])) },
        LossCase(name: "crossEntropy one class", inputs: [normal([3, 1])]) { try Loss.crossEntropy(logits: $0[0], labels: Tensor([0, 0, 0])) },
        LossCase(name: "crossEntropy probabilities one sample", inputs: [normal([1, 3]), try! normal([1, 3]).softmax()]) {
            try Loss.crossEntropy(logits: $0[0], probabilities: $0[1], reduction: .sum)
        },
    ] + [[], [1], [1, 1], [1, 3], [3, 1]].flatMap { (shape: [Int]) -> [LossCase] in [
        // Rank 0, one element and size-1 axes: the shapes where a backward rule's broadcasting breaks.
        LossCase(name: "meanSquaredError \(shape)", inputs: [normal(shape), normal(shape)]) { try Loss.meanSquaredError($0[0], $0[1]) },
        LossCase(name: "binaryCrossEntropy \(shape)", inputs: [normal(shape), unit(shape)]) {
            try Loss.binaryCrossEntropy(logits: $0[0], targets: $0[1])
        },
        LossCase(name: "gaussianNegativeLogLikelihood \(shape)", inputs: [normal(shape), normal(shape), normal(shape)]) {
            try Loss.gaussianNegativeLogLikelihood(mean: $0[0], logVariance: $0[1], target: $0[2], reduction: .sum)
        },
    ] } + [[1, 1], [1, 2], [3, 1]].map { (shape: [Int]) -> LossCase in
        LossCase(name: "klDivergenceFromStandardNormal \(shape)", inputs: [normal(shape), normal(shape)]) {
            try Loss.klDivergenceFromStandardNormal(mean: $0[0], logVariance: $0[1])
        }
    }
}()

@Suite("Loss gradients against finite differences")
struct LossGradientTests {
    @Test(arguments: lossCases)
    func gradientMatchesCentralDifferences(_ c: LossCase) throws {
        let (_, analytic) = try valueAndGrad(at: c.inputs, c.f)
        let h = 1e-5
        for (k, input) in c.inputs.enumerated() {
            var numeric = [Double](repeating: 0, count: input.count)
            for i in 0..<input.count {
                var plus = c.inputs, minus = c.inputs
                plus[k].withUnsafeMutableBufferPointer { $0[i] += h }
                minus[k].withUnsafeMutableBufferPointer { $0[i] -= h }
                numeric[i] = (try c.f(plus).item - c.f(minus).item) / (2 * h)
            }
            let diff = zip(analytic[k].scalars, numeric).map { ($0 - $1) * ($0 - $1) }.reduce(0, +).squareRoot()
            let scale = max(numeric.map { $0 * $0 }.reduce(0, +).squareRoot(), 1e-300)
            #expect(diff / scale <= 1e-6, "\(c.name) input \(k): relative error \(diff / scale)")
        }
    }
}
