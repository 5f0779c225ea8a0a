import Tensors

/// The shared home of one trainable tensor. Modules hold it through `@Parameter`; optimisers and
/// `valueAndGrad(model:)` find it by identity, so gradients and optimiser state follow the parameter
/// even when the tensor value is replaced.
public final class ParameterReference {
    /// The current value.
    public var value: Tensor

    /// A reference holding `value`.
    public init(_ value: Tensor) {
        self.value = value
    }
}

/// Declares a trainable tensor property of a `Module`: reads and writes go to a shared
/// `ParameterReference` (reachable as `$name`), which `namedParameters` discovers.
@propertyWrapper
public struct Parameter {
    private let reference: ParameterReference

    /// A parameter starting at `wrappedValue`.
    public init(wrappedValue: Tensor) {
        reference = ParameterReference(wrappedValue)
    }

    public var wrappedValue: Tensor {
        get { reference.value }
        nonmutating set { reference.value = newValue }
    }

    /// The shared reference, for optimiser state or for tying one parameter to two modules.
    public var projectedValue: ParameterReference { reference }
}
