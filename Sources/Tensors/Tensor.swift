/// An n-dimensional array of `Double` values with value semantics, broadcasting arithmetic and
/// reverse-mode differentiation (see `valueAndGrad`).
///
/// Elements are stored in row-major order in a copy-on-write array: copying a tensor is O(1) until a
/// copy is changed. `Tensor([[1, 2], [3, 4]])` is a 2×2 matrix; `Tensor(3)` is a scalar of shape `[]`.
public struct Tensor: Sendable {
    /// The size of each axis, outermost first; `[]` for a scalar.
    public internal(set) var shape: [Int]
    /// The elements in row-major order.
    public internal(set) var scalars: [Double]
    /// What the tensor is beyond its values. A mask is never tracked (comparisons are not
    /// differentiable), so one field holds both facts and a tensor stays four words: a separate
    /// Bool made it five, and every tape entry and gradient array with it (the 64-element tracked
    /// add took 11 % more instructions).
    var role: Role

    enum Role: Sendable {
        case plain
        /// Made by a comparison; see `isMask`.
        case mask
        /// A node of a gradient tape (inside `valueAndGrad`).
        case tracked(Tracker)
    }

    /// Set when this tensor is a node of a gradient tape (inside `valueAndGrad`).
    var tracker: Tracker? {
        get { if case .tracked(let t) = role { t } else { nil } }
        set { role = newValue.map { .tracked($0) } ?? .plain }
    }

    /// Made by a comparison (`x .> 0`): its ones and zeros select elements in `masked` and
    /// `replacing(mask:with:)`, as PyTorch's bool tensors do. Any arithmetic on it gives an
    /// ordinary tensor, so a tensor of positions is never taken for a mask.
    public internal(set) var isMask: Bool {
        get { if case .mask = role { true } else { false } }
        set {
            if newValue { role = .mask } else if case .mask = role { role = .plain }
        }
    }

    /// Wraps storage whose size the caller has already checked against `shape`.
    init(uncheckedShape shape: [Int], scalars: [Double]) {
        self.shape = shape
        self.scalars = scalars
        self.role = .plain
    }

    /// A tensor of the given shape holding `data` in row-major order.
    /// Throws when `data.count` differs from the product of `shape` or a size is negative.
    public init(shape: [Int], data: [Double]) throws {
        try Shape.validate(shape, operation: "Tensor(shape:data:)")
        guard Shape.count(shape) == data.count else {
            throw TensorError.invalidShape(
                operation: "Tensor(shape:data:)", shape: shape,
                reason: "needs \(Shape.count(shape)) elements but \(data.count) were given")
        }
        self.init(uncheckedShape: shape, scalars: data)
    }

    /// A scalar (rank-0) tensor.
    public init(_ value: Double) {
        self.init(uncheckedShape: [], scalars: [value])
    }

    /// A scalar (rank-0) tensor from an integer.
    public init(_ value: Int) {
        self.init(Double(value))
    }

    /// A vector (rank-1) tensor.
    public init(_ values: [Double]) {
        self.init(uncheckedShape: [values.count], scalars: values)
    }

    /// A vector (rank-1) tensor from integers.
    public init(_ values: [Int]) {
        self.init(values.map(Double.init))
    }

    /// The number of axes.
    public var rank: Int { shape.count }

    /// The number of elements (the product of the shape; 1 for a scalar).
    public var count: Int { scalars.count }

    /// The single element of a one-element tensor; throws for any other size.
    public var item: Double {
        get throws {
            guard scalars.count == 1 else {
                throw TensorError.invalidShape(
                    operation: "item", shape: shape, reason: "has \(scalars.count) elements, not one")
            }
            return scalars[0]
        }
    }

    /// Notes, when this tensor is being differentiated, that `what` (`.scalars`, `.item`) read its
    /// values as plain numbers. Whatever is computed from them no longer depends on the inputs, and
    /// `valueAndGrad` names `what` when that leaves the result, or an input, cut off.
    public func noteReadAsNumbers(by what: String) {
        tracker?.tape.cut(what)
    }

    /// Whether this tensor is being differentiated (it is a node of an active gradient tape).
    public var isTracked: Bool { tracker != nil }

    /// The same values, cut off from gradient tracking (as PyTorch's `detach()`).
    public var detached: Tensor {
        Tensor(uncheckedShape: shape, scalars: scalars)
    }

    /// Calls `body` with the elements in row-major order, without copying them.
    public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Double>) throws -> R) rethrows -> R {
        try scalars.withUnsafeBufferPointer(body)
    }
}

extension Tensor: Equatable {
    /// Two tensors are equal when their shapes and elements are equal (gradient tracking is ignored).
    public static func == (lhs: Tensor, rhs: Tensor) -> Bool {
        lhs.shape == rhs.shape && lhs.scalars == rhs.scalars
    }
}

extension Tensor {
    /// Calls `body` with the elements for in-place change (copying them first if shared). The tensor
    /// leaves any gradient tape: an in-place change is not differentiable. Used by optimisers.
    public mutating func withUnsafeMutableBufferPointer<R>(
        _ body: (inout UnsafeMutableBufferPointer<Double>) throws -> R
    ) rethrows -> R {
        tracker = nil
        return try scalars.withUnsafeMutableBufferPointer(body)
    }
}
