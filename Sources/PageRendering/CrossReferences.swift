import Notebook
import NotebookRunner

/// The numbers of everything a notebook can refer to: figures and tables (labelled cells),
/// equations (labelled display math), sections (headings). Numbered in reading order.
struct CrossReferences {
    struct Target {
        /// "Figure 2", "Equation (3)", "Section 1.2".
        var text: String
        /// The element id the link goes to.
        var anchor: String
    }

    private(set) var targets: [String: Target] = [:]
    /// Per heading index, its section number ("1.2") when sections are numbered.
    private(set) var sectionNumbers: [Int: String] = [:]
    /// Per math index, its equation number.
    private(set) var equationNumbers: [Int: Int] = [:]
    /// Per cell index, its figure or table caption prefix ("Figure 1").
    private(set) var cellNumbers: [Int: String] = [:]

    init(document: Document) {
        var figures = 0, tables = 0, equations = 0
        for cell in document.cells {
            guard let label = cell.options.label else { continue }
            if label.hasPrefix("fig-") {
                figures += 1
                cellNumbers[cell.index] = "Figure \(figures)"
                targets[label] = Target(text: "Figure \(figures)", anchor: label)
            } else if label.hasPrefix("tbl-") {
                tables += 1
                cellNumbers[cell.index] = "Table \(tables)"
                targets[label] = Target(text: "Table \(tables)", anchor: label)
            }
        }
        for (i, math) in document.math.enumerated() {
            guard let label = math.label, math.display else { continue }
            equations += 1
            equationNumbers[i] = equations
            targets[label] = Target(text: "Equation (\(equations))", anchor: label)
        }
        let base = document.headings.map(\.level).min() ?? 1
        var counters: [Int] = []
        for (i, heading) in document.headings.enumerated() {
            let depth = heading.level - base
            if counters.count > depth + 1 { counters.removeLast(counters.count - depth - 1) }
            while counters.count < depth + 1 { counters.append(0) }
            counters[depth] += 1
            let number = counters.map(String.init).joined(separator: ".")
            if document.frontMatter.numberSections { sectionNumbers[i] = number }
            let text = document.frontMatter.numberSections ? "Section \(number)" : "“\(heading.text)”"
            targets[heading.id] = Target(text: text, anchor: heading.id)
        }
    }

    /// The link for a reference, or a visible marker and a warning when nothing has that label.
    func link(_ reference: Reference, warnings: inout [Diagnostic]) -> String {
        if let target = targets[reference.label] {
            return "<a class=\"xref\" href=\"#\(HTML.attribute(target.anchor))\">\(HTML.escape(target.text))</a>"
        }
        var message = "unknown cross-reference '@\(reference.label)'"
        if let near = nearestName(to: reference.label, in: targets.keys) { message += "; did you mean '@\(near)'?" }
        warnings.append(.warning(message, at: reference.location))
        return "<span class=\"xref-missing\" title=\"\(HTML.attribute(message))\">?@\(HTML.escape(reference.label))</span>"
    }
}
