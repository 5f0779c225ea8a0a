import Foundation
@testable import Notebook
import Testing

/// Fenced divs (Pandoc's `::: {.kind #label title="…"}` … `:::`): blocks that hold prose, math
/// and cells, nest, and are located errors when they cannot be read or are left open.
struct FencedDivTests {
    func parse(_ text: String) throws -> Document {
        try DocumentParser.parse(SourceFile(path: "n.md", text: text))
    }

    /// The blocks as a list of names: "prose", "cell", "open exercise", "close exercise".
    func outline(_ document: Document) -> [String] {
        document.blocks.map { block in
            switch block {
            case .prose: "prose"
            case .cell: "cell"
            case .listing: "listing"
            case .divOpen(let i): "open \(document.divs[i].kind.rawValue)"
            case .divClose(let i): "close \(document.divs[i].kind.rawValue)"
            }
        }
    }

    @Test func anExerciseHoldsProseMathACellAndAFoldedHint() throws {
        let doc = try parse("""
            Before.
            ::: {.exercise #exr-sum title="Sums of $n$"}
            Add the first $n$ numbers.

            ```swift
            let n = 10
            ```
            :::: hint
            Pair them.
            ::::
            :::
            After.
            """)
        #expect(outline(doc) == ["prose", "open exercise", "prose", "cell", "open hint", "prose", "close hint", "close exercise", "prose"])
        #expect(doc.divs.map(\.kind) == [.exercise, .hint])
        #expect(doc.divs[0].id == "exr-sum")
        #expect(doc.divs[0].location.line == 2)
        #expect(doc.divs[0].title?.contains("Sums of") == true && doc.math.count == 2, "the title's math is math")
        #expect(doc.cells.count == 1 && doc.cells[0].fence.line == 5, "lines stay the file's")
        guard case .prose(let after) = doc.blocks.last else { Issue.record("no prose"); return }
        #expect(after.trimmingCharacters(in: .newlines) == "<p>After.</p>")
    }

    @Test(arguments: [
        ("::: {.callout-warning}\nCareful.\n:::\n", Div.Kind.warning, nil as String?),
        ("::: note\nA note.\n:::\n", .note, nil),
        ("::: {#thm-bayes}\nA theorem.\n:::\n", .theorem, "thm-bayes"),
        ("::: {.proof} :::\nShort.\n:::\n", .proof, nil),
        ("::: {.definition #def-kl title='KL'}\nText.\n:::\n", .definition, "def-kl"),
    ])
    func kindsComeFromTheClassOrTheLabel(_ text: String, _ kind: Div.Kind, _ id: String?) throws {
        let doc = try parse(text)
        #expect(doc.divs.map(\.kind) == [kind])
        #expect(doc.divs.first?.id == id)
    }

    @Test func colonsInsideCodeAreCode() throws {
        let doc = try parse("```text\n:::\n::: {.exercise}\n```\n\nText.\n")
        #expect(doc.divs.isEmpty)
    }

    @Test(arguments: [
        ("Text.\n:::\n", "n.md:2:1: error: this ':::' closes no block"),
        ("::: {.exercise}\nText.\n", "n.md:1:1: error: this '::: {.exercise}' block is never closed; end it with a line ':::'"),
        ("::: {.exercise}\n::: hint\nText.\n:::\n", "n.md:1:1: error: this '::: {.exercise}' block is never closed"),
        ("::: {.exersise}\n:::\n", "n.md:1:1: error: unknown block kind 'exersise'; did you mean 'exercise'?"),
        ("::: {.exercise #thm-x}\n:::\n", "n.md:1:1: error: the label of an exercise starts with 'exr-'"),
        ("::: {.hint #exr-x}\n:::\n", "n.md:1:1: error: '#exr-x' labels an exercise, but the block is a hint"),
        ("::: {#x-1}\n:::\n", "n.md:1:1: error: a block needs a kind"),
        ("::: {.exercise .hint}\n:::\n", "n.md:1:1: error: a block has one kind"),
        ("::: {.exercise points=3}\n:::\n", "n.md:1:1: error: unknown block attribute 'points'"),
        ("::: {.exercise title=\"open\n:::\n", "n.md:1:1: error: the block's attributes need a closing '}'"),
        ("---\ntitle: T\n---\n\nText.\n\n::: {.exercise}\n", "n.md:7:1: error: this '::: {.exercise}' block is never closed"),
    ])
    func aBlockThatCannotBeReadIsALocatedError(_ text: String, _ message: String) {
        do {
            _ = try parse(text)
            Issue.record("no error for \(text)")
        } catch {
            #expect("\(error)".hasPrefix(message), "\(error)")
        }
    }
}
