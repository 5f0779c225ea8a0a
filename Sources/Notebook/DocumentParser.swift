import CCmarkGFM
import Foundation

/// Turns a notebook's text into a `Document`: front matter with Yams, math cut out by
/// `MathScanner`, then one cmark-gfm parse (tables, strikethrough, autolinks, task lists,
/// footnotes) from which top-level Swift fences are taken as cells.
public enum DocumentParser {
    /// Parses a notebook. Throws the first error with its location: bad YAML, a bad cell option.
    public static func parse(_ source: SourceFile) throws(Diagnostic) -> Document {
        try parse(source, safe: false)
    }

    /// Parses a notebook; with `safe`, raw HTML in the prose is dropped (for notebooks from
    /// others: a student's submission must not put script or markup of its own on the page).
    /// The front matter starts from `defaults` (a course's), which the notebook's own keys override.
    public static func parse(_ source: SourceFile, safe: Bool, defaults: FrontMatter = FrontMatter()) throws(Diagnostic) -> Document {
        let (yaml, body, bodyLine) = FrontMatter.split(source.text)
        var frontMatter = defaults
        if let yaml {
            frontMatter = try FrontMatter.parse(yaml: yaml, path: source.path, base: defaults)
        }
        var scanner = MathScanner(body: String(body), path: source.path, firstLine: bodyLine)
        var fenced = FencedDivs()
        try fenced.extract(&scanner.text, lineMap: &scanner.lineMap, path: source.path)
        for inline in scanner.inlineExpressions {
            if let digits = inline.digits, !InlineExpression.digitsRange.contains(digits) {
                throw .error("digits must be from 1 to 17 (a Double holds 17 significant digits), got \(digits == .max ? "more" : String(digits))", at: inline.location)
            }
        }
        var builder = TreeWalker(source: source, scanner: scanner, defaults: frontMatter.cellDefaults)
        builder.dropRawHTML = safe
        let blocks = try Exercises.assign(try builder.run(), divs: fenced.divs)
        return Document(
            source: source, frontMatter: frontMatter, blocks: blocks, math: scanner.math,
            inlineExpressions: builder.inlineExpressions, references: scanner.references, terms: scanner.terms,
            headings: builder.headings, divs: fenced.divs)
    }

    /// Parses a notebook as `profile` builds it: the lines the profile leaves out (`Document.
    /// linesLeftOut(by:)`) are blanked and the text parsed again, so what a build omits is not
    /// in its document at all, and every location, and every cell's place, is the file's.
    public static func parse(_ source: SourceFile, safe: Bool, defaults: FrontMatter = FrontMatter(),
                             profile: Profile) throws(Diagnostic) -> Document {
        let whole = try parse(source, safe: safe, defaults: defaults)
        let omitted = whole.linesLeftOut(by: profile)
        var document = omitted.isEmpty ? whole : try parse(source.blanking(omitted), safe: safe, defaults: defaults)
        document.profile = profile
        document.omittedLines = omitted
        if profile == .startersAndChecks {
            // Each check is judged on its own: a failing one (or a starter that fails) does not stop the rest.
            document.blocks = document.blocks.map { block in
                guard case .cell(var cell) = block, cell.part != nil else { return block }
                cell.options.error = true
                return .cell(cell)
            }
        }
        return document
    }
}

/// Every node under `root`, in document order, collected before any is changed (cmark's
/// iterator must not see the tree change).
func cmarkNodes(_ root: OpaquePointer) -> [OpaquePointer] {
    var nodes: [OpaquePointer] = []
    let iterator = cmark_iter_new(root)
    while true {
        let event = cmark_iter_next(iterator)
        if event == CMARK_EVENT_DONE { break }
        if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) { nodes.append(node) }
    }
    cmark_iter_free(iterator)
    return nodes
}

/// cmark's extensions are registered once per process (cmark's own flag is not thread-safe).
let coreExtensionsRegistered: Bool = {
    cmark_gfm_core_extensions_ensure_registered()
    return true
}()

/// Walks cmark's tree once: lifts cells and listings out, tags headings, restores code.
private struct TreeWalker {
    let source: SourceFile
    let scanner: MathScanner
    let defaults: CellOptions
    var headings: [Heading] = []
    /// The headings' ids so far, for making new ones unique in constant time.
    private var usedIDs: Set<String> = []
    var inlineExpressions: [InlineExpression]
    /// Remove the author's raw HTML (blocks and inline tags) before anything else.
    var dropRawHTML = false
    private var lifted: [Block] = []

    init(source: SourceFile, scanner: MathScanner, defaults: CellOptions) {
        self.source = source
        self.scanner = scanner
        self.defaults = defaults
        self.inlineExpressions = scanner.inlineExpressions
    }

    func fileLine(_ protectedLine: Int32) -> Int {
        let k = Int(protectedLine) - 1
        return scanner.lineMap.indices.contains(k) ? scanner.lineMap[k] : (scanner.lineMap.last ?? 1)
    }

    mutating func run() throws(Diagnostic) -> [Block] {
        _ = coreExtensionsRegistered
        let parser = cmark_parser_new(CMARK_OPT_FOOTNOTES | CMARK_OPT_SMART)!
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "autolink", "tasklist"] {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        let text = scanner.text
        var bytes = text
        bytes.withUTF8 { utf8 in utf8.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) } }
        guard let root = cmark_parser_finish(parser) else { return [] }
        defer { cmark_node_free(root) }

        try transform(root)

        let html = cmark_render_html(root, CMARK_OPT_UNSAFE, cmark_parser_get_syntax_extensions(parser))!.freeing()
        return split(html)
    }

    /// Collects nodes first (cmark's iterator must not see the tree change), then rewrites.
    private mutating func transform(_ root: OpaquePointer) throws(Diagnostic) {
        var nodes = cmarkNodes(root)

        if dropRawHTML {
            nodes.removeAll { node in
                let type = cmark_node_get_type(node)
                guard type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE else { return false }
                cmark_node_unlink(node)
                cmark_node_free(node)
                return true
            }
            // Links and images of every kind (inline, reference, autolinks, in footnotes and table
            // cells) are LINK and IMAGE nodes by now: an address that is not safe is emptied.
            for node in nodes {
                let type = cmark_node_get_type(node)
                guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE, let url = cmark_node_get_url(node),
                      !SafeURL.isAllowed(String(cString: url)) else { continue }
                cmark_node_set_url(node, "")
            }
        }
        var cellCount = 0
        for node in nodes {
            switch cmark_node_get_type(node) {
            case CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
                restoreCode(node)
                if cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK, cmark_node_parent(node) == root {
                    if let block = try liftFence(node, cellIndex: cellCount) {
                        if case .cell = block { cellCount += 1 }
                        lifted.append(block)
                        replace(node, with: SlotToken.make(.block, lifted.count - 1))
                    }
                }
            case CMARK_NODE_TEXT:
                // Inline expressions run after the cells that come before them.
                let literal = String(cString: cmark_node_get_literal(node))
                for (kind, index) in tokens(in: literal) where kind == .inlineExpression && index < inlineExpressions.count {
                    inlineExpressions[index].cellsBefore = cellCount
                }
            case CMARK_NODE_HEADING:
                tagHeading(node)
            default:
                break
            }
        }
    }

    private func tokens(in text: String) -> [(SlotToken.Kind, Int)] {
        var found: [(SlotToken.Kind, Int)] = []
        _ = SlotToken.substitute(in: text) { kind, index in
            found.append((kind, index))
            return ""
        }
        return found
    }

    /// Code is code: math and inline-expression tokens inside it go back to what was written.
    private func restoreCode(_ node: OpaquePointer) {
        guard let literal = cmark_node_get_literal(node) else { return }
        let text = String(cString: literal)
        guard text.unicodeScalars.contains(SlotToken.open) else { return }
        let restored = SlotToken.substitute(in: text) { kind, index in
            switch kind {
            case .math: scanner.math[index].raw
            case .inlineExpression: scanner.inlineExpressions[index].raw
            case .reference: "@" + scanner.references[index].label
            case .term: scanner.terms[index].raw
            default: SlotToken.make(kind, index)
            }
        }
        cmark_node_set_literal(node, restored)
    }

    private func replace(_ node: OpaquePointer, with token: String) {
        let paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH)!
        let text = cmark_node_new(CMARK_NODE_TEXT)!
        cmark_node_set_literal(text, token)
        cmark_node_append_child(paragraph, text)
        cmark_node_replace(node, paragraph)
        cmark_node_free(node)
    }

    /// A top-level fence becomes a cell (```swift, ```{swift}) or a listing (```swift norun);
    /// other languages stay with cmark.
    private func liftFence(_ node: OpaquePointer, cellIndex: Int) throws(Diagnostic) -> Block? {
        var length: Int32 = 0, offset: Int32 = 0
        var character: CChar = 0
        guard cmark_node_get_fenced(node, &length, &offset, &character) != 0 else { return nil }
        let info = String(cString: cmark_node_get_fence_info(node))
        let words = info.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard let language = words.first, language == "swift" || language == "{swift}" else { return nil }
        let code = String(cString: cmark_node_get_literal(node))
        let fenceLine = fileLine(cmark_node_get_start_line(node))
        let column = Int(cmark_node_get_start_column(node))
        let fence = SourceLocation(file: source.path, line: fenceLine, column: column)
        if words.dropFirst().contains("norun") {
            return .listing(Listing(code: code, location: SourceLocation(file: source.path, line: fenceLine + 1, column: column)))
        }
        var options = defaults
        var lines = code.split(separator: "\n", omittingEmptySubsequences: false)[...]
        var line = fenceLine + 1
        while let first = lines.first, first.drop(while: { $0 == " " }).hasPrefix("//|") {
            let here = SourceLocation(file: source.path, line: line, column: column)
            let option = first.drop(while: { $0 == " " }).dropFirst(3)
            guard let colon = option.firstIndex(of: ":") else {
                throw .error("cell option needs the form '//| key: value'", at: here)
            }
            let key = option[..<colon].trimmingCharactersInSpaceAndNewlines()
            let value = option[option.index(after: colon)...].trimmingCharactersInSpaceAndNewlines()
            do {
                try options.set(key, to: value)
            } catch {
                throw .error(error.message, at: here)
            }
            lines.removeFirst()
            line += 1
        }
        var body = lines.joined(separator: "\n")
        if body.hasSuffix("\n") { body.removeLast() }
        return .cell(Cell(
            index: cellIndex, code: body, options: options,
            codeStart: SourceLocation(file: source.path, line: line, column: column), fence: fence,
            endLine: fileLine(cmark_node_get_end_line(node))))
    }

    /// Records the heading and marks where its content starts, so the page can give it an id.
    private mutating func tagHeading(_ node: OpaquePointer) {
        let level = Int(cmark_node_get_heading_level(node))
        var explicitID: String?
        // Quarto's `# Title {#sec-id}`: the attribute ends the last text child.
        if let last = cmark_node_last_child(node), cmark_node_get_type(last) == CMARK_NODE_TEXT {
            let text = String(cString: cmark_node_get_literal(last))
            if text.hasSuffix("}"), let open = text.range(of: "{#", options: .backwards) {
                let id = String(text[open.upperBound..<text.index(before: text.endIndex)])
                if !id.isEmpty, id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ":" }) {
                    explicitID = id
                    var kept = String(text[..<open.lowerBound])
                    while kept.last == " " { kept.removeLast() }
                    cmark_node_set_literal(last, kept)
                }
            }
        }
        let text = plainText(node)
        let id = explicitID ?? uniqueSlug(text)
        let location = SourceLocation(
            file: source.path, line: fileLine(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node)))
        headings.append(Heading(level: level, text: text, id: id, location: location))
        usedIDs.insert(id)
        let marker = cmark_node_new(CMARK_NODE_TEXT)!
        cmark_node_set_literal(marker, SlotToken.make(.heading, headings.count - 1))
        cmark_node_prepend_child(node, marker)
    }

    private func plainText(_ node: OpaquePointer) -> String {
        var text = ""
        var child = cmark_node_first_child(node)
        while let c = child {
            switch cmark_node_get_type(c) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                text += String(cString: cmark_node_get_literal(c))
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                text += plainText(c)
            }
            child = cmark_node_next(c)
        }
        return SlotToken.substitute(in: text) { kind, index in
            switch kind {
            case .math: scanner.math[index].tex
            case .inlineExpression: scanner.inlineExpressions[index].raw
            case .reference: "@" + scanner.references[index].label
            case .term: scanner.terms[index].shown
            default: ""
            }
        }
    }

    private func uniqueSlug(_ text: String) -> String {
        var slug = ""
        for ch in text.lowercased() {
            if ch.isLetter || ch.isNumber { slug.append(ch) } else if ch == " " || ch == "-" || ch == "_" {
                if !slug.isEmpty && slug.last != "-" { slug.append("-") }
            }
        }
        while slug.last == "-" { slug.removeLast() }
        if slug.isEmpty { slug = "section" }
        var candidate = slug
        var n = 1
        while usedIDs.contains(candidate) {
            candidate = "\(slug)-\(n)"
            n += 1
        }
        return candidate
    }

    /// Cuts the rendered HTML at the lifted blocks' paragraphs.
    private func split(_ html: String) -> [Block] {
        var blocks: [Block] = []
        var prose = ""
        for line in html.split(separator: "\n", omittingEmptySubsequences: false) {
            // A fence of a block (`FencedDivs`), a paragraph of its own.
            if line.hasPrefix("<p>\(Character(SlotToken.open))"), line.hasSuffix("\(Character(SlotToken.close))</p>"),
               let kind = line.dropFirst(4).first, kind == "D" || kind == "E", let index = Int(line.dropFirst(5).dropLast(5)) {
                if !prose.isEmpty { blocks.append(.prose(prose)) }
                prose = ""
                blocks.append(kind == "D" ? .divOpen(index) : .divClose(index))
                continue
            }
            if line.hasPrefix("<p>\(Character(SlotToken.open))B"), line.hasSuffix("\(Character(SlotToken.close))</p>"),
               let index = Int(line.dropFirst(5).dropLast(5)), lifted.indices.contains(index) {
                if !prose.isEmpty { blocks.append(.prose(prose)) }
                prose = ""
                blocks.append(lifted[index])
            } else {
                prose += line
                prose += "\n"
            }
        }
        if prose.hasSuffix("\n") { prose.removeLast() }
        if !prose.isEmpty { blocks.append(.prose(prose)) }
        return blocks
    }
}

extension UnsafeMutablePointer<CChar> {
    /// Copies cmark's malloc'd string and frees it.
    fileprivate func freeing() -> String {
        defer { free(self) }
        return String(cString: self)
    }
}
