#if canImport(Glibc)
import Glibc
#endif

/// Tunes glibc's allocator once for tensor-sized buffers. By default glibc serves blocks above
/// 128 KiB (one 128×256 activation is 256 KiB) with fresh `mmap`s, or trims them back to the system
/// soon after they are freed, so every training step pays for page faults on memory it just released:
/// measured here, that was about half the time of an autoencoder epoch. Raising the mmap threshold to
/// 32 MiB and the trim threshold to 256 MiB keeps such blocks in the heap for reuse. The cost is that
/// up to 256 MiB of freed memory may stay mapped in the process. (`mallopt` is looked up with
/// `dlsym` because Swift's Glibc module does not include `<malloc.h>`.)
enum Allocator {
    static let configured: Void = {
        #if canImport(Glibc)
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(nil, "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        let mmapThreshold: Int32 = -3, trimThreshold: Int32 = -1  // M_MMAP_THRESHOLD, M_TRIM_THRESHOLD
        _ = mallopt(mmapThreshold, 32 << 20)
        _ = mallopt(trimThreshold, 256 << 20)
        #endif
    }()
}
