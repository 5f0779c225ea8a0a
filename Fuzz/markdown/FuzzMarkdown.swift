// libFuzzer entry point for the Markdown-and-math front end: any bytes as a notebook file —
// front matter (Yams), math spans, cmark-gfm, cells and their options, inline expressions —
// then, when it parses, the page itself with its cells unrun: prose, MathML, cross-references,
// contents, highlighted code. A located diagnostic is fine; a crash or a hang is not.
import Notebook
import NotebookRunner
import PageRendering

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    for safe in [false, true] {
        guard let document = try? DocumentParser.parse(SourceFile(path: "fuzz.md", text: text), safe: safe) else { continue }
        let cells = document.cells.map { CellResult(cell: $0, status: .notRun, outputs: [], failure: nil, seconds: 0) }
        let result = NotebookResult(document: document, cells: cells, inlineValues: [], diagnostics: [])
        _ = PageRenderer.render(result, options: PageOptions(handout: safe))
    }
    return 0
}
