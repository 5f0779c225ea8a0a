/// Loops that move elements without arithmetic: permuting axes, broadcasting, strided regions.
enum Copy {
    /// The elements of a tensor of `shape` rearranged so that output axis `i` is input axis `axes[i]`.
    static func permute(_ x: [Double], shape: [Int], axes: [Int]) -> [Double] {
        let outShape = axes.map { shape[$0] }
        let n = x.count
        if shape.count == 2 && axes == [1, 0] { return transpose2D(x, rows: shape[0], cols: shape[1]) }
        let inStrides = Shape.strides(shape)
        let strides = axes.map { inStrides[$0] }
        return x.withUnsafeBufferPointer { xp in
            Elementwise.make(n) { out in
                gather(xp.baseAddress!, strides: strides, shape: outShape, into: out)
            }
        }
    }

    /// A row-major `rows × cols` matrix transposed, in 32×32 blocks for cache locality.
    static func transpose2D(_ x: [Double], rows: Int, cols: Int) -> [Double] {
        let block = 32
        return x.withUnsafeBufferPointer { xp in
            Elementwise.make(rows * cols) { out in
                var i0 = 0
                while i0 < rows {
                    let i1 = min(i0 + block, rows)
                    var j0 = 0
                    while j0 < cols {
                        let j1 = min(j0 + block, cols)
                        for i in i0..<i1 {
                            for j in j0..<j1 { out[j * rows + i] = xp[i * cols + j] }
                        }
                        j0 = j1
                    }
                    i0 = i1
                }
            }
        }
    }

    /// Writes `out[index] = x[Σ index[k]·strides[k]]` for every index of `shape`, in row-major order.
    static func gather(_ x: UnsafePointer<Double>, strides: [Int], shape: [Int], offset: Int = 0,
                       into out: UnsafeMutablePointer<Double>) {
        let n = Shape.count(shape)
        guard n > 0 else { return }
        let rank = shape.count
        guard rank > 0 else { out[0] = x[offset]; return }
        let inner = shape[rank - 1], s = strides[rank - 1]
        var index = [Int](repeating: 0, count: rank)
        var off = offset, o = 0
        while o < n {
            if s == 1 {
                for j in 0..<inner { out[o + j] = x[off + j] }
            } else {
                for j in 0..<inner { out[o + j] = x[off + j * s] }
            }
            o += inner
            var axis = rank - 2
            while axis >= 0 {
                index[axis] += 1
                off += strides[axis]
                if index[axis] < shape[axis] { break }
                off -= strides[axis] * shape[axis]
                index[axis] = 0
                axis -= 1
            }
        }
    }

    /// Visits every index of `shape` in row-major order with the matching strided position,
    /// calling `body(position, ordinal)`.
    @inline(__always)
    static func forEach(shape: [Int], strides: [Int], offset: Int, _ body: (Int, Int) -> Void) {
        let n = Shape.count(shape)
        guard n > 0 else { return }
        let rank = shape.count
        guard rank > 0 else { body(offset, 0); return }
        let inner = shape[rank - 1], s = strides[rank - 1]
        var index = [Int](repeating: 0, count: rank)
        var off = offset, o = 0
        while o < n {
            for j in 0..<inner { body(off + j * s, o + j) }
            o += inner
            var axis = rank - 2
            while axis >= 0 {
                index[axis] += 1
                off += strides[axis]
                if index[axis] < shape[axis] { break }
                off -= strides[axis] * shape[axis]
                index[axis] = 0
                axis -= 1
            }
        }
    }

    /// A tensor of `shape` stretched to the broadcast-compatible `target` shape.
    static func broadcast(_ x: [Double], shape: [Int], to target: [Int]) -> [Double] {
        if shape == target { return x }
        let strides = Shape.broadcastStrides(shape, to: target)
        return x.withUnsafeBufferPointer { xp in
            Elementwise.make(Shape.count(target)) { out in
                gather(xp.baseAddress!, strides: strides, shape: target, into: out)
            }
        }
    }
}

/// A strided box inside a tensor: for each axis a start, a step (non-zero) and a count.
struct SliceRegion: Sendable, Equatable {
    var starts: [Int]
    var steps: [Int]
    var counts: [Int]

    /// The whole of a tensor of `shape`.
    init(whole shape: [Int]) {
        starts = [Int](repeating: 0, count: shape.count)
        steps = [Int](repeating: 1, count: shape.count)
        counts = shape
    }

    /// The offset of the first element and the per-axis strides, inside a contiguous tensor of `shape`.
    func layout(in shape: [Int]) -> (offset: Int, strides: [Int]) {
        let base = Shape.strides(shape)
        var offset = 0
        var strides = base
        for k in 0..<shape.count {
            offset += starts[k] * base[k]
            strides[k] = steps[k] * base[k]
        }
        return (offset, strides)
    }

    /// The region's elements, read from `x` of `shape`.
    func read(_ x: [Double], shape: [Int]) -> [Double] {
        let (offset, strides) = layout(in: shape)
        return x.withUnsafeBufferPointer { xp in
            Elementwise.make(Shape.count(counts)) { out in
                Copy.gather(xp.baseAddress!, strides: strides, shape: counts, offset: offset, into: out)
            }
        }
    }

    /// Adds `values` (of shape `counts`) into the region of `x` of `shape`.
    func add(_ values: [Double], into x: inout [Double], shape: [Int]) {
        let (offset, strides) = layout(in: shape)
        x.withUnsafeMutableBufferPointer { xp in
            values.withUnsafeBufferPointer { vp in
                Copy.forEach(shape: counts, strides: strides, offset: offset) { pos, o in xp[pos] += vp[o] }
            }
        }
    }

    /// Overwrites the region of `x` of `shape` with `values` (of shape `counts`).
    func write(_ values: [Double], into x: inout [Double], shape: [Int]) {
        let (offset, strides) = layout(in: shape)
        x.withUnsafeMutableBufferPointer { xp in
            values.withUnsafeBufferPointer { vp in
                Copy.forEach(shape: counts, strides: strides, offset: offset) { pos, o in xp[pos] = vp[o] }
            }
        }
    }
}
