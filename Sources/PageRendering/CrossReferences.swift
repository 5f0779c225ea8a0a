import Notebook
import NotebookRunner

/// The numbers of everything a notebook can refer to: figures and tables (labelled cells),
/// equations (labelled display math), sections (headings). Numbered in reading order; in a
/// course, within the chapter and prefixed with its number (Figure 2.3, Equation (2.1)).
struct CrossReferences {
    struct Target: Sendable {
        /// What is referred to, and its number or title.
        var name: Name
        /// The element id the link goes to.
        var anchor: String
        /// The page it is on, for a target in another chapter; nil on this page.
        var page: String? = nil
        /// Where the label is defined.
        var location: SourceLocation? = nil

        /// How a reference names it in a page of `furniture`'s language: "Figure 2.3", "图 2.3",
        /// "Equation (3)", "Section 1.2", or a heading's own words in quotes. The referring page's
        /// language, not the target's: a Chinese page says 图 1.1 of a chapter not yet translated.
        func text(_ furniture: Furniture) -> String {
            switch name {
            case .figure(let n): "\(furniture.figure)\(furniture.space)\(n)"
            case .table(let n): "\(furniture.table)\(furniture.space)\(n)"
            case .equation(let n): "\(furniture.equation)\(furniture.space)(\(n))"
            case .section(let n): "\(furniture.section)\(furniture.space)\(n)"
            case .heading(let words): "“\(words)”"
            case .block(let kind, let n): "\(furniture.blockName(kind))\(furniture.space)\(n)"
            }
        }
    }

    enum Name: Sendable {
        case figure(String), table(String), equation(String), section(String), heading(String)
        case block(Div.Kind, String)
    }

    /// The words of the page these numbers are for.
    let furniture: Furniture

    private(set) var targets: [String: Target] = [:]
    /// Per heading index, its section number ("1.2") when sections are numbered.
    private(set) var sectionNumbers: [Int: String] = [:]
    /// Per math index, its equation number ("3", or "2.3" in chapter 2).
    private(set) var equationNumbers: [Int: String] = [:]
    /// Per cell index, its figure or table caption prefix ("Figure 1").
    private(set) var cellNumbers: [Int: String] = [:]
    /// Per div index, the number of a numbered block ("2.3"), counted per kind.
    private(set) var divNumbers: [Int: String] = [:]
    /// A label defined twice on the page: the second definition, located, naming the first.
    private(set) var duplicates: [Diagnostic] = []

    /// `chapter`: the page's chapter number in its course, which numbers prefix; nil for a page
    /// of its own.
    init(document: Document, chapter: Int? = nil, furniture: Furniture = .english) {
        self.furniture = furniture
        let prefix = chapter.map { "\($0)." } ?? ""
        var figures = 0, tables = 0, equations = 0
        func define(_ label: String, _ target: Target) {
            if let first = targets[label] {
                let at = first.location.map { " (line \($0.line))" } ?? ""
                duplicates.append(.error("the label '\(label)' is already used for \(first.text(furniture))\(at); labels must be unique", at: target.location))
            } else {
                targets[label] = target
            }
        }
        for cell in document.cells {
            guard let label = cell.options.label else { continue }
            if label.hasPrefix("fig-") {
                figures += 1
                let target = Target(name: .figure("\(prefix)\(figures)"), anchor: label, location: cell.fence)
                cellNumbers[cell.index] = target.text(furniture)
                define(label, target)
            } else if label.hasPrefix("tbl-") {
                tables += 1
                let target = Target(name: .table("\(prefix)\(tables)"), anchor: label, location: cell.fence)
                cellNumbers[cell.index] = target.text(furniture)
                define(label, target)
            }
        }
        for (i, math) in document.math.enumerated() {
            guard let label = math.label, math.display else { continue }
            equations += 1
            equationNumbers[i] = "\(prefix)\(equations)"
            define(label, Target(name: .equation("\(prefix)\(equations)"), anchor: label, location: math.location))
        }
        var blocks: [Div.Kind: Int] = [:]
        for (i, div) in document.divs.enumerated() where div.kind.isNumbered {
            blocks[div.kind, default: 0] += 1
            let number = "\(prefix)\(blocks[div.kind]!)"
            divNumbers[i] = number
            if let id = div.id { define(id, Target(name: .block(div.kind, number), anchor: id, location: div.location)) }
        }
        let base = document.headings.map(\.level).min() ?? 1
        var counters: [Int] = []
        for (i, heading) in document.headings.enumerated() {
            let depth = heading.level - base
            if counters.count > depth + 1 { counters.removeLast(counters.count - depth - 1) }
            while counters.count < depth + 1 { counters.append(0) }
            counters[depth] += 1
            let number = prefix + counters.map(String.init).joined(separator: ".")
            if document.frontMatter.numberSections { sectionNumbers[i] = number }
            let name: Name = document.frontMatter.numberSections ? .section(number) : .heading(heading.text)
            // Headings without a written label get a slug of their text, which may repeat
            // ("Summary"): only written labels (`{#sec-…}`) must be unique.
            if heading.id.hasPrefix("sec-") {
                define(heading.id, Target(name: name, anchor: heading.id, location: heading.location))
            } else if targets[heading.id] == nil {
                targets[heading.id] = Target(name: name, anchor: heading.id, location: heading.location)
            }
        }
    }

    /// The labels other pages of a course may refer to: those a reference can name (`@fig-…`,
    /// `@eq-…`, `@tbl-…`, `@sec-…`), each marked with this page.
    func exported(page: String) -> [String: Target] {
        var out: [String: Target] = [:]
        for (label, target) in targets {
            guard let dash = label.firstIndex(of: "-"), Reference.kinds.contains(String(label[..<dash])) else { continue }
            var t = target
            t.page = page
            out[label] = t
        }
        return out
    }

    /// The link for a reference — to this page, or to another chapter's through `course` — or a
    /// visible marker and a warning when nothing has that label.
    func link(_ reference: Reference, course: [String: Target] = [:], warnings: inout [Diagnostic]) -> String {
        if let target = targets[reference.label] {
            return "<a class=\"xref\" href=\"#\(HTML.attribute(target.anchor))\">\(HTML.escape(target.text(furniture)))</a>"
        }
        if let target = course[reference.label], let page = target.page {
            return "<a class=\"xref\" href=\"\(HTML.relativeLink(page))#\(HTML.attribute(target.anchor))\">\(HTML.escape(target.text(furniture)))</a>"
        }
        var message = "unknown cross-reference '@\(reference.label)'"
        if let near = nearestName(to: reference.label, in: Array(targets.keys) + Array(course.keys)) { message += "; did you mean '@\(near)'?" }
        warnings.append(.warning(message, at: reference.location))
        return "<span class=\"xref-missing\" title=\"\(HTML.attribute(message))\">?@\(HTML.escape(reference.label))</span>"
    }
}
