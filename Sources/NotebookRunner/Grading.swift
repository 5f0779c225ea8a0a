import CellInterpreter
import Notebook

/// How one exercise's hidden checks went in a run: the points its passed checks are worth, and
/// what each failed check said, put for the student who reads it.
public struct ExerciseGrade: Sendable, Equatable, Codable {
    /// The exercise's id (`exr-…`).
    public var exercise: String
    /// The exercise's title, as written.
    public var title: String?
    public var points: Double
    public var maxPoints: Double
    public var passedChecks: Int
    public var checks: Int
    /// One line per failed check.
    public var messages: [String]
}

/// Hidden checks run after the cells whose work they grade (a solution's, a starter's, a
/// submission's), each allowed to fail so every exercise is judged on its own.
public enum Grading {
    /// The grade of every exercise of `result`'s document that has hidden checks, in order.
    public static func grades(of result: NotebookResult) -> [ExerciseGrade] {
        let document = result.document
        return grades(document.exercises.filter { !$0.checks.isEmpty }.map { exercise in
            (exercise.id ?? "", document.divs[exercise.div].title,
             exercise.checks.map { (document.cells[$0].options.points ?? 1, $0 < result.cells.count ? result.cells[$0] : nil) })
        })
    }

    /// The grades of a submission run with a key's checks appended (`appending(_:to:)`): the key's
    /// exercises, graded on the last cells of the run.
    public static func grades(of result: NotebookResult, key: Document) -> [ExerciseGrade] {
        let checks = key.exercises.flatMap(\.checks), cells = key.cells
        let first = result.cells.count - checks.count
        var position: [Int: Int] = [:]
        for (k, cell) in checks.enumerated() { position[cell] = first + k }
        return grades(key.exercises.filter { !$0.checks.isEmpty }.map { exercise in
            (exercise.id ?? "", key.divs[exercise.div].title,
             exercise.checks.map { (cells[$0].options.points ?? 1, position[$0].flatMap { $0 >= 0 ? result.cells[$0] : nil }) })
        })
    }

    /// The key's hidden checks, in the order they are appended to a submission.
    public static func checks(of key: Document) -> [Cell] {
        let cells = key.cells
        return key.exercises.flatMap(\.checks).map { cells[$0] }
    }

    /// `document` (a submission) with `checks` run after its cells. Every cell may fail without
    /// stopping the rest: one broken cell of a student's costs the checks that need it, not all.
    public static func appending(_ checks: [Cell], to document: Document) -> Document {
        var graded = document
        var index = 0
        graded.blocks = graded.blocks.map { block in
            guard case .cell(var cell) = block else { return block }
            cell.options.error = true
            index += 1
            return .cell(cell)
        }
        for var check in checks {
            check.index = index
            check.options.error = true
            check.exercise = nil  // the key's blocks, not the submission's
            index += 1
            graded.blocks.append(.cell(check))
        }
        return graded
    }

    private static func grades(_ exercises: [(id: String, title: String?, checks: [(worth: Double, run: CellResult?)])]) -> [ExerciseGrade] {
        exercises.map { exercise in
            var grade = ExerciseGrade(exercise: exercise.id, title: exercise.title, points: 0, maxPoints: 0,
                                      passedChecks: 0, checks: exercise.checks.count, messages: [])
            for (k, (worth, run)) in exercise.checks.enumerated() {
                grade.maxPoints += worth
                let place = exercise.checks.count == 1 ? "check" : "check \(k + 1) of \(exercise.checks.count)"
                guard let run else {
                    grade.messages.append("\(place): did not run")
                    continue
                }
                if run.status == .succeeded {
                    grade.points += worth
                    grade.passedChecks += 1
                } else {
                    grade.messages.append(message(for: run, place: place))
                }
            }
            return grade
        }
    }

    /// What a failed check says to the student: the `expect`'s message, or, when the check calls
    /// something the notebook does not define (renamed or deleted), that plainly.
    /// `place` names the check among the exercise's, not by its line in a key students never see.
    static func message(for run: CellResult, place: String) -> String {
        switch run.status {
        case .notRun: return "\(place): not run, because an earlier cell stopped the notebook"
        case .skipped: return "\(place): not run"
        default: break
        }
        guard let failure = run.failure else { return "\(place): the check was expected to fail but passed" }
        if failure.kind == .name, let name = quotedName(in: failure.message) {
            return "\(place): it uses '\(name)', which your notebook does not define (renamed or deleted?); keep the names the starter gives"
        }
        if failure.kind == .expectation { return "\(place): \(failure.message)" }
        return "\(place): \(failure.kind == .type ? "the check cannot call your code as written" : "the check stopped"): \(failure.message)"
    }

    /// The name in a "cannot find 'name' in scope" message.
    private static func quotedName(in message: String) -> String? {
        guard message.hasPrefix("cannot find '"), let end = message.dropFirst(13).firstIndex(of: "'") else { return nil }
        return String(message[message.index(message.startIndex, offsetBy: 13)..<end])
    }

    /// A located error for every exercise whose starters pass all its hidden checks (run with
    /// the `startersAndChecks` profile): such an exercise asks for no work.
    public static func exercisesNeedingNoWork(_ result: NotebookResult) -> [Diagnostic] {
        let document = result.document
        return zip(document.exercises.filter { !$0.checks.isEmpty }, grades(of: result)).compactMap { exercise, grade in
            guard grade.passedChecks == grade.checks else { return nil }
            let passes = grade.checks == 1 ? "its starter passes its hidden check" : "its starter passes all \(grade.checks) hidden checks"
            return .error("exercise '\(grade.exercise)': \(passes), so it asks for no work; a starter must fail at least one",
                          at: document.divs[exercise.div].location)
        }
    }
}
