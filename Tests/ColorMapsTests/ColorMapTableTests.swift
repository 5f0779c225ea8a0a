import Testing
import ColorMaps

@Suite("The colour-map tables (one copy, shared by Plotting and Imaging)")
struct ColorMapTableTests {
    /// FNV-1a of the 256 entries as lowercase hex, pinning the published tables.
    static func checksum(_ map: ColorMap) -> UInt64 {
        let hex = Array("0123456789abcdef")
        var text = ""
        for k in 0..<256 {
            let (r, g, b) = map.rgb(at: (Double(k) + 0.5) / 256)
            for c in [r, g, b] { text.append(hex[Int(c >> 4)]); text.append(hex[Int(c & 15)]) }
        }
        var h: UInt64 = 0xcbf29ce484222325
        for byte in text.utf8 { h ^= UInt64(byte); h = h &* 0x100000001b3 }
        return h
    }

    @Test("table checksums", arguments: [
        (ColorMap.viridis, 0x6ffdc72316b5242d as UInt64), (.diverging, 0xd9ac9c4ed94f48ed),
    ])
    func checksums(_ map: ColorMap, _ expected: UInt64) {
        #expect(Self.checksum(map) == expected)
    }

    @Test("entry index: ⌊256·t⌋ clamped, as d3's ramp()", arguments: [
        (0.0, 0), (0.5, 128), (1.0, 255), (0.999, 255), (-1, 0), (2, 255), (.nan, 0), (-.infinity, 0), (.infinity, 255),
    ] as [(Double, Int)])
    func index(_ t: Double, _ expected: Int) {
        #expect(ColorMap.index(t) == expected)
    }

    @Test("ends and middle", arguments: [
        (ColorMap.viridis, 0.0, [0x44, 0x01, 0x54] as [UInt8]), (.viridis, 1.0, [0xfd, 0xe7, 0x25]),
        (.viridis, 0.5, [0x21, 0x91, 0x8c]), (.gray, 1.0, [255, 255, 255]), (.grayReversed, 0.0, [255, 255, 255]),
        (.diverging, 0.0, [0x05, 0x30, 0x61]), (.viridis, .nan, [0x44, 0x01, 0x54]),
    ] as [(ColorMap, Double, [UInt8])])
    func known(_ map: ColorMap, _ t: Double, _ expected: [UInt8]) {
        let (r, g, b) = map.rgb(at: t)
        #expect([r, g, b] == expected)
    }
}
