import Tensors

/// What a recurrent cell carries from one step to the next: the hidden state `h` `[batch, hidden]`
/// and, for an LSTM, the cell state `c`.
public struct RecurrentState: Sendable {
    public var hidden: Tensor
    public var cell: Tensor?

    public init(hidden: Tensor, cell: Tensor? = nil) {
        self.hidden = hidden
        self.cell = cell
    }
}

/// One step of a recurrent network: `(x_t, state_{t−1}) ↦ state_t`. `Recurrent` unrolls a cell over a
/// sequence; gradients flow back through every step (backpropagation through time).
public protocol RecurrentCell: Module {
    /// Features per input step.
    var inputSize: Int { get }
    /// Units of the hidden state.
    var hiddenSize: Int { get }
    /// The input-to-hidden and hidden-to-hidden weights and biases of every gate.
    var weights: GateWeights { get }
    /// The state before the first step: zeros for `batch` rows.
    func initialState(batch: Int) throws -> RecurrentState
    /// The next state from input `x` `[batch, inputSize]` and the previous state.
    func callAsFunction(_ x: Tensor, _ state: RecurrentState) throws -> RecurrentState
    /// The hidden state of every step of `x` `[batch, time, inputSize]`, from zeros:
    /// `[batch, time, hiddenSize]`. Step by step by default; a cell may run the sequence faster.
    func unrolled(_ x: Tensor) throws -> Tensor
}

extension RecurrentCell {
    public var namedParameters: [(name: String, parameter: ParameterReference)] { weights.namedParameters }
    public var inputSize: Int { weights.inputSize }
    public var hiddenSize: Int { weights.hiddenSize }

    /// A zero hidden state (the LSTM adds its cell state).
    public func initialState(batch: Int) throws -> RecurrentState { RecurrentState(hidden: try weights.zeros(batch: batch)) }

    public func unrolled(_ x: Tensor) throws -> Tensor {
        try checkSequence(x)
        var state = try initialState(batch: x.shape[0])
        var outputs: [Tensor] = []
        for t in 0..<x.shape[1] {
            state = try self(x.indexed([.all, .index(t), .all]), state)
            outputs.append(state.hidden)
        }
        if outputs.isEmpty { return try Tensor.zeros([x.shape[0], 0, hiddenSize]) }
        return try Tensor.stack(outputs, axis: 1)
    }

    /// Throws unless `x` is `[batch, time, inputSize]`.
    func checkSequence(_ x: Tensor) throws {
        guard x.rank == 3, x.shape[2] == inputSize else {
            throw TensorError.invalidShape(
                operation: "\(Self.self)(\(inputSize) → \(hiddenSize))", shape: x.shape, reason: "expects [batch, time, \(inputSize)] (batch first)")
        }
    }
}

/// The four parameters of a recurrent cell with `gates` gates, laid out as PyTorch's (transposed, as
/// `Linear` keeps its weight): `inputWeight` `[input, gates·hidden]`, `hiddenWeight`
/// `[hidden, gates·hidden]`, and two biases `[gates·hidden]`, all uniform in ±1/√hidden as PyTorch
/// draws them. Gate `k` owns columns `k·hidden ..< (k+1)·hidden`. Two biases, not one, because a
/// GRU's candidate multiplies the hidden part (bias included) by its reset gate.
public final class GateWeights: Module {
    @Parameter public var inputWeight: Tensor
    @Parameter public var hiddenWeight: Tensor
    @Parameter public var inputBias: Tensor
    @Parameter public var hiddenBias: Tensor
    public let gates: Int
    /// The arithmetic of the gates' matrix products, and of a GRU's σ and tanh (default `float64`;
    /// `float32` is PyTorch's, faster; see `ProductPrecision`).
    public var precision: ProductPrecision = .float64

    init(cell: String, inputs: Int, hidden: Int, gates: Int, using generator: RandomGenerator) throws {
        guard inputs > 0, hidden > 0 else {
            throw TensorError.invalidArgument(operation: cell, reason: "sizes must be positive, got input \(inputs), hidden \(hidden)")
        }
        let a = 1 / Double(hidden).squareRoot()
        func draw(_ shape: [Int]) throws -> Tensor { try Tensor.randomUniform(shape, low: -a, high: a, using: generator) }
        _inputWeight = Parameter(wrappedValue: try draw([inputs, gates * hidden]))
        _hiddenWeight = Parameter(wrappedValue: try draw([hidden, gates * hidden]))
        _inputBias = Parameter(wrappedValue: try draw([gates * hidden]))
        _hiddenBias = Parameter(wrappedValue: try draw([gates * hidden]))
        self.gates = gates
    }

    public var namedParameters: [(name: String, parameter: ParameterReference)] {
        [("inputWeight", $inputWeight), ("hiddenWeight", $hiddenWeight), ("inputBias", $inputBias), ("hiddenBias", $hiddenBias)]
    }

    var inputSize: Int { inputWeight.shape[0] }
    var hiddenSize: Int { hiddenWeight.shape[0] }

    /// `x·W_ih + b_ih`, every gate at once, `[batch, gates·hidden]`; names the cell on a shape mismatch.
    func input(_ x: Tensor, cell: String) throws -> Tensor {
        guard x.rank == 2, x.shape[1] == inputSize else {
            throw TensorError.shapeMismatch(operation: "\(cell)(\(inputSize) → \(hiddenSize)) input", lhs: x.shape, rhs: inputWeight.shape)
        }
        return try Tensor.affine(x, inputWeight, inputBias, precision: precision)
    }

    /// `h·W_hh + b_hh`, every gate at once.
    func hidden(_ h: Tensor, cell: String) throws -> Tensor {
        guard h.rank == 2, h.shape[1] == hiddenSize else {
            throw TensorError.shapeMismatch(operation: "\(cell)(\(inputSize) → \(hiddenSize)) state", lhs: h.shape, rhs: hiddenWeight.shape)
        }
        return try Tensor.affine(h, hiddenWeight, hiddenBias, precision: precision)
    }

    /// Gate `k`'s columns of `[batch, gates·hidden]` pre-activations.
    func gate(_ z: Tensor, _ k: Int) throws -> Tensor {
        let h = hiddenSize
        return try z.indexed([.all, .range(start: k * h, end: (k + 1) * h, step: 1)])
    }

    func zeros(batch: Int) throws -> Tensor { try Tensor.zeros([batch, hiddenSize]) }
}
