import Tensors

/// The long short-term memory cell (Hochreiter & Schmidhuber, 1997), as PyTorch's `nn.LSTMCell`
/// (gates in its order i, f, g, o):
///
///     i = σ(…), f = σ(…), g = tanh(…), o = σ(…)   each of x·W_i* + b_i* + h·W_h* + b_h*
///     c' = f ⊙ c + i ⊙ g
///     h' = o ⊙ tanh(c')
public final class LSTMCell: RecurrentCell {
    public let weights: GateWeights

    /// A cell from `inputs` features to `hidden` units.
    public init(_ inputs: Int, hidden: Int, using generator: RandomGenerator) throws {
        weights = try GateWeights(cell: "LSTMCell", inputs: inputs, hidden: hidden, gates: 4, using: generator)
    }

    public func initialState(batch: Int) throws -> RecurrentState {
        RecurrentState(hidden: try weights.zeros(batch: batch), cell: try weights.zeros(batch: batch))
    }

    public func callAsFunction(_ x: Tensor, _ state: RecurrentState) throws -> RecurrentState {
        guard let c = state.cell else {
            throw TensorError.invalidArgument(operation: "LSTMCell", reason: "the state has no cell tensor; start from initialState(batch:)")
        }
        let z = try weights.input(x, cell: "LSTMCell") + weights.hidden(state.hidden, cell: "LSTMCell")
        let i = try weights.gate(z, 0).sigmoid(), f = try weights.gate(z, 1).sigmoid()
        let g = try weights.gate(z, 2).tanh(), o = try weights.gate(z, 3).sigmoid()
        let next = try f * c + i * g
        return RecurrentState(hidden: try o * next.tanh(), cell: next)
    }
}
