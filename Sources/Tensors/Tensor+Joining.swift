/// Joining tensors: `concatenate` along an existing axis and `stack` along a new one. Both are
/// differentiable with respect to every part.
extension Tensor {
    /// The tensors joined along `axis`; all other sizes must agree.
    public static func concatenate(_ tensors: [Tensor], axis: Int = 0) throws -> Tensor {
        guard let first = tensors.first else {
            throw TensorError.invalidArgument(operation: "concatenate", reason: "needs at least one tensor")
        }
        let a = try Shape.axis(axis, rank: first.rank, operation: "concatenate")
        var outShape = first.shape
        outShape[a] = 0
        for t in tensors {
            var expected = first.shape
            expected[a] = t.rank == first.rank ? t.shape[a] : -1
            guard t.shape == expected else {
                throw TensorError.shapeMismatch(operation: "concatenate", lhs: first.shape, rhs: t.shape)
            }
            outShape[a] += t.shape[a]
        }
        try Shape.validate(outShape, operation: "concatenate")
        let (outer, total, inner) = Reduction.split(outShape, axis: a)
        var data = [Double](repeating: 0, count: outer * total * inner)
        var offset = 0
        data.withUnsafeMutableBufferPointer { dp in
            for t in tensors {
                let width = t.shape[a] * inner
                guard width > 0 else { continue }
                t.scalars.withUnsafeBufferPointer { tp in
                    for o in 0..<outer {
                        let dst = dp.baseAddress! + o * total * inner + offset
                        let src = tp.baseAddress! + o * width
                        for j in 0..<width { dst[j] = src[j] }
                    }
                }
                offset += width
            }
        }
        var out = Tensor(uncheckedShape: outShape, scalars: data)
        out = Tensor.tracked(out, tensors, .concatenate(axis: a, sizes: tensors.map { $0.shape[a] }))
        return out
    }

    /// The tensors, all of one shape, stacked along a new axis at `axis`.
    public static func stack(_ tensors: [Tensor], axis: Int = 0) throws -> Tensor {
        guard let first = tensors.first else {
            throw TensorError.invalidArgument(operation: "stack", reason: "needs at least one tensor")
        }
        for t in tensors where t.shape != first.shape {
            throw TensorError.shapeMismatch(operation: "stack", lhs: first.shape, rhs: t.shape)
        }
        let a = try Shape.axis(axis, rank: first.rank + 1, operation: "stack")
        return try concatenate(tensors.map { try $0.expandedDimensions(axis: a) }, axis: a)
    }
}
