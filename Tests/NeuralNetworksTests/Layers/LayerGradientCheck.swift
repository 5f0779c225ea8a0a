import Testing
import Tensors
@testable import NeuralNetworks

/// Central finite differences of `Σ forward(x)·W` with respect to the input and every parameter of
/// `module`, against `valueAndGrad`; the relative error `‖analytic − numeric‖ / ‖numeric‖` of each
/// tensor must be at most 1e-6.
func checkLayerGradients(_ module: any Module, input: Tensor, seed: UInt64 = 3,
                         _ forward: (Tensor) throws -> Tensor) throws {
    let rng = RandomGenerator(seed: seed)
    let weight = try Tensor.randomNormal(try forward(input).shape, using: rng)
    let references = module.namedParameters
    let originals = references.map(\.parameter.value)
    func f(_ values: [Tensor]) throws -> Tensor {
        for (r, v) in zip(references, values.dropFirst()) { r.parameter.value = v }
        defer { for (r, v) in zip(references, originals) { r.parameter.value = v } }
        return try (forward(values[0]) * weight).sum()
    }
    let point = [input] + originals
    let (_, analytic) = try valueAndGrad(at: point, f)
    let h = 1e-6
    for (k, value) in point.enumerated() {
        var numeric = [Double](repeating: 0, count: value.count)
        for i in 0..<value.count {
            var plus = point, minus = point
            plus[k].withUnsafeMutableBufferPointer { $0[i] += h }
            minus[k].withUnsafeMutableBufferPointer { $0[i] -= h }
            numeric[i] = (try f(plus).item - f(minus).item) / (2 * h)
        }
        let diff = zip(analytic[k].scalars, numeric).map { ($0 - $1) * ($0 - $1) }.reduce(0, +).squareRoot()
        let scale = numeric.map { $0 * $0 }.reduce(0, +).squareRoot()
        let name = k == 0 ? "input" : references[k - 1].name
        if scale == 0 {
            #expect(analytic[k].scalars.allSatisfy { $0 == 0 }, "\(name): expected a zero gradient")
        } else {
            #expect(diff / scale <= 1e-6, "\(name): relative error \(diff / scale)")
        }
    }
}
