/// Tensors from nested Swift arrays, `Tensor([[1, 2], [3, 4]])`, as PyTorch's `torch.tensor`.
/// Ragged nesting (rows of different lengths) throws `TensorError.invalidShape`.
extension Tensor {
    /// A matrix from its rows.
    public init(_ rows: [[Double]]) throws {
        self = try Tensor.nested(rows.map { Tensor($0) }, rank: 2, operation: "Tensor([[Double]])")
    }

    /// A rank-3 tensor from nested rows.
    public init(_ values: [[[Double]]]) throws {
        self = try Tensor.nested(values.map { try Tensor($0) }, rank: 3, operation: "Tensor([[[Double]]])")
    }

    /// A rank-4 tensor from nested rows.
    public init(_ values: [[[[Double]]]]) throws {
        self = try Tensor.nested(values.map { try Tensor($0) }, rank: 4, operation: "Tensor([[[[Double]]]])")
    }

    /// A matrix from rows of integers.
    public init(_ rows: [[Int]]) throws {
        self = try Tensor(rows.map { $0.map(Double.init) })
    }

    /// A rank-3 tensor from nested rows of integers.
    public init(_ values: [[[Int]]]) throws {
        self = try Tensor(values.map { $0.map { $0.map(Double.init) } })
    }

    /// Stacks equally shaped parts along a new leading axis, or throws naming the first mismatch.
    private static func nested(_ parts: [Tensor], rank: Int, operation: String) throws -> Tensor {
        guard let first = parts.first else {
            return Tensor(uncheckedShape: [Int](repeating: 0, count: rank), scalars: [])
        }
        var data: [Double] = []
        data.reserveCapacity(parts.count * first.count)
        for (i, part) in parts.enumerated() {
            guard part.shape == first.shape else {
                throw TensorError.invalidShape(
                    operation: operation, shape: [parts.count] + first.shape,
                    reason: "ragged: element \(i) has shape \(part.shape), element 0 has \(first.shape)")
            }
            data += part.scalars
        }
        return Tensor(uncheckedShape: [parts.count] + first.shape, scalars: data)
    }
}
