// libFuzzer entry point for the safety property of `--safe`: any bytes as a notebook from a
// stranger, parsed under --safe, its cells run (small limits, a step budget, files confined to
// a scratch folder), then its page and an index linking to it rendered. It fails (a crash that
// libFuzzer records) if either page holds what PageSafety forbids: a <script>, an `on…=`
// attribute, a script-capable address. A located diagnostic is fine.
import CellInterpreter
import Foundation
import Notebook
import NotebookRunner
import PageRendering

private let scratch: String = {
    let path = NSTemporaryDirectory() + "lectern-fuzz-safe-\(getpid())"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}()

private let limits = Limits(timeout: 2, maxCallDepth: 200, maxElements: 20_000, maxSteps: 200_000,
                            maxCellOutputBytes: 64 << 10, maxNotebookOutputBytes: 256 << 10, notebookTimeBudget: 5)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSafe(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let document = try? DocumentParser.parse(SourceFile(path: scratch + "/fuzz.md", text: text), safe: true) else { return 0 }
    var runner = NotebookRunner(limits: limits)
    runner.safe = true
    let result = runner.run(document)
    for options in [PageOptions(), PageOptions(handout: true)] {
        let page = PageRenderer.render(result, options: options).html
        assertSafe(page, what: "page", input: text)
    }
    // The notebook's name comes from its first line here: names are chosen by strangers too.
    let name = String(text.prefix { $0 != "\n" }.prefix(80)) + ".html"
    let index = IndexPage.render(title: "Notebooks", entries: [IndexPage.Entry(page: name, title: document.title,
                                                                               subtitle: document.frontMatter.subtitle, failed: result.failed)])
    assertSafe(index, what: "index", input: text)
    return 0
}

private func assertSafe(_ html: String, what: String, input: String) {
    let violations = PageSafety.violations(in: html)
    guard violations.isEmpty else {
        FileHandle.standardError.write(Data("UNSAFE \(what): \(violations)\n".utf8))
        abort()
    }
}
