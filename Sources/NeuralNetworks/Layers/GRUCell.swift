import Tensors

/// The gated recurrent unit (Cho et al., 2014), as PyTorch's `nn.GRUCell` (gates in its order r, z, n):
///
///     r = σ(x·W_ir + b_ir + h·W_hr + b_hr)          reset gate
///     z = σ(x·W_iz + b_iz + h·W_hz + b_hz)          update gate
///     n = tanh(x·W_in + b_in + r ⊙ (h·W_hn + b_hn))  candidate
///     h' = (1 − z) ⊙ n + z ⊙ h
public final class GRUCell: RecurrentCell {
    public let weights: GateWeights

    /// A cell from `inputs` features to `hidden` units.
    public init(_ inputs: Int, hidden: Int, using generator: RandomGenerator) throws {
        weights = try GateWeights(cell: "GRUCell", inputs: inputs, hidden: hidden, gates: 3, using: generator)
    }

    public func callAsFunction(_ x: Tensor, _ state: RecurrentState) throws -> RecurrentState {
        let h = state.hidden
        let gx = try weights.input(x, cell: "GRUCell"), gh = try weights.hidden(h, cell: "GRUCell")
        return RecurrentState(hidden: try Tensor.gruUpdate(inputGates: gx, hiddenGates: gh, state: h, precision: weights.precision))
    }

    /// The whole sequence at once: the input gates of every step in one product, then
    /// `Tensor.gruSequence` (the same states as step by step, up to the order of sums).
    public func unrolled(_ x: Tensor) throws -> Tensor {
        try checkSequence(x)
        let (batch, steps) = (x.shape[0], x.shape[1])
        let gi = try weights.input(x.reshaped([batch * steps, inputSize]), cell: "GRUCell").reshaped([batch, steps, 3 * hiddenSize])
        return try Tensor.gruSequence(inputGates: gi, hiddenWeight: weights.hiddenWeight, hiddenBias: weights.hiddenBias,
                                      state: weights.zeros(batch: batch), precision: weights.precision)
    }
}
