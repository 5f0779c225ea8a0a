import Tensors

/// A tensor as cells hold it. `Tensor` is a value type; the box is never changed in place
/// (assigning through a subscript makes a new box), so cells keep value semantics.
final class TensorValue: LibraryValue, CustomStringConvertible {
    let tensor: Tensor

    init(_ tensor: Tensor) {
        self.tensor = tensor
    }

    var typeName: String { "Tensor" }

    /// NumPy's way: nested brackets, aligned columns, long axes summarised with `…`.
    var description: String { tensor.description }
}

extension Value {
    /// Wraps a tensor for a cell.
    static func tensor(_ t: Tensor) -> Value { .object(TensorValue(t)) }

    /// The value as a tensor: a tensor, a number (a scalar tensor) or nested arrays of numbers.
    func asTensor() throws -> Tensor? {
        switch self {
        case .object(let o as TensorValue): return o.tensor
        case .int(let i): return Tensor(Double(i))
        case .double(let d): return Tensor(d)
        case .array: 
            var shape: [Int] = []
            var scalars: [Double] = []
            guard flatten(self, depth: 0, shape: &shape, into: &scalars) else { return nil }
            return try Tensor(shape: shape, data: scalars)
        default: return nil
        }
    }
}

/// Flattens nested arrays of numbers row-major, checking they are rectangular.
private func flatten(_ v: Value, depth: Int, shape: inout [Int], into scalars: inout [Double]) -> Bool {
    switch v {
    case .int, .double:
        guard depth == shape.count else { return false }
        scalars.append(v.asDouble)
        return true
    case .array(let items):
        if depth == shape.count {
            guard scalars.isEmpty else { return false }
            shape.append(items.count)
        } else if depth > shape.count || shape[depth] != items.count {
            return false
        }
        for item in items where !flatten(item, depth: depth + 1, shape: &shape, into: &scalars) { return false }
        return true
    case .object(let o as TensorValue):
        // An array of tensors stacks them.
        if depth == shape.count { shape += o.tensor.shape } else if Array(shape[depth...]) != o.tensor.shape { return false }
        scalars += o.tensor.scalars
        return true
    default:
        return false
    }
}

extension Invocation {
    /// Argument `i` as a tensor (tensors, numbers and nested arrays of numbers are accepted).
    public func tensor(_ i: Int) throws -> Tensor {
        guard let v = value(i) else { throw fail("missing argument '\(function.parameters[i].name)'") }
        if let t = try v.asTensor() { return t }
        throw mismatch(i, expected: "Tensor", got: v)
    }

    /// The receiver as a tensor.
    public var receiverTensor: Tensor {
        get throws {
            guard case .object(let o as TensorValue) = receiver else {
                throw CellFailure(.type, "\(function.signature) called on a value of type '\(receiver.typeName)'", at: position)
            }
            return o.tensor
        }
    }

    /// An axis argument, optional.
    public func optionalAxis(_ i: Int) throws -> Int? { try optionalInt(i) }
}
