import Foundation
import Testing

/// `--safe`, for notebooks from others: each way out of the notebook's folder is tried.
extension CommandLineTests {
    static let escapes: [(String, String)] = [
        ("an absolute path", "Dataset.csv(path: \"/etc/hostname\")"),
        ("a path up and out", "Dataset.csv(path: \"../outside.csv\")"),
        ("a path up and back in", "Dataset.csv(path: \"notebooks/../../outside.csv\")"),
        ("a link out of the folder", "Dataset.csv(path: \"link.csv\")"),
        ("a checkpoint written outside", "let p = PPCA(components: 1)\np.fit(Tensor([[0.0, 1.0], [1.0, 0.0], [2.0, 2.0]]))\np.save(to: \"../stolen.ckpt\")"),
    ]

    @Test(arguments: escapes)
    func safeModeKeepsCellsInsideTheNotebooksFolder(_ what: String, _ code: String) throws {
        let dir = try workspace(["notebooks/n.md": text("```swift\n\(code)\n```\n"), "outside.csv": text("1,2\n")])
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("notebooks/link.csv").path,
                                                   withDestinationPath: dir.appendingPathComponent("outside.csv").path)
        let outcome = try lectern(["render", "--safe", "notebooks/n.md"], in: dir)
        #expect(outcome.status == 1, "\(what): \(outcome.stderr)")
        #expect(outcome.stderr.contains("is not allowed in safe mode"), "\(what): \(outcome.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("stolen.ckpt").path))
        // Without --safe the same notebook may read its neighbour (the author's own machine).
        if what == "a link out of the folder" {
            #expect(try lectern(["render", "notebooks/n.md"], in: dir).status == 0)
        }
    }

    @Test func safeModeAllowsFilesInsideTheFolder() throws {
        let dir = try workspace(["notebooks/n.md": text("```swift\nDataset.csv(path: \"./d.csv\").sum()\n```\n"),
                                 "notebooks/d.csv": text("1,2\n3,4\n")])
        let outcome = try lectern(["render", "--safe", "notebooks/n.md"], in: dir)
        #expect(outcome.status == 0, "\(outcome.stderr)")
    }

    @Test func safeModeDropsRawHTML() throws {
        let dir = try workspace(["notebooks/n.md": text("# T\n\n<script>alert(1)</script>\n\nText with <b onclick=\"x()\">bold</b>.\n")])
        #expect(try lectern(["render", "--safe", "notebooks/n.md"], in: dir).status == 0)
        let page = try String(contentsOf: dir.appendingPathComponent("output/n.html"), encoding: .utf8)
        #expect(!page.contains("<script"))
        #expect(!page.contains("onclick"))
        #expect(page.contains("Text with bold."))
        // Authors' own notebooks keep their HTML.
        #expect(try lectern(["render", "notebooks/n.md"], in: dir).status == 0)
        #expect(try String(contentsOf: dir.appendingPathComponent("output/n.html"), encoding: .utf8).contains("onclick"))
    }
}
