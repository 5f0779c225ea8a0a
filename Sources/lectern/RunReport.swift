import Foundation
import Notebook
import NotebookRunner

/// `--report run.json`: per notebook and per cell, the status, the seconds and any diagnostic.
struct RunReport: Encodable {
    struct NotebookEntry: Encodable {
        var path: String
        var status: String
        var seconds: Double
        var fromCache: Bool
        var cells: [CellEntry]
        var diagnostics: [String]
    }

    struct CellEntry: Encodable {
        var index: Int
        var line: Int
        var label: String?
        var status: String
        var seconds: Double
        var diagnostic: String?
    }

    var lectern: String
    var notebooks: [NotebookEntry]
}

func writeReport(_ outcomes: [Pipeline.Outcome], to path: String) throws {
    let notebooks = outcomes.map { o -> RunReport.NotebookEntry in
        let cells = (o.result?.cells ?? []).map { c -> RunReport.CellEntry in
            let status: String
            switch c.status {
            case .succeeded: status = "ok"
            case .failed(let allowed): status = allowed ? "failed (allowed)" : "failed"
            case .skipped: status = "skipped"
            case .notRun: status = "not run"
            }
            return RunReport.CellEntry(index: c.cell.index + 1, line: c.cell.fence.line, label: c.cell.options.label, status: status,
                                       seconds: (c.seconds * 1e4).rounded() / 1e4, diagnostic: c.failure?.description)
        }
        let status = o.result.map { $0.failed ? "failed" : "ok" } ?? "failed"
        return RunReport.NotebookEntry(path: o.path, status: status, seconds: (o.seconds * 1e4).rounded() / 1e4, fromCache: o.cached,
                                       cells: cells, diagnostics: o.diagnostics.map(\.description))
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = try encoder.encode(RunReport(lectern: LecternVersion.current, notebooks: notebooks))
    try writeAtomically(String(decoding: data, as: UTF8.self) + "\n", to: path)
}
