import Foundation

/// A histogram of one-dimensional samples: counts or density per bin, optionally with a
/// Gaussian kernel density estimate drawn over it. Non-finite samples are left out with a
/// visible note.
public struct HistogramMark: Sendable {
    /// Bin edges, ascending; bin k is [edges[k], edges[k+1]) (the last also holds its right edge
    /// when `bins` was given).
    public let edges: [Double]
    /// Per-bin heights: counts, or densities that integrate to 1 when `density` is set.
    public let heights: [Double]
    /// Whether heights are densities rather than counts.
    public let density: Bool
    /// The legend label for the bars.
    public let label: String?
    /// The bar colour; nil takes the next palette colour.
    public let color: Color?
    /// The kernel density estimate (x, y) in the same units as `heights`, if asked for.
    public let kde: (x: [Double], y: [Double])?

    let sampleCount: Int
    let omitted: Int

    /// Bins `values`: with `bins` given, exactly that many equal-width bins spanning the data
    /// (as numpy and matplotlib); with nil, about Sturges' number of bins with round edges (as
    /// d3.bin). Throws `PlotError` when there is no finite value or `bins` < 1.
    public init(_ values: [Double], bins: Int? = nil, density: Bool = false, kde: Bool = false,
                label: String? = nil, color: Color? = nil) throws {
        guard !values.isEmpty else { throw PlotError.empty("histogram", "samples") }
        if let bins, bins < 1 || bins > 10_000 {
            throw PlotError.invalid("histogram", "bins must be between 1 and 10000, got \(bins)")
        }
        let finite = values.filter { $0.isFinite }
        guard !finite.isEmpty else {
            throw PlotError(.nonFinite, "histogram: all \(values.count) samples are NaN or infinite; nothing to draw")
        }
        let edges = Self.edges(finite, bins: bins)
        var counts = [Double](repeating: 0, count: edges.count - 1)
        for v in finite { counts[Self.bin(of: v, edges: edges, closedLast: bins != nil)] += 1 }
        let n = Double(finite.count)
        let heights = density
            ? counts.indices.map { counts[$0] / (n * (edges[$0 + 1] - edges[$0])) } : counts

        var curve: (x: [Double], y: [Double])? = nil
        if kde, let h = Self.silvermanBandwidth(finite) {
            let xs = (0..<256).map { edges[0] + (edges[edges.count - 1] - edges[0]) * Double($0) / 255 }
            let unit = density ? 1 : n * (edges[1] - edges[0])
            let norm = unit / (n * h * (2 * Double.pi).squareRoot())
            let ys = xs.map { x in finite.reduce(0.0) { $0 + exp(-0.5 * ((x - $1) / h) * ((x - $1) / h)) } * norm }
            curve = (xs, ys)
        }
        (self.edges, self.heights, self.density, self.label, self.color, self.kde) =
            (edges, heights, density, label, color, curve)
        (self.sampleCount, self.omitted) = (finite.count, values.count - finite.count)
    }

    /// Bin edges for finite `values`.
    static func edges(_ values: [Double], bins: Int?) -> [Double] {
        let lo = values.min()!, hi = values.max()!
        if lo == hi {
            let half = lo == 0 ? 0.5 : abs(lo) * 0.05
            let k = bins ?? 1
            return (0...k).map { lo - half + 2 * half * Double($0) / Double(k) }
        }
        if let k = bins {
            return (0...k).map { $0 == k ? hi : lo + (hi - lo) * Double($0) / Double(k) }
        }
        // d3.bin's default: Sturges' count, nice domain, tick thresholds; if the largest value
        // sits on the last threshold, extend by one step so every bin has the same width.
        let count = Int(log2(Double(values.count)).rounded(.up)) + 1
        let (x0, x1) = Ticks.nice(lo, hi, count: count)
        var edges = Ticks.ticks(x0, x1, count: count)
        if let last = edges.last, last <= hi {
            let inc = Ticks.tickIncrement(x0, x1, count: count)
            edges.append(inc > 0 ? (last / inc + 1).rounded() * inc : ((last * -inc).rounded() + 1) / -inc)
        }
        return edges
    }

    /// The index of the bin holding `v` (half-open bins; the last is closed when asked).
    static func bin(of v: Double, edges: [Double], closedLast: Bool) -> Int {
        let k = edges.count - 1
        let width = (edges[k] - edges[0]) / Double(k)
        var i = min(max(Int(((v - edges[0]) / width).rounded(.down)), 0), k - 1)
        while i > 0 && v < edges[i] { i -= 1 }
        while i < k - 1 && v >= edges[i + 1] { i += 1 }
        return i
    }

    /// Silverman's rule of thumb, 0.9 · min(σ, IQR / 1.34) · n^(−1/5); nil for constant data.
    static func silvermanBandwidth(_ values: [Double]) -> Double? {
        let n = Double(values.count)
        guard values.count > 1 else { return nil }
        let mean = values.reduce(0, +) / n
        let sd = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)).squareRoot()
        let sorted = values.sorted()
        func quantile(_ p: Double) -> Double {
            let h = (n - 1) * p
            let i = Int(h.rounded(.down))
            return i + 1 < sorted.count ? sorted[i] + (h - Double(i)) * (sorted[i + 1] - sorted[i]) : sorted[i]
        }
        let iqr = quantile(0.75) - quantile(0.25)
        let spread = iqr > 0 ? min(sd, iqr / 1.34) : sd
        guard spread > 0 else { return nil }
        return 0.9 * spread * pow(n, -0.2)
    }
}

extension HistogramMark: MarkDrawing {
    var xExtent: Extent? { Extent(min: edges[0], max: edges[edges.count - 1]) }
    var yExtent: Extent? {
        let top = max(heights.max() ?? 0, kde?.y.max() ?? 0)
        return Extent(min: 0, max: top > 0 ? top : 1)
    }
    var usesDefaultColor: Bool { color == nil }
    var legendKey: String? { label }

    func legendEntries(defaultColor: Color, categoryColors: [Color]) -> [LegendEntry] {
        var entries: [LegendEntry] = []
        if let label { entries.append(LegendEntry(label: label, swatch: .area(color ?? defaultColor))) }
        if kde != nil { entries.append(LegendEntry(label: "kernel density estimate", swatch: .line(Self.kdeColor, dashed: false))) }
        return entries
    }

    static let kdeColor = Color(hex: 0x222222)

    var notes: [String] {
        omitted > 0 ? ["\(omitted) of \(omitted + sampleCount) samples not counted (NaN or infinite)"] : []
    }

    var summary: String {
        "histogram\(label.map { " “\($0)”" } ?? "") of \(sampleCount) samples in \(heights.count) bins from "
            + "\(NumberFormat.general(edges[0])) to \(NumberFormat.general(edges[edges.count - 1]))"
            + (density ? ", as density" : ", as counts") + (kde != nil ? ", with a kernel density estimate" : "")
    }

    func draw(into svg: inout SVGWriter, _ ctx: MarkContext) {
        let fill = (color ?? ctx.defaultColor).hex
        svg.open("g", ["fill": fill, "fill-opacity": "0.85"])
        let base = ctx.y(0)
        for k in heights.indices where heights[k] > 0 {
            var x0 = ctx.x(edges[k]), x1 = ctx.x(edges[k + 1])
            if x1 - x0 > 3 { x0 += 0.5; x1 -= 0.5 }  // a hairline gap between bars
            let top = ctx.y(heights[k])
            svg.element("rect", ["x": px(x0), "y": px(top), "width": px(x1 - x0), "height": px(base - top)])
        }
        svg.close("g")
        if let kde {
            let line = try? LineMark(x: kde.x, y: kde.y, color: Self.kdeColor, width: 2)
            line?.draw(into: &svg, ctx)
        }
    }
}
