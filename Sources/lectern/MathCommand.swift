import ArgumentParser
import Foundation
import TeXToMathML

/// `lectern math`: prints the MathML for a TeX formula, as a page would contain it.
struct MathCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "math", abstract: "Print the MathML of a TeX formula.")

    @Flag(help: "Display style (a block equation) instead of inline.")
    var display = false

    @Argument(help: "The TeX, without dollars.")
    var tex: String

    func run() throws {
        let rendering = MathMLConverter().render(tex, display: display)
        print(rendering.mathML)
        for error in rendering.diagnostics { printError("<tex>:\(error.line):\(error.column): error: \(error.message)") }
        if rendering.isError { throw ExitCode.failure }
    }
}
