import Foundation
import Tensors

extension Registry {
    /// `Tensor`: creation, arithmetic with broadcasting, maths, reductions, shapes, indexing,
    /// linear algebra and gradients. Reductions give a Double, or a one-element Tensor where a
    /// Tensor is expected (inside `grad`, so the gradient flows through); indexing gives a Tensor,
    /// or a Double where a Double is expected.
    func registerTensors() {
        let tensor = libraryDecl("Tensor")
        let index = NominalDecl(name: "TensorIndex", kind: .protocolType, origin: .library, doc: "An Int or a range, as a tensor index.")
        index.genericParameters = [GenericParameter(name: "Self", conformances: [index], index: 0)]
        addType(index)
        for decl in [standard.int, standard.range, standard.closedRange, standard.partialRangeFrom, standard.partialRangeUpTo,
                     standard.partialRangeThrough] {
            decl.conformances.append(index)
        }
        addSequenceAdapter("Tensor") { v in
            guard case .object(let o as TensorValue) = v else { return [] }
            let x = o.tensor
            guard x.rank > 0 else { throw TensorError.invalidShape(operation: "for-in", shape: x.shape, reason: "a scalar tensor has no rows") }
            return try (0..<x.shape[0]).map { .tensor(try x.indexed([.index($0)])) }
        }
        tensor.conformances.append(standard.sequence)
        tensor.associatedTypes["Element"] = .nominal(tensor, [])

        extend(tensor) { t in
            // Creation
            t.staticMethod("init(_ values: [Double])", doc: "A vector from numbers: Tensor([1, 2, 3]).") { (_, v: [Double]) in Tensor(v) }
            t.staticMethod("init(_ values: [Int])", doc: "A vector from whole numbers.") { (_, v: [Int]) in Tensor(v.map(Double.init)) }
            t.staticMethod("init(_ rows: [[Double]])", doc: "A matrix from rows: Tensor([[1, 2], [3, 4]]).") { (_, rows: [[Double]]) in
                try Tensor(rows)
            }
            t.staticMethod("init(_ values: [[[Double]]])", doc: "A rank-3 tensor from nested arrays.") { (_, v: [[[Double]]]) in try Tensor(v) }
            t.staticMethod("init(stacking tensors: [Tensor])", doc: "Tensors of one shape stacked along a new first axis.") { (_, ts: [Tensor]) in
                try Tensor.stack(ts, axis: 0)
            }
            t.staticMethod("init(_ value: Double)", doc: "A scalar (rank-0) tensor.") { (_, v: Double) in Tensor(v) }
            t.staticMethod("init(shape: [Int], scalars: [Double])", doc: "A tensor of the given shape from its elements in row-major order.") {
                (_, shape: [Int], scalars: [Double]) in try Tensor(shape: shape, data: scalars)
            }
            t.staticMethod("static func zeros(_ shape: [Int]) -> Tensor", doc: "All zeros.") { (cx, shape: [Int]) in
                try checkElements(shape, cx)
                return try Tensor.zeros(shape)
            }
            t.staticMethod("static func ones(_ shape: [Int]) -> Tensor", doc: "All ones.") { (cx, shape: [Int]) in
                try checkElements(shape, cx)
                return try Tensor.ones(shape)
            }
            t.staticMethod("static func full(_ shape: [Int], value: Double) -> Tensor", doc: "Every element equal to value.") { (cx, shape: [Int], v: Double) in
                try checkElements(shape, cx)
                return try Tensor.full(shape, value: v)
            }
            t.staticMethod("static func eye(_ n: Int) -> Tensor", doc: "The n × n identity matrix.") { (cx, n: Int) in
                try checkElements([n, n], cx)
                return try Tensor.eye(n)
            }
            t.staticMethod("static func arange(_ n: Int) -> Tensor", doc: "0, 1, …, n − 1.") { (cx, n: Int) in
                try checkElements([n], cx)
                return try Tensor.arange(n)
            }
            t.staticMethod("static func arange(_ start: Double, _ end: Double, step: Double = 1) -> Tensor", doc: "From start up to (not including) end in steps.") {
                (_, a: Double, b: Double, step: Double) in try Tensor.arange(a, b, step: step)
            }
            t.staticMethod("static func linspace(_ start: Double, _ end: Double, count: Int) -> Tensor", doc: "count evenly spaced values from start to end inclusive.") {
                (cx, a: Double, b: Double, n: Int) in
                try checkElements([n], cx)
                return try Tensor.linspace(a, b, count: n)
            }
            t.staticMethod("static func randomNormal(_ shape: [Int], mean: Double = 0, standardDeviation: Double = 1) -> Tensor",
                           doc: "Normal draws from the notebook's seeded generator.") { (cx, shape: [Int], mean: Double, sd: Double) in
                try checkElements(shape, cx)
                return try Tensor.randomNormal(shape, mean: mean, standardDeviation: sd, using: cx.generator)
            }
            t.staticMethod("static func randomUniform(_ shape: [Int], low: Double = 0, high: Double = 1) -> Tensor",
                           doc: "Uniform draws in [low, high) from the notebook's seeded generator.") { (cx, shape: [Int], low: Double, high: Double) in
                try checkElements(shape, cx)
                return try Tensor.randomUniform(shape, low: low, high: high, using: cx.generator)
            }
            t.staticMethod("static func bernoulli(probabilities: Tensor) -> Tensor",
                           doc: "A 0/1 draw for each element, 1 with its probability, from the notebook's seeded generator.") {
                (cx, p: Tensor) in try Tensor.bernoulli(p, using: cx.generator)
            }
            t.staticMethod("static func categorical(probabilities: Tensor) -> Tensor",
                           doc: "One class index per row (the last axis holds non-negative weights), from the notebook's seeded generator.") {
                (cx, p: Tensor) in try Tensor.categorical(probabilities: p, using: cx.generator)
            }
            t.staticMethod("static func categorical(logits: Tensor) -> Tensor",
                           doc: "One class index per row, drawn with probabilities softmax(logits) along the last axis.") {
                (cx, l: Tensor) in try Tensor.categorical(logits: l, using: cx.generator)
            }
            t.staticMethod("static func concatenate(_ tensors: [Tensor], axis: Int = 0) -> Tensor", doc: "Joins tensors along an existing axis.") {
                (_, ts: [Tensor], axis: Int) in try Tensor.concatenate(ts, axis: axis)
            }
            t.staticMethod("static func stack(_ tensors: [Tensor], axis: Int = 0) -> Tensor", doc: "Joins tensors along a new axis.") {
                (_, ts: [Tensor], axis: Int) in try Tensor.stack(ts, axis: axis)
            }

            // Properties
            t.property("var shape: [Int]", doc: "The size of each axis.") { (x: Tensor) in x.shape }
            t.property("var rank: Int", doc: "The number of axes.") { (x: Tensor) in x.rank }
            t.property("var count: Int", doc: "The number of elements.") { (x: Tensor) in x.count }
            t.property("var item: Double", doc: "The only element of a one-element tensor.") { (x: Tensor) in x.noteReadAsNumbers(by: "`.item`"); return try x.item }
            t.property("var scalars: [Double]", doc: "The elements in row-major order, as an array.") { (x: Tensor) in x.noteReadAsNumbers(by: "`.scalars`"); return x.scalars }
            t.property("var rows: [[Double]]", doc: "A matrix's rows as arrays (for plots).") { (x: Tensor) -> [[Double]] in
                guard x.rank == 2 else { throw TensorError.invalidShape(operation: "rows", shape: x.shape, reason: "needs a matrix") }
                let cols = x.shape[1]
                x.noteReadAsNumbers(by: "`.rows`")
                return (0..<x.shape[0]).map { r in Array(x.scalars[(r * cols)..<((r + 1) * cols)]) }
            }
            t.property("var T: Tensor", doc: "The transpose (last two axes swapped).") { (x: Tensor) in x.T }

            // Shapes
            t.method("func reshaped(_ shape: [Int]) -> Tensor", doc: "The same elements in a new shape (one axis may be -1).") { (x: Tensor, s: [Int]) in
                try x.reshaped(s)
            }
            t.method("func flattened() -> Tensor", doc: "The elements as one axis.") { (x: Tensor) in x.flattened() }
            t.method("func transposed() -> Tensor", doc: "The last two axes swapped.") { (x: Tensor) in x.transposed() }
            t.method("func permuted(_ axes: [Int]) -> Tensor", doc: "The axes in a new order.") { (x: Tensor, axes: [Int]) in try x.permuted(axes) }
            t.method("func expandedDimensions(axis: Int) -> Tensor", doc: "A new axis of size 1.") { (x: Tensor, axis: Int) in
                try x.expandedDimensions(axis: axis)
            }
            t.method("func unsqueezed(axis: Int) -> Tensor", doc: "A new axis of size 1 (PyTorch's unsqueeze; the same as expandedDimensions).") {
                (x: Tensor, axis: Int) in try x.expandedDimensions(axis: axis)
            }
            t.method("func squeezed(axis: Int) -> Tensor", doc: "The axis of size 1 removed.") { (x: Tensor, axis: Int) in
                try x.squeezed(axis: axis)
            }
            t.method("func tiled(_ repeats: [Int]) -> Tensor", doc: "The tensor repeated along each axis (NumPy's tile, PyTorch's repeat).") {
                (x: Tensor, r: [Int]) in try x.tiled(r)
            }
            t.method("func repeated(_ count: Int, axis: Int) -> Tensor",
                     doc: "Each element repeated count times along an axis, one after another (NumPy's repeat, PyTorch's repeat_interleave).") {
                (x: Tensor, n: Int, a: Int) in try x.repeated(n, axis: a)
            }
            t.method("func squeezed() -> Tensor", doc: "Axes of size 1 removed.") { (x: Tensor) in x.squeezed() }
            t.method("func take(_ indices: [Int], axis: Int = 0) -> Tensor", doc: "The slices at the given indices along an axis.") {
                (x: Tensor, i: [Int], axis: Int) in try x.take(i, axis: axis)
            }
            t.method("func oneHot(classes: Int) -> Tensor", doc: "Integer labels as one-hot rows.") { (x: Tensor, k: Int) in try x.oneHot(classes: k) }
            t.contextMethod("func shuffled() -> Tensor", doc: "The rows in a random order (notebook generator).") { (cx, x: Tensor) in
                try x.shuffled(using: cx.generator)
            }

            // Indexing
            t.subscriptMember("subscript(_ indices: (any TensorIndex)?...) -> Tensor",
                              doc: "Elements or slices: x[0], x[0..<10], x[i, j]; nil adds an axis of size 1 (x[nil, 0..<3]).", get: { call in
                let x = try Tensor.fromCell(call.receiver, call)
                return .tensor(try x.indexed(try tensorIndices(call[0].arrayValue)))
            }, set: { call in
                let x = try Tensor.fromCell(call.receiver, call)
                let replacement = try Tensor.fromCell(call[1], call)
                call.receiver = .tensor(try x.replacing(try tensorIndices(call[0].arrayValue), with: replacement))
                return .void
            })
            let scalarSubscript = t.subscriptMember("subscript(_ indices: (any TensorIndex)?...) -> Double",
                                                    doc: "One element as a Double, where a Double is expected: x[i, j].", get: { call in
                let x = try Tensor.fromCell(call.receiver, call)
                x.noteReadAsNumbers(by: "an element read as a Double (x[i, j])")
                return .double(try x.indexed(try tensorIndices(call[0].arrayValue)).item)
            }, set: { call in
                let x = try Tensor.fromCell(call.receiver, call)
                let value = try Double.fromCell(call[1], call)
                call.receiver = .tensor(try x.replacing(try tensorIndices(call[0].arrayValue), with: Tensor(value)))
                return .void
            })
            scalarSubscript.getter.isDisfavored = true
            // `...` first stands for every leading axis the other indices leave: x[..., 1] is the
            // last axis' element 1 of every row, as NumPy's and PyTorch's Ellipsis.
            t.subscriptMember("subscript(_ leading: UnboundedRange, _ indices: (any TensorIndex)?...) -> Tensor",
                              doc: "Indices of the last axes, every leading axis kept: x[..., 1], x[..., 0..<2].", get: { call in
                let x = try Tensor.fromCell(call.receiver, call)
                return .tensor(try x.indexed([.ellipsis] + (try tensorIndices(call[1].arrayValue))))
            }, set: { call in
                let x = try Tensor.fromCell(call.receiver, call)
                let indices = [TensorIndex.ellipsis] + (try tensorIndices(call[1].arrayValue))
                call.receiver = .tensor(try x.replacing(indices, with: try Tensor.fromCell(call[2], call)))
                return .void
            })
            let scalarEllipsisSubscript = t.subscriptMember("subscript(_ leading: UnboundedRange, _ indices: (any TensorIndex)?...) -> Double",
                                                            doc: "One element as a Double; assigning a number writes it: x[..., 0] = 0.", get: { call in
                let x = try Tensor.fromCell(call.receiver, call)
                x.noteReadAsNumbers(by: "an element read as a Double (x[..., i])")
                return .double(try x.indexed([.ellipsis] + (try tensorIndices(call[1].arrayValue))).item)
            }, set: { call in
                let x = try Tensor.fromCell(call.receiver, call)
                let indices = [TensorIndex.ellipsis] + (try tensorIndices(call[1].arrayValue))
                call.receiver = .tensor(try x.replacing(indices, with: Tensor(try Double.fromCell(call[2], call))))
                return .void
            })
            scalarEllipsisSubscript.getter.isDisfavored = true
            // Boolean masks, as PyTorch: x[x > 0] reads the selected elements as a vector,
            // x[x > 0] = 0 (or = a vector of values) writes them.
            t.subscriptMember("subscript(_ mask: Tensor) -> Tensor",
                              doc: "The elements where a mask from a comparison is 1, as a vector: x[x > 0]; assigning writes them.", get: { call in
                let x = try Tensor.fromCell(call.receiver, call)
                return .tensor(try x.masked(try Tensor.fromCell(call[0], call)))
            }, set: { call in
                let x = try Tensor.fromCell(call.receiver, call)
                call.receiver = .tensor(try x.replacing(mask: try Tensor.fromCell(call[0], call), with: try Tensor.fromCell(call[1], call)))
                return .void
            })
            let maskNumberSubscript = t.subscriptMember("subscript(_ mask: Tensor) -> Double",
                                                        doc: "Writes one number where a mask is 1: x[x < 0] = 0.", get: { call in
                throw CellFailure(.runtime, "a mask selects a vector of elements: read x[mask] as a Tensor")
            }, set: { call in
                let x = try Tensor.fromCell(call.receiver, call)
                call.receiver = .tensor(try x.replacing(mask: try Tensor.fromCell(call[0], call), with: try Double.fromCell(call[1], call)))
                return .void
            })
            maskNumberSubscript.getter.isDisfavored = true

            // Arithmetic and maths
            t.method("func matmul(_ other: Tensor) -> Tensor", doc: "The matrix product (batched over leading axes).") { (a: Tensor, b: Tensor) in
                try a.matmul(b)
            }
            t.method("func pow(_ exponent: Double) -> Tensor", doc: "Each element raised to a power.") { (x: Tensor, p: Double) in x.pow(p) }
            t.method("func clamped(min: Double, max: Double) -> Tensor", doc: "Each element limited to [min, max].") {
                (x: Tensor, lo: Double, hi: Double) in x.clamped(min: lo, max: hi)
            }
            for (name, doc, f) in Self.tensorUnaries {
                t.method("func \(name)() -> Tensor", doc: doc) { (x: Tensor) in f(x) }
            }

            // Reductions
            let reductions: [(String, String, (Tensor) throws -> Tensor, (Tensor, Int, Bool) throws -> Tensor)] = [
                ("sum", "The sum", { $0.sum() }, { try $0.sum(axis: $1, keepDims: $2) }),
                ("mean", "The mean", { $0.mean() }, { try $0.mean(axis: $1, keepDims: $2) }),
                ("variance", "The population variance (dividing by n; NumPy's default, not PyTorch's: pass correction: 1 for n − 1)", { try $0.variance() }, { try $0.variance(axis: $1, keepDims: $2) }),
                ("standardDeviation", "The population standard deviation (dividing by n; correction: 1 for n − 1)", { try $0.standardDeviation() },
                 { try $0.standardDeviation(axes: [$1], keepDims: $2) }),
                ("max", "The largest element", { try $0.max() }, { try $0.max(axis: $1, keepDims: $2) }),
                ("min", "The smallest element", { try $0.min() }, { try $0.min(axis: $1, keepDims: $2) }),
                ("logSumExp", "log Σ exp, computed stably", { $0.logSumExp() }, { try $0.logSumExp(axis: $1, keepDims: $2) }),
            ]
            for (name, doc, all, along) in reductions {
                t.method("func \(name)() -> Double", doc: "\(doc) of all elements.") { (x: Tensor) in
                    x.noteReadAsNumbers(by: "`.\(name)()` as a Double")
                    return try all(x).item
                }
                let asTensor = t.method("func \(name)() -> Tensor", doc: "\(doc) of all elements, as a one-element Tensor (for gradients).") {
                    (x: Tensor) in try all(x)
                }
                asTensor.isDisfavored = true
                t.method("func \(name)(axis: Int, keepDims: Bool = false) -> Tensor", doc: "\(doc) along an axis.") {
                    (x: Tensor, axis: Int, keep: Bool) in try along(x, axis, keep)
                }
            }
            // Both denominators: `correction: 1` divides by n − 1 (the unbiased variance, PyTorch's default).
            t.method("func variance(correction: Int) -> Double", doc: "The variance of all elements, dividing by n − correction.") {
                (x: Tensor, c: Int) in
                x.noteReadAsNumbers(by: "`.variance(correction:)` as a Double")
                return try x.variance(correction: c).item
            }
            t.method("func variance(correction: Int) -> Tensor", doc: "The variance of all elements as a Tensor (for gradients).") {
                (x: Tensor, c: Int) in try x.variance(correction: c)
            }.isDisfavored = true
            t.method("func variance(axis: Int, keepDims: Bool = false, correction: Int) -> Tensor",
                     doc: "The variance along an axis, dividing by n − correction.") { (x: Tensor, a: Int, k: Bool, c: Int) in
                try x.variance(axis: a, keepDims: k, correction: c)
            }
            t.method("func standardDeviation(correction: Int) -> Double", doc: "The standard deviation of all elements, dividing by n − correction.") {
                (x: Tensor, c: Int) in
                x.noteReadAsNumbers(by: "`.standardDeviation(correction:)` as a Double")
                return try x.standardDeviation(correction: c).item
            }
            t.method("func standardDeviation(axis: Int, keepDims: Bool = false, correction: Int) -> Tensor",
                     doc: "The standard deviation along an axis, dividing by n − correction.") { (x: Tensor, a: Int, k: Bool, c: Int) in
                try x.standardDeviation(axes: [a], keepDims: k, correction: c)
            }
            // Order statistics, running sums and norms.
            t.method("func sorted(axis: Int = -1, descending: Bool = false) -> Tensor", doc: "The elements sorted along an axis (stable).") {
                (x: Tensor, a: Int, d: Bool) in try x.sorted(axis: a, descending: d)
            }
            t.method("func sortingIndices(axis: Int = -1, descending: Bool = false) -> Tensor",
                     doc: "The positions that sort each slice along an axis (argsort).") { (x: Tensor, a: Int, d: Bool) in
                try x.sortingIndices(axis: a, descending: d)
            }
            t.method("func median() -> Double", doc: "The median of all elements (the lower middle value for an even count, as torch.median).") {
                (x: Tensor) in
                x.noteReadAsNumbers(by: "`.median()` as a Double")
                return try x.median().item
            }
            t.method("func median(axis: Int, keepDims: Bool = false) -> Tensor", doc: "The median along an axis (the lower middle value for an even count).") {
                (x: Tensor, a: Int, k: Bool) in try x.median(axis: a, keepDims: k)
            }
            t.method("func quantile(_ q: Double, axis: Int, keepDims: Bool = false) -> Tensor",
                     doc: "The q-quantile along an axis, interpolating linearly (torch.quantile; q = 0.5 averages the middle two).") {
                (x: Tensor, q: Double, a: Int, k: Bool) in try x.quantile(q, axis: a, keepDims: k)
            }
            t.method("func cumulativeSum(axis: Int) -> Tensor", doc: "The running sum along an axis.") { (x: Tensor, a: Int) in
                try x.cumulativeSum(axis: a)
            }
            t.method("func cumsum(axis: Int) -> Tensor", doc: "The running sum along an axis (NumPy's and PyTorch's name for cumulativeSum).") {
                (x: Tensor, a: Int) in try x.cumulativeSum(axis: a)
            }
            t.method("func norm() -> Double", doc: "The Euclidean (Frobenius) norm of all elements.") { (x: Tensor) in
                x.noteReadAsNumbers(by: "`.norm()` as a Double")
                return x.norm().scalars[0]
            }
            t.method("func norm() -> Tensor", doc: "The norm as a one-element Tensor (for gradients).") { (x: Tensor) in x.norm() }.isDisfavored = true
            t.method("func norm(axis: Int, keepDims: Bool = false) -> Tensor", doc: "The Euclidean norm along an axis.") {
                (x: Tensor, a: Int, k: Bool) in try x.norm(axis: a, keepDims: k)
            }
            t.method("func argmax() -> Int", doc: "The flat index of the largest element.") { (x: Tensor) in try x.argmax() }
            t.method("func argmax(axis: Int) -> Tensor", doc: "The index of the largest element along an axis.") { (x: Tensor, a: Int) in
                try x.argmax(axis: a)
            }
            t.method("func argmin() -> Int", doc: "The flat index of the smallest element.") { (x: Tensor) in try x.argmin() }
            t.staticMethod("static func `where`(_ condition: Tensor, _ a: Tensor, _ b: Tensor) -> Tensor",
                           doc: "a where condition is nonzero, else b, broadcasting all three (NumPy's and PyTorch's where).") {
                (_, c: Tensor, a: Tensor, b: Tensor) in try Tensor.where(c, a, b)
            }
            t.method("func diagonal() -> Tensor", doc: "The main diagonal of a matrix (of each matrix of a batch).") { (x: Tensor) in
                try x.diagonal()
            }
            t.method("func trace() -> Double", doc: "The sum of a matrix's main diagonal.") { (x: Tensor) in
                x.noteReadAsNumbers(by: "`.trace()` as a Double")
                return try x.trace().item
            }
            t.method("func trace() -> Tensor", doc: "The trace as a Tensor (for gradients, and of each matrix of a batch).") { (x: Tensor) in
                try x.trace()
            }.isDisfavored = true
            t.method("func argmin(axis: Int) -> Tensor", doc: "The index of the smallest element along an axis.") { (x: Tensor, a: Int) in
                try x.argmin(axis: a)
            }
            t.method("func softmax(axis: Int = -1) -> Tensor", doc: "exp normalised to sum to one along an axis.") { (x: Tensor, a: Int) in
                try x.softmax(axis: a)
            }
            t.method("func logSoftmax(axis: Int = -1) -> Tensor", doc: "log of softmax, computed stably.") { (x: Tensor, a: Int) in
                try x.logSoftmax(axis: a)
            }
        }
        extend(standard.double) { t in
            t.staticMethod("init(_ tensor: Tensor)", doc: "The only element of a one-element tensor.") { (_, x: Tensor) in try x.item }
        }

        // Operators: broadcasting with tensors and numbers on either side.
        let ops: [(String, (Tensor, Tensor) throws -> Tensor)] = [("+", { try $0 + $1 }), ("-", { try $0 - $1 }), ("*", { try $0 * $1 }),
                                                                  ("/", { try $0 / $1 }), (".<", { try $0 .< $1 }), (".<=", { try $0 .<= $1 }),
                                                                  (".>", { try $0 .> $1 }), (".>=", { try $0 .>= $1 }), (".==", { try $0 .== $1 }),
                                                                  (".!=", { try $0 .!= $1 })]
        for (op, f) in ops {
            typedFunction("func \(op) (lhs: Tensor, rhs: Tensor) -> Tensor") { (_, a: Tensor, b: Tensor) in try f(a, b) }
            typedFunction("func \(op) (lhs: Tensor, rhs: Double) -> Tensor") { (_, a: Tensor, b: Double) in try f(a, Tensor(b)) }
            typedFunction("func \(op) (lhs: Double, rhs: Tensor) -> Tensor") { (_, a: Double, b: Tensor) in try f(Tensor(a), b) }
        }
        // Comparisons with a number, as NumPy and PyTorch write them (`x > 0.5`, `x == 0`): a mask of
        // ones and zeros. Between two tensors the ordering ones too; `==` of two tensors stays
        // Swift's equality (a Bool), and `.==` compares elementwise.
        let comparisons: [(String, (Tensor, Tensor) throws -> Tensor)] = [("<", { try $0 .< $1 }), ("<=", { try $0 .<= $1 }),
                                                                          (">", { try $0 .> $1 }), (">=", { try $0 .>= $1 }),
                                                                          ("==", { try $0 .== $1 }), ("!=", { try $0 .!= $1 })]
        for (op, f) in comparisons {
            typedFunction("func \(op) (lhs: Tensor, rhs: Double) -> Tensor", doc: "A mask: 1 where the comparison holds, else 0.") {
                (_, a: Tensor, b: Double) in try f(a, Tensor(b))
            }
            typedFunction("func \(op) (lhs: Double, rhs: Tensor) -> Tensor", doc: "A mask: 1 where the comparison holds, else 0.") {
                (_, a: Double, b: Tensor) in try f(Tensor(a), b)
            }
            if op != "==" && op != "!=" {
                typedFunction("func \(op) (lhs: Tensor, rhs: Tensor) -> Tensor", doc: "A mask: 1 where the comparison holds, else 0.") {
                    (_, a: Tensor, b: Tensor) in try f(a, b)
                }
            }
        }
        typedFunction("func • (lhs: Tensor, rhs: Tensor) -> Tensor", doc: "The matrix product.") { (_, a: Tensor, b: Tensor) in try a.matmul(b) }
        typedFunction("prefix func - (x: Tensor) -> Tensor") { (_, x: Tensor) in -x }
        typedFunction("func matmul(_ a: Tensor, _ b: Tensor) -> Tensor", doc: "The matrix product of a and b (also a • b).", topic: "Tensors") {
            (_, a: Tensor, b: Tensor) in try a.matmul(b)
        }
        // The elementwise functions, beside the Double ones: exp(x) on a tensor is x.exp().
        for (name, doc, f) in Self.tensorUnaries where ["exp", "log", "log1p", "sqrt", "abs", "sin", "cos", "tanh"].contains(name) {
            typedFunction("func \(name)(_ x: Tensor) -> Tensor", doc: doc, topic: "Tensors") { (_, x: Tensor) in f(x) }
        }
        typedFunction("func pow(_ x: Tensor, _ exponent: Double) -> Tensor", doc: "Each element raised to a power.", topic: "Tensors") {
            (_, x: Tensor, p: Double) in x.pow(p)
        }

        // Linear algebra.
        let linalg = libraryDecl("Linalg")
        extend(linalg) { t in
            t.staticMethod("static func cholesky(_ a: Tensor) -> Tensor", doc: "Lower-triangular L with L Lᵀ = a (a symmetric positive definite).") {
                (_, a: Tensor) in try Linalg.cholesky(a)
            }
            t.staticMethod("static func eigh(_ a: Tensor) -> (eigenvalues: Tensor, eigenvectors: Tensor)",
                           doc: "Eigenvalues (ascending) and eigenvectors (columns) of a symmetric matrix.") { (_, a: Tensor) in
                let (values, vectors) = try Linalg.eigh(a)
                return Pair(values, vectors)
            }
            t.staticMethod("static func solve(_ a: Tensor, _ b: Tensor) -> Tensor", doc: "x with a x = b.") { (_, a: Tensor, b: Tensor) in
                try Linalg.solve(a, b)
            }
            t.staticMethod("static func inverse(_ a: Tensor) -> Tensor", doc: "The inverse matrix.") { (_, a: Tensor) in try Linalg.inverse(a) }
            t.staticMethod("static func logDeterminant(_ a: Tensor) -> Double", doc: "log det a of a positive definite matrix.") { (_, a: Tensor) in
                a.noteReadAsNumbers(by: "`Linalg.logDeterminant` as a Double")
                return try Linalg.logDeterminant(a).item
            }
            t.staticMethod("static func logDeterminant(_ a: Tensor) -> Tensor",
                           doc: "log det a as a one-element Tensor (for gradients: its gradient is a⁻ᵀ).") { (_, a: Tensor) in
                try Linalg.logDeterminant(a)
            }.isDisfavored = true
            t.staticMethod("static func svd(_ a: Tensor) -> (u: Tensor, singularValues: Tensor, vt: Tensor)",
                           doc: "The singular value decomposition a = u diag(s) vt.") { (_, a: Tensor) in
                let (u, s, vt) = try Linalg.svd(a)
                return Triple(u, s, vt)
            }
            t.staticMethod("static func principalAngles(_ a: Tensor, _ b: Tensor) -> [Double]",
                           doc: "The angles (radians, ascending) between the column spans of a and b: 0 when the subspaces agree.") {
                (cx, a: Tensor, b: Tensor) -> [Double] in
                guard a.rank == 2, b.rank == 2, a.shape[0] == b.shape[0] else {
                    throw cx.fail("principalAngles needs two matrices with the same number of rows, got shapes \(a.shape) and \(b.shape)")
                }
                let qa = try Linalg.svd(a).u, qb = try Linalg.svd(b).u
                let cosines = try Linalg.svd(qa.T.matmul(qb)).singularValues.scalars
                return cosines.map { Foundation.acos(Swift.min(1, Swift.max(-1, $0))) }
            }
        }

        // Differentiation.
        typedFunction("func grad(at x: Tensor, _ f: (Tensor) -> Tensor) -> Tensor", doc: "The gradient of a scalar function of a tensor.",
                      topic: "Gradients") { (_, x: Tensor, f: CellFunction1<Tensor, Tensor>) in
            try Tensors.grad(at: x) { try f($0) }
        }
        typedFunction("func grad(at xs: [Tensor], _ f: ([Tensor]) -> Tensor) -> [Tensor]",
                      doc: "The gradients of a scalar function of several tensors, one per tensor: grad(at: [w, b]) { p in … p[0] … p[1] }.",
                      topic: "Gradients") { (_, xs: [Tensor], f: CellFunction1<[Tensor], Tensor>) in
            try Tensors.grad(at: xs) { try f($0) }
        }
        typedFunction("func valueAndGrad(at xs: [Tensor], _ f: ([Tensor]) -> Tensor) -> (value: Double, gradients: [Tensor])",
                      doc: "A scalar function's value and its gradients with respect to several tensors.", topic: "Gradients") {
            (_, xs: [Tensor], f: CellFunction1<[Tensor], Tensor>) in
            let (value, gradients) = try Tensors.valueAndGrad(at: xs) { try f($0) }
            return Pair(try value.item, gradients)
        }
        typedFunction("func valueAndGrad(at x: Tensor, _ f: (Tensor) -> Tensor) -> (value: Double, gradient: Tensor)",
                      doc: "A scalar function's value and gradient at x.", topic: "Gradients") { (_, x: Tensor, f: CellFunction1<Tensor, Tensor>) in
            let (value, gradient) = try Tensors.valueAndGrad(at: x) { try f($0) }
            return Pair(try value.item, gradient)
        }
    }

    /// The elementwise functions tensors have as methods.
    nonisolated(unsafe) static let tensorUnaries: [(String, String, (Tensor) -> Tensor)] = [
        ("exp", "e raised to each element.", { $0.exp() }),
        ("log", "The natural logarithm of each element.", { $0.log() }),
        ("log1p", "log(1 + x), accurate for small x.", { $0.log1p() }),
        ("sqrt", "The square root of each element.", { $0.sqrt() }),
        ("abs", "The absolute value of each element.", { $0.abs() }),
        ("square", "Each element squared.", { $0.square() }),
        ("sin", "Sine of each element.", { $0.sin() }),
        ("cos", "Cosine of each element.", { $0.cos() }),
        ("tanh", "Hyperbolic tangent of each element.", { $0.tanh() }),
        ("sigmoid", "1 / (1 + e^−x) of each element.", { $0.sigmoid() }),
        ("softplus", "log(1 + eˣ) of each element.", { $0.softplus() }),
        ("relu", "max(0, x) of each element.", { $0.relu() }),
    ]
}

/// Tensor indices from what a cell wrote in `x[…]`: Ints and ranges (as existentials), and nil
/// for a new axis of size 1.
func tensorIndices(_ parts: [Value]) throws -> [TensorIndex] {
    try parts.map { part in
        if case .none = part { return .newAxis }
        var v = part
        var closed = false
        if case .existential(let box) = v {
            v = box.value
            if case .nominal(let d, _) = box.type, d.name == "ClosedRange" || d.name == "PartialRangeThrough" { closed = true }
        }
        switch v {
        case .int(let i): return .index(i)
        case .intRange(let l, let u):
            return .range(start: l == Int.min ? nil : l, end: u == Int.max ? nil : (closed ? u + 1 : u), step: 1)
        default:
            throw TensorError.invalidArgument(operation: "subscript", reason: "a tensor index must be an Int or a range of Ints")
        }
    }
}

/// Refuses a tensor whose element count passes the session's limit, before allocating it.
func checkElements(_ shape: [Int], _ cx: LibraryContext) throws {
    var n = 1
    for d in shape {
        guard d >= 0 else { return }
        let (p, o) = n.multipliedReportingOverflow(by: d)
        if o || p > cx.maxElements { throw CellFailure(.resourceLimit, "a tensor of shape \(shape) has more elements than the limit of \(cx.maxElements)") }
        n = p
    }
}
