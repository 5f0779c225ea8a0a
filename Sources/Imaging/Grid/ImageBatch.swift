/// A batch of images as plain values: `count` images of `height × width × channels`,
/// stored image by image, row by row, channels innermost (NHWC), as Double.
/// Channels: 1 (grey or colour-mapped), 3 (RGB) or 4 (RGBA).
public struct ImageBatch: Sendable, Equatable {
    /// Number of images.
    public let count: Int
    /// Rows per image.
    public let height: Int
    /// Pixels per row.
    public let width: Int
    /// Values per pixel: 1, 3 or 4.
    public let channels: Int
    /// `count × height × width × channels` values.
    public let values: [Double]

    /// A batch from its shape and values; throws `ImagingError` when the shape is not
    /// positive, channels are not 1, 3 or 4, or the value count does not match.
    public init(count: Int, height: Int, width: Int, channels: Int = 1, values: [Double]) throws {
        guard count > 0, !values.isEmpty else { throw ImagingError(.emptyData, "image batch: no images (the data is empty)") }
        guard height > 0, width > 0 else {
            throw ImagingError(.invalidArgument, "image batch: height and width must be positive, got \(height) × \(width)")
        }
        guard [1, 3, 4].contains(channels) else {
            throw ImagingError(.invalidArgument, "image batch: channels must be 1 (grey), 3 (RGB) or 4 (RGBA), got \(channels)")
        }
        let expected = count * height * width * channels
        guard values.count == expected else {
            throw ImagingError(.shapeMismatch, "image batch: \(count) × \(height) × \(width) × \(channels) needs \(expected) values, got \(values.count)")
        }
        (self.count, self.height, self.width, self.channels, self.values) = (count, height, width, channels, values)
    }

    /// A batch from flattened images, one array per image (e.g. 64-value digit rows).
    public init(flattened images: [[Double]], height: Int, width: Int, channels: Int = 1) throws {
        guard let first = images.first, !first.isEmpty else { throw ImagingError(.emptyData, "image batch: no images (the data is empty)") }
        let size = height * width * channels
        if let bad = images.firstIndex(where: { $0.count != size }) {
            throw ImagingError(.shapeMismatch, "image batch: image \(bad) has \(images[bad].count) values but \(height) × \(width) × \(channels) needs \(size)")
        }
        try self.init(count: images.count, height: height, width: width, channels: channels, values: images.flatMap { $0 })
    }

    /// A batch of single-channel images given as matrices (rows of values).
    public init(matrices: [[[Double]]]) throws {
        guard let first = matrices.first, let row = first.first, !row.isEmpty else {
            throw ImagingError(.emptyData, "image batch: no images (the data is empty)")
        }
        for (k, m) in matrices.enumerated() {
            guard m.count == first.count, m.allSatisfy({ $0.count == row.count }) else {
                throw ImagingError(.shapeMismatch, "image batch: image \(k) is not \(first.count) × \(row.count) like image 0")
            }
        }
        try self.init(count: matrices.count, height: first.count, width: row.count, channels: 1,
                      values: matrices.flatMap { $0.flatMap { $0 } })
    }

    /// The values of image `index`.
    public func image(_ index: Int) -> ArraySlice<Double> {
        let size = height * width * channels
        return values[index * size..<(index + 1) * size]
    }
}
