/// Contour lines of a grid by marching squares: each cell's four corners are classified
/// against the level, crossings are placed by linear interpolation along the cell edges,
/// saddles are resolved by the cell-centre average, and the per-cell segments are joined
/// into polylines through the edges they share. Cells touching a non-finite value are skipped.
public enum MarchingSquares {
    /// A contour polyline in data coordinates; `closed` when it returns to its start.
    public struct Polyline: Sendable, Equatable {
        /// The vertices, in order.
        public var points: [(x: Double, y: Double)]
        /// Whether the last vertex connects back to the first.
        public var closed: Bool

        public static func == (a: Polyline, b: Polyline) -> Bool {
            a.closed == b.closed && a.points.count == b.points.count
                && zip(a.points, b.points).allSatisfy { $0.x == $1.x && $0.y == $1.y }
        }
    }

    /// The polylines where the grid's interpolated surface equals `level`.
    public static func contours(_ grid: Grid, level: Double) -> [Polyline] {
        let nx = grid.x.count, ny = grid.y.count
        let z = grid.values
        // An edge is keyed by its lower-left grid point and direction: 2·(j·nx + i) for the
        // horizontal edge (i,j)–(i+1,j), 2·(j·nx + i) + 1 for the vertical edge (i,j)–(i,j+1).
        func horizontal(_ i: Int, _ j: Int) -> Int { 2 * (j * nx + i) }
        func vertical(_ i: Int, _ j: Int) -> Int { 2 * (j * nx + i) + 1 }

        var segments: [(Int, Int)] = []
        for j in 0..<(ny - 1) {
            for i in 0..<(nx - 1) {
                let v0 = z[j][i], v1 = z[j][i + 1], v2 = z[j + 1][i + 1], v3 = z[j + 1][i]
                guard v0.isFinite, v1.isFinite, v2.isFinite, v3.isFinite else { continue }
                let b0 = v0 >= level, b1 = v1 >= level, b2 = v2 >= level, b3 = v3 >= level
                let bottom = horizontal(i, j), top = horizontal(i, j + 1)
                let left = vertical(i, j), right = vertical(i + 1, j)
                var crossed: [Int] = []
                if b0 != b1 { crossed.append(bottom) }
                if b1 != b2 { crossed.append(right) }
                if b2 != b3 { crossed.append(top) }
                if b3 != b0 { crossed.append(left) }
                if crossed.count == 2 {
                    segments.append((crossed[0], crossed[1]))
                } else if crossed.count == 4 {
                    // Saddle: corners 0 and 2 agree, 1 and 3 agree. If the centre sides with
                    // corners 0 and 2, they are joined and the lines cut off corners 1 and 3.
                    let centre = (v0 + v1 + v2 + v3) / 4 >= level
                    if centre == b0 {
                        segments.append((bottom, right))
                        segments.append((top, left))
                    } else {
                        segments.append((left, bottom))
                        segments.append((right, top))
                    }
                }
            }
        }

        func point(_ key: Int) -> (x: Double, y: Double) {
            let node = key / 2, i = node % nx, j = node / nx
            let (a, b, ia, ja, ib, jb) = key % 2 == 0
                ? (z[j][i], z[j][i + 1], i, j, i + 1, j)
                : (z[j][i], z[j + 1][i], i, j, i, j + 1)
            let t = (level - a) / (b - a)
            return (grid.x[ia] + t * (grid.x[ib] - grid.x[ia]), grid.y[ja] + t * (grid.y[jb] - grid.y[ja]))
        }

        // Join segments through shared edges. Each edge belongs to at most two segments.
        var byEdge: [Int: [Int]] = [:]
        for (s, seg) in segments.enumerated() {
            byEdge[seg.0, default: []].append(s)
            byEdge[seg.1, default: []].append(s)
        }
        var used = [Bool](repeating: false, count: segments.count)
        var lines: [Polyline] = []

        func walk(from start: Int, segment first: Int) -> (keys: [Int], closed: Bool) {
            var keys = [start]
            var current = first, edge = start
            while true {
                used[current] = true
                let seg = segments[current]
                edge = seg.0 == edge ? seg.1 : seg.0
                if edge == start { return (keys, true) }
                keys.append(edge)
                guard let next = byEdge[edge]?.first(where: { !used[$0] }) else { return (keys, false) }
                current = next
            }
        }
        // Open lines start at an edge used once (on the boundary or beside a skipped cell);
        // scanning segments in order keeps the output deterministic.
        for (s, seg) in segments.enumerated() where !used[s] {
            for end in [seg.0, seg.1] where !used[s] && byEdge[end]!.count == 1 {
                let (keys, _) = walk(from: end, segment: s)
                lines.append(Polyline(points: keys.map(point), closed: false))
            }
        }
        for (s, seg) in segments.enumerated() where !used[s] {
            let (keys, closed) = walk(from: seg.0, segment: s)
            lines.append(Polyline(points: keys.map(point), closed: closed))
        }
        return lines
    }
}
