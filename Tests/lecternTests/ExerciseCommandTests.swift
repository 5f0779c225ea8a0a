import Foundation
import Testing

/// Teaching with exercises from the command line: the student and instructor builds, `check`'s
/// two rules, and `grade` over a folder of submissions of every kind.
extension CommandLineTests {
    /// A notebook with one exercise: starter, hint, solution, and a hidden check worth 2 points.
    static func exerciseNotebook(solution: String = "return xs.reduce(0, +) / Double(xs.count)", starter: String = "return 0") -> String {
        """
        # Sums

        ```swift
        let data = [1.0, 2.0, 3.0]
        ```

        ::: {.exercise #exr-mean title="The mean"}
        Write `mean`.

        ```swift
        //| exercise: starter
        func mean(_ xs: [Double]) -> Double {
            \(starter)
        }
        ```

        ::: hint
        Add them up.
        :::

        ::: solution
        Divide the sum by the count.

        ```swift
        func mean(_ xs: [Double]) -> Double {
            \(solution)
        }
        ```
        :::

        ```swift
        //| exercise: check
        //| points: 2
        expect(abs(mean(data) - 2) < 1e-12, "the mean of 1, 2, 3 is 2")
        expect(abs(mean([4.0]) - 4) < 1e-12, "the mean of one number is that number")
        ```
        :::

        """
    }

    @Test func theStudentBuildHasNoSolutionOrCheckInItsFiles() throws {
        let dir = try workspace(["notebooks/s.md": text(Self.exerciseNotebook())])
        let outcome = try lectern(["render", "--profile", "student"], in: dir)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let page = try String(contentsOf: dir.appendingPathComponent("output/s.html"), encoding: .utf8)
        let notebook = try String(contentsOf: dir.appendingPathComponent("output/s.md"), encoding: .utf8)
        for file in [page, notebook] {
            #expect(!file.contains("reduce") && !file.contains("Divide the sum") && !file.contains("the mean of 1, 2, 3"))
        }
        #expect(page.contains("Starter: your code goes here") && page.contains("Add them up."))
        #expect(notebook.contains("//| exercise: starter") && notebook.contains("return 0"))
        // The handed-out notebook runs as it is.
        #expect(try lectern(["check", "output/s.md"], in: dir).status == 0)
    }

    @Test func theInstructorBuildShowsSolutionsAndChecksAndRunsThem() throws {
        let dir = try workspace(["notebooks/s.md": text(Self.exerciseNotebook())])
        let outcome = try lectern(["render"], in: dir)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let page = try String(contentsOf: dir.appendingPathComponent("output/s.html"), encoding: .utf8)
        #expect(page.contains("Divide the sum") && page.contains("Hidden check · 2 points"))
        #expect(!page.contains("Starter: your code goes here"), "the solution replaces the starter")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("output/s.md").path))
    }

    @Test func checkFailsWhenASolutionFailsItsChecks() throws {
        let dir = try workspace(["notebooks/s.md": text(Self.exerciseNotebook(solution: "return xs.reduce(0, +)"))])
        let outcome = try lectern(["check"], in: dir)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("the mean of 1, 2, 3 is 2"), "\(outcome.stderr)")
    }

    @Test func checkFailsWhenAStarterAlreadyPasses() throws {
        let dir = try workspace(["notebooks/s.md": text(Self.exerciseNotebook(starter: "return xs.reduce(0, +) / Double(xs.count)"))])
        let outcome = try lectern(["check"], in: dir)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("notebooks/s.md:7:1: error: exercise 'exr-mean': its starter passes its hidden check"), "\(outcome.stderr)")
        let good = try lectern(["check"], in: try workspace(["notebooks/s.md": text(Self.exerciseNotebook())]))
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stderr.contains("the starters fail 1 of them"), "\(good.stderr)")
    }

    /// Thirty submissions: correct, wrong, crashing, endless and malicious ones.
    static let submissions: [(name: String, body: String, points: Double)] = {
        var all: [(String, String, Double)] = []
        for i in 0..<10 { all.append(("correct\(i)", "return xs.reduce(0, +) / Double(xs.count) + Double(\(i)) * 0", 2)) }
        for i in 0..<8 { all.append(("wrong\(i)", "return xs[0] + Double(\(i))", 0)) }
        for i in 0..<4 { all.append(("crashing\(i)", "return xs[\(i) + 10]", 0)) }
        all.append(("endless0", "while true {}\nreturn 0", 0))
        all.append(("endless1", "var s = 0.0\nwhile s >= 0 { s += 1 }\nreturn s", 0))
        all.append(("recursion", "return mean(xs)", 0))
        all.append(("reader", "let stolen = String(contentsOfFile: \"/etc/passwd\")\nreturn 0", 0))
        all.append(("huge", "for i in 0..<10_000_000 { print(i) }\nreturn 0", 0))
        all.append(("memory", "let t = Tensor.zeros([100_000, 100_000])\nreturn t.sum()", 0))
        all.append(("renamed", "RENAMED", 0))
        all.append(("script", "SCRIPT", 2))
        return all
    }()

    static func submission(_ name: String, _ body: String) -> String {
        let notebook = exerciseNotebook(starter: body.replacingOccurrences(of: "\n", with: "\n    "))
        // What a student hands in: the student build's notebook, edited.
        var lines = notebook.components(separatedBy: "\n")
        if let solution = lines.firstIndex(of: "::: solution"), let end = lines[solution...].firstIndex(of: ":::") {
            lines.removeSubrange(solution...end)
        }
        if let check = lines.firstIndex(of: "//| exercise: check") { lines.removeSubrange((check - 1)...(check + 4)) }
        var text = lines.joined(separator: "\n")
        if body == "RENAMED" {
            text = text.replacingOccurrences(of: "func mean(_ xs: [Double]) -> Double {\n    RENAMED", with: "func average(_ xs: [Double]) -> Double {\n    return 2")
        }
        if body == "SCRIPT" {
            text = text.replacingOccurrences(of: "    SCRIPT", with: "    return xs.reduce(0, +) / Double(xs.count)")
            text += "\n<script>document.title = 'pwned'</script>\n\n<img src=x onerror=\"alert(1)\">\n"
        }
        return text
    }

    @Test func gradingThirtySubmissionsOfEveryKind() throws {
        var files: [String: Data] = ["key.md": text(Self.exerciseNotebook())]
        for s in Self.submissions { files["notebooks/\(s.name).md"] = text(Self.submission(s.name, s.body)) }
        let dir = try workspace(files)
        let outcome = try lectern(["grade", "notebooks", "--key", "key.md", "--jobs", "2"], in: dir)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let csv = try String(contentsOf: dir.appendingPathComponent("grades/gradebook.csv"), encoding: .utf8)
        let rows = csv.split(separator: "\r\n").map(String.init)
        #expect(rows.first == "student,exercise,points,max_points,passed_checks,checks,messages")
        #expect(rows.count == 31)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("grades/gradebook.json"))) as? [String: Any]
        let graded = try #require(json?["submissions"] as? [[String: Any]])
        #expect(graded.count == 30)
        for s in Self.submissions {
            let entry = try #require(graded.first { $0["student"] as? String == s.name })
            #expect(entry["points"] as? Double == s.points, "\(s.name): \(entry)")
            #expect(entry["maxPoints"] as? Double == 2)
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("grades/feedback/\(s.name).html").path))
        }
        let renamed = try #require(rows.first { $0.hasPrefix("renamed,") })
        #expect(renamed.contains("uses 'mean', which your notebook does not define"), "\(renamed)")
        let wrong = try #require(rows.first { $0.hasPrefix("wrong0,") })
        #expect(wrong.contains("the mean of 1, 2, 3 is 2"), "\(wrong)")
        // Feedback shows the messages, never the checks' code; a submission's markup is not on its page.
        for s in Self.submissions {
            let page = try String(contentsOf: dir.appendingPathComponent("grades/feedback/\(s.name).html"), encoding: .utf8)
            #expect(!page.contains("abs(mean(data)") && !page.contains("<script") && !page.contains("onerror"), "\(s.name)")
        }
        let endless = try String(contentsOf: dir.appendingPathComponent("grades/feedback/endless0.html"), encoding: .utf8)
        #expect(endless.contains("0 of 2 points"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("stolen").path))
    }
}

extension CommandLineTests {
    /// A Jupyter notebook follows the build: a student's has the starter and no solution or check.
    @Test(arguments: [("student", true), ("instructor", false)])
    func exportFollowsTheProfile(profile: String, isStudents: Bool) throws {
        let dir = try workspace(["notebooks/s.md": text(Self.exerciseNotebook())])
        let outcome = try lectern(["export", "--to", "ipynb", "--profile", profile, "notebooks/s.md"], in: dir)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let notebook = try String(contentsOf: dir.appendingPathComponent("output/s.ipynb"), encoding: .utf8)
        #expect(notebook.contains("return 0") == isStudents)
        #expect(notebook.contains("reduce(0, +)") == !isStudents)
        #expect(notebook.contains("the mean of 1, 2, 3 is 2") == !isStudents)
    }
}

extension CommandLineTests {
    /// Without --profile a render makes the course file's build; --profile overrides it.
    @Test func theDefaultBuildFollowsTheCourseFile() throws {
        let dir = try workspace(["notebooks/s.md": text(Self.exerciseNotebook()),
                                 "lectern.yml": text("title: T\nchapters: [notebooks/s.md]\nprofile: student\n")])
        let outcome = try lectern(["render"], in: dir)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let page = try String(contentsOf: dir.appendingPathComponent("output/s.html"), encoding: .utf8)
        #expect(!page.contains("Divide the sum") && page.contains("Starter: your code goes here"))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("output/s.md").path))
        #expect(try lectern(["render", "--profile", "instructor", "-o", "key"], in: dir).status == 0)
        let key = try String(contentsOf: dir.appendingPathComponent("key/s.html"), encoding: .utf8)
        #expect(key.contains("Divide the sum") && !key.contains("Starter: your code goes here"))
    }
}
