import Foundation
import NeuralNetworks
import Testing
import Tensors
@testable import GenerativeModels

@Suite struct MADETests {
    /// Every binary vector of length `d`, one per row.
    static func allBinaryVectors(_ d: Int) throws -> Tensor {
        let rows = (0..<(1 << d)).map { n in (0..<d).map { Double((n >> $0) & 1) } }
        return try Tensor(rows)
    }

    @Test(arguments: [1, 3])
    func masksMakeOutputIDependOnlyOnEarlierInputs(orderings: Int) throws {
        let d = 6
        let made = try MADE(inputs: d, hidden: [16, 16], orderings: orderings, seed: 3)
        let x = try Tensor.randomUniform([8, d], using: RandomGenerator(seed: 1))
        for k in 0..<orderings {
            let degree = made.degrees[k]
            #expect(degree.sorted() == Array(1...d))
            var allowedNonZero = 0
            for i in 0..<d {
                // Row i of the Jacobian of the logits, summed in absolute value over a batch of inputs.
                var row = [Double](repeating: 0, count: d)
                for r in 0..<8 {
                    let g = try grad(at: x[r].reshaped([1, d])) { input in try made.logits(input, ordering: k)[0, i] }
                    for j in 0..<d { row[j] += abs(g.scalars[j]) }
                }
                for j in 0..<d {
                    if degree[j] >= degree[i] {
                        #expect(row[j] == 0, "output \(i) must not depend on input \(j) (degrees \(degree[i]), \(degree[j]))")
                    } else if row[j] != 0 {
                        allowedNonZero += 1
                    }
                }
            }
            // The masks do not cut every permitted path: most of the d(d−1)/2 allowed entries are non-zero.
            #expect(allowedNonZero >= d * (d - 1) / 2 - 3)
        }
    }

    @Test(arguments: [1, 3])
    func unitDegreesExplainEveryMask(orderings: Int) throws {
        let made = try MADE(inputs: 5, hidden: [7, 6], orderings: orderings, seed: 4)
        for k in 0..<orderings {
            let layers = made.unitDegrees[k]
            #expect(layers.map(\.count) == [5, 7, 6, 5])
            #expect(layers.first == made.degrees[k] && layers.last == made.degrees[k])
            #expect(made.masks[k].count == 3)
            for (l, mask) in made.masks[k].enumerated() {
                #expect(mask.shape == [layers[l].count, layers[l + 1].count])
                let strict = l == made.masks[k].count - 1
                for i in layers[l].indices {
                    for j in layers[l + 1].indices {
                        let allowed = strict ? layers[l + 1][j] > layers[l][i] : layers[l + 1][j] >= layers[l][i]
                        #expect(try mask[i, j].item == (allowed ? 1 : 0), "layer \(l), \(i) → \(j)")
                    }
                }
            }
        }
    }

    @Test(arguments: [1, 3])
    func likelihoodIsNormalisedOverAllBinaryVectors(orderings: Int) throws {
        let made = try MADE(inputs: 5, hidden: [12], orderings: orderings, seed: 2)
        let all = try Self.allBinaryVectors(5)
        try made.fit(all.take([1, 3, 7, 15, 31, 30], axis: 0), epochs: 5, batchSize: 3, learningRate: 0.01, seed: 1)
        let total = try made.logLikelihood(all).exp().sum().item
        #expect(abs(total - 1) < 1e-12)
    }

    @Test func logLikelihoodIsTheSumOfConditionals() throws {
        let made = try MADE(inputs: 4, hidden: [8], seed: 5)
        let x = try Tensor([[1.0, 0, 1, 1], [0, 0, 0, 1]])
        let p = try made.logits(x).sigmoid()
        let ll = try made.logLikelihood(x)
        for r in 0..<2 {
            var direct = 0.0
            for i in 0..<4 {
                let pi = p.scalars[r * 4 + i]
                direct += x.scalars[r * 4 + i] == 1 ? log(pi) : log(1 - pi)
            }
            #expect(abs(ll.scalars[r] - direct) < 1e-12)
        }
    }

    @Test func trainingLowersTheNegativeLogLikelihood() throws {
        let data = try Dataset.digits().binarized[0..<200]
        let made = try MADE(inputs: 64, hidden: [32], seed: 1)
        let before = try made.negativeLogLikelihood(data)
        var steps = 0
        try made.fit(data, epochs: 3, batchSize: 50, learningRate: 5e-3, seed: 1) { _ in steps += 1 }
        #expect(steps == 12)
        #expect(made.history["loss"].count == 3)
        #expect(try made.negativeLogLikelihood(data) < before - 5)
    }

    @Test func samplesAreBinaryAndReproducible() throws {
        let made = try MADE(inputs: 8, hidden: [16], orderings: 2, seed: 1)
        let a = try made.sample(20, seed: 4)
        #expect(a.shape == [20, 8])
        #expect(a.scalars.allSatisfy { $0 == 0 || $0 == 1 })
        #expect(try made.sample(20, seed: 4) == a)
    }

    @Test func sequentialSamplingFollowsTheModelDistribution() throws {
        // With 3 variables, the frequency of each of the 8 vectors among many samples matches exp(logLikelihood).
        let made = try MADE(inputs: 3, hidden: [8], seed: 7)
        let all = try Self.allBinaryVectors(3)
        try made.fit(all.take([0, 3, 3, 7], axis: 0), epochs: 20, batchSize: 4, learningRate: 0.05, seed: 1)
        let probabilities = try made.logLikelihood(all).exp().scalars
        let samples = try made.sample(20000, seed: 3)
        var counts = [Double](repeating: 0, count: 8)
        for r in 0..<20000 {
            let code = Int(samples.scalars[3 * r]) + 2 * Int(samples.scalars[3 * r + 1]) + 4 * Int(samples.scalars[3 * r + 2])
            counts[code] += 1
        }
        for c in 0..<8 {
            let expected = probabilities[c], standardError = (expected * (1 - expected) / 20000).squareRoot()
            #expect(abs(counts[c] / 20000 - expected) < 5 * standardError + 1e-3)
        }
    }

    @Test func sameSeedSameBitsAndCheckpointRoundTrip() throws {
        let data = try Dataset.digits().binarized[0..<64]
        let a = try MADE(inputs: 64, hidden: [16], seed: 1), b = try MADE(inputs: 64, hidden: [16], seed: 1)
        try a.fit(data, epochs: 1, batchSize: 32, seed: 2)
        try b.fit(data, epochs: 1, batchSize: 32, seed: 2)
        #expect(a.parameters.map { $0.scalars.map(\.bitPattern) } == b.parameters.map { $0.scalars.map(\.bitPattern) })
        let path = temporaryPath("made.ckpt")
        try Checkpoint.save(a, to: path)
        let c = try MADE(inputs: 64, hidden: [16], seed: 1)
        try Checkpoint.load(into: c, from: path)
        #expect(try c.logLikelihood(data) == a.logLikelihood(data))
    }

    @Test func misuseThrowsModelErrors() throws {
        #expect(throws: ModelError.self) { try MADE(inputs: 1) }
        #expect(throws: ModelError.self) { try MADE(inputs: 4, hidden: []) }
        let made = try MADE(inputs: 4, hidden: [4])
        #expect(throws: ModelError.self) { try made.logLikelihood(Tensor([[0.5, 0, 1, 1]])) }
        #expect(throws: ModelError.self) { try made.fit(Tensor([[1.0, 0, 1]])) }
        #expect(throws: ModelError.self) { try made.logits(Tensor([[1.0, 0, 1, 1]]), ordering: 1) }
    }
}
