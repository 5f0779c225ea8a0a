import Markup

/// UTF-8 bytes of markup being written, turned into a `String` once at the end: appending
/// bytes is several times cheaper than growing a `String` piece by piece.
struct MarkupBuffer {
    var bytes: [UInt8] = []

    static func += (buffer: inout MarkupBuffer, text: String) {
        buffer.append(text)
    }

    /// Appends a string's UTF-8 bytes with one copy (small strings included).
    mutating func append(_ text: String) {
        let copied: Void? = text.utf8.withContiguousStorageIfAvailable { bytes.append(contentsOf: $0) }
        if copied == nil { bytes.append(contentsOf: text.utf8) }
    }

    /// Appends text as markup: the one escaping rule of pages, figures and equations.
    mutating func appendEscaped(_ text: String) {
        Markup.append(text, to: &bytes)
    }

    mutating func reserveCapacity(_ count: Int) {
        bytes.reserveCapacity(count)
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}
