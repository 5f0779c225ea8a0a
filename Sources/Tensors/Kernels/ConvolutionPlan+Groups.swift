import Dispatch

/// How a convolution's batch goes through: in groups of images, each group one im2col and one
/// product per pass, and the groups shared among the threads.
///
/// A group's patch matrix holds at most about 2^21 numbers (16 MiB): one 128-image matrix of 8×8
/// images under a 3×3 kernel over 64 maps is 38 MB, above glibc's largest heap block, so every call
/// paid fresh page faults for it. The batch is split evenly and into at least four groups when each
/// keeps 1,024 columns or more, and with several groups each product is one OpenBLAS call on one
/// thread while the groups run side by side. Measured on this machine (one thread, SkylakeX kernels):
/// a [64, 576]·[576, n] product runs at 35–48 GFLOP/s for n ≤ 1,024 and about 60 for n ≥ 1,376, so
/// four groups of 2,048 columns beat one group cut into eight 344-column blocks, which is what the
/// general product did with the course's 3 groups of 56, 56 and 16 images.
///
/// Every number is computed the same way for any thread count: the groups depend on the shape only,
/// a group's products are single calls, and sums over groups (the weight's gradient) are taken in
/// group order, one round of `roundSize` groups at a time.
extension ConvolutionPlan {
    /// Groups whose partial sums are held at once (bounds the memory of the weight's gradient).
    static let roundSize = 4

    /// Images per group: the same for every call of this shape.
    var groupSize: Int {
        guard batch > 0 else { return 1 }
        let most = max(1, min(batch, (1 << 21) / max(1, patch * positions)))
        let wide = max(1, batch * positions / 1024)
        let count = max((batch + most - 1) / most, min(Self.roundSize, wide))
        return max(1, (batch + count - 1) / count)
    }

    /// The number of groups.
    var groupCount: Int { batch == 0 ? 0 : (batch + groupSize - 1) / groupSize }

    /// The images of group `index`.
    func images(ofGroup index: Int) -> Range<Int> {
        (index * groupSize)..<min(batch, (index + 1) * groupSize)
    }

    /// `C = op(A)·op(B) + beta·C` for one group: one call when there are several groups (they run in
    /// parallel), else the general product, which splits itself among the threads.
    func gemm<S: GEMMScalar>(
        transA: Bool, transB: Bool, m: Int, n: Int, k: Int,
        a: UnsafePointer<S>, lda: Int, b: UnsafePointer<S>, ldb: Int,
        c: UnsafeMutablePointer<S>, ldc: Int, beta: S = 0
    ) {
        BLAS.gemm(transA: transA, transB: transB, m: m, n: n, k: k, a: a, lda: lda, b: b, ldb: ldb,
                  c: c, ldc: ldc, beta: beta, whole: groupCount > 1)
    }

    /// Runs `body(group, images, slot, scratch)` for every group: in rounds of `roundSize` groups, the
    /// groups of a round on up to `BLAS.threadCount` workers, each with `scratch` numbers of its own
    /// (not zeroed, of the products' type); `slot` is the group's place in its round. `afterRound(groups)` runs on the calling
    /// thread when a round is done, to combine its results in group order.
    func forEachGroup<S: GEMMScalar>(
        scratch: Int, of _: S.Type,
        _ body: (_ group: Int, _ images: Range<Int>, _ slot: Int, _ scratch: UnsafeMutablePointer<S>) -> Void,
        afterRound: (Range<Int>) -> Void = { _ in }
    ) {
        let count = groupCount
        let workers = max(1, min(BLAS.threadCount, Self.roundSize, count))
        let buffers = UncheckedPointer((0..<workers).map { _ in UnsafeMutablePointer<S>.allocate(capacity: max(1, scratch)) })
        defer { buffers.value.forEach { $0.deallocate() } }
        withoutActuallyEscaping(body) { body in
            let task = UncheckedPointer(body)
            for start in Swift.stride(from: 0, to: count, by: Self.roundSize) {
                let round = start..<min(count, start + Self.roundSize)
                let run = { @Sendable (worker: Int) in
                    var group = round.lowerBound + worker
                    while group < round.upperBound {
                        task.value(group, self.images(ofGroup: group), group - round.lowerBound, buffers.value[worker])
                        group += workers
                    }
                }
                if workers == 1 { run(0) } else { DispatchQueue.concurrentPerform(iterations: workers, execute: run) }
                afterRound(round)
            }
        }
    }
}
