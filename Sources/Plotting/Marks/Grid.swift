/// Values of a function of two variables on a rectangular grid: `values[j][i]` is the value
/// at (`x[i]`, `y[j]`). Heatmaps and contours draw grids; `Grid.sample` builds one from a function.
public struct Grid: Sendable {
    /// Ascending horizontal coordinates (at least 2).
    public let x: [Double]
    /// Ascending vertical coordinates (at least 2).
    public let y: [Double]
    /// One row per `y`, each with one value per `x`.
    public let values: [[Double]]

    /// A grid from its coordinates and values; throws `PlotError` when the sizes disagree or
    /// the coordinates are not finite and strictly ascending.
    public init(x: [Double], y: [Double], values: [[Double]]) throws {
        guard x.count >= 2, y.count >= 2 else {
            throw PlotError(.emptyData, "grid: needs at least 2 x and 2 y coordinates, got \(x.count) × \(y.count)")
        }
        guard values.count == y.count else { throw PlotError.lengths("grid", "y", y.count, "values (rows)", values.count) }
        if let bad = values.firstIndex(where: { $0.count != x.count }) {
            throw PlotError.lengths("grid", "x", x.count, "values row \(bad)", values[bad].count)
        }
        for (name, axis) in [("x", x), ("y", y)] {
            guard axis.allSatisfy(\.isFinite), zip(axis, axis.dropFirst()).allSatisfy({ $0 < $1 }) else {
                throw PlotError.invalid("grid", "\(name) coordinates must be finite and strictly ascending")
            }
        }
        (self.x, self.y, self.values) = (x, y, values)
    }

    /// Samples `f` at `count` × `count` evenly spaced points covering `x` × `y` (ends included).
    public static func sample(x: ClosedRange<Double>, y: ClosedRange<Double>, count: Int = 60,
                              _ f: (Double, Double) throws -> Double) throws -> Grid {
        guard count >= 2 && count <= 1000 else { throw PlotError.invalid("grid", "count must be between 2 and 1000, got \(count)") }
        guard x.lowerBound.isFinite, x.upperBound.isFinite, y.lowerBound.isFinite, y.upperBound.isFinite,
              x.upperBound > x.lowerBound, y.upperBound > y.lowerBound else {
            throw PlotError.invalid("grid", "x and y ranges must be finite and of positive width")
        }
        let xs = (0..<count).map { x.lowerBound + (x.upperBound - x.lowerBound) * Double($0) / Double(count - 1) }
        let ys = (0..<count).map { y.lowerBound + (y.upperBound - y.lowerBound) * Double($0) / Double(count - 1) }
        let values = try ys.map { yv in try xs.map { xv in try f(xv, yv) } }
        return try Grid(x: xs, y: ys, values: values)
    }

    /// Cell boundaries around the points of one axis: midpoints, with the ends mirrored.
    static func cellEdges(_ c: [Double]) -> [Double] {
        var edges = [c[0] - (c[1] - c[0]) / 2]
        for i in 0..<(c.count - 1) { edges.append((c[i] + c[i + 1]) / 2) }
        edges.append(c[c.count - 1] + (c[c.count - 1] - c[c.count - 2]) / 2)
        return edges
    }
}
