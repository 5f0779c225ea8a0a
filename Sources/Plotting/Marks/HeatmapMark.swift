/// A grid of cells coloured through a colour map: a matrix (row 0 at the top, as an image)
/// or a sampled function (y upward). NaN or infinite cells are drawn grey with a note.
public struct HeatmapMark: Sendable {
    /// The values, one array per row.
    public let values: [[Double]]
    /// Cell boundaries along x (columns + 1 values).
    public let xEdges: [Double]
    /// Cell boundaries along y (rows + 1 values).
    public let yEdges: [Double]
    /// True when row 0 is drawn at the top (matrix and image convention).
    public let rowZeroAtTop: Bool
    /// The colour map.
    public let colorMap: ColorMap
    /// The values mapped to the two ends of the colour map.
    public let low: Double, high: Double
    /// The colour bar's title.
    public let colorLabel: String?

    let missing: Int

    /// A heatmap of a matrix: cell (row r, column c) is centred at (c, r) with row 0 at the
    /// top. `range` fixes the colour limits; by default they are the data's extent, made
    /// symmetric about 0 for the diverging map. Throws `PlotError` for empty or ragged rows.
    public init(matrix: [[Double]], colorMap: ColorMap = .viridis, range: ClosedRange<Double>? = nil,
                colorLabel: String? = nil) throws {
        guard let first = matrix.first, !first.isEmpty else { throw PlotError.empty("heatmap", "cells") }
        if let bad = matrix.firstIndex(where: { $0.count != first.count }) {
            throw PlotError.lengths("heatmap", "row 0", first.count, "row \(bad)", matrix[bad].count)
        }
        try self.init(values: matrix, xEdges: (0...first.count).map { Double($0) - 0.5 },
                      yEdges: (0...matrix.count).map { Double($0) - 0.5 }, rowZeroAtTop: true,
                      colorMap: colorMap, range: range, colorLabel: colorLabel)
    }

    /// A heatmap of a sampled function: each grid point is the centre of its cell, y upward.
    public init(grid: Grid, colorMap: ColorMap = .viridis, range: ClosedRange<Double>? = nil,
                colorLabel: String? = nil) throws {
        try self.init(values: grid.values, xEdges: Grid.cellEdges(grid.x), yEdges: Grid.cellEdges(grid.y),
                      rowZeroAtTop: false, colorMap: colorMap, range: range, colorLabel: colorLabel)
    }

    private init(values: [[Double]], xEdges: [Double], yEdges: [Double], rowZeroAtTop: Bool,
                 colorMap: ColorMap, range: ClosedRange<Double>?, colorLabel: String?) throws {
        let flat = values.flatMap { $0 }
        let missing = flat.filter { !$0.isFinite }.count
        guard let e = Extent(of: flat) else {
            throw PlotError(.nonFinite, "heatmap: all \(flat.count) cells are NaN or infinite; nothing to draw")
        }
        var (lo, hi) = (e.min, e.max)
        if let range {
            guard range.lowerBound.isFinite && range.upperBound.isFinite && range.upperBound > range.lowerBound else {
                throw PlotError.invalid("heatmap", "range must be finite with lower < upper")
            }
            (lo, hi) = (range.lowerBound, range.upperBound)
        } else if colorMap.isDiverging {
            let m = max(abs(lo), abs(hi))
            (lo, hi) = (-m, m)
        }
        if lo == hi { (lo, hi) = (lo - 0.5, hi + 0.5) }
        (self.values, self.xEdges, self.yEdges, self.rowZeroAtTop) = (values, xEdges, yEdges, rowZeroAtTop)
        (self.colorMap, self.low, self.high, self.colorLabel, self.missing) = (colorMap, lo, hi, colorLabel, missing)
    }

    static let missingColor = Color(hex: 0xd9d9d9)
}

extension HeatmapMark: MarkDrawing {
    var xExtent: Extent? { Extent(min: xEdges[0], max: xEdges[xEdges.count - 1]) }
    var yExtent: Extent? { Extent(min: yEdges[0], max: yEdges[yEdges.count - 1]) }
    var usesDefaultColor: Bool { false }
    func legendEntries(defaultColor: Color, categoryColors: [Color]) -> [LegendEntry] { [] }

    var colorBar: ColorBarSpec? { ColorBarSpec(map: colorMap, low: low, high: high, label: colorLabel, levels: nil) }

    var notes: [String] {
        missing > 0 ? ["\(missing) cell\(missing == 1 ? "" : "s") with NaN or infinite values drawn grey"] : []
    }

    var summary: String {
        "heatmap of \(values.count) × \(values[0].count) cells, colour (\(colorMap.rawValue)) from "
            + "\(NumberFormat.general(low)) to \(NumberFormat.general(high))"
    }

    func draw(into svg: inout SVGWriter, _ ctx: MarkContext) {
        // Cell edges are rounded once, so neighbours share exact edges and crisp edges leave
        // no seams; runs of equal colour in a row become one rectangle, and all rectangles
        // of one colour one path (about 25 bytes a cell).
        let xs = xEdges.map { Self.snap(ctx.x($0)) }, ys = yEdges.map { Self.snap(ctx.y($0)) }
        var paths: [Color: String] = [:]
        var order: [Color] = []
        for (r, row) in values.enumerated() {
            let top = min(ys[r], ys[r + 1]), height = abs(ys[r + 1] - ys[r])
            var c = 0
            while c < row.count {
                let colour = cellColor(row[c])
                var end = c + 1
                while end < row.count && cellColor(row[end]) == colour { end += 1 }
                let left = min(xs[c], xs[end]), width = abs(xs[end] - xs[c])
                if paths[colour] == nil { order.append(colour) }
                paths[colour, default: ""] += "M" + px(left) + "," + px(top) + "h" + px(width) + "v" + px(height) + "h" + px(-width) + "z"
                c = end
            }
        }
        svg.open("g", ["shape-rendering": "crispEdges"])
        for colour in order {  // first-use order: deterministic
            svg.element("path", ["d": paths[colour]!, "fill": colour.hex])
        }
        svg.close("g")
    }

    /// Rounds to the 0.1 px that coordinates are written with.
    static func snap(_ v: Double) -> Double { (v * 10).rounded() / 10 }

    private func cellColor(_ v: Double) -> Color {
        v.isFinite ? colorMap.color(at: (v - low) / (high - low)) : Self.missingColor
    }
}
