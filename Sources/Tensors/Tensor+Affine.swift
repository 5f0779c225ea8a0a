/// The affine map of a dense layer as one operation: `x·W + b` with the bias written into the output
/// before `dgemm` accumulates onto it, saving a pass over the output and a temporary.
extension Tensor {
    /// `x·weight + bias` over the last axis of `x` (`[…, in]`), with `weight` `[in, out]` and `bias`
    /// `[out]`; equal to `try x • weight + bias`, faster. Throws naming the shapes on a mismatch.
    /// With `float32` precision the product is single precision (`ProductPrecision`) and the bias
    /// is added to its widened result.
    public static func affine(_ x: Tensor, _ weight: Tensor, _ bias: Tensor, precision: ProductPrecision = .float64) throws -> Tensor {
        guard x.rank >= 1, weight.rank == 2, x.shape[x.rank - 1] == weight.shape[0] else {
            throw TensorError.shapeMismatch(operation: "affine", lhs: x.shape, rhs: weight.shape)
        }
        let (inputs, outputs) = (weight.shape[0], weight.shape[1])
        guard bias.shape == [outputs] else {
            throw TensorError.shapeMismatch(operation: "affine bias", lhs: [outputs], rhs: bias.shape)
        }
        let rows = inputs == 0 ? Shape.count(Array(x.shape.dropLast())) : x.count / inputs
        let outShape = Array(x.shape.dropLast()) + [outputs]
        try Shape.validate(outShape, operation: "affine")
        if precision == .float32 && inputs > 0 {
            // The single-precision product, widened and added to the bias in one pass.
            let data = Float.narrowing(x.scalars).withUnsafeBufferPointer { xp in
                Float.narrowing(weight.scalars).withUnsafeBufferPointer { wp in
                    bias.scalars.withUnsafeBufferPointer { bp in
                        let product = UnsafeMutablePointer<Float>.allocate(capacity: Swift.max(1, rows * outputs))
                        defer { product.deallocate() }
                        BLAS.gemm(transA: false, transB: false, m: rows, n: outputs, k: inputs, a: xp.baseAddress!, lda: inputs,
                                  b: wp.baseAddress!, ldb: outputs, c: product, ldc: outputs)
                        return Elementwise.make(rows * outputs) { out in
                            for r in 0..<rows {
                                let (row, from) = (out + r * outputs, product + r * outputs)
                                for j in 0..<outputs { row[j] = Double(from[j]) + bp[j] }
                            }
                        }
                    }
                }
            }
            return tracked(Tensor(uncheckedShape: outShape, scalars: data), [x, weight, bias],
                           .affine(input: x.detached, weight: weight.detached, precision: precision))
        }
        let data = x.scalars.withUnsafeBufferPointer { xp in
            weight.scalars.withUnsafeBufferPointer { wp in
                bias.scalars.withUnsafeBufferPointer { bp in
                    Elementwise.make(rows * outputs) { out in
                        for r in 0..<rows {
                            let row = out + r * outputs
                            for j in 0..<outputs { row[j] = bp[j] }
                        }
                        if inputs > 0 {
                            BLAS.gemm(transA: false, transB: false, m: rows, n: outputs, k: inputs,
                                      a: xp.baseAddress!, lda: inputs, b: wp.baseAddress!, ldb: outputs,
                                      c: out, ldc: outputs, beta: 1)
                        }
                    }
                }
            }
        }
        let out = Tensor(uncheckedShape: outShape, scalars: data)
        return tracked(out, [x, weight, bias], .affine(input: x.detached, weight: weight.detached, precision: .float64))
    }
}
