import Testing
@testable import Imaging

@Suite("Imaging bad input")
struct ImagingBadInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let kind: ImagingError.Kind
        let mentions: [String]
        let make: @Sendable () throws -> PixelImage
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "empty batch", kind: .emptyData, mentions: ["empty"]) {
            try ImageBatch(count: 0, height: 8, width: 8, values: []).grid()
        },
        Case(name: "wrong value count", kind: .shapeMismatch, mentions: ["needs 128", "got 127"]) {
            try ImageBatch(count: 2, height: 8, width: 8, values: Array(repeating: 0, count: 127)).grid()
        },
        Case(name: "two channels", kind: .invalidArgument, mentions: ["channels"]) {
            try ImageBatch(count: 1, height: 1, width: 1, channels: 2, values: [0, 0]).grid()
        },
        Case(name: "ragged flattened", kind: .shapeMismatch, mentions: ["image 1"]) {
            try ImageBatch(flattened: [[0, 1, 2, 3], [0, 1]], height: 2, width: 2).grid()
        },
        Case(name: "NaN pixel", kind: .nonFinite, mentions: ["image 1", "row 0, column 1"]) {
            try ImageBatch(count: 2, height: 2, width: 2, values: [0, 0, 0, 0, 0, .nan, 0, 0]).grid()
        },
        Case(name: "grid too small", kind: .shapeMismatch, mentions: ["hold 4", "has 5"]) {
            try ImageBatch(count: 5, height: 1, width: 1, values: Array(repeating: 0, count: 5)).grid(columns: 2, rows: 2)
        },
        Case(name: "reversed fixed range", kind: .invalidArgument, mentions: ["low < high"]) {
            try ImageBatch(count: 1, height: 1, width: 1, values: [0]).grid(range: .fixed(1, 0))
        },
        Case(name: "huge scale", kind: .invalidArgument, mentions: ["scale"]) {
            try ImageBatch(count: 1, height: 1, width: 1, values: [0]).grid(scale: 100)
        },
        Case(name: "huge output", kind: .invalidArgument, mentions: ["16384"]) {
            try ImageBatch(count: 1, height: 2000, width: 2000, values: Array(repeating: 0, count: 4_000_000)).grid(scale: 10)
        },
        Case(name: "pixel bytes", kind: .shapeMismatch, mentions: ["need 12 bytes"]) {
            try PixelImage(width: 2, height: 2, format: .rgb, bytes: [0])
        },
        Case(name: "zero width", kind: .invalidArgument, mentions: ["width"]) {
            try PixelImage(width: 0, height: 2, format: .gray, bytes: [])
        },
    ]

    @Test("throws a typed error that says what is wrong", arguments: cases)
    func throwsDescriptively(_ c: Case) {
        do {
            _ = try c.make()
            Issue.record("expected \(c.kind)")
        } catch let error as ImagingError {
            #expect(error.kind == c.kind)
            for word in c.mentions { #expect(error.message.contains(word), "“\(error.message)” should mention \(word)") }
        } catch {
            Issue.record("unexpected error type: \(error)")
        }
    }

    @Test("a constant image is mid-grey, not a division by zero")
    func constantImage() throws {
        let g = try ImageBatch(count: 1, height: 1, width: 1, values: [3]).grid(padding: 0, scale: 1)
        #expect(g.bytes == [128])
    }
}
