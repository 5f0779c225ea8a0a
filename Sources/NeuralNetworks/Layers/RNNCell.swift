import Tensors

/// Elman's recurrent cell, as PyTorch's `nn.RNNCell` with tanh: `h_t = tanh(x_t·W_ih + b_ih + h_{t−1}·W_hh + b_hh)`.
public final class RNNCell: RecurrentCell {
    public let weights: GateWeights

    /// A cell from `inputs` features to `hidden` units.
    public init(_ inputs: Int, hidden: Int, using generator: RandomGenerator) throws {
        weights = try GateWeights(cell: "RNNCell", inputs: inputs, hidden: hidden, gates: 1, using: generator)
    }

    public func callAsFunction(_ x: Tensor, _ state: RecurrentState) throws -> RecurrentState {
        RecurrentState(hidden: try (weights.input(x, cell: "RNNCell") + weights.hidden(state.hidden, cell: "RNNCell")).tanh())
    }
}
