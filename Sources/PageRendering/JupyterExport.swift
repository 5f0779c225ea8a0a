import CellInterpreter
import Foundation
import Notebook
import NotebookRunner

/// A notebook's run as a Jupyter notebook (nbformat 4.5): the prose as Markdown cells (inline
/// `{swift}` values filled in, the title as a heading), each Swift cell as a code cell with its
/// outputs — printed text as a stdout stream, values as `text/plain`, figures as
/// `image/svg+xml`, images as `image/png`, tables as `text/html`, failures as `error`.
///
/// Values spliced into the Markdown (the title, the subtitle, inline values, failure messages)
/// are escaped as text. With `safe` (a notebook from others), the Markdown cells keep no raw
/// HTML and no link or image address `SafeURL` refuses, as a `--safe` page does.
public enum JupyterExport {
    public static func render(_ result: NotebookResult, safe: Bool = false) throws -> String {
        let document = result.document
        let lines = document.source.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var markdownLines = lines
        // Inline values in place of their code spans (last first, so columns stay valid).
        for (inline, value) in zip(document.inlineExpressions, result.inlineValues).reversed() {
            let i = inline.location.line - 1
            guard markdownLines.indices.contains(i), let range = markdownLines[i].range(of: inline.raw) else { continue }
            let text: String
            switch value {
            case .value(let v), .text(let v): text = SafeMarkdown.escape(v)
            case .failed(let d): text = "*" + SafeMarkdown.escape("error: \(d.message)") + "*"
            case .notRun: text = "*not run*"
            }
            markdownLines[i].replaceSubrange(range, with: text)
        }

        var cells: [[String: Any]] = []
        var markdownCount = 0
        func addMarkdown(_ from: Int, _ to: Int) {
            guard from < to else { return }
            var chunk = Array(markdownLines[from..<to])
            while chunk.first?.trimmingCharacters(in: .whitespaces).isEmpty == true { chunk.removeFirst() }
            while chunk.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { chunk.removeLast() }
            guard !chunk.isEmpty else { return }
            markdownCount += 1
            let markdown = chunk.joined(separator: "\n")
            cells.append(["cell_type": "markdown", "id": "md-\(markdownCount)", "metadata": [String: Any](),
                          "source": sourceLines(safe ? SafeMarkdown.sanitize(markdown) : markdown)])
        }

        var title: [String] = []
        if let t = document.frontMatter.title { title.append("# " + SafeMarkdown.escape(t)) }
        if let s = document.frontMatter.subtitle { title.append("*" + SafeMarkdown.escape(s) + "*") }
        if !title.isEmpty {
            markdownCount += 1
            cells.append(["cell_type": "markdown", "id": "md-\(markdownCount)", "metadata": [String: Any](),
                          "source": sourceLines(title.joined(separator: "\n\n"))])
        }

        var next = frontMatterEnd(lines)
        var count = 0
        for cellResult in result.cells {
            let cell = cellResult.cell
            let fence = cell.fence.line - 1
            addMarkdown(next, fence)
            next = closingFence(lines, after: fence) + 1
            count += 1
            let ran = cellResult.status != .skipped && cellResult.status != .notRun
            cells.append([
                "cell_type": "code", "id": "cell-\(count)",
                "execution_count": ran ? count as Any : NSNull(),
                "metadata": cell.options.label.map { ["tags": [$0]] as [String: Any] } ?? [String: Any](),
                "source": sourceLines(cell.code),
                "outputs": outputs(cellResult, count: count),
            ])
        }
        addMarkdown(next, lines.count)

        let notebook: [String: Any] = [
            "cells": cells,
            "metadata": [
                "kernelspec": ["name": "lectern-swift", "display_name": "Swift (Lectern)", "language": "swift"],
                "language_info": ["name": "swift", "file_extension": ".swift"],
                "lectern": ["version": LecternVersion.current, "source": document.source.path],
            ],
            "nbformat": 4,
            "nbformat_minor": 5,
        ]
        let data = try JSONSerialization.data(withJSONObject: notebook, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private static func outputs(_ r: CellResult, count: Int) -> [[String: Any]] {
        var out: [[String: Any]] = []
        for o in r.outputs {
            switch o {
            case .text(let t):
                out.append(["output_type": "stream", "name": "stdout", "text": sourceLines(t)])
            case .value(.text(let t)):
                out.append(["output_type": "display_data", "metadata": [String: Any](), "data": ["text/plain": sourceLines(t)]])
            case .value(.svg(let svg, let description)):
                out.append(["output_type": "display_data", "metadata": [String: Any](),
                            "data": ["image/svg+xml": sourceLines(svg), "text/plain": [description]]])
            case .value(.png(let bytes, let width, let height, let description)):
                out.append(["output_type": "display_data", "metadata": ["image/png": ["width": width, "height": height]],
                            "data": ["image/png": Data(bytes).base64EncodedString(), "text/plain": [description]]])
            case .value(.html(let html)):
                out.append(["output_type": "display_data", "metadata": [String: Any](), "data": ["text/html": sourceLines(html)]])
            }
        }
        if let f = r.failure {
            out.append(["output_type": "error", "ename": f.kind.rawValue, "evalue": f.message,
                        "traceback": f.description.split(separator: "\n").map(String.init)])
        }
        return out
    }

    /// Text as Jupyter stores it: lines, each but the last ending in "\n".
    static func sourceLines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) + "\n" }
        if let last = lines.last {
            lines[lines.count - 1] = String(last.dropLast())
            if lines[lines.count - 1].isEmpty { lines.removeLast() }
        }
        return lines
    }

    /// The first line after the front matter (0 when there is none).
    private static func frontMatterEnd(_ lines: [String]) -> Int {
        guard lines.first?.trimmingCharacters(in: .whitespaces) == "---" else { return 0 }
        for i in 1..<lines.count where ["---", "..."].contains(lines[i].trimmingCharacters(in: .whitespaces)) { return i + 1 }
        return 0
    }

    /// The line of the fence that closes the one opened at `open` (CommonMark: same character,
    /// at least as long, nothing after it).
    private static func closingFence(_ lines: [String], after open: Int) -> Int {
        let opening = lines[open].drop { $0 == " " }
        guard let marker = opening.first, marker == "`" || marker == "~" else { return open }
        let length = opening.prefix { $0 == marker }.count
        for i in (open + 1)..<lines.count {
            let t = lines[i].trimmingCharacters(in: .whitespaces)
            if t.count >= length, t.allSatisfy({ $0 == marker }) { return i }
        }
        return lines.count - 1
    }
}
