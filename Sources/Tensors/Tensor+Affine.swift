/// The affine map of a dense layer as one operation: `x·W + b` with the bias written into the output
/// before `dgemm` accumulates onto it, saving a pass over the output and a temporary (`AffineRows`).
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
        let single = precision == .float32 && inputs > 0 ? Float.narrowing(weight.scalars) : nil
        let data = x.scalars.withUnsafeBufferPointer { xp in
            weight.scalars.withUnsafeBufferPointer { wp in
                bias.scalars.withUnsafeBufferPointer { bp in
                    Elementwise.make(rows * outputs) { out in
                        func apply(_ sp: UnsafePointer<Float>?) {
                            AffineRows.apply(xp.baseAddress, lda: inputs, rows: rows, k: inputs, weight: wp.baseAddress, single: sp,
                                             n: outputs, bias: bp.baseAddress!, into: out, ldo: outputs)
                        }
                        if let single { single.withUnsafeBufferPointer { apply($0.baseAddress!) } } else { apply(nil) }
                    }
                }
            }
        }
        let out = Tensor(uncheckedShape: outShape, scalars: data)
        return tracked(out, [x, weight, bias], .affine(input: x.detached, weight: weight.detached, precision: single == nil ? .float64 : .float32))
    }
}
