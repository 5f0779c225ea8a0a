#if arch(x86_64)
import _Builtin_intrinsics.intel
#endif

/// Adam's elementwise update. On x86-64 it runs two lanes at a time with SSE2 (part of the x86-64
/// baseline): Swift's `squareRoot()` calls libm's `sqrt` on Linux and so never vectorises, and the
/// square root and division bound the update. Both paths perform the same IEEE operations in the same
/// order, so they give the same bits.
enum AdamKernel {
    struct Constants {
        let beta1, beta2, stepSize, secondMomentScale, epsilon: Double
        /// Coupled weight decay: added to the gradient as `l2·p`.
        let l2: Double
        /// Decoupled weight decay: the parameter is first scaled by `shrink`.
        let shrink: Double
    }

    /// `g ← g + l2·p;  m ← β₁m + (1−β₁)g;  v ← β₂v + (1−β₂)g²;  p ← shrink·p − (step·m) / (√v·scale + ε)`.
    static func update(
        parameter p: UnsafeMutableBufferPointer<Double>, gradient g: UnsafeBufferPointer<Double>,
        firstMoment m: UnsafeMutableBufferPointer<Double>, secondMoment v: UnsafeMutableBufferPointer<Double>,
        constants k: Constants
    ) {
        let n = p.count
        guard n > 0 else { return }
        let pb = p.baseAddress!, gb = g.baseAddress!, mb = m.baseAddress!, vb = v.baseAddress!
        let c1 = 1 - k.beta1, c2 = 1 - k.beta2
        var i = 0
        #if arch(x86_64)
        let beta1 = _mm_set1_pd(k.beta1), beta2 = _mm_set1_pd(k.beta2), oneMinus1 = _mm_set1_pd(c1), oneMinus2 = _mm_set1_pd(c2)
        let step = _mm_set1_pd(k.stepSize), scale = _mm_set1_pd(k.secondMomentScale), eps = _mm_set1_pd(k.epsilon)
        let l2 = _mm_set1_pd(k.l2), shrink = _mm_set1_pd(k.shrink)
        while i + 2 <= n {
            let pi = _mm_loadu_pd(pb + i)
            let gi = _mm_add_pd(_mm_loadu_pd(gb + i), _mm_mul_pd(l2, pi))
            let mi = _mm_add_pd(_mm_mul_pd(beta1, _mm_loadu_pd(mb + i)), _mm_mul_pd(oneMinus1, gi))
            let vi = _mm_add_pd(_mm_mul_pd(beta2, _mm_loadu_pd(vb + i)), _mm_mul_pd(_mm_mul_pd(oneMinus2, gi), gi))
            let denominator = _mm_add_pd(_mm_mul_pd(_mm_sqrt_pd(vi), scale), eps)
            _mm_storeu_pd(mb + i, mi)
            _mm_storeu_pd(vb + i, vi)
            _mm_storeu_pd(pb + i, _mm_sub_pd(_mm_mul_pd(shrink, pi), _mm_div_pd(_mm_mul_pd(step, mi), denominator)))
            i += 2
        }
        #endif
        while i < n {
            let pi = pb[i]
            let gi = gb[i] + k.l2 * pi
            let mi = k.beta1 * mb[i] + c1 * gi
            let vi = k.beta2 * vb[i] + c2 * gi * gi
            mb[i] = mi
            vb[i] = vi
            pb[i] = k.shrink * pi - (k.stepSize * mi) / (vi.squareRoot() * k.secondMomentScale + k.epsilon)
            i += 1
        }
    }
}
