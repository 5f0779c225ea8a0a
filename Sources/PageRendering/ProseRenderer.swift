import Foundation
import Notebook
import NotebookRunner
import TeXToMathML

/// Fills the slot tokens cmark carried through the prose: math, heading ids, inline values,
/// cross-references.
struct ProseRenderer {
    let document: Document
    let result: NotebookResult
    let references: CrossReferences
    /// The labels of the course's other chapters (empty for a page of its own).
    var course: [String: CrossReferences.Target] = [:]
    /// The course's glossary, which `[[term]]` marks link to.
    var glossary: Glossary? = nil
    /// The glossary entries marked so far on this page: the first mark of each shows the term
    /// in the other language too.
    private(set) var termsSeen: Set<String> = []

    mutating func render(_ html: String, warnings: inout [Diagnostic]) -> String {
        // One pass over the text: a formula alone in its paragraph becomes a display block (its
        // <p> and </p> dropped), a heading's marker gives its tag an id and number. (Searching the
        // whole text once per formula and per heading made 3,000 headings take 35 s.)
        var found: [Diagnostic] = []
        let filled = SlotToken.substitute(in: html) { kind, index, before, after in
            switch kind {
            case .math:
                let math = document.math[index]
                if math.display, before.hasSuffix("<p>"), after.starts(with: "</p>".unicodeScalars) {
                    before.removeLast(3)
                    after = after.dropFirst(4)
                    return MathRendering.html(for: math, number: references.equationNumbers[index], standalone: true, warnings: &found)
                }
                return MathRendering.html(for: math, number: references.equationNumbers[index], standalone: false, warnings: &found)
            case .heading:
                let heading = document.headings[index]
                let open = "<h\(heading.level)>"
                guard before.hasSuffix(open) else { return "" }
                before.removeLast(open.count)
                var tag = "<h\(heading.level) id=\"\(HTML.attribute(heading.id))\">"
                if let number = references.sectionNumbers[index] { tag += "<span class=\"section-number\">\(number)</span> " }
                return tag
            case .inlineExpression:
                // A value and its unit stay on one line ("60 %", "1.2 s"): the space between them
                // becomes a no-break space.
                if Self.unitFollows(after) {
                    after = after.dropFirst()
                    return inlineValue(index) + "\u{00A0}"
                }
                return inlineValue(index)
            case .reference:
                return references.link(document.references[index], course: course, warnings: &found)
            case .term:
                return term(document.terms[index], warnings: &found)
            case .block, .div, .divEnd:
                return ""
            }
        }
        warnings += found
        return filled
    }

    /// A marked term: a link to its glossary entry (its definition as the link's title), on
    /// first use followed by the term in the other language; a term the glossary lacks is a
    /// located warning and shows as marked.
    private mutating func term(_ mark: TermMark, warnings: inout [Diagnostic]) -> String {
        let language = document.frontMatter.language
        guard let glossary, let entry = glossary.entry(for: mark.term) else {
            var message = "'\(mark.term)' is not in the glossary"
            if let glossary {
                message += " (\(glossary.path))"
                if let near = nearestName(to: mark.term.lowercased(), in: glossary.entries.map { $0.english.lowercased() }) {
                    message += "; did you mean '\(near)'?"
                }
            } else {
                message += ": the course has none (glossary: in lectern.yml)"
            }
            warnings.append(.warning(message, at: mark.location))
            return "<span class=\"term-missing\" title=\"\(HTML.attribute(message))\">\(HTML.escape(mark.shown))</span>"
        }
        let definition = entry.definition(for: language).text
        var html = "<a class=\"term\" href=\"\(HTML.relativeLink(Glossary.pageName))#\(HTML.attribute(entry.id))\" title=\"\(HTML.attribute(definition.replacingOccurrences(of: "$", with: "")))\">\(HTML.escape(mark.shown))</a>"
        if termsSeen.insert(entry.id).inserted {
            // Chinese text takes fullwidth parentheses and no space: 后验（posterior）.
            let other = HTML.escape(entry.otherTerm(for: language))
            html += language.hasPrefix("zh") ? "<span class=\"term-other\">（\(other)）</span>" : "<span class=\"term-other\"> (\(other))</span>"
        }
        return html
    }

    /// The units kept on the line of the value before them.
    static let units: [String] = ["%", "‰", "nats", "nat", "bits", "bit", "ms", "µs", "ns", "s", "px", "KB", "MB", "GB", "dB", "GFLOP/s"]

    /// Whether `text` starts with a space, one of `units` and then no letter or digit.
    static func unitFollows(_ text: Substring.UnicodeScalarView) -> Bool {
        guard text.first == " " else { return false }
        let rest = text.dropFirst()
        return units.contains { unit in
            guard rest.starts(with: unit.unicodeScalars) else { return false }
            guard let next = rest.dropFirst(unit.unicodeScalars.count).first else { return true }
            return !next.properties.isAlphabetic && !("0"..."9").contains(next)
        }
    }

    private func inlineValue(_ index: Int) -> String {
        guard result.inlineValues.indices.contains(index) else { return "" }
        switch result.inlineValues[index] {
        case .value(let text):
            let digits = document.inlineExpressions.indices.contains(index) ? document.inlineExpressions[index].digits : nil
            return "<span class=\"inline-value\">\(NumberTypesetter.html(text, digits: digits))</span>"
        case .text(let text):
            // The author's formatting: typeset, never rounded again.
            return "<span class=\"inline-value\">\(NumberTypesetter.html(text, asWritten: true))</span>"
        case .failed(let diagnostic):
            return "<span class=\"inline-error\" title=\"\(HTML.attribute(diagnostic.description))\">error: \(HTML.escape(diagnostic.message))</span>"
        case .notRun:
            return "<span class=\"inline-error\">not run: an earlier cell failed</span>"
        }
    }
}

/// How formulas appear on the page: MathML Core (no script), with the TeX kept as
/// `alttext` and annotation; a formula that does not convert shows its source, marked, and
/// is reported at its place in the Markdown file.
enum MathRendering {
    static let converter = MathMLConverter(tagPlacement: .byCaller, breaksLines: true)

    /// `standalone`: a display formula that is a paragraph of its own (a block, not a span);
    /// `number`: its equation number, when it is labelled.
    static func html(for math: MathSpan, number: String?, standalone: Bool, warnings: inout [Diagnostic]) -> String {
        let rendered = converter.render(math.tex, display: math.display)
        for error in rendered.diagnostics {
            warnings.append(.warning("in math: \(error.message)", at: location(of: error, in: math)))
        }
        guard math.display else { return "<span class=\"math inline\">\(rendered.mathML)</span>" }
        let tag = standalone ? "div" : "span"
        let id = math.label.map { " id=\"\(HTML.attribute($0))\"" } ?? ""
        let label = number.map { "(\($0))" } ?? rendered.tag?.label
        guard let label else { return "<\(tag) class=\"math display\"\(id)>\(rendered.mathML)</\(tag)>" }
        // The formula scrolls in a box of its own beside the number, so a formula too wide for
        // the column never runs under its number (Firefox does not scroll <math> itself).
        return "<\(tag) class=\"math display numbered\"\(id)><\(tag) class=\"eq-body\">\(rendered.mathML)</\(tag)>"
            + "<span class=\"eq-number\">\(HTML.escape(label))</span></\(tag)>"
    }

    /// The file position of an error inside a formula: from the opening dollar, through the
    /// raw text to the TeX, then to the error's offset.
    static func location(of error: TeXMathError, in math: MathSpan) -> SourceLocation {
        var location = math.location
        let raw = Array(math.raw.utf8)
        let tex = Array(math.tex.utf8)
        var start = math.display ? 2 : 1
        while start + tex.count <= raw.count, Array(raw[start..<(start + tex.count)]) != tex { start += 1 }
        let end = min(raw.count, start + error.utf8Offset)
        for b in raw[0..<end] {
            if b == UInt8(ascii: "\n") {
                location.line += 1
                location.column = 1
            } else if b & 0xC0 != 0x80 {
                location.column += 1
            }
        }
        return location
    }
}
