/// One component of a subscript: `x[2]`, `x[0..<10]`, `x[.all, 3]`, `x[.ellipsis, 0]`,
/// `x[.stride(0, 10, by: 2)]`, `x[.newAxis]`. Negative integers count from the end of their axis.
public enum TensorIndex: Sendable, Equatable {
    /// One position; the axis is removed from the result.
    case index(Int)
    /// Positions `start..<end` stepping by `step` (> 0); nil bounds mean the axis' start or end.
    case range(start: Int?, end: Int?, step: Int)
    /// Every position of the axis.
    case all
    /// A new axis of size 1.
    case newAxis
    /// As many `.all` as needed to cover the axes not otherwise indexed.
    case ellipsis

    /// Positions `start, start + step, …` below `end` (either may be nil).
    public static func stride(_ start: Int?, _ end: Int?, by step: Int) -> TensorIndex {
        .range(start: start, end: end, step: step)
    }
}

/// A value usable inside a tensor subscript: `Int`, Swift's ranges, or a `TensorIndex`.
public protocol TensorIndexConvertible: Sendable {
    /// This value as a subscript component.
    var tensorIndex: TensorIndex { get }
}

extension TensorIndex: TensorIndexConvertible {
    public var tensorIndex: TensorIndex { self }
}

extension Int: TensorIndexConvertible {
    public var tensorIndex: TensorIndex { .index(self) }
}

extension Range: TensorIndexConvertible where Bound == Int {
    public var tensorIndex: TensorIndex { .range(start: lowerBound, end: upperBound, step: 1) }
}

extension ClosedRange: TensorIndexConvertible where Bound == Int {
    public var tensorIndex: TensorIndex {
        .range(start: lowerBound, end: upperBound == -1 ? nil : upperBound + 1, step: 1)
    }
}

extension PartialRangeFrom: TensorIndexConvertible where Bound == Int {
    public var tensorIndex: TensorIndex { .range(start: lowerBound, end: nil, step: 1) }
}

extension PartialRangeUpTo: TensorIndexConvertible where Bound == Int {
    public var tensorIndex: TensorIndex { .range(start: nil, end: upperBound, step: 1) }
}

extension PartialRangeThrough: TensorIndexConvertible where Bound == Int {
    public var tensorIndex: TensorIndex { .range(start: nil, end: upperBound == -1 ? nil : upperBound + 1, step: 1) }
}

