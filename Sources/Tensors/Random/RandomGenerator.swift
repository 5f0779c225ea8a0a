/// The one source of randomness: xoshiro256** (Blackman & Vigna, 2018) seeded through SplitMix64.
///
/// Every draw uses only integer operations and IEEE-754 `+ − × ÷ √` in a fixed order (normals use
/// Marsaglia's polar method with a logarithm written here, not the platform's `libm`), so the same
/// seed gives the same bits on every machine. A class, so that one generator (say, a notebook's,
/// seeded from its front matter) can be shared by reference: `Linear(64, 256, using: rng)`.
///
/// References: D. Blackman, S. Vigna, "Scrambled linear pseudorandom number generators", ACM TOMS
/// 47(4), 2021; G. Marsaglia, T. A. Bray, "A convenient method for generating normal variables",
/// SIAM Review 6(3), 1964; D. Lemire, "Fast random integer generation in an interval", ACM TOMACS 2019.
public final class RandomGenerator: RandomNumberGenerator {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64
    /// The second normal of the last polar-method pair, returned by the next `normal()`.
    private var spareNormal: Double?

    /// A generator whose 256-bit state is four successive outputs of SplitMix64 started at `seed`.
    public init(seed: UInt64) {
        var z = seed
        func splitMix() -> UInt64 {
            z &+= 0x9E37_79B9_7F4A_7C15
            var x = z
            x = (x ^ (x >> 30)) &* 0xBF58_476D_1CE4_E5B9
            x = (x ^ (x >> 27)) &* 0x94D0_49BB_1331_11EB
            return x ^ (x >> 31)
        }
        s0 = splitMix(); s1 = splitMix(); s2 = splitMix(); s3 = splitMix()
    }

    /// The next 64 random bits (xoshiro256**).
    public func next() -> UInt64 {
        let result = rotate(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotate(s3, 45)
        return result
    }

    /// The generator's whole state (xoshiro256**'s four words and a kept normal draw), to save and
    /// put back: a generator given a saved state draws the same numbers as it did after saving.
    public struct State: Sendable, Equatable {
        fileprivate var words: (UInt64, UInt64, UInt64, UInt64)
        fileprivate var spareNormal: Double?

        public static func == (a: State, b: State) -> Bool {
            a.words == b.words && a.spareNormal == b.spareNormal
        }
    }

    /// The state now; setting it rewinds (or moves) the stream to that point.
    public var state: State {
        get { State(words: (s0, s1, s2, s3), spareNormal: spareNormal) }
        set {
            (s0, s1, s2, s3) = newValue.words
            spareNormal = newValue.spareNormal
        }
    }

    @inline(__always)
    private func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// A new generator seeded from this one's next output: an independent stream for a sub-task
    /// (a model's initialisation, a training run) that leaves this one advanced by one draw.
    public func fork() -> RandomGenerator {
        RandomGenerator(seed: next())
    }

    /// A uniform double in `[0, 1)`: the top 53 bits of `next()` times 2⁻⁵³.
    public func uniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform double in `[low, high)`.
    public func uniform(_ low: Double, _ high: Double) -> Double {
        low + (high - low) * uniform()
    }

    /// A standard normal draw by Marsaglia's polar method; draws come in pairs, the second kept for
    /// the next call.
    public func normal() -> Double {
        if let spare = spareNormal {
            spareNormal = nil
            return spare
        }
        while true {
            let u = 2 * uniform() - 1, v = 2 * uniform() - 1
            let s = u * u + v * v
            if s > 0 && s < 1 {
                let factor = (-2 * PortableMath.log(s) / s).squareRoot()
                spareNormal = v * factor
                return u * factor
            }
        }
    }

    /// A uniform integer in `0..<bound` (Lemire's multiply-and-reject, no modulo bias).
    public func integer(below bound: Int) throws -> Int {
        guard bound > 0 else {
            throw TensorError.invalidArgument(operation: "integer(below:)", reason: "bound \(bound) must be positive")
        }
        return uncheckedInteger(below: bound)
    }

    /// `integer(below:)` for a bound known to be positive.
    func uncheckedInteger(below bound: Int) -> Int {
        let n = UInt64(bound)
        var product = next().multipliedFullWidth(by: n)
        if product.low < n {
            let threshold = (0 &- n) % n
            while product.low < threshold { product = next().multipliedFullWidth(by: n) }
        }
        return Int(product.high)
    }

    /// 1 with probability `p`, else 0.
    public func bernoulli(_ p: Double) -> Double {
        uniform() < p ? 1 : 0
    }

    /// An index drawn with probability proportional to `weights` (non-negative, not all zero), by
    /// inverting the cumulative sum.
    public func categorical(_ weights: [Double]) throws -> Int {
        var total = 0.0
        for w in weights {
            guard w >= 0, w.isFinite else {
                throw TensorError.invalidArgument(operation: "categorical", reason: "weights must be finite and non-negative")
            }
            total += w
        }
        guard total > 0 else {
            throw TensorError.invalidArgument(operation: "categorical", reason: "weights must not all be zero")
        }
        let target = uniform() * total
        var cumulative = 0.0
        for (i, w) in weights.enumerated() {
            cumulative += w
            if target < cumulative { return i }
        }
        return weights.lastIndex { $0 > 0 }!
    }

    /// A uniformly random permutation of `0..<n` (Fisher–Yates from the end); throws for a negative
    /// `n` or one beyond `Tensor.elementLimit`.
    public func permutation(_ n: Int) throws -> [Int] {
        try Shape.validate([n], operation: "permutation")
        var values = Array(0..<n)
        shuffle(&values)
        return values
    }

    /// Shuffles `values` in place (Fisher–Yates from the end).
    public func shuffle<T>(_ values: inout [T]) {
        guard values.count > 1 else { return }
        for i in stride(from: values.count - 1, to: 0, by: -1) {
            values.swapAt(i, uncheckedInteger(below: i + 1))
        }
    }

    /// The indices `0..<count` shuffled and cut into mini-batches of `size` (the last may be smaller).
    public func batches(count: Int, size: Int) throws -> [[Int]] {
        guard size > 0, count >= 0 else {
            throw TensorError.invalidArgument(operation: "batches", reason: "batch size must be positive and count non-negative")
        }
        let order = try permutation(count)
        return stride(from: 0, to: count, by: size).map { Array(order[$0..<min($0 + size, count)]) }
    }
}
