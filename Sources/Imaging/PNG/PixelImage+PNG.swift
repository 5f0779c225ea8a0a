import CPNG

extension PixelImage {
    /// The image as a PNG file (8-bit gray, RGB or RGBA), encoded by libpng's simplified
    /// write API. Same pixels, same bytes.
    public func pngData() throws -> [UInt8] {
        var image = png_image()
        image.version = png_uint_32(PNG_IMAGE_VERSION)
        image.width = png_uint_32(width)
        image.height = png_uint_32(height)
        switch format {
        case .gray: image.format = png_uint_32(PNG_FORMAT_GRAY)
        case .rgb: image.format = png_uint_32(PNG_FORMAT_RGB)
        case .rgba: image.format = png_uint_32(PNG_FORMAT_RGB | PNG_FORMAT_FLAG_ALPHA)  // PNG_FORMAT_RGBA (a macro Swift cannot import)
        }
        let stride = png_int_32(width * format.channels)
        return try bytes.withUnsafeBufferPointer { pixels -> [UInt8] in
            // First ask for the size, then write into a buffer of that size.
            var size: png_alloc_size_t = 0
            guard png_image_write_to_memory(&image, nil, &size, 0, pixels.baseAddress, stride, nil) != 0, size > 0 else {
                throw Self.failure(&image)
            }
            var out = [UInt8](repeating: 0, count: Int(size))
            let ok = out.withUnsafeMutableBytes { buffer in
                png_image_write_to_memory(&image, buffer.baseAddress, &size, 0, pixels.baseAddress, stride, nil)
            }
            guard ok != 0 else { throw Self.failure(&image) }
            png_image_free(&image)
            return Array(out.prefix(Int(size)))
        }
    }

    /// The image as a `data:image/png;base64,…` URI, for an `<img src>` in a self-contained page.
    public func pngDataURI() throws -> String {
        "data:image/png;base64," + Base64.encode(try pngData())
    }

    private static func failure(_ image: inout png_image) -> ImagingError {
        let message = withUnsafeBytes(of: image.message) { raw in
            String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
        }
        png_image_free(&image)
        return ImagingError(.encodingFailed, "PNG encoding failed in libpng: \(message.isEmpty ? "unknown error" : message)")
    }
}
