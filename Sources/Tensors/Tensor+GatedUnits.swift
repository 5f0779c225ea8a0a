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
    /// Differentiable in all three inputs. With `float32` precision σ and tanh are computed to single
    /// precision's accuracy, faster (see `ProductPrecision`); the default uses the C library's.
    public static func gruUpdate(inputGates gi: Tensor, hiddenGates gh: Tensor, state h: Tensor,
                                 precision: ProductPrecision = .float64) throws -> Tensor {
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
                            guard batch * hidden > 0 else { return }
                            GRUGates.forward(inputGates: .init(base: gip.baseAddress!, stride: 3 * hidden),
                                             hiddenGates: .init(base: ghp.baseAddress!, stride: 3 * hidden),
                                             state: .init(base: hp.baseAddress!, stride: hidden), batch: batch, hidden: hidden,
                                             precision: precision, gates: .init(base: saved.baseAddress!, stride: 3 * hidden),
                                             next: .init(base: out, stride: hidden))
                        }
                    }
                }
            }
        }
        return tracked(Tensor(uncheckedShape: h.shape, scalars: out), [gi, gh, h],
                       .gruUpdate(gates: Tensor(uncheckedShape: gi.shape, scalars: gates), hiddenGates: gh.detached, state: h.detached))
    }

    /// The gradients of `gruUpdate`'s three inputs given its output's gradient `g`, from the `gates`
    /// r, z, n its forward pass kept, the hidden gates and the state.
    static func gruUpdateGradients(_ g: Tensor, gates: Tensor, hiddenGates gh: Tensor, state h: Tensor)
        -> (inputGates: Tensor, hiddenGates: Tensor, state: Tensor) {
        let (batch, hidden) = (h.shape[0], h.shape[1])
        var dgi = [Double](repeating: 0, count: batch * 3 * hidden), dgh = dgi
        var dh = [Double](repeating: 0, count: batch * hidden)
        let (gateStride, stateStride) = (3 * hidden, hidden)
        if batch * hidden > 0 {
            g.scalars.withUnsafeBufferPointer { gp in
                gates.scalars.withUnsafeBufferPointer { sp in
                    gh.scalars.withUnsafeBufferPointer { ghp in
                        h.scalars.withUnsafeBufferPointer { hp in
                            dgi.withUnsafeMutableBufferPointer { dgip in
                                dgh.withUnsafeMutableBufferPointer { dghp in
                                    dh.withUnsafeMutableBufferPointer { dhp in
                                        GRUGates.backward(.init(base: gp.baseAddress!, stride: stateStride),
                                                          gates: .init(base: sp.baseAddress!, stride: gateStride),
                                                          hiddenGates: .init(base: ghp.baseAddress!, stride: gateStride),
                                                          state: .init(base: hp.baseAddress!, stride: stateStride), batch: batch, hidden: hidden,
                                                          inputGates: .init(base: dgip.baseAddress!, stride: gateStride),
                                                          hiddenGates: .init(base: dghp.baseAddress!, stride: gateStride),
                                                          state: .init(base: dhp.baseAddress!, stride: stateStride))
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return (Tensor(uncheckedShape: gates.shape, scalars: dgi), Tensor(uncheckedShape: gates.shape, scalars: dgh),
                Tensor(uncheckedShape: h.shape, scalars: dh))
    }
}
