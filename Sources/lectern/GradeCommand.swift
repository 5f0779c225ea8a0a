import ArgumentParser
import Foundation
import Notebook
import NotebookRunner
import PageRendering

/// `lectern grade`: runs each submitted notebook, then the key's hidden checks against the state
/// its cells left, and writes a gradebook and one feedback page per submission. Submissions are
/// untrusted: each runs under `--safe` rules in a process of its own, so one that crashes, hangs
/// or misbehaves costs only its own grade.
struct GradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade",
        abstract: "Grade submitted notebooks with a key's hidden checks; write a gradebook (CSV, JSON) and feedback pages.")

    @Argument(help: "Submitted notebooks, or folders of them.")
    var submissions: [String] = []

    @Option(help: "The notebook whose hidden checks ('//| exercise: check') grade the submissions.")
    var key: String

    @Option(name: .shortAndLong, help: "The folder the gradebook and the feedback pages are written to.")
    var output = "grades"

    @Option(name: .shortAndLong, help: "Submissions graded at once (each in a process of its own).")
    var jobs = 1

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
        guard !submissions.isEmpty else { throw ValidationError("name the submissions to grade: notebooks, or folders of them") }
    }

    func run() throws {
        AtomicFile.exitCleanlyOnInterrupt()
        let started = Date()
        let course = try loadCourse()
        let keyDocument: Document
        do {
            let source = try SourceFile.read(path: key)
            keyDocument = try DocumentParser.parse(source, safe: false, defaults: course?.defaults(for: course?.defaultLanguage ?? "") ?? FrontMatter())
        } catch {
            report([error])
            throw ExitCode.failure
        }
        let checks = Grading.checks(of: keyDocument)
        guard !checks.isEmpty else {
            report([.error("\(key) has no hidden checks ('//| exercise: check' cells inside exercise blocks) to grade with", at: nil)])
            throw ExitCode.failure
        }
        let paths = try findNotebooks(submissions).filter { (($0 as NSString).standardizingPath) != ((key as NSString).standardizingPath) }
        let students = Self.studentNames(paths)
        try prepareOutputFolder(output)
        let feedbackFolder = (output as NSString).appendingPathComponent("feedback")
        try prepareOutputFolder(feedbackFolder)

        let entries = Pipeline.processAll(Array(zip(paths, students)), jobs: jobs) { item in
            Self.grade(item.0, student: item.1, key: keyDocument, checks: checks)
        }
        var failedWrites = false
        for entry in entries {
            let page = (feedbackFolder as NSString).appendingPathComponent(Self.fileName(entry.student) + ".html")
            do { try writeAtomically(entry.feedback, to: page) } catch {
                report([.error("cannot write \(page): \(error.localizedDescription)", at: nil)])
                failedWrites = true
            }
            let problems = entry.problems.isEmpty ? "" : "; \(entry.problems[0])"
            printError("\(entry.submission): \(entry.student), \(FeedbackPage.points(entry.total)) of \(FeedbackPage.points(entry.maxTotal)) points (\(String(format: "%.2f", entry.seconds)) s)\(problems)")
        }
        let book = Gradebook(key: key, entries: entries)
        for (name, text) in [("gradebook.csv", book.csv), ("gradebook.json", book.json)] {
            let path = (output as NSString).appendingPathComponent(name)
            do { try writeAtomically(text, to: path) } catch {
                report([.error("cannot write \(path): \(error.localizedDescription)", at: nil)])
                failedWrites = true
            }
        }
        printError("\(output)/gradebook.csv, gradebook.json and \(entries.count) feedback pages  (\(entries.count) submissions in \(String(format: "%.1f", Date().timeIntervalSince(started))) s with --jobs \(jobs))")
        if failedWrites { throw ExitCode.failure }
    }

    /// Grades one submission: runs it under `--safe` rules in a child process with the key's checks
    /// after its cells. Never throws: what goes wrong is the student's feedback.
    static func grade(_ path: String, student: String, key: Document, checks: [Cell]) -> Gradebook.Entry {
        let start = Date()
        var entry = Gradebook.Entry(student: student, submission: path, grades: [], problems: [], seconds: 0, feedback: "")
        let document: Document
        do {
            document = try DocumentParser.parse(try SourceFile.read(path: path), safe: true)
        } catch {
            entry.problems = ["the notebook could not be read: \(error.description)"]
            entry.grades = Grading.grades(of: NotebookResult(document: key, cells: [], inlineValues: [], diagnostics: []), key: key)
            entry.seconds = Date().timeIntervalSince(start)
            entry.feedback = feedbackAlone(entry, path: path, key: key)
            return entry
        }
        var runner = NotebookRunner(parameterOverrides: [:], limits: .safe)
        runner.safe = true
        let result = ContainedRun.lectern.run(document, runner: runner, checks: checks)
        entry.grades = Grading.grades(of: result, key: key)
        // What stopped the notebook outside the checks (a crash, a limit) is said once, plainly.
        let submitted = document.cells.count
        entry.problems = result.cells.prefix(submitted).compactMap { run -> String? in
            guard let failure = run.failure, failure.kind == .resourceLimit || failure.kind == .timeout else { return nil }
            return "cell at line \(run.cell.codeStart.line): \(failure.message)"
        }
        entry.seconds = Date().timeIntervalSince(start)
        entry.feedback = FeedbackPage.render(result, submittedCells: submitted, grades: entry.grades, student: student,
                                             problems: entry.problems).html
        // As under --safe: a page that fails the independent check keeps the feedback alone.
        if let refusal = unsafePage(entry.feedback, path) {
            entry.problems.append("the notebook's page was left out: \(refusal.message)")
            entry.feedback = feedbackAlone(entry, path: path, key: key)
        }
        return entry
    }

    /// A feedback page without the notebook under it (one that could not be read or shown).
    static func feedbackAlone(_ entry: Gradebook.Entry, path: String, key: Document) -> String {
        let blank = (try? DocumentParser.parse(SourceFile(path: path, text: ""))) ?? key  // an empty notebook always parses
        let empty = NotebookResult(document: blank, cells: [], inlineValues: [], diagnostics: [])
        return FeedbackPage.render(empty, submittedCells: 0, grades: entry.grades, student: entry.student, problems: entry.problems).html
    }

    /// Each submission's student: its file name without `.md`, or, where two share a name
    /// (`alice/ppca.md`, `bob/ppca.md`), the folder it is in.
    static func studentNames(_ paths: [String]) -> [String] {
        let stems = paths.map { (($0 as NSString).lastPathComponent as NSString).deletingPathExtension }
        return zip(paths, stems).map { path, stem in
            stems.filter { $0 == stem }.count == 1 ? stem : ((path as NSString).deletingLastPathComponent as NSString).lastPathComponent
        }
    }

    /// A student's name as a file name: path separators and leading dots replaced.
    static func fileName(_ student: String) -> String {
        let safe = student.map { $0 == "/" || $0 == "\\" || $0 == "\0" ? "-" : String($0) }.joined()
        return safe.hasPrefix(".") ? "_" + safe.dropFirst() : (safe.isEmpty ? "_" : safe)
    }
}
