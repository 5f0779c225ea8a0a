import Foundation
import Testing
import Tensors
@testable import NeuralNetworks

/// Every loss with every reduction against PyTorch in float64, values and gradients with respect
/// to each input. `loss_cases.json` is written by Tests/TensorsTests/PyTorchOracle/make_cases.py
/// (no Python is needed here). Values agree to a relative 1e-10, gradients to 1e-8.
struct LossOracleTests {
    struct Encoded: Codable, Sendable {
        let shape: [Int]
        let data: [Double]
        func tensor() throws -> Tensor { try Tensor(shape: shape, data: data) }
    }

    struct LossCase: Codable, Sendable, CustomTestStringConvertible {
        let name: String
        let op: String
        let reduction: String
        let inputs: [Encoded]
        let output: Encoded
        let weight: Encoded
        let gradients: [Encoded?]
        var testDescription: String { name }
    }

    struct Table: Codable, Sendable {
        let producer: String
        let losses: [LossCase]
    }

    static let table: Table = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("loss_cases.json")
        do {
            return try JSONDecoder().decode(Table.self, from: Data(contentsOf: url))
        } catch {
            return Table(producer: "unreadable: \(error)", losses: [])
        }
    }()

    static func apply(_ op: String, _ x: [Tensor], _ reduction: LossReduction) throws -> Tensor {
        switch op {
        case "meanSquaredError": return try Loss.meanSquaredError(x[0], x[1], reduction: reduction)
        case "binaryCrossEntropy": return try Loss.binaryCrossEntropy(logits: x[0], targets: x[1], reduction: reduction)
        case "crossEntropyLabels": return try Loss.crossEntropy(logits: x[0], labels: x[1], reduction: reduction)
        case "crossEntropyProbabilities": return try Loss.crossEntropy(logits: x[0], probabilities: x[1], reduction: reduction)
        case "gaussianNegativeLogLikelihood":
            return try Loss.gaussianNegativeLogLikelihood(mean: x[0], logVariance: x[1], target: x[2], reduction: reduction)
        case "klDivergence":
            return try Loss.klDivergence(mean: x[0], logVariance: x[1], priorMean: x[2], priorLogVariance: x[3], reduction: reduction)
        case "klDivergenceFromStandardNormal":
            return try Loss.klDivergenceFromStandardNormal(mean: x[0], logVariance: x[1], reduction: reduction)
        default: throw TensorError.invalidArgument(operation: "LossOracleTests", reason: "no case for '\(op)'")
        }
    }

    static func mismatch(_ actual: Tensor, _ expected: Encoded, relative: Double) -> String? {
        guard actual.shape == expected.shape else { return "shape \(actual.shape), PyTorch \(expected.shape)" }
        for (i, (a, b)) in zip(actual.scalars, expected.data).enumerated()
        where Swift.abs(a - b) > relative * Swift.max(Swift.abs(a), Swift.abs(b)) + 1e-14 {
            return "element \(i): \(a), PyTorch \(b)"
        }
        return nil
    }

    @Test func everyLossWithEveryReduction() {
        #expect(Self.table.losses.count == 21, "\(Self.table.producer)")
    }

    @Test(arguments: table.losses)
    func lossMatchesPyTorch(_ c: LossCase) throws {
        let reduction: LossReduction = c.reduction == "sum" ? .sum : c.reduction == "none" ? .none : .mean
        let inputs = try c.inputs.map { try $0.tensor() }
        if let problem = Self.mismatch(try Self.apply(c.op, inputs, reduction), c.output, relative: 1e-10) {
            Issue.record("\(c.name): \(problem)")
        }
        let weight = try c.weight.tensor()
        let (_, gradients) = try valueAndGrad(at: inputs) { try (try Self.apply(c.op, $0, reduction) * weight).sum() }
        for (i, expected) in c.gradients.enumerated() {
            guard let expected else { continue }
            if let problem = Self.mismatch(gradients[i], expected, relative: 1e-8) { Issue.record("\(c.name), input \(i): \(problem)") }
        }
    }
}
