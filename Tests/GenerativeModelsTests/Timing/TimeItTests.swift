import Foundation
import Testing
import GenerativeModels

@Suite("timeIt")
struct TimeItTests {
    @Test("runs the block once per repeat, plus one uncounted warm-up run", arguments: [(3, true, 4), (3, false, 3), (1, true, 2)])
    func runCount(repeats: Int, warmUp: Bool, expectedCalls: Int) throws {
        var calls = 0
        let timing = try timeRuns(repeats: repeats, warmUp: warmUp) { calls += 1 }
        #expect(calls == expectedCalls)
        #expect(timing.runs.count == repeats)
    }

    @Test("the median is the middle run, or the mean of the middle two", arguments: [
        ([0.3, 0.1, 0.2], 0.2), ([0.4, 0.1, 0.3, 0.2], 0.25), ([5.0], 5.0),
    ])
    func median(runs: [Double], expected: Double) {
        let timing = Timing(runs: runs)
        #expect(abs(timing.median - expected) < 1e-15)
        #expect(timing.minimum == runs.min())
        #expect(timing.maximum == runs.max())
    }

    @Test("measures wall-clock seconds: a 20 ms sleep takes at least 20 ms")
    func measuresSleep() throws {
        let seconds = try timeIt(repeats: 3, warmUp: false) { usleep(20_000) }
        #expect(seconds >= 0.02)
        #expect(seconds < 1)
    }

    @Test("refuses fewer than one repeat and passes the block's error on")
    func errors() {
        #expect(throws: (any Error).self) { try timeIt(repeats: 0) {} }
        struct Stop: Error {}
        #expect(throws: Stop.self) { try timeIt { throw Stop() } }
    }
}
