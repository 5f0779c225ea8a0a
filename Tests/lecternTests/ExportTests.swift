import Foundation
import Testing

/// `lectern export --to ipynb`: a Jupyter notebook with the prose, the code and the outputs.
extension CommandLineTests {
    static let exportSource = """
        ---
        title: Export
        ---

        Some *prose* with a value `{swift} 6 * 7`.

        ```swift
        print("hello")
        1 + 1
        plot([1.0, 4.0, 9.0])
        ```

        More prose.

        ```swift
        //| error: true
        let bad = nope
        ```
        """

    @Test func exportWritesANotebookWithEveryKindOfOutput() throws {
        let dir = try workspace(["notebooks/e.md": text(Self.exportSource)])
        let outcome = try lectern(["export", "--to", "ipynb", "notebooks/e.md"], in: dir)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let path = dir.appendingPathComponent("output/e.ipynb")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: path)) as? [String: Any])
        #expect(json["nbformat"] as? Int == 4)
        let cells = try #require(json["cells"] as? [[String: Any]])
        #expect(cells.map { $0["cell_type"] as? String } == ["markdown", "markdown", "code", "markdown", "code"])
        #expect((cells[1]["source"] as? [String])?.joined().contains("with a value 42.") == true)
        let outputs = try #require(cells[2]["outputs"] as? [[String: Any]])
        #expect(outputs.map { $0["output_type"] as? String } == ["stream", "display_data", "display_data"])
        #expect((outputs[2]["data"] as? [String: Any])?["image/svg+xml"] != nil)
        let error = try #require((cells[4]["outputs"] as? [[String: Any]])?.first)
        #expect(error["output_type"] as? String == "error")
        #expect((error["evalue"] as? String)?.contains("cannot find 'nope' in scope") == true)
        try validateWithNbformat(path)
    }

    /// The nbformat package's validator, when Python has it (CI installs it; see .ci/run).
    func validateWithNbformat(_ path: URL) throws {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = ["python3", "-c", "import nbformat"]
        probe.standardError = FileHandle.nullDevice
        guard (try? probe.run()) != nil else { return }
        probe.waitUntilExit()
        guard probe.terminationStatus == 0 else {
            #expect(ProcessInfo.processInfo.environment["LECTERN_REQUIRE_NBFORMAT"] == nil, "nbformat is required but missing")
            return
        }
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        check.arguments = ["python3", "-c", "import nbformat, sys; nbformat.validate(nbformat.read(sys.argv[1], as_version=4))", path.path]
        let errors = Pipe()
        check.standardError = errors
        try check.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        check.waitUntilExit()
        #expect(check.terminationStatus == 0, "nbformat rejected the notebook: \(message)")
    }
}

extension CommandLineTests {
    static let hostileSource = """
        ---
        title: "Title <img src=x onerror=alert(1)>"
        subtitle: "<script>alert(2)</script>"
        ---

        Text <b onclick="x()">bold</b>, a [link](javascript:alert(3)), <javascript:alert(4)>, math $a < b$.

        <script>alert(5)</script>

        ```swift
        let v = "<img src=x onerror=alert(6)>"
        ```

        Value: `{swift} v`.
        """

    @Test func exportSafeLeavesNothingThatCouldRunInTheMarkdown() throws {
        let dir = try workspace(["notebooks/h.md": text(Self.hostileSource)])
        let outcome = try lectern(["export", "--safe", "notebooks/h.md"], in: dir)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let path = dir.appendingPathComponent("output/h.ipynb")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: path)) as? [String: Any])
        let cells = try #require(json["cells"] as? [[String: Any]])
        let markdown = cells.filter { $0["cell_type"] as? String == "markdown" }.map { ($0["source"] as? [String] ?? []).joined() }.joined()
        // A '<' that starts a tag must be escaped ('\<' or '&lt;' show as text).
        #expect(markdown.firstMatch(of: /(^|[^\\])<(script|img|b )/) == nil, "\(markdown)")
        for danger in ["onclick", "](javascript"] {
            #expect(!markdown.contains(danger), "\(danger) in \(markdown)")
        }
        #expect(markdown.contains("math $a < b$"))
        #expect(markdown.contains("Value: \\<img src=x onerror=alert(6)\\>."))
        try validateWithNbformat(path)
    }
}
