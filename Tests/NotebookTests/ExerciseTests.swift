import Testing
@testable import Notebook

/// Exercises in a notebook: the cells' parts, what each build keeps, and the mistakes an author
/// can make, each a located error.
struct ExerciseTests {
    static let notebook = """
        # Sums

        ```swift
        let data = [1.0, 2.0, 3.0]
        ```

        ::: {.exercise #exr-mean title="The mean"}
        Write `mean`.

        ```swift
        //| exercise: starter
        func mean(_ xs: [Double]) -> Double {
            return 0
        }
        ```

        ::: hint
        Add them up.
        :::

        ::: solution
        Divide the sum by the count.

        ```swift
        func mean(_ xs: [Double]) -> Double {
            return xs.reduce(0, +) / Double(xs.count)
        }
        ```
        :::

        ```swift
        //| exercise: check
        //| points: 2
        expect(abs(mean(data) - 2) < 1e-12, "the mean of 1, 2, 3 is 2")
        ```
        :::

        After the exercise.

        """

    func parse(_ text: String, profile: Profile? = nil) throws -> Document {
        let source = SourceFile(path: "n.md", text: text)
        if let profile { return try DocumentParser.parse(source, safe: false, profile: profile) }
        return try DocumentParser.parse(source)
    }

    @Test func cellsKnowTheirExerciseAndPart() throws {
        let d = try parse(Self.notebook)
        #expect(d.cells.map(\.part) == [nil, .starter, .solution, .check])
        #expect(d.cells.map { $0.exercise.map { d.divs[$0].id } } == [nil, "exr-mean", "exr-mean", "exr-mean"])
        #expect(d.cells[3].options.points == 2)
        let exercise = try #require(d.exercises.first)
        #expect(exercise.id == "exr-mean" && exercise.starters == [1] && exercise.solutions == [2] && exercise.checks == [3])
        // Each cell's fence lines, and each block's, as the file numbers them.
        #expect(d.cells[1].fence.line == 10 && d.cells[1].endLine == 15)
        #expect(d.divs.first { $0.kind == .solution }.map { ($0.location.line, $0.endLine) } ?? (0, 0) == (21, 29))
    }

    @Test(arguments: [
        (Profile.student, [nil, .starter] as [ExercisePart?], false, true),
        (.instructor, [nil, .solution, .check], true, false),
        (.startersAndChecks, [nil, .starter, .check], false, true),
    ])
    func aBuildKeepsItsParts(profile: Profile, parts: [ExercisePart?], hasSolutionBlock: Bool, hasStarter: Bool) throws {
        let d = try parse(Self.notebook, profile: profile)
        #expect(d.cells.map(\.part) == parts)
        #expect(d.divs.contains { $0.kind == .solution } == hasSolutionBlock)
        #expect(d.source.text.contains("return 0") == hasStarter)
        // Locations stay the file's: the last prose line is where it was.
        #expect(d.source.text.split(separator: "\n", omittingEmptySubsequences: false).count
                == Self.notebook.split(separator: "\n", omittingEmptySubsequences: false).count)
        #expect(d.profile == profile)
        if profile == .startersAndChecks { #expect(d.cells.filter { $0.part != nil }.allSatisfy { $0.options.error }) }
    }

    @Test func theStudentsNotebookHasNoSolutionAndNoCheck() throws {
        let d = try parse(Self.notebook, profile: .student)
        let handout = d.source.removing(d.omittedLines)
        #expect(!handout.contains("solution") && !handout.contains("expect(") && !handout.contains("reduce"))
        #expect(handout.contains("//| exercise: starter") && handout.contains("::: hint") && handout.contains("After the exercise."))
        #expect(!handout.contains("\n\n\n"), "a removed run leaves no double blank line")
        // What is handed out is a notebook again, with the same cells as the student build.
        #expect(try parse(handout).cells.map(\.code) == d.cells.map(\.code))
    }

    @Test(arguments: [
        ("```swift\n//| exercise: starter\nlet x = 1\n```\n", 1, "belongs inside its exercise block"),
        ("::: {.exercise}\n```swift\n//| exercise: check\nexpect(true)\n```\n:::\n", 1, "needs an id for the gradebook"),
        ("::: {.exercise #exr-a}\n```swift\n//| points: 2\nlet x = 1\n```\n:::\n", 2, "only a hidden check"),
        ("::: {.exercise #exr-a}\n::: solution\n```swift\n//| exercise: starter\nlet x = 1\n```\n:::\n:::\n", 3, "is part of the solution"),
        ("```swift\n//| exercise: answer\nlet x = 1\n```\n", 2, "starter, solution or check"),
        ("::: {.exercise #exr-a}\n```swift\n//| exercise: check\n//| points: -1\nexpect(true)\n```\n:::\n", 4, "from 0 to 1000"),
    ] as [(String, Int, String)])
    func mistakesAreLocatedErrors(text: String, line: Int, message: String) {
        let error = #expect(throws: Diagnostic.self) { try parse(text) }
        #expect(error?.location?.line == line, "\(error?.description ?? "")")
        #expect(error?.message.contains(message) == true, "\(error?.message ?? "")")
    }

    @Test func blankingKeepsLinesAndRemovingDropsThem() {
        let file = SourceFile(path: "n.md", text: "a\n\nb\nc\n\nd")
        #expect(file.blanking([3...4]).text == "a\n\n\n\n\nd")
        #expect(file.removing([3...4]) == "a\n\nd")
        #expect(file.removing([1...1]) == "b\nc\n\nd")  // the blank line after goes too
        #expect(file.removing([]) == file.text)
    }

    @Test func aCourseNamesItsDefaultBuild() throws {
        let course = try Course.parse("title: T\nchapters: [a.md]\nprofile: student\n", path: "lectern.yml")
        #expect(course.profile == .student)
        let error = #expect(throws: Diagnostic.self) { try Course.parse("title: T\nchapters: [a.md]\nprofile: starters-and-checks\n", path: "lectern.yml") }
        #expect(error?.location?.line == 3)
    }
}
