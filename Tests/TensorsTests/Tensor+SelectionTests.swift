import Testing
@testable import Tensors

@Suite("Selection: take, takeAlong, where, oneHot")
struct SelectionTests {
    let m = try! Tensor([[0, 1, 2, 3], [10, 11, 12, 13], [20, 21, 22, 23]])

    @Test func take() throws {
        #expect(try m.take([2, 0]) == Tensor([[20, 21, 22, 23], [0, 1, 2, 3]]))
        #expect(try m.take([-1, 1], axis: 1) == Tensor([[3, 1], [13, 11], [23, 21]]))
        #expect(try m.take(Tensor([[0, 0], [2, 1]]), axis: 0).shape == [2, 2, 4])
        #expect(throws: TensorError.self) { try m.take([3]) }
        #expect(throws: TensorError.self) { try m.take(Tensor([0.5])) }
    }

    @Test func takeAlong() throws {
        #expect(try m.takeAlong(Tensor([[3], [0], [1]]), axis: 1) == Tensor([[3], [10], [21]]))
        #expect(try m.takeAlong(Tensor([[2, 0, 1, 0]]), axis: 0) == Tensor([[20, 1, 12, 3]]))
        #expect(throws: TensorError.self) { try m.takeAlong(Tensor([[3], [0]]), axis: 1) }
    }

    @Test func whereSelectsWithBroadcasting() throws {
        let chosen = try Tensor.where(Tensor([1, 0, 1, 0]), m, Tensor(-1))
        #expect(try chosen[0] == Tensor([0, -1, 2, -1]))
        #expect(throws: TensorError.self) { try Tensor.where(Tensor([1, 0]), m, m) }
    }

    @Test func oneHot() throws {
        #expect(try Tensor([2, 0]).oneHot(classes: 3) == Tensor([[0, 0, 1], [1, 0, 0]]))
        #expect(throws: TensorError.self) { try Tensor([3]).oneHot(classes: 3) }
    }
}
