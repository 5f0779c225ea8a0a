import Foundation
import Testing
import Tensors
import GenerativeModels

@Suite("Mode coverage")
struct ModeCoverageTests {
    /// `perMode[j]` points exactly on ring mode j, plus `centre` points at the origin.
    func points(_ perMode: [Int], centre: Int = 0) throws -> Tensor {
        var rows: [[Double]] = []
        for (j, n) in perMode.enumerated() {
            let angle = 2 * Double.pi * Double(j) / Double(perMode.count)
            rows += Array(repeating: [2 * cos(angle), 2 * sin(angle)], count: n)
        }
        rows += Array(repeating: [0.0, 0.0], count: centre)
        return try Tensor(rows)
    }

    @Test("counts the modes holding at least the minimum share, and the share far from all", arguments: [
        ([10, 10, 10, 10, 10, 10, 10, 10], 0, 8, 0.0),
        ([80, 0, 0, 0, 0, 0, 0, 0], 0, 1, 0.0),
        ([40, 40, 0, 0, 0, 0, 0, 0], 20, 2, 0.2),
        ([76, 1, 1, 1, 1, 0, 0, 0], 0, 1, 0.0),   // 1 of 80 is below a quarter of 1/8
        ([0, 0, 0, 0, 0, 0, 0, 0], 10, 0, 1.0),
    ])
    func coverage(perMode: [Int], centre: Int, covered: Int, far: Double) throws {
        let result = try Evaluation.ringModeCoverage(try points(perMode, centre: centre))
        #expect(result.modesCovered == covered)
        #expect(abs(result.farShare - far) < 1e-12)
        #expect(result.counts == perMode)
    }

    @Test("the ring data set itself covers all 8 modes with few far points")
    func ringCoversAllModes() throws {
        let result = try Evaluation.ringModeCoverage(try Dataset.ring(count: 2000, seed: 4))
        #expect(result.modesCovered == 8)
        #expect(result.farShare < 0.03)   // a 2-D Gaussian lies beyond 3σ with probability e^(−4.5) ≈ 1.1 %
    }

    @Test("refuses a non-positive near distance")
    func errors() throws {
        #expect(throws: TensorError.self) {
            try Evaluation.modeCoverage(try Tensor.zeros([3, 2]), centers: try Tensor.zeros([1, 2]), nearDistance: 0)
        }
    }
}
