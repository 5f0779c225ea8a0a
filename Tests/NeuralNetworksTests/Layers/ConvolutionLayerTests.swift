import Testing
import Tensors
@testable import NeuralNetworks

@Suite("Convolution layers")
struct ConvolutionLayerTests {
    @Test func masksKeepThePastInRasterOrder() throws {
        #expect(try ConvolutionMask.a.mask(height: 3, width: 3).scalars == [1, 1, 1, 1, 0, 0, 0, 0, 0])
        #expect(try ConvolutionMask.b.mask(height: 3, width: 3).scalars == [1, 1, 1, 1, 1, 0, 0, 0, 0])
        let a5 = try ConvolutionMask.a.mask(height: 5, width: 5)
        #expect(a5.scalars.reduce(0, +) == 12)  // two full rows and two taps of the centre row
        #expect(throws: TensorError.self) { try ConvolutionMask.b.mask(height: 4, width: 3) }
    }

    @Test("A type-A layer's output at a pixel ignores that pixel and every later one; type B sees the pixel itself")
    func maskedOutputsDependOnlyOnEarlierPixels() throws {
        let rng = RandomGenerator(seed: 7)
        for type in ConvolutionMask.allCases {
            let layer = try Conv2d(1, 2, kernelSize: [5], padding: [2], mask: type, using: rng)
            let x = try Tensor.randomNormal([1, 1, 6, 6], using: rng)
            // d y[:, :, 3, 2] / d x: non-zero only before (3, 2) in raster order (and at it for type B).
            let (_, g) = try valueAndGrad(at: [x]) { try layer($0[0])[0, TensorIndex.all, 3, 2].sum() }
            for i in 0..<6 {
                for j in 0..<6 {
                    let before = i < 3 || (i == 3 && j < 2), itself = i == 3 && j == 2
                    let allowed = before || (itself && type == .b)
                    let inside = abs(i - 3) <= 2 && abs(j - 2) <= 2
                    let v = g[0].scalars[i * 6 + j]
                    if !allowed { #expect(v == 0, "type \(type.rawValue): x[\(i), \(j)] reaches y[3, 2]") }
                    if allowed && inside { #expect(v != 0, "type \(type.rawValue): x[\(i), \(j)] should reach y[3, 2]") }
                }
            }
        }
    }

    @Test func maskedWeightsGetNoGradient() throws {
        let rng = RandomGenerator(seed: 8)
        let layer = try Conv2d(2, 3, kernelSize: [3], padding: [1], mask: .a, using: rng)
        let x = try Tensor.randomNormal([2, 2, 4, 4], using: rng)
        let (_, grads) = try valueAndGrad(model: layer) { try layer(x).square().sum() }
        let mask = try ConvolutionMask.a.mask(height: 3, width: 3).scalars
        let g = grads.tensors[0].scalars
        for (i, v) in g.enumerated() where mask[i % 9] == 0 { #expect(v == 0) }
        #expect(g.enumerated().contains { mask[$0.offset % 9] == 1 && $0.element != 0 })
    }

    @Test func pytorchInitialisationBoundsWeightAndBias() throws {
        let layer = try Conv2d(16, 32, kernelSize: [3], using: RandomGenerator(seed: 2))
        let bound = 1 / (16.0 * 9).squareRoot()
        #expect(layer.weight.shape == [32, 16, 3, 3])
        for values in [layer.weight.scalars, layer.bias!.scalars] {
            #expect(values.allSatisfy { abs($0) <= bound } && values.max()! > 0.8 * bound)
        }
    }

    @Test func layersFiniteDifferenceChecked() throws {
        let rng = RandomGenerator(seed: 9)
        let conv = try Conv2d(2, 3, kernelSize: [3], stride: [2], padding: [1], using: rng)
        try checkLayerGradients(conv, input: try Tensor.randomNormal([2, 2, 5, 5], using: rng)) { try conv($0) }
        let masked = try Conv2d(2, 2, kernelSize: [3], padding: [1], mask: .b, using: rng)
        try checkLayerGradients(masked, input: try Tensor.randomNormal([1, 2, 4, 4], using: rng)) { try masked($0) }
        let causal = try Conv1d(2, 3, kernelSize: 2, dilation: 2, causal: true, using: rng)
        #expect(causal.receptiveField == 3)
        try checkLayerGradients(causal, input: try Tensor.randomNormal([2, 2, 7], using: rng)) { try causal($0) }
    }

    @Test func badSettingsAreRefusedWhenTheLayerIsMade() {
        let rng = RandomGenerator(seed: 1)
        #expect(throws: TensorError.self) { try Conv2d(0, 2, kernelSize: [3], using: rng) }
        #expect(throws: TensorError.self) { try Conv2d(1, 2, kernelSize: [3], stride: [0], using: rng) }
        #expect(throws: TensorError.self) { try Conv2d(1, 2, kernelSize: [2], mask: .a, using: rng) }
        #expect(throws: TensorError.self) { try Conv1d(1, 2, kernelSize: 3, padding: 1, causal: true, using: rng) }
    }
}
