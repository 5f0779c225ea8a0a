import Foundation
import NeuralNetworks
import Testing
import Tensors
@testable import GenerativeModels

@Suite struct CharRNNTests {
    @Test(arguments: CharRNN.Cell.allCases)
    func logLikelihoodIsTheChainRuleOfItsConditionals(_ cell: CharRNN.Cell) throws {
        let model = try CharRNN(vocabularyFrom: "ab c生成", cell: cell, hidden: 6, embedding: 3, seed: 1)
        #expect(model.characters == [" ", "a", "b", "c", "成", "生"])  // by code point: 成 U+6210, 生 U+751F
        let text = "a 生b"
        var byHand = 0.0
        for (t, c) in text.enumerated() {
            let p = try model.probabilities(after: String(text.prefix(t)))
            #expect(abs(try p.sum().item - 1) < 1e-12)
            byHand += Foundation.log(p.scalars[model.characters.firstIndex(of: c)!])
        }
        #expect(abs(try model.logLikelihood(text) - byHand) < 1e-12)
        #expect(abs(try model.bitsPerCharacter(text) - (-byHand / (4 * Foundation.log(2.0)))) < 1e-12)
    }

    @Test func learnsARepeatingPatternAndBeatsTheUnigramBaseline() throws {
        let text = String(repeating: "abcab生成", count: 60)
        let model = try CharRNN(vocabularyFrom: text, hidden: 16, embedding: 8, seed: 2)
        let before = try model.bitsPerCharacter(text)
        var steps = 0
        try model.fit(text, epochs: 15, sequenceLength: 14, batchSize: 8, learningRate: 1e-2, seed: 3) { _ in steps += 1 }
        #expect(steps == 15 * 4)  // 420 characters: 30 pieces of 14, 4 batches per epoch
        #expect(model.history["loss"].count == 15)
        let after = try model.bitsPerCharacter(text)
        let unigram = try CharRNN.unigramBitsPerCharacter(train: text, test: text)
        #expect(after < 0.5 && after < before - 1.5 && unigram > 2, "bits per character \(before) → \(after), unigram \(unigram)")
        // A cold sample continues the pattern.
        let continuation = try model.sample(length: 7, temperature: 0.1, prompt: "abcab生成", seed: 4)
        #expect(continuation == "abcab生成")
    }

    @Test func samplingIsReproducibleAndTemperatureMatters() throws {
        let model = try CharRNN(vocabularyFrom: "abcdefgh", hidden: 8, embedding: 4, seed: 5)
        let a = try model.sample(length: 50, seed: 6)
        #expect(a.count == 50)
        #expect(try model.sample(length: 50, seed: 6) == a)
        let hot = try model.sample(length: 400, temperature: 5, seed: 7), cold = try model.sample(length: 400, temperature: 0.05, seed: 7)
        #expect(Set(hot).count > Set(cold).count)
        #expect(throws: ModelError.self) { try model.sample(length: 5, temperature: 0) }
    }

    @Test func unknownCharactersAreNamed() throws {
        let model = try CharRNN(vocabularyFrom: "abc", hidden: 4, embedding: 2)
        do {
            _ = try model.logLikelihood("abx")
            Issue.record("no error")
        } catch {
            #expect("\(error)".contains("character 2 of the text, 'x' (U+78)"), "\(error)")
        }
        #expect(throws: ModelError.self) { try CharRNN(vocabularyFrom: "aaaa") }
        #expect(throws: ModelError.self) { try model.fit("abc", sequenceLength: 8) }
        #expect(throws: ModelError.self) { try model.fit("abcabc", sequenceLength: 2, clipNorm: 0) }
    }

    /// Recurrent training clips the gradient's norm at 5 unless told otherwise: training by default is
    /// bit for bit training with `clipNorm: 5`, and differs from training without clipping when the
    /// norm is large (readout weights 100 times their size make it so from the first step).
    @Test func trainingClipsTheGradientNormByDefault() throws {
        let text = String(repeating: "abcab生成", count: 10)
        enum Clip { case byDefault, at(Double?) }
        func trained(_ clip: Clip) throws -> [[UInt64]] {
            let model = try CharRNN(vocabularyFrom: text, hidden: 8, embedding: 4, seed: 1)
            model.readout.weight = try model.readout.weight * 100
            switch clip {
            case .byDefault: try model.fit(text, epochs: 2, sequenceLength: 7, batchSize: 4, seed: 2)
            case .at(let norm): try model.fit(text, epochs: 2, sequenceLength: 7, batchSize: 4, clipNorm: norm, seed: 2)
            }
            return model.parameters.map { $0.scalars.map(\.bitPattern) }
        }
        let byDefault = try trained(.byDefault)
        #expect(byDefault == (try trained(.at(5))))
        #expect(byDefault != (try trained(.at(nil))))
    }

    @Test func sameSeedSameBitsAndCheckpointRoundTrip() throws {
        let text = String(repeating: "the chain rule 链式法则. ", count: 8)
        let a = try CharRNN(vocabularyFrom: text, cell: .lstm, hidden: 8, embedding: 4, seed: 1)
        let b = try CharRNN(vocabularyFrom: text, cell: .lstm, hidden: 8, embedding: 4, seed: 1)
        try a.fit(text, epochs: 2, sequenceLength: 16, batchSize: 4, seed: 2)
        try b.fit(text, epochs: 2, sequenceLength: 16, batchSize: 4, seed: 2)
        #expect(a.parameters.map { $0.scalars.map(\.bitPattern) } == b.parameters.map { $0.scalars.map(\.bitPattern) })
        let path = temporaryPath("charrnn.ckpt")
        try Checkpoint.save(a, to: path)
        let c = try CharRNN(vocabularyFrom: text, cell: .lstm, hidden: 8, embedding: 4, seed: 9)
        try Checkpoint.load(into: c, from: path)
        #expect(try c.logLikelihood(text) == a.logLikelihood(text))
    }

    @Test func theCourseNotesAreShipped() throws {
        let notes = try Dataset.courseNotes()
        #expect(notes.count > 50_000)
        #expect(notes.contains("自回归模型") && notes.contains("chain rule"))
        #expect(!notes.contains("```swift\n"), "code cells are not prose")
    }
}
