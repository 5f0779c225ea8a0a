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
        let r = try (weights.gate(gx, 0) + weights.gate(gh, 0)).sigmoid()
        let z = try (weights.gate(gx, 1) + weights.gate(gh, 1)).sigmoid()
        let n = try (weights.gate(gx, 2) + r * weights.gate(gh, 2)).tanh()
        return RecurrentState(hidden: try n + z * (h - n))
    }
}
