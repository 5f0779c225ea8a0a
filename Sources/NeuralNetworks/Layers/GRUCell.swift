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
        return RecurrentState(hidden: try Tensor.gruUpdate(inputGates: gx, hiddenGates: gh, state: h))
    }
}
