import Foundation
import Notebook
import NotebookRunner

/// Read, parse and run one notebook, collecting every diagnostic.
enum Pipeline {
    struct Outcome {
        var result: NotebookResult?
        var diagnostics: [Diagnostic]
        var seconds: Double
    }

    static func process(_ path: String, overrides: [String: String]) -> Outcome {
        let start = Date()
        do {
            let source = try SourceFile.read(path: path)
            let document = try DocumentParser.parse(source)
            let result = NotebookRunner(parameterOverrides: overrides).run(document)
            return Outcome(result: result, diagnostics: result.diagnostics, seconds: Date().timeIntervalSince(start))
        } catch {
            return Outcome(result: nil, diagnostics: [error], seconds: Date().timeIntervalSince(start))
        }
    }
}
