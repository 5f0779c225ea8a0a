/// The losses a model recorded while training, by component name ("loss", "reconstruction", "kl", …),
/// one value per step or per epoch in the order recorded, for plotting learning curves.
public struct LossHistory: Sendable, Equatable {
    /// Every recorded series by name.
    public private(set) var components: [String: [Double]]

    /// An empty history.
    public init() {
        components = [:]
    }

    /// Appends `value` to the series called `name` (creating it on first use).
    public mutating func record(_ name: String, _ value: Double) {
        components[name, default: []].append(value)
    }

    /// The series called `name`, oldest first; `[]` if it was never recorded.
    public subscript(_ name: String) -> [Double] {
        components[name] ?? []
    }

    /// The names of the recorded series, sorted.
    public var names: [String] {
        components.keys.sorted()
    }

    /// The latest value of the series called `name`, if any.
    public func last(_ name: String) -> Double? {
        components[name]?.last
    }

    /// Forgets every series (a model does this when it is trained again from scratch).
    public mutating func removeAll() {
        components = [:]
    }
}
