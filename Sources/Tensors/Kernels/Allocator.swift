#if canImport(Glibc)
import Glibc
#endif

/// Tunes glibc's allocator once for tensor-sized buffers. By default glibc serves blocks above
/// 128 KiB (one 128×256 activation is 256 KiB) with fresh `mmap`s, or trims them back to the system
/// soon after they are freed, so every training step pays for page faults on memory it just released:
/// measured here, that was about half the time of an autoencoder epoch. Raising the mmap threshold to
/// 32 MiB and the trim threshold to 256 MiB keeps such blocks in the heap for reuse. The cost is that
/// up to 256 MiB of freed memory may stay mapped in the process. Every thread also shares the main
/// arena: cells run on a thread of their own, and a thread's arena lives in heaps of at most 64 MiB
/// that glibc unmaps whenever they fall empty, ignoring the trim threshold, so each convolution's
/// 16 MiB of scratch space was faulted in afresh. One arena took PixelCNN training from 232,000 page
/// faults to 31,000 for two epochs and 11 % less CPU time. (`mallopt` is looked up with `dlsym`
/// because Swift's Glibc module does not include `<malloc.h>`.)
public enum Allocator {
    /// Applies the tuning now. A program calls it first thing in `main`, before it starts threads:
    /// a thread keeps the arena it was given at its first allocation. (Tensor code applies it
    /// lazily too, for programs that do not.)
    public static func configure() { configured }

    static let configured: Void = {
        #if canImport(Glibc)
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(nil, "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        let mmapThreshold: Int32 = -3, trimThreshold: Int32 = -1, arenaMax: Int32 = -8  // M_MMAP_THRESHOLD, M_TRIM_THRESHOLD, M_ARENA_MAX
        _ = mallopt(mmapThreshold, 32 << 20)
        _ = mallopt(trimThreshold, 256 << 20)
        _ = mallopt(arenaMax, 1)
        #endif
    }()
}
