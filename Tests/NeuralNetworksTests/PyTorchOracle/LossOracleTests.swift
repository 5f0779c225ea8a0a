import Foundation
import Testing
import Tensors
@testable import NeuralNetworks

/// Every loss with every reduction against PyTorch in float64, values and gradients with respect
/// to each input. `loss_cases.json` is written by Tests/TensorsTests/PyTorchOracle/make_cases.py
/// (no Python is needed here). Values agree to a relative 1e-10, gradients to 1e-8.
struct LossOracleTests {
    struct LossCase: Codable, Sendable, CustomTestStringConvertible {
        let name: String
        let op: String
        let reduction: String
        let inputs: [OracleTensor]
        let output: OracleTensor
        let weight: OracleTensor
        let gradients: [OracleTensor?]
        var testDescription: String { name }
    }

    struct Table: Codable, Sendable {
        let producer: String
        let losses: [LossCase]
    }

    static let table: Table = OracleTensor.table("loss_cases.json") { Table(producer: $0, losses: []) }

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

    @Test func everyLossWithEveryReduction() {
        #expect(Self.table.losses.count == 21, "\(Self.table.producer)")
    }

    @Test(arguments: table.losses)
    func lossMatchesPyTorch(_ c: LossCase) throws {
        let reduction: LossReduction = c.reduction == "sum" ? .sum : c.reduction == "none" ? .none : .mean
        let inputs = try c.inputs.map { try $0.tensor() }
        if let problem = c.output.mismatch(try Self.apply(c.op, inputs, reduction), relative: 1e-10) {
            Issue.record("\(c.name): \(problem)")
        }
        let weight = try c.weight.tensor()
        let (_, gradients) = try valueAndGrad(at: inputs) { try (try Self.apply(c.op, $0, reduction) * weight).sum() }
        for (i, expected) in c.gradients.enumerated() {
            guard let expected else { continue }
            if let problem = expected.mismatch(gradients[i], relative: 1e-8) { Issue.record("\(c.name), input \(i): \(problem)") }
        }
    }
}
