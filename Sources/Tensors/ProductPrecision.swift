/// The arithmetic of matrix products: those of `matmul`, `affine` and the convolutions, and of their
/// gradients; and of the functions fused with them where a model asks for it (the recurrent gates'
/// σ and tanh, the cross-entropy's exponentials).
///
/// Lectern computes in double precision throughout. PyTorch trains in single precision by default,
/// and matrix products are where that buys most: `float32` narrows the operands (for a convolution
/// the patches, kernel and output gradient) to `Float`, multiplies and sums them with `sgemm`, and
/// widens the results back to `Double`, everything else staying double. The results then carry
/// single precision's rounding (a relative error near 1e-7 per product, growing like √k over a sum
/// of k terms), as PyTorch's float32 products do, in less time (a PixelCNN epoch here in 0.55–0.71
/// of the double-precision time). `gruUpdate`, `gruSequence` and `softmaxCrossEntropy` given
/// `float32` also compute their σ, tanh and exp with `VectorMath` (within 1e-9 relative, where single
/// precision rounds to 6e-8) instead of the C library's functions, whose exact bits only the
/// double-precision default needs.
public enum ProductPrecision: String, Sendable, Equatable, CaseIterable {
    /// Double-precision operands and sums (`dgemm`): the default.
    case float64
    /// Single-precision operands and sums (`sgemm`), results widened to double.
    case float32
}
