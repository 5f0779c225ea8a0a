import Testing
@testable import Tensors

@Suite("Joining: concatenate and stack")
struct JoiningTests {
    let m = try! Tensor([[0, 1, 2, 3], [10, 11, 12, 13], [20, 21, 22, 23]])

    @Test func concatenateAndStack() throws {
        let a = try Tensor([[1, 2]]), b = try Tensor([[3, 4], [5, 6]])
        #expect(try Tensor.concatenate([a, b]) == Tensor([[1, 2], [3, 4], [5, 6]]))
        #expect(try Tensor.concatenate([b, b], axis: 1) == Tensor([[3, 4, 3, 4], [5, 6, 5, 6]]))
        #expect(try Tensor.concatenate([a, Tensor.zeros([0, 2])]) == a)
        #expect(throws: TensorError.shapeMismatch(operation: "concatenate", lhs: [1, 2], rhs: [2, 2])) { try Tensor.concatenate([a, b], axis: 1) }
        #expect(try Tensor.stack([Tensor([1, 2]), Tensor([3, 4])]) == Tensor([[1, 2], [3, 4]]))
        #expect(try Tensor.stack([Tensor([1, 2]), Tensor([3, 4])], axis: 1) == Tensor([[1, 3], [2, 4]]))
        #expect(throws: TensorError.self) { try Tensor.stack([Tensor([1, 2]), Tensor([3])]) }
        #expect(throws: TensorError.self) { try Tensor.concatenate([]) }
    }
}
