import ArgumentParser
import Foundation
import NotebookRunner
import PageRendering

/// `lectern reference`: the API page of everything cells can call.
struct ReferenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reference", abstract: "Write the API page of everything cells can call.")

    @Option(name: .shortAndLong, help: "The page to write.")
    var output = "output/reference.html"

    func run() throws {
        AtomicFile.exitCleanlyOnInterrupt()
        let folder = (output as NSString).deletingLastPathComponent
        if !folder.isEmpty { try prepareOutputFolder(folder) }
        try writeAtomically(ReferencePage.render(), to: output)
        printError(output)
    }
}
