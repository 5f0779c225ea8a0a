/// Elementwise loops over raw storage. Every function is `@inline(__always)` and takes its scalar
/// function as a closure so that each call site compiles into its own tight, vectorisable loop.
enum Elementwise {
    /// A new array of `count` elements written by `body` (no zero-filling first).
    @inline(__always)
    static func make(_ count: Int, _ body: (UnsafeMutablePointer<Double>) -> Void) -> [Double] {
        Allocator.configured
        return [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
            if count > 0 { body(buffer.baseAddress!) }
            initialized = count
        }
    }

    /// `f` applied to every element.
    @inline(__always)
    static func map(_ x: [Double], _ f: (Double) -> Double) -> [Double] {
        x.withUnsafeBufferPointer { xp in
            make(xp.count) { out in
                for i in 0..<xp.count { out[i] = f(xp[i]) }
            }
        }
    }

    /// `f` applied to pairs of elements of two equally sized arrays.
    @inline(__always)
    static func zip(_ a: [Double], _ b: [Double], _ f: (Double, Double) -> Double) -> [Double] {
        a.withUnsafeBufferPointer { ap in
            b.withUnsafeBufferPointer { bp in
                make(ap.count) { out in
                    for i in 0..<ap.count { out[i] = f(ap[i], bp[i]) }
                }
            }
        }
    }

    /// `f` applied to triples of elements of three equally sized arrays.
    @inline(__always)
    static func zip3(_ a: [Double], _ b: [Double], _ c: [Double], _ f: (Double, Double, Double) -> Double) -> [Double] {
        a.withUnsafeBufferPointer { ap in
            b.withUnsafeBufferPointer { bp in
                c.withUnsafeBufferPointer { cp in
                    make(ap.count) { out in
                        for i in 0..<ap.count { out[i] = f(ap[i], bp[i], cp[i]) }
                    }
                }
            }
        }
    }

    /// `f` applied with broadcasting: `a` has shape `aShape`, `b` has `bShape`, the result `outShape`
    /// (their broadcast shape). Fast paths for equal shapes, a scalar operand, and an operand that
    /// repeats along leading axes (a bias row); a strided odometer otherwise.
    @inline(__always)
    static func broadcast(
        _ a: [Double], _ aShape: [Int], _ b: [Double], _ bShape: [Int], _ outShape: [Int],
        _ f: (Double, Double) -> Double
    ) -> [Double] {
        let n = Shape.count(outShape)
        if aShape == bShape { return zip(a, b, f) }
        return a.withUnsafeBufferPointer { ap in
            b.withUnsafeBufferPointer { bp in
                make(n) { out in
                    if bp.count == 1 {
                        let s = bp[0]
                        for i in 0..<n { out[i] = f(ap[i], s) }
                    } else if ap.count == 1 {
                        let s = ap[0]
                        for i in 0..<n { out[i] = f(s, bp[i]) }
                    } else if ap.count == n, isTrailing(bShape, of: outShape) {
                        let m = bp.count
                        var base = 0
                        while base < n {
                            for j in 0..<m { out[base + j] = f(ap[base + j], bp[j]) }
                            base += m
                        }
                    } else if bp.count == n, isTrailing(aShape, of: outShape) {
                        let m = ap.count
                        var base = 0
                        while base < n {
                            for j in 0..<m { out[base + j] = f(ap[j], bp[base + j]) }
                            base += m
                        }
                    } else {
                        strided(ap.baseAddress!, Shape.broadcastStrides(aShape, to: outShape),
                                bp.baseAddress!, Shape.broadcastStrides(bShape, to: outShape),
                                out, outShape, f)
                    }
                }
            }
        }
    }

    /// Whether `inner` equals the trailing axes of `outer` (ignoring leading ones in `inner`).
    static func isTrailing(_ inner: [Int], of outer: [Int]) -> Bool {
        var inner = inner[...]
        while inner.first == 1 && inner.count > 0 { inner = inner.dropFirst() }
        guard inner.count <= outer.count else { return false }
        return inner.elementsEqual(outer.suffix(inner.count))
    }

    /// The general broadcasting loop: an odometer over all but the last axis, a strided inner loop.
    @inline(__always)
    static func strided(
        _ a: UnsafePointer<Double>, _ aStrides: [Int], _ b: UnsafePointer<Double>, _ bStrides: [Int],
        _ out: UnsafeMutablePointer<Double>, _ shape: [Int], _ f: (Double, Double) -> Double
    ) {
        let rank = shape.count
        let n = Shape.count(shape)
        guard n > 0 else { return }
        guard rank > 0 else { out[0] = f(a[0], b[0]); return }
        let inner = shape[rank - 1]
        let sa = aStrides[rank - 1], sb = bStrides[rank - 1]
        var index = [Int](repeating: 0, count: rank)
        var offA = 0, offB = 0, o = 0
        while o < n {
            for j in 0..<inner { out[o + j] = f(a[offA + j * sa], b[offB + j * sb]) }
            o += inner
            var axis = rank - 2
            while axis >= 0 {
                index[axis] += 1
                offA += aStrides[axis]
                offB += bStrides[axis]
                if index[axis] < shape[axis] { break }
                offA -= aStrides[axis] * shape[axis]
                offB -= bStrides[axis] * shape[axis]
                index[axis] = 0
                axis -= 1
            }
        }
    }
}
