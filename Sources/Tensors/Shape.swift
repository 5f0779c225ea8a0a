/// Shape arithmetic shared by every operation: element counts, strides, axis normalisation and
/// broadcasting (NumPy's rules: align trailing axes; a size of 1 stretches).
enum Shape {
    /// The number of elements of a shape (1 for `[]`).
    @inline(__always)
    static func count(_ shape: [Int]) -> Int {
        var n = 1
        for d in shape { n &*= d }
        return n
    }

    /// Row-major strides of a contiguous tensor of this shape.
    static func strides(_ shape: [Int]) -> [Int] {
        var strides = [Int](repeating: 1, count: shape.count)
        var s = 1
        for i in stride(from: shape.count - 1, through: 0, by: -1) {
            strides[i] = s
            s &*= shape[i]
        }
        return strides
    }

    /// Throws unless every size is non-negative and the element count is within `Tensor.elementLimit`.
    static func validate(_ shape: [Int], operation: String) throws {
        var n = 1
        for d in shape {
            guard d >= 0 else {
                throw TensorError.invalidShape(operation: operation, shape: shape, reason: "sizes must be non-negative")
            }
            let (product, overflow) = n.multipliedReportingOverflow(by: d)
            guard !overflow else { throw TensorError.tooLarge(operation: operation, shape: shape, limit: Tensor.elementLimit) }
            n = product
        }
        try checkLimit(n, shape: shape, operation: operation)
    }

    /// Throws when `count` elements exceed `Tensor.elementLimit`.
    @inline(__always)
    static func checkLimit(_ count: Int, shape: [Int], operation: String) throws {
        let limit = Tensor.elementLimit
        if count > limit { throw TensorError.tooLarge(operation: operation, shape: shape, limit: limit) }
    }

    /// Maps a possibly negative axis into `0..<rank`, or throws.
    static func axis(_ axis: Int, rank: Int, operation: String) throws -> Int {
        let a = axis < 0 ? axis + rank : axis
        guard a >= 0, a < rank else { throw TensorError.axisOutOfRange(operation: operation, axis: axis, rank: rank) }
        return a
    }

    /// Normalised, sorted, de-duplicated axes; `nil` means every axis.
    static func axes(_ axes: [Int]?, rank: Int, operation: String) throws -> [Int] {
        guard let axes else { return Array(0..<rank) }
        var result = Set<Int>()
        for a in axes { result.insert(try axis(a, rank: rank, operation: operation)) }
        return result.sorted()
    }

    /// The broadcast shape of two shapes, or nil when they are incompatible.
    static func broadcast(_ a: [Int], _ b: [Int]) -> [Int]? {
        if a == b { return a }
        let rank = max(a.count, b.count)
        var result = [Int](repeating: 1, count: rank)
        for i in 0..<rank {
            let da = i < rank - a.count ? 1 : a[i - (rank - a.count)]
            let db = i < rank - b.count ? 1 : b[i - (rank - b.count)]
            if da == db || db == 1 {
                result[i] = da
            } else if da == 1 {
                result[i] = db
            } else {
                return nil
            }
        }
        return result
    }

    /// Strides for reading a tensor of `shape` as if it had the (broadcast) shape `target`:
    /// stretched and missing axes get stride 0.
    static func broadcastStrides(_ shape: [Int], to target: [Int]) -> [Int] {
        let own = strides(shape)
        let offset = target.count - shape.count
        var result = [Int](repeating: 0, count: target.count)
        for i in 0..<shape.count where shape[i] != 1 || target[i + offset] == 1 {
            result[i + offset] = shape[i] == 1 ? 0 : own[i]
        }
        return result
    }
}
