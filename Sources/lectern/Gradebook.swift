import Foundation
import NotebookRunner
import PageRendering

/// What `lectern grade` found, as a spreadsheet (CSV, one row per student and exercise) and as
/// JSON (one object per submission), both in the submissions' order.
struct Gradebook {
    /// One graded submission.
    struct Entry: Sendable {
        var student: String
        var submission: String
        var grades: [ExerciseGrade]
        /// What went wrong outside the checks (a notebook that cannot be read, a crash, a limit).
        var problems: [String]
        var seconds: Double
        /// The feedback page's HTML.
        var feedback: String

        var total: Double { grades.reduce(0) { $0 + $1.points } }
        var maxTotal: Double { grades.reduce(0) { $0 + $1.maxPoints } }
    }

    var key: String
    var entries: [Entry]

    /// RFC 4180: a header row, then student, exercise, points, max points, checks passed, checks,
    /// and the failed checks' messages joined by " | ".
    var csv: String {
        var rows = [["student", "exercise", "points", "max_points", "passed_checks", "checks", "messages"]]
        for entry in entries {
            for g in entry.grades {
                rows.append([entry.student, g.exercise, FeedbackPage.points(g.points), FeedbackPage.points(g.maxPoints),
                             String(g.passedChecks), String(g.checks), (entry.problems + g.messages).joined(separator: " | ")])
            }
        }
        return rows.map { $0.map(Self.csvField).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// A field quoted when it holds a comma, a quote or a line break (quotes doubled); a field
    /// a spreadsheet would read as a formula (`=`, `+`, `-`, `@` first) is prefixed with `'`.
    static func csvField(_ field: String) -> String {
        var text = field
        if let first = text.first, "=+-@".contains(first), Double(text) == nil { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private struct Submission: Encodable {
        var student: String
        var submission: String
        var points: Double
        var maxPoints: Double
        var exercises: [ExerciseGrade]
        var problems: [String]
    }

    private struct Book: Encodable {
        var key: String
        var submissions: [Submission]
    }

    var json: String {
        let book = Book(key: key, submissions: entries.map {
            Submission(student: $0.student, submission: $0.submission, points: $0.total, maxPoints: $0.maxTotal, exercises: $0.grades,
                       problems: $0.problems)
        })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(book)) ?? Data("{}".utf8), as: UTF8.self) + "\n"
    }
}
