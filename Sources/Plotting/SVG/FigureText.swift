import Markup

/// A drawn figure's words in another language. A notebook's cells run once for every language,
/// so a translation cannot draw its own figure; it names the figure's texts it translates
/// (a title, an axis label, a legend entry, written as the cell wrote them, `$math$` included)
/// and each is replaced where the figure shows it: the `<text>` that draws it, the figure's
/// `<title>`, and its quoted mentions in the `<desc>` that screen readers read.
public enum FigureText {
    /// Why a replacement could not be made as asked.
    public enum Problem: Error, Equatable {
        /// No text of the figures is `original`; `shown` lists the texts they draw.
        case absent(original: String, shown: [String])
        /// The text is drawn from its left end (a legend entry, a label at a point), where the
        /// figure left room for the original's width only.
        case wider(original: String, translated: String)
    }

    /// `svg` with its text `original` showing `translated` instead, and how many texts were
    /// replaced (drawn or named).
    public static func replacing(_ original: String, with translated: String, in svg: String) throws(Problem) -> (svg: String, count: Int) {
        let from = SVGWriter.labelContent(original), to = SVGWriter.labelContent(translated)
        // Drawn texts: a centred one (titles, axis labels) has the width of its panel; one drawn
        // from its left end must not outgrow the room the layout gave the original.
        let drawn = ">" + from + "</text>"
        if width(translated) > width(original) + 0.25 {
            var cursor = svg.startIndex
            while let hit = ByteSearch.find(drawn, in: svg, from: cursor) {
                if let open = ByteSearch.findLast("<text", in: svg, before: hit.lowerBound),
                   open.lowerBound >= cursor,
                   ByteSearch.find("text-anchor=\"middle\"", in: String(svg[open.upperBound..<hit.lowerBound])) == nil {
                    throw .wider(original: original, translated: translated)
                }
                cursor = hit.upperBound
            }
        }
        var (result, count) = ByteSearch.replacing(drawn, with: ">" + to + "</text>", in: svg)
        // The accessible title and description name texts in plain form and in quotes.
        let plainFrom = Markup.escape(plain(original)), plainTo = Markup.escape(plain(translated))
        for (old, new) in [(">\(plainFrom)</title>", ">\(plainTo)</title>"), ("“\(plainFrom)”", "“\(plainTo)”"),
                           ("“\(Markup.escape(original))”", "“\(Markup.escape(translated))”")] where old != new {
            let (replaced, n) = ByteSearch.replacing(old, with: new, in: result)
            count += n
            result = replaced
        }
        return (result, count)
    }

    /// The words `svg` draws (texts with a letter: not the tick labels), as a reader sees them,
    /// for a message that says which texts a figure has.
    public static func shown(in svg: String) -> [String] {
        var texts: [String] = []
        for piece in svg.components(separatedBy: "<text").dropFirst() {  // only on the way to an error message
            guard let start = piece.firstIndex(of: ">"), let end = piece.range(of: "</text>") else { continue }
            var inner = String(piece[piece.index(after: start)..<end.lowerBound])
            while let tag = inner.range(of: "<[^>]*>", options: .regularExpression) { inner.removeSubrange(tag) }
            let text = Markup.decode(inner)
            if text.contains(where: \.isLetter), !texts.contains(text) { texts.append(text) }
        }
        return texts
    }

    /// A text's width in em, math set as the figure sets it.
    static func width(_ text: String) -> Double { MathText.width(of: text, fontSize: 1) }

    /// A text as the figure's title and description write it.
    static func plain(_ text: String) -> String { MathText.hasMath(text) ? MathText(text).plain : text }
}
