/// The elementwise arithmetic of a GRU step on raw rows, shared by `Tensor.gruUpdate` (one step) and
/// `Tensor.gruSequence` (every step of a sequence, reading and writing rows in place inside
/// `[B, T, ·]` buffers). Gates are `3H` wide in the order r, z, n; states are `H` wide.
enum GRUGates {
    /// Row `b` of a matrix is at `base + b·stride`: a contiguous `[B, n]` matrix has stride `n`; step
    /// `t` of a `[B, T, n]` buffer starts at `t·n` with stride `T·n`.
    struct Rows {
        let base: UnsafePointer<Double>
        let stride: Int
        @inline(__always) subscript(_ b: Int) -> UnsafePointer<Double> { base + b * stride }
    }

    /// Rows to write (see `Rows`).
    struct MutableRows {
        let base: UnsafeMutablePointer<Double>
        let stride: Int
        @inline(__always) subscript(_ b: Int) -> UnsafeMutablePointer<Double> { base + b * stride }
    }

    /// Writes `h' = n + z ⊙ (h − n)` into `next` and r, z, n into `gates`, from the input gates `gi`,
    /// the hidden gates `gh` (`h·W_h + b_h`) and the state `h`:
    ///
    ///     r = σ(gi_r + gh_r),  z = σ(gi_z + gh_z),  n = tanh(gi_n + r ⊙ gh_n)
    ///
    /// With `float32` precision σ and tanh are `VectorMath`'s (single-precision accurate, vectorised),
    /// else the C library's.
    static func forward(
        inputGates gi: Rows, hiddenGates gh: Rows, state h: Rows, batch: Int, hidden: Int, precision: ProductPrecision,
        gates: MutableRows, next: MutableRows
    ) {
        switch precision {
        case .float64:
            forward(gi, gh, h, batch, hidden, gates, next, sigmoid: { UnaryFunction.sigmoid($0) }, tanh: { LibM.tanh($0) })
        case .float32:
            forward(gi, gh, h, batch, hidden, gates, next, sigmoid: { VectorMath.sigmoid($0) }, tanh: { VectorMath.tanh($0) })
        }
    }

    @inline(__always)
    private static func forward(
        _ gi: Rows, _ gh: Rows, _ h: Rows, _ batch: Int, _ hidden: Int, _ gates: MutableRows, _ next: MutableRows,
        sigmoid: (Double) -> Double, tanh: (Double) -> Double
    ) {
        for b in 0..<batch {
            let (ir, iz, inn) = (gi[b], gi[b] + hidden, gi[b] + 2 * hidden)
            let (hr, hz, hn) = (gh[b], gh[b] + hidden, gh[b] + 2 * hidden)
            let (r, z, n) = (gates[b], gates[b] + hidden, gates[b] + 2 * hidden)
            let (state, out) = (h[b], next[b])
            // One store per loop: each then vectorises with a simple overlap check (two loops of two
            // stores took 1.5 times as long in float32).
            for j in 0..<hidden { r[j] = sigmoid(ir[j] + hr[j]) }
            for j in 0..<hidden { z[j] = sigmoid(iz[j] + hz[j]) }
            for j in 0..<hidden { n[j] = tanh(inn[j] + r[j] * hn[j]) }
            for j in 0..<hidden { out[j] = n[j] + z[j] * (state[j] - n[j]) }
        }
    }

    /// The gradients of the input gates, hidden gates and state given the new state's gradient `g`,
    /// from the kept `gates` (r, z, n): dn = g(1 − z), dz = g(h − n), dh = g·z; then through tanh and
    /// the two sigmoids. Writes `dgi`, `dgh` (gate rows) and `dh` (state rows).
    static func backward(
        _ g: Rows, gates: Rows, hiddenGates gh: Rows, state h: Rows, batch: Int, hidden: Int,
        inputGates dgi: MutableRows, hiddenGates dgh: MutableRows, state dh: MutableRows
    ) {
        for b in 0..<batch {
            let (gb, sb, ghb, hb) = (g[b], gates[b], gh[b], h[b])
            let (dgib, dghb, dhb) = (dgi[b], dgh[b], dh[b])
            for j in 0..<hidden {
                let (r, z, n) = (sb[j], sb[hidden + j], sb[2 * hidden + j])
                let gj = gb[j]
                let dn = gj * (1 - z) * (1 - n * n)
                let dz = gj * (hb[j] - n) * z * (1 - z)
                let dr = dn * ghb[2 * hidden + j] * r * (1 - r)
                dgib[j] = dr
                dghb[j] = dr
                dgib[hidden + j] = dz
                dghb[hidden + j] = dz
                dgib[2 * hidden + j] = dn
                dghb[2 * hidden + j] = dn * r
                dhb[j] = gj * z
            }
        }
    }
}
