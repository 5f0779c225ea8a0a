/// The elementwise functions of one tensor, each with its value and its derivative side by side:
/// the whole table of elementwise gradient rules is this file. `derivative(x:y:)` receives the input
/// and the already computed output, whichever is cheaper to use.
enum UnaryFunction: Sendable, Equatable {
    case negate
    case exp, log, log1p, sqrt, abs, square, sin, cos
    case tanh, sigmoid, softplus, relu, silu, gelu
    case leakyRelu(Double)
    case elu(Double)
    case addScalar(Double)
    case multiplyScalar(Double)
    case divideByScalar(Double)
    case subtractFromScalar(Double)
    case divideScalar(Double)
    case powScalar(Double)
    case clamp(Double, Double)

    /// The name shown in errors and descriptions.
    var name: String {
        switch self {
        case .negate: "negate"
        case .exp: "exp"
        case .log: "log"
        case .log1p: "log1p"
        case .sqrt: "sqrt"
        case .abs: "abs"
        case .square: "square"
        case .sin: "sin"
        case .cos: "cos"
        case .tanh: "tanh"
        case .sigmoid: "sigmoid"
        case .softplus: "softplus"
        case .relu: "relu"
        case .silu: "silu"
        case .gelu: "gelu"
        case .leakyRelu: "leakyRelu"
        case .elu: "elu"
        case .addScalar: "add"
        case .multiplyScalar: "multiply"
        case .divideByScalar: "divide"
        case .subtractFromScalar: "subtract"
        case .divideScalar: "divide"
        case .powScalar: "pow"
        case .clamp: "clamp"
        }
    }

    /// `sqrt(2/π)` and the cubic coefficient of the tanh approximation of GELU (Hendrycks & Gimpel).
    private static let inverseSquareRootOfTwo = 0.7071067811865476
    private static let inverseSquareRootOfTwoPi = 0.3989422804014327

    /// The function applied to every element of `x`.
    func apply(_ x: [Double]) -> [Double] {
        switch self {
        case .negate: Elementwise.map(x) { -$0 }
        case .exp: Elementwise.map(x) { LibM.exp($0) }
        case .log: Elementwise.map(x) { LibM.log($0) }
        case .log1p: Elementwise.map(x) { LibM.log1p($0) }
        case .sqrt: Elementwise.map(x) { $0.squareRoot() }
        case .abs: Elementwise.map(x) { Swift.abs($0) }
        case .square: Elementwise.map(x) { $0 * $0 }
        case .sin: Elementwise.map(x) { LibM.sin($0) }
        case .cos: Elementwise.map(x) { LibM.cos($0) }
        case .tanh: Elementwise.map(x) { LibM.tanh($0) }
        case .sigmoid: Elementwise.map(x) { UnaryFunction.sigmoid($0) }
        case .softplus: Elementwise.map(x) { UnaryFunction.softplus($0) }
        case .relu: Elementwise.map(x) { $0 > 0 ? $0 : 0 }
        case .silu: Elementwise.map(x) { $0 * UnaryFunction.sigmoid($0) }
        case .gelu:
            // The exact form, x·Φ(x), as PyTorch's default `gelu` computes it (not the tanh
            // approximation, which differs by up to 4e-4 and failed the PyTorch table).
            Elementwise.map(x) { v in 0.5 * v * (1 + LibM.erf(v * UnaryFunction.inverseSquareRootOfTwo)) }
        case .leakyRelu(let slope): Elementwise.map(x) { $0 > 0 ? $0 : slope * $0 }
        case .elu(let alpha): Elementwise.map(x) { $0 > 0 ? $0 : alpha * LibM.expm1($0) }
        case .addScalar(let c): Elementwise.map(x) { $0 + c }
        case .multiplyScalar(let c): Elementwise.map(x) { $0 * c }
        case .divideByScalar(let c): Elementwise.map(x) { $0 / c }
        case .subtractFromScalar(let c): Elementwise.map(x) { c - $0 }
        case .divideScalar(let c): Elementwise.map(x) { c / $0 }
        case .powScalar(let p):
            if p == 2 { Elementwise.map(x) { $0 * $0 } } else { Elementwise.map(x) { LibM.pow($0, p) } }
        case .clamp(let lo, let hi): Elementwise.map(x) { Swift.min(Swift.max($0, lo), hi) }
        }
    }

    /// `g · f'(x)` elementwise, given the input `x`, the output `y` and the incoming gradient `g`.
    func backward(x: [Double], y: [Double], g: [Double]) -> [Double] {
        switch self {
        case .negate: Elementwise.map(g) { -$0 }
        case .exp: Elementwise.zip(g, y) { $0 * $1 }
        case .log: Elementwise.zip(g, x) { $0 / $1 }
        case .log1p: Elementwise.zip(g, x) { $0 / (1 + $1) }
        case .sqrt: Elementwise.zip(g, y) { $0 / (2 * $1) }
        case .abs: Elementwise.zip(g, x) { $1 > 0 ? $0 : ($1 < 0 ? -$0 : 0) }
        case .square: Elementwise.zip(g, x) { 2 * $0 * $1 }
        case .sin: Elementwise.zip(g, x) { $0 * LibM.cos($1) }
        case .cos: Elementwise.zip(g, x) { -$0 * LibM.sin($1) }
        case .tanh: Elementwise.zip(g, y) { $0 * (1 - $1 * $1) }
        case .sigmoid: Elementwise.zip(g, y) { $0 * $1 * (1 - $1) }
        case .softplus: Elementwise.zip(g, x) { $0 * UnaryFunction.sigmoid($1) }
        case .relu: Elementwise.zip(g, x) { $1 > 0 ? $0 : 0 }
        case .silu:
            Elementwise.zip(g, x) { gi, v in
                let s = UnaryFunction.sigmoid(v)
                return gi * s * (1 + v * (1 - s))
            }
        case .gelu:
            // d/dx x·Φ(x) = Φ(x) + x·φ(x).
            Elementwise.zip(g, x) { gi, v in
                let cdf = 0.5 * (1 + LibM.erf(v * UnaryFunction.inverseSquareRootOfTwo))
                let density = LibM.exp(-0.5 * v * v) * UnaryFunction.inverseSquareRootOfTwoPi
                return gi * (cdf + v * density)
            }
        case .leakyRelu(let slope): Elementwise.zip(g, x) { $1 > 0 ? $0 : slope * $0 }
        case .elu(let alpha): Elementwise.zip3(g, x, y) { gi, v, out in v > 0 ? gi : gi * (out + alpha) }
        case .addScalar: g
        case .multiplyScalar(let c): Elementwise.map(g) { $0 * c }
        case .divideByScalar(let c): Elementwise.map(g) { $0 / c }
        case .subtractFromScalar: Elementwise.map(g) { -$0 }
        case .divideScalar: Elementwise.zip3(g, x, y) { gi, v, out in -gi * out / v }
        case .powScalar(let p):
            if p == 2 {
                Elementwise.zip(g, x) { 2 * $0 * $1 }
            } else {
                Elementwise.zip(g, x) { gi, v in gi * p * LibM.pow(v, p - 1) }
            }
        case .clamp(let lo, let hi): Elementwise.zip(g, x) { ($1 >= lo && $1 <= hi) ? $0 : 0 }
        }
    }

    /// `1 / (1 + e^-x)`, computed without overflow for large |x|: with e = e^-|x|, 1 / (1 + e) for
    /// x ≥ 0 and e / (1 + e) below. Written without a branch (the numerator is a select), because
    /// activations change sign at random and a mispredicted branch per element cost more than the
    /// arithmetic; the values are those of the branching form, bit for bit.
    @inline(__always)
    static func sigmoid(_ x: Double) -> Double {
        let e = LibM.exp(-Swift.abs(x))
        let numerator = x >= 0 ? 1 : e
        return numerator / (1 + e)
    }

    /// `log(1 + e^x)`, computed without overflow for large x and without cancellation for small.
    @inline(__always)
    static func softplus(_ x: Double) -> Double {
        x > 0 ? x + LibM.log1p(LibM.exp(-x)) : LibM.log1p(LibM.exp(x))
    }
}

