import Foundation
import Tensors

extension Registry {
    /// `Tensor`: creation, arithmetic with broadcasting, maths, reductions, shapes, indexing.
    func registerTensors() {
        let t = TypeBinding("Tensor", doc: "An n-dimensional array of Doubles with broadcasting arithmetic and gradients.")

        // Creation
        t.initializer(NativeFunction("init(_ values: [Double])", doc: "A tensor from (nested) arrays of numbers: Tensor([[1, 2], [3, 4]]).") { call in
            .tensor(try call.tensor(0))
        })
        t.initializer(NativeFunction("init(shape: [Int], scalars: [Double])", doc: "A tensor of the given shape from its elements in row-major order.") { call in
            .tensor(try Tensor(shape: try call.ints(0), data: try call.doubles(1)))
        })
        t.staticMethod(NativeFunction("zeros(_ shape: [Int]) -> Tensor", doc: "All zeros.") { call in .tensor(try Tensor.zeros(try call.ints(0))) })
        t.staticMethod(NativeFunction("ones(_ shape: [Int]) -> Tensor", doc: "All ones.") { call in .tensor(try Tensor.ones(try call.ints(0))) })
        t.staticMethod(NativeFunction("full(_ shape: [Int], value: Double) -> Tensor", doc: "Every element equal to value.") { call in
            .tensor(try Tensor.full(try call.ints(0), value: try call.double(1)))
        })
        t.staticMethod(NativeFunction("eye(_ n: Int) -> Tensor", doc: "The n × n identity matrix.") { call in .tensor(try Tensor.eye(try call.int(0))) })
        t.staticMethod(NativeFunction("arange(_ n: Int) -> Tensor", doc: "0, 1, …, n − 1.") { call in .tensor(try Tensor.arange(try call.int(0))) })
        t.staticMethod(NativeFunction("arange(_ start: Double, _ end: Double, step: Double = 1) -> Tensor", doc: "From start up to (not including) end in steps.") { call in
            .tensor(try Tensor.arange(try call.double(0), try call.double(1), step: try call.double(2, default: 1)))
        })
        t.staticMethod(NativeFunction("linspace(_ start: Double, _ end: Double, count: Int) -> Tensor", doc: "count evenly spaced values from start to end inclusive.") { call in
            .tensor(try Tensor.linspace(try call.double(0), try call.double(1), count: try call.int(2)))
        })
        t.staticMethod(NativeFunction("randomNormal(_ shape: [Int], mean: Double = 0, standardDeviation: Double = 1) -> Tensor",
                                      doc: "Normal draws from the notebook's seeded generator.") { call in
            .tensor(try Tensor.randomNormal(try call.ints(0), mean: try call.double(1, default: 0),
                                            standardDeviation: try call.double(2, default: 1), using: call.generator))
        })
        t.staticMethod(NativeFunction("randomUniform(_ shape: [Int], low: Double = 0, high: Double = 1) -> Tensor",
                                      doc: "Uniform draws in [low, high) from the notebook's seeded generator.") { call in
            .tensor(try Tensor.randomUniform(try call.ints(0), low: try call.double(1, default: 0), high: try call.double(2, default: 1),
                                             using: call.generator))
        })
        t.staticMethod(NativeFunction("concatenate(_ tensors: [Tensor], axis: Int = 0) -> Tensor", doc: "Joins tensors along an existing axis.") { call in
            .tensor(try Tensor.concatenate(try call.tensors(0), axis: try call.int(1, default: 0)))
        })
        t.staticMethod(NativeFunction("stack(_ tensors: [Tensor], axis: Int = 0) -> Tensor", doc: "Joins tensors along a new axis.") { call in
            .tensor(try Tensor.stack(try call.tensors(0), axis: try call.int(1, default: 0)))
        })

        // Properties
        t.property(NativeProperty("shape", "[Int]", doc: "The size of each axis.", get: { v in .array(try v.tensorValue.shape.map(Value.int)) }))
        t.property(NativeProperty("rank", "Int", doc: "The number of axes.", get: { v in .int(try v.tensorValue.rank) }))
        t.property(NativeProperty("count", "Int", doc: "The number of elements.", get: { v in .int(try v.tensorValue.count) }))
        t.property(NativeProperty("item", "Double", doc: "The only element of a one-element tensor.", get: { v in .double(try v.tensorValue.item) }))
        t.property(NativeProperty("scalars", "[Double]", doc: "The elements in row-major order, as an array.", get: { v in
            .array(try v.tensorValue.scalars.map(Value.double))
        }))
        t.property(NativeProperty("rows", "[[Double]]", doc: "A matrix's rows as arrays (for plots).", get: { v in
            let m = try v.tensorValue
            guard m.rank == 2 else { throw TensorError.invalidShape(operation: "rows", shape: m.shape, reason: "needs a matrix") }
            let cols = m.shape[1]
            return .array((0..<m.shape[0]).map { r in .array(m.scalars[(r * cols)..<((r + 1) * cols)].map(Value.double)) })
        }))
        t.property(NativeProperty("T", "Tensor", doc: "The transpose (last two axes swapped).", get: { v in .tensor(try v.tensorValue.T) }))

        // Shapes
        t.method(NativeFunction("reshaped(_ shape: [Int]) -> Tensor", doc: "The same elements in a new shape (one axis may be -1).") { call in
            .tensor(try call.receiverTensor.reshaped(try call.ints(0)))
        })
        t.method(NativeFunction("flattened() -> Tensor", doc: "The elements as one axis.") { call in .tensor(try call.receiverTensor.flattened()) })
        t.method(NativeFunction("transposed() -> Tensor", doc: "The last two axes swapped.") { call in .tensor(try call.receiverTensor.transposed()) })
        t.method(NativeFunction("permuted(_ axes: [Int]) -> Tensor", doc: "The axes in a new order.") { call in
            .tensor(try call.receiverTensor.permuted(try call.ints(0)))
        })
        t.method(NativeFunction("expandedDimensions(axis: Int) -> Tensor", doc: "A new axis of size 1.") { call in
            .tensor(try call.receiverTensor.expandedDimensions(axis: try call.int(0)))
        })
        t.method(NativeFunction("squeezed() -> Tensor", doc: "Axes of size 1 removed.") { call in .tensor(try call.receiverTensor.squeezed()) })
        t.method(NativeFunction("take(_ indices: [Int], axis: Int = 0) -> Tensor", doc: "The slices at the given indices along an axis.") { call in
            .tensor(try call.receiverTensor.take(try call.ints(0), axis: try call.int(1, default: 0)))
        })
        t.method(NativeFunction("oneHot(classes: Int) -> Tensor", doc: "Integer labels as one-hot rows.") { call in
            .tensor(try call.receiverTensor.oneHot(classes: try call.int(0)))
        })
        t.method(NativeFunction("shuffled() -> Tensor", doc: "The rows in a random order (notebook generator).") { call in
            .tensor(try call.receiverTensor.shuffled(using: call.generator))
        })
        t.method(NativeFunction("subscript(_ indices: Any...) -> Tensor", doc: "Elements or slices: x[0], x[0..<10], x[i, j]; a full index gives a Double.") { call in
            let result = try call.receiverTensor.indexed(try tensorIndices(call.values(0), call))
            return result.rank == 0 ? try scalarResult(result) : .tensor(result)
        })
        t.method(NativeFunction("subscriptSet(_ indices: Any...)", doc: "x[i, j] = value.", mutating: true) { call in
            var parts = call.values(0)
            let value = parts.removeLast()
            guard let replacement = try value.asTensor() else { throw call.mismatch(0, expected: "a number or Tensor", got: value) }
            call.receiver = .tensor(try call.receiverTensor.replacing(try tensorIndices(parts, call), with: replacement))
            return .void
        })
        t.method(NativeFunction("elements() -> [Tensor]", doc: "The slices along the first axis, for `for row in x`.") { call in
            let x = try call.receiverTensor
            guard x.rank > 0 else { throw call.fail("a scalar tensor has no rows") }
            return .array(try (0..<x.shape[0]).map { i in
                let row = try x.indexed([.index(i)])
                return row.rank == 0 ? Value.double(try row.item) : .tensor(row)
            })
        })

        // Arithmetic and maths
        t.method(NativeFunction("matmul(_ other: Tensor) -> Tensor", doc: "The matrix product (batched over leading axes).") { call in
            .tensor(try call.receiverTensor.matmul(try call.tensor(0)))
        })
        t.method(NativeFunction("pow(_ exponent: Double) -> Tensor", doc: "Each element raised to a power.") { call in
            .tensor(try call.receiverTensor.pow(try call.double(0)))
        })
        t.method(NativeFunction("clamped(min: Double, max: Double) -> Tensor", doc: "Each element limited to [min, max].") { call in
            .tensor(try call.receiverTensor.clamped(min: try call.double(0), max: try call.double(1)))
        })
        for (name, doc, f) in Self.tensorUnaries {
            t.method(NativeFunction("\(name)() -> Tensor", doc: doc) { call in .tensor(f(try call.receiverTensor)) })
        }

        // Reductions
        let reductions: [(String, String, (Tensor) throws -> Tensor, (Tensor, Int, Bool) throws -> Tensor)] = [
            ("sum", "The sum", { $0.sum() }, { try $0.sum(axis: $1, keepDims: $2) }),
            ("mean", "The mean", { $0.mean() }, { try $0.mean(axis: $1, keepDims: $2) }),
            ("variance", "The (population) variance", { try $0.variance() }, { try $0.variance(axis: $1, keepDims: $2) }),
            ("standardDeviation", "The (population) standard deviation", { try $0.standardDeviation() },
             { try $0.standardDeviation(axes: [$1], keepDims: $2) }),
            ("max", "The largest element", { try $0.max() }, { try $0.max(axis: $1, keepDims: $2) }),
            ("min", "The smallest element", { try $0.min() }, { try $0.min(axis: $1, keepDims: $2) }),
            ("logSumExp", "log Σ exp, computed stably", { $0.logSumExp() }, { try $0.logSumExp(axis: $1, keepDims: $2) }),
        ]
        for (name, doc, all, along) in reductions {
            t.method(NativeFunction("\(name)() -> Double", doc: "\(doc) of all elements.") { call in
                try scalarResult(try all(try call.receiverTensor))
            })
            t.method(NativeFunction("\(name)(axis: Int, keepDims: Bool = false) -> Tensor", doc: "\(doc) along an axis.") { call in
                .tensor(try along(try call.receiverTensor, try call.int(0), try call.bool(1, default: false)))
            })
        }
        t.method(NativeFunction("argmax() -> Int", doc: "The flat index of the largest element.") { call in .int(try call.receiverTensor.argmax()) })
        t.method(NativeFunction("argmax(axis: Int) -> Tensor", doc: "The index of the largest element along an axis.") { call in
            .tensor(try call.receiverTensor.argmax(axis: try call.int(0)))
        })
        t.method(NativeFunction("argmin() -> Int", doc: "The flat index of the smallest element.") { call in .int(try call.receiverTensor.argmin()) })
        t.method(NativeFunction("softmax(axis: Int = -1) -> Tensor", doc: "exp normalised to sum to one along an axis.") { call in
            .tensor(try call.receiverTensor.softmax(axis: try call.int(0, default: -1)))
        })
        t.method(NativeFunction("logSoftmax(axis: Int = -1) -> Tensor", doc: "log of softmax, computed stably.") { call in
            .tensor(try call.receiverTensor.logSoftmax(axis: try call.int(0, default: -1)))
        })
        type(t, topic: "Tensors")

        // Operators: broadcasting with tensors and numbers on either side.
        let ops: [(BinaryOperator, (Tensor, Tensor) throws -> Tensor)] = [
            (.add, { try $0 + $1 }), (.subtract, { try $0 - $1 }), (.multiply, { try $0 * $1 }), (.divide, { try $0 / $1 }),
        ]
        for (op, f) in ops {
            for (l, r) in [("Tensor", "Tensor"), ("Tensor", "Number"), ("Number", "Tensor"), ("Tensor", "Array"), ("Array", "Tensor")] {
                binaryOperator(op, l, r) { a, b in .tensor(try f(try a.asTensor()!, try b.asTensor()!)) }
            }
        }
        let comparisons: [(BinaryOperator, (Tensor, Tensor) throws -> Tensor)] = [
            (.elementLess, { try $0 .< $1 }), (.elementLessEqual, { try $0 .<= $1 }), (.elementGreater, { try $0 .> $1 }),
            (.elementGreaterEqual, { try $0 .>= $1 }), (.elementEqual, { try $0 .== $1 }), (.elementNotEqual, { try $0 .!= $1 }),
        ]
        for (op, f) in comparisons {
            for (l, r) in [("Tensor", "Tensor"), ("Tensor", "Number"), ("Number", "Tensor")] {
                binaryOperator(op, l, r) { a, b in .tensor(try f(try a.asTensor()!, try b.asTensor()!)) }
            }
        }
        binaryOperator(.matmul, "Tensor", "Tensor") { a, b in .tensor(try a.asTensor()!.matmul(try b.asTensor()!)) }
        negation("Tensor") { v in .tensor(-(try v.tensorValue)) }

        // Free functions people reach for: matmul(a, b), and the linear algebra.
        function(NativeFunction("matmul(_ a: Tensor, _ b: Tensor) -> Tensor", doc: "The matrix product of a and b (also a • b).") { call in
            .tensor(try call.tensor(0).matmul(try call.tensor(1)))
        }, topic: "Tensors")
        let linalg = TypeBinding("Linalg", doc: "Linear algebra through LAPACK.")
        linalg.staticMethod(NativeFunction("cholesky(_ a: Tensor) -> Tensor", doc: "Lower-triangular L with L Lᵀ = a (a symmetric positive definite).") { call in
            .tensor(try Linalg.cholesky(try call.tensor(0)))
        })
        linalg.staticMethod(NativeFunction("eigh(_ a: Tensor) -> (eigenvalues: Tensor, eigenvectors: Tensor)",
                                           doc: "Eigenvalues (ascending) and eigenvectors (columns) of a symmetric matrix.") { call in
            let (values, vectors) = try Linalg.eigh(try call.tensor(0))
            return .tuple(TupleValue([.tensor(values), .tensor(vectors)], labels: ["eigenvalues", "eigenvectors"]))
        })
        linalg.staticMethod(NativeFunction("solve(_ a: Tensor, _ b: Tensor) -> Tensor", doc: "x with a x = b.") { call in
            .tensor(try Linalg.solve(try call.tensor(0), try call.tensor(1)))
        })
        linalg.staticMethod(NativeFunction("inverse(_ a: Tensor) -> Tensor", doc: "The inverse matrix.") { call in
            .tensor(try Linalg.inverse(try call.tensor(0)))
        })
        linalg.staticMethod(NativeFunction("logDeterminant(_ a: Tensor) -> Double", doc: "log det a of a positive definite matrix.") { call in
            .double(try Linalg.logDeterminant(try call.tensor(0)).item)
        })
        linalg.staticMethod(NativeFunction("svd(_ a: Tensor) -> (u: Tensor, singularValues: Tensor, vt: Tensor)", doc: "The singular value decomposition a = u diag(s) vt.") { call in
            let (u, s, vt) = try Linalg.svd(try call.tensor(0))
            return .tuple(TupleValue([.tensor(u), .tensor(s), .tensor(vt)], labels: ["u", "singularValues", "vt"]))
        })
        linalg.staticMethod(NativeFunction("principalAngles(_ a: Tensor, _ b: Tensor) -> [Double]",
                                           doc: "The angles (radians, ascending) between the column spans of a and b: 0 when the subspaces agree.") { call in
            let a = try call.tensor(0), b = try call.tensor(1)
            guard a.rank == 2, b.rank == 2, a.shape[0] == b.shape[0] else {
                throw call.fail("needs two matrices with the same number of rows, got shapes \(a.shape) and \(b.shape)")
            }
            // Orthonormal bases from thin SVDs; the cosines are the singular values of Q₁ᵀQ₂.
            let qa = try Linalg.svd(a).u, qb = try Linalg.svd(b).u
            let cosines = try Linalg.svd(qa.T.matmul(qb)).singularValues.scalars
            return .array(cosines.map { .double(Foundation.acos(Swift.min(1, Swift.max(-1, $0)))) })
        })
        type(linalg, topic: "Tensors")

        // Differentiation
        function(NativeFunction("grad(at x: Tensor, _ f: (Tensor) -> Tensor) -> Tensor", doc: "The gradient of a scalar function of a tensor.") { call in
            let f = call.value(1)!
            return .tensor(try Tensors.grad(at: try call.tensor(0)) { x in try scalarTensor(call.call(f, [.tensor(x)]), call) })
        }, topic: "Gradients")
        function(NativeFunction("valueAndGrad(at x: Tensor, _ f: (Tensor) -> Tensor) -> (value: Double, gradient: Tensor)",
                                doc: "A scalar function's value and gradient at x.") { call in
            let f = call.value(1)!
            let (value, gradient) = try Tensors.valueAndGrad(at: try call.tensor(0)) { x in try scalarTensor(call.call(f, [.tensor(x)]), call) }
            return .tuple(TupleValue([.double(try value.item), .tensor(gradient)], labels: ["value", "gradient"]))
        }, topic: "Gradients")
    }

    /// The elementwise functions tensors have as methods (and free functions dispatch to).
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

/// A one-element result: a Double, except while differentiating, where it stays a tensor so
/// the gradient can flow through it (`grad(at: x) { $0.square().sum() }`).
func scalarResult(_ t: Tensor) throws -> Value {
    t.isTracked ? .tensor(t) : .double(try t.item)
}

/// A closure's result for differentiation: a one-element tensor (or a number).
private func scalarTensor(_ v: Value, _ call: Invocation) throws -> Tensor {
    guard let t = try v.asTensor() else {
        throw call.fail("the function must return a Tensor (one element), got a value of type '\(v.typeName)'")
    }
    return t
}

private func tensorIndices(_ parts: [Value], _ call: Invocation) throws -> [TensorIndex] {
    try parts.map { part in
        switch part {
        case .int(let i): return .index(i)
        case .range(let r):
            return .range(start: r.lower == RangeValue.openStart ? nil : r.lower, end: r.upper == RangeValue.openEnd ? nil : r.upper, step: 1)
        default: throw call.fail("a tensor index must be an Int or a range, got a value of type '\(part.typeName)'")
        }
    }
}

extension Value {
    /// The tensor this value holds, or a type error.
    var tensorValue: Tensor {
        get throws {
            if case .object(let o as TensorValue) = self { return o.tensor }
            throw CellFailure(.type, "expected a Tensor, got a value of type '\(typeName)'")
        }
    }
}

extension Invocation {
    /// Argument `i` as an array of tensors.
    public func tensors(_ i: Int) throws -> [Tensor] {
        try array(i).map { v in
            guard let t = try v.asTensor() else { throw mismatch(i, expected: "[Tensor]", got: v) }
            return t
        }
    }

    /// The notebook's seeded generator: every random draw of a notebook comes from it.
    public var generator: RandomGenerator { context.generator }
}
