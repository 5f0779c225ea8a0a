import Tensors

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The median wall-clock seconds of `body` over `repeats` runs, on the monotonic clock: how notes
/// measure that one model samples in a pass and another in a thousand (`timeIt { gan.sample(1000) }`).
///
/// One extra run first warms caches and is not counted when `warmUp` is true. The median, not the
/// mean, so that one run slowed by the machine does not move the figure. Throws for `repeats < 1`
/// and rethrows what `body` throws.
public func timeIt(repeats: Int = 5, warmUp: Bool = true, _ body: () throws -> Void) throws -> Double {
    try timeRuns(repeats: repeats, warmUp: warmUp, body).median
}

/// Every timed run of `body` (seconds, in run order) and their median, minimum and maximum.
public func timeRuns(repeats: Int = 5, warmUp: Bool = true, _ body: () throws -> Void) throws -> Timing {
    guard repeats >= 1 else {
        throw TensorError.invalidArgument(operation: "timeIt", reason: "repeats must be at least 1, got \(repeats)")
    }
    if warmUp { try body() }
    var runs: [Double] = []
    runs.reserveCapacity(repeats)
    for _ in 0..<repeats {
        let start = MonotonicClock.nanoseconds()
        try body()
        runs.append(Double(MonotonicClock.nanoseconds() - start) / 1e9)
    }
    return Timing(runs: runs)
}

/// The timed runs of a block: each run's seconds and their summary.
public struct Timing: Sendable, Equatable {
    /// The seconds of each timed run, in run order.
    public let runs: [Double]

    /// Timings from measured runs (at least one).
    public init(runs: [Double]) {
        self.runs = runs
    }

    /// The median run (the mean of the middle two for an even count).
    public var median: Double {
        let sorted = runs.sorted()
        let n = sorted.count
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
    }

    /// The fastest run.
    public var minimum: Double { runs.min() ?? .nan }

    /// The slowest run.
    public var maximum: Double { runs.max() ?? .nan }
}

/// Nanoseconds on a clock that never goes backwards (CLOCK_MONOTONIC), unaffected by clock changes.
enum MonotonicClock {
    static func nanoseconds() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }
}
