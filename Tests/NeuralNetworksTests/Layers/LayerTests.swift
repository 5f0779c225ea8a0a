import Testing
import Tensors
@testable import NeuralNetworks

@Suite("Layers")
struct LayerTests {
    @Test func linearIsAnAffineMap() throws {
        let rng = RandomGenerator(seed: 1)
        let layer = try Linear(3, 2, using: rng)
        layer.bias = Tensor([0.5, -1])
        let x = try Tensor([[1, 2, 3], [0, 0, 0]])
        let w = layer.weight.scalars
        let expected = [1 * w[0] + 2 * w[2] + 3 * w[4] + 0.5, 1 * w[1] + 2 * w[3] + 3 * w[5] - 1, 0.5, -1]
        let y = try layer(x)
        #expect(y.shape == [2, 2])
        #expect(zip(y.scalars, expected).allSatisfy { Swift.abs($0 - $1) < 1e-14 })
        #expect(try layer(Tensor([1, 2, 3])).shape == [2])
        #expect(try layer(Tensor.zeros([4, 5, 3])).shape == [4, 5, 2])
    }

    @Test func linearMismatchNamesTheShapes() throws {
        let layer = try Linear(64, 2, using: RandomGenerator(seed: 2))
        #expect(throws: TensorError.shapeMismatch(operation: "Linear(64 → 2)", lhs: [128, 32], rhs: [64, 2])) {
            try layer(Tensor.zeros([128, 32]))
        }
        #expect(throws: TensorError.self) { try Linear(0, 2, using: RandomGenerator(seed: 2)) }
    }

    @Test func initialisationsHaveTheirScale() throws {
        let rng = RandomGenerator(seed: 3)
        let bound = (6.0 / (200 + 300)).squareRoot()
        let xavier = try Linear(200, 300, using: rng).weight
        #expect(xavier.scalars.allSatisfy { Swift.abs($0) <= bound })
        #expect(try xavier.max().item > 0.95 * bound)
        let kaiming = try Linear(200, 300, initialization: .kaimingNormal(gain: 2.0.squareRoot()), using: rng).weight
        let variance = kaiming.scalars.map { $0 * $0 }.reduce(0, +) / Double(kaiming.count)
        #expect(Swift.abs(variance - 2.0 / 200) < 0.05 * 2.0 / 200)
        #expect(try Linear(2, 3, using: rng).bias == Tensor([0, 0, 0]))
        #expect(try Linear(2, 3, initialization: .zeros, using: rng).weight == Tensor.zeros([2, 3]))
    }

    @Test("PyTorch's nn.Linear default draws weight and bias uniform in ±1/√fanIn, in every layer of an MLP")
    func pytorchInitialisation() throws {
        let rng = RandomGenerator(seed: 5)
        let layer = try Linear(100, 400, initialization: .pytorch, using: rng)
        let bound = 1 / 100.0.squareRoot()
        for values in [layer.weight.scalars, layer.bias!.scalars] {
            #expect(values.allSatisfy { Swift.abs($0) <= bound })
            #expect(values.max()! > 0.9 * bound && values.min()! < -0.9 * bound)
        }
        let mlp = try MLP(widths: [2, 128, 128, 2], activation: .relu, initialization: .pytorch, using: rng)
        for l in mlp.layers {
            let b = 1 / Double(l.inputs).squareRoot()
            #expect(l.weight.scalars.allSatisfy { Swift.abs($0) <= b } && l.bias!.scalars.contains { $0 != 0 })
        }
        // The default keeps zero biases (every model trained so far depends on it).
        #expect(try MLP(widths: [2, 4, 1], using: rng).layers.allSatisfy { $0.bias!.scalars.allSatisfy { $0 == 0 } })
    }

    @Test func seededInitialisationIsReproducible() throws {
        let a = try MLP(widths: [4, 8, 3], using: RandomGenerator(seed: 9))
        let b = try MLP(widths: [4, 8, 3], using: RandomGenerator(seed: 9))
        #expect(a.parameters == b.parameters)
    }

    @Test func mlpAppliesActivationsBetweenLayers() throws {
        let rng = RandomGenerator(seed: 4)
        let mlp = try MLP(widths: [3, 5, 4, 2], activation: .tanh, outputActivation: .sigmoid, using: rng)
        #expect(mlp.widths == [3, 5, 4, 2])
        let x = try Tensor.randomNormal([6, 3], using: rng)
        let manual = try mlp.layers[2](try mlp.layers[1](try mlp.layers[0](x).tanh()).tanh()).sigmoid()
        #expect(try mlp(x) == manual)
        #expect(throws: TensorError.self) { try MLP(widths: [3], using: rng) }
    }

    @Test(arguments: [Activation.identity, .relu, .tanh, .sigmoid, .softplus, .gelu, .silu, .leakyRelu(slope: 0.1), .elu(alpha: 1)])
    func activationsMatchTheTensorFunctions(_ activation: Activation) {
        let x = Tensor([-2, -0.5, 0.5, 2])
        let expected: Tensor
        switch activation {
        case .identity: expected = x
        case .relu: expected = x.relu()
        case .tanh: expected = x.tanh()
        case .sigmoid: expected = x.sigmoid()
        case .softplus: expected = x.softplus()
        case .gelu: expected = x.gelu()
        case .silu: expected = x.silu()
        case .leakyRelu(let s): expected = x.leakyRelu(slope: s)
        case .elu(let a): expected = x.elu(alpha: a)
        }
        #expect(activation(x) == expected)
    }

    @Test func embeddingLooksUpRows() throws {
        let embedding = try Embedding(count: 5, dimensions: 3, using: RandomGenerator(seed: 5))
        let out = try embedding(Tensor([[4, 0], [1, 1]]))
        #expect(out.shape == [2, 2, 3])
        #expect(try out[0, 0] == embedding.weight[4])
        #expect(throws: TensorError.self) { try embedding(Tensor([5])) }
        let g = try valueAndGrad(model: embedding) { try embedding(Tensor([1, 1, 3])).sum() }.gradients
        #expect(try g["weight"]!.sum(axis: 1) == Tensor([0, 6, 0, 3, 0]))
    }
}
