import Imaging
import Plotting
import Tensors

extension Registry {
    /// The plotting functions cells call: each returns a `Figure` that displays as SVG, or an
    /// `Image` that displays as PNG.
    func registerFigures() {
        let labels = "title: String? = nil, xLabel: String? = nil, yLabel: String? = nil"
        func plot(_ marks: [Mark], _ title: String?, _ xLabel: String?, _ yLabel: String?, logY: Bool = false,
                  equalAspect: Bool = false) -> FigureObject {
            FigureObject(panels: [Plot(marks, title: title, xLabel: xLabel, yLabel: yLabel, xScale: .linear, yScale: logY ? .log : .linear,
                                       equalAspect: equalAspect)])
        }

        typedFunction("func scatter(_ x: [Double], _ y: [Double], color: Any? = nil, size: Double? = nil, opacity: Double? = nil, label: String? = nil, \(labels), equalAspect: Bool = false) -> Figure",
                      doc: "Points (x, y); color: class labels [Int] or names [String] (legend), values [Double] (colour bar), or \"#rrggbb\".",
                      topic: "Figures") {
            (cx, x: [Double], y: [Double], color: AnyCellValue?, size: Double?, opacity: Double?, label: String?,
             title: String?, xLabel: String?, yLabel: String?, equal: Bool) in
            let mark = try Mark.scatter(x: x, y: y, color: try pointColor(color, cx), radius: size, opacity: opacity, label: label)
            return plot([mark], title, xLabel, yLabel, equalAspect: equal)
        }
        typedFunction("func scatter(_ points: Tensor, color: Any? = nil, size: Double? = nil, opacity: Double? = nil, label: String? = nil, \(labels), equalAspect: Bool = false) -> Figure",
                      doc: "The rows of an n × 2 tensor as points (a latent space, samples of a 2-D model).", topic: "Figures") {
            (cx, points: Tensor, color: AnyCellValue?, size: Double?, opacity: Double?, label: String?,
             title: String?, xLabel: String?, yLabel: String?, equal: Bool) in
            guard points.rank == 2, points.shape[1] == 2 else {
                throw cx.fail("scatter(_:) needs an n × 2 tensor of points, got shape \(points.shape)")
            }
            let xs = stride(from: 0, to: points.count, by: 2).map { points.scalars[$0] }
            let ys = stride(from: 1, to: points.count, by: 2).map { points.scalars[$0] }
            let mark = try Mark.scatter(x: xs, y: ys, color: try pointColor(color, cx), radius: size, opacity: opacity, label: label)
            return plot([mark], title, xLabel, yLabel, equalAspect: equal)
        }
        typedFunction("func plot(_ y: [Double], x: [Double]? = nil, label: String? = nil, dashed: Bool = false, color: String? = nil, width: Double = 1.75, arrow: Bool = false, \(labels), logY: Bool = false) -> Figure",
                      doc: "A line through the values (against their index, or against x); color \"#rrggbb\", width in px, arrow: a head at the last point.", topic: "Figures") {
            (cx, y: [Double], x: [Double]?, label: String?, dashed: Bool, color: String?, width: Double, arrow: Bool,
             title: String?, xLabel: String?, yLabel: String?, logY: Bool) in
            plot([try Mark.line(x: x, y: y, label: label, color: try hexColor(color, cx), width: width, dashed: dashed, arrow: arrow)],
                 title, xLabel, yLabel, logY: logY)
        }
        typedFunction("func text(_ texts: [String], x: [Double], y: [Double], color: String? = nil, size: Double = 12, anchor: String = \"middle\") -> Figure",
                      doc: "Words at points, for diagrams and notes ($math$ allowed); anchor: start, middle or end of each text at its point.", topic: "Figures") {
            (cx, texts: [String], x: [Double], y: [Double], color: String?, size: Double, anchor: String) in
            guard let side = TextMark.Anchor(rawValue: anchor) else {
                throw cx.fail("anchor must be start, middle or end, got '\(anchor)'")
            }
            return plot([try Mark.text(texts, x: x, y: y, color: try hexColor(color, cx), size: size, anchor: side)], nil, nil, nil)
        }
        typedFunction("func plot(series: [[Double]], x: [Double]? = nil, labels: [String]? = nil, \(labels), logY: Bool = false) -> Figure",
                      doc: "Several lines, one per series, with a legend when labelled.", topic: "Figures") {
            (_, series: [[Double]], x: [Double]?, names: [String]?, title: String?, xLabel: String?, yLabel: String?, logY: Bool) in
            plot(try Mark.lines(x: x, series: series, labels: names), title, xLabel, yLabel, logY: logY)
        }
        typedFunction("func hist(_ values: [Double], bins: Int? = nil, density: Bool = false, kde: Bool = false, \(labels)) -> Figure",
                      doc: "A histogram of counts (or a density), optionally with a kernel density curve.", topic: "Figures") {
            (_, values: [Double], bins: Int?, density: Bool, kde: Bool, title: String?, xLabel: String?, yLabel: String?) in
            plot([try Mark.histogram(values, bins: bins, density: density, kde: kde)], title, xLabel, yLabel)
        }
        typedFunction("func bar(_ categories: [String], _ values: [Double], color: String? = nil, label: String? = nil, \(labels)) -> Figure",
                      doc: "One bar per category; overlay bars of the same categories to compare or stack them.", topic: "Figures") {
            (cx, names: [String], values: [Double], color: String?, label: String?, title: String?, xLabel: String?, yLabel: String?) in
            plot([try Mark.bar(categories: names, values: values, color: try hexColor(color, cx), label: label)], title, xLabel, yLabel)
        }
        typedFunction("func heatmap(_ matrix: [[Double]], colorMap: String = \"viridis\", colorLabel: String? = nil, \(labels)) -> Figure",
                      doc: "A matrix as coloured cells, row 0 at the top; colorMap: viridis, diverging, gray, grayReversed.", topic: "Figures") {
            (cx, matrix: [[Double]], map: String, colorLabel: String?, title: String?, xLabel: String?, yLabel: String?) in
            plot([try Mark.heatmap(matrix, colorMap: try colorMap(map, cx), colorLabel: colorLabel)], title, xLabel, yLabel)
        }
        typedFunction("func contour(x: ClosedRange<Double>, y: ClosedRange<Double>, levels: Int = 10, count: Int = 60, filled: Bool = false, \(labels), _ f: (Double, Double) -> Double) -> Figure",
                      doc: "Contour lines of f(x, y) over a grid (filled: a heatmap under them).", topic: "Figures") {
            (cx, x: ClosedRange<Double>, y: ClosedRange<Double>, levels: Int, count: Int, filled: Bool,
             title: String?, xLabel: String?, yLabel: String?, f: CellFunction2<Double, Double, Double>) in
            guard (2...400).contains(count) else { throw cx.fail("count must be between 2 and 400, got \(count)") }
            let grid = try Grid.sample(x: x, y: y, count: count) { a, b in try f(a, b) }
            var marks = [try Mark.contour(grid, levels: levels)]
            if filled { marks.insert(try Mark.heatmap(grid), at: 0) }
            return plot(marks, title, xLabel, yLabel)
        }
        typedFunction("func quiver(x: ClosedRange<Double>, y: ClosedRange<Double>, count: Int = 15, \(labels), _ f: (Double, Double) -> (Double, Double)) -> Figure",
                      doc: "Arrows of a vector field (u, v) = f(x, y): scores, denoising directions.", topic: "Figures") {
            (_, x: ClosedRange<Double>, y: ClosedRange<Double>, count: Int, title: String?, xLabel: String?, yLabel: String?,
             f: CellFunction2<Double, Double, Pair<Double, Double>>) in
            let mark = try QuiverMark(x: x, y: y, count: count, colorByMagnitude: true) { a, b in
                let r = try f(a, b)
                return (r.first, r.second)
            }
            return plot([.quiver(mark)], title, xLabel, yLabel, equalAspect: true)
        }
        typedFunction("func figure(_ panels: [Figure], columns: Int? = nil, title: String? = nil, sharedAxes: Bool = false) -> Figure",
                      doc: "Several plots side by side as the panels of one figure; sharedAxes gives them one x range and one y range.", topic: "Figures") {
            (cx, figures: [FigureObject], columns: Int?, title: String?, sharedAxes: Bool) in
            let panels = figures.flatMap(\.panels)
            guard !panels.isEmpty else { throw cx.fail("figure(_:) needs at least one panel") }
            return FigureObject(panels: panels, columns: columns, title: title, sharedAxes: sharedAxes)
        }
        extend(libraryDecl("Figure")) { t in
            t.contextMethod("func overlay(_ other: Figure) -> Figure", doc: "This plot with another's marks drawn on top.") {
                (cx, base: FigureObject, other: FigureObject) in
                guard base.panels.count == 1, other.panels.count == 1 else { throw cx.fail("overlay works on single plots") }
                var merged = base.panels[0]
                merged.marks += other.panels[0].marks
                return FigureObject(panels: [merged], title: base.title)
            }
            t.method("func hidingAxes() -> Figure", doc: "This figure without axes, ticks or grid: a diagram drawn with lines, points and texts.") {
                (figure: FigureObject) in
                FigureObject(panels: figure.panels.map { var panel = $0; panel.axes = false; return panel },
                             columns: figure.columns, title: figure.title, sharedAxes: figure.sharedAxes)
            }
        }

        typedFunction("func imageGrid(_ images: [[Double]], height: Int, width: Int, columns: Int? = nil, colorMap: String = \"gray\", range: String = \"auto\", padding: Int = 2, scale: Int? = nil) -> Image",
                      doc: "Images (one flattened row each) tiled into a grid and enlarged so 8×8 digits are visible; range: auto, perImage, symmetric.",
                      topic: "Figures") {
            (cx, rows: [[Double]], height: Int, width: Int, columns: Int?, map: String, range: String, padding: Int, scale: Int?) in
            let batch = try ImageBatch(flattened: rows, height: height, width: width)
            let image = try batch.grid(columns: columns, padding: padding, scale: scale, range: try valueRange(range, cx),
                                       colorMap: try colorMap(map, cx))
            return ImageObject(image: image, summary: "A grid of \(rows.count) images of \(height)×\(width) pixels")
        }
        typedFunction("func imageGrid(_ images: Tensor, columns: Int? = nil, colorMap: String = \"gray\", range: String = \"auto\", padding: Int = 2, scale: Int? = nil) -> Image",
                      doc: "A batch tensor of images (n × h × w, or n × pixels of square images such as n × 64 digits) tiled into a grid.",
                      topic: "Figures") {
            (cx, t: Tensor, columns: Int?, map: String, range: String, padding: Int, scale: Int?) in
            let height: Int, width: Int
            switch t.rank {
            case 3: (height, width) = (t.shape[1], t.shape[2])
            case 2:
                let side = Int(Double(t.shape[1]).squareRoot().rounded())
                guard side * side == t.shape[1] else {
                    throw cx.fail("rows of \(t.shape[1]) pixels are not square images; reshape to n × height × width first")
                }
                (height, width) = (side, side)
            default:
                throw cx.fail("imageGrid needs a batch tensor (n × h × w or n × pixels), got shape \(t.shape)")
            }
            let count = t.shape[0], size = height * width
            let rows = (0..<count).map { Array(t.scalars[($0 * size)..<(($0 + 1) * size)]) }
            let batch = try ImageBatch(flattened: rows, height: height, width: width)
            let image = try batch.grid(columns: columns, padding: padding, scale: scale, range: try valueRange(range, cx),
                                       colorMap: try colorMap(map, cx))
            return ImageObject(image: image, summary: "A grid of \(count) images of \(height)×\(width) pixels")
        }
    }
}

/// A scatter's `color:` argument: class labels, names, values, a tensor of either, or one hex colour.
private func pointColor(_ color: AnyCellValue?, _ cx: LibraryContext) throws -> PointColor {
    guard let color else { return .automatic }
    switch color.value {
    case .string(let hex):
        guard let c = Color(hex: hex) else { throw cx.fail("color '\(hex)' is not of the form \"#rrggbb\"") }
        return .fixed(c)
    case .object(let t as TensorValue) where t.tensor.rank <= 1:
        let xs = t.tensor.scalars
        if xs.allSatisfy({ $0 == $0.rounded() && abs($0) < 1e6 }) { return .categories(xs.map { Int($0) }) }
        return .values(xs)
    case .array(let items):
        switch color.type {
        case .array(.int): return .categories(items.map { if case .int(let k) = $0 { k } else { 0 } })
        case .array(.string): return .names(items.map(\.stringValue))
        case .array(.double): return .values(items.map { if case .double(let d) = $0 { d } else { 0 } })
        default: break
        }
    default: break
    }
    throw cx.fail("color must be [Int] (classes), [String] (names), [Double] (values), a Tensor or \"#rrggbb\", got a value of type '\(color.type)'")
}

/// A `color:` argument of one colour: nil (the palette's next), or "#rrggbb".
private func hexColor(_ text: String?, _ cx: LibraryContext) throws -> Color? {
    guard let text else { return nil }
    guard let color = Color(hex: text) else { throw cx.fail("color '\(text)' is not of the form \"#rrggbb\"") }
    return color
}

/// A colour map by name, the same for plots and images (one table, in ColorMaps).
private func colorMap(_ name: String, _ cx: LibraryContext) throws -> ColorMap {
    guard let map = ColorMap(rawValue: name) else {
        throw cx.fail("unknown colour map '\(name)'; choose one of \(ColorMap.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    return map
}

private func valueRange(_ name: String, _ cx: LibraryContext) throws -> ValueRange {
    switch name {
    case "auto": return .auto
    case "perImage": return .perImage
    case "symmetric": return .symmetric
    case let other: throw cx.fail("range must be auto, perImage or symmetric, got '\(other)'")
    }
}
