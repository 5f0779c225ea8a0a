import Foundation
import Testing

/// Bad input at every layer, through the command line: each gets a clear message (located
/// where there is a place), the documented exit status (0 ok, 1 a notebook failed, 64 a
/// usage error), and never a crash.
extension CommandLineTests {
    struct Malformed: Sendable, CustomTestStringConvertible {
        let name: String
        let notebook: Data
        let arguments: [String]
        let status: Int32
        let message: String
        var testDescription: String { name }

        init(_ name: String, _ notebook: String, _ arguments: [String] = ["render", "notebooks/n.md"], status: Int32, _ message: String) {
            self.init(name, Data(notebook.utf8), arguments, status: status, message)
        }

        init(_ name: String, _ notebook: Data, _ arguments: [String] = ["render", "notebooks/n.md"], status: Int32, _ message: String) {
            self.name = name
            self.notebook = notebook
            self.arguments = arguments
            self.status = status
            self.message = message
        }
    }

    static let deepQuote = String(repeating: "> ", count: 5_000) + "deep\n"
    static let deepList = (0..<1_000).map { String(repeating: "  ", count: $0) + "- item" }.joined(separator: "\n") + "\n"
    static let deepTeX = "$" + String(repeating: "{", count: 10_000) + "x" + String(repeating: "}", count: 10_000) + "$\n"
    static let longLine = String(repeating: "word ", count: 2_000_000) + "\n"

    static let badInputs: [Malformed] = [
        // Markdown
        Malformed("an unclosed fence runs to the end", "```swift\n1 + 1\n", status: 0, "ok"),
        Malformed("dollar soup", "$$ $ $$$ $a$ $$\n$$ \\$ $\n", status: 0, "ok"),
        Malformed("5,000 nested quotes", deepQuote, status: 0, "ok"),
        Malformed("1,000 nested lists", deepList, status: 0, "ok"),
        Malformed("a 10 MB line", longLine, status: 0, "ok"),
        // CommonMark replaces NUL with U+FFFD; the page is written.
        Malformed("a NUL byte", Data("text\u{0}more\n".utf8), status: 0, "ok"),
        Malformed("not UTF-8", Data([0x23, 0x20, 0xff, 0xfe, 0x0a]), status: 1, "not valid UTF-8"),
        Malformed("an empty file", "", status: 1, "empty"),
        // Front matter
        Malformed("bad YAML", "---\ntitle: [unclosed\n---\n", status: 1, "n.md:3:1: error: invalid YAML in front matter"),
        Malformed("a title that is a list", "---\ntitle: [1, 2]\n---\n", status: 1, "n.md:2:"),
        Malformed("a seed that is not a number", "---\nseed: abc\n---\n", status: 1, "seed"),
        Malformed("params that are not a map", "---\nparams: 3\n---\n", status: 1, "params"),
        // Other keys are the author's own metadata, as in Quarto.
        Malformed("an unknown front-matter key", "---\ntitel: T\n---\n", status: 0, "ok"),
        // Cell options
        Malformed("an unknown cell option", "```swift\n//| colour: red\n1\n```\n", status: 1, "n.md:2:"),
        Malformed("a cell option with a bad value", "```swift\n//| echo: maybe\n1\n```\n", status: 1, "must be true or false"),
        Malformed("a negative width", "```swift\n//| width: -3\n1\n```\n", status: 1, "width"),
        // The cell language
        Malformed("a syntax error", "```swift\nlet = 3\n```\n", status: 1, "n.md:2:"),
        Malformed("an actor", "```swift\nactor A {}\n```\n", status: 1, "not supported in cells"),
        Malformed("a type error", "```swift\nlet n = 3\nlet x = 1.5\nn * x\n```\n", status: 1,
                  "n.md:4:3: error: binary operator '*' cannot be applied to operands of type 'Int' and 'Double'"),
        Malformed("runaway recursion", "```swift\nfunc f(_ n: Int) -> Int { f(n + 1) }\nf(0)\n```\n", status: 1, "recursion too deep"),
        Malformed("an infinite loop", "```swift\n//| timeout: 0.3\nwhile true {}\n```\n", status: 1, "was stopped"),
        Malformed("a huge tensor", "```swift\nTensor.zeros([100000, 100000])\n```\n", status: 1, "limit"),
        Malformed("a huge array", "```swift\nArray(repeating: 0, count: 1 << 40)\n```\n", status: 1, "limit"),
        Malformed("training on NaN", "```swift\nlet a = Autoencoder(widths: [2, 1], seed: 0)\na.fit(Tensor([[Double.nan, 1.0], [0.0, 1.0]]), epochs: 1)\n```\n",
                 status: 1, "n.md:3:"),
        Malformed("an unknown name", "```swift\nlet y = nope\n```\n", status: 1, "cannot find 'nope' in scope"),
        Malformed("division by zero", "```swift\n1 / 0\n```\n", status: 1, "division by zero"),
        Malformed("an index out of range", "```swift\n[1, 2][5]\n```\n", status: 1, "out of range"),
        Malformed("a failed expectation", "```swift\nexpect(1 > 2, \"one is more than two\")\n```\n", status: 1, "one is more than two"),
        Malformed("a wrong initializer label", "```swift\nPPCA(latent: 2)\n```\n", status: 1, "incorrect argument label in call (have 'latent:', expected 'components:')"),
        Malformed("a missing data file", "```swift\nDataset.csv(path: \"nowhere.csv\")\n```\n", status: 1, "nowhere.csv"),
        Malformed("a corrupt checkpoint", "```swift\nlet p = PPCA(components: 1)\np.load(from: \"n.md\")\n```\n", status: 1, "n.md:3:"),
        // TeX
        Malformed("an unbalanced formula", "$\\frac{1}{$ and text\n", status: 0, "warning"),
        Malformed("an unknown TeX command", "$\\foo x$\n", status: 0, "\\foo"),
        Malformed("10,000-deep braces", deepTeX, status: 0, "ok"),
        // Command line
        Malformed("an unknown flag", "# ok\n", ["render", "--frobnicate"], status: 64, "frobnicate"),
        Malformed("zero jobs", "# ok\n", ["render", "--jobs", "0"], status: 64, "--jobs"),
        Malformed("a memory limit without --safe", "# ok\n", ["render", "--memory-limit", "512"], status: 64, "--memory-limit applies to --safe runs only"),
        Malformed("a memory limit too small to start", "# ok\n", ["render", "--safe", "--memory-limit", "512"], status: 64, "must be at least 1024"),
        Malformed("a parameter without a value", "# ok\n", ["render", "--param", "n"], status: 64, "name=value"),
        Malformed("an unknown parameter", "# ok\n", ["render", "notebooks/n.md", "--param", "n=1"], status: 1, "unknown parameter 'n'"),
        Malformed("a parameter of the wrong type", "---\nparams:\n  n: 3\n---\n", ["render", "notebooks/n.md", "--param", "n=abc"], status: 1,
                 "parameter 'n' is Int"),
        // Files
        Malformed("a missing notebook", "# ok\n", ["render", "notebooks/missing.md"], status: 64, "no such file or directory"),
        Malformed("a folder with no notebooks", "# ok\n", ["render", "output-empty"], status: 64, "no such file or directory"),
        Malformed("an output folder that is a file", "# ok\n", ["render", "notebooks/n.md", "-o", "notebooks/n.md"], status: 64, "not a folder"),
        Malformed("an output folder under a file", "# ok\n", ["render", "notebooks/n.md", "-o", "notebooks/n.md/out"], status: 64, "cannot create"),
    ]

    @Test(arguments: badInputs)
    func badInputIsAClearErrorNeverACrash(_ c: Malformed) throws {
        let dir = try workspace(["notebooks/n.md": c.notebook])
        let outcome = try lectern(c.arguments, in: dir)
        #expect(outcome.status == c.status, "\(c.name): status \(outcome.status): \(outcome.stderr.prefix(500))")
        #expect(outcome.stderr.contains(c.message), "\(c.name): \(outcome.stderr.prefix(500))")
        // A cell's trap is reported as Swift words it ("Fatal error: Index out of range"); the
        // process itself must not crash.
        #expect(!outcome.stderr.contains("Current stack trace") && !outcome.stderr.contains("Stack dump"), "\(c.name) crashed")
        // Nothing half-written: no temporary files left next to the pages.
        let output = dir.appendingPathComponent("output").path
        let left = (try? FileManager.default.contentsOfDirectory(atPath: output)) ?? []
        #expect(!left.contains { $0.hasSuffix(".tmp") }, "\(c.name) left \(left)")
    }

    @Test func aFailingRenderLeavesThePreviousPageAndTheCacheAsTheyWere() throws {
        let dir = try workspace(["notebooks/n.md": text("```swift\n6 * 7\n```\n")])
        #expect(try lectern(["render"], in: dir).status == 0)
        let page = try read(dir, "output/n.html")
        let cacheFolder = dir.appendingPathComponent(".lectern-cache").path
        let entries = try runEntries(in: cacheFolder)
        let entry = try read(dir, ".lectern-cache/\(entries[0])")
        try write(dir, "notebooks/n.md", "---\ntitle: [broken\n---\n")
        #expect(try lectern(["render"], in: dir).status == 1)
        #expect(try read(dir, "output/n.html") == page)
        try write(dir, "notebooks/n.md", "```swift\nlet y = nope\n```\n")
        #expect(try lectern(["render"], in: dir).status == 1)
        #expect(try read(dir, ".lectern-cache/\(entries[0])") == entry)
    }
}
