import Foundation
import NeuralNetworks
import Testing
import Tensors
@testable import GenerativeModels

@Suite struct PixelCNNTests {
    @Test("The logit of pixel i depends only on pixels before i, exactly on those the receptive field marks",
          arguments: [false, true])
    func logitsDependOnlyOnEarlierPixelsInTheReceptiveField(positionBias: Bool) throws {
        let model = try PixelCNN(height: 5, width: 6, channels: 4, layers: 2, positionBias: positionBias, seed: 3)
        // The biases start at zero; make them matter (small, so that no pixel's units all switch off).
        for (i, layer) in model.positionBiases.enumerated() {
            layer.bias = try Tensor.randomNormal([4, 5, 6], using: RandomGenerator(seed: UInt64(20 + i))) * 0.1
        }
        let x = try Tensor.randomUniform([6, 30], using: RandomGenerator(seed: 1))
        for i in [0, 7, 14, 29] {
            var reach = [Double](repeating: 0, count: 30)
            for r in 0..<6 {
                let g = try grad(at: x[r..<(r + 1)]) { try model.logits($0)[0, i] }
                for j in 0..<30 { reach[j] += abs(g.scalars[j]) }
            }
            let field = try model.receptiveField(row: i / 6, column: i % 6).scalars
            for j in 0..<30 {
                if j >= i { #expect(reach[j] == 0 && field[j] == 0, "pixel \(i) must not see pixel \(j)") }
                if reach[j] != 0 { #expect(field[j] == 1, "pixel \(i) sees pixel \(j) outside its receptive field") }
                if field[j] == 1 { #expect(reach[j] != 0, "pixel \(j) in the field of \(i) has no influence") }
            }
        }
    }

    @Test("Stacked masked layers leave a blind spot: earlier pixels to the right, just above, are never seen")
    func receptiveFieldHasTheBlindSpot() throws {
        let model = try PixelCNN(height: 8, width: 8, channels: 2, layers: 4, seed: 1)
        let field = try model.receptiveField(row: 6, column: 3)
        // The field grows up and to the left and right with every layer, but to the right only through rows
        // above, one column per layer: the pixels just above and far to the right stay unseen.
        #expect(field.scalars.reduce(0, +) > 10)
        #expect(try field[6, 2].item == 1 && field[6, 3].item == 0 && field[6, 4].item == 0)
        let blindSpot = (0..<64).filter { p in p < 6 * 8 + 3 && field.scalars[p] == 0 }
        #expect(!blindSpot.isEmpty)
        #expect(blindSpot == [4 * 8 + 7, 5 * 8 + 6, 5 * 8 + 7], "earlier in raster order but unseen")
        #expect(throws: ModelError.self) { try model.receptiveField(row: 8, column: 0) }
    }

    @Test(arguments: [false, true])
    func likelihoodIsNormalisedOverAllBinaryImages(positionBias: Bool) throws {
        let model = try PixelCNN(height: 3, width: 3, channels: 4, layers: 1, firstKernel: 3, positionBias: positionBias, seed: 2)
        let all = try Tensor((0..<512).map { n in (0..<9).map { Double((n >> $0) & 1) } })
        try model.fit(all.take([1, 3, 7, 15, 31, 63, 127, 511], axis: 0), epochs: 3, batchSize: 4, seed: 1)
        let total = try model.logLikelihood(all).logSumExp().item
        #expect(abs(total) < 1e-12)
    }

    @Test func earlyStoppingKeepsTheBestValidationEpoch() throws {
        let digits = try Dataset.digits().binarized
        let model = try PixelCNN(channels: 8, layers: 1, seed: 1)
        try model.fit(digits[0..<200], validation: digits[200..<260], epochs: 40, batchSize: 50, learningRate: 1e-2, patience: 3, seed: 2)
        let curve = model.history["validation"]
        #expect(model.history["loss"].count == curve.count)
        #expect(model.bestEpoch == curve.firstIndex(of: curve.min()!)! + 1)
        #expect(curve.count == 40 || curve.count == model.bestEpoch + 3, "stops 3 epochs after the best one")
        #expect(abs(try model.negativeLogLikelihood(digits[200..<260]) - curve.min()!) < 1e-9, "the best parameters are restored")
        #expect(curve.min()! < 30)
    }

    @Test func samplesAreBinaryReproducibleAndCheckpointsRoundTrip() throws {
        let data = try Dataset.digits().binarized[0..<64]
        let a = try PixelCNN(channels: 4, layers: 1, seed: 1), b = try PixelCNN(channels: 4, layers: 1, seed: 1)
        try a.fit(data, epochs: 1, batchSize: 32, seed: 2)
        try b.fit(data, epochs: 1, batchSize: 32, seed: 2)
        #expect(a.parameters.map { $0.scalars.map(\.bitPattern) } == b.parameters.map { $0.scalars.map(\.bitPattern) })
        var passes = 0
        let s = try a.sample(5, seed: 4) { _ in passes += 1 }
        #expect(passes == 64 && s.shape == [5, 64] && s.scalars.allSatisfy { $0 == 0 || $0 == 1 })
        #expect(try a.sample(5, seed: 4) == s)
        let path = temporaryPath("pixelcnn.ckpt")
        try Checkpoint.save(a, to: path)
        let c = try PixelCNN(channels: 4, layers: 1, seed: 9)
        try Checkpoint.load(into: c, from: path)
        #expect(try c.logLikelihood(data) == a.logLikelihood(data))
        // save(to:) keeps the training record too.
        try a.fit(data, validation: data[0..<16], epochs: 2, batchSize: 32, patience: nil, seed: 3)
        try a.save(to: path)
        let d = try PixelCNN(channels: 4, layers: 1, seed: 9)
        try d.load(from: path)
        #expect(d.history == a.history && d.bestEpoch == a.bestEpoch && d.bestEpoch > 0)
        #expect(try d.logLikelihood(data) == a.logLikelihood(data))
        #expect(throws: (any Error).self) { try PixelCNN(channels: 5, layers: 1).load(from: path) }
    }

    @Test("A bias per map and pixel after every masked layer: named, trained, saved; zero at the start, so the same network")
    func positionBiasIsAParameterOfEveryMaskedLayer() throws {
        let plain = try PixelCNN(channels: 4, layers: 2, seed: 1), biased = try PixelCNN(channels: 4, layers: 2, positionBias: true, seed: 1)
        #expect(!plain.positionBias && biased.positionBias)
        #expect(Set(biased.namedParameters.map(\.name)).subtracting(plain.namedParameters.map(\.name))
                == ["first.positionBias", "residual.0.positionBias", "residual.1.positionBias"])
        #expect(biased.parameterCount == plain.parameterCount + 3 * 4 * 64)
        let data = try Dataset.digits().binarized[0..<64]
        #expect(try biased.logLikelihood(data) == plain.logLikelihood(data), "a zero bias changes nothing")
        try biased.fit(data, epochs: 2, batchSize: 32, seed: 2)
        #expect(biased.positionBiases.allSatisfy { $0.bias.scalars.contains { $0 != 0 } }, "training moves every bias")
        let path = temporaryPath("pixelcnn-position.ckpt")
        try biased.save(to: path)
        let reloaded = try PixelCNN(channels: 4, layers: 2, positionBias: true, seed: 7)
        try reloaded.load(from: path)
        #expect(try reloaded.logLikelihood(data) == biased.logLikelihood(data))
        #expect(throws: (any Error).self) { try plain.load(from: path) }
    }

    @Test("Dropout acts in training only: reproducible for a seed, different from no dropout, absent from the likelihood")
    func dropoutActsInTrainingOnly() throws {
        let data = try Dataset.digits().binarized[0..<64]
        func trained(_ dropout: Double) throws -> PixelCNN {
            let model = try PixelCNN(channels: 4, layers: 2, dropout: dropout, seed: 1)
            try model.fit(data, epochs: 2, batchSize: 32, seed: 2)
            return model
        }
        let (a, b, plain) = (try trained(0.3), try trained(0.3), try trained(0))
        #expect(a.parameters.map { $0.scalars.map(\.bitPattern) } == b.parameters.map { $0.scalars.map(\.bitPattern) })
        #expect(a.parameters.map(\.scalars) != plain.parameters.map(\.scalars))
        #expect(try a.logLikelihood(data) == a.logLikelihood(data), "evaluation draws nothing")
        // The untrained model with and without dropout: the same network in evaluation.
        #expect(try PixelCNN(channels: 4, layers: 2, dropout: 0.5, seed: 1).logits(data) == PixelCNN(channels: 4, layers: 2, seed: 1).logits(data))
    }

    @Test func misuseThrowsModelErrors() throws {
        #expect(throws: ModelError.self) { try PixelCNN(dropout: 1) }
        #expect(throws: ModelError.self) { try PixelCNN(dropout: -0.5) }
        #expect(throws: ModelError.self) { try PixelCNN(height: 1, width: 1) }
        #expect(throws: ModelError.self) { try PixelCNN(firstKernel: 4) }
        #expect(throws: ModelError.self) { try PixelCNN(firstKernel: 1) }
        let model = try PixelCNN(channels: 2, layers: 0)
        #expect(throws: ModelError.self) { try model.logLikelihood(Tensor.zeros([2, 63])) }
        #expect(throws: ModelError.self) { try model.logLikelihood(Tensor.ones([2, 64]) * 0.5) }
        #expect(throws: ModelError.self) { try model.fit(Tensor.zeros([4, 64]), patience: 0) }
    }
}
