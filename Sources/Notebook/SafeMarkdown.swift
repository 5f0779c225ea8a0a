import CCmarkGFM
import Foundation

/// Markdown from a notebook from others, made safe to hand to another renderer (a Jupyter
/// front end renders Markdown cells' HTML): raw HTML blocks and inline HTML are dropped, and a
/// link or image whose address `SafeURL` refuses keeps its text but loses its address. Math,
/// inline expressions and cross-references are cut out first (as `DocumentParser` does) and
/// put back as written, so cmark never rewrites TeX.
public enum SafeMarkdown {
    public static func sanitize(_ markdown: String) -> String {
        let scanner = MathScanner(body: markdown, path: "", firstLine: 1)
        _ = coreExtensionsRegistered
        let parser = cmark_parser_new(CMARK_OPT_FOOTNOTES)!
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "autolink", "tasklist"] {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        var text = scanner.text
        text.withUTF8 { utf8 in utf8.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) } }
        guard let root = cmark_parser_finish(parser) else { return "" }
        defer { cmark_node_free(root) }

        var dropped: [OpaquePointer] = []
        for node in cmarkNodes(root) {
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                dropped.append(node)
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                if let url = cmark_node_get_url(node), !SafeURL.isAllowed(String(cString: url)) { cmark_node_set_url(node, "") }
            default:
                break
            }
        }
        for node in dropped {
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
        let rendered = cmark_render_commonmark(root, CMARK_OPT_DEFAULT, 0)!
        defer { free(rendered) }
        return SlotToken.substitute(in: String(cString: rendered)) { kind, index in
            switch kind {
            case .math where scanner.math.indices.contains(index): scanner.math[index].raw
            case .inlineExpression where scanner.inlineExpressions.indices.contains(index): scanner.inlineExpressions[index].raw
            case .reference where scanner.references.indices.contains(index): "@" + scanner.references[index].label
            case .term where scanner.terms.indices.contains(index): scanner.terms[index].raw
            default: ""
            }
        }
    }

    /// `text` as Markdown that shows exactly these characters: every ASCII punctuation mark
    /// backslash-escaped, `<` and `&` as entities. For values spliced into Markdown (a title,
    /// an inline expression's value), which are text, never markup.
    public static func escape(_ text: String) -> String {
        // CommonMark's backslash-escapable characters, and '$' (math here).
        let asciiPunctuation = Set("!\"#$%'()*+,-./:;=>?@[\\]^_`{|}~".unicodeScalars)
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "<": out += "&lt;"
            case "&": out += "&amp;"
            case "\n", "\r": out += " "
            case _ where asciiPunctuation.contains(scalar):
                out += "\\" + String(scalar)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
