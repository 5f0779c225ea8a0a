import Testing
@testable import Plotting

@Suite("Colour maps and palette")
struct ColorMapTests {
    /// FNV-1a of the 256 entries as lowercase hex: Plotting's colours are the shared tables'
    /// (ColorMapsTests pins the same numbers).
    static func checksum(_ map: ColorMap) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        for byte in map.table.map({ String($0.hex.dropFirst()) }).joined().utf8 {
            h ^= UInt64(byte)
            h = h &* 0x100000001b3
        }
        return h
    }

    @Test("table checksums (as ColorMapsTests pins them)", arguments: [
        (ColorMap.viridis, 0x6ffdc72316b5242d as UInt64), (.diverging, 0xd9ac9c4ed94f48ed),
    ])
    func checksums(_ map: ColorMap, _ expected: UInt64) {
        #expect(map.table.count == 256)
        #expect(Self.checksum(map) == expected)
    }

    @Test("known colours: d3.interpolateViridis and interpolateRdBu(1 − t)", arguments: [
        (ColorMap.viridis, 0.0, "#440154"), (.viridis, 0.5, "#21918c"), (.viridis, 1.0, "#fde725"),
        (.diverging, 0.0, "#053061"), (.diverging, 1.0, "#67001f"), (.gray, 0.5, "#808080"),
        (.grayReversed, 1.0, "#000000"), (.viridis, -3, "#440154"), (.viridis, .nan, "#440154"),
    ] as [(ColorMap, Double, String)])
    func knownColours(_ map: ColorMap, _ t: Double, _ hex: String) {
        #expect(map.color(at: t).hex == hex)
    }

    @Test("the diverging map is dark at both ends, lightest in the middle")
    func divergingShape() {
        let lightness = ColorMap.diverging.table.map { 0.2126 * Double($0.red) + 0.7152 * Double($0.green) + 0.0722 * Double($0.blue) }
        let mid = ColorMap.diverging.color(at: 0.5)
        #expect(mid.red > 235 && mid.green > 235 && mid.blue > 235)
        #expect(lightness[0] < 60 && lightness[255] < 60)
        #expect(zip(lightness[0..<128], lightness[1..<128]).allSatisfy { $0 <= $1 + 1 })  // up to 8-bit rounding
        #expect(zip(lightness[128..<255], lightness[129...]).allSatisfy { $0 >= $1 - 1 })
        let low = ColorMap.diverging.color(at: 0.1), high = ColorMap.diverging.color(at: 0.9)
        #expect(low.blue > low.red && high.red > high.blue)  // blue below the middle, red above
    }

    @Test("viridis gets lighter monotonically (perceptual order)")
    func viridisMonotone() {
        let l = ColorMap.viridis.table.map { 0.2126 * Double($0.red) + 0.7152 * Double($0.green) + 0.0722 * Double($0.blue) }
        #expect(zip(l, l.dropFirst()).allSatisfy { $0 <= $1 + 1 })  // up to 8-bit rounding
    }

    @Test("the categorical palette is Tableau 10 and has ten distinct colours")
    func palette() {
        #expect(Palette.tableau10.map(\.hex) == ["#4e79a7", "#f28e2c", "#e15759", "#76b7b2", "#59a14f",
                                                 "#edc949", "#af7aa1", "#ff9da7", "#9c755f", "#bab0ab"])
        #expect(Set(Palette.tableau10).count == 10)
        #expect(Palette.color(10) == Palette.color(0))
    }

    @Test("hex parsing", arguments: [("#4e79a7", true), ("4E79A7", true), ("#4e79a", false), ("zzzzzz", false)])
    func hexParsing(_ text: String, _ valid: Bool) {
        #expect((Color(hex: text) != nil) == valid)
    }
}
