import Notebook
import NotebookRunner

/// The page a student gets back from `lectern grade`: the points per exercise and what each
/// failed check said, above the submission as it ran (its cells and outputs, never the checks).
public enum FeedbackPage {
    /// `result` is the submission's run with the key's checks after its first `submittedCells`
    /// cells; `problems` are what went wrong outside the checks (a notebook that cannot be read).
    public static func render(_ result: NotebookResult, submittedCells: Int, grades: [ExerciseGrade], student: String,
                              problems: [String] = []) -> Page {
        var shown = result
        shown.cells = Array(result.cells.prefix(submittedCells))
        var kept = 0
        shown.document.blocks = result.document.blocks.filter { block in
            guard case .cell = block else { return true }
            kept += 1
            return kept <= submittedCells
        }
        shown.document.blocks.insert(.prose(summary(grades, student: student, problems: problems)), at: 0)
        return PageRenderer.render(shown)
    }

    /// The feedback table: one row per exercise, its points and its failed checks' messages.
    static func summary(_ grades: [ExerciseGrade], student: String, problems: [String]) -> String {
        let total = grades.reduce(0) { $0 + $1.points }, most = grades.reduce(0) { $0 + $1.maxPoints }
        var html = "<section class=\"feedback\" aria-label=\"Feedback\">\n<h2 id=\"feedback\">Feedback for \(HTML.escape(student))</h2>\n"
        html += "<p class=\"feedback-total\"><strong>\(points(total)) of \(points(most)) points</strong></p>\n"
        for problem in problems { html += "<div class=\"cell-error\" role=\"alert\">\(HTML.escape(problem))</div>\n" }
        if !grades.isEmpty {
            html += "<table>\n<thead><tr><th>Exercise</th><th>Points</th><th>Checks passed</th><th>What the checks found</th></tr></thead>\n<tbody>\n"
            for g in grades {
                let name = g.title.map { "\(HTML.escape($0)) <code>\(HTML.escape(g.exercise))</code>" } ?? "<code>\(HTML.escape(g.exercise))</code>"
                let found = g.messages.isEmpty ? "all passed" : g.messages.map(HTML.escape).joined(separator: "<br>")
                html += "<tr><td>\(name)</td><td>\(points(g.points)) / \(points(g.maxPoints))</td><td>\(g.passedChecks) of \(g.checks)</td><td>\(found)</td></tr>\n"
            }
            html += "</tbody>\n</table>\n"
        }
        return html + "</section>\n"
    }

    /// Points as a reader writes them: 2, 1.5.
    public static func points(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
