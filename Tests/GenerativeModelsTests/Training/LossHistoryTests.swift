import Testing
@testable import GenerativeModels

@Suite struct LossHistoryTests {
    @Test func recordsSeriesInOrderByName() {
        var history = LossHistory()
        history.record("kl", 2)
        history.record("reconstruction", 5)
        history.record("kl", 1)
        #expect(history["kl"] == [2, 1])
        #expect(history["reconstruction"] == [5])
        #expect(history["never"] == [])
        #expect(history.names == ["kl", "reconstruction"])
        #expect(history.last("kl") == 1)
        history.removeAll()
        #expect(history.names.isEmpty)
    }

    @Test func progressFractionIsClamped() {
        let p = TrainingProgress(step: 5, totalSteps: 10, epoch: 1, totalEpochs: 2, loss: 0.3, seconds: 0.1)
        #expect(p.fraction == 0.5)
        #expect(TrainingProgress(step: 0, totalSteps: 0, epoch: 0, totalEpochs: 0, loss: .nan, seconds: 0).fraction == 1)
    }
}
