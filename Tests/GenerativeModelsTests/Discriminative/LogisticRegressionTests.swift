import Foundation
import NeuralNetworks
import Testing
import Tensors
@testable import GenerativeModels

@Suite struct LogisticRegressionTests {
    @Test func classifiesBlobsAndRecordsItsLoss() throws {
        let (train, test) = try Dataset.blobs(count: 600, centers: 3, noise: 0.5, seed: 3).split(testFraction: 0.3, seed: 1)
        let model = LogisticRegression()
        var steps = 0
        try model.fit(train, epochs: 20, batchSize: 64, learningRate: 0.1, seed: 2) { progress in
            steps += 1
            #expect(progress.step == steps && progress.totalSteps == 20 * 7 && progress.loss.isFinite)
        }
        #expect(steps == 140)
        #expect(try model.accuracy(test) > 0.97)
        #expect(model.history["loss"].count == 20)
        #expect(model.history["loss"].last! < model.history["loss"].first!)
    }

    @Test func fullBatchTrainingReachesTheOptimum() throws {
        // At the minimum of the (convex, penalised) loss the gradient vanishes; Adam with a constant step
        // hovers near it, so the gradient falls by orders of magnitude from its value at zero weights (~0.3).
        let data = try Dataset.moons(count: 200, noise: 0.3, seed: 1)
        let model = LogisticRegression(l2: 0.1)
        try model.fit(data, epochs: 1500, batchSize: 200, learningRate: 0.01)
        let (_, grads) = try valueAndGrad(model: model) {
            try Loss.crossEntropy(logits: Tensor.affine(data.x, model.weight, model.bias), labels: data.labelTensor)
                + 0.05 * model.weight.square().sum()
        }
        #expect(grads.globalNorm < 1e-3)
    }

    @Test func sameSeedSameBits() throws {
        let data = try Dataset.blobs(count: 100, seed: 1)
        let a = LogisticRegression(), b = LogisticRegression()
        try a.fit(data, epochs: 3, batchSize: 16, seed: 9)
        try b.fit(data, epochs: 3, batchSize: 16, seed: 9)
        #expect(a.weight.scalars.map(\.bitPattern) == b.weight.scalars.map(\.bitPattern))
    }

    @Test func progressErrorStopsTraining() throws {
        struct Stop: Error {}
        let model = LogisticRegression()
        var calls = 0
        #expect(throws: Stop.self) {
            try model.fit(Dataset.blobs(count: 100, seed: 1), epochs: 10, batchSize: 10) { _ in
                calls += 1
                if calls == 3 { throw Stop() }
            }
        }
        #expect(calls == 3)
    }

    @Test func checkpointRoundTrip() throws {
        let data = try Dataset.blobs(count: 100, seed: 1)
        let model = LogisticRegression()
        try model.fit(data, epochs: 2)
        let path = temporaryPath("logreg.ckpt")
        try Checkpoint.save(model, to: path)
        let loaded = try LogisticRegression(features: 2, classes: 3)
        try Checkpoint.load(into: loaded, from: path)
        #expect(try loaded.predict(data.x) == model.predict(data.x))
    }

    @Test func misuseThrowsModelErrors() throws {
        let model = LogisticRegression()
        #expect(throws: ModelError.notFitted(model: "LogisticRegression", method: "logits")) { try model.predict(Tensor([[1.0]])) }
        #expect(throws: ModelError.self) { try model.fit(Tensor([[1.0]]), labels: [0], learningRate: -1) }
        #expect(throws: ModelError.self) { try model.fit(Tensor([[1.0]]), labels: [0], batchSize: 0) }
        #expect(throws: ModelError.self) { try model.fit(Tensor([[Double.nan]]), labels: [0]) }
    }
}
