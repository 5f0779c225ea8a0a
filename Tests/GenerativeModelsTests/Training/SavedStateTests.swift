import GenerativeModels
import NeuralNetworks
import Tensors
import Testing

/// `savedState()` then `restore()`: after more training in between, the model answers exactly
/// as it did when the state was saved (and the training really changed it, so the test can fail).
struct SavedStateTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let testDescription: String
        /// Makes and fits a model; returns how to save it, how to train it further, and what it answers.
        let make: @Sendable () throws -> (save: () -> SavedState, train: () throws -> Void, answer: () throws -> [Double])
    }

    static let x = try! Dataset.blobs(count: 60, centers: 2, noise: 0.6, seed: 3)
    static let bits = try! Tensor((0..<24).map { Double(($0 * 7) % 3 == 0 ? 1 : 0) }).reshaped([6, 4])

    static let cases: [Case] = [
        Case(testDescription: "Autoencoder") {
            let m = try Autoencoder(widths: [2, 4, 1], seed: 1)
            try m.fit(x.x, epochs: 2, batchSize: 16)
            return ({ m.savedState() }, { try m.fit(x.x * 3, epochs: 3, batchSize: 8) },
                    { try m.reconstruct(x.x).scalars + [Double(m.history["loss"].count)] })
        },
        Case(testDescription: "VQVAE") {
            let m = try VQVAE(inputSize: 4, latentCount: 2, codeSize: 2, codebookSize: 4, hiddenSizes: [8], seed: 1)
            return ({ m.savedState() }, { try m.fit(bits, epochs: 3, batchSize: 3) },
                    { try m.reconstruct(bits).scalars + m.codeFrequencies.scalars + [Double(m.history["loss"].count)] })
        },
        Case(testDescription: "GaussianClassifier") {
            let m = GaussianClassifier()
            try m.fit(x)
            let other = try Dataset.blobs(count: 60, centers: 3, noise: 1.5, seed: 9)
            return ({ m.savedState() }, { try m.fit(other) }, { try m.predictProbabilities(x.x).scalars })
        },
        Case(testDescription: "LogisticRegression") {
            let m = LogisticRegression()
            try m.fit(x, epochs: 2)
            return ({ m.savedState() }, { try m.fit(x, epochs: 5, learningRate: 0.5) },
                    { try m.predictProbabilities(x.x).scalars + [Double(m.history["loss"].count)] })
        },
        Case(testDescription: "Adam") {
            let layer = try Linear(2, 1, using: RandomGenerator(seed: 1))
            let adam = Adam(learningRate: 0.1)
            func step() throws {
                let g = try valueAndGrad(model: layer) { try layer(x.x).square().mean() }
                try adam.update(g.gradients)
            }
            try step()
            return ({ let a = adam.savedState(), l = layer.savedState(); return SavedState { a.restore(); l.restore() } },
                    { for _ in 0..<3 { try step() } },
                    // Where one more step from the saved state lands depends on the moments too.
                    { let a = adam.savedState(), l = layer.savedState(); defer { a.restore(); l.restore() }
                      try step(); return layer.weight.scalars + [Double(adam.step)] })
        },
    ]

    @Test(arguments: cases) func restoringUndoesLaterTraining(_ c: Case) throws {
        let (save, train, answer) = try c.make()
        let expected = try answer()
        let state = save()
        try train()
        #expect(try answer() != expected, "training did not change \(c.testDescription)")
        state.restore()
        #expect(try answer() == expected)
        try train()
        state.restore()
        #expect(try answer() == expected, "a second restore")
    }
}
