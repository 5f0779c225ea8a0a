import Testing
@testable import Tensors

@Suite("Tensor creation")
struct CreationTests {
    @Test func constants() throws {
        #expect(try Tensor.zeros([2, 2]).scalars == [0, 0, 0, 0])
        #expect(try Tensor.ones([3]).scalars == [1, 1, 1])
        #expect(try Tensor.full([2], value: 7).scalars == [7, 7])
        #expect(Tensor.zeros(like: Tensor([1, 2])).scalars == [0, 0])
        #expect(Tensor.ones(like: Tensor([1, 2])).shape == [2])
    }

    @Test func identityAndDiagonal() throws {
        #expect(try Tensor.eye(2) == Tensor([[1, 0], [0, 1]]))
        #expect(try Tensor.eye(2, 3) == Tensor([[1, 0, 0], [0, 1, 0]]))
        #expect(try Tensor.diagonal(Tensor([2, 3])) == Tensor([[2, 0], [0, 3]]))
    }

    @Test func ranges() throws {
        #expect(try Tensor.arange(4).scalars == [0, 1, 2, 3])
        #expect(try Tensor.arange(1, 2, step: 0.25).scalars == [1, 1.25, 1.5, 1.75])
        #expect(try Tensor.arange(5, 0, step: -2).scalars == [5, 3, 1])
        #expect(try Tensor.linspace(0, 1, count: 5).scalars == [0, 0.25, 0.5, 0.75, 1])
        #expect(try Tensor.linspace(0, 1, count: 1).scalars == [0])
        #expect(throws: TensorError.self) { try Tensor.arange(0, 1, step: 0) }
    }

    @Test func negativeSizesThrow() {
        #expect(throws: TensorError.self) { try Tensor.zeros([2, -1]) }
        #expect(throws: TensorError.self) { try Tensor.eye(-1) }
        #expect(throws: TensorError.self) { try Tensor.linspace(0, 1, count: -3) }
    }

    @Test func sizesBeyondTheLimitThrowInsteadOfAllocating() {
        #expect(throws: TensorError.tooLarge(operation: "zeros", shape: [1 << 20, 1 << 20], limit: Tensor.elementLimit)) {
            try Tensor.zeros([1 << 20, 1 << 20])
        }
        #expect(throws: TensorError.self) { try Tensor.ones([Int.max, 2]) }
    }
}
