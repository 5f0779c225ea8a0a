import Foundation
import Testing
@testable import CellInterpreter

/// The differential corpus (`Corpus/`, see its README): programs with what the real Swift
/// compiler did with them, recorded by `Corpus/regenerate.py`. Every program swiftc accepts must
/// print exactly what the compiled program printed (`[trap]` after the output where it trapped);
/// every program swiftc refuses must be refused before it runs, at a line and column.
struct CorpusTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus")

    static func programs(_ kind: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(kind).path)) ?? []
        return names.filter { $0.hasSuffix(".swift") }.map { String($0.dropLast(6)) }.sorted()
    }

    static let accepted = programs("accept")
    static let rejected = programs("reject")

    /// The corpus is as large as the issue asks: 300 programs swiftc accepts, 100 it refuses.
    @Test func corpusIsComplete() {
        #expect(Self.accepted.count >= 300)
        #expect(Self.rejected.count >= 100)
    }

    /// What a program does in a fresh session, written as the corpus records a compiled run.
    static func run(_ kind: String, _ name: String) throws -> (output: String, failure: CellDiagnostic?) {
        let code = try String(contentsOf: folder.appendingPathComponent("\(kind)/\(name).swift"), encoding: .utf8)
        let session = Session()
        let run = session.run(CellSource(code: code, file: "\(name).swift", firstLine: 1), timeout: 30)
        var output = ""
        for case .text(let t) in run.outputs { output += t }
        return (output, run.failure)
    }

    static func isRefusal(_ d: CellDiagnostic) -> Bool {
        [.syntax, .unsupported, .name, .type].contains(d.kind)
    }

    /// Accepted programs Lectern refuses, each with the construct it does not have yet: a
    /// refusal is a missing feature, never a wrong answer. The test fails if one of them stops
    /// being refused (then it must print what Swift prints, and leaves this list).
    static let knownRefusals: [String: String] = [
        "244-protocol-static-requirement": "static requirements of a user protocol used through a generic parameter",
        "246-protocol-class-conformance-and-identity": "class-only protocols (AnyObject)",
        "252-generic-where-clause": "constrained extensions",
        "322-control-while-let-pop": "iterators (makeIterator)",
    ]

    /// Refused programs Lectern stops only when they run, at the place: definite
    /// initialization is checked at run time, not yet before the cell runs.
    static let refusedWhileRunning: [String: String] = [
        "072-let-used-before-assigned": "definite initialization",
        "073-var-used-before-assigned": "definite initialization",
    ]

    @Test func knownGapsAreFew() {
        #expect(Self.knownRefusals.count <= 5)
        #expect(Self.refusedWhileRunning.count <= 2)
    }

    @Test(arguments: accepted)
    func printsWhatSwiftPrints(_ name: String) throws {
        let expected = try String(contentsOf: Self.folder.appendingPathComponent("accept/\(name).out"), encoding: .utf8)
        let (output, failure) = try Self.run("accept", name)
        if let reason = Self.knownRefusals[name] {
            let refusal = try #require(failure, "\(name) is listed as refused (\(reason)) but ran")
            #expect(Self.isRefusal(refusal) && refusal.line >= 1, "\(refusal.description)")
            return
        }
        if let failure, Self.isRefusal(failure) {
            Issue.record("refused a program swiftc accepts: \(failure.description)")
            return
        }
        // A trap ends the program after what it printed; Lectern ends the cell with a located error.
        let actual = failure == nil ? output : output + "[trap]\n"
        #expect(actual == expected, "\(failure.map { $0.description } ?? "")")
    }

    @Test(arguments: rejected)
    func refusesWhatSwiftRefuses(_ name: String) throws {
        let (_, failure) = try Self.run("reject", name)
        let diagnostic = try #require(failure, "ran a program swiftc refuses")
        if Self.refusedWhileRunning[name] != nil {
            #expect(!Self.isRefusal(diagnostic) && diagnostic.line >= 1, "\(diagnostic.description)")
            return
        }
        #expect(Self.isRefusal(diagnostic), "refused only while running: \(diagnostic.description)")
        #expect(diagnostic.line >= 1 && diagnostic.column >= 1)
    }
}
