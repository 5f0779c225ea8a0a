import Testing
@testable import Plotting

/// d3-array's own expected outputs (test/ticks-test.js, tickStep-test.js, nice-test.js):
/// the integer-index algorithm must reproduce them exactly.
@Suite("Ticks, as d3-array")
struct TicksTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let start: Double, stop: Double, count: Int, expected: [Double]
        var testDescription: String { "ticks(\(start), \(stop), \(count))" }
    }

    static let cases: [Case] = [
        .init(start: 0, stop: 1, count: 10, expected: [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]),
        .init(start: 0, stop: 1, count: 9, expected: [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]),
        .init(start: 0, stop: 1, count: 8, expected: [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]),
        .init(start: 0, stop: 1, count: 7, expected: [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]),
        .init(start: 0, stop: 1, count: 6, expected: [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]),
        .init(start: 0, stop: 1, count: 5, expected: [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]),
        .init(start: 0, stop: 1, count: 4, expected: [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]),
        .init(start: 0, stop: 1, count: 3, expected: [0.0, 0.5, 1.0]),
        .init(start: 0, stop: 1, count: 2, expected: [0.0, 0.5, 1.0]),
        .init(start: 0, stop: 1, count: 1, expected: [0.0, 1.0]),
        .init(start: 0, stop: 10, count: 10, expected: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
        .init(start: 0, stop: 10, count: 9, expected: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
        .init(start: 0, stop: 10, count: 8, expected: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
        .init(start: 0, stop: 10, count: 7, expected: [0, 2, 4, 6, 8, 10]),
        .init(start: 0, stop: 10, count: 6, expected: [0, 2, 4, 6, 8, 10]),
        .init(start: 0, stop: 10, count: 5, expected: [0, 2, 4, 6, 8, 10]),
        .init(start: 0, stop: 10, count: 4, expected: [0, 2, 4, 6, 8, 10]),
        .init(start: 0, stop: 10, count: 3, expected: [0, 5, 10]),
        .init(start: 0, stop: 10, count: 2, expected: [0, 5, 10]),
        .init(start: 0, stop: 10, count: 1, expected: [0, 10]),
        .init(start: -10, stop: 10, count: 10, expected: [-10, -8, -6, -4, -2, 0, 2, 4, 6, 8, 10]),
        .init(start: -10, stop: 10, count: 9, expected: [-10, -8, -6, -4, -2, 0, 2, 4, 6, 8, 10]),
        .init(start: -10, stop: 10, count: 8, expected: [-10, -8, -6, -4, -2, 0, 2, 4, 6, 8, 10]),
        .init(start: -10, stop: 10, count: 7, expected: [-10, -8, -6, -4, -2, 0, 2, 4, 6, 8, 10]),
        .init(start: -10, stop: 10, count: 6, expected: [-10, -5, 0, 5, 10]),
        .init(start: -10, stop: 10, count: 5, expected: [-10, -5, 0, 5, 10]),
        .init(start: -10, stop: 10, count: 4, expected: [-10, -5, 0, 5, 10]),
        .init(start: -10, stop: 10, count: 3, expected: [-10, -5, 0, 5, 10]),
        .init(start: -10, stop: 10, count: 2, expected: [-10, 0, 10]),
        .init(start: -10, stop: 10, count: 1, expected: [0]),
        // "remains within the domain" and "handles precision problems"
        .init(start: 0, stop: 2.2, count: 3, expected: [0, 1, 2]),
        .init(start: 0.98, stop: 1.14, count: 10, expected: [0.98, 1, 1.02, 1.04, 1.06, 1.08, 1.1, 1.12, 1.14]),
        // degenerate inputs
        .init(start: 1, stop: 1, count: 1, expected: [1]),
        .init(start: 1, stop: 1, count: 10, expected: [1]),
        .init(start: 1, stop: 1, count: 0, expected: []),
        .init(start: 0, stop: 1, count: 0, expected: []),
        .init(start: 0, stop: 1, count: -1, expected: []),
        .init(start: .nan, stop: 1, count: 1, expected: []),
        .init(start: 0, stop: .nan, count: 1, expected: []),
    ]

    @Test("ticks(start, stop, count) equals d3's output exactly", arguments: cases)
    func ticksMatchD3(_ c: Case) {
        #expect(Ticks.ticks(c.start, c.stop, count: c.count) == c.expected)
    }

    @Test("ticks(stop, start, count) is the reverse of ticks(start, stop, count)", arguments: cases.filter { $0.start.isFinite && $0.stop.isFinite })
    func reversedDomain(_ c: Case) {
        #expect(Ticks.ticks(c.stop, c.start, count: c.count) == Array(c.expected.reversed()))
    }

    @Test("no tick is negative zero")
    func noNegativeZero() {
        let last = Ticks.ticks(-1, 0, count: 5).last!
        #expect(last == 0 && last.sign == .plus)
    }

    @Test("tickStep matches d3", arguments: [
        (0.0, 1.0, 10, 0.1), (0, 1, 9, 0.1), (0, 1, 8, 0.1), (0, 1, 7, 0.2), (0, 1, 6, 0.2), (0, 1, 5, 0.2),
        (0, 1, 4, 0.2), (0, 1, 3, 0.5), (0, 1, 2, 0.5), (0, 1, 1, 1.0),
        (0, 10, 10, 1), (0, 10, 7, 2), (0, 10, 3, 5), (0, 10, 1, 10),
        (-10, 10, 10, 2), (-10, 10, 6, 5), (-10, 10, 2, 10), (-10, 10, 1, 20),
    ] as [(Double, Double, Int, Double)])
    func tickStepMatchesD3(_ start: Double, _ stop: Double, _ count: Int, _ expected: Double) {
        #expect(Ticks.tickStep(start, stop, count: count) == expected)
        #expect(Ticks.tickStep(stop, start, count: count) == -expected)
    }

    @Test("degenerate tickStep: 0 for an empty interval, ∞ for a non-positive count")
    func tickStepDegenerate() {
        #expect(Ticks.tickStep(1, 1, count: 1) == 0)
        #expect(Ticks.tickStep(0, 1, count: 0) == .infinity)
        #expect(Ticks.tickStep(0, 1, count: -1) == .infinity)
    }

    @Test("nice matches d3", arguments: [
        (0.132, 0.876, 1000, 0.132, 0.876), (0.132, 0.876, 100, 0.13, 0.88), (0.132, 0.876, 30, 0.12, 0.88),
        (0.132, 0.876, 10, 0.1, 0.9), (0.132, 0.876, 6, 0.1, 0.9), (0.132, 0.876, 5, 0, 1), (0.132, 0.876, 1, 0, 1),
        (132, 876, 1000, 132, 876), (132, 876, 100, 130, 880), (132, 876, 30, 120, 880), (132, 876, 10, 100, 900),
        (132, 876, 6, 100, 900), (132, 876, 5, 0, 1000), (132, 876, 1, 0, 1000),
        (1, 1, 10, 1, 1), (0, 1, 0, 0, 1), (0, 1, -1, 0, 1),
    ] as [(Double, Double, Int, Double, Double)])
    func niceMatchesD3(_ start: Double, _ stop: Double, _ count: Int, _ lo: Double, _ hi: Double) {
        let (a, b) = Ticks.nice(start, stop, count: count)
        #expect(a == lo && b == hi)
    }

    @Test("a niced linear scale starts and ends on ticks")
    func niceScaleEndsOnTicks() {
        let s = LinearScale(domain: (-2.83, 3.71), range: (0, 500)).nice(8)
        let t = s.ticks(8)
        #expect(t.first == s.domain.0 && t.last == s.domain.1)
        #expect(s(s.domain.0) == 0 && s(s.domain.1) == 500)
        #expect(abs(s.invert(s(1.234)) - 1.234) < 1e-12)
    }
}
