import Testing
@testable import Tensors

@Suite("valueAndGrad and grad")
struct DifferentiationTests {
    @Test func gradientOfASumOfSquares() throws {
        let x = Tensor([1, -2, 3])
        let (value, gradient) = try valueAndGrad(at: x) { $0.square().sum() }
        #expect(try value.item == 14)
        #expect(gradient == Tensor([2, -4, 6]))
        #expect(!value.isTracked && !gradient.isTracked)
    }

    @Test func severalInputsAndUnusedOnes() throws {
        let (value, gradients) = try valueAndGrad(at: [Tensor([2]), Tensor([3]), Tensor([5, 5])]) { v in
            try (v[0] * v[1]).sum()
        }
        #expect(try value.item == 6)
        #expect(gradients[0] == Tensor([3]))
        #expect(gradients[1] == Tensor([2]))
        #expect(gradients[2] == Tensor([0, 0]))
    }

    /// A result of one element in any shape ([1], [1, 1], []) is differentiated as that element,
    /// as PyTorch's `backward()` does; before, a result of shape [1] ended the process.
    @Test func oneElementResultsOfAnyShape() throws {
        #expect(try grad(at: Tensor([1.0])) { $0 * 2 } == Tensor([2]))
        #expect(try grad(at: Tensor([[3.0]])) { try $0 * $0 } == Tensor([[6]]))
        #expect(try grad(at: Tensor(3.0)) { try $0 * Tensor([2.0]) } == Tensor(2))
        #expect(try grad(at: Tensor([2.0])) { try ($0 * Tensor(5.0)).reshaped([1, 1]) } == Tensor([5]))
        let (value, gradients) = try valueAndGrad(at: [Tensor(2.0), Tensor([3.0])]) { try $0[0] * $0[1] }
        #expect(value == Tensor([6]))
        #expect(gradients == [Tensor(3), Tensor([2])])
    }

    @Test func reusedTensorsAccumulateGradients() throws {
        let g = try grad(at: Tensor([3])) { x in try (x * x * x + x).sum() }
        #expect(g == Tensor([28]))
    }

    @Test func identityAndConstantFunctions() throws {
        #expect(try grad(at: Tensor(4)) { $0 } == Tensor(1))
        // A result that does not depend on the input is refused, as PyTorch refuses it.
        #expect(throws: TensorError.self) { try grad(at: Tensor([1, 2])) { _ in Tensor(7) } }
    }

    /// Values read out as plain numbers and put back into a tensor cut the graph: refused, naming
    /// the read, never a gradient of zeros.
    @Test func aCutGraphIsAnErrorThatNamesTheCut() throws {
        let x = Tensor([1.0, 2])
        do {
            _ = try grad(at: x) { x in
                x.noteReadAsNumbers(by: "`.scalars`")
                return Tensor(x.scalars.map { $0 * $0 }).sum()
            }
            Issue.record("a cut graph was differentiated")
        } catch let error as TensorError {
            #expect("\(error)".contains("`.scalars`"), "\(error)")
        }
        // One input cut off while another reaches the result: refused too.
        #expect(throws: TensorError.self) {
            try grad(at: [x, x]) { v in
                v[1].noteReadAsNumbers(by: "`.item`")
                return try (v[0] * Tensor(try v[1].sum().item)).sum()
            }
        }
        // Reading values for a print without using them changes nothing.
        let g = try grad(at: x) { x in
            x.noteReadAsNumbers(by: "`.scalars`")
            return try (x * x).sum()
        }
        #expect(g == Tensor([2, 4]))
    }

    @Test func functionFormsMatchTheDirectForms() throws {
        let f: (Tensor) throws -> Tensor = { try ($0.exp() * 2).sum() }
        let x = Tensor([0.1, 0.2])
        #expect(try grad(f)(x) == grad(at: x, f))
        #expect(try valueAndGrad(f)(x).value == f(x))
    }

    @Test func nonScalarOutputsThrow() {
        #expect(throws: TensorError.self) { try grad(at: Tensor([1, 2])) { $0 * 2 } }
    }

    @Test func errorsInsideTheFunctionPropagate() {
        #expect(throws: TensorError.shapeMismatch(operation: "add", lhs: [2], rhs: [3])) {
            try grad(at: Tensor([1, 2])) { try ($0 + Tensor([1, 2, 3])).sum() }
        }
    }

    @Test func nestedDifferentiationIsReported() {
        #expect(throws: TensorError.self) {
            try grad(at: Tensor([1.0])) { x in
                let inner = try grad(at: x) { y in y.square().sum() }
                return inner.sum()
            }
        }
        #expect(throws: TensorError.self) {
            try grad(at: Tensor([1.0])) { x in
                let inner = try grad(at: Tensor([2.0])) { y in try (y * x).sum() }
                return try (inner * x).sum()
            }
        }
    }

    @Test func tensorsOutsideDifferentiationAreNotTracked() throws {
        let x = Tensor([1, 2])
        #expect(!(try x + x).isTracked)
        var captured: Tensor?
        _ = try grad(at: x) { v in
            captured = v
            #expect(v.isTracked)
            #expect(v.detached.isTracked == false)
            return v.sum()
        }
        #expect(captured?.isTracked == true)
    }

    @Test func inPlaceMutationLeavesTheTape() throws {
        var x = Tensor([1, 2])
        _ = try grad(at: x) { v in
            var w = v
            w.withUnsafeMutableBufferPointer { $0[0] = 5 }
            #expect(!w.isTracked)
            return v.sum()
        }
        x.withUnsafeMutableBufferPointer { $0[1] = 9 }
        #expect(x.scalars == [1, 9])
    }
}
