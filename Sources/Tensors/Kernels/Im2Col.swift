import Dispatch

/// The sizes of one 2-D convolution (a 1-D one is a 2-D one of height 1): input `[N, C, H, W]`,
/// kernel `[O, C, kH, kW]`, output `[N, O, Ho, Wo]`, with strides, dilations and zero padding before
/// and after each spatial axis (unequal for a causal convolution).
///
/// The convolution runs as im2col and a matrix product: the patches of every output position of a
/// group of images become the columns of a `[C·kH·kW, n·Ho·Wo]` matrix, and the kernel, seen as
/// `[O, C·kH·kW]`, multiplies it in one dgemm. How the batch is split into groups, and how groups
/// share the threads, is in `ConvolutionPlan+Groups.swift`.
///
/// A masked kernel (PixelCNN's) keeps only some of its `kH·kW` taps, the same for every channel:
/// the patch matrix then holds rows for the kept taps only and the kernel matrix is packed to
/// `[O, C·taps]`. The products skipped are exact zeros (a masked weight times an activation), so
/// the output is that of the masked kernel, in a fraction of the time (5 of 9 taps for a 3×3
/// type-B mask).
struct ConvolutionPlan: Sendable, Equatable {
    let batch: Int, channels: Int, height: Int, width: Int
    let outChannels: Int, kernelHeight: Int, kernelWidth: Int
    /// Per spatial axis (height, width).
    let stride: [Int], dilation: [Int], padBefore: [Int], padAfter: [Int]
    let outHeight: Int, outWidth: Int
    /// The kernel positions `i·kW + j` that take part, ascending: all of them unless masked.
    let taps: [Int]
    /// The element type of the patch matrix and the products.
    let precision: ProductPrecision

    /// `keptTaps`: the positions a mask keeps (nil: every tap).
    init(input: [Int], kernel: [Int], stride: [Int], dilation: [Int], padBefore: [Int], padAfter: [Int],
         keptTaps: [Int]? = nil, precision: ProductPrecision = .float64, operation: String) throws {
        (batch, channels, height, width) = (input[0], input[1], input[2], input[3])
        self.precision = precision
        (outChannels, kernelHeight, kernelWidth) = (kernel[0], kernel[2], kernel[3])
        taps = keptTaps ?? Array(0..<(kernel[2] * kernel[3]))
        self.stride = stride
        self.dilation = dilation
        self.padBefore = padBefore
        self.padAfter = padAfter
        func outSize(_ size: Int, _ k: Int, _ axis: Int) throws -> Int {
            let span = dilation[axis] * (k - 1) + 1
            let padded = size + padBefore[axis] + padAfter[axis]
            guard padded >= span else {
                throw TensorError.invalidShape(
                    operation: operation, shape: input,
                    reason: "the kernel spans \(span) positions (size \(k), dilation \(dilation[axis])) but the padded input has \(padded)")
            }
            return (padded - span) / stride[axis] + 1
        }
        outHeight = try outSize(height, kernelHeight, 0)
        outWidth = try outSize(width, kernelWidth, 1)
        try Shape.validate([patch, positions], operation: operation)
        try Shape.validate(outputShape, operation: operation)
    }

    /// `C·taps` (`C·kH·kW` unmasked): the rows of the patch matrix, the columns of the kernel matrix.
    var patch: Int { channels * taps.count }
    /// Whether a mask leaves out some taps (the kernel is then packed, see `packedKernel`).
    var isMasked: Bool { taps.count != kernelHeight * kernelWidth }

    /// The kernel `[O, C, kH, kW]` as the matrix `[O, patch]` of the products' type: itself, or its
    /// kept taps when masked (with one spare element, so that a mask keeping no tap still gives an address).
    func packedKernel<S: GEMMScalar>(_ w: [Double], as _: S.Type) -> [S] {
        guard isMasked else { return S.narrowing(w) }
        var packed = [S](repeating: 0, count: outChannels * patch + 1)
        forEachKeptEntry { packedIndex, fullIndex in packed[packedIndex] = S(w[fullIndex]) }
        return packed
    }

    /// The `[O, C, kH, kW]` layout of a packed `[O, patch]` gradient, zero at the masked taps.
    func unpackedKernel(_ packed: [Double]) -> [Double] {
        guard isMasked else { return packed }
        var full = [Double](repeating: 0, count: outChannels * channels * kernelHeight * kernelWidth)
        forEachKeptEntry { packedIndex, fullIndex in full[fullIndex] = packed[packedIndex] }
        return full
    }

    /// Every kept kernel entry: its index in the packed `[O, C·taps]` matrix and in `[O, C, kH, kW]`.
    private func forEachKeptEntry(_ body: (_ packed: Int, _ full: Int) -> Void) {
        let (all, kept) = (kernelHeight * kernelWidth, taps.count)
        for row in 0..<(outChannels * channels) {
            for (t, tap) in taps.enumerated() { body(row * kept + t, row * all + tap) }
        }
    }
    /// `Ho·Wo`: the output positions of one image.
    var positions: Int { outHeight * outWidth }
    var outputShape: [Int] { [batch, outChannels, outHeight, outWidth] }

    /// The output columns `lo..<hi` whose input position `o·stride + offset` lies inside `0..<size`.
    @inline(__always)
    private static func validRange(count: Int, size: Int, stride: Int, offset: Int) -> (Int, Int) {
        // o·s + offset ≥ 0  ⇔  o ≥ ⌈−offset / s⌉;  o·s + offset ≤ size − 1  ⇔  o ≤ ⌊(size − 1 − offset) / s⌋.
        let lo = offset >= 0 ? 0 : (-offset + stride - 1) / stride
        let last = size - 1 - offset
        let hi = last < 0 ? 0 : min(count, last / stride + 1)
        return (min(lo, hi), hi)
    }

    /// Visits every (patch row, image) of images `images`, input channels `channels` and kept taps: `body` gets
    /// the offset of the row's segment for that image in the patch matrix (`[patch, images.count·P]`),
    /// the offset of the image's channel plane in the input, the output rows `ohLo..<ohHi` and columns
    /// `lo..<hi` whose taps fall inside the input, and the input row and column of output (0, 0)'s tap.
    /// Index arithmetic is wrapping: every value is bounded by the sizes checked when the plan was made,
    /// and the overflow checks kept the short row copies from being vectorised (with them and a
    /// closure per row, im2col took 17 % of a convolution's time; the whole step went from 30 to
    /// 43–49 GFLOP/s with this and the channel blocks).
    @inline(__always)
    private func forEachSegment(
        _ images: Range<Int>, channels: Range<Int>,
        _ body: (_ target: Int, _ plane: Int, _ ohLo: Int, _ ohHi: Int, _ lo: Int, _ hi: Int, _ rowOffset: Int, _ columnOffset: Int) -> Void
    ) {
        let width = images.count &* positions
        let kept = taps.count
        for c in channels {
            for (t, tap) in taps.enumerated() {
                let (i, j) = tap.quotientAndRemainder(dividingBy: kernelWidth)
                let rowOffset = i &* dilation[0] &- padBefore[0]
                let (ohLo, ohHi) = Self.validRange(count: outHeight, size: height, stride: stride[0], offset: rowOffset)
                let columnOffset = j &* dilation[1] &- padBefore[1]
                let (lo, hi) = Self.validRange(count: outWidth, size: self.width, stride: stride[1], offset: columnOffset)
                let row = c &* kept &+ t
                var k = 0
                for n in images {
                    body(row &* width &+ k &* positions, (n &* self.channels &+ c) &* height &* self.width,
                         ohLo, ohHi, lo, hi, rowOffset, columnOffset)
                    k &+= 1
                }
            }
        }
    }

    /// Fills `cols` (`[patch, images.count·positions]`) with the patches of `images` of `x`
    /// (`[N, C, H, W]`), zeros for padding, narrowed to the products' type.
    func im2col<S: GEMMScalar>(_ x: UnsafePointer<Double>, images: Range<Int>, into cols: UnsafeMutablePointer<S>) {
        let (sh, sw, ow, w) = (stride[0], stride[1], outWidth, width)
        let (x, cols) = (UncheckedPointer(x), UncheckedPointer(cols))
        byChannels(images) { channels in
            forEachSegment(images, channels: channels) { target, plane, ohLo, ohHi, lo, hi, rowOffset, columnOffset in
                let out = cols.value + target
                out.update(repeating: 0, count: ohLo &* ow)
                let after: Int = ohHi &* ow
                (out + after).update(repeating: 0, count: (outHeight &- ohHi) &* ow)
                let image = x.value + plane
                for oh in ohLo..<ohHi {
                    let d = out + oh &* ow
                    let offset: Int = (oh &* sh &+ rowOffset) &* w &+ lo &* sw &+ columnOffset
                    let src = image + offset
                    for t in 0..<lo { d[t] = 0 }
                    if sw == 1 {
                        for t in 0..<(hi &- lo) { d[lo &+ t] = S(src[t]) }
                    } else {
                        for t in 0..<(hi &- lo) { d[lo &+ t] = S(src[t &* sw]) }
                    }
                    for t in hi..<ow { d[t] = 0 }
                }
            }
        }
    }

    /// Adds every patch column of `cols` back onto the input positions of `images` it was read from:
    /// `dx` (`[N, C, H, W]`) receives the adjoint of `im2col` applied to `cols`.
    func col2im<S: GEMMScalar>(_ cols: UnsafePointer<S>, images: Range<Int>, into dx: UnsafeMutablePointer<Double>) {
        let (sh, sw, ow, w) = (stride[0], stride[1], outWidth, width)
        let (cols, dx) = (UncheckedPointer(cols), UncheckedPointer(dx))
        byChannels(images) { channels in
            forEachSegment(images, channels: channels) { target, plane, ohLo, ohHi, lo, hi, rowOffset, columnOffset in
                let src = cols.value + target
                let image = dx.value + plane
                for oh in ohLo..<ohHi {
                    let from: Int = oh &* ow &+ lo
                    let to: Int = (oh &* sh &+ rowOffset) &* w &+ lo &* sw &+ columnOffset
                    let s = src + from
                    let d = image + to
                    for t in 0..<(hi &- lo) { d[t &* sw] += s[t].widened }
                }
            }
        }
    }

    /// Runs `body` over blocks of input channels, in parallel on `Tensor.threadCount` threads when the
    /// patch matrix is large and the batch is one group (several groups run in parallel themselves).
    /// A channel's patch rows and its input positions belong to one block, so blocks write disjoint
    /// memory and each number is computed in the same order for any thread count.
    private func byChannels(_ images: Range<Int>, _ body: @Sendable (Range<Int>) -> Void) {
        let workers = min(BLAS.threadCount, channels)
        guard workers > 1, groupCount == 1, patch * images.count * positions >= 1 << 16 else { return body(0..<channels) }
        let size = (channels + workers - 1) / workers
        DispatchQueue.concurrentPerform(iterations: workers) { k in
            let range = (k * size)..<min(channels, (k + 1) * size)
            if !range.isEmpty { body(range) }
        }
    }
}

/// A pointer handed to concurrent workers, each of which touches its own part of the memory only.
struct UncheckedPointer<P>: @unchecked Sendable {
    let value: P
    init(_ value: P) { self.value = value }
}
