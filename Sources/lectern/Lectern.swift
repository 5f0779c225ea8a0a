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
        subcommands: [Render.self, Check.self, PreviewCommand.self, ExportCommand.self, MathCommand.self, ReferenceCommand.self, RunContainedCommand.self],
        defaultSubcommand: Render.self)

    /// Corrects OpenBLAS's kernel choice first (see `BLASKernels`), then parses and runs the command.
    static func main() {
        Allocator.configure()
        BLASKernels.restartIfSlower()
        main(nil)
    }
}
