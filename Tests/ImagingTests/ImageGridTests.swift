import Testing
@testable import Imaging

@Suite("Image grids")
struct ImageGridTests {
    /// Two 2 × 2 single-channel images: [[0, 1], [2, 3]] and [[4, 5], [6, 7]].
    static func twoImages() throws -> ImageBatch {
        try ImageBatch(count: 2, height: 2, width: 2, values: (0..<8).map(Double.init))
    }

    @Test("tiles, padding and nearest-neighbour scale land where they should")
    func layout() throws {
        let g = try Self.twoImages().grid(columns: 2, padding: 1, scale: 3, range: .fixed(0, 7), background: 200)
        // 2 tiles of 6 px plus 3 padding columns; 1 row of 6 px plus 2 padding rows.
        #expect(g.width == 15 && g.height == 8 && g.format == .gray)
        let level = { (v: Double) in UInt8(min(255, Int(v / 7 * 256))) }  // ⌊256·t⌋
        #expect(g.pixel(x: 0, y: 0) == [200])  // padding
        for (x, y, v) in [(1, 1, 0.0), (3, 3, 0), (4, 1, 1), (6, 1, 1), (1, 4, 2), (6, 6, 3), (8, 1, 4), (13, 6, 7)] {
            #expect(g.pixel(x: x, y: y) == [level(v)], "pixel (\(x), \(y))")
        }
        #expect(g.pixel(x: 7, y: 3) == [200])  // padding between tiles
    }

    @Test("value ranges", arguments: [
        (ValueRange.auto, [0, 36, 73, 109, 146, 182, 219, 255] as [UInt8]),
        (.fixed(0, 14), [0, 18, 36, 54, 73, 91, 109, 128]),
        (.perImage, [0, 85, 170, 255, 0, 85, 170, 255]),
        (.symmetric, [128, 146, 164, 182, 201, 219, 237, 255]),
    ])
    func ranges(_ range: ValueRange, _ expected: [UInt8]) throws {
        let g = try Self.twoImages().grid(columns: 2, padding: 0, scale: 1, range: range)
        let seen = [(0, 0), (1, 0), (0, 1), (1, 1), (2, 0), (3, 0), (2, 1), (3, 1)].map { g.pixel(x: $0.0, y: $0.1).first! }
        #expect(seen == expected)
    }

    @Test("8 × 8 digits are enlarged to at least 48 px by default; the grid is as square as it can be")
    func defaultScale() throws {
        let batch = try ImageBatch(count: 10, height: 8, width: 8, values: Array(repeating: 0.5, count: 640))
        let g = try batch.grid()
        #expect(g.width == 4 * 48 + 5 * 2 && g.height == 3 * 48 + 4 * 2)  // ⌈√10⌉ = 4 columns, 3 rows
    }

    @Test("rows alone decide the columns")
    func rowsOnly() throws {
        let batch = try ImageBatch(count: 6, height: 1, width: 1, values: Array(repeating: 1, count: 6))
        let g = try batch.grid(rows: 2, padding: 0, scale: 1)
        #expect(g.width == 3 && g.height == 2)
    }

    @Test("a colour map gives RGB; grey maps stay single-channel", arguments: [
        (ColorMap.viridis, PixelFormat.rgb), (.diverging, .rgb), (.gray, .gray), (.grayReversed, .gray),
    ])
    func colourMapFormat(_ map: ColorMap, _ format: PixelFormat) throws {
        let g = try Self.twoImages().grid(padding: 0, scale: 1, colorMap: map)
        #expect(g.format == format)
    }

    @Test("viridis pixels are viridis colours")
    func viridisPixels() throws {
        let g = try Self.twoImages().grid(columns: 2, padding: 0, scale: 1, range: .fixed(0, 7), colorMap: .viridis)
        #expect(g.pixel(x: 0, y: 0) == [0x44, 0x01, 0x54])
        #expect(g.pixel(x: 3, y: 1) == [0xfd, 0xe7, 0x25])
    }

    @Test("RGB batches keep their channels")
    func rgb() throws {
        let batch = try ImageBatch(count: 1, height: 1, width: 2, channels: 3, values: [1, 0, 0, 0, 0, 1])
        let g = try batch.grid(padding: 0, scale: 1, range: .fixed(0, 1))
        #expect(g.format == .rgb && g.bytes == [255, 0, 0, 0, 0, 255])
    }

    @Test("a grid survives the PNG round trip")
    func gridRoundTrip() throws {
        let g = try Self.twoImages().grid(colorMap: .viridis)
        let decoded = try decodePNG(try g.pngData(), as: .rgb)
        #expect(decoded == g)
    }

    @Test("upscaling repeats each pixel in a block")
    func upscale() throws {
        let image = try PixelImage(width: 2, height: 1, format: .gray, bytes: [10, 20])
        let big = try image.upscaled(by: 2)
        #expect(big.width == 4 && big.height == 2 && big.bytes == [10, 10, 20, 20, 10, 10, 20, 20])
    }

    @Test("flattened rows and matrices make the same batch")
    func constructors() throws {
        let a = try ImageBatch(flattened: [[0, 1, 2, 3], [4, 5, 6, 7]], height: 2, width: 2)
        let b = try ImageBatch(matrices: [[[0, 1], [2, 3]], [[4, 5], [6, 7]]])
        let c = try Self.twoImages()
        #expect(a == b && a == c)
    }
}
