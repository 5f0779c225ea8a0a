import Foundation
import Notebook
import NotebookRunner

/// Fills the slot tokens cmark carried through the prose: math, heading ids, inline values,
/// cross-references.
struct ProseRenderer {
    let document: Document
    let result: NotebookResult
    let references: CrossReferences

    func render(_ html: String, warnings: inout [Diagnostic]) -> String {
        var html = html
        // A formula alone in its paragraph is a display block, not a paragraph.
        for (i, math) in document.math.enumerated() where math.display {
            let token = SlotToken.make(.math, i)
            if html.contains("<p>\(token)</p>") {
                html = html.replacingOccurrences(of: "<p>\(token)</p>",
                                                 with: MathRendering.html(for: math, number: references.equationNumbers[i], standalone: true))
            }
        }
        for (i, heading) in document.headings.enumerated() {
            let token = SlotToken.make(.heading, i)
            let open = "<h\(heading.level)>"
            if html.contains(open + token) {
                var replacement = "<h\(heading.level) id=\"\(HTML.attribute(heading.id))\">"
                if let number = references.sectionNumbers[i] { replacement += "<span class=\"section-number\">\(number)</span> " }
                html = html.replacingOccurrences(of: open + token, with: replacement)
            }
        }
        var found: [Diagnostic] = []
        let filled = SlotToken.substitute(in: html) { kind, index in
            switch kind {
            case .math:
                return MathRendering.html(for: document.math[index], number: references.equationNumbers[index], standalone: false)
            case .inlineExpression:
                return inlineValue(index)
            case .reference:
                return references.link(document.references[index], warnings: &found)
            case .heading, .block:
                return ""
            }
        }
        warnings += found
        return filled
    }

    private func inlineValue(_ index: Int) -> String {
        guard result.inlineValues.indices.contains(index) else { return "" }
        switch result.inlineValues[index] {
        case .value(let text):
            return "<span class=\"inline-value\">\(HTML.escape(text))</span>"
        case .failed(let diagnostic):
            return "<span class=\"inline-error\" title=\"\(HTML.attribute(diagnostic.description))\">error: \(HTML.escape(diagnostic.message))</span>"
        case .notRun:
            return "<span class=\"inline-error\">not run: an earlier cell failed</span>"
        }
    }
}

/// How formulas appear on the page.
enum MathRendering {
    /// Until TeX → MathML lands, the escaped TeX, marked as math and never read as Markdown.
    /// `standalone`: a display formula that is a paragraph of its own (a block, not a span);
    /// `number`: its equation number, when it is labelled.
    static func html(for math: MathSpan, number: Int?, standalone: Bool) -> String {
        let tex = HTML.escape(math.tex)
        if math.display {
            let tag = standalone ? "div" : "span"
            let id = math.label.map { " id=\"\(HTML.attribute($0))\"" } ?? ""
            let numbered = number.map { "<span class=\"eq-number\">(\($0))</span>" } ?? ""
            return "<\(tag) class=\"math display tex\"\(id)>\(tex)\(numbered)</\(tag)>"
        }
        return "<span class=\"math tex\">\(tex)</span>"
    }
}
