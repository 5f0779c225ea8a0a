import Testing
@testable import Tensors

@Suite("Indexing and slicing")
struct IndexingTests {
    let m = try! Tensor([[0, 1, 2, 3], [10, 11, 12, 13], [20, 21, 22, 23]])

    @Test func integerIndices() throws {
        #expect(try m[1] == Tensor([10, 11, 12, 13]))
        #expect(try m[-1] == Tensor([20, 21, 22, 23]))
        #expect(try m[2, 1].item == 21)
        #expect(try m[2, -1].shape == [])
        #expect(throws: TensorError.indexOutOfRange(operation: "subscript", index: 3, axis: 0, size: 3)) { try m[3] }
        #expect(throws: TensorError.self) { try m[0, 0, 0] }
    }

    @Test func rangesAndStrides() throws {
        #expect(try m[1..<3].shape == [2, 4])
        #expect(try m[1...].scalars == Array(m.scalars[4...]))
        #expect(try m[..<1] == Tensor([[0, 1, 2, 3]]))
        #expect(try m[0...1, 2] == Tensor([2, 12]))
        #expect(try m[TensorIndex.all, 1..<3] == Tensor([[1, 2], [11, 12], [21, 22]]))
        #expect(try m[TensorIndex.all, TensorIndex.stride(nil, nil, by: 2)] == Tensor([[0, 2], [10, 12], [20, 22]]))
        #expect(try m[TensorIndex.stride(0, 3, by: 2), 3] == Tensor([3, 23]))
        #expect(try m[(-2)...(-1), 0] == Tensor([10, 20]))
        #expect(try m[2..<2].shape == [0, 4])
        #expect(throws: TensorError.self) { try m[0..<4] }
        #expect(throws: TensorError.self) { try m[TensorIndex.stride(0, 2, by: 0)] }
    }

    @Test func ellipsisAndNewAxes() throws {
        let x = try Tensor.arange(24).reshaped([2, 3, 4])
        #expect(try x[TensorIndex.ellipsis, 1].shape == [2, 3])
        #expect(try x[TensorIndex.ellipsis, 1] == x[TensorIndex.all, TensorIndex.all, 1])
        #expect(try x[0, TensorIndex.ellipsis].shape == [3, 4])
        #expect(try x[TensorIndex.newAxis, 0].shape == [1, 3, 4])
        #expect(try x[0, TensorIndex.newAxis, 1].shape == [1, 4])
    }

    @Test func theSpellingsStudentsBringFromNumPy() throws {
        let x = try Tensor.arange(24).reshaped([2, 3, 4])
        // x[..., 1] and x[None, 0:3]
        #expect(try x[..., 1] == x[TensorIndex.ellipsis, 1])
        #expect(try x[..., 1] == Tensor([[1, 5, 9], [13, 17, 21]]))
        #expect(try x[...] == x)
        #expect(try x[..., 0..<2, 3] == Tensor([[3, 7], [15, 19]]))
        #expect(try x[nil, 0..<1].shape == [1, 1, 3, 4])
        #expect(try x[..., nil].shape == [2, 3, 4, 1])
        #expect(try x[0, nil, 2] == Tensor([[8, 9, 10, 11]]))
        #expect(throws: TensorError.self) { try x[..., 4] }
        #expect(throws: TensorError.self) { try x[..., 0, 0, 0, 0] }
    }

    @Test func replacingARegion() throws {
        #expect(try m.replacing(0, with: 5)[0] == Tensor([5, 5, 5, 5]))
        #expect(try m.replacing(TensorIndex.all, 0, with: Tensor([7, 8, 9]))[TensorIndex.all, 0] == Tensor([7, 8, 9]))
        var copy = m
        try copy.replace(1..<3, 1..<3, with: try Tensor([[-1, -2], [-3, -4]]))
        #expect(try copy[1] == Tensor([10, -1, -2, 13]))
        #expect(try m[1] == Tensor([10, 11, 12, 13]))
        #expect(throws: TensorError.self) { try m.replacing(0, with: Tensor([1, 2])) }
    }
}
