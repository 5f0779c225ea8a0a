/// Elementwise mathematical functions. Each is differentiable; its derivative is in `UnaryFunction`.
extension Tensor {
    /// `e^x` elementwise.
    public func exp() -> Tensor { unary(.exp) }
    /// Natural logarithm elementwise (`-inf` at 0, NaN below).
    public func log() -> Tensor { unary(.log) }
    /// `log(1 + x)` elementwise, accurate for small x.
    public func log1p() -> Tensor { unary(.log1p) }
    /// Square root elementwise.
    public func sqrt() -> Tensor { unary(.sqrt) }
    /// Absolute value elementwise (gradient 0 at 0).
    public func abs() -> Tensor { unary(.abs) }
    /// `x²` elementwise.
    public func square() -> Tensor { unary(.square) }
    /// Sine elementwise.
    public func sin() -> Tensor { unary(.sin) }
    /// Cosine elementwise.
    public func cos() -> Tensor { unary(.cos) }
    /// Hyperbolic tangent elementwise.
    public func tanh() -> Tensor { unary(.tanh) }
    /// Logistic sigmoid `1 / (1 + e^-x)`, stable for large |x|.
    public func sigmoid() -> Tensor { unary(.sigmoid) }
    /// `log(1 + e^x)`, stable for large |x|.
    public func softplus() -> Tensor { unary(.softplus) }
    /// `max(x, 0)` elementwise (gradient 0 at 0).
    public func relu() -> Tensor { unary(.relu) }
    /// `x` where positive, `slope·x` elsewhere.
    public func leakyRelu(slope: Double = 0.01) -> Tensor { unary(.leakyRelu(slope)) }
    /// `x` where positive, `alpha·(e^x − 1)` elsewhere.
    public func elu(alpha: Double = 1) -> Tensor { unary(.elu(alpha)) }
    /// GELU, `x·Φ(x)` with Φ the standard normal CDF (Hendrycks & Gimpel 2016, exact form, as PyTorch's default).
    public func gelu() -> Tensor { unary(.gelu) }
    /// SiLU (swish): `x · sigmoid(x)`.
    public func silu() -> Tensor { unary(.silu) }
    /// Every element limited to `[min, max]` (gradient 1 inside the interval, 0 outside).
    public func clamped(min lower: Double = -.infinity, max upper: Double = .infinity) -> Tensor {
        unary(.clamp(lower, upper))
    }
}
