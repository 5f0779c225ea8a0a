/// Lays out a figure's panels on a grid and writes the SVG document.
struct FigureRenderer {
    /// Stands in for the figure's id prefix until the content hash is known. It is replaced
    /// only where it follows a `"` or `#` and precedes `-`, in patterns that contain a raw
    /// quote; user text never holds a raw quote (it is escaped), so user text is never touched.
    static let idToken = "LCID"
    static let fontFamily = "Helvetica, Arial, 'Liberation Sans', sans-serif"

    let figure: Figure

    init(_ figure: Figure) { self.figure = figure }

    /// The SVG document; `categoryColors` gives labels their colours on the page and takes
    /// the figure's new ones (left as it was when the figure cannot be drawn).
    func render(categoryColors: inout CategoryColors) throws -> String {
        guard !figure.panels.isEmpty else { throw PlotError(.emptyData, "figure: no panels to draw") }
        let (w, h) = (figure.width, figure.height)
        guard w.isFinite, h.isFinite, w >= 120, h >= 100, w <= 10_000, h <= 10_000 else {
            throw PlotError.invalid("figure", "width and height must be between 120 × 100 and 10000 × 10000 px, got \(NumberFormat.general(w)) × \(NumberFormat.general(h))")
        }
        var colors = categoryColors
        let plans = try self.plans(categoryColors: &colors)
        let layouts = try layOut(plans)

        var svg = SVGWriter()
        let id = Self.idToken
        svg.open("svg", ["xmlns": "http://www.w3.org/2000/svg", "width": px(w), "height": px(h),
                         "viewBox": "0 0 \(px(w)) \(px(h))", "role": "img",
                         "aria-labelledby": "\(id)-title \(id)-desc",
                         "font-family": Self.fontFamily, "font-size": px(AxisModel.tickFont)])
        svg.text("title", ["id": "\(id)-title"], accessibleTitle)
        svg.text("desc", ["id": "\(id)-desc"], figure.description ?? FigureDescription(figure, layouts).text)
        svg.element("rect", ["class": "lc-bg", "width": px(w), "height": px(h), "fill": "#ffffff"])
        if let title = figure.title {
            svg.label("text", ["x": px(w / 2), "y": "21", "text-anchor": "middle", "font-size": "15",
                              "font-weight": "600", "fill": "#111111", "class": "lc-ink"], title)
        }
        for (k, layout) in layouts.enumerated() {
            PanelRenderer(layout: layout, index: k, idPrefix: id).draw(into: &svg)
        }
        svg.close("svg")
        categoryColors = colors
        return Self.resolveIDs(svg.output)
    }

    /// The panel layouts `render()` draws (for tests of geometry).
    func layouts() throws -> [PanelLayout] {
        var colors = CategoryColors()
        return try layOut(try plans(categoryColors: &colors))
    }

    /// Each panel's plan; with `sharedAxes`, every panel's free continuous axes span the
    /// union of all panels' data on that axis.
    func plans(categoryColors: inout CategoryColors) throws -> [PanelPlan] {
        guard figure.sharedAxes, figure.panels.count > 1 else {
            return try figure.panels.map { try PanelPlan($0, categoryColors: &categoryColors) }
        }
        func union(_ extents: [Extent?]) -> Extent? {
            extents.compactMap { $0 }.reduce(nil) { (acc: Extent?, next: Extent) in acc?.union(next) ?? next }
        }
        // Shared among panels whose axis is free and of the same kind (a log axis never takes
        // a linear panel's zeros); bars' category axes are never shared.
        let free = figure.panels.filter { p in !p.marks.contains { if case .bar = $0 { true } else { false } } }
        func sharedX(_ kind: ScaleKind) -> Extent? {
            union(free.filter { $0.xDomain == nil && $0.xScale == kind }.flatMap { $0.marks.map(\.drawing.xExtent) })
        }
        func sharedY(_ kind: ScaleKind) -> Extent? {
            union(figure.panels.filter { $0.yDomain == nil && $0.yScale == kind }.flatMap { $0.marks.map(\.drawing.yExtent) })
        }
        return try figure.panels.map {
            try PanelPlan($0, sharedX: sharedX($0.xScale), sharedY: sharedY($0.yScale), categoryColors: &categoryColors)
        }
    }

    private var accessibleTitle: String {
        let title = figure.title ?? figure.panels.compactMap(\.title).first ?? "Figure"
        return MathText.hasMath(title) ? MathText(title).plain : title
    }

    /// Cells on a grid, then margins from each panel's needs, aligned so that plot areas in
    /// one row share top and bottom, and in one column share left and right.
    private func layOut(_ plans: [PanelPlan]) throws -> [PanelLayout] {
        let cols = figure.columns, rows = figure.rows
        let top = figure.title == nil ? 0.0 : 30.0
        let cw = figure.width / Double(cols), ch = (figure.height - top) / Double(rows)
        let cells = plans.indices.map { k in
            Rect(x: Double(k % cols) * cw, y: top + Double(k / cols) * ch, width: cw, height: ch)
        }
        var margins = plans.map { _ in Margins(left: 50, right: 20, top: 20, bottom: 40) }
        var layouts: [PanelLayout] = []
        for _ in 0..<3 {
            let areas = try zip(cells, margins).map { try Self.inset($0, $1) }
            layouts = plans.indices.map { PanelLayout(plans[$0], cell: cells[$0], area: areas[$0]) }
            margins = Self.aligned(layouts.map(\.neededMargins), columns: cols)
        }
        let areas = try zip(cells, margins).map { try Self.inset($0, $1) }
        return plans.indices.map { PanelLayout(plans[$0], cell: cells[$0], area: areas[$0]) }
    }

    private static func inset(_ cell: Rect, _ m: Margins) throws -> Rect {
        let area = Rect(x: cell.x + m.left, y: cell.y + m.top,
                        width: cell.width - m.left - m.right, height: cell.height - m.top - m.bottom)
        guard area.width >= 40, area.height >= 30 else {
            throw PlotError.invalid("figure", "a panel of \(px(cell.width)) × \(px(cell.height)) px leaves no room to plot after its labels, legend and colour bar; make the figure larger or use fewer columns")
        }
        return area
    }

    private static func aligned(_ margins: [Margins], columns: Int) -> [Margins] {
        var out = margins
        for k in margins.indices {
            let sameColumn = margins.indices.filter { $0 % columns == k % columns }
            let sameRow = margins.indices.filter { $0 / columns == k / columns }
            out[k].left = sameColumn.map { margins[$0].left }.max()!
            out[k].right = sameColumn.map { margins[$0].right }.max()!
            out[k].top = sameRow.map { margins[$0].top }.max()!
            out[k].bottom = sameRow.map { margins[$0].bottom }.max()!
        }
        return out
    }

    /// Replaces the id token by "lc" and a hash of the document: ids stay unique between
    /// different figures inlined in one page, and the same figure keeps the same bytes.
    /// One pass over the UTF-8 bytes (Foundation's string search was most of a large
    /// scatter's render time).
    static func resolveIDs(_ text: String) -> String {
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100000001b3
        }
        let hex = String(hash, radix: 16)
        let prefix = Array(("lc" + String(repeating: "0", count: 16 - hex.count) + hex).utf8)
        let token = Array(idToken.utf8)
        // The token is replaced where it follows `"`, `"url(#` or `␠` and precedes `-`; the
        // space case is only ` LCID-desc"` (aria-labelledby's second id).
        let bytes = Array(text.utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count + 64)
        var i = 0
        while i < bytes.count {
            if bytes[i] == token[0], i > 0, Self.matches(bytes, at: i, token + [UInt8(ascii: "-")]) {
                let before = bytes[i - 1]
                let quoted = before == UInt8(ascii: "\"")
                    || (before == UInt8(ascii: "#") && i >= 6 && Array(bytes[(i - 6)..<i]) == Array("\"url(#".utf8))
                let spaced = before == UInt8(ascii: " ") && Self.matches(bytes, at: i + token.count, Array("-desc\"".utf8))
                if quoted || spaced {
                    out += prefix
                    i += token.count
                    continue
                }
            }
            out.append(bytes[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func matches(_ bytes: [UInt8], at start: Int, _ pattern: [UInt8]) -> Bool {
        guard start + pattern.count <= bytes.count else { return false }
        for k in pattern.indices where bytes[start + k] != pattern[k] { return false }
        return true
    }
}
