/// The broadcasting binary operations; their gradient rules are in `Backward`.
enum BinaryOperation: Sendable {
    case add, subtract, multiply, divide, pow, maximum, minimum

    var name: String {
        switch self {
        case .add: "add"
        case .subtract: "subtract"
        case .multiply: "multiply"
        case .divide: "divide"
        case .pow: "pow"
        case .maximum: "maximum"
        case .minimum: "minimum"
        }
    }
}

extension Tensor {
    /// Applies a broadcasting binary operation and records it for differentiation.
    static func binary(_ op: BinaryOperation, _ a: Tensor, _ b: Tensor) throws -> Tensor {
        guard let shape = Shape.broadcast(a.shape, b.shape) else {
            throw TensorError.shapeMismatch(operation: op.name, lhs: a.shape, rhs: b.shape)
        }
        let n = Shape.count(shape)
        if n > a.count && n > b.count { try Shape.checkLimit(n, shape: shape, operation: op.name) }
        let x = a.scalars, y = b.scalars, xs = a.shape, ys = b.shape
        let data: [Double]
        switch op {
        case .add: data = Elementwise.broadcast(x, xs, y, ys, shape) { $0 + $1 }
        case .subtract: data = Elementwise.broadcast(x, xs, y, ys, shape) { $0 - $1 }
        case .multiply: data = Elementwise.broadcast(x, xs, y, ys, shape) { $0 * $1 }
        case .divide: data = Elementwise.broadcast(x, xs, y, ys, shape) { $0 / $1 }
        case .pow: data = Elementwise.broadcast(x, xs, y, ys, shape) { LibM.pow($0, $1) }
        case .maximum: data = Elementwise.broadcast(x, xs, y, ys, shape) { $0 >= $1 ? $0 : $1 }
        case .minimum: data = Elementwise.broadcast(x, xs, y, ys, shape) { $0 <= $1 ? $0 : $1 }
        }
        let out = Tensor(uncheckedShape: shape, scalars: data)
        switch op {
        case .add, .subtract:
            return Tensor.tracked(out, a, b, .sumOrDifference(lhsShape: a.shape, rhsShape: b.shape, subtract: op == .subtract))
        default:
            return Tensor.tracked(out, a, b, .binary(op, lhs: a.detached, rhs: b.detached, output: out.detached))
        }
    }

    /// Applies an elementwise function and records it for differentiation.
    func unary(_ f: UnaryFunction) -> Tensor {
        var out = Tensor(uncheckedShape: shape, scalars: f.apply(scalars))
        out = Tensor.tracked(out, self, .unary(f, input: self.detached, output: out.detached))
        return out
    }

    /// Adds `other` into this untracked gradient accumulator, in place when the shapes agree.
    mutating func accumulate(_ other: Tensor) throws {
        guard shape == other.shape, tracker == nil, other.tracker == nil else {
            self = try Tensor.binary(.add, self, other)
            return
        }
        scalars.withUnsafeMutableBufferPointer { r in
            other.scalars.withUnsafeBufferPointer { o in
                for i in 0..<r.count { r[i] += o[i] }
            }
        }
    }

    /// Elementwise sum with broadcasting; throws `TensorError.shapeMismatch` for incompatible shapes.
    public static func + (lhs: Tensor, rhs: Tensor) throws -> Tensor { try binary(.add, lhs, rhs) }
    /// Elementwise difference with broadcasting.
    public static func - (lhs: Tensor, rhs: Tensor) throws -> Tensor { try binary(.subtract, lhs, rhs) }
    /// Elementwise (Hadamard) product with broadcasting; `•` is the matrix product.
    public static func * (lhs: Tensor, rhs: Tensor) throws -> Tensor { try binary(.multiply, lhs, rhs) }
    /// Elementwise quotient with broadcasting.
    public static func / (lhs: Tensor, rhs: Tensor) throws -> Tensor { try binary(.divide, lhs, rhs) }

    /// Adds a scalar to every element.
    public static func + (lhs: Tensor, rhs: Double) -> Tensor { lhs.unary(.addScalar(rhs)) }
    /// Adds a scalar to every element.
    public static func + (lhs: Double, rhs: Tensor) -> Tensor { rhs.unary(.addScalar(lhs)) }
    /// Subtracts a scalar from every element.
    public static func - (lhs: Tensor, rhs: Double) -> Tensor { lhs.unary(.addScalar(-rhs)) }
    /// Subtracts every element from a scalar.
    public static func - (lhs: Double, rhs: Tensor) -> Tensor { rhs.unary(.subtractFromScalar(lhs)) }
    /// Multiplies every element by a scalar.
    public static func * (lhs: Tensor, rhs: Double) -> Tensor { lhs.unary(.multiplyScalar(rhs)) }
    /// Multiplies every element by a scalar.
    public static func * (lhs: Double, rhs: Tensor) -> Tensor { rhs.unary(.multiplyScalar(lhs)) }
    /// Divides every element by a scalar.
    public static func / (lhs: Tensor, rhs: Double) -> Tensor { lhs.unary(.divideByScalar(rhs)) }
    /// Divides a scalar by every element.
    public static func / (lhs: Double, rhs: Tensor) -> Tensor { rhs.unary(.divideScalar(lhs)) }
    /// Negates every element.
    public static prefix func - (x: Tensor) -> Tensor { x.unary(.negate) }

    /// Adds `rhs` (broadcast to `lhs`'s shape) in place.
    public static func += (lhs: inout Tensor, rhs: Tensor) throws { lhs = try lhs + rhs }
    /// Subtracts `rhs` (broadcast to `lhs`'s shape) in place.
    public static func -= (lhs: inout Tensor, rhs: Tensor) throws { lhs = try lhs - rhs }
    /// Multiplies by `rhs` (broadcast to `lhs`'s shape) in place.
    public static func *= (lhs: inout Tensor, rhs: Tensor) throws { lhs = try lhs * rhs }
    /// Divides by `rhs` (broadcast to `lhs`'s shape) in place.
    public static func /= (lhs: inout Tensor, rhs: Tensor) throws { lhs = try lhs / rhs }
    /// Adds a scalar in place.
    public static func += (lhs: inout Tensor, rhs: Double) { lhs = lhs + rhs }
    /// Subtracts a scalar in place.
    public static func -= (lhs: inout Tensor, rhs: Double) { lhs = lhs - rhs }
    /// Multiplies by a scalar in place.
    public static func *= (lhs: inout Tensor, rhs: Double) { lhs = lhs * rhs }
    /// Divides by a scalar in place.
    public static func /= (lhs: inout Tensor, rhs: Double) { lhs = lhs / rhs }

    /// Elementwise power `self^exponent` with broadcasting.
    public func pow(_ exponent: Tensor) throws -> Tensor { try Tensor.binary(.pow, self, exponent) }
    /// Every element raised to a scalar power.
    public func pow(_ exponent: Double) -> Tensor { unary(.powScalar(exponent)) }
    /// The elementwise larger of two tensors, with broadcasting (ties take the gradient to `self`).
    public func maximum(_ other: Tensor) throws -> Tensor { try Tensor.binary(.maximum, self, other) }
    /// The elementwise smaller of two tensors, with broadcasting (ties take the gradient to `self`).
    public func minimum(_ other: Tensor) throws -> Tensor { try Tensor.binary(.minimum, self, other) }
}

/// Elementwise `base^exponent` with broadcasting.
public func pow(_ base: Tensor, _ exponent: Tensor) throws -> Tensor { try base.pow(exponent) }
/// Every element of `base` raised to `exponent`.
public func pow(_ base: Tensor, _ exponent: Double) -> Tensor { base.pow(exponent) }
/// The elementwise larger of two tensors, with broadcasting.
public func maximum(_ a: Tensor, _ b: Tensor) throws -> Tensor { try a.maximum(b) }
/// The elementwise smaller of two tensors, with broadcasting.
public func minimum(_ a: Tensor, _ b: Tensor) throws -> Tensor { try a.minimum(b) }
