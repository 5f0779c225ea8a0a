import Foundation
import Testing
@testable import Notebook

struct SourceFileTests {
    @Test func rejectsBytesThatAreNotUTF8WithTheirPlace() {
        let bytes = Data("line one\nab".utf8) + Data([0xFF, 0x41])
        let error = #expect(throws: Diagnostic.self) { try SourceFile.decode(bytes, path: "x.md") }
        #expect(error?.location == SourceLocation(file: "x.md", line: 2, column: 3))
        #expect(error?.message.contains("not valid UTF-8") == true)
    }

    @Test(arguments: [[0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xE2, 0x82]] as [[UInt8]])
    func rejectsOverlongSurrogateAndTruncatedSequences(_ bad: [UInt8]) {
        #expect(SourceFile.firstInvalidUTF8(Array("ok ".utf8) + bad) == 3)
    }

    @Test func acceptsMultiByteText() throws {
        #expect(SourceFile.firstInvalidUTF8(Array("证据下界 ELBO ∑ 🙂".utf8)) == nil)
    }

    @Test func anEmptyNotebookIsAnError() {
        let error = #expect(throws: Diagnostic.self) { try SourceFile.decode(Data(" \n\n".utf8), path: "e.md") }
        #expect(error?.message == "the notebook is empty")
    }

    /// A FIFO named like a notebook would block the read forever.
    @Test func aFileThatIsNotRegularIsAnError() throws {
        let path = NSTemporaryDirectory() + "fifo-\(getpid()).md"
        unlink(path)
        #expect(mkfifo(path, 0o644) == 0)
        defer { unlink(path) }
        let error = #expect(throws: Diagnostic.self) { try SourceFile.read(path: path) }
        #expect(error?.message.contains("is not a regular file") == true)
    }

    @Test func aMissingFileIsAnError() {
        let error = #expect(throws: Diagnostic.self) { try SourceFile.read(path: "/nonexistent/nb.md") }
        #expect(error?.description == "error: /nonexistent/nb.md: no such file or directory")
    }

    @Test func aDirectoryIsNotANotebook() {
        let error = #expect(throws: Diagnostic.self) { try SourceFile.read(path: NSTemporaryDirectory()) }
        #expect(error?.message.contains("is a directory") == true)
    }

    @Test func windowsLineEndingsAndBOMAreNormalised() throws {
        let s = try SourceFile.decode(Data([0xEF, 0xBB, 0xBF]) + Data("a\r\nb\r\n".utf8), path: "w.md")
        #expect(s.text == "a\nb\n")
    }
}
