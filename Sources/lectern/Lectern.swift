import ArgumentParser
import Notebook
import Tensors

/// `lectern`: runs Markdown notebooks whose Swift cells drive the model library, and writes
/// self-contained HTML pages.
@main
struct Lectern: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lectern",
        abstract: "Run course notes written as Markdown notebooks, and render them to HTML.",
        version: LecternVersion.current,
        subcommands: [Render.self, Check.self, PreviewCommand.self, ExportCommand.self, GradeCommand.self, MathCommand.self, ReferenceCommand.self, RunContainedCommand.self],
        defaultSubcommand: Render.self)

    /// Parses and runs the command. OpenBLAS's kernel choice is corrected (see `BLASKernels`) by
    /// the commands that run cells, before they run any: `render` and `check` only when a notebook
    /// is not in the cache, `preview` and `run-contained` first thing.
    static func main() {
        Allocator.configure()
        BLASKernels.stopIdleThreads()
        main(nil)
    }
}
