#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Literal search and replace over a string's UTF-8 bytes. Pages and figures are megabytes when
/// they hold images, and Foundation's `range(of:)` and `components(separatedBy:)` compare
/// Unicode characters one at a time: on a render from the cache they took an eighth of the time.
/// UTF-8 is self-synchronising, so a byte match of valid UTF-8 starts and ends on scalar
/// boundaries; matching is by scalars, not by canonical equivalence, as markup wants.
public enum ByteSearch {
    /// The first occurrence of `needle` in `haystack` at or after `from`.
    public static func find(_ needle: String, in haystack: String, from: String.Index? = nil) -> Range<String.Index>? {
        let utf8 = haystack.utf8
        let start = from.map { utf8.distance(from: utf8.startIndex, to: $0) } ?? 0
        guard let at = offsets(of: needle, in: haystack, from: start, limit: 1).first else { return nil }
        let lower = utf8.index(utf8.startIndex, offsetBy: at)
        return lower..<utf8.index(lower, offsetBy: needle.utf8.count)
    }

    /// The last occurrence of `needle` that ends at or before `before`.
    public static func findLast(_ needle: String, in haystack: String, before: String.Index) -> Range<String.Index>? {
        let n = Array(needle.utf8), utf8 = haystack.utf8
        let end = utf8.distance(from: utf8.startIndex, to: before)
        guard !n.isEmpty, end >= n.count else { return nil }
        var copy = haystack
        let at: Int? = copy.withUTF8 { buffer in
            var i = end - n.count
            while i >= 0 {
                if buffer[i] == n[0], memcmp(buffer.baseAddress! + i, n, n.count) == 0 { return i }
                i -= 1
            }
            return nil
        }
        guard let at else { return nil }
        let lower = utf8.index(utf8.startIndex, offsetBy: at)
        return lower..<utf8.index(lower, offsetBy: n.count)
    }

    /// Every non-overlapping occurrence of `needle` in `haystack`, as byte offsets, left to right.
    public static func offsets(of needle: String, in haystack: String, from start: Int = 0, limit: Int = .max) -> [Int] {
        let n = Array(needle.utf8)
        guard !n.isEmpty else { return [] }
        var copy = haystack
        return copy.withUTF8 { buffer -> [Int] in
            guard let base = buffer.baseAddress else { return [] }
            var found: [Int] = [], i = start
            while found.count < limit, i + n.count <= buffer.count,
                  let hit = memchr(base + i, Int32(n[0]), buffer.count - n.count + 1 - i) {
                let at = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
                if memcmp(base + at, n, n.count) == 0 {
                    found.append(at)
                    i = at + n.count
                } else {
                    i = at + 1
                }
            }
            return found
        }
    }

    /// `haystack` with every occurrence of `needle` replaced by `replacement`, and how many were.
    public static func replacing(_ needle: String, with replacement: String, in haystack: String) -> (text: String, count: Int) {
        let hits = offsets(of: needle, in: haystack)
        guard !hits.isEmpty else { return (haystack, 0) }
        let width = needle.utf8.count, new = Array(replacement.utf8)
        var copy = haystack
        let bytes = copy.withUTF8 { buffer -> [UInt8] in
            var out: [UInt8] = []
            out.reserveCapacity(buffer.count + hits.count * max(0, new.count - width))
            var i = 0
            for at in hits {
                out.append(contentsOf: buffer[i..<at])
                out.append(contentsOf: new)
                i = at + width
            }
            out.append(contentsOf: buffer[i...])
            return out
        }
        return (String(decoding: bytes, as: UTF8.self), hits.count)
    }
}
