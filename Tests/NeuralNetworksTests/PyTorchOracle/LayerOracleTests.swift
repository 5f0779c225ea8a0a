import Foundation
import Testing
import Tensors
@testable import NeuralNetworks

/// The recurrent and convolution layers against PyTorch's `nn.RNN`, `nn.GRU`, `nn.LSTM` (one layer,
/// batch first), `nn.Conv2d` and `nn.Conv1d` in float64: PyTorch's parameters are loaded into the
/// library's layers, and the output and the gradients of `Σ output·W` with respect to the input and
/// every parameter must agree (values at relative 1e-10, gradients at 1e-8). `layer_cases.json` is
/// written by `make_layers.py` beside it.
struct LayerOracleTests {
    struct LayerCase: Codable, Sendable, CustomTestStringConvertible {
        let name: String
        let kind: String
        let input: OracleTensor
        let output: OracleTensor
        let weight: OracleTensor
        let inputGradient: OracleTensor
        let parameters: [String: OracleTensor]
        let gradients: [String: OracleTensor]
        var hidden: Int?
        var stride: Int?
        var padding: Int?
        var dilation: Int?
        var testDescription: String { name }
    }

    struct Table: Codable, Sendable {
        let producer: String
        let cases: [LayerCase]
    }

    static let table: Table = OracleTensor.table("layer_cases.json") { Table(producer: $0, cases: []) }

    /// The library layer for a case with PyTorch's parameters loaded, its forward pass, and, for each
    /// PyTorch parameter name, the library parameter and how its gradient maps to PyTorch's layout.
    static func layer(_ c: LayerCase) throws -> (module: any Module, forward: (Tensor) throws -> Tensor, map: [String: (ParameterReference, (Tensor) -> Tensor)]) {
        let rng = RandomGenerator(seed: 1)
        let p = try c.parameters.mapValues { try $0.tensor() }
        switch c.kind {
        case "rnn", "gru", "lstm":
            let inputs = c.input.shape[2], hidden = c.hidden!
            let cell: any RecurrentCell = switch c.kind {
            case "rnn": try RNNCell(inputs, hidden: hidden, using: rng)
            case "gru": try GRUCell(inputs, hidden: hidden, using: rng)
            default: try LSTMCell(inputs, hidden: hidden, using: rng)
            }
            let w = cell.weights
            w.inputWeight = p["weight_ih"]!.transposed()
            w.hiddenWeight = p["weight_hh"]!.transposed()
            w.inputBias = p["bias_ih"]!
            w.hiddenBias = p["bias_hh"]!
            let layer = Recurrent(cell)
            return (layer, { try layer($0) }, [
                "weight_ih": (w.$inputWeight, { $0.transposed() }), "weight_hh": (w.$hiddenWeight, { $0.transposed() }),
                "bias_ih": (w.$inputBias, { $0 }), "bias_hh": (w.$hiddenBias, { $0 }),
            ])
        case "conv2d":
            let shape = p["weight"]!.shape
            let layer = try Conv2d(shape[1], shape[0], kernelSize: [shape[2], shape[3]], stride: [c.stride!], padding: [c.padding!],
                                   dilation: [c.dilation!], using: rng)
            layer.weight = p["weight"]!
            layer.bias = p["bias"]!
            return (layer, { try layer($0) }, ["weight": (layer.$weight, { $0 }), "bias": (layer.namedParameters[1].parameter, { $0 })])
        case "conv1d":
            let shape = p["weight"]!.shape
            let layer = try Conv1d(shape[1], shape[0], kernelSize: shape[2], stride: c.stride!, padding: c.padding!, dilation: c.dilation!, using: rng)
            layer.weight = p["weight"]!
            layer.bias = p["bias"]!
            return (layer, { try layer($0) }, ["weight": (layer.$weight, { $0 }), "bias": (layer.namedParameters[1].parameter, { $0 })])
        default:
            throw TensorError.invalidArgument(operation: "LayerOracleTests", reason: "no layer for '\(c.kind)'")
        }
    }

    @Test func tableCoversEveryLayer() {
        #expect(Set(Self.table.cases.map(\.kind)) == ["rnn", "gru", "lstm", "conv2d", "conv1d"], "\(Self.table.producer)")
    }

    @Test(arguments: table.cases)
    func layerMatchesPyTorch(_ c: LayerCase) throws {
        let (module, forward, map) = try Self.layer(c)
        let x = try c.input.tensor(), weight = try c.weight.tensor()
        let output = try forward(x)
        if let problem = c.output.mismatch(output, relative: 1e-10) { Issue.record("output: \(problem)") }
        let (_, inputGradient) = try valueAndGrad(at: [x]) { try (forward($0[0]) * weight).sum() }
        if let problem = c.inputGradient.mismatch(inputGradient[0], relative: 1e-8) { Issue.record("input gradient: \(problem)") }
        let (_, gradients) = try valueAndGrad(model: module) { try (forward(x) * weight).sum() }
        for (name, expected) in c.gradients {
            let (reference, toPyTorch) = map[name]!
            guard let i = gradients.references.firstIndex(where: { $0 === reference }) else {
                Issue.record("\(name): no gradient")
                continue
            }
            if let problem = expected.mismatch(toPyTorch(gradients.tensors[i]), relative: 1e-8) { Issue.record("\(name) gradient: \(problem)") }
        }
    }
}
