extension ImageBatch {
    /// The batch tiled into one image: `columns` per row (default ⌈√count⌉), `padding` px of
    /// `background` grey between and around the tiles, each source pixel enlarged to
    /// `scale × scale` px by nearest neighbour (default: the smallest factor giving tiles of
    /// at least 48 px, so 8 × 8 digits become 48 × 48). Values are normalised by `range`;
    /// single-channel images go through `colorMap` (grey maps give a grey PNG, others RGB);
    /// 3- and 4-channel images are taken as RGB(A) in the normalised range and ignore it.
    /// `background` is the grey of the padding; by default white, or a light grey for
    /// `.grayReversed`, whose tiles are themselves white, so that the tiles stay apart.
    ///
    /// Throws `ImagingError` for NaN or infinite values (naming the first), a grid too small
    /// for the batch, or out-of-range options.
    public func grid(columns: Int? = nil, rows: Int? = nil, padding: Int = 2, scale: Int? = nil,
                     range: ValueRange = .auto, colorMap: ColorMap = .gray, background: UInt8? = nil) throws -> PixelImage {
        if let bad = values.firstIndex(where: { !$0.isFinite }) {
            let size = height * width * channels
            let image = bad / size, within = (bad % size) / channels
            let count = values.lazy.filter { !$0.isFinite }.count
            throw ImagingError(.nonFinite,
                "image grid: \(count) value\(count == 1 ? " is" : "s are") NaN or infinite, the first in image \(image) at row \(within / width), column \(within % width) (\(values[bad])); an image cannot show a missing value")
        }
        if case .fixed(let lo, let hi) = range, !(lo.isFinite && hi.isFinite && lo < hi) {
            throw ImagingError(.invalidArgument, "image grid: a fixed range needs finite low < high, got \(lo) … \(hi)")
        }
        guard (0...64).contains(padding) else {
            throw ImagingError(.invalidArgument, "image grid: padding must be between 0 and 64 px, got \(padding)")
        }
        if let scale, !(1...32).contains(scale) {
            throw ImagingError(.invalidArgument, "image grid: scale must be between 1 and 32, got \(scale)")
        }
        if let c = columns, c < 1 { throw ImagingError(.invalidArgument, "image grid: columns must be at least 1, got \(c)") }
        if let r = rows, r < 1 { throw ImagingError(.invalidArgument, "image grid: rows must be at least 1, got \(r)") }
        let cols = columns ?? rows.map { (count + $0 - 1) / $0 } ?? Int(Double(count).squareRoot().rounded(.up))
        let rws = rows ?? (count + cols - 1) / cols
        guard cols * rws >= count else {
            throw ImagingError(.shapeMismatch, "image grid: \(rws) rows × \(cols) columns hold \(rws * cols) images, but the batch has \(count)")
        }
        let s = scale ?? max(1, (48 + max(height, width) - 1) / max(height, width))
        let tileW = width * s, tileH = height * s
        let outW = cols * tileW + (cols + 1) * padding, outH = rws * tileH + (rws + 1) * padding
        guard outW <= 16_384, outH <= 16_384 else {
            throw ImagingError(.invalidArgument, "image grid: the result would be \(outW) × \(outH) px (limit 16384 per side); use a smaller scale or fewer images")
        }

        let format: PixelFormat = channels == 4 ? .rgba : (channels == 3 || !colorMap.isGray ? .rgb : .gray)
        let oc = format.channels
        var out = [UInt8](repeating: background ?? (colorMap == .grayReversed ? 200 : 255), count: outW * outH * oc)
        if format == .rgba { for i in stride(from: 3, to: out.count, by: 4) { out[i] = 255 } }

        let batchLimits = range.limits(values[...])
        var pixel = [UInt8](repeating: 0, count: oc)
        for k in 0..<count {
            let img = image(k)
            let (lo, hi) = range == .perImage ? range.limits(img) : batchLimits
            let ox = padding + (k % cols) * (tileW + padding), oy = padding + (k / cols) * (tileH + padding)
            var src = img.startIndex
            for y in 0..<height {
                for x in 0..<width {
                    if channels == 1 {
                        let t = (values[src] - lo) / (hi - lo)
                        let (r, g, b) = colorMap.rgb(at: t)
                        if oc == 1 { pixel[0] = r } else { (pixel[0], pixel[1], pixel[2]) = (r, g, b) }
                    } else {
                        for c in 0..<channels {
                            let t = min(max((values[src + c] - lo) / (hi - lo), 0), 1)
                            pixel[c] = UInt8((t * 255).rounded())
                        }
                    }
                    src += channels
                    for dy in 0..<s {
                        var dst = ((oy + y * s + dy) * outW + ox + x * s) * oc
                        for _ in 0..<s {
                            for c in 0..<oc { out[dst + c] = pixel[c] }
                            dst += oc
                        }
                    }
                }
            }
        }
        return try PixelImage(width: outW, height: outH, format: format, bytes: out)
    }

    /// One image of the batch, normalised and coloured like `grid`, without padding.
    public func image(_ index: Int, scale: Int = 1, range: ValueRange = .auto, colorMap: ColorMap = .gray) throws -> PixelImage {
        guard (0..<count).contains(index) else {
            throw ImagingError(.invalidArgument, "image: index \(index) is outside the batch of \(count)")
        }
        let single = try ImageBatch(count: 1, height: height, width: width, channels: channels,
                                    values: Array(image(index)))
        let limits = range == .perImage ? ValueRange.perImage : .fixed(range.limits(values[...]).0, range.limits(values[...]).1)
        return try single.grid(columns: 1, padding: 0, scale: scale, range: limits, colorMap: colorMap)
    }
}
