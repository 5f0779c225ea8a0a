import Tensors

/// A recurrent cell unrolled over a sequence, as PyTorch's `nn.RNN`/`nn.GRU`/`nn.LSTM` with one layer
/// and `batch_first`: `[batch, time, input]` in, the hidden state of every step `[batch, time, hidden]`
/// out. Every step is recorded, so a loss on the outputs differentiates through all of them
/// (backpropagation through time); train with gradient clipping (`Gradients.clipped(maxNorm:)`), as
/// exploding gradients are the rule for long sequences.
public final class Recurrent: Layer {
    /// The cell applied at every step (its parameters are shared across steps).
    public let cell: any RecurrentCell

    public init(_ cell: any RecurrentCell) {
        self.cell = cell
    }

    public var namedParameters: [(name: String, parameter: ParameterReference)] {
        cell.namedParameters.map { ("cell.\($0.name)", $0.parameter) }
    }

    /// The states after each step of `steps` (each `[batch, input]`), starting from `state` (zeros
    /// when nil). The form to use when the steps are computed one by one (an embedding per step).
    public func run(_ steps: [Tensor], from state: RecurrentState? = nil) throws -> [RecurrentState] {
        guard let first = steps.first else { return [] }
        var current = try state ?? cell.initialState(batch: first.shape.first ?? 0)
        var states: [RecurrentState] = []
        states.reserveCapacity(steps.count)
        for x in steps {
            current = try cell(x, current)
            states.append(current)
        }
        return states
    }

    /// The hidden state of every step of `x` `[batch, time, input]`, `[batch, time, hidden]`.
    public func callAsFunction(_ x: Tensor) throws -> Tensor {
        try cell.unrolled(x)
    }
}
