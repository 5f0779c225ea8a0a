#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Seconds since a run began, on the monotonic clock, for `TrainingProgress.seconds`.
struct TrainingClock {
    private let start: UInt64

    /// A clock started now.
    init() {
        start = TrainingClock.nanoseconds()
    }

    /// Seconds elapsed since `init`.
    var seconds: Double {
        Double(TrainingClock.nanoseconds() &- start) / 1e9
    }

    private static func nanoseconds() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }
}
