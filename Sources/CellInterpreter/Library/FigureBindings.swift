import Imaging
import Plotting

/// A plot or a figure of panels, as cells hold it: shown as inline SVG under the cell.
final class FigureValue: LibraryValue, RichDisplayable {
    var typeName: String { "Figure" }
    /// The panels; one for a single plot.
    let panels: [Plot]
    let columns: Int?
    let title: String?

    init(panels: [Plot], columns: Int? = nil, title: String? = nil) {
        self.panels = panels
        self.columns = columns
        self.title = title
    }

    func display(size: DisplaySize) throws -> DisplayedValue {
        var figure = Figure(panels, columns: columns, title: title)
        if panels.count == 1 {
            figure = Figure(panels[0], width: size.width ?? 640, height: size.height ?? 400, title: title)
        } else {
            if let w = size.width { figure.width = w }
            if let h = size.height { figure.height = h }
        }
        return .svg(try figure.svg(), description: title ?? panels.first?.title ?? "Figure")
    }
}

/// A raster image (an image grid), shown as an embedded PNG.
final class ImageValue: LibraryValue, RichDisplayable, CustomStringConvertible {
    var typeName: String { "Image" }
    let image: PixelImage
    let summary: String

    init(_ image: PixelImage, summary: String) {
        self.image = image
        self.summary = summary
    }

    var description: String { "<Image \(image.width)×\(image.height)>" }

    func display(size: DisplaySize) throws -> DisplayedValue {
        .png(try image.pngData(), width: image.width, height: image.height, description: summary)
    }
}

extension Registry {
    /// The plotting functions cells call: each returns a `Figure` that displays as SVG.
    func registerFigures() {
        let labels = "title: String? = nil, xLabel: String? = nil, yLabel: String? = nil"
        func plot(_ marks: [Mark], _ call: Invocation, from first: Int, logX: Bool = false, logY: Bool = false,
                  equalAspect: Bool = false) throws -> Value {
            let p = Plot(marks, title: try call.optionalString(first), xLabel: try call.optionalString(first + 1),
                         yLabel: try call.optionalString(first + 2), xScale: logX ? .log : .linear, yScale: logY ? .log : .linear,
                         equalAspect: equalAspect)
            return .object(FigureValue(panels: [p]))
        }

        function(NativeFunction("scatter(_ x: [Double], _ y: [Double], color: Any? = nil, size: Double? = nil, opacity: Double? = nil, label: String? = nil, \(labels), equalAspect: Bool = false) -> Figure",
                                doc: "Points (x, y); color: class labels [Int] or names [String] (legend), values [Double] (colour bar), or \"#rrggbb\".") { call in
            let mark = try Mark.scatter(x: try call.doubles(0), y: try call.doubles(1), color: try pointColor(call, 2),
                                        radius: try call.optionalDouble(3), opacity: try call.optionalDouble(4), label: try call.optionalString(5))
            return try plot([mark], call, from: 6, equalAspect: try call.bool(9, default: false))
        }, topic: "Figures")
        function(NativeFunction("scatter(_ points: Tensor, color: Any? = nil, size: Double? = nil, opacity: Double? = nil, label: String? = nil, \(labels), equalAspect: Bool = false) -> Figure",
                                doc: "The rows of an n × 2 tensor as points (a latent space, samples of a 2-D model).") { call in
            let points = try call.tensor(0)
            guard points.rank == 2, points.shape[1] == 2 else {
                throw call.fail("scatter(_:) needs an n × 2 tensor of points, got shape \(points.shape)")
            }
            let xs = stride(from: 0, to: points.count, by: 2).map { points.scalars[$0] }
            let ys = stride(from: 1, to: points.count, by: 2).map { points.scalars[$0] }
            let mark = try Mark.scatter(x: xs, y: ys, color: try pointColor(call, 1),
                                        radius: try call.optionalDouble(2), opacity: try call.optionalDouble(3), label: try call.optionalString(4))
            return try plot([mark], call, from: 5, equalAspect: try call.bool(8, default: false))
        }, topic: "Figures")
        function(NativeFunction("plot(_ y: [Double], x: [Double]? = nil, label: String? = nil, dashed: Bool = false, \(labels), logY: Bool = false) -> Figure",
                                doc: "A line through the values (against their index, or against x).") { call in
            let mark = try Mark.line(x: try call.optionalDoubles(1), y: try call.doubles(0), label: try call.optionalString(2),
                                     dashed: try call.bool(3, default: false))
            return try plot([mark], call, from: 4, logY: try call.bool(7, default: false))
        }, topic: "Figures")
        function(NativeFunction("plot(series: [[Double]], x: [Double]? = nil, labels: [String]? = nil, \(labels), logY: Bool = false) -> Figure",
                                doc: "Several lines, one per series, with a legend when labelled.") { call in
            let series = try call.array(0).enumerated().map { (k, s) -> [Double] in
                guard let xs = s.doubleArray else { throw call.mismatch(0, expected: "[[Double]]", got: s) }
                _ = k
                return xs
            }
            let marks = try Mark.lines(x: try call.optionalDoubles(1), series: series, labels: try call.optionalStrings(2))
            return try plot(marks, call, from: 3, logY: try call.bool(6, default: false))
        }, topic: "Figures")
        function(NativeFunction("hist(_ values: [Double], bins: Int? = nil, density: Bool = false, kde: Bool = false, \(labels)) -> Figure",
                                doc: "A histogram of counts (or a density), optionally with a kernel density curve.") { call in
            let mark = try Mark.histogram(try call.doubles(0), bins: try call.optionalInt(1), density: try call.bool(2, default: false),
                                          kde: try call.bool(3, default: false))
            return try plot([mark], call, from: 4)
        }, topic: "Figures")
        function(NativeFunction("bar(_ categories: [String], _ values: [Double], \(labels)) -> Figure",
                                doc: "One bar per category.") { call in
            let names = try call.array(0).map(\.printed)
            return try plot([try Mark.bar(categories: names, values: try call.doubles(1))], call, from: 2)
        }, topic: "Figures")
        function(NativeFunction("heatmap(_ matrix: [[Double]], colorMap: String = \"viridis\", colorLabel: String? = nil, \(labels)) -> Figure",
                                doc: "A matrix as coloured cells, row 0 at the top; colorMap: viridis, diverging, gray, grayReversed.") { call in
            let matrix = try call.matrix(0)
            let mark = try Mark.heatmap(matrix, colorMap: try plotColorMap(call, 1), colorLabel: try call.optionalString(2))
            return try plot([mark], call, from: 3)
        }, topic: "Figures")
        function(NativeFunction("contour(x: ClosedRange<Double>, y: ClosedRange<Double>, levels: Int = 10, count: Int = 60, filled: Bool = false, \(labels), _ f: (Double, Double) -> Double) -> Figure",
                                doc: "Contour lines of f(x, y) over a grid (filled: a heatmap under them).") { call in
            let grid = try sampleGrid(call, count: try call.int(3, default: 60), f: call.value(8)!)
            var marks = [try Mark.contour(grid, levels: try call.int(2, default: 10))]
            if try call.bool(4, default: false) { marks.insert(try Mark.heatmap(grid), at: 0) }
            return try plot(marks, call, from: 5, equalAspect: false)
        }, topic: "Figures")
        function(NativeFunction("quiver(x: ClosedRange<Double>, y: ClosedRange<Double>, count: Int = 15, \(labels), _ f: (Double, Double) -> (Double, Double)) -> Figure",
                                doc: "Arrows of a vector field (u, v) = f(x, y): scores, denoising directions.") { call in
            guard let xr = call.value(0)?.closedInterval, let yr = call.value(1)?.closedInterval else {
                throw call.fail("x and y must be closed ranges such as -3...3")
            }
            let f = call.value(6)!
            let mark = try QuiverMark(x: xr, y: yr, count: try call.int(2, default: 15), colorByMagnitude: true) { x, y in
                let r = try call.call(f, [.double(x), .double(y)])
                guard case .tuple(let t) = r, t.elements.count == 2, t.elements.allSatisfy(\.isNumber) else {
                    throw call.fail("the function must return a pair (u, v) of numbers")
                }
                return (t.elements[0].asDouble, t.elements[1].asDouble)
            }
            return try plot([.quiver(mark)], call, from: 3, equalAspect: true)
        }, topic: "Figures")
        function(NativeFunction("figure(_ panels: [Figure], columns: Int? = nil, title: String? = nil) -> Figure",
                                doc: "Several plots side by side as the panels of one figure.") { call in
            var panels: [Plot] = []
            for v in try call.array(0) {
                guard case .object(let o as FigureValue) = v else { throw call.mismatch(0, expected: "[Figure]", got: v) }
                panels += o.panels
            }
            guard !panels.isEmpty else { throw call.fail("needs at least one panel") }
            return .object(FigureValue(panels: panels, columns: try call.optionalInt(1), title: try call.optionalString(2)))
        }, topic: "Figures")
        type(TypeBinding("Figure", doc: "A plot, or panels of plots; shown as SVG under the cell.")
            .method(NativeFunction("overlay(_ other: Figure) -> Figure", doc: "This plot with another's marks drawn on top.") { call in
                let base = try call.receiver(as: FigureValue.self)
                let other = try call.object(0, as: FigureValue.self, named: "Figure")
                guard base.panels.count == 1, other.panels.count == 1 else { throw call.fail("overlay works on single plots") }
                var merged = base.panels[0]
                merged.marks += other.panels[0].marks
                return .object(FigureValue(panels: [merged], title: base.title))
            }),
             topic: "Figures")

        function(NativeFunction("imageGrid(_ images: [[Double]], height: Int, width: Int, columns: Int? = nil, colorMap: String = \"gray\", range: String = \"auto\", padding: Int = 2, scale: Int? = nil) -> Image",
                                doc: "Images (one flattened row each) tiled into a grid and enlarged so 8×8 digits are visible; range: auto, perImage, symmetric.") { call in
            let rows = try call.matrix(0)
            let height = try call.int(1), width = try call.int(2)
            let batch = try ImageBatch(flattened: rows, height: height, width: width)
            let image = try batch.grid(columns: try call.optionalInt(3), padding: try call.int(6, default: 2), scale: try call.optionalInt(7),
                                       range: try valueRange(call, 5), colorMap: try imageColorMap(call, 4))
            return .object(ImageValue(image, summary: "A grid of \(rows.count) images of \(height)×\(width) pixels"))
        }, topic: "Figures")
        function(NativeFunction("imageGrid(_ images: Tensor, columns: Int? = nil, colorMap: String = \"gray\", range: String = \"auto\", padding: Int = 2, scale: Int? = nil) -> Image",
                                doc: "A batch tensor of images (n × h × w, or n × pixels of square images such as n × 64 digits) tiled into a grid.") { call in
            let t = try call.tensor(0)
            let height: Int, width: Int
            switch t.rank {
            case 3: (height, width) = (t.shape[1], t.shape[2])
            case 2:
                let side = Int(Double(t.shape[1]).squareRoot().rounded())
                guard side * side == t.shape[1] else {
                    throw call.fail("rows of \(t.shape[1]) pixels are not square images; reshape to n × height × width first")
                }
                (height, width) = (side, side)
            default:
                throw call.fail("imageGrid needs a batch tensor (n × h × w or n × pixels), got shape \(t.shape)")
            }
            let count = t.shape[0], size = height * width
            let rows = (0..<count).map { Array(t.scalars[($0 * size)..<(($0 + 1) * size)]) }
            let batch = try ImageBatch(flattened: rows, height: height, width: width)
            let image = try batch.grid(columns: try call.optionalInt(1), padding: try call.int(4, default: 2), scale: try call.optionalInt(5),
                                       range: try valueRange(call, 3), colorMap: try imageColorMap(call, 2))
            return .object(ImageValue(image, summary: "A grid of \(count) images of \(height)×\(width) pixels"))
        }, topic: "Figures")
        type(TypeBinding("Image", doc: "A raster image; shown as an embedded PNG."), topic: "Figures")
    }
}

private func pointColor(_ call: Invocation, _ i: Int) throws -> PointColor {
    guard let v = call.value(i), !v.isNoneOrVoid else { return .automatic }
    switch v {
    case .string(let hex):
        guard let c = Color(hex: hex) else { throw call.fail("color '\(hex)' is not of the form \"#rrggbb\"") }
        return .fixed(c)
    case .object(let t as TensorValue) where t.tensor.rank <= 1:
        let xs = t.tensor.scalars
        if xs.allSatisfy({ $0 == $0.rounded() && abs($0) < 1e6 }) { return .categories(xs.map { Int($0) }) }
        return .values(xs)
    case .array(let items):
        if items.allSatisfy(\.isInt) { return .categories(items.map { if case .int(let k) = $0 { k } else { 0 } }) }
        if items.allSatisfy({ if case .string = $0 { true } else { false } }) { return .names(items.map(\.printed)) }
        if let values = v.doubleArray { return .values(values) }
    default: break
    }
    throw call.mismatch(i, expected: "[Int], [String], [Double] or \"#rrggbb\"", got: v)
}

private func plotColorMap(_ call: Invocation, _ i: Int) throws -> Plotting.ColorMap {
    let name = try call.string(i, default: "viridis")
    guard let map = Plotting.ColorMap(rawValue: name) else {
        throw call.fail("unknown colour map '\(name)'; choose one of \(Plotting.ColorMap.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    return map
}

private func imageColorMap(_ call: Invocation, _ i: Int) throws -> Imaging.ColorMap {
    let name = try call.string(i, default: "gray")
    guard let map = Imaging.ColorMap(rawValue: name) else {
        throw call.fail("unknown colour map '\(name)'; choose one of \(Imaging.ColorMap.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    return map
}

private func valueRange(_ call: Invocation, _ i: Int) throws -> ValueRange {
    switch try call.string(i, default: "auto") {
    case "auto": return .auto
    case "perImage": return .perImage
    case "symmetric": return .symmetric
    case let other: throw call.fail("range must be auto, perImage or symmetric, got '\(other)'")
    }
}

private func sampleGrid(_ call: Invocation, count: Int, f: Value) throws -> Grid {
    guard let xr = call.value(0)?.closedInterval, let yr = call.value(1)?.closedInterval else {
        throw call.fail("x and y must be closed ranges such as -3...3")
    }
    return try Grid.sample(x: xr, y: yr, count: count) { x, y in
        let r = try call.call(f, [.double(x), .double(y)])
        guard r.isNumber else { throw call.fail("the function must return a number, got a value of type '\(r.typeName)'") }
        return r.asDouble
    }
}

extension Value {
    var isNoneOrVoid: Bool {
        switch self {
        case .none, .void: true
        default: false
        }
    }

    /// An array of numbers as [Double], or nil.
    var doubleArray: [Double]? {
        guard case .array(let items) = self else { return nil }
        var out: [Double] = []
        out.reserveCapacity(items.count)
        for item in items {
            guard item.isNumber else { return nil }
            out.append(item.asDouble)
        }
        return out
    }
}

extension Invocation {
    public func optionalString(_ i: Int) throws -> String? {
        guard let v = value(i), !v.isNoneOrVoid else { return nil }
        return try string(i)
    }

    public func optionalDouble(_ i: Int) throws -> Double? {
        guard let v = value(i), !v.isNoneOrVoid else { return nil }
        return try double(i)
    }

    public func optionalInt(_ i: Int) throws -> Int? {
        guard let v = value(i), !v.isNoneOrVoid else { return nil }
        return try int(i)
    }

    public func optionalDoubles(_ i: Int) throws -> [Double]? {
        guard let v = value(i), !v.isNoneOrVoid else { return nil }
        return try doubles(i)
    }

    public func optionalStrings(_ i: Int) throws -> [String]? {
        guard let v = value(i), !v.isNoneOrVoid else { return nil }
        return try array(i).map(\.printed)
    }

    /// A matrix given as an array of rows of numbers.
    public func matrix(_ i: Int) throws -> [[Double]] {
        let rows = try array(i)
        return try rows.map { row in
            guard let xs = row.doubleArray else { throw mismatch(i, expected: "[[Double]]", got: value(i)!) }
            return xs
        }
    }
}
