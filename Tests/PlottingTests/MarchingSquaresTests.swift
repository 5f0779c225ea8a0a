import Testing
@testable import Plotting

/// Contours of functions whose level sets are known in closed form.
@Suite("Marching squares")
struct MarchingSquaresTests {
    static func grid(_ n: Int = 41, _ lo: Double = -2, _ hi: Double = 2, _ f: (Double, Double) -> Double) -> Grid {
        try! Grid.sample(x: lo...hi, y: lo...hi, count: n, f)
    }

    @Test("x² + y² = r² is one closed ring of radius r", arguments: [0.5, 1.0, 1.5])
    func circle(_ r: Double) {
        let lines = MarchingSquares.contours(Self.grid { $0 * $0 + $1 * $1 }, level: r * r)
        #expect(lines.count == 1)
        #expect(lines[0].closed)
        // Linear interpolation of a quadratic along edges of length h = 0.1: error ≤ h²/(8r).
        for p in lines[0].points {
            #expect(abs((p.x * p.x + p.y * p.y).squareRoot() - r) < 0.01)
        }
        // The ring goes all the way round: its polygon area is close to πr².
        let pts = lines[0].points
        var area = 0.0
        for i in pts.indices {
            let a = pts[i], b = pts[(i + 1) % pts.count]
            area += a.x * b.y - b.x * a.y
        }
        #expect(abs(abs(area) / 2 - Double.pi * r * r) < 0.02 * Double.pi * r * r)
    }

    @Test("a plane x = c gives one straight open line from edge to edge")
    func plane() {
        let lines = MarchingSquares.contours(Self.grid { x, _ in x }, level: 0.25)
        #expect(lines.count == 1)
        #expect(!lines[0].closed)
        #expect(lines[0].points.allSatisfy { abs($0.x - 0.25) < 1e-12 })
        let ys = lines[0].points.map(\.y)
        #expect(ys.min()! == -2 && ys.max()! == 2)
        #expect(lines[0].points.count == 41)
    }

    @Test("two separate bumps give two rings at a high level and one around both at a low level")
    func twoBumps() {
        let g = Self.grid(81, -3, 3) { x, y in
            exp(-((x - 1) * (x - 1) + y * y) / 0.3) + exp(-((x + 1) * (x + 1) + y * y) / 0.3)
        }
        let high = MarchingSquares.contours(g, level: 0.5)
        #expect(high.count == 2 && high.allSatisfy(\.closed))
        #expect(high.contains { l in l.points.allSatisfy { $0.x > 0 } } && high.contains { l in l.points.allSatisfy { $0.x < 0 } })
        let low = MarchingSquares.contours(g, level: 0.01)
        #expect(low.count == 1 && low[0].closed)
    }

    @Test("a saddle xy = c gives two branches, resolved consistently", arguments: [0.5, -0.5])
    func saddle(_ c: Double) {
        let lines = MarchingSquares.contours(Self.grid { $0 * $1 }, level: c)
        #expect(lines.count == 2)
        for line in lines {
            #expect(!line.closed)
            for p in line.points { #expect(abs(p.x * p.y - c) < 0.01) }
        }
    }

    @Test("cells touching NaN are skipped, the rest still contours")
    func nanCells() {
        let g = Self.grid { x, y in (x > 0.9 && x < 1.2 && y > -0.1 && y < 0.1) ? .nan : x * x + y * y }
        let lines = MarchingSquares.contours(g, level: 1)
        #expect(!lines.isEmpty)
        #expect(lines.allSatisfy { !$0.closed })  // the ring is broken where the hole is
        for line in lines { for p in line.points { #expect(abs((p.x * p.x + p.y * p.y).squareRoot() - 1) < 0.01) } }
    }

    @Test("a level outside the range gives nothing")
    func outside() {
        #expect(MarchingSquares.contours(Self.grid { $0 * $0 + $1 * $1 }, level: 100).isEmpty)
    }
}

import Foundation
