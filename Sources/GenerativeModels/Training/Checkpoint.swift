import Foundation
import NeuralNetworks
import Tensors

/// Saves named tensors (a model's trained state) to a file and loads them back, so a notebook need not
/// retrain on every run.
///
/// The format, version 1: the line `LECTERN-CHECKPOINT 1`, then one line of JSON
/// `{"tensors":[{"name":"…","shape":[…]},…]}`, then every tensor's elements in that order as
/// little-endian IEEE-754 Float64, row-major, nothing after. Files are written atomically (to a
/// temporary file, then renamed), so a crash never leaves half a checkpoint behind.
///
///     try Checkpoint.save(model, to: "made.ckpt")
///     try Checkpoint.load(into: model, from: "made.ckpt")
public enum Checkpoint {
    /// The first line of every checkpoint file.
    static let magic = "LECTERN-CHECKPOINT 1"

    /// One header entry: a tensor's name and shape.
    struct Entry: Codable, Equatable {
        var name: String
        var shape: [Int]
    }

    /// The JSON line after the magic line.
    struct Header: Codable {
        var tensors: [Entry]
    }

    /// Writes `tensors` (names unique) to `path`, replacing any file there.
    public static func save(_ tensors: [(String, Tensor)], to path: String) throws {
        var seen = Set<String>()
        for (name, _) in tensors where !seen.insert(name).inserted {
            throw CheckpointError.duplicateName(name)
        }
        let header = Header(tensors: tensors.map { Entry(name: $0.0, shape: $0.1.shape) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var data = Data((magic + "\n").utf8)
        data.append(try encoder.encode(header))
        data.append(UInt8(ascii: "\n"))
        data.reserveCapacity(data.count + 8 * tensors.reduce(0) { $0 + $1.1.count })
        for (_, tensor) in tensors {
            tensor.withUnsafeBufferPointer { values in
                for v in values {
                    withUnsafeBytes(of: v.bitPattern.littleEndian) { data.append(contentsOf: $0) }
                }
            }
        }
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CheckpointError.io(path: path, reason: "cannot write: \(error.localizedDescription)")
        }
    }

    /// Reads every tensor of the checkpoint at `path`, by name. Throws `CheckpointError.io` when the
    /// file cannot be read and `.corrupt` when it is not a complete version-1 checkpoint.
    public static func load(from path: String) throws -> [String: Tensor] {
        var result: [String: Tensor] = [:]
        for (name, tensor) in try loadOrdered(from: path) { result[name] = tensor }
        return result
    }

    /// Every tensor of the checkpoint at `path`, in file order.
    static func loadOrdered(from path: String) throws -> [(String, Tensor)] {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CheckpointError.io(path: path, reason: "cannot read: \(error.localizedDescription)")
        }
        let bytes = [UInt8](data)
        func corrupt(_ reason: String) -> CheckpointError { .corrupt(path: path, reason: reason) }
        guard let firstNewline = bytes.firstIndex(of: UInt8(ascii: "\n")),
              String(decoding: bytes[..<firstNewline], as: UTF8.self) == magic else {
            throw corrupt("it does not start with '\(magic)'")
        }
        guard let secondNewline = bytes[(firstNewline + 1)...].firstIndex(of: UInt8(ascii: "\n")) else {
            throw corrupt("the header line is unterminated")
        }
        let header: Header
        do {
            header = try JSONDecoder().decode(Header.self, from: Data(bytes[(firstNewline + 1)..<secondNewline]))
        } catch {
            throw corrupt("the header is not valid JSON of names and shapes")
        }
        var expected = 0
        var names = Set<String>()
        for entry in header.tensors {
            guard names.insert(entry.name).inserted else { throw corrupt("the name '\(entry.name)' appears twice") }
            guard entry.shape.allSatisfy({ $0 >= 0 }) else { throw corrupt("'\(entry.name)' has a negative size in \(entry.shape)") }
            let (count, overflow) = entry.shape.reduce((1, false)) { acc, size in
                let (p, o) = acc.0.multipliedReportingOverflow(by: size)
                return (p, acc.1 || o)
            }
            guard !overflow, count <= Tensor.elementLimit else { throw corrupt("'\(entry.name)' has too many elements \(entry.shape)") }
            expected += count
        }
        let payload = bytes.count - (secondNewline + 1)
        guard payload == 8 * expected else {
            throw corrupt("expected \(8 * expected) bytes of Float64 data after the header, found \(payload)")
        }
        var offset = secondNewline + 1
        var result: [(String, Tensor)] = []
        for entry in header.tensors {
            let count = entry.shape.reduce(1, *)
            var values = [Double](repeating: 0, count: count)
            bytes.withUnsafeBytes { raw in
                for i in 0..<count {
                    let bits = raw.loadUnaligned(fromByteOffset: offset + 8 * i, as: UInt64.self)
                    values[i] = Double(bitPattern: UInt64(littleEndian: bits))
                }
            }
            offset += 8 * count
            result.append((entry.name, try Tensor(shape: entry.shape, data: values)))
        }
        return result
    }

    /// Writes every parameter of `module` under its dotted path (`namedParameters`).
    public static func save(_ module: some Module, to path: String) throws {
        try save(module.namedParameters.map { ($0.name, $0.parameter.value) }, to: path)
    }

    /// Replaces every parameter of `module` by the tensor of the same name in the checkpoint at `path`.
    /// Throws `CheckpointError.mismatch` (changing nothing) unless the names and shapes match exactly.
    public static func load(into module: some Module, from path: String) throws {
        let stored = try load(from: path)
        try restore(module.namedParameters.map { ($0.name, $0.parameter) }, from: stored, path: path)
    }

    /// Checks `stored` against `targets` (same names, same shapes), then assigns every value.
    static func restore(_ targets: [(String, ParameterReference)], from stored: [String: Tensor], path: String) throws {
        let wanted = Set(targets.map(\.0))
        let missing = targets.map(\.0).filter { stored[$0] == nil }
        if !missing.isEmpty {
            throw CheckpointError.mismatch(path: path, reason: "missing \(missing.map { "'\($0)'" }.joined(separator: ", "))")
        }
        let extra = stored.keys.filter { !wanted.contains($0) }.sorted()
        if !extra.isEmpty {
            throw CheckpointError.mismatch(path: path, reason: "unexpected \(extra.map { "'\($0)'" }.joined(separator: ", "))")
        }
        for (name, reference) in targets where stored[name]!.shape != reference.value.shape {
            throw CheckpointError.mismatch(
                path: path, reason: "'\(name)' has shape \(stored[name]!.shape) in the file but \(reference.value.shape) in the model")
        }
        for (name, reference) in targets { reference.value = stored[name]! }
    }

    /// The tensors named `names` from the checkpoint at `path`, each checked against its expected
    /// shape when one is given (nil entries accept any shape); for models whose state is not a `Module`.
    static func load(_ names: [(String, [Int]?)], from path: String) throws -> [Tensor] {
        let stored = try load(from: path)
        let missing = names.map(\.0).filter { stored[$0] == nil }
        if !missing.isEmpty {
            throw CheckpointError.mismatch(path: path, reason: "missing \(missing.map { "'\($0)'" }.joined(separator: ", "))")
        }
        return try names.map { name, shape in
            let t = stored[name]!
            if let shape, t.shape != shape {
                throw CheckpointError.mismatch(path: path, reason: "'\(name)' has shape \(t.shape), expected \(shape)")
            }
            return t
        }
    }
}

/// A checkpoint that cannot be written, read, or applied to a model.
public enum CheckpointError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file could not be read or written.
    case io(path: String, reason: String)
    /// The file is not a complete, well-formed checkpoint.
    case corrupt(path: String, reason: String)
    /// The file's names or shapes differ from the model's.
    case mismatch(path: String, reason: String)
    /// Two tensors to save share a name.
    case duplicateName(String)

    public var description: String {
        switch self {
        case let .io(path, reason): return "checkpoint \(path): \(reason)"
        case let .corrupt(path, reason): return "checkpoint \(path) is corrupt: \(reason)"
        case let .mismatch(path, reason): return "checkpoint \(path) does not fit the model: \(reason)"
        case let .duplicateName(name): return "checkpoint: the name '\(name)' is used twice"
        }
    }
}
