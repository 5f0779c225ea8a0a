import Testing
import Tensors
@testable import NeuralNetworks

/// A model written as later model code will be: parameters as properties, parts as sub-modules.
final class TinyModel: Module {
    let encoder: MLP
    let heads: [Linear]
    let optionalHead: Linear?
    let absent: Linear? = nil
    @Parameter var logScale: Tensor

    init(rng: RandomGenerator) throws {
        encoder = try MLP(widths: [3, 4, 2], using: rng)
        heads = [try Linear(2, 1, using: rng), try Linear(2, 1, bias: false, using: rng)]
        optionalHead = try Linear(2, 2, using: rng)
        _logScale = Parameter(wrappedValue: try Tensor.zeros([1]))
    }
}

/// A model that reuses one layer twice (tied weights).
final class TiedModel: Module {
    let first: Linear
    let second: Linear
    init(rng: RandomGenerator) throws {
        first = try Linear(2, 2, using: rng)
        second = first
    }
}

@Suite("Modules and parameter collection")
struct ModuleTests {
    @Test func parametersAreFoundWithDottedPaths() throws {
        let model = try TinyModel(rng: RandomGenerator(seed: 1))
        #expect(model.namedParameters.map(\.name) == [
            "encoder.layers.0.weight", "encoder.layers.0.bias", "encoder.layers.1.weight", "encoder.layers.1.bias",
            "heads.0.weight", "heads.0.bias", "heads.1.weight",
            "optionalHead.weight", "optionalHead.bias",
            "logScale",
        ])
        #expect(model.parameterCount == (3 * 4 + 4) + (4 * 2 + 2) + (2 + 1) + 2 + (4 + 2) + 1)
        #expect(model.parameters.count == 10)
    }

    @Test func sharedParametersAreListedOnce() throws {
        let model = try TiedModel(rng: RandomGenerator(seed: 2))
        #expect(model.namedParameters.map(\.name) == ["first.weight", "first.bias"])
    }

    @Test func parameterWrapperSharesItsReference() throws {
        let model = try TinyModel(rng: RandomGenerator(seed: 3))
        model.logScale = Tensor([2])
        #expect(model.$logScale.value == Tensor([2]))
        #expect(model.namedParameters.last!.parameter === model.$logScale)
    }

    @Test func sequentialComposesLayers() throws {
        let rng = RandomGenerator(seed: 4)
        let a = try Linear(3, 4, using: rng), b = try Linear(4, 2, using: rng)
        let net = Sequential([a, ActivationLayer(.tanh), b])
        let x = try Tensor.randomNormal([5, 3], using: rng)
        #expect(try net(x) == b(a(x).tanh()))
        #expect(net.namedParameters.map(\.name) == ["layers.0.weight", "layers.0.bias", "layers.2.weight", "layers.2.bias"])
    }
}
