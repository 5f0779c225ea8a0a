import ArgumentParser
import Foundation
import Notebook
import NotebookRunner
import PageRendering

/// `lectern export --to ipynb`: a notebook's run as a Jupyter notebook, outputs included.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Run notebooks and write them in another format (ipynb: Jupyter, nbformat 4.5, with outputs).")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case ipynb
    }

    @Option(help: "The format to write.")
    var to: Format = .ipynb

    @Argument(help: "Notebooks or folders of notebooks.")
    var paths: [String] = []

    @Option(name: .shortAndLong, help: "The folder files are written to.")
    var output = "output"

    @OptionGroup var runOptions: RunOptions

    func run() throws {
        AtomicFile.exitCleanlyOnInterrupt()
        let notebooks = try findNotebooks(paths)
        try checkOutputNames(notebooks, ext: "ipynb", index: false)
        try prepareOutputFolder(output)
        var failed = false
        // A student's notebook has the starters and no solutions or hidden checks (`--profile`).
        let documents = ParsedNotebooks(profile: runOptions.build(for: try loadCourse()))
        for outcome in try runOptions.runAll(notebooks, documents: documents) {
            report(outcome.diagnostics)
            guard let result = outcome.result else {
                failed = true
                continue
            }
            let name = pageName(of: outcome.path, ext: "ipynb")
            let destination = (output as NSString).appendingPathComponent(name)
            do {
                try writeAtomically(try JupyterExport.render(result, safe: runOptions.safe), to: destination)
                printError("\(destination)  (\(result.cells.count) cells)")
            } catch {
                report([.error("cannot write \(destination): \(error.localizedDescription)", at: nil)])
                failed = true
            }
            if result.failed { failed = true }
        }
        if failed { throw ExitCode.failure }
    }
}
