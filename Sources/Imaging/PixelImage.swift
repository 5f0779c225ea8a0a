/// How the bytes of a `PixelImage` are laid out per pixel.
public enum PixelFormat: Int, Sendable {
    /// One byte per pixel: grey level.
    case gray = 1
    /// Three bytes per pixel: red, green, blue.
    case rgb = 3
    /// Four bytes per pixel: red, green, blue, alpha (not premultiplied).
    case rgba = 4

    /// Bytes per pixel.
    public var channels: Int { rawValue }
}

/// An 8-bit image ready to encode: `height` rows of `width` pixels, row-major, top row first.
public struct PixelImage: Sendable, Equatable {
    /// Pixels per row.
    public let width: Int
    /// Rows.
    public let height: Int
    /// The pixel layout.
    public let format: PixelFormat
    /// `width × height × format.channels` bytes.
    public let bytes: [UInt8]

    /// An image from its bytes; throws `ImagingError` when the size is not positive or the
    /// byte count does not match.
    public init(width: Int, height: Int, format: PixelFormat, bytes: [UInt8]) throws {
        guard width > 0, height > 0, width <= 1 << 15, height <= 1 << 15 else {
            throw ImagingError(.invalidArgument, "image: width and height must be between 1 and 32768, got \(width) × \(height)")
        }
        let expected = width * height * format.channels
        guard bytes.count == expected else {
            throw ImagingError(.shapeMismatch, "image: \(width) × \(height) \(format) pixels need \(expected) bytes, got \(bytes.count)")
        }
        (self.width, self.height, self.format, self.bytes) = (width, height, format, bytes)
    }

    /// The bytes of the pixel at (`x`, `y`), one per channel.
    public func pixel(x: Int, y: Int) -> ArraySlice<UInt8> {
        let start = (y * width + x) * format.channels
        return bytes[start..<start + format.channels]
    }

    /// The image enlarged `factor` times by nearest neighbour: each pixel becomes a
    /// `factor × factor` block, so small images (8 × 8 digits) stay sharp.
    public func upscaled(by factor: Int) throws -> PixelImage {
        guard factor >= 1 && factor <= 64 else {
            throw ImagingError(.invalidArgument, "upscale: factor must be between 1 and 64, got \(factor)")
        }
        if factor == 1 { return self }
        let c = format.channels, w = width * factor, h = height * factor
        var out = [UInt8](repeating: 0, count: w * h * c)
        for y in 0..<h {
            let sy = y / factor
            for x in 0..<w {
                let src = (sy * width + x / factor) * c, dst = (y * w + x) * c
                for k in 0..<c { out[dst + k] = bytes[src + k] }
            }
        }
        return try PixelImage(width: w, height: h, format: format, bytes: out)
    }
}
