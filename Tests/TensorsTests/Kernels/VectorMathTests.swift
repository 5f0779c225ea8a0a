import Foundation
import Testing
@testable import Tensors

@Suite("Vectorised sigmoid and tanh")
struct VectorMathTests {
    /// 400,001 points over [−40, 40] (tanh saturates to ±1 in double from 19.1, sigmoid reaches 4e-18),
    /// against the C library's tanh and 1 / (1 + exp(−x)).
    static let grid = (0...400_000).map { -40 + 80 * Double($0) / 400_000 }

    static func relativeError(_ a: Double, _ b: Double) -> Double { a == b ? 0 : abs(a - b) / abs(b) }

    @Test("within 1e-9 relative of the C library, twenty times inside single precision's 6e-8")
    func accurateForSinglePrecision() {
        let sigmoid = Self.grid.map { Self.relativeError(VectorMath.sigmoid($0), UnaryFunction.sigmoid($0)) }.max()!
        let tanh = Self.grid.map { Self.relativeError(VectorMath.tanh($0), LibM.tanh($0)) }.max()!
        #expect(sigmoid <= 1e-9)
        #expect(tanh <= 1e-9)
        // Not the C library's bits: the bound above is what is claimed, not equality.
        #expect(sigmoid > 0 && tanh > 0)
    }

    @Test("exp is within 1e-9 relative of the C library's over its whole range, and 0 and ∞ beyond it")
    func exponential() {
        let span: Double = 709.7 + 708
        let edges: [Double] = [-708, -707.99, 0, -0.0, 1e-300, 709.7, 709.78]
        let grid: [Double] = (0...200_000).map { (i: Int) -> Double in -708 + span * Double(i) / 200_000 } + edges
        let worst = grid.map { Self.relativeError(VectorMath.exp($0), LibM.exp($0)) }.max()!
        #expect(worst <= 1e-9)
        #expect(worst > 0)
        // Below −708 the C library's values are subnormal or 0; VectorMath's are 0.
        for x in stride(from: -745.0, to: -708, by: 0.25) {
            #expect(VectorMath.exp(x) == 0 && LibM.exp(x) < 3.1e-308, "exp(\(x))")
        }
        for (x, e) in [(-709.0, 0.0), (-Double.infinity, 0), (710, .infinity), (Double.infinity, .infinity), (0, 1)] {
            #expect(VectorMath.exp(x) == e, "exp(\(x))")
        }
        #expect(VectorMath.exp(.nan).isNaN)
    }

    @Test("keeps relative accuracy where the values are tiny: near 0 for tanh, far left for sigmoid")
    func relativeNearZeroAndInTheTail() {
        for x in [1e-300, -1e-300, 1e-12, -3e-8, 2e-4, 0.3466, -0.3467] {
            #expect(Self.relativeError(VectorMath.tanh(x), LibM.tanh(x)) <= 1e-9, "tanh(\(x))")
        }
        for x in [-50.0, -300, -700, -707.9] {
            #expect(Self.relativeError(VectorMath.sigmoid(x), UnaryFunction.sigmoid(x)) <= 1e-9, "sigmoid(\(x))")
        }
    }

    @Test("special values", arguments: [
        (0.0, 0.5, 0.0), (-0.0, 0.5, -0.0), (Double.infinity, 1, 1), (-Double.infinity, 0, -1),
        (1e308, 1, 1), (-1e308, 0, -1), (-709.0, 0, -1), (40.0, 1, 1),
    ])
    func specialValues(_ x: Double, _ sigmoid: Double, _ tanh: Double) {
        #expect(VectorMath.sigmoid(x) == sigmoid)
        #expect(VectorMath.tanh(x) == tanh)
        #expect(VectorMath.tanh(x).sign == x.sign)
    }

    @Test func notANumberStaysNotANumber() {
        #expect(VectorMath.sigmoid(.nan).isNaN)
        #expect(VectorMath.tanh(.nan).isNaN)
    }
}
