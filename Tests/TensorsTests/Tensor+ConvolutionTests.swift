import Testing
@testable import Tensors

/// Convolutions beyond the PyTorch table (PyTorchOracleTests) and the finite-difference table
/// (GradientCheckTests): the definition by direct summation, the causal convolution's support,
/// thread-count independence and the refusals.
@Suite("Convolutions")
struct ConvolutionTests {
    /// `y[n, o, i, j] = b[o] + Σ_{c, u, v} x[n, c, i·s − p + u·d, j·s − p + v·d] · W[o, c, u, v]` by loops.
    func direct(_ x: Tensor, _ w: Tensor, _ b: Tensor, stride s: Int, padding p: Int, dilation d: Int) -> [Double] {
        let (n, c, h, wd) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
        let (o, kh, kw) = (w.shape[0], w.shape[2], w.shape[3])
        let ho = (h + 2 * p - d * (kh - 1) - 1) / s + 1, wo = (wd + 2 * p - d * (kw - 1) - 1) / s + 1
        var y: [Double] = []
        for a in 0..<n { for k in 0..<o { for i in 0..<ho { for j in 0..<wo {
            var sum = b.scalars[k]
            for ch in 0..<c { for u in 0..<kh { for v in 0..<kw {
                let (r, q) = (i * s - p + u * d, j * s - p + v * d)
                if r >= 0 && r < h && q >= 0 && q < wd {
                    sum += x.scalars[((a * c + ch) * h + r) * wd + q] * w.scalars[((k * c + ch) * kh + u) * kw + v]
                }
            } } }
            y.append(sum)
        } } } }
        return y
    }

    @Test(arguments: [(1, 0, 1), (1, 1, 1), (2, 1, 1), (1, 2, 2), (3, 0, 1), (2, 3, 2)])
    func conv2dIsTheDirectSum(_ stride: Int, _ padding: Int, _ dilation: Int) throws {
        let rng = RandomGenerator(seed: UInt64(100 * stride + 10 * padding + dilation))
        let x = try Tensor.randomNormal([3, 2, 9, 7], using: rng)
        let w = try Tensor.randomNormal([4, 2, 3, 3], using: rng), b = try Tensor.randomNormal([4], using: rng)
        let y = try Tensor.conv2d(x, weight: w, bias: b, stride: [stride], padding: [padding], dilation: [dilation])
        let expected = direct(x, w, b, stride: stride, padding: padding, dilation: dilation)
        #expect(y.count == expected.count)
        #expect(zip(y.scalars, expected).allSatisfy { Swift.abs($0 - $1) <= 1e-12 * max(1, Swift.abs($1)) })
    }

    @Test func causalOutputSeesOnlyThePast() throws {
        // A unit impulse at t = 5: a causal dilated kernel of size 3 and dilation 2 answers at 5, 7 and 9 only.
        var impulse = [Double](repeating: 0, count: 12)
        impulse[5] = 1
        let x = try Tensor(shape: [1, 1, 12], data: impulse)
        let w = try Tensor(shape: [1, 1, 3], data: [3, 2, 1])  // taps at t − 4, t − 2, t
        let y = try Tensor.conv1d(x, weight: w, dilation: 2, causal: true)
        #expect(y.shape == [1, 1, 12])
        #expect(y.scalars == [0, 0, 0, 0, 0, 1, 0, 2, 0, 3, 0, 0])
    }

    @Test func resultsDoNotDependOnTheThreadCount() throws {
        let rng = RandomGenerator(seed: 4)
        let x = try Tensor.randomNormal([32, 16, 8, 8], using: rng), w = try Tensor.randomNormal([64, 16, 3, 3], using: rng)
        let saved = Tensor.threadCount
        defer { Tensor.threadCount = saved }
        Tensor.threadCount = 1
        let (one, g1) = try valueAndGrad(at: [x, w]) { try Tensor.conv2d($0[0], weight: $0[1], padding: [1]).square().sum() }
        Tensor.threadCount = 2
        let (two, g2) = try valueAndGrad(at: [x, w]) { try Tensor.conv2d($0[0], weight: $0[1], padding: [1]).square().sum() }
        #expect(one == two)
        #expect(g1 == g2)
    }

    /// A batch large enough to go through in more groups than one round holds (see
    /// `ConvolutionPlan+Groups.swift`) gives what the images give one at a time: the same outputs
    /// and input gradients, and the per-image weight and bias gradients summed; for any thread count.
    @Test func aBatchInManyGroupsIsTheImagesOneAtATime() throws {
        let rng = RandomGenerator(seed: 9)
        let x = try Tensor.randomNormal([60, 64, 16, 16], using: rng)
        let w = try Tensor.randomNormal([8, 64, 3, 3], using: rng), b = try Tensor.randomNormal([8], using: rng)
        let plan = try ConvolutionPlan(input: x.shape, kernel: w.shape, stride: [1, 1], dilation: [1, 1],
                                       padBefore: [1, 1], padAfter: [1, 1], operation: "test")
        #expect(plan.groupCount > ConvolutionPlan.roundSize)
        let loss = { (v: [Tensor]) throws -> Tensor in try Tensor.conv2d(v[0], weight: v[1], bias: v[2], padding: [1]).square().sum() }
        let saved = Tensor.threadCount
        defer { Tensor.threadCount = saved }
        Tensor.threadCount = 2
        let y = try Tensor.conv2d(x, weight: w, bias: b, padding: [1])
        let (_, grads) = try valueAndGrad(at: [x, w, b], loss)
        Tensor.threadCount = 1
        let (_, serial) = try valueAndGrad(at: [x, w, b], loss)
        #expect(grads == serial)

        let imageSize = 64 * 16 * 16, outSize = 8 * 16 * 16
        var (dw, db) = ([Double](repeating: 0, count: w.count), [Double](repeating: 0, count: 8))
        func close(_ a: ArraySlice<Double>, _ e: [Double]) -> Bool {
            zip(a, e).allSatisfy { Swift.abs($0 - $1) <= 1e-10 * max(1, Swift.abs($1)) }
        }
        for n in 0..<60 {
            let one = try Tensor(shape: [1, 64, 16, 16], data: Array(x.scalars[(n * imageSize)..<((n + 1) * imageSize)]))
            #expect(close(y.scalars[(n * outSize)..<((n + 1) * outSize)], try Tensor.conv2d(one, weight: w, bias: b, padding: [1]).scalars))
            let (_, g) = try valueAndGrad(at: [one, w, b], loss)
            #expect(close(grads[0].scalars[(n * imageSize)..<((n + 1) * imageSize)], g[0].scalars))
            for i in dw.indices { dw[i] += g[1].scalars[i] }
            for i in db.indices { db[i] += g[2].scalars[i] }
        }
        #expect(close(grads[1].scalars[...], dw))
        #expect(close(grads[2].scalars[...], db))
    }

    /// A masked convolution is the convolution with `weight ⊙ mask`, though it skips the masked taps:
    /// the same output, input and bias gradients, and the weight's gradient masked (zero where the
    /// mask is 0), for PixelCNN-like masks, a scattered one, one that keeps every tap and one that
    /// keeps none, under stride, padding and dilation.
    @Test(arguments: [
        ([1, 1, 1, 1, 0, 0, 0, 0, 0], 3, 1, 1, 1),              // type A, 3×3
        ([1, 1, 1, 1, 1, 0, 0, 0, 0], 3, 1, 1, 1),              // type B, 3×3
        ([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 5, 1, 2, 1),  // type A, 5×5
        ([0, 1, 0, 1, 0, 1, 0, 1, 0], 3, 2, 1, 1),
        ([1, 0, 0, 0, 1, 0, 1, 1, 0], 3, 1, 2, 2),
        ([1, 1, 1, 1, 1, 1, 1, 1, 1], 3, 1, 1, 1),
        ([0, 0, 0, 0, 0, 0, 0, 0, 0], 3, 1, 1, 1),
    ])
    func aMaskedConvolutionIsTheConvolutionWithTheMaskedKernel(
        _ mask: [Double], _ k: Int, _ stride: Int, _ padding: Int, _ dilation: Int
    ) throws {
        let rng = RandomGenerator(seed: UInt64(mask.count * 7 + stride + 3 * dilation))
        let x = try Tensor.randomNormal([3, 4, 9, 8], using: rng)
        let w = try Tensor.randomNormal([5, 4, k, k], using: rng), b = try Tensor.randomNormal([5], using: rng)
        let m = try Tensor(shape: [k, k], data: mask)
        let masked = { (v: [Tensor]) throws -> Tensor in
            try Tensor.conv2d(v[0], weight: v[1], bias: v[2], stride: [stride], padding: [padding], dilation: [dilation], mask: m)
        }
        let multiplied = { (v: [Tensor]) throws -> Tensor in
            try Tensor.conv2d(v[0], weight: v[1] * m, bias: v[2], stride: [stride], padding: [padding], dilation: [dilation])
        }
        let probe = try Tensor.randomNormal(try masked([x, w, b]).shape, using: rng)
        let (y, grads) = try valueAndGrad(at: [x, w, b]) { try (masked($0) * probe).sum() }
        let (expected, expectedGrads) = try valueAndGrad(at: [x, w, b]) { try (multiplied($0) * probe).sum() }
        func close(_ a: Tensor, _ e: Tensor) -> Bool {
            a.shape == e.shape && zip(a.scalars, e.scalars).allSatisfy { Swift.abs($0 - $1) <= 1e-12 * max(1, Swift.abs($1)) }
        }
        #expect(close(try masked([x, w, b]), try multiplied([x, w, b])))
        #expect(close(y, expected))
        for (got, want) in zip(grads, expectedGrads) { #expect(close(got, want)) }
        let kernelPositions = k * k
        for (i, g) in grads[1].scalars.enumerated() where mask[i % kernelPositions] == 0 { #expect(g == 0) }
    }

    /// With `float32` products, outputs and gradients are the float64 ones up to single precision's
    /// rounding: within `(k + 2)·2⁻²⁴·Σ|terms|` of them, where `k` bounds the terms of each sum and the
    /// magnitudes `Σ|terms|` are the same convolution of `|x|`, `|w|` and `|probe|` in float64 (two roundings
    /// of the operands, then one per addition). They must also differ somewhere (the path is taken).
    @Test(arguments: [
        ([4, 3, 9, 8], [5, 3, 3, 3], 1, 1, 1, nil),
        ([2, 6, 11, 7], [4, 6, 3, 3], 2, 2, 2, nil),
        ([3, 8, 8, 8], [8, 8, 3, 3], 1, 1, 1, [1, 1, 1, 1, 1, 0, 0, 0, 0]),   // PixelCNN's type B
        ([64, 16, 8, 8], [16, 16, 5, 5], 1, 2, 1, nil),                      // several groups
    ] as [([Int], [Int], Int, Int, Int, [Double]?)])
    func float32ProductsAreFloat64WithinSinglePrecision(
        _ xShape: [Int], _ wShape: [Int], _ stride: Int, _ padding: Int, _ dilation: Int, _ mask: [Double]?
    ) throws {
        let rng = RandomGenerator(seed: UInt64(xShape.reduce(0, +) + 10 * stride))
        let x = try Tensor.randomNormal(xShape, using: rng), w = try Tensor.randomNormal(wShape, using: rng)
        let b = try Tensor.randomNormal([wShape[0]], using: rng)
        let m = try mask.map { try Tensor(shape: [wShape[2], wShape[3]], data: $0) }
        func conv(_ v: [Tensor], _ precision: ProductPrecision) throws -> Tensor {
            try Tensor.conv2d(v[0], weight: v[1], bias: v[2], stride: [stride], padding: [padding], dilation: [dilation],
                              mask: m, precision: precision)
        }
        let probe = try Tensor.randomNormal(try conv([x, w, b], .float64).shape, using: rng)
        let (y64, y32) = (try conv([x, w, b], .float64), try conv([x, w, b], .float32))
        let size = try conv([x.abs(), w.abs(), b.abs()], .float64)
        let (_, g64) = try valueAndGrad(at: [x, w, b]) { try (conv($0, .float64) * probe).sum() }
        let (_, g32) = try valueAndGrad(at: [x, w, b]) { try (conv($0, .float32) * probe).sum() }
        let (_, gSize) = try valueAndGrad(at: [x.abs(), w.abs(), b.abs()]) { try (conv($0, .float64) * probe.abs()).sum() }
        let terms = max(wShape[1] * wShape[2] * wShape[3], wShape[0] * wShape[2] * wShape[3], y64.count / wShape[0]) + 2
        let u = Double(terms) * 0x1p-24
        func within(_ got: Tensor, _ want: Tensor, _ size: Tensor) -> Bool {
            zip(zip(got.scalars, want.scalars), size.scalars).allSatisfy { pair, s in Swift.abs(pair.0 - pair.1) <= u * s + 1e-300 }
        }
        #expect(within(y32, y64, size))
        #expect(y32 != y64)
        for i in 0..<2 {
            #expect(within(g32[i], g64[i], gSize[i]))
            #expect(g32[i] != g64[i])
        }
        #expect(g32[2] == g64[2])  // the bias's gradient sums the probe in double either way
    }

    /// Like float64's, float32 products give the same numbers for any thread count.
    @Test func float32ResultsDoNotDependOnTheThreadCount() throws {
        let rng = RandomGenerator(seed: 5)
        let x = try Tensor.randomNormal([64, 16, 8, 8], using: rng), w = try Tensor.randomNormal([32, 16, 3, 3], using: rng)
        let loss = { (v: [Tensor]) throws -> Tensor in
            try Tensor.conv2d(v[0], weight: v[1], padding: [1], precision: .float32).square().sum()
        }
        let saved = Tensor.threadCount
        defer { Tensor.threadCount = saved }
        Tensor.threadCount = 1
        let (one, g1) = try valueAndGrad(at: [x, w], loss)
        Tensor.threadCount = 2
        let (two, g2) = try valueAndGrad(at: [x, w], loss)
        #expect(one == two)
        #expect(g1 == g2)
    }

    struct Refusal: Sendable, CustomTestStringConvertible {
        let name: String
        let message: String
        let call: @Sendable () throws -> Tensor
        var testDescription: String { name }
    }

    static let refusals: [Refusal] = [
        Refusal(name: "rank", message: "expects an input [batch, channels, height, width]") {
            try Tensor.conv2d(Tensor.zeros([2, 3, 4]), weight: Tensor.zeros([1, 3, 3, 3]))
        },
        Refusal(name: "channels", message: "input channels against the weight's") {
            try Tensor.conv2d(Tensor.zeros([1, 2, 5, 5]), weight: Tensor.zeros([4, 3, 3, 3]))
        },
        Refusal(name: "kernel larger than the input", message: "the kernel spans 5 positions") {
            try Tensor.conv2d(Tensor.zeros([1, 1, 4, 4]), weight: Tensor.zeros([1, 1, 5, 5]))
        },
        Refusal(name: "dilated kernel larger than the input", message: "the kernel spans 7 positions (size 3, dilation 3)") {
            try Tensor.conv1d(Tensor.zeros([1, 1, 6]), weight: Tensor.zeros([1, 1, 3]), dilation: 3)
        },
        Refusal(name: "bias", message: "conv2d bias") {
            try Tensor.conv2d(Tensor.zeros([1, 1, 4, 4]), weight: Tensor.zeros([2, 1, 3, 3]), bias: Tensor.zeros([3]))
        },
        Refusal(name: "stride 0", message: "stride must be at least 1") {
            try Tensor.conv2d(Tensor.zeros([1, 1, 4, 4]), weight: Tensor.zeros([2, 1, 3, 3]), stride: [0])
        },
        Refusal(name: "negative padding", message: "padding must be at least 0") {
            try Tensor.conv1d(Tensor.zeros([1, 1, 4]), weight: Tensor.zeros([2, 1, 3]), padding: -1)
        },
        Refusal(name: "three strides", message: "stride takes one value or one per axis") {
            try Tensor.conv2d(Tensor.zeros([1, 1, 4, 4]), weight: Tensor.zeros([2, 1, 3, 3]), stride: [1, 1, 1])
        },
        Refusal(name: "causal with padding", message: "padding must be 0") {
            try Tensor.conv1d(Tensor.zeros([1, 1, 4]), weight: Tensor.zeros([2, 1, 3]), padding: 1, causal: true)
        },
        Refusal(name: "mask of the wrong size", message: "conv2d mask against the kernel's [height, width]") {
            try Tensor.conv2d(Tensor.zeros([1, 1, 4, 4]), weight: Tensor.zeros([2, 1, 3, 3]), mask: Tensor.ones([2, 3]))
        },
        Refusal(name: "mask not of 0s and 1s", message: "a mask holds only 0s and 1s, got 0.5") {
            try Tensor.conv2d(Tensor.zeros([1, 1, 4, 4]), weight: Tensor.zeros([2, 1, 3, 3]), mask: Tensor.ones([3, 3]) * 0.5)
        },
        Refusal(name: "empty kernel", message: "the weight must have no empty axis") {
            try Tensor.conv2d(Tensor.zeros([1, 1, 4, 4]), weight: Tensor.zeros([2, 1, 0, 3]))
        },
    ]

    @Test(arguments: refusals)
    func badArgumentsAreRefused(_ r: Refusal) {
        do {
            _ = try r.call()
            Issue.record("\(r.name): no error")
        } catch {
            #expect("\(error)".contains(r.message), "\(error)")
        }
    }

    @Test func anEmptyBatchGivesAnEmptyOutput() throws {
        let y = try Tensor.conv2d(Tensor.zeros([0, 2, 5, 5]), weight: Tensor.zeros([3, 2, 3, 3]), padding: [1])
        #expect(y.shape == [0, 3, 5, 5])
    }
}
