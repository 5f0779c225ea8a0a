/// Reductions along one axis of a contiguous tensor seen as `[outer, n, inner]`. Each output element
/// is accumulated in a fixed order (ascending along the axis), so results never depend on threads.
enum Reduction {
    /// The sizes before, along and after `axis`.
    static func split(_ shape: [Int], axis: Int) -> (outer: Int, n: Int, inner: Int) {
        (Shape.count(Array(shape[..<axis])), shape[axis], Shape.count(Array(shape[(axis + 1)...])))
    }

    /// The sum along `axis`.
    static func sum(_ x: [Double], shape: [Int], axis: Int) -> [Double] {
        let (outer, n, inner) = split(shape, axis: axis)
        if n == 0 { return [Double](repeating: 0, count: outer * inner) }
        return x.withUnsafeBufferPointer { xp in
            if inner == 1 {
                return Elementwise.make(outer) { out in
                    for o in 0..<outer { out[o] = sumContiguous(xp.baseAddress! + o * n, n) }
                }
            }
            return Elementwise.make(outer * inner) { out in
                for o in 0..<outer {
                    let dst = out + o * inner
                    let src = xp.baseAddress! + o * n * inner
                    for j in 0..<inner { dst[j] = src[j] }
                    for k in 1..<n {
                        let row = src + k * inner
                        for j in 0..<inner { dst[j] += row[j] }
                    }
                }
            }
        }
    }

    /// The sum of `n` contiguous elements with four interleaved partial sums (a fixed order).
    @inline(__always)
    static func sumContiguous(_ p: UnsafePointer<Double>, _ n: Int) -> Double {
        var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
        var i = 0
        while i + 4 <= n {
            s0 += p[i]; s1 += p[i + 1]; s2 += p[i + 2]; s3 += p[i + 3]
            i += 4
        }
        while i < n { s0 += p[i]; i += 1 }
        return (s0 + s1) + (s2 + s3)
    }

    /// The largest (or, with `smallest`, the least) element along `axis` and its first position.
    /// NaN propagates: a NaN is taken as the extreme.
    static func extreme(_ x: [Double], shape: [Int], axis: Int, smallest: Bool) -> (values: [Double], positions: [Int]) {
        let (outer, n, inner) = split(shape, axis: axis)
        var positions = [Int](repeating: 0, count: outer * inner)
        let values = x.withUnsafeBufferPointer { xp in
            positions.withUnsafeMutableBufferPointer { pp in
                Elementwise.make(outer * inner) { out in
                    for o in 0..<outer {
                        for j in 0..<inner {
                            let base = o * n * inner + j
                            var best = xp[base], at = 0
                            if !best.isNaN {
                                for k in 1..<max(n, 1) {
                                    let v = xp[base + k * inner]
                                    if v.isNaN { best = v; at = k; break }
                                    if smallest ? v < best : v > best { best = v; at = k }
                                }
                            }
                            out[o * inner + j] = best
                            pp[o * inner + j] = at
                        }
                    }
                }
            }
        }
        return (values, positions)
    }
}
