import Foundation
import Testing
@testable import Tensors

@Suite("Reductions")
struct ReductionTests {
    /// A 2×3×4 tensor with x[i][j][k] = 100i + 10j + k.
    let x: Tensor = {
        var data: [Double] = []
        for i in 0..<2 { for j in 0..<3 { for k in 0..<4 { data.append(Double(100 * i + 10 * j + k)) } } }
        return try! Tensor(shape: [2, 3, 4], data: data)
    }()

    /// The sum along `axis` computed with explicit loops.
    func naiveSum(axis: Int) -> [Double] {
        var result: [Double] = []
        let s = x.shape
        let ranges = (0..<3).map { $0 == axis ? 0..<1 : 0..<s[$0] }
        for i in ranges[0] { for j in ranges[1] { for k in ranges[2] {
            var total = 0.0
            for t in 0..<s[axis] {
                var index = [i, j, k]
                index[axis] = t
                total += x.scalars[index[0] * 12 + index[1] * 4 + index[2]]
            }
            result.append(total)
        } } }
        return result
    }

    @Test(arguments: [0, 1, 2])
    func sumAndMeanAlongEachAxis(_ axis: Int) throws {
        var kept = x.shape
        kept[axis] = 1
        var dropped = x.shape
        dropped.remove(at: axis)
        #expect(try x.sum(axis: axis).scalars == naiveSum(axis: axis))
        #expect(try x.sum(axis: axis).shape == dropped)
        #expect(try x.sum(axis: axis, keepDims: true).shape == kept)
        #expect(try x.sum(axis: axis - 3).scalars == naiveSum(axis: axis))
        #expect(try x.mean(axis: axis).scalars == naiveSum(axis: axis).map { $0 / Double(x.shape[axis]) })
    }

    @Test func sumOverSeveralAxesAndAll() throws {
        var expected = [0.0, 0, 0]
        for i in 0..<2 { for j in 0..<3 { for k in 0..<4 { expected[j] += Double(100 * i + 10 * j + k) } } }
        #expect(try x.sum(axes: [0, 2]).scalars == expected)
        #expect(try x.sum().item == x.scalars.reduce(0, +))
        #expect(x.sum().shape == [])
        #expect(try x.mean().item == x.scalars.reduce(0, +) / 24)
        #expect(throws: TensorError.axisOutOfRange(operation: "sum", axis: 3, rank: 3)) { try x.sum(axis: 3) }
    }

    @Test func varianceAndStandardDeviation() throws {
        let v = Tensor([1, 2, 3, 4])
        #expect(try v.variance().item == 1.25)
        #expect(try v.variance(correction: 1).item == 5.0 / 3)
        #expect(try v.standardDeviation().item == 1.25.squareRoot())
        let m = try Tensor([[1, 3], [5, 11]])
        #expect(try m.variance(axis: 0).scalars == [4, 16])
        #expect(try m.variance(axis: 1, keepDims: true).scalars == [1, 9])
    }

    @Test func extremesAndTheirPositions() throws {
        let m = try Tensor([[3, 7, 7], [9, -1, 2]])
        #expect(try m.max().item == 9)
        #expect(try m.min().item == -1)
        #expect(try m.max(axis: 0).scalars == [9, 7, 7])
        #expect(try m.max(axis: 1, keepDims: true).shape == [2, 1])
        #expect(try m.min(axis: 1).scalars == [3, -1])
        #expect(try m.argmax(axis: 1).scalars == [1, 0])
        #expect(try m.argmin(axis: 0).scalars == [0, 1, 1])
        #expect(try m.argmax() == 3)
        #expect(try m.argmin() == 4)
        #expect(throws: TensorError.self) { try Tensor.zeros([0]).max() }
        #expect(try Tensor([1, .nan, 3]).max().item.isNaN)
    }

    @Test func logSumExpIsStableAndCorrect() throws {
        let v = Tensor([1000, 1000])
        #expect(try v.logSumExp().item == 1000 + Foundation.log(2))
        let m = try Tensor([[0, Foundation.log(3)], [-1000, -1000]])
        let l = try m.logSumExp(axis: 1)
        #expect(Swift.abs(l.scalars[0] - Foundation.log(4)) < 1e-15)
        #expect(l.scalars[1] == -1000 + Foundation.log(2))
        #expect(try Tensor([-.infinity, -.infinity]).logSumExp().item == -.infinity)
    }

    @Test func softmaxRowsSumToOne() throws {
        let m = try Tensor([[1, 2, 3], [1000, 1000, 0]])
        let s = try m.softmax()
        for row in 0..<2 {
            #expect(Swift.abs(s.scalars[(row * 3)..<(row * 3 + 3)].reduce(0, +) - 1) < 1e-15)
        }
        #expect(Swift.abs(s.scalars[3] - 0.5) < 1e-15)
        let e = [1.0, 2, 3].map { Foundation.exp($0) }
        #expect(Swift.abs(s.scalars[2] - e[2] / e.reduce(0, +)) < 1e-15)
        #expect(try m.logSoftmax().scalars[5] < -999)
    }
}
