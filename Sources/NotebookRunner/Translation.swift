import CellInterpreter
import Notebook
import Plotting

/// A notebook's translation (`02-ppca.zh.md` beside `02-ppca.md`) shown with the outputs of the
/// one run of the original: the translation's prose, captions and titles, the original's cells'
/// outputs and inline values. So one run gives every language's page, with the same numbers and
/// figures, and a translation that drifted from its original is a located error, not a page whose
/// code says one thing and whose outputs another.
public enum Translation {
    /// The translation of `notebook` into `language`: `name.md` → `name.language.md`.
    public static func path(of notebook: String, language: String) -> String {
        let base = notebook.hasSuffix(".md") ? String(notebook.dropLast(3)) : notebook
        return "\(base).\(language).md"
    }

    /// Whether the file `name` is the translation of another of `names` (`a.zh.md` beside `a.md`):
    /// a folder's notebooks leave translations out, which render with their originals.
    public static func isTranslation(_ name: String, among names: Set<String>) -> Bool {
        guard name.hasSuffix(".md") else { return false }
        let stem = name.dropLast(3)
        guard let dot = stem.lastIndex(of: ".") else { return false }
        let tag = stem[stem.index(after: dot)...]
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }),
              parts.dropFirst().allSatisfy({ !$0.isEmpty && $0.count <= 8 && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } })
        else { return false }
        return names.contains(String(stem[..<dot]) + ".md")
    }

    /// `result` (the original's run) with `translation` as its document. The translation must hold
    /// the same cells (the same code, in the same order; options such as `caption` may differ)
    /// and only inline expressions the original evaluates after the same cell (in any order).
    public static func apply(_ translation: Document, to result: NotebookResult) throws(Diagnostic) -> NotebookResult {
        let original = result.document
        let cells = translation.cells, originalCells = original.cells
        for (i, cell) in cells.enumerated() {
            guard i < originalCells.count else {
                throw .error("this translation has cell \(i + 1), but \(original.source.path) has only \(originalCells.count); a translation keeps the original's cells", at: cell.fence)
            }
            guard cell.code == originalCells[i].code else {
                throw .error("cell \(i + 1) differs from cell \(i + 1) of \(original.source.path) (line \(originalCells[i].fence.line)); a translation keeps the original's code, which runs once for every language",
                             at: cell.fence)
            }
        }
        guard cells.count == originalCells.count else {
            throw .error("this translation has \(cells.count) cells, \(original.source.path) has \(originalCells.count); a translation keeps the original's cells",
                         at: SourceLocation(file: translation.source.path, line: 1, column: 1))
        }
        var values: [InlineResult] = []
        for inline in translation.inlineExpressions {
            guard let k = original.inlineExpressions.firstIndex(where: { $0.code == inline.code && $0.cellsBefore == inline.cellsBefore && $0.digits == inline.digits }) else {
                throw .error("the inline expression `\(inline.code)` is not in \(original.source.path) after the same cell; a translation shows the values the original computed",
                             at: inline.location)
            }
            values.append(result.inlineValues[k])
        }
        var translated = result
        translated.document = translation
        translated.cells = try zip(result.cells, cells).map { run, cell throws(Diagnostic) in
            var r = run
            r.cell = cell
            r.outputs = try translateFigures(r.outputs, as: cell)
            r.failure = r.failure.map { relocate($0, from: original, to: translation) }
            return r
        }
        translated.inlineValues = values
        return translated
    }

    /// `failure` located in the translation: a line inside a cell of the original (the failing
    /// cell, or an earlier one whose function it called) moves to the same line of the
    /// translation's copy of that cell, so the page in each language names its own file.
    static func relocate(_ failure: CellDiagnostic, from original: Document, to translation: Document) -> CellDiagnostic {
        func moved(_ file: String, _ line: Int) -> (String, Int)? {
            guard file == original.source.path,
                  let k = original.cells.firstIndex(where: { $0.codeStart.line <= line && line <= $0.endLine }),
                  k < translation.cells.count else { return nil }
            return (translation.source.path, translation.cells[k].codeStart.line + line - original.cells[k].codeStart.line)
        }
        var f = failure
        if let (file, line) = moved(f.file, f.line) { (f.file, f.line) = (file, line) }
        f.calledFrom = f.calledFrom.map { step in
            let parts = step.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count >= 3, let line = Int(parts[parts.count - 2]),
                  let (file, newLine) = moved(parts.dropLast(2).joined(separator: ":"), line) else { return step }
            return "\(file):\(newLine):\(parts[parts.count - 1])"
        }
        return f
    }

    /// The figures of a cell's outputs with the texts its translation names (`//| translate:`)
    /// in the translation's words. A text no figure of the cell shows, or one too wide for the
    /// room the figure left it, is a located error: the page would otherwise keep the original's
    /// word or draw the translation over the figure's edge without a sign.
    static func translateFigures(_ outputs: [CellOutput], as cell: Cell) throws(Diagnostic) -> [CellOutput] {
        guard !cell.options.translate.isEmpty else { return outputs }
        var outputs = outputs
        for pair in cell.options.translate {
            var count = 0
            for k in outputs.indices {
                guard case .value(.svg(let svg, let description)) = outputs[k] else { continue }
                do {
                    let (translated, n) = try FigureText.replacing(pair.original, with: pair.translated, in: svg)
                    outputs[k] = .value(.svg(translated, description: description == pair.original ? pair.translated : description))
                    count += n
                } catch .wider(let original, let wider) {
                    throw .error("'\(wider)' is wider than '\(original)', and the figure left room for the original only (a legend entry or a label drawn at a point); shorten the translation",
                                 at: cell.fence)
                } catch {}
            }
            guard count > 0 else {
                let shown = outputs.flatMap { output -> [String] in
                    if case .value(.svg(let svg, _)) = output { return FigureText.shown(in: svg) } else { return [] }
                }
                let list = shown.isEmpty ? "this cell shows no figure"
                    : "its figures show " + shown.prefix(12).map { "'\($0)'" }.joined(separator: ", ") + " (write each as the cell does, $math$ included)"
                throw .error("no figure of this cell shows the text '\(pair.original)' that 'translate' names; \(list)", at: cell.fence)
            }
        }
        return outputs
    }
}
