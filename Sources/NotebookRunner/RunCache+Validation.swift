import Foundation
import Notebook

/// An entry is read back as data, not trusted: it may be from an older Lectern, hand-edited, or
/// planted. Before it is served, every place, time and image in it is checked against what a run
/// could have produced for this notebook; an entry that fails is ignored with a warning and the
/// notebook runs again.
extension CacheEntry {
    /// Why the entry cannot be served for `document`, or nil when it can.
    func problem(for document: Document) -> String? {
        for (i, (cell, cached)) in zip(document.cells, cells).enumerated() {
            let lines = cell.code.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
            if let p = cached.problem(lines: lines) { return "cell \(i + 1) \(p)" }
        }
        for (i, inline) in inlineValues.enumerated() {
            if let f = inline.failure, let p = f.problem(lines: 1) { return "inline expression \(i + 1) \(p)" }
        }
        return nil
    }
}

extension CachedCell {
    func problem(lines: Int) -> String? {
        guard seconds.isFinite, seconds >= 0, seconds < 1e7 else { return "has a time of \(seconds) s" }
        guard ["succeeded", "failed", "skipped", "notRun"].contains(status.name) else { return "has the unknown status '\(status.name)'" }
        if let failure, let p = failure.problem(lines: lines) { return p }
        for output in outputs { if let p = output.problem { return p } }
        return nil
    }
}

extension CachedFailure {
    /// The failure must lie in its code: `lines` lines, columns of a plausible width.
    func problem(lines: Int) -> String? {
        guard (0..<lines).contains(lineOffset) else { return "has a failure on line offset \(lineOffset) of \(lines)" }
        guard (1...CachedFailure.maxColumn).contains(column), (columnOffset ?? 0) >= 0, (columnOffset ?? 0) <= CachedFailure.maxColumn else {
            return "has a failure at column \(column)"
        }
        return nil
    }

    static let maxColumn = 1 << 20
}

extension CachedOutput {
    /// The largest image side a cell can produce.
    static let maxImageSide = 16_384

    var problem: String? {
        switch kind {
        case "printed", "text", "svg", "html":
            return nil
        case "png":
            guard let w = width, let h = height, (1...Self.maxImageSide).contains(w), (1...Self.maxImageSide).contains(h) else {
                return "has an image of \(width ?? 0)×\(height ?? 0) pixels"
            }
            guard let encoded = png, let data = Data(base64Encoded: encoded) else { return "has an image that is not base64" }
            guard let (pw, ph) = Self.pngSize(data) else { return "has an image that is not a PNG" }
            guard pw == w, ph == h else { return "has an image whose PNG header says \(pw)×\(ph), not \(w)×\(h)" }
            return nil
        default:
            return "has an output of the unknown kind '\(kind)'"
        }
    }

    /// Width and height from a PNG's signature and IHDR chunk.
    static func pngSize(_ data: Data) -> (Int, Int)? {
        let bytes = [UInt8](data.prefix(24))
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        guard bytes.count == 24, Array(bytes[0..<8]) == signature, Array(bytes[12..<16]) == Array("IHDR".utf8) else { return nil }
        func big(_ at: Int) -> Int { bytes[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
        return (big(16), big(20))
    }
}
