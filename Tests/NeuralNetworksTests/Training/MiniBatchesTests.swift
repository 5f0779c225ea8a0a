import Testing
import Tensors
@testable import NeuralNetworks

@Suite("Mini-batches")
struct MiniBatchesTests {
    @Test func miniBatchesCoverEveryRowOnce() throws {
        let x = try Tensor.arange(10).reshaped([10, 1]), y = try Tensor.arange(10) * 2
        let batches = try miniBatches([x, y], batchSize: 4, using: RandomGenerator(seed: 10))
        #expect(batches.map { $0[0].shape[0] } == [4, 4, 2])
        let rows = batches.flatMap { $0[0].scalars }
        #expect(rows.sorted() == Array(0..<10).map(Double.init))
        #expect(rows != Array(0..<10).map(Double.init))
        for batch in batches { #expect(batch[1].scalars == batch[0].scalars.map { $0 * 2 }) }
        #expect(try miniBatches(x, batchSize: 3, using: nil).map { $0.scalars } == [[0, 1, 2], [3, 4, 5], [6, 7, 8], [9]])
        #expect(throws: TensorError.self) { try miniBatches([x, Tensor.zeros([9])], batchSize: 2, using: nil) }
    }
}
