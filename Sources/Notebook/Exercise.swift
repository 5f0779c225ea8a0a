/// A cell's part in an exercise (`//| exercise: …`), nbgrader's and otter-grader's roles in one
/// option: what students start from, the answer, and the checks that grade it.
public enum ExercisePart: String, Sendable, Hashable, Codable {
    /// What the student sees and edits; it must run, and must fail the checks.
    case starter
    /// The answer: replaces the starter in the instructor build, absent from the student's.
    case solution
    /// A hidden check: `expect`s that grade the exercise, never in a student's files.
    case check
}

/// Which of a course's cells and blocks a build keeps (`--profile`, or `profile:` in the course
/// file). What a build leaves out is absent from its pages and notebooks, not hidden by CSS.
public enum Profile: String, Sendable, Hashable, CaseIterable, Codable {
    /// Starters; no solutions (cells or `solution` blocks) and no hidden checks.
    case student
    /// Solutions in place of starters, and the hidden checks run against them.
    case instructor
    /// Starters followed by the hidden checks, each allowed to fail: what `lectern check` runs to
    /// prove that every exercise needs work. Not a build of pages.
    case startersAndChecks = "starters-and-checks"

    /// The profiles a user may ask for.
    public static let builds: [Profile] = [.student, .instructor]
}

/// An exercise of a notebook, as grading sees it: its block and its cells by part.
public struct Exercise: Sendable {
    /// Its block, an index into `Document.divs`.
    public var div: Int
    /// The block's id (`exr-…`).
    public var id: String?
    /// Indices into `Document.cells`.
    public var starters: [Int] = []
    public var solutions: [Int] = []
    public var checks: [Int] = []
}

enum Exercises {
    /// `blocks` with every cell's exercise and part set from the blocks around it; an exercise
    /// cell outside an exercise block, points on a cell that is not a check, and an exercise with
    /// checks but no id are located errors.
    static func assign(_ blocks: [Block], divs: [Div]) throws(Diagnostic) -> [Block] {
        var open: [Int] = []
        var out: [Block] = []
        out.reserveCapacity(blocks.count)
        for block in blocks {
            switch block {
            case .divOpen(let i): open.append(i)
            case .divClose: _ = open.popLast()
            case .cell(var cell):
                let exercise = open.last { divs[$0].kind == .exercise }
                let inSolution = open.contains { divs[$0].kind == .solution }
                let written = cell.options.exercise
                if inSolution, let written, written != .solution {
                    throw .error("a cell inside a solution block is part of the solution; it cannot be the \(written.rawValue)", at: cell.fence)
                }
                let part = written ?? (inSolution && exercise != nil ? .solution : nil)
                if cell.options.points != nil, part != .check {
                    throw .error("only a hidden check ('//| exercise: check') carries points", at: cell.fence)
                }
                if let part {
                    guard let exercise else {
                        throw .error("an exercise's \(part.rawValue) belongs inside its exercise block ('::: {.exercise #exr-…}' … ':::'), which numbers it and names it in the gradebook",
                                     at: cell.fence)
                    }
                    if part == .check, divs[exercise].id == nil {
                        throw .error("this exercise has a hidden check, so it needs an id for the gradebook: '::: {.exercise #exr-…}'",
                                     at: divs[exercise].location)
                    }
                    cell.exercise = exercise
                    cell.part = part
                }
                out.append(.cell(cell))
                continue
            default: break
            }
            out.append(block)
        }
        return out
    }
}

extension Document {
    /// The exercises, in the order their blocks open, with the cells of each.
    public var exercises: [Exercise] {
        var found: [Int: Exercise] = [:]
        for (i, div) in divs.enumerated() where div.kind == .exercise { found[i] = Exercise(div: i, id: div.id) }
        for (k, cell) in cells.enumerated() {
            guard let e = cell.exercise, let part = cell.part else { continue }
            switch part {
            case .starter: found[e]?.starters.append(k)
            case .solution: found[e]?.solutions.append(k)
            case .check: found[e]?.checks.append(k)
            }
        }
        return found.keys.sorted().map { found[$0]! }
    }

    /// The file lines `profile` leaves out: for students, solution blocks, solution cells and
    /// hidden checks; for instructors, starters; for the starters-and-checks run, solutions.
    public func linesLeftOut(by profile: Profile) -> [ClosedRange<Int>] {
        var ranges: [ClosedRange<Int>] = []
        if profile != .instructor {
            for div in divs where div.kind == .solution { ranges.append(div.location.line...max(div.location.line, div.endLine)) }
        }
        for cell in cells {
            guard let part = cell.part else { continue }
            let leftOut = switch profile {
            case .student: part != .starter
            case .instructor: part == .starter
            case .startersAndChecks: part == .solution
            }
            if leftOut { ranges.append(cell.fence.line...max(cell.fence.line, cell.endLine)) }
        }
        // Merged and in order, for the files written from them.
        var merged: [ClosedRange<Int>] = []
        for r in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, r.lowerBound <= last.upperBound + 1 {
                merged[merged.count - 1] = last.lowerBound...max(last.upperBound, r.upperBound)
            } else {
                merged.append(r)
            }
        }
        return merged
    }
}

extension SourceFile {
    /// The file with the lines in `ranges` (1-based file lines) made empty: the same number of
    /// lines, so the rest keeps its locations.
    public func blanking(_ ranges: [ClosedRange<Int>]) -> SourceFile {
        guard !ranges.isEmpty else { return self }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for r in ranges {
            for line in r where line >= 1 && line <= lines.count { lines[line - 1] = "" }
        }
        return SourceFile(path: path, text: lines.joined(separator: "\n"))
    }

    /// The file's text without the lines in `ranges`, as a notebook to hand out: where a removed
    /// run leaves two blank lines side by side, one goes too.
    public func removing(_ ranges: [ClosedRange<Int>]) -> String {
        guard !ranges.isEmpty else { return text }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var kept: [Substring] = []
        var k = 0
        for r in ranges {
            while k < lines.count, k + 1 < r.lowerBound { kept.append(lines[k]); k += 1 }
            k = max(k, min(r.upperBound, lines.count))
            let blankBefore = kept.last.map { $0.allSatisfy { $0 == " " || $0 == "\t" } } ?? true
            let blankAfter = k < lines.count && lines[k].allSatisfy { $0 == " " || $0 == "\t" }
            if blankBefore, blankAfter { k += 1 }
        }
        kept += lines[min(k, lines.count)...]
        return kept.joined(separator: "\n")
    }
}
