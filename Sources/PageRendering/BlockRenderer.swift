import Notebook

/// The markup around a fenced div's content (`Div`): a numbered block with its label and title
/// ("Exercise 2.3 (The posterior for q = 1)"), a proof, a callout box, or a hint or solution
/// folded in `<details>` (no script: the reader opens it).
enum BlockRenderer {
    /// What opens the block. `number`: a numbered kind's number in its chapter; `title`: the
    /// title's HTML, already filled (it may hold math).
    static func open(_ div: Div, number: String?, title: String?, furniture: Furniture) -> String {
        let kind = div.kind.rawValue
        let id = div.id.map { " id=\"\(HTML.attribute($0))\"" } ?? ""
        let name = HTML.escape(furniture.blockName(div.kind))
        if div.kind.folds {
            let suffix = title.map { furniture.colon + $0 } ?? ""
            return "<details class=\"block block-\(kind)\"\(id)><summary>\(name)\(suffix)</summary>\n"
        }
        if div.kind.isCallout {
            // A titled callout shows its title alone, as Quarto's do ("Slide check: …", not
            // "Important: Slide check: …"); the box's colour still says its kind.
            return "<div class=\"callout callout-\(kind)\" role=\"note\"\(id)><p class=\"callout-title\">\(title ?? name)</p>\n"
        }
        let label = number.map { "\(name)\(furniture.space)\($0)" } ?? name
        let (open, close) = furniture.parentheses
        let named = title.map { "<span class=\"block-name\">\(open)\($0)\(close)</span>" } ?? ""
        return "<div class=\"block block-\(kind)\"\(id)><p class=\"block-title\"><span class=\"block-label\">\(label)</span>\(named)</p>\n"
    }

    /// What closes it.
    static func close(_ div: Div) -> String {
        div.kind.folds ? "</details>\n" : "</div>\n"
    }
}
