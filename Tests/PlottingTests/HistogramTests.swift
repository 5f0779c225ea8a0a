import Foundation
import Testing
@testable import Plotting

@Suite("Histogram binning")
struct HistogramTests {
    @Test("explicit bins match numpy.histogram")
    func numpyBins() throws {
        // numpy.histogram([0, .1, .25, .5, .5, .75, .9, 1, 1, 2], bins=4) → [3 4 2 1], edges 0 .5 1 1.5 2
        let h = try HistogramMark([0, 0.1, 0.25, 0.5, 0.5, 0.75, 0.9, 1, 1, 2], bins: 4)
        #expect(h.heights == [3, 4, 2, 1])
        #expect(h.edges == [0, 0.5, 1, 1.5, 2])
    }

    @Test("default bins: Sturges' count with round edges and the maximum inside (as d3.bin)")
    func defaultBins() throws {
        let values = (0...100).map { Double($0) / 10 }  // 0 … 10, 101 values → Sturges 8
        let h = try HistogramMark(values)
        #expect(h.edges.first == 0)
        #expect(h.edges.last! > 10)  // 10 itself sits in a full-width last bin
        let widths = zip(h.edges, h.edges.dropFirst()).map { $1 - $0 }
        #expect(widths.allSatisfy { abs($0 - widths[0]) < 1e-12 })
        #expect(h.heights.reduce(0, +) == 101)
    }

    @Test("density integrates to one; the KDE curve does too")
    func densityIntegrates() throws {
        var state: UInt64 = 42
        let samples = (0..<2000).map { _ -> Double in  // a deterministic Box–Muller normal sample
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let u1 = Double(state >> 11) / Double(1 << 53) + 1e-12
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let u2 = Double(state >> 11) / Double(1 << 53)
            return (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
        }
        let h = try HistogramMark(samples, bins: 30, density: true, kde: true)
        let area = zip(h.heights, zip(h.edges, h.edges.dropFirst())).reduce(0) { $0 + $1.0 * ($1.1.1 - $1.1.0) }
        #expect(abs(area - 1) < 1e-12)
        let kde = try #require(h.kde)
        let dx = kde.x[1] - kde.x[0]
        let kdeArea = kde.y.reduce(0, +) * dx
        #expect(abs(kdeArea - 1) < 0.03)
        // Near the standard normal density at 0 (0.399).
        let mid = kde.y[kde.x.firstIndex { $0 >= 0 }!]
        #expect(abs(mid - 0.399) < 0.05)
    }

    @Test("NaN samples are left out and noted")
    func nanSamples() throws {
        let h = try HistogramMark([1, 2, .nan, 3, .infinity], bins: 2)
        #expect(h.heights.reduce(0, +) == 3)
        #expect(h.notes == ["2 of 5 samples not counted (NaN or infinite)"])
    }

    @Test("constant samples get one visible bin around the value")
    func constant() throws {
        let h = try HistogramMark([3, 3, 3])
        #expect(h.heights == [3])
        #expect(h.edges[0] < 3 && h.edges[1] > 3)
    }
}
