import Foundation
import NeuralNetworks
import Testing
import Tensors
@testable import GenerativeModels

/// A fresh path in the temporary directory for one test.
func temporaryPath(_ name: String) -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-tests-\(getpid())")
    try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir.appendingPathComponent(name).path
}

@Suite struct CheckpointTests {
    @Test func namedTensorsRoundTripBitForBit() throws {
        let path = temporaryPath("roundtrip.ckpt")
        let a = try Tensor([[1.5, -2, .pi], [0, 1e-300, -0.0]])
        let b = Tensor(42.0)
        let c = try Tensor.zeros([0, 3])
        try Checkpoint.save([("a", a), ("b", b), ("empty", c)], to: path)
        let loaded = try Checkpoint.load(from: path)
        #expect(Set(loaded.keys) == ["a", "b", "empty"])
        #expect(loaded["a"]!.shape == [2, 3])
        #expect(loaded["a"]!.scalars.map(\.bitPattern) == a.scalars.map(\.bitPattern))
        #expect(loaded["b"]! == b)
        #expect(loaded["empty"]!.shape == [0, 3])
    }

    @Test func moduleRoundTripRestoresEveryParameter() throws {
        let path = temporaryPath("mlp.ckpt")
        let trained = try MLP(widths: [3, 4, 2], using: RandomGenerator(seed: 1))
        try Checkpoint.save(trained, to: path)
        let fresh = try MLP(widths: [3, 4, 2], using: RandomGenerator(seed: 2))
        #expect(fresh.parameters.map(\.scalars) != trained.parameters.map(\.scalars))
        try Checkpoint.load(into: fresh, from: path)
        #expect(fresh.parameters.map(\.scalars) == trained.parameters.map(\.scalars))
    }

    @Test func shapeMismatchThrowsAndChangesNothing() throws {
        let path = temporaryPath("mismatch.ckpt")
        try Checkpoint.save(try MLP(widths: [3, 4, 2], using: RandomGenerator(seed: 1)), to: path)
        let other = try MLP(widths: [3, 5, 2], using: RandomGenerator(seed: 2))
        let before = other.parameters.map(\.scalars)
        #expect {
            try Checkpoint.load(into: other, from: path)
        } throws: { error in
            guard case let .mismatch(_, reason) = error as? CheckpointError else { return false }
            return reason.contains("layers.0.weight") && reason.contains("[3, 4]") && reason.contains("[3, 5]")
        }
        #expect(other.parameters.map(\.scalars) == before)
    }

    @Test func missingNamesAreReported() throws {
        let path = temporaryPath("missing.ckpt")
        try Checkpoint.save([("layers.0.weight", try Tensor.zeros([3, 4]))], to: path)
        let model = try MLP(widths: [3, 4, 2], using: RandomGenerator(seed: 2))
        #expect {
            try Checkpoint.load(into: model, from: path)
        } throws: { error in
            guard case let .mismatch(_, reason) = error as? CheckpointError else { return false }
            return reason.contains("missing") && reason.contains("layers.1.bias")
        }
    }

    @Test(arguments: [
        ("not a checkpoint", Data("hello\nworld".utf8)),
        ("truncated data", Data("LECTERN-CHECKPOINT 1\n{\"tensors\":[{\"name\":\"a\",\"shape\":[2]}]}\n".utf8) + Data(count: 15)),
        ("extra data", Data("LECTERN-CHECKPOINT 1\n{\"tensors\":[{\"name\":\"a\",\"shape\":[1]}]}\n".utf8) + Data(count: 9)),
        ("bad header", Data("LECTERN-CHECKPOINT 1\n{\"tensors\":[{\"name\":1}]}\n".utf8)),
        ("negative size", Data("LECTERN-CHECKPOINT 1\n{\"tensors\":[{\"name\":\"a\",\"shape\":[-1]}]}\n".utf8)),
        ("no header end", Data("LECTERN-CHECKPOINT 1\n{\"tensors\":[]}".utf8)),
    ])
    func corruptFilesThrowCorrupt(name: String, contents: Data) throws {
        let path = temporaryPath("corrupt-\(name.replacingOccurrences(of: " ", with: "-")).ckpt")
        try contents.write(to: URL(fileURLWithPath: path))
        #expect {
            _ = try Checkpoint.load(from: path)
        } throws: { error in
            if case .corrupt = error as? CheckpointError { return true }
            return false
        }
    }

    @Test func unreadableFileThrowsIO() {
        #expect {
            _ = try Checkpoint.load(from: "/nonexistent/dir/x.ckpt")
        } throws: { error in
            if case .io = error as? CheckpointError { return true }
            return false
        }
    }

    @Test func duplicateNamesAreRejected() {
        #expect(throws: CheckpointError.duplicateName("a")) {
            try Checkpoint.save([("a", Tensor(1.0)), ("a", Tensor(2.0))], to: temporaryPath("dup.ckpt"))
        }
    }

    @Test func fileFormatIsTheDocumentedOne() throws {
        let path = temporaryPath("format.ckpt")
        try Checkpoint.save([("w", Tensor([1.0, -2.0]))], to: path)
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let header = "LECTERN-CHECKPOINT 1\n{\"tensors\":[{\"name\":\"w\",\"shape\":[2]}]}\n"
        #expect(Array(bytes.prefix(header.utf8.count)) == Array(header.utf8))
        let payload = Array(bytes.dropFirst(header.utf8.count))
        #expect(payload == [0, 0, 0, 0, 0, 0, 0xF0, 0x3F, 0, 0, 0, 0, 0, 0, 0, 0xC0])
    }
}
