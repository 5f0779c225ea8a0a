import CPNG
import Testing
@testable import Imaging

/// Decodes PNG bytes with libpng's simplified read API into the given format.
func decodePNG(_ data: [UInt8], as format: PixelFormat) throws -> PixelImage {
    var image = png_image()
    image.version = png_uint_32(PNG_IMAGE_VERSION)
    let begun = data.withUnsafeBytes { png_image_begin_read_from_memory(&image, $0.baseAddress, $0.count) }
    try #require(begun != 0, "libpng could not read the header")
    switch format {
    case .gray: image.format = png_uint_32(PNG_FORMAT_GRAY)
    case .rgb: image.format = png_uint_32(PNG_FORMAT_RGB)
    case .rgba: image.format = png_uint_32(PNG_FORMAT_RGB | PNG_FORMAT_FLAG_ALPHA)
    }
    let (w, h) = (Int(image.width), Int(image.height))
    var pixels = [UInt8](repeating: 0, count: w * h * format.channels)
    let finished = pixels.withUnsafeMutableBytes { png_image_finish_read(&image, nil, $0.baseAddress, 0, nil) }
    try #require(finished != 0, "libpng could not decode the pixels")
    return try PixelImage(width: w, height: h, format: format, bytes: pixels)
}

@Suite("PNG encoding through libpng")
struct PNGRoundTripTests {
    static func pattern(_ w: Int, _ h: Int, _ format: PixelFormat) throws -> PixelImage {
        let bytes = (0..<(w * h * format.channels)).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ $0 / 7) }
        return try PixelImage(width: w, height: h, format: format, bytes: bytes)
    }

    @Test("encode then decode gives back every pixel", arguments: [
        (PixelFormat.gray, 1, 1), (.gray, 13, 7), (.rgb, 8, 8), (.rgb, 31, 17), (.rgba, 5, 9), (.rgba, 64, 3),
    ])
    func roundTrip(_ format: PixelFormat, _ w: Int, _ h: Int) throws {
        let original = try Self.pattern(w, h, format)
        let png = try original.pngData()
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let decoded = try decodePNG(png, as: format)
        #expect(decoded == original)
    }

    @Test("the PNG header records size, bit depth 8 and colour type", arguments: [
        (PixelFormat.gray, UInt8(0)), (.rgb, 2), (.rgba, 6),
    ])
    func header(_ format: PixelFormat, _ colourType: UInt8) throws {
        let png = try Self.pattern(300, 2, format).pngData()
        // IHDR follows the 8-byte signature and the 8-byte chunk header: width, height, depth, type.
        #expect(Array(png[16..<24]) == [0, 0, 1, 44, 0, 0, 0, 2])
        #expect(png[24] == 8 && png[25] == colourType)
    }

    @Test("same pixels, same bytes")
    func deterministic() throws {
        let a = try Self.pattern(20, 20, .rgb).pngData(), b = try Self.pattern(20, 20, .rgb).pngData()
        #expect(a == b)
    }

    @Test("a data URI is base64 of the PNG")
    func dataURI() throws {
        let image = try Self.pattern(3, 3, .gray)
        let uri = try image.pngDataURI()
        #expect(uri.hasPrefix("data:image/png;base64,iVBORw0KGgo"))
        #expect(uri == "data:image/png;base64," + Base64.encode(try image.pngData()))
    }

    @Test("base64 matches RFC 4648's test vectors", arguments: [
        ("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="), ("foobar", "Zm9vYmFy"),
    ])
    func base64(_ input: String, _ expected: String) {
        #expect(Base64.encode(Array(input.utf8)) == expected)
    }
}
