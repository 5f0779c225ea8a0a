/// Convolutions as PyTorch's `conv2d` and `conv1d` compute them (cross-correlation, channels first,
/// zero padding, `groups = 1`), by im2col and one matrix product per batch (see `ConvolutionPlan`).
extension Tensor {
    /// The 2-D convolution of `input` `[N, C, H, W]` with `weight` `[O, C, kH, kW]`, plus `bias` `[O]`:
    /// `[N, O, Ho, Wo]` with `Ho = ⌊(H + 2·padding − dilation·(kH − 1) − 1) / stride⌋ + 1` (likewise
    /// `Wo`). `stride`, `padding` and `dilation` hold one value for both axes or one per axis.
    ///
    /// With a `mask` (`[kH, kW]` of 0s and 1s), the convolution with `weight ⊙ mask` in every kernel
    /// (PixelCNN's masked convolutions): the masked taps neither contribute nor receive a gradient,
    /// and are skipped rather than multiplied by zero. `precision` is the arithmetic of the matrix
    /// products (`ProductPrecision`; `float32` is PyTorch's, and faster).
    public static func conv2d(
        _ input: Tensor, weight: Tensor, bias: Tensor? = nil,
        stride: [Int] = [1], padding: [Int] = [0], dilation: [Int] = [1], mask: Tensor? = nil,
        precision: ProductPrecision = .float64
    ) throws -> Tensor {
        let operation = "conv2d"
        guard input.rank == 4, weight.rank == 4 else {
            throw TensorError.invalidShape(
                operation: operation, shape: input.rank == 4 ? weight.shape : input.shape,
                reason: "expects an input [batch, channels, height, width] and a weight [out, in, kernel height, kernel width]")
        }
        let s = try pair(stride, "stride", minimum: 1, operation)
        let p = try pair(padding, "padding", minimum: 0, operation)
        let d = try pair(dilation, "dilation", minimum: 1, operation)
        let kept = try mask.map { try keptTaps($0, kernel: weight.shape, operation) }
        return try convolution(input, weight: weight, bias: bias, stride: s, dilation: d, padBefore: p, padAfter: p,
                               keptTaps: kept, precision: precision, operation: operation)
    }

    /// The positions `i·kW + j` where a `[kH, kW]` mask of 0s and 1s is 1; anything else is refused.
    private static func keptTaps(_ mask: Tensor, kernel: [Int], _ operation: String) throws -> [Int] {
        guard mask.shape == [kernel[2], kernel[3]] else {
            throw TensorError.shapeMismatch(operation: "\(operation) mask against the kernel's [height, width]",
                                            lhs: [kernel[2], kernel[3]], rhs: mask.shape)
        }
        if let bad = mask.scalars.first(where: { $0 != 0 && $0 != 1 }) {
            throw TensorError.invalidArgument(operation: operation, reason: "a mask holds only 0s and 1s, got \(bad)")
        }
        return mask.scalars.indices.filter { mask.scalars[$0] == 1 }
    }

    /// The 1-D convolution of `input` `[N, C, L]` with `weight` `[O, C, k]`, plus `bias` `[O]`:
    /// `[N, O, Lo]`. With `causal`, the `(k − 1)·dilation` zeros of padding all go on the left, so
    /// output `t` sees inputs `t, t − dilation, …` only and `Lo = ⌈L / stride⌉` (WaveNet's convolution);
    /// `padding` must then be 0. `precision` as for `conv2d`.
    public static func conv1d(
        _ input: Tensor, weight: Tensor, bias: Tensor? = nil,
        stride: Int = 1, padding: Int = 0, dilation: Int = 1, causal: Bool = false,
        precision: ProductPrecision = .float64
    ) throws -> Tensor {
        let operation = causal ? "conv1d (causal)" : "conv1d"
        guard input.rank == 3, weight.rank == 3 else {
            throw TensorError.invalidShape(
                operation: operation, shape: input.rank == 3 ? weight.shape : input.shape,
                reason: "expects an input [batch, channels, length] and a weight [out, in, kernel size]")
        }
        let s = try pair([stride], "stride", minimum: 1, operation)[1]
        let p = try pair([padding], "padding", minimum: 0, operation)[1]
        let d = try pair([dilation], "dilation", minimum: 1, operation)[1]
        if causal && p != 0 {
            throw TensorError.invalidArgument(operation: operation, reason: "a causal convolution pads on the left by itself; padding must be 0, got \(p)")
        }
        let before = causal ? d * (weight.shape[2] - 1) : p, after = causal ? 0 : p
        let x = input.reshapedUnchecked([input.shape[0], input.shape[1], 1, input.shape[2]])
        let w = weight.reshapedUnchecked([weight.shape[0], weight.shape[1], 1, weight.shape[2]])
        let y = try convolution(x, weight: w, bias: bias, stride: [1, s], dilation: [1, d],
                                padBefore: [0, before], padAfter: [0, after], precision: precision, operation: operation)
        return y.reshapedUnchecked([y.shape[0], y.shape[1], y.shape[3]])
    }

    /// One value for both spatial axes or one per axis, each at least `minimum`.
    private static func pair(_ values: [Int], _ name: String, minimum: Int, _ operation: String) throws -> [Int] {
        guard values.count == 1 || values.count == 2 else {
            throw TensorError.invalidArgument(operation: operation, reason: "\(name) takes one value or one per axis, got \(values)")
        }
        guard values.allSatisfy({ $0 >= minimum }) else {
            throw TensorError.invalidArgument(operation: operation, reason: "\(name) must be at least \(minimum), got \(values)")
        }
        return values.count == 1 ? [values[0], values[0]] : values
    }

    /// The recorded convolution of rank-4 tensors (see `ConvolutionPlan`).
    static func convolution(
        _ input: Tensor, weight: Tensor, bias: Tensor?,
        stride: [Int], dilation: [Int], padBefore: [Int], padAfter: [Int], keptTaps: [Int]? = nil,
        precision: ProductPrecision, operation: String
    ) throws -> Tensor {
        guard input.shape[1] == weight.shape[1] else {
            throw TensorError.shapeMismatch(operation: "\(operation): input channels against the weight's", lhs: input.shape, rhs: weight.shape)
        }
        guard weight.shape.allSatisfy({ $0 > 0 }) else {
            throw TensorError.invalidShape(operation: operation, shape: weight.shape, reason: "the weight must have no empty axis")
        }
        if let bias, bias.shape != [weight.shape[0]] {
            throw TensorError.shapeMismatch(operation: "\(operation) bias", lhs: [weight.shape[0]], rhs: bias.shape)
        }
        let plan = try ConvolutionPlan(input: input.shape, kernel: weight.shape, stride: stride, dilation: dilation,
                                       padBefore: padBefore, padAfter: padAfter, keptTaps: keptTaps, precision: precision,
                                       operation: operation)
        let out = plan.forward(input.scalars, weight.scalars, bias?.scalars)
        let result = Tensor(uncheckedShape: plan.outputShape, scalars: out)
        var inputs = [input, weight]
        if let bias { inputs.append(bias) }
        return tracked(result, inputs, .convolution(input: input.detached, weight: weight.detached, plan: plan))
    }
}

extension ConvolutionPlan {
    /// `y[n, o, p] = Σ_r W[o, r] · cols[r, n·P + p] + b[o]`, group by group (see `forEachGroup`): one
    /// product `[O, patch]·[patch, n·P]` per group of images, its columns regrouped by image.
    func forward(_ x: [Double], _ w: [Double], _ b: [Double]?) -> [Double] {
        switch precision {
        case .float64: forward(x, w, b, in: Double.self)
        case .float32: forward(x, w, b, in: Float.self)
        }
    }

    /// `forward` with the patch matrix and the products in `S`.
    private func forward<S: GEMMScalar>(_ x: [Double], _ w: [Double], _ b: [Double]?, in _: S.Type) -> [Double] {
        let (o, p, patch) = (outChannels, positions, patch)
        let columns = groupSize * p
        return x.withUnsafeBufferPointer { xp in
            packedKernel(w, as: S.self).withUnsafeBufferPointer { wp in
                Elementwise.make(batch * o * p) { out in
                    let (x, w, out) = (xp.baseAddress!, wp.baseAddress!, out)
                    // Scratch: the patch matrix, then the product; each use overwrites it in full.
                    forEachGroup(scratch: (patch + o) * columns, of: S.self) { _, images, _, scratch in
                        let width = images.count * p
                        let (cols, product) = (scratch, scratch + patch * columns)
                        im2col(x, images: images, into: cols)
                        gemm(transA: false, transB: false, m: o, n: width, k: patch,
                             a: w, lda: patch, b: cols, ldb: width, c: product, ldc: width)
                        for (k, n) in images.enumerated() {
                            for c in 0..<o {
                                let shift = b?[c] ?? 0
                                let from = product + c * width + k * p, to = out + (n * o + c) * p
                                for t in 0..<p { to[t] = from[t].widened + shift }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The gradients of input, weight and bias given the output's `g` `[N, O, Ho, Wo]`, each computed
    /// only when asked (the weight's zero at masked taps), group by group: `dW += G·colsᵀ` (a partial per group, summed in group order),
    /// `d(cols) = Wᵀ·G` folded back by `col2im` onto the group's own images, `db = Σ G`.
    func backward(_ g: [Double], input x: [Double], weight w: [Double], needInput: Bool, needWeight: Bool, needBias: Bool)
        -> (input: [Double]?, weight: [Double]?, bias: [Double]?) {
        switch precision {
        case .float64: backward(g, x, w, needInput, needWeight, needBias, in: Double.self)
        case .float32: backward(g, x, w, needInput, needWeight, needBias, in: Float.self)
        }
    }

    /// `backward` with the patch matrix, the output gradient and the products in `S`.
    private func backward<S: GEMMScalar>(
        _ g: [Double], _ x: [Double], _ w: [Double], _ needInput: Bool, _ needWeight: Bool, _ needBias: Bool, in _: S.Type
    ) -> (input: [Double]?, weight: [Double]?, bias: [Double]?) {
        let (o, p, patch) = (outChannels, positions, patch)
        let columns = groupSize * p
        var dBias: [Double]? = nil
        if needBias {
            dBias = g.withUnsafeBufferPointer { gp in
                (0..<o).map { c in
                    var s = 0.0
                    for n in 0..<batch {
                        let row = gp.baseAddress! + (n * o + c) * p
                        for t in 0..<p { s += row[t] }
                    }
                    return s
                }
            }
        }
        guard needWeight || needInput else { return (nil, nil, dBias) }
        var dWeight = [Double](repeating: 0, count: needWeight ? o * patch : 0)
        var dInput = [Double](repeating: 0, count: needInput ? batch * channels * height * width : 0)
        // One round's partial weight gradients, summed into dWeight in group order after each round.
        let partialCount = needWeight ? Self.roundSize * o * patch : 0
        var partials = [S](unsafeUninitializedCapacity: partialCount) { _, count in count = partialCount }
        g.withUnsafeBufferPointer { gp in
            x.withUnsafeBufferPointer { xp in
                packedKernel(w, as: S.self).withUnsafeBufferPointer { wp in
                    partials.withUnsafeMutableBufferPointer { pp in
                        dInput.withUnsafeMutableBufferPointer { dxp in
                            let (g, x, w) = (gp.baseAddress!, xp.baseAddress!, wp.baseAddress!)
                            let parts = needWeight ? pp.baseAddress : nil, dx = needInput ? dxp.baseAddress : nil
                            // Scratch: G in the product's layout, then the patch matrix; overwritten in full.
                            forEachGroup(scratch: (o + patch) * columns, of: S.self) { _, images, slot, scratch in
                                let width = images.count * p
                                let (g2, cols) = (scratch, scratch + o * columns)
                                for (k, n) in images.enumerated() {
                                    for c in 0..<o {
                                        let (from, to) = (g + (n * o + c) * p, g2 + c * width + k * p)
                                        for t in 0..<p { to[t] = S(from[t]) }
                                    }
                                }
                                if let parts {
                                    im2col(x, images: images, into: cols)
                                    gemm(transA: false, transB: true, m: o, n: patch, k: width,
                                         a: g2, lda: width, b: cols, ldb: width, c: parts + slot * o * patch, ldc: patch)
                                }
                                if let dx {
                                    gemm(transA: true, transB: false, m: patch, n: width, k: o,
                                         a: w, lda: patch, b: g2, ldb: width, c: cols, ldc: width)
                                    col2im(cols, images: images, into: dx)
                                }
                            } afterRound: { round in
                                guard let parts else { return }
                                dWeight.withUnsafeMutableBufferPointer { dw in
                                    for slot in 0..<round.count {
                                        let part = parts + slot * o * patch
                                        for i in 0..<(o * patch) { dw[i] += part[i].widened }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return (needInput ? dInput : nil, needWeight ? unpackedKernel(dWeight) : nil, dBias)
    }
}
