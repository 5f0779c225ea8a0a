import ArgumentParser
import Foundation
import Notebook
import PageRendering

/// `lectern render`: one page per notebook.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run notebooks and write one HTML page for each.",
        discussion: "Folders are searched for .md files (in file-name order). Defaults: notebooks/ → output/.")

    @Argument(help: "Notebooks or folders of notebooks.")
    var paths: [String] = []

    @Option(name: .shortAndLong, help: "The folder pages are written to.")
    var output = "output"

    @Option(name: .customLong("param"), help: "Override a front-matter parameter: --param name=value.")
    var parameters: [String] = []

    @Flag(help: "Render handouts: code hidden unless a cell sets echo: true.")
    var handout = false

    func run() throws {
        let overrides = try parseParameters(parameters)
        let notebooks = try findNotebooks(paths)
        try prepareOutputFolder(output)
        var failed = false
        for path in notebooks {
            let outcome = Pipeline.process(path, overrides: overrides)
            report(outcome.diagnostics)
            guard let result = outcome.result else {
                failed = true
                continue
            }
            let page = PageRenderer.render(result, options: PageOptions(handout: handout))
            report(page.warnings)
            let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension + ".html"
            let destination = (output as NSString).appendingPathComponent(name)
            do {
                try writeAtomically(page.html, to: destination)
            } catch {
                report([.error("cannot write \(destination): \(error.localizedDescription)", at: nil)])
                failed = true
                continue
            }
            if result.failed { failed = true }
            let status = result.failed ? "with errors" : "ok"
            printError("\(destination)  (\(result.cells.count) cells, \(String(format: "%.2f", outcome.seconds)) s, \(status))")
        }
        if failed { throw ExitCode.failure }
    }
}

/// `lectern check`: run without writing; exit non-zero on any error or failed expectation.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run notebooks without writing pages; fail on any error.")

    @Argument(help: "Notebooks or folders of notebooks.")
    var paths: [String] = []

    @Option(name: .customLong("param"), help: "Override a front-matter parameter: --param name=value.")
    var parameters: [String] = []

    func run() throws {
        let overrides = try parseParameters(parameters)
        var failed = false
        for path in try findNotebooks(paths) {
            let outcome = Pipeline.process(path, overrides: overrides)
            report(outcome.diagnostics)
            if let result = outcome.result { report(PageRenderer.render(result).warnings) }
            if outcome.result?.failed ?? true { failed = true }
            let status = outcome.result.map { $0.failed ? "failed" : "ok" } ?? "failed"
            printError("\(path): \(status) (\(String(format: "%.2f", outcome.seconds)) s)")
        }
        if failed { throw ExitCode.failure }
    }
}

func parseParameters(_ items: [String]) throws -> [String: String] {
    var out: [String: String] = [:]
    for item in items {
        guard let eq = item.firstIndex(of: "="), eq != item.startIndex else {
            throw ValidationError("--param needs the form name=value, got '\(item)'")
        }
        out[String(item[..<eq])] = String(item[item.index(after: eq)...])
    }
    return out
}
