import Foundation

/// A 128-bit digest (two FNV-1a lanes with different offsets, lengths mixed in): collisions
/// between edits of one notebook are not a practical concern for a cache key or for noticing
/// that a data file changed.
public struct ContentDigest {
    private var a: UInt64 = 0xcbf2_9ce4_8422_2325
    private var b: UInt64 = 0x6c62_272e_07bb_0142
    private var length: UInt64 = 0

    public init() {}

    public mutating func add(_ text: String) {
        var t = text
        t.withUTF8 { add(bytes: UnsafeRawBufferPointer($0)) }
        withUnsafeBytes(of: UInt8(0xff)) { add(bytes: $0) }
    }

    public mutating func add(bytes: UnsafeRawBufferPointer) {
        for byte in bytes {
            a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            b = (b ^ UInt64(byte) ^ (b >> 29)) &* 0x9e37_79b9_7f4a_7c15
        }
        length &+= UInt64(bytes.count)
    }

    public var hex: String {
        let mixedB = b ^ (length &* 0xff51_afd7_ed55_8ccd)
        return String(a, radix: 16).leftPadded(16) + String(mixedB, radix: 16).leftPadded(16)
    }
}

extension ContentDigest {
    /// The digest of a file's bytes, or "absent" when it cannot be read.
    public static func of(file path: String) -> String {
        guard let data = FileManager.default.contents(atPath: path) else { return "absent" }
        var h = ContentDigest()
        data.withUnsafeBytes { h.add(bytes: $0) }
        return h.hex
    }
}

private extension String {
    func leftPadded(_ n: Int) -> String { count >= n ? self : String(repeating: "0", count: n - count) + self }
}
