import Testing
@testable import Tensors

@Suite("Tensor: construction, value semantics, printing")
struct TensorTests {
    /// Four words: the shape, the elements, and the tape node or mask flag in one field. Every
    /// tape entry and gradient array holds tensors, so a fifth word costs each tracked operation.
    @Test func aTensorIsFourWords() {
        #expect(MemoryLayout<Tensor>.size == 32)
        #expect(MemoryLayout<Tensor?>.size == 32)
    }

    @Test func shapeAndDataInitialiser() throws {
        let t = try Tensor(shape: [2, 3], data: [1, 2, 3, 4, 5, 6])
        #expect(t.shape == [2, 3])
        #expect(t.rank == 2)
        #expect(t.count == 6)
        #expect(t.scalars == [1, 2, 3, 4, 5, 6])
    }

    @Test func shapeAndDataMismatchThrows() {
        #expect(throws: TensorError.invalidShape(operation: "Tensor(shape:data:)", shape: [2, 3], reason: "needs 6 elements but 5 were given")) {
            try Tensor(shape: [2, 3], data: [1, 2, 3, 4, 5])
        }
        #expect(throws: TensorError.self) { try Tensor(shape: [-1, 3], data: []) }
    }

    @Test func nestedArrays() throws {
        #expect(try Tensor([[1, 2], [3, 4]]) == Tensor(shape: [2, 2], data: [1, 2, 3, 4]))
        #expect(try Tensor([[1.5, 2], [3, 4]]).scalars == [1.5, 2, 3, 4])
        #expect(try Tensor([[[1, 2]], [[3, 4]]]).shape == [2, 1, 2])
        #expect(Tensor([1, 2, 3]).shape == [3])
        #expect(Tensor(7).shape == [])
        #expect(try Tensor([[Double]]()).shape == [0, 0])
        #expect(try Tensor([[[Double]]]()).shape == [0, 0, 0])
    }

    @Test func raggedNestedArraysThrow() {
        #expect(throws: TensorError.self) { try Tensor([[1, 2], [3]]) }
        #expect(throws: TensorError.self) { try Tensor([[[1.0, 2]], [[3.0], [4]]]) }
    }

    @Test func itemNeedsOneElement() throws {
        #expect(try Tensor(3.5).item == 3.5)
        #expect(try Tensor([[2]]).item == 2)
        #expect(throws: TensorError.self) { try Tensor([1, 2]).item }
    }

    @Test func valueSemantics() throws {
        let a = Tensor([1, 2, 3])
        var b = a
        try b.replace(0, with: 9)
        #expect(a.scalars == [1, 2, 3])
        #expect(b.scalars == [9, 2, 3])
    }

    @Test func equalityComparesShapeAndValues() throws {
        #expect(Tensor([1, 2, 3, 4]) != (try Tensor([[1, 2], [3, 4]])))
        #expect(try Tensor([[1, 2], [3, 4]]) == Tensor([[1, 2], [3, 4]]))
    }

    @Test(arguments: [
        (Tensor(3), "3"),
        (Tensor([1, 2, 3]), "[1, 2, 3]"),
        (Tensor([0.5, -1.25]), "[ 0.5000, -1.2500]"),
        (Tensor([1e-7, 1]), "[1.0000e-07, 1.0000e+00]"),
        (Tensor([Double.nan, .infinity, 1]), "[nan, inf,   1]"),
    ])
    func description(_ t: Tensor, _ expected: String) {
        #expect(t.description == expected)
    }

    @Test func matrixDescriptionAlignsColumns() throws {
        #expect(try Tensor([[1, 20], [300, 4]]).description == "[[  1,  20],\n [300,   4]]")
        #expect(try Tensor([[[1, 2]], [[3, 4]]]).description == "[[[1, 2]],\n\n [[3, 4]]]")
    }

    @Test func longTensorsAreSummarised() throws {
        let t = try Tensor.arange(2000)
        #expect(t.description == "[   0,    1,    2, …, 1997, 1998, 1999]")
    }
}

/// Inputs a notebook author can get wrong must throw, never trap (overflow, huge sizes, odd strides).
@Suite("Hostile inputs throw instead of crashing")
struct HostileInputTests {
    @Test func overflowingSizes() throws {
        #expect(throws: TensorError.self) { try Tensor.arange(0, 1e300) }
        #expect(throws: TensorError.self) { try Tensor.arange(0, .infinity) }
        #expect(throws: TensorError.self) { try Tensor.zeros([0]).reshaped([Int.max, 4, 0]) }
        #expect(throws: TensorError.self) { try Tensor.zeros([0]).reshaped([1 << 62, 4, -1]) }
        #expect(throws: TensorError.self) { try RandomGenerator(seed: 1).permutation(-1) }
        #expect(throws: TensorError.self) { try RandomGenerator(seed: 1).permutation(Int.max) }
        #expect(throws: TensorError.self) { try Tensor.zeros([2]).broadcast(to: [Int.max, 2]) }
        #expect(throws: TensorError.self) { try Tensor.zeros([1, 1 << 20]) • Tensor.zeros([1 << 20, 1]).broadcast(to: [1 << 20, 1 << 20]) }
    }

    @Test func extremeIndices() throws {
        let x = try Tensor.arange(10)
        #expect(try x[TensorIndex.stride(0, 10, by: Int.max)] == Tensor([0]))
        #expect(throws: TensorError.self) { try x[Int.min] }
        #expect(throws: TensorError.self) { try x[Int.max] }
        #expect(throws: TensorError.self) { try x.take([Int.min]) }
        #expect(throws: TensorError.self) { try x.take(Tensor([1e300])) }
        #expect(throws: TensorError.self) { try x.oneHot(classes: Int.max) }
    }
}
