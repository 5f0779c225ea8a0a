import Foundation
import NeuralNetworks
import Tensors

/// The tensor suite: dgemm throughput, the overhead of a small differentiable operation, and one
/// epoch of a 64-256-2-256-64 MLP autoencoder with Adam on 1797×64 data (the UCI digits when
/// /work/shared/data/digits.csv or LECTERN_DIGITS_CSV is readable, otherwise uniform noise of that
/// shape), with its efficiency against the measured dgemm rate and its peak memory.
enum TensorBenchmarks {
    static func run() {
        do {
            print("Tensor benchmarks (release build expected; \(Tensor.threadCount) thread(s) for large products)")
            try autoencoderEpoch()
            try smallOperationOverhead()
            try maskThroughput()
            try gemmThroughput()
            try gemmThreadIndependence()
        } catch {
            print("tensor benchmark failed: \(error)")
        }
    }

    // MARK: Timing

    /// The best of `repeats` timings (seconds) of `body`, after one warm-up.
    static func best(_ repeats: Int, _ body: () throws -> Void) rethrows -> Double {
        try body()
        var best = Double.infinity
        for _ in 0..<repeats {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return best
    }

    /// The median of `repeats` timings (seconds) of `body`, after one warm-up.
    static func median(_ repeats: Int, _ body: () throws -> Void) rethrows -> Double {
        try body()
        var times: [Double] = []
        for _ in 0..<repeats {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return times.sorted()[times.count / 2]
    }

    static func peakResidentMiB() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024  // Linux reports KiB
    }

    static func format(_ value: Double, _ decimals: Int = 2) -> String { String(format: "%.\(decimals)f", value) }

    // MARK: dgemm

    /// One `op(A)·op(B)` product of the given logical shape, timed; returns seconds per product.
    static func timeProduct(m: Int, n: Int, k: Int, transposeA: Bool = false, transposeB: Bool = false,
                            rng: RandomGenerator) throws -> Double {
        let a = try Tensor.randomNormal(transposeA ? [k, m] : [m, k], using: rng)
        let b = try Tensor.randomNormal(transposeB ? [n, k] : [k, n], using: rng)
        let flops = 2.0 * Double(m * n * k)
        let repeats = max(5, min(2000, Int(2e8 / flops)))
        return try median(repeats) { _ = try Tensor.matmul(a, b, transposeA: transposeA, transposeB: transposeB) }
    }

    static func gemmThroughput() throws {
        let rng = RandomGenerator(seed: 1)
        print("\ndgemm through Tensor.matmul (n×n · n×n, median of repeats, result allocation included)")
        let saved = Tensor.threadCount
        defer { Tensor.threadCount = saved }
        for n in [128, 512, 1024] {
            var line = "  n = \(n):"
            for threads in Set([1, saved]).sorted() {
                Tensor.threadCount = threads
                let seconds = try timeProduct(m: n, n: n, k: n, rng: rng)
                line += "  \(format(2.0 * Double(n * n * n) / seconds / 1e9)) GFLOP/s with \(threads) thread(s)"
            }
            print(line)
        }
    }

    static func gemmThreadIndependence() throws {
        let rng = RandomGenerator(seed: 3)
        let saved = Tensor.threadCount
        defer { Tensor.threadCount = saved }
        var identical = true
        for (m, k, n) in [(1024, 1024, 1024), (1797, 64, 64), (700, 300, 900), (64, 2048, 4096)] {
            let a = try Tensor.randomNormal([m, k], using: rng), b = try Tensor.randomNormal([k, n], using: rng)
            Tensor.threadCount = 1
            let one = try a • b
            Tensor.threadCount = 2
            let two = try a • b
            identical = identical && one == two
        }
        print("\nproducts bit-identical with 1 and 2 threads: \(identical)")
    }

    // MARK: Small-operation overhead

    /// `where` and a boolean-mask write over 10⁶ elements against the machine's memory speed,
    /// measured in the same run as a plain copy of the same array (the bytes each pass must read
    /// and write, divided by its best time).
    /// `where` and a mask write against the elementwise add, the library's plainest pass over
    /// memory, at 10⁶ elements (the arrays fit this host's caches) and 10⁷ (they do not). Bytes
    /// counted: where reads the condition and both operands and writes the result (4 × 8 per
    /// element); x[mask] = 0 reads the mask and x and writes (3 × 8); a + b reads two and writes one (3 × 8).
    static func maskThroughput() throws {
        let rng = RandomGenerator(seed: 3)
        print("")
        for n in [1_000_000, 10_000_000] {
            let a = try Tensor.randomNormal([n], using: rng), b = try Tensor.randomNormal([n], using: rng)
            let mask = a .> 0
            var sink = 0.0
            let repeats = n > 1_000_000 ? 7 : 21
            // Rounds alternate the three, so that all see the same load; each figure is a median.
            var add: [Double] = [], select: [Double] = [], write: [Double] = []
            for _ in 0..<repeats {
                add.append(try best(1) { sink += try (a + b).scalars[n - 1] })
                select.append(try best(1) { sink += try Tensor.where(mask, a, b).scalars[n - 1] })
                write.append(try best(1) { sink += try a.replacing(mask: mask, with: 0).scalars[n - 1] })
            }
            func middle(_ v: [Double]) -> Double { v.sorted()[v.count / 2] }
            let bytes = Double(n * 8)
            let addRate = 3 * bytes / middle(add) / 1e9, selectRate = 4 * bytes / middle(select) / 1e9
            let writeRate = 3 * bytes / middle(write) / 1e9
            print(String(format: "%@ elements: where %.2f ms (%.1f GB/s, %.0f %% of add's rate); x[mask] = 0 %.2f ms (%.1f GB/s, %.0f %%); "
                         + "a + b %.2f ms (%.1f GB/s)%@",
                         n == 1_000_000 ? "10⁶" : "10⁷", middle(select) * 1e3, selectRate, 100 * selectRate / addRate,
                         middle(write) * 1e3, writeRate, 100 * writeRate / addRate, middle(add) * 1e3, addRate, sink.isNaN ? " " : ""))
        }
    }

    static func smallOperationOverhead() throws {
        let rng = RandomGenerator(seed: 2)
        let a = try Tensor.randomNormal([64], using: rng), b = try Tensor.randomNormal([64], using: rng)
        let chain = 10_000
        let plain = try best(20) {
            var x = a
            for _ in 0..<chain { x = try x + b }
            precondition(x.count == 64)
        } / Double(chain)
        // Forward only, recording on the tape (the tape is built but not swept).
        let recorded = try best(20) {
            _ = try valueAndGrad(at: [a, b]) { v in
                var x = v[0]
                for _ in 0..<chain { x = try x + v[1] }
                return try x[0]
            }
        } / Double(chain)
        print("\n64-element add: \(format(plain * 1e6, 3)) µs untracked; \(format(recorded * 1e6, 3)) µs with gradient "
              + "bookkeeping (forward + record + backward sweep, per op, over a chain of \(chain))")
    }

    // MARK: Autoencoder epoch

    /// The 64-256-2-256-64 autoencoder: ReLU hidden layers, linear bottleneck and output.
    final class Autoencoder: Module {
        let encoder: MLP
        let decoder: MLP

        init(using rng: RandomGenerator) throws {
            encoder = try MLP(widths: [64, 256, 2], activation: .relu, using: rng)
            decoder = try MLP(widths: [2, 256, 64], activation: .relu, using: rng)
        }

        func callAsFunction(_ x: Tensor) throws -> Tensor { try decoder(encoder(x)) }
    }

    static func loadDigits() -> (Tensor, String)? {
        let path = ProcessInfo.processInfo.environment["LECTERN_DIGITS_CSV"] ?? "/work/shared/data/digits.csv"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        var rows: [Double] = []
        var count = 0
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",").dropFirst().compactMap { Double($0) }
            guard fields.count == 64 else { return nil }
            rows += fields.map { $0 / 16 }
            count += 1
        }
        guard let x = try? Tensor(shape: [count, 64], data: rows) else { return nil }
        return (x, "UCI digits from \(path), scaled to [0, 1]")
    }

    static func autoencoderEpoch() throws {
        let baseline = peakResidentMiB()
        let rng = RandomGenerator(seed: 7)
        let (data, source) = try loadDigits() ?? (Tensor.randomUniform([1797, 64], using: rng), "uniform noise")
        let n = data.shape[0], batchSize = 128
        let model = try Autoencoder(using: rng)
        let optimizer = Adam(learningRate: 1e-3)

        func epoch() throws -> Double {
            var total = 0.0
            for batch in try miniBatches(data, batchSize: batchSize, using: rng) {
                let (loss, gradients) = try valueAndGrad(model: model) {
                    try Loss.meanSquaredError(model(batch), batch)
                }
                try optimizer.update(gradients)
                total += try loss.item * Double(batch.shape[0])
            }
            return total / Double(n)
        }

        // The epoch's matrix products: per layer (in → out) and batch of b rows, the forward x·W
        // (b×in·in×out), the weight gradient xᵀ·G (in×b·b×out) and, except for the first layer
        // (whose input is data), the input gradient G·Wᵀ (b×out·out×in).
        let layers = [(64, 256), (256, 2), (2, 256), (256, 64)]
        var batchSizes = [Int](repeating: batchSize, count: n / batchSize)
        if n % batchSize != 0 { batchSizes.append(n % batchSize) }
        var products: [(m: Int, k: Int, n: Int, transposeA: Bool, transposeB: Bool, count: Int)] = []
        for (b, count) in Dictionary(grouping: batchSizes, by: { $0 }).mapValues(\.count).sorted(by: { $0.key < $1.key }) {
            for (i, (inputs, outputs)) in layers.enumerated() {
                products.append((b, inputs, outputs, false, false, count))        // forward
                products.append((inputs, b, outputs, true, false, count))         // weight gradient
                if i > 0 { products.append((b, outputs, inputs, false, true, count)) }  // input gradient
            }
        }
        let flops = products.reduce(0.0) { $0 + 2.0 * Double($1.m * $1.k * $1.n * $1.count) }
        let operands = try products.map { p in
            (try Tensor.randomNormal(p.transposeA ? [p.k, p.m] : [p.m, p.k], using: rng),
             try Tensor.randomNormal(p.transposeB ? [p.n, p.k] : [p.k, p.n], using: rng))
        }
        /// The epoch's products alone, each timed as the median of 5 runs with warm operands.
        func idealSeconds() throws -> Double {
            var total = 0.0
            for (p, (a, b)) in zip(products, operands) {
                total += Double(p.count) * (try median(5) { _ = try Tensor.matmul(a, b, transposeA: p.transposeA, transposeB: p.transposeB) })
            }
            return total
        }

        // Rounds alternate one epoch and one pass over the products, so that both see the same load
        // on a shared machine; the efficiency is the median of the per-round ratios.
        let first = try epoch()
        var last = first
        var epochTimes: [Double] = [], idealTimes: [Double] = [], ratios: [Double] = []
        for _ in 0..<21 {
            let start = DispatchTime.now().uptimeNanoseconds
            last = try epoch()
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            let ideal = try idealSeconds()
            epochTimes.append(seconds)
            idealTimes.append(ideal)
            ratios.append(ideal / seconds)
        }
        let peak = peakResidentMiB()
        func middle(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
        let epochMedian = middle(epochTimes), idealMedian = middle(idealTimes)
        print("\nMLP autoencoder 64-256-2-256-64 (ReLU), Adam, MSE, \(n)×64 \(source), batches of \(batchSize):")
        print("  loss \(format(first, 4)) after the first epoch, \(format(last, 4)) after 22")
        print("  epoch: \(format(epochMedian * 1e3)) ms median of 21 (min \(format(epochTimes.min()! * 1e3)) ms, max \(format(epochTimes.max()! * 1e3)) ms)")
        print("  matrix-product work: \(format(flops / 1e6, 1)) MFLOP in \(products.count) product shapes; at the dgemm rates "
              + "measured for those exact shapes and transposes it takes \(format(idealMedian * 1e3)) ms (\(format(flops / idealMedian / 1e9, 1)) GFLOP/s)")
        print("  efficiency (product time ÷ epoch time, median of per-round ratios): \(format(100 * middle(ratios), 1)) % "
              + "(range \(format(100 * ratios.min()!, 1))–\(format(100 * ratios.max()!, 1)) %)")
        print("  peak resident memory of the process so far (getrusage ru_maxrss): \(format(peak, 1)) MiB "
              + "(\(format(baseline, 1)) MiB before this section)")
    }
}
