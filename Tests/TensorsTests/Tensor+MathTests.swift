import Foundation
import Testing
@testable import Tensors

@Suite("Elementwise functions")
struct MathTests {
    static let inputs: [Double] = [-3.5, -1, -0.25, 0, 0.3, 1, 2.5]

    static let cases: [(String, @Sendable (Tensor) -> Tensor, @Sendable (Double) -> Double)] = [
        ("exp", { $0.exp() }, { Foundation.exp($0) }),
        ("sin", { $0.sin() }, { Foundation.sin($0) }),
        ("cos", { $0.cos() }, { Foundation.cos($0) }),
        ("tanh", { $0.tanh() }, { Foundation.tanh($0) }),
        ("abs", { $0.abs() }, { Swift.abs($0) }),
        ("square", { $0.square() }, { $0 * $0 }),
        ("sigmoid", { $0.sigmoid() }, { 1 / (1 + Foundation.exp(-$0)) }),
        ("softplus", { $0.softplus() }, { Foundation.log(1 + Foundation.exp($0)) }),
        ("relu", { $0.relu() }, { max($0, 0) }),
        ("leakyRelu", { $0.leakyRelu(slope: 0.2) }, { $0 > 0 ? $0 : 0.2 * $0 }),
        ("elu", { $0.elu(alpha: 2) }, { $0 > 0 ? $0 : 2 * (Foundation.exp($0) - 1) }),
        ("silu", { $0.silu() }, { $0 / (1 + Foundation.exp(-$0)) }),
        ("gelu", { $0.gelu() }, { 0.5 * $0 * (1 + Foundation.erf($0 / 2.0.squareRoot())) }),
        ("clamped", { $0.clamped(min: -1, max: 1) }, { min(max($0, -1), 1) }),
    ]

    @Test(arguments: cases.indices)
    func matchesTheScalarDefinition(_ i: Int) {
        let (name, f, oracle) = Self.cases[i]
        let y = f(Tensor(Self.inputs))
        for (x, value) in zip(Self.inputs, y.scalars) {
            let expected = oracle(x)
            #expect(Swift.abs(value - expected) <= 1e-14 * max(1, Swift.abs(expected)), "\(name)(\(x)) = \(value), expected \(expected)")
        }
    }

    @Test func logarithmsAndRootsOfPositiveValues() {
        let x = Tensor([0.5, 1, 4])
        #expect(x.log().scalars == [Foundation.log(0.5), 0, Foundation.log(4)])
        #expect(Tensor([1e-20]).log1p().scalars == [1e-20])
        #expect(x.sqrt().scalars == [(0.5).squareRoot(), 1, 2])
    }

    @Test func sigmoidAndSoftplusAreStableForLargeInputs() {
        let x = Tensor([-1000, 1000])
        #expect(x.sigmoid().scalars == [0, 1])
        #expect(x.softplus().scalars == [0, 1000])
    }
}
