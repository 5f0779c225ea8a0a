/// An error a tensor operation throws for input a caller can get wrong: mismatched shapes, a bad axis or
/// index, a matrix LAPACK cannot factor. Its description names the operation and the shapes involved.
public enum TensorError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Two shapes that the operation cannot combine, e.g. `matmul: [128, 64] × [32, 2]`.
    case shapeMismatch(operation: String, lhs: [Int], rhs: [Int])
    /// A shape the operation cannot accept, with the reason.
    case invalidShape(operation: String, shape: [Int], reason: String)
    /// An axis outside `-rank..<rank`.
    case axisOutOfRange(operation: String, axis: Int, rank: Int)
    /// An index outside an axis' bounds.
    case indexOutOfRange(operation: String, index: Int, axis: Int, size: Int)
    /// An argument outside its domain (a negative count, an empty range, a probability above one, ...).
    case invalidArgument(operation: String, reason: String)
    /// The result would hold more elements than `Tensor.elementLimit` allows.
    case tooLarge(operation: String, shape: [Int], limit: Int)
    /// A matrix that is not positive definite (Cholesky failed at the given leading minor).
    case notPositiveDefinite(operation: String, shape: [Int], minor: Int)
    /// A singular matrix (LU found an exact zero pivot at the given position).
    case singular(operation: String, shape: [Int], pivot: Int)
    /// LAPACK reported a failure to converge or another numerical failure.
    case lapackFailure(operation: String, routine: String, info: Int)
    /// The operation has no gradient rule but was applied to a tensor being differentiated.
    case notDifferentiable(operation: String)
    /// Differentiation could not proceed (non-scalar output, nested differentiation, ...).
    case differentiation(String)

    public var description: String {
        switch self {
        case let .shapeMismatch(op, lhs, rhs):
            return Self.explainMismatch(op, lhs, rhs)
        case let .invalidShape(op, shape, reason):
            return "\(op): \(shape): \(reason)"
        case let .axisOutOfRange(op, axis, rank):
            return "\(op): axis \(axis) is out of range for a tensor of rank \(rank)"
        case let .indexOutOfRange(op, index, axis, size):
            return "\(op): index \(index) is out of range for axis \(axis) of size \(size)"
        case let .invalidArgument(op, reason):
            return "\(op): \(reason)"
        case let .tooLarge(op, shape, limit):
            return "\(op): result of shape \(shape) would exceed the limit of \(limit) elements"
        case let .notPositiveDefinite(op, shape, minor):
            return "\(op): matrix \(shape) is not positive definite (leading minor \(minor) is not positive)"
        case let .singular(op, shape, pivot):
            return "\(op): matrix \(shape) is singular (zero pivot at \(pivot))"
        case let .lapackFailure(op, routine, info):
            return "\(op): LAPACK \(routine) failed (info = \(info))"
        case let .notDifferentiable(op):
            return "\(op) is not differentiable; apply it outside valueAndGrad or to a detached tensor"
        case let .differentiation(message):
            return "valueAndGrad: \(message)"
        }
    }

    /// Operations that broadcast their operands elementwise.
    private static let broadcasting: Set<String> = [
        "add", "subtract", "multiply", "divide", "pow", "maximum", "minimum", "==", "!=", "<", "<=", ">", ">=",
    ]

    /// What is wrong with two shapes, in the words of the operation: the first axis (from the end)
    /// that cannot broadcast, or a product's inner dimensions.
    private static func explainMismatch(_ op: String, _ lhs: [Int], _ rhs: [Int]) -> String {
        if broadcasting.contains(op) {
            for k in stride(from: 1, through: min(lhs.count, rhs.count), by: 1) {
                let a = lhs[lhs.count - k], b = rhs[rhs.count - k]
                if a != b && a != 1 && b != 1 {
                    let which = k == 1 ? "the last dimensions are" : "the dimensions \(ordinal(k)) from the end are"
                    return "\(op): cannot broadcast \(lhs) with \(rhs): \(which) \(a) and \(b)"
                }
            }
        }
        if op == "matmul", let k1 = lhs.last, !rhs.isEmpty {
            let k2 = rhs.count == 1 ? rhs[0] : rhs[rhs.count - 2]
            if k1 != k2 { return "\(op): \(lhs) × \(rhs): inner dimensions \(k1) and \(k2) differ" }
            if lhs.count > 2 || rhs.count > 2 {
                return "\(op): \(lhs) × \(rhs): batch dimensions \(Array(lhs.dropLast(2))) and \(Array(rhs.dropLast(2))) do not broadcast"
            }
        }
        return "\(op): \(lhs) × \(rhs)"
    }

    private static func ordinal(_ k: Int) -> String {
        switch k {
        case 2: "2nd"
        case 3: "3rd"
        default: "\(k)th"
        }
    }
}
