import CellInterpreter
import Foundation
import Notebook
import NotebookRunner

/// A cell on the page: its highlighted code, then its outputs, then its error if it failed.
enum CellRenderer {
    /// `link` makes a cross-reference in a caption (`@fig-…`, a label and where it is written) a
    /// link, as prose does.
    static func render(_ result: CellResult, number: String?, options: PageOptions, furniture: Furniture = .english,
                       link: (Reference) -> String) -> String {
        let cell = result.cell
        let o = cell.options
        guard o.include else { return "" }
        let id = o.label ?? "cell-\(cell.index + 1)"
        let part = cell.part.map { " cell-\($0.rawValue)" } ?? ""
        var html = "<section class=\"cell\(part)\" id=\"\(HTML.attribute(id))\">\n"
        // A solution block names its cells already; a solution outside one is labelled.
        if let p = cell.part, !(p == .solution && o.exercise == nil) {
            html += "<p class=\"cell-part\">\(HTML.escape(furniture.exercisePart(p, points: o.points ?? 1)))</p>\n"
        }
        let showCode = options.handout ? o.echo && o.explicitlySet.contains("echo") : o.echo
        if showCode {
            let code = "<pre class=\"code\"><code class=\"language-swift\">\(SyntaxHighlighter.highlight(cell.code))</code></pre>\n"
            html += o.fold ? "<details class=\"code-fold\"><summary>Code</summary>\n\(code)</details>\n" : code
        }
        // A handout that hides a cell's code keeps its figures but not its printed text, which
        // would stand without the code it answers; `output: true` on the cell keeps it.
        let dropsText = options.handout && !showCode && !o.explicitlySet.contains("output")
        let outputs = dropsText ? result.outputs.filter { !$0.isText } : result.outputs
        if o.output, !outputs.isEmpty {
            html += "<div class=\"outputs\">\n"
            // A cell's caption and number go under its last figure, once.
            let lastFigure = outputs.lastIndex { if case .value(.svg) = $0 { true } else if case .value(.png) = $0 { true } else { false } }
            for (i, output) in outputs.enumerated() {
                html += render(output, cell: cell, number: number, captioned: i == lastFigure, link: link)
            }
            html += "</div>\n"
        }
        if let failure = result.failure {
            html += "<div class=\"cell-error\" role=\"alert\"><span class=\"label\">error:</span> \(HTML.escape(failure.location)): \(HTML.escape(failure.message))"
            for note in failure.notes { html += "\n<span class=\"label\">note:</span> \(HTML.escape(note))" }
            html += "</div>\n"
        }
        switch result.status {
        case .notRun: html += "<p class=\"cell-note\">Not run: an earlier cell failed.</p>\n"
        case .skipped: html += "<p class=\"cell-note\">Not run (<code>eval: false</code>).</p>\n"
        case .failed(allowed: false) where result.failure == nil:
            html += "<div class=\"cell-error\" role=\"alert\"><span class=\"label\">error:</span> the cell was expected to fail but it succeeded</div>\n"
        default: break
        }
        if options.timings, !options.handout, result.status != .skipped, result.status != .notRun {
            html += "<p class=\"cell-time\">\(formatDuration(result.seconds))</p>\n"
        }
        return html + "</section>\n"
    }

    /// A cell's running time as a reader wants it: "8 ms", "0.42 s", "12.3 s".
    static func formatDuration(_ seconds: Double) -> String {
        if seconds < 0.01 { return "\(max(0, Int((seconds * 1000).rounded()))) ms" }
        if seconds < 10 { return String(format: "%.2f s", seconds) }
        return String(format: "%.1f s", seconds)
    }

    private static func render(_ output: CellOutput, cell: Cell, number: String?, captioned: Bool, link: (Reference) -> String) -> String {
        switch output {
        case .text(let text):
            var t = text
            if t.hasSuffix("\n") { t.removeLast() }
            return "<pre class=\"\(outputClass(t, "output"))\">\(HTML.escape(t))</pre>\n"
        case .value(let value):
            switch value {
            case .text(let text):
                return "<pre class=\"\(outputClass(text, "output value"))\">\(HTML.escape(text))</pre>\n"
            case .html(let html):
                return "<div class=\"output html\">\(html)</div>\n"
            case .svg(let svg, _):
                return figure("<div class=\"svg\">\(svg)</div>", cell: cell, number: number, captioned: captioned, link: link)
            case .png(let bytes, let width, let height, let description):
                let data = Data(bytes).base64EncodedString()
                return figure("<img src=\"data:image/png;base64,\(data)\" width=\"\(width)\" height=\"\(height)\" alt=\"\(HTML.attribute(description))\">",
                              cell: cell, number: number, captioned: captioned, link: link)
            }
        }
    }

    /// A caption's text with its `$…$` formulas as inline MathML and its cross-references made
    /// links by `link`, as in prose (a lone `$` stays a dollar sign; a formula that fails to
    /// convert shows its source, marked).
    static func captionHTML(_ caption: String, at location: SourceLocation, link: (Reference) -> String) -> String {
        func text(_ plain: Substring) -> String {
            let bytes = Array(plain.utf8)
            var html = "", from = 0
            for (range, label) in Reference.labels(in: String(plain)) {
                html += HTML.escape(String(decoding: bytes[from..<range.lowerBound], as: UTF8.self))
                html += link(Reference(label: label, location: location))
                from = range.upperBound
            }
            return html + HTML.escape(String(decoding: bytes[from...], as: UTF8.self))
        }
        var html = ""
        var rest = Substring(caption)
        while let open = rest.firstIndex(of: "$"),
              let close = rest[rest.index(after: open)...].firstIndex(of: "$") {
            html += text(rest[..<open])
            let tex = String(rest[rest.index(after: open)..<close])
            html += "<span class=\"math inline\">\(MathRendering.converter.render(tex, display: false).mathML)</span>"
            rest = rest[rest.index(after: close)...]
        }
        return html + text(rest)
    }

    /// Output classes; `tabular` for text laid out in columns (two or more lines with a gap
    /// of two spaces between words), which keeps its lines whole and scrolls rather than
    /// wrapping and losing its columns.
    static func outputClass(_ text: String, _ base: String) -> String {
        var columnLines = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let trimmed = line.drop(while: { $0 == " " })
            if trimmed.contains("  "), trimmed.trimmingCharacters(in: .whitespaces).contains(" ") {
                columnLines += 1
                if columnLines >= 2 { return base + " tabular" }
            }
        }
        return base
    }

    private static func figure(_ content: String, cell: Cell, number: String?, captioned: Bool, link: (Reference) -> String) -> String {
        var html = "<figure>\(content)"
        guard captioned else { return html + "</figure>\n" }
        let prefix = number.map { "<span class=\"figure-number\">\($0):</span> " } ?? ""
        if let caption = cell.options.caption {
            html += "<figcaption>\(prefix)\(captionHTML(caption, at: cell.fence, link: link))</figcaption>"
        } else if number != nil {
            html += "<figcaption>\(prefix.replacingOccurrences(of: ":</span> ", with: "</span>"))</figcaption>"
        }
        return html + "</figure>\n"
    }
}

extension CellOutput {
    /// Printed text or a value shown as text (not a figure or markup).
    var isText: Bool {
        switch self {
        case .text, .value(.text): true
        default: false
        }
    }
}
