import CBLAS
import Foundation

/// Which kernels OpenBLAS runs, and a way to correct its choice.
///
/// OpenBLAS built with DYNAMIC_ARCH picks its kernels by CPU model when it loads. Versions that
/// predate a processor do not know its model number and fall back to the oldest x86-64 kernels:
/// Debian's 0.3.21 runs "Prescott" (SSE3) kernels on a 2023 Xeon (family 6, model 207) that has
/// AVX-512, and a [64, 576] × [576, 8192] dgemm takes 6.8 GFLOP/s on one thread there instead of the
/// 44.2 it reaches with the SkylakeX kernels (measured on this machine). The kernel family can only
/// be chosen before the library loads, through `OPENBLAS_CORETYPE`; `restartIfSlower` sets it and
/// restarts the program when the choice is worse than the processor's features allow.
public enum BLASKernels {
    /// The kernel family OpenBLAS chose (`openblas_get_corename`), e.g. "SkylakeX", "Haswell", "Prescott".
    public static var current: String { String(cString: openblas_get_corename()) }

    /// Families that already use AVX2 and FMA or better: left alone.
    static let modern: Set<String> = ["haswell", "skylakex", "cooperlake", "sapphirerapids", "zen"]

    /// The `OPENBLAS_CORETYPE` to use when OpenBLAS chose `current` on a processor with `flags`
    /// (as /proc/cpuinfo lists them): "SkylakeX" with AVX-512 F/DQ/BW/VL, "Haswell" with AVX2 and FMA,
    /// nil when the choice is already as good.
    static func better(than current: String, flags: Set<String>) -> String? {
        if modern.contains(current.lowercased()) { return nil }
        if flags.isSuperset(of: ["avx512f", "avx512dq", "avx512bw", "avx512vl"]) { return "SkylakeX" }
        if flags.isSuperset(of: ["avx2", "fma"]) { return "Haswell" }
        return nil
    }

    /// The processor's feature flags from /proc/cpuinfo (empty where there is none).
    static func cpuFlags() -> Set<String> {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("flags") }),
              let colon = line.firstIndex(of: ":") else { return [] }
        return Set(line[line.index(after: colon)...].split(separator: " ").map(String.init))
    }

    /// Restarts the program (same arguments, same process id) with `OPENBLAS_CORETYPE` set when
    /// OpenBLAS chose kernels older than the processor supports. Does nothing when the variable is
    /// already set (a user's choice, or the restarted program), or when the restart fails.
    /// Call first thing in `main`, before any other work.
    public static func restartIfSlower() {
        guard getenv("OPENBLAS_CORETYPE") == nil, let core = better(than: current, flags: cpuFlags()) else { return }
        setenv("OPENBLAS_CORETYPE", core, 1)
        execv("/proc/self/exe", CommandLine.unsafeArgv)
        unsetenv("OPENBLAS_CORETYPE")  // the restart failed: go on with the kernels already loaded
    }

    /// Pins OpenBLAS to one thread (as `BLAS` does before its first call) and stops the threads it
    /// started when it loaded. Lectern parallelises around OpenBLAS, so those threads never get
    /// work, but each spins on `sched_yield` for its first 2^28 cycles: on two cores that took
    /// 0.05 s of a 0.39 s render from the cache (measured: 0.35 s with OPENBLAS_NUM_THREADS=1).
    /// Uses OpenBLAS's `blas_thread_shutdown_` where the library exports it (the pthread build
    /// does; it restarts the pool by itself if a call ever asks for threads).
    public static func stopIdleThreads() {
        openblas_set_num_threads(1)
        guard let symbol = dlsym(nil, "blas_thread_shutdown_") else { return }
        _ = unsafeBitCast(symbol, to: (@convention(c) () -> Int32).self)()
    }
}
