import Foundation
import Testing
@testable import Tensors

@Suite("Shape operations")
struct ShapeTests {
    let m = try! Tensor([[1, 2, 3], [4, 5, 6]])

    @Test func reshape() throws {
        #expect(try m.reshaped([3, 2]).scalars == m.scalars)
        #expect(try m.reshaped([-1]).shape == [6])
        #expect(try m.reshaped([3, -1]).shape == [3, 2])
        #expect(throws: TensorError.shapeMismatch(operation: "reshape", lhs: [2, 3], rhs: [4, 2])) { try m.reshaped([4, 2]) }
        #expect(throws: TensorError.self) { try m.reshaped([-1, -1]) }
        #expect(m.flattened().shape == [6])
    }

    @Test func transposeAndPermute() throws {
        #expect(m.T == (try Tensor([[1, 4], [2, 5], [3, 6]])))
        #expect(Tensor([1, 2]).T == Tensor([1, 2]))
        let x = try Tensor.arange(24).reshaped([2, 3, 4])
        let p = try x.permuted([2, 0, 1])
        #expect(p.shape == [4, 2, 3])
        for i in 0..<2 { for j in 0..<3 { for k in 0..<4 {
            #expect(p.scalars[k * 6 + i * 3 + j] == x.scalars[i * 12 + j * 4 + k])
        } } }
        #expect(try x.transposed(0, 2).shape == [4, 3, 2])
        #expect(x.transposed().shape == [4, 3, 2])
        #expect(throws: TensorError.self) { try x.permuted([0, 0, 1]) }
        let big = try Tensor.arange(70 * 45).reshaped([70, 45])
        #expect(big.T.T == big)
    }

    @Test func unitAxes() throws {
        #expect(try m.expandedDimensions(axis: 0).shape == [1, 2, 3])
        #expect(try m.expandedDimensions(axis: -1).shape == [2, 3, 1])
        #expect(try Tensor.zeros([1, 3, 1]).squeezed().shape == [3])
        #expect(try Tensor.zeros([1, 3, 1]).squeezed(axis: 2).shape == [1, 3])
        #expect(throws: TensorError.self) { try m.squeezed(axis: 0) }
    }

    @Test func broadcastTo() throws {
        #expect(try Tensor([1, 2]).broadcast(to: [2, 2]) == Tensor([[1, 2], [1, 2]]))
        #expect(try Tensor([[1], [2]]).broadcast(to: [2, 3]) == Tensor([[1, 1, 1], [2, 2, 2]]))
        #expect(throws: TensorError.self) { try Tensor([1, 2]).broadcast(to: [3]) }
    }
}
