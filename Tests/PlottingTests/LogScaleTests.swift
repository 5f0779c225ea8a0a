import Testing
@testable import Plotting

/// d3-scale's expected outputs for `scaleLog` (test/log-test.js).
@Suite("Log scale, as d3-scale")
struct LogScaleTests {
    static func rounded(_ v: [Double]) -> [Double] { v.map { ($0 * 1e12).rounded() / 1e12 } }

    @Test("ticks over a few decades are 1…9 × 10ᵏ", arguments: [
        (1e-1, 1e1, [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
        (1e-1, 1e0, [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]),
        (1e0, 1e-1, [1, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1]),
        (1, 5, [1, 2, 3, 4, 5]),
        (5, 1, [5, 4, 3, 2, 1]),
        (41, 42, [41, 41.1, 41.2, 41.3, 41.4, 41.5, 41.6, 41.7, 41.8, 41.9, 42]),
        (1600, 1400, [1600, 1580, 1560, 1540, 1520, 1500, 1480, 1460, 1440, 1420, 1400]),
        (286.9252014, 329.4978332, [290, 295, 300, 305, 310, 315, 320, 325]),
    ] as [(Double, Double, [Double])])
    func ticks(_ a: Double, _ b: Double, _ expected: [Double]) {
        #expect(Self.rounded(LogScale(domain: (a, b), range: (0, 1)).ticks()) == expected)
    }

    @Test("ticks(count) for a small domain", arguments: [(1, [300.0]), (2, [300]), (3, [300, 320]), (4, [290, 300, 310, 320])])
    func smallDomainCount(_ count: Int, _ expected: [Double]) {
        #expect(LogScale(domain: (286.9252014, 329.4978332), range: (0, 1)).ticks(count) == expected)
    }

    @Test("huge domains take powers of ten only")
    func hugeDomain() {
        let s = LogScale(domain: (1e10, 1), range: (0, 1))
        #expect(s.ticks() == [1e10, 1e9, 1e8, 1e7, 1e6, 1e5, 1e4, 1e3, 100, 10, 1])
    }

    @Test("labels: 1–9, then 1-2-5, then powers of ten as the label budget shrinks")
    func labelFilter() {
        let s = LogScale(domain: (1e-1, 1e1), range: (0, 1))  // 19 ticks
        let labelled = { (count: Int) in s.ticks().filter { s.isLabelled($0, count: count) }.map { ($0 * 1e12).rounded() / 1e12 } }
        #expect(labelled(20) == s.ticks().map { ($0 * 1e12).rounded() / 1e12 })
        #expect(labelled(10) == [0.1, 0.2, 0.5, 1, 2, 5, 10])
        #expect(labelled(4) == [0.1, 0.2, 0.5, 1, 2, 5, 10])  // k = 40/19 ≥ 2
        #expect(labelled(3) == [0.1, 1, 10])  // k = 30/19 < 2
    }

    @Test("log labels use one notation per axis", arguments: [
        ([1.0, 2, 5, 10], ["1", "2", "5", "10"]),
        ([0.01, 0.1, 1], ["0.01", "0.1", "1"]),
        ([1000, 2000, 10000], ["1,000", "2,000", "10,000"]),
        ([1e-6, 1e-5, 2e-5], ["10⁻⁶", "10⁻⁵", "2×10⁻⁵"]),
        ([1, 1e5, 1e10], ["10⁰", "10⁵", "10¹⁰"]),
    ] as [([Double], [String])])
    func notation(_ values: [Double], _ expected: [String]) {
        #expect(NumberFormat.logTickLabels(values) == expected)
    }

    @Test("nice extends to whole decades")
    func nice() {
        let s = LogScale(domain: (0.0124123, 1230.4), range: (0, 1)).nice()
        #expect(s.domain.0 == 0.01 && s.domain.1 == 10000)
        #expect(abs(s(0.01) - 0) < 1e-12 && abs(s(10000) - 1) < 1e-12 && abs(s(1) - 1.0 / 3) < 1e-12)
    }
}
