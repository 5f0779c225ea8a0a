import Foundation
import Testing
import Tensors
@testable import GenerativeModels

/// Writes `text` to a fresh temporary file and returns its path.
func csvFile(_ name: String, _ text: String) throws -> String {
    let path = temporaryPath(name)
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
}

@Suite struct CSVTests {
    @Test func numbersWithHeaderBlankLinesAndCRLF() throws {
        let path = try csvFile("ok.csv", "a, b\r\n1, 2.5\r\n\r\n-3,4e-1\n")
        let x = try Dataset.csv(path: path, hasHeader: true)
        #expect(x == (try Tensor([[1, 2.5], [-3, 0.4]])))
    }

    @Test func raggedRowNamesLineAndCounts() throws {
        let path = try csvFile("ragged.csv", "1,2,3\n4,5,6\n\n7,8\n")
        #expect(throws: DatasetError.raggedRow(path: path, line: 4, expected: 3, found: 2)) {
            try Dataset.csv(path: path)
        }
    }

    @Test func nonNumberNamesLineAndColumn() throws {
        let path = try csvFile("nan.csv", "x,y\n1,2\n3,abc\n")
        #expect(throws: DatasetError.notANumber(path: path, line: 3, column: 2, text: "abc")) {
            try Dataset.csv(path: path, hasHeader: true)
        }
        let message = "\(DatasetError.notANumber(path: path, line: 3, column: 2, text: "abc"))"
        #expect(message.contains(":3:2:") && message.contains("'abc'"))
    }

    @Test func forgottenHeaderGivesAHint() throws {
        let path = try csvFile("header.csv", "x,y\n1,2\n")
        #expect {
            try Dataset.csv(path: path)
        } throws: { error in
            "\(error)".contains("hasHeader: true") && "\(error)".contains(":1:1:")
        }
    }

    @Test func emptyCellIsNotANumber() throws {
        let path = try csvFile("emptycell.csv", "1,,3\n")
        #expect(throws: DatasetError.notANumber(path: path, line: 1, column: 2, text: "")) {
            try Dataset.csv(path: path)
        }
    }

    @Test func emptyAndMissingFiles() throws {
        let path = try csvFile("empty.csv", "\n\n")
        #expect(throws: DatasetError.empty(path: path)) { try Dataset.csv(path: path) }
        #expect(throws: DatasetError.self) { try Dataset.csv(path: "/nonexistent/file.csv") }
    }

    @Test func labeledCSVSplitsTheLabelColumn() throws {
        let path = try csvFile("labeled.csv", "0.5,1,0.25\n1.5,0,0.75\n")
        let data = try Dataset.labeledCSV(path: path, labelColumn: 1)
        #expect(data.labels == [1, 0])
        #expect(data.x == (try Tensor([[0.5, 0.25], [1.5, 0.75]])))
        let bad = try csvFile("badlabel.csv", "0.5,1.5\n")
        #expect(throws: DatasetError.self) { try Dataset.labeledCSV(path: bad, labelColumn: 1) }
    }
}
