import Foundation
import Testing
import Tensors
import GenerativeModels

@Suite("Nearest-neighbour distances")
struct NearestNeighbourDistancesTests {
    @Test("each point's distance to its nearest reference point, as a direct search finds it")
    func matchesDirectSearch() throws {
        let rng = RandomGenerator(seed: 7)
        let points = try Tensor.randomNormal([600, 4], using: rng)  // more than one block of 512
        let reference = try Tensor.randomNormal([50, 4], using: rng)
        let distances = try Evaluation.nearestNeighbourDistances(points, to: reference)
        #expect(distances.shape == [600])
        for i in stride(from: 0, to: 600, by: 37) {
            let p = points.scalars[(i * 4)..<(i * 4 + 4)]
            let best = (0..<50).map { j in
                zip(p, reference.scalars[(j * 4)..<(j * 4 + 4)]).map { ($0 - $1) * ($0 - $1) }.reduce(0, +).squareRoot()
            }.min()!
            #expect(abs(distances.scalars[i] - best) < 1e-9)
        }
    }

    @Test("a point set is at distance zero from itself")
    func selfDistance() throws {
        let x = try Tensor([[0, 0], [3, 4], [1, 1]])
        let d = try Evaluation.nearestNeighbourDistances(x, to: x)
        #expect(d.scalars.allSatisfy { $0 < 1e-7 })
        let far = try Evaluation.nearestNeighbourDistances(try Tensor([[6.0, 8.0]]), to: x)
        #expect(abs(far.scalars[0] - 5) < 1e-12)
    }
}
