/// The elementwise half of a gated recurrent unit as one operation, as PyTorch fuses it
/// (`_thnn_fused_gru_cell`): a step of a GRU is two matrix products and this. Unfused it is eleven
/// elementwise operations and six slices, each a tensor and a tape entry, at every time step.
extension Tensor {
    /// A GRU's next state from PyTorch's two affine maps, `inputGates` = x·W_i + b_i and
    /// `hiddenGates` = h·W_h + b_h (each `[B, 3H]`, gates in the order r, z, n), and the state `h`
    /// `[B, H]`:
    ///
    ///     r = σ(gi_r + gh_r),  z = σ(gi_z + gh_z),  n = tanh(gi_n + r ⊙ gh_n),  h' = n + z ⊙ (h − n)
    ///
    /// Differentiable in all three inputs.
    public static func gruUpdate(inputGates gi: Tensor, hiddenGates gh: Tensor, state h: Tensor) throws -> Tensor {
        guard h.rank == 2, gi.shape == [h.shape[0], 3 * h.shape[1]], gh.shape == gi.shape else {
            throw TensorError.invalidShape(
                operation: "gruUpdate", shape: h.rank == 2 ? gi.shape : h.shape,
                reason: "expects gates [B, 3H] from the input and the hidden state and a state [B, H], got gates \(gi.shape) and \(gh.shape), state \(h.shape)")
        }
        let (batch, hidden) = (h.shape[0], h.shape[1])
        // r, z and n are kept for the backward pass: recomputing them there doubled the tanh and
        // exp calls, a fifth of a CharRNN epoch.
        var gates = Elementwise.make(batch * 3 * hidden) { _ in }
        let out = gi.scalars.withUnsafeBufferPointer { gip in
            gh.scalars.withUnsafeBufferPointer { ghp in
                h.scalars.withUnsafeBufferPointer { hp in
                    gates.withUnsafeMutableBufferPointer { saved in
                        Elementwise.make(batch * hidden) { out in
                            for b in 0..<batch {
                                let row = b * 3 * hidden
                                for j in 0..<hidden {
                                    let (ri, zi, ni) = (row + j, row + hidden + j, row + 2 * hidden + j)
                                    let r = UnaryFunction.sigmoid(gip[ri] + ghp[ri])
                                    let z = UnaryFunction.sigmoid(gip[zi] + ghp[zi])
                                    let n = LibM.tanh(gip[ni] + r * ghp[ni])
                                    (saved[ri], saved[zi], saved[ni]) = (r, z, n)
                                    out[b * hidden + j] = n + z * (hp[b * hidden + j] - n)
                                }
                            }
                        }
                    }
                }
            }
        }
        return tracked(Tensor(uncheckedShape: h.shape, scalars: out), [gi, gh, h],
                       .gruUpdate(gates: Tensor(uncheckedShape: gi.shape, scalars: gates), hiddenGates: gh.detached, state: h.detached))
    }
}

/// The backward pass of `Tensor.gruUpdate`, from the gates its forward pass kept.
enum GRUGates {
    /// The gradients of the input gates, hidden gates and state given the new state's gradient `g`,
    /// from the kept `gates` (r, z, n as `[B, 3H]`): dn = g(1 − z), dz = g(h − n), dh = g·z; then
    /// through tanh and the two sigmoids.
    static func backward(_ g: Tensor, gates: Tensor, hiddenGates gh: Tensor, state h: Tensor)
        -> (inputGates: Tensor, hiddenGates: Tensor, state: Tensor) {
        let (batch, hidden) = (h.shape[0], h.shape[1])
        var dgi = [Double](repeating: 0, count: batch * 3 * hidden), dgh = dgi
        var dh = [Double](repeating: 0, count: batch * hidden)
        dgi.withUnsafeMutableBufferPointer { dgip in
            dgh.withUnsafeMutableBufferPointer { dghp in
                dh.withUnsafeMutableBufferPointer { dhp in
                    g.scalars.withUnsafeBufferPointer { gp in
                        h.scalars.withUnsafeBufferPointer { hp in
                            gates.scalars.withUnsafeBufferPointer { sp in
                                gh.scalars.withUnsafeBufferPointer { ghp in
                                    for b in 0..<batch {
                                        let row = b * 3 * hidden
                                        for j in 0..<hidden {
                                            let k = b * hidden + j
                                            let (r, z, n) = (sp[row + j], sp[row + hidden + j], sp[row + 2 * hidden + j])
                                            let gk = gp[k]
                                            let dn = gk * (1 - z) * (1 - n * n)
                                            let dz = gk * (hp[k] - n) * z * (1 - z)
                                            let dr = dn * ghp[row + 2 * hidden + j] * r * (1 - r)
                                            dgip[row + j] = dr
                                            dghp[row + j] = dr
                                            dgip[row + hidden + j] = dz
                                            dghp[row + hidden + j] = dz
                                            dgip[row + 2 * hidden + j] = dn
                                            dghp[row + 2 * hidden + j] = dn * r
                                            dhp[k] = gk * z
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return (Tensor(uncheckedShape: gates.shape, scalars: dgi), Tensor(uncheckedShape: gh.shape, scalars: dgh),
                Tensor(uncheckedShape: h.shape, scalars: dh))
    }
}
