/// The sizes of one 2-D convolution (a 1-D one is a 2-D one of height 1): input `[N, C, H, W]`,
/// kernel `[O, C, kH, kW]`, output `[N, O, Ho, Wo]`, with strides, dilations and zero padding before
/// and after each spatial axis (unequal for a causal convolution).
///
/// The convolution runs as im2col and one product: the patches of every output position of every
/// image become the columns of a `[C·kH·kW, N·Ho·Wo]` matrix, and the kernel, seen as `[O, C·kH·kW]`,
/// multiplies it in one dgemm for the whole batch.
struct ConvolutionPlan: Sendable, Equatable {
    let batch: Int, channels: Int, height: Int, width: Int
    let outChannels: Int, kernelHeight: Int, kernelWidth: Int
    /// Per spatial axis (height, width).
    let stride: [Int], dilation: [Int], padBefore: [Int], padAfter: [Int]
    let outHeight: Int, outWidth: Int

    init(input: [Int], kernel: [Int], stride: [Int], dilation: [Int], padBefore: [Int], padAfter: [Int], operation: String) throws {
        (batch, channels, height, width) = (input[0], input[1], input[2], input[3])
        (outChannels, kernelHeight, kernelWidth) = (kernel[0], kernel[2], kernel[3])
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
        try Shape.validate([patch, columns], operation: operation)
        try Shape.validate(outputShape, operation: operation)
    }

    /// `C·kH·kW`: the rows of the patch matrix, the columns of the kernel matrix.
    var patch: Int { channels * kernelHeight * kernelWidth }
    /// `Ho·Wo`: the output positions of one image.
    var positions: Int { outHeight * outWidth }
    /// `N·Ho·Wo`: the columns of the patch matrix.
    var columns: Int { batch * positions }
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

    /// Visits every (patch row, image, output row) with the row of the patch matrix it fills and the
    /// input row it reads (nil where the kernel tap falls in the padding); `body` gets the valid
    /// output columns and the input column of the first.
    @inline(__always)
    private func forEachRow(_ body: (_ row: Int, _ inputRow: Int?, _ lo: Int, _ hi: Int, _ firstColumn: Int) -> Void) {
        let (sh, sw) = (stride[0], stride[1])
        for c in 0..<channels {
            for i in 0..<kernelHeight {
                let rowOffset = i * dilation[0] - padBefore[0]
                for j in 0..<kernelWidth {
                    let columnOffset = j * dilation[1] - padBefore[1]
                    let (lo, hi) = Self.validRange(count: outWidth, size: width, stride: sw, offset: columnOffset)
                    let row = (c * kernelHeight + i) * kernelWidth + j
                    for n in 0..<batch {
                        for oh in 0..<outHeight {
                            let ih = oh * sh + rowOffset
                            let target = row * columns + n * positions + oh * outWidth
                            let input = ih >= 0 && ih < height ? ((n * channels + c) * height + ih) * width : nil
                            body(target, input, lo, hi, lo * sw + columnOffset)
                        }
                    }
                }
            }
        }
    }

    /// Fills `cols` (`[patch, columns]`) with the patches of `x` (`[N, C, H, W]`), zeros for padding.
    func im2col(_ x: UnsafePointer<Double>, into cols: UnsafeMutablePointer<Double>) {
        let sw = stride[1], ow = outWidth
        forEachRow { target, input, lo, hi, first in
            let out = cols + target
            guard let input else {
                out.update(repeating: 0, count: ow)
                return
            }
            if lo > 0 { out.update(repeating: 0, count: lo) }
            let src = x + input + first
            if sw == 1 {
                (out + lo).update(from: src, count: hi - lo)
            } else {
                for k in 0..<(hi - lo) { out[lo + k] = src[k * sw] }
            }
            if hi < ow { (out + hi).update(repeating: 0, count: ow - hi) }
        }
    }

    /// Adds every patch column of `cols` back onto the input positions it was read from: `dx`
    /// (`[N, C, H, W]`, zeroed by the caller) becomes the adjoint of `im2col` applied to `cols`.
    func col2im(_ cols: UnsafePointer<Double>, into dx: UnsafeMutablePointer<Double>) {
        let sw = stride[1]
        forEachRow { target, input, lo, hi, first in
            guard let input else { return }
            let src = cols + target
            let out = dx + input + first
            for k in 0..<(hi - lo) { out[k * sw] += src[lo + k] }
        }
    }
}
