import Foundation
import Testing
import Tensors
@testable import NeuralNetworks

/// Losses against their textbook formulas evaluated element by element.
@Suite("Losses")
struct LossTests {
    func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-13) -> Bool {
        Swift.abs(a - b) <= tolerance * max(1, Swift.abs(b))
    }

    /// A prediction of shape [3, 1] against a target of shape [3] would broadcast to [3, 3] and
    /// give a wrong number without a word (mse 1.333… for identical values); every loss refuses it
    /// and names both shapes. A shared variance or a prior may still broadcast.
    @Test func lossesRefuseShapesThatDiffer() throws {
        let column = try Tensor([[1.0], [2], [3]]), row = Tensor([1.0, 2, 3])
        let refusals: [(String, () throws -> Tensor)] = [
            ("meanSquaredError", { try Loss.meanSquaredError(column, row) }),
            ("binaryCrossEntropy", { try Loss.binaryCrossEntropy(logits: column, targets: row) }),
            ("gaussianNegativeLogLikelihood", { try Loss.gaussianNegativeLogLikelihood(mean: column, logVariance: column, target: row) }),
            ("klDivergence", { try Loss.klDivergence(mean: column, logVariance: row, priorMean: Tensor(0), priorLogVariance: Tensor(0)) }),
            ("klDivergenceFromStandardNormal", { try Loss.klDivergenceFromStandardNormal(mean: column, logVariance: row) }),
            ("crossEntropy", { try Loss.crossEntropy(logits: Tensor.zeros([3, 2]), probabilities: Tensor.zeros([3, 1])) }),
        ]
        for (name, loss) in refusals {
            do {
                _ = try loss()
                Issue.record("\(name) accepted shapes that differ")
            } catch {
                #expect("\(error)".hasPrefix(name) && "\(error)".contains("[3, 1]"), "\(error)")
            }
        }
        #expect(try Loss.gaussianNegativeLogLikelihood(mean: row, logVariance: Tensor(0), target: row).item == 0.5 * log(2 * Double.pi))
        #expect(try Loss.klDivergence(mean: row, logVariance: row, priorMean: Tensor(0), priorLogVariance: Tensor([0.0])).count == 1)
    }

    @Test func meanSquaredError() throws {
        let p = Tensor([1, 2, 3]), t = Tensor([1, 0, 5])
        #expect(try Loss.meanSquaredError(p, t).item == 8.0 / 3)
        #expect(try Loss.meanSquaredError(p, t, reduction: .sum).item == 8)
        #expect(try Loss.meanSquaredError(p, t, reduction: .none) == Tensor([0, 4, 4]))
        #expect(throws: TensorError.self) { try Loss.meanSquaredError(p, Tensor([1, 2])) }
    }

    @Test func binaryCrossEntropyWithLogits() throws {
        let x = Tensor([-2, 0.5, 3]), t = Tensor([0, 1, 0.25])
        let terms = try Loss.binaryCrossEntropy(logits: x, targets: t, reduction: .none)
        for i in 0..<3 {
            let s = 1 / (1 + Foundation.exp(-x.scalars[i]))
            let expected = -t.scalars[i] * Foundation.log(s) - (1 - t.scalars[i]) * Foundation.log(1 - s)
            #expect(close(terms.scalars[i], expected))
        }
        let extreme = try Loss.binaryCrossEntropy(logits: Tensor([1000, -1000]), targets: Tensor([0, 1]), reduction: .none)
        #expect(extreme.scalars == [1000, 1000])
    }

    @Test func crossEntropyFromLabelsAndFromDistributions() throws {
        let logits = try Tensor([[1, 2, 3], [0, 0, 0]])
        let labels = Tensor([2, 0])
        let l = try Loss.crossEntropy(logits: logits, labels: labels, reduction: .none)
        let z = Foundation.log(Foundation.exp(1.0) + Foundation.exp(2.0) + Foundation.exp(3.0))
        #expect(close(l.scalars[0], z - 3))
        #expect(close(l.scalars[1], Foundation.log(3)))
        let fromDistributions = try Loss.crossEntropy(logits: logits, probabilities: labels.oneHot(classes: 3), reduction: .none)
        #expect(zip(l.scalars, fromDistributions.scalars).allSatisfy { close($0, $1) })
        #expect(throws: TensorError.self) { try Loss.crossEntropy(logits: logits, labels: Tensor([3, 0])) }
        #expect(throws: TensorError.self) { try Loss.crossEntropy(logits: logits, labels: Tensor([0])) }
    }

    @Test func gaussianNegativeLogLikelihood() throws {
        let mean = Tensor([0, 1]), logVariance = Tensor([0, Foundation.log(4)]), x = Tensor([1, -1])
        let terms = try Loss.gaussianNegativeLogLikelihood(mean: mean, logVariance: logVariance, target: x, reduction: .none)
        #expect(close(terms.scalars[0], 0.5 * Foundation.log(2 * Double.pi) + 0.5))
        #expect(close(terms.scalars[1], 0.5 * Foundation.log(2 * Double.pi * 4) + 0.5 * 4 / 4))
    }

    @Test func klDivergenceBetweenDiagonalGaussians() throws {
        let (m1, s1, m2, s2) = (0.3, 0.5, -1.0, 2.0)
        let kl = try Loss.klDivergence(mean: Tensor([m1]), logVariance: Tensor([Foundation.log(s1 * s1)]),
                                       priorMean: Tensor([m2]), priorLogVariance: Tensor([Foundation.log(s2 * s2)])).item
        let expected = Foundation.log(s2 / s1) + (s1 * s1 + (m1 - m2) * (m1 - m2)) / (2 * s2 * s2) - 0.5
        #expect(close(kl, expected))
        let toStandard = try Loss.klDivergenceFromStandardNormal(mean: Tensor([m1]), logVariance: Tensor([Foundation.log(s1 * s1)])).item
        let general = try Loss.klDivergence(mean: Tensor([m1]), logVariance: Tensor([Foundation.log(s1 * s1)]),
                                            priorMean: Tensor([0]), priorLogVariance: Tensor([0])).item
        #expect(close(toStandard, general))
        #expect(try Loss.klDivergenceFromStandardNormal(mean: Tensor([0, 0]), logVariance: Tensor([0, 0])).item == 0)
    }
}
