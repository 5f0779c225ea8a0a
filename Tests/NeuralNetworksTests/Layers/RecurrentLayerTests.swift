import Testing
import Tensors
@testable import NeuralNetworks

@Suite("Recurrent layers")
struct RecurrentLayerTests {
    static let kinds = ["rnn", "gru", "lstm"]

    static func cell(_ kind: String, _ inputs: Int, _ hidden: Int, _ rng: RandomGenerator) throws -> any RecurrentCell {
        switch kind {
        case "rnn": try RNNCell(inputs, hidden: hidden, using: rng)
        case "gru": try GRUCell(inputs, hidden: hidden, using: rng)
        default: try LSTMCell(inputs, hidden: hidden, using: rng)
        }
    }

    @Test(arguments: kinds)
    func unrolledLayerIsFiniteDifferenceChecked(_ kind: String) throws {
        let rng = RandomGenerator(seed: 11)
        let layer = Recurrent(try Self.cell(kind, 3, 4, rng))
        try checkLayerGradients(layer, input: try Tensor.randomNormal([2, 5, 3], using: rng)) { try layer($0) }
    }

    @Test(arguments: kinds)
    func runMatchesTheSequenceForm(_ kind: String) throws {
        let rng = RandomGenerator(seed: 12)
        let layer = Recurrent(try Self.cell(kind, 2, 3, rng))
        let x = try Tensor.randomNormal([4, 6, 2], using: rng)
        let whole = try layer(x)
        #expect(whole.shape == [4, 6, 3])
        let states = try layer.run((0..<6).map { try x[TensorIndex.all, $0] })
        #expect(states.count == 6)
        #expect(try Tensor.stack(states.map(\.hidden), axis: 1) == whole)
        #expect((states.last!.cell != nil) == (kind == "lstm"))
        // A later step never changes an earlier output.
        var changed = x
        try changed.replace(TensorIndex.all, 5, with: Tensor.zeros([4, 2]))
        #expect(try layer(changed)[TensorIndex.all, 0..<5] == whole[TensorIndex.all, 0..<5])
    }

    @Test func parametersAreNamedAsPyTorchCountsThem() throws {
        let lstm = Recurrent(try LSTMCell(10, hidden: 20, using: RandomGenerator(seed: 1)))
        #expect(lstm.namedParameters.map(\.name) == ["cell.inputWeight", "cell.hiddenWeight", "cell.inputBias", "cell.hiddenBias"])
        #expect(lstm.parameterCount == 4 * 20 * (10 + 20 + 2))  // nn.LSTM(10, 20): 2,560
        let gru = try GRUCell(10, hidden: 20, using: RandomGenerator(seed: 1))
        #expect(gru.parameterCount == 3 * 20 * (10 + 20 + 2))
        let bound = 1 / 20.0.squareRoot()
        #expect(gru.parameters.allSatisfy { $0.scalars.allSatisfy { abs($0) <= bound } })
    }

    @Test func mismatchedShapesNameTheCell() throws {
        let cell = try GRUCell(3, hidden: 4, using: RandomGenerator(seed: 1))
        #expect(throws: TensorError.self) { try cell(Tensor.zeros([2, 5]), cell.initialState(batch: 2)) }
        #expect(throws: TensorError.self) { try Recurrent(cell)(Tensor.zeros([2, 3])) }
        let lstm = try LSTMCell(3, hidden: 4, using: RandomGenerator(seed: 1))
        #expect(throws: TensorError.self) { try lstm(Tensor.zeros([2, 3]), RecurrentState(hidden: Tensor.zeros([2, 4]))) }
    }
}
