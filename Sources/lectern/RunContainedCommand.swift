import ArgumentParser
import Foundation
import NotebookRunner
import Tensors

/// `lectern run-contained` (hidden): the child side of a contained run. `--safe` starts one per
/// notebook; it reads the notebook on standard input and reports its cells on standard output.
struct RunContainedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run-contained",
        abstract: "Run one notebook sent on standard input under --safe rules, reporting as JSON lines (used by --safe).",
        shouldDisplay: false)

    func run() throws {
        BLASKernels.restartIfSlower()  // usually inherited from the parent's restart; see Lectern.main
        let status = ContainedRun.serve()
        if status != 0 { throw ExitCode(status) }
    }
}

extension ContainedRun {
    /// A contained run of this program: `lectern run-contained`.
    static var lectern: ContainedRun {
        ContainedRun(executable: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0],
                     arguments: ["run-contained"])
    }
}
