/// A GRU layer's whole sequence as one operation, as PyTorch's `nn.GRU` runs on a CPU: the input
/// gates of every step come in precomputed (one product for the sequence instead of one per step),
/// the hidden weight is prepared once for all steps, every step reads and writes its rows in place
/// inside the `[B, T, ·]` buffers, and the backward pass through time sums the hidden weight's
/// gradient in one product over all steps instead of one small product per step.
extension Tensor {
    /// The states `[B, T, H]` of a GRU run over `T` steps from the state `h0` `[B, H]`, given the
    /// input gates of every step `inputGates` `[B, T, 3H]` (x_t·W_i + b_i, gates in the order r, z,
    /// n), the hidden weight `[H, 3H]` and bias `[3H]`: at each step `gruUpdate(gi_t, h·W_h + b_h, h)`.
    /// The same values as that loop of `affine` and `gruUpdate`; gradients equal up to the order of
    /// sums. Differentiable in all four inputs. `precision` is that of the hidden products and the
    /// gates, as in `gruUpdate`.
    public static func gruSequence(inputGates gi: Tensor, hiddenWeight w: Tensor, hiddenBias b: Tensor, state h0: Tensor,
                                   precision: ProductPrecision = .float64) throws -> Tensor {
        guard gi.rank == 3, h0.rank == 2, h0.shape[0] == gi.shape[0], gi.shape[2] == 3 * h0.shape[1],
              w.shape == [h0.shape[1], 3 * h0.shape[1]], b.shape == [3 * h0.shape[1]] else {
            throw TensorError.invalidShape(
                operation: "gruSequence", shape: gi.shape,
                reason: "expects input gates [B, T, 3H], a hidden weight [H, 3H], a bias [3H] and a state [B, H], got \(gi.shape), \(w.shape), \(b.shape) and \(h0.shape)")
        }
        let (batch, steps, hidden) = (gi.shape[0], gi.shape[1], h0.shape[1])
        let products = HiddenProducts(weight: w.scalars, bias: b.scalars, hidden: hidden, precision: precision)
        // Every element of these is written below: no zeroing first.
        var gates = Elementwise.make(batch * steps * 3 * hidden) { _ in }, hiddenGates = Elementwise.make(gates.count) { _ in }
        var outputs = Elementwise.make(batch * steps * hidden) { _ in }
        let layout = SequenceLayout(steps: steps, hidden: hidden)
        if batch * steps * hidden > 0 {
            gi.scalars.withUnsafeBufferPointer { gip in
                h0.scalars.withUnsafeBufferPointer { h0p in
                    gates.withUnsafeMutableBufferPointer { gp in
                        hiddenGates.withUnsafeMutableBufferPointer { ghp in
                            outputs.withUnsafeMutableBufferPointer { op in
                                for t in 0..<steps {
                                    let previous = layout.previousState(t, first: h0p.baseAddress!, outputs: op.baseAddress!)
                                    let gh = layout.gates(t, ghp.baseAddress!)
                                    products.gates(from: previous, rows: batch, into: gh)
                                    GRUGates.forward(inputGates: layout.gates(t, gip.baseAddress!), hiddenGates: .init(base: gh.base, stride: gh.stride),
                                                     state: previous, batch: batch, hidden: hidden, precision: precision,
                                                     gates: layout.gates(t, gp.baseAddress!), next: layout.states(t, op.baseAddress!))
                                }
                            }
                        }
                    }
                }
            }
        }
        let record = GRUSequenceRecord(batch: batch, layout: layout, gates: gates, hiddenGates: hiddenGates, outputs: outputs,
                                       firstState: h0.scalars, products: products)
        return tracked(Tensor(uncheckedShape: [batch, steps, hidden], scalars: outputs), [gi, w, b, h0], .gruSequence(record))
    }
}

/// Where step `t`'s rows are in the `[B, T, 3H]` gate buffers and the `[B, T, H]` state buffers.
struct SequenceLayout: Sendable {
    let steps: Int, hidden: Int

    func gates(_ t: Int, _ base: UnsafePointer<Double>) -> GRUGates.Rows { .init(base: base + t * 3 * hidden, stride: steps * 3 * hidden) }
    func gates(_ t: Int, _ base: UnsafeMutablePointer<Double>) -> GRUGates.MutableRows {
        .init(base: base + t * 3 * hidden, stride: steps * 3 * hidden)
    }
    func states(_ t: Int, _ base: UnsafeMutablePointer<Double>) -> GRUGates.MutableRows { .init(base: base + t * hidden, stride: steps * hidden) }
    /// The state step `t` starts from: `first` (`[B, H]`) at step 0, else step `t − 1`'s output.
    func previousState(_ t: Int, first: UnsafePointer<Double>, outputs: UnsafePointer<Double>) -> GRUGates.Rows {
        t == 0 ? .init(base: first, stride: hidden) : .init(base: outputs + (t - 1) * hidden, stride: steps * hidden)
    }
}

/// The per-step products of a GRU sequence with its hidden weight W `[H, 3H]`: `h·W + b` forward and
/// `g·Wᵀ` backward, on rows inside the sequence's buffers. For `float32` the weight is narrowed once
/// for the whole sequence rather than at every step (which took 7 % of a float32 CharRNN epoch); the
/// arithmetic is that of `Tensor.affine` and `Tensor.product` in the same precision.
struct HiddenProducts: Sendable {
    let weight: [Double]
    /// The weight in single precision (`float32` only).
    let narrowed: [Float]
    let bias: [Double]
    let hidden: Int
    let precision: ProductPrecision

    init(weight: [Double], bias: [Double], hidden: Int, precision: ProductPrecision) {
        (self.weight, self.bias, self.hidden, self.precision) = (weight, bias, hidden, precision)
        narrowed = precision == .float32 ? Float.narrowing(weight) : []
    }

    /// `h·W + b` for `rows` rows of `h` into `out`, as `Tensor.affine` computes it (`AffineRows`).
    func gates(from h: GRUGates.Rows, rows: Int, into out: GRUGates.MutableRows) {
        weight.withUnsafeBufferPointer { wp in
            bias.withUnsafeBufferPointer { bp in
                narrowed.withUnsafeBufferPointer { sp in
                    AffineRows.apply(h.base, lda: h.stride, rows: rows, k: hidden, weight: wp.baseAddress!,
                                     single: precision == .float32 ? sp.baseAddress! : nil, n: 3 * hidden,
                                     bias: bp.baseAddress!, into: out.base, ldo: out.stride)
                }
            }
        }
    }

    /// `g·Wᵀ` for `rows` rows of the hidden gates' gradient `g` into `out` (`[rows, H]`, contiguous).
    func stateGradient(from g: GRUGates.Rows, rows: Int, into out: UnsafeMutablePointer<Double>) {
        switch precision {
        case .float64:
            weight.withUnsafeBufferPointer { wp in
                BLAS.gemm(transA: false, transB: true, m: rows, n: hidden, k: 3 * hidden, a: g.base, lda: g.stride,
                          b: wp.baseAddress!, ldb: 3 * hidden, c: out, ldc: hidden)
            }
        case .float32:
            let product = singleProductTransposed(g, rows: rows)
            for i in 0..<rows * hidden { out[i] = Double(product[i]) }
        }
    }

    /// `rows` rows of `a` (`3H` wide) narrowed to `Float`, times the narrowed weight transposed, in
    /// single precision: `[rows, H]`.
    private func singleProductTransposed(_ a: GRUGates.Rows, rows: Int) -> [Float] {
        let k = 3 * hidden
        let left = [Float](unsafeUninitializedCapacity: rows * k) { to, count in
            for r in 0..<rows { for j in 0..<k { to[r * k + j] = Float(a[r][j]) } }
            count = rows * k
        }
        return [Float](unsafeUninitializedCapacity: rows * hidden) { c, count in
            left.withUnsafeBufferPointer { lp in
                narrowed.withUnsafeBufferPointer { wp in
                    BLAS.gemm(transA: false, transB: true, m: rows, n: hidden, k: k, a: lp.baseAddress!, lda: k,
                              b: wp.baseAddress!, ldb: k, c: c.baseAddress!, ldc: hidden)
                }
            }
            count = rows * hidden
        }
    }
}

/// What the backward pass of `Tensor.gruSequence` keeps from the forward pass: the gates r, z, n and
/// the hidden gates of every step (`[B, T, 3H]`), the outputs `[B, T, H]` and the first state.
struct GRUSequenceRecord: Sendable {
    let batch: Int
    let layout: SequenceLayout
    let gates: [Double]
    let hiddenGates: [Double]
    let outputs: [Double]
    let firstState: [Double]
    let products: HiddenProducts

    /// Backpropagation through time from the outputs' gradient `g` `[B, T, H]`: from the last step
    /// back, the state's gradient (the output's own plus what the next step sent back) goes through
    /// the gates (`GRUGates.backward`) and the hidden product; then the hidden weight's gradient is
    /// one product of the states each step started from and the hidden gates' gradients of all steps.
    func gradients(_ g: Tensor, needs: Needs) throws -> [Tensor?] {
        let (steps, hidden) = (layout.steps, layout.hidden)
        // Every element of the gates' gradients is written below: no zeroing first.
        var inputGates = Elementwise.make(batch * steps * 3 * hidden) { _ in }, hiddenGates = Elementwise.make(inputGates.count) { _ in }
        // The state's gradient, its part through the gates alone, and its part through the hidden product.
        let stateRows = batch * hidden
        let scratch = UnsafeMutablePointer<Double>.allocate(capacity: Swift.max(1, 3 * stateRows))
        defer { scratch.deallocate() }
        let (dh, direct, back) = (scratch, scratch + stateRows, scratch + 2 * stateRows)
        dh.initialize(repeating: 0, count: stateRows)
        if batch * steps * hidden > 0 {
            g.scalars.withUnsafeBufferPointer { gp in
                gates.withUnsafeBufferPointer { sp in
                    self.hiddenGates.withUnsafeBufferPointer { hp in
                        outputs.withUnsafeBufferPointer { op in
                            firstState.withUnsafeBufferPointer { h0p in
                                inputGates.withUnsafeMutableBufferPointer { dgip in
                                    hiddenGates.withUnsafeMutableBufferPointer { dghp in
                                        for t in stride(from: steps - 1, through: 0, by: -1) {
                                            for b in 0..<batch {
                                                let from = gp.baseAddress! + (b * steps + t) * hidden
                                                for j in 0..<hidden { dh[b * hidden + j] += from[j] }
                                            }
                                            let dgh = layout.gates(t, dghp.baseAddress!)
                                            GRUGates.backward(
                                                .init(base: dh, stride: hidden), gates: layout.gates(t, sp.baseAddress!),
                                                hiddenGates: layout.gates(t, hp.baseAddress!),
                                                state: layout.previousState(t, first: h0p.baseAddress!, outputs: op.baseAddress!),
                                                batch: batch, hidden: hidden, inputGates: layout.gates(t, dgip.baseAddress!),
                                                hiddenGates: dgh, state: .init(base: direct, stride: hidden))
                                            guard t > 0 || needs[3] else { continue }
                                            products.stateGradient(from: .init(base: dgh.base, stride: dgh.stride), rows: batch, into: back)
                                            for k in 0..<stateRows { dh[k] = direct[k] + back[k] }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        let rows = batch * steps
        let dgh = Tensor(uncheckedShape: [rows, 3 * hidden], scalars: hiddenGates)
        return [
            needs[0] ? Tensor(uncheckedShape: [batch, steps, 3 * hidden], scalars: inputGates) : nil,
            needs[1] ? try Tensor.product(startingStates(), transA: true, dgh, transB: false, precision: products.precision) : nil,
            needs[2] ? dgh.sumUnchecked(axes: [0], keepDims: false) : nil,
            needs[3] ? Tensor(uncheckedShape: [batch, hidden], scalars: Array(UnsafeBufferPointer(start: dh, count: stateRows))) : nil,
        ]
    }

    /// The state every step started from, `[B·T, H]` in the order of the gate rows: the first state,
    /// then the outputs but the last.
    private func startingStates() -> Tensor {
        let (steps, hidden) = (layout.steps, layout.hidden)
        var rows = [Double](repeating: 0, count: batch * steps * hidden)
        for b in 0..<batch where steps > 0 {
            let row = b * steps * hidden
            rows.replaceSubrange(row ..< row + hidden, with: firstState[b * hidden ..< (b + 1) * hidden])
            rows.replaceSubrange(row + hidden ..< row + steps * hidden, with: outputs[row ..< row + (steps - 1) * hidden])
        }
        return Tensor(uncheckedShape: [batch * steps, hidden], scalars: rows)
    }
}
