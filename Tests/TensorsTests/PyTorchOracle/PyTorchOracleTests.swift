import Foundation
import Testing
@testable import Tensors

/// The Tensors library against PyTorch in float64: `cases.json` holds what PyTorch computed for
/// each operation and gradient case (written by `make_cases.py` beside it; no Python is needed
/// here). Values must agree to a relative 1e-10, gradients to a relative 1e-8, each with a floor
/// of 1e-14 for elements that are zero up to rounding.
struct PyTorchOracleTests {
    struct Encoded: Codable, Sendable {
        let shape: [Int]
        let data: [Double]

        func tensor() throws -> Tensor { try Tensor(shape: shape, data: data) }
    }

    struct Parameters: Codable, Sendable {
        var axis: Int?
        var axes: [Int]?
        var keepDims: Bool?
        var shape: [Int]?
        var indices: [Int]?
        var descending: Bool?
        var q: Double?
        var count: Int?
        var stride: [Int]?
        var padding: [Int]?
        var dilation: [Int]?
        var causal: Bool?
    }

    struct OperationCase: Codable, Sendable, CustomTestStringConvertible {
        let name: String
        let op: String
        let params: Parameters
        let inputs: [Encoded]
        let output: Encoded
        var testDescription: String { name }
    }

    struct GradientCase: Codable, Sendable, CustomTestStringConvertible {
        let name: String
        let op: String
        let params: Parameters
        let inputs: [Encoded]
        let weight: Encoded
        let gradients: [Encoded]
        var testDescription: String { name }
    }

    struct Table: Codable, Sendable {
        let producer: String
        let operations: [OperationCase]
        let gradients: [GradientCase]
    }

    static let table: Table = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("cases.json")
        do {
            return try JSONDecoder().decode(Table.self, from: Data(contentsOf: url))
        } catch {
            return Table(producer: "unreadable: \(error)", operations: [], gradients: [])
        }
    }()

    /// The operation a case names, as the library spells it; mirrors `apply` in make_cases.py.
    static func apply(_ op: String, _ x: [Tensor], _ p: Parameters) throws -> Tensor {
        let keep = p.keepDims ?? false
        switch op {
        case "add": return try x[0] + x[1]
        case "subtract": return try x[0] - x[1]
        case "multiply": return try x[0] * x[1]
        case "divide": return try x[0] / x[1]
        case "pow": return try x[0].pow(x[1])
        case "maximum": return try x[0].maximum(x[1])
        case "minimum": return try x[0].minimum(x[1])
        case "exp": return x[0].exp()
        case "log": return x[0].log()
        case "log1p": return x[0].log1p()
        case "sqrt": return x[0].sqrt()
        case "abs": return x[0].abs()
        case "square": return x[0].square()
        case "sin": return x[0].sin()
        case "cos": return x[0].cos()
        case "tanh": return x[0].tanh()
        case "sigmoid": return x[0].sigmoid()
        case "softplus": return x[0].softplus()
        case "relu": return x[0].relu()
        case "leakyRelu": return x[0].leakyRelu(slope: 0.1)
        case "elu": return x[0].elu()
        case "gelu": return x[0].gelu()
        case "silu": return x[0].silu()
        case "clamped": return x[0].clamped(min: -0.5, max: 0.5)
        case "negate": return -x[0]
        case "addScalar": return x[0] + 2.5
        case "scalarSubtract": return 2.5 - x[0]
        case "multiplyScalar": return x[0] * 2.5
        case "divideByScalar": return x[0] / 2.5
        case "scalarDivide": return 2.5 / x[0]
        case "powScalar": return x[0].pow(2.5)
        case "sum": return try p.axis.map { try x[0].sum(axis: $0, keepDims: keep) } ?? x[0].sum()
        case "mean": return try p.axis.map { try x[0].mean(axis: $0, keepDims: keep) } ?? x[0].mean()
        case "max": return try p.axis.map { try x[0].max(axis: $0, keepDims: keep) } ?? x[0].max()
        case "min": return try p.axis.map { try x[0].min(axis: $0, keepDims: keep) } ?? x[0].min()
        case "logSumExp": return try p.axis.map { try x[0].logSumExp(axis: $0, keepDims: keep) } ?? x[0].logSumExp()
        case "variance0": return try x[0].variance(axes: p.axis.map { [$0] }, keepDims: keep, correction: 0)
        case "variance1": return try x[0].variance(axes: p.axis.map { [$0] }, keepDims: keep, correction: 1)
        case "standardDeviation1": return try x[0].standardDeviation(axes: p.axis.map { [$0] }, keepDims: keep, correction: 1)
        case "argmax": return try x[0].argmax(axis: p.axis!, keepDims: keep)
        case "argmin": return try x[0].argmin(axis: p.axis!, keepDims: keep)
        case "softmax": return try x[0].softmax(axis: p.axis!)
        case "logSoftmax": return try x[0].logSoftmax(axis: p.axis!)
        case "matmul": return try x[0].matmul(x[1])
        case "reshape": return try x[0].reshaped(p.shape!)
        case "permute": return try x[0].permuted(p.axes!)
        case "transpose": return x[0].transposed()
        case "concatenate": return try Tensor.concatenate(x, axis: p.axis!)
        case "stack": return try Tensor.stack(x, axis: p.axis!)
        case "expandDims": return try x[0].expandedDimensions(axis: p.axis!)
        case "squeeze": return try x[0].squeezed(axis: p.axis!)
        case "broadcast": return try x[0].broadcast(to: p.shape!)
        case "take": return try x[0].take(p.indices!, axis: p.axis!)
        case "where": return try Tensor.where(x[0] .> 0, x[1], x[2])
        case "maskedSelect": return try x[0].masked(x[0] .> 0)
        case "maskedFill": return try x[0].replacing(mask: x[0] .< 0, with: 0.5)
        case "greater": return try x[0] .> x[1]
        case "less": return try x[0] .< x[1]
        case "greaterEqual": return try x[0] .>= x[1]
        case "lessEqual": return try x[0] .<= x[1]
        case "sorted": return try x[0].sorted(axis: p.axis!, descending: p.descending ?? false)
        case "median": return try x[0].median(axis: p.axis!)
        case "quantile": return try x[0].quantile(p.q!, axis: p.axis!)
        case "cumulativeSum": return try x[0].cumulativeSum(axis: p.axis!)
        case "norm": return try p.axis.map { try x[0].norm(axis: $0) } ?? x[0].norm()
        case "tiled": return try x[0].tiled(p.shape!)
        case "repeated": return try x[0].repeated(p.count!, axis: p.axis!)
        case "diagonal": return try x[0].diagonal()
        case "trace": return try x[0].trace()
        case "inverse": return try Linalg.inverse(x[0])
        case "solve": return try Linalg.solve(x[0], x[1])
        case "logDeterminant": return try Linalg.logDeterminant(x[0])
        case "cholesky": return try Linalg.cholesky(x[0])
        case "eigenvalues": return try Linalg.eigh(x[0]).eigenvalues
        case "singularValues": return try Linalg.svd(x[0]).singularValues
        case "conv2d":
            return try Tensor.conv2d(x[0], weight: x[1], bias: x.count > 2 ? x[2] : nil,
                                     stride: p.stride ?? [1], padding: p.padding ?? [0], dilation: p.dilation ?? [1])
        case "conv1d":
            return try Tensor.conv1d(x[0], weight: x[1], bias: x.count > 2 ? x[2] : nil, stride: p.stride?[0] ?? 1,
                                     padding: p.padding?[0] ?? 0, dilation: p.dilation?[0] ?? 1, causal: p.causal ?? false)
        default: throw TensorError.invalidArgument(operation: "PyTorchOracleTests", reason: "no case for '\(op)'")
        }
    }

    /// The largest element's disagreement beyond `relative · max(|a|, |b|) + 1e-14`, described.
    static func mismatch(_ actual: Tensor, _ expected: Encoded, relative: Double) -> String? {
        guard actual.shape == expected.shape else { return "shape \(actual.shape), PyTorch \(expected.shape)" }
        for (i, (a, b)) in zip(actual.scalars, expected.data).enumerated() {
            if Swift.abs(a - b) > relative * Swift.max(Swift.abs(a), Swift.abs(b)) + 1e-14 {
                return "element \(i): \(a), PyTorch \(b)"
            }
        }
        return nil
    }

    @Test func tableIsLargeEnough() {
        #expect(Self.table.operations.count >= 150, "\(Self.table.producer)")
        #expect(Self.table.gradients.count >= 40, "\(Self.table.producer)")
    }

    @Test(arguments: table.operations)
    func valueMatchesPyTorch(_ c: OperationCase) throws {
        let output = try Self.apply(c.op, try c.inputs.map { try $0.tensor() }, c.params)
        if let problem = Self.mismatch(output, c.output, relative: 1e-10) { Issue.record("\(c.name): \(problem)") }
    }

    @Test(arguments: table.gradients)
    func gradientMatchesPyTorch(_ c: GradientCase) throws {
        let weight = try c.weight.tensor()
        let (_, gradients) = try valueAndGrad(at: try c.inputs.map { try $0.tensor() }) {
            try (try Self.apply(c.op, $0, c.params) * weight).sum()
        }
        for (i, (g, expected)) in zip(gradients, c.gradients).enumerated() {
            if let problem = Self.mismatch(g, expected, relative: 1e-8) { Issue.record("\(c.name), input \(i): \(problem)") }
        }
    }
}
