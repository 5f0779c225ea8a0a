import Tensors

/// The gradients of a scalar with respect to every parameter of a model, in the order of
/// `namedParameters`, as `valueAndGrad(model:_:)` returns them.
public struct Gradients {
    /// Each parameter's dotted path.
    public let names: [String]
    /// Each parameter's gradient, of the parameter's shape.
    public internal(set) var tensors: [Tensor]
    /// The parameters, by identity (for optimisers).
    public let references: [ParameterReference]

    /// The gradient of the parameter with the given dotted path, if there is one.
    public subscript(name: String) -> Tensor? {
        names.firstIndex(of: name).map { tensors[$0] }
    }

    /// The L2 norm of all gradients taken together.
    public var globalNorm: Double {
        var total = 0.0
        for t in tensors {
            t.withUnsafeBufferPointer { p in for v in p { total += v * v } }
        }
        return total.squareRoot()
    }

    /// These gradients scaled so that their global L2 norm is at most `maxNorm` (PyTorch's
    /// `clip_grad_norm_`); unchanged when already within it.
    public func clipped(maxNorm: Double) throws -> Gradients {
        guard maxNorm > 0 else {
            throw TensorError.invalidArgument(operation: "clipped(maxNorm:)", reason: "maxNorm must be positive")
        }
        let norm = globalNorm
        guard norm > maxNorm else { return self }
        var result = self
        result.tensors = tensors.map { $0 * (maxNorm / norm) }
        return result
    }

    /// These gradients with every element limited to `[-maxValue, maxValue]`.
    public func clipped(maxValue: Double) throws -> Gradients {
        guard maxValue > 0 else {
            throw TensorError.invalidArgument(operation: "clipped(maxValue:)", reason: "maxValue must be positive")
        }
        var result = self
        result.tensors = tensors.map { $0.clamped(min: -maxValue, max: maxValue) }
        return result
    }

    /// Throws `TrainingError.nonFinite` naming the first gradient with a NaN or infinite element.
    public func checkFinite(step: Int) throws {
        for (name, t) in zip(names, tensors) where !t.allFinite {
            throw TrainingError.nonFinite(step: step, tensor: "gradient of \(name)", value: t.firstNonFinite)
        }
    }
}

/// A training failure a user can cause (a learning rate too high, a loss that diverges).
public enum TrainingError: Error, Equatable, CustomStringConvertible {
    /// A NaN or infinite value appeared in the named tensor at the given optimiser step.
    case nonFinite(step: Int, tensor: String, value: Double)

    public var description: String {
        switch self {
        case let .nonFinite(step, tensor, value):
            return "step \(step): \(tensor) contains \(value) (a NaN or infinite value); try a lower learning rate or gradient clipping"
        }
    }
}

extension Tensor {
    /// The first element that is NaN or infinite (0 if none).
    var firstNonFinite: Double {
        withUnsafeBufferPointer { p in p.first { !$0.isFinite } ?? 0 }
    }
}

/// The value of `loss` and its gradient with respect to every parameter of `model`
/// (MLX's `valueAndGrad(model:)`): `let (l, g) = try valueAndGrad(model: mlp) { try Loss.meanSquaredError(mlp(x), y) }`.
public func valueAndGrad(model: any Module, _ loss: () throws -> Tensor) throws -> (value: Tensor, gradients: Gradients) {
    try valueAndGrad(parameters: model.namedParameters, loss)
}

/// The value of `loss` and its gradient with respect to the parameters of several models at once
/// (an encoder and a decoder, a generator and its critic), as one `Gradients` that one optimiser can
/// apply. Names are prefixed with the model's position (`0.layers.0.weight`, `1.weight`), as
/// PyTorch names a `ModuleList`; a parameter two models share appears once, under its first name,
/// with its whole gradient.
public func valueAndGrad(models: [any Module], _ loss: () throws -> Tensor) throws -> (value: Tensor, gradients: Gradients) {
    var named: [(name: String, parameter: ParameterReference)] = []
    var seen = Set<ObjectIdentifier>()
    for (i, model) in models.enumerated() {
        for (name, parameter) in model.namedParameters where seen.insert(ObjectIdentifier(parameter)).inserted {
            named.append(("\(i).\(name)", parameter))
        }
    }
    return try valueAndGrad(parameters: named, loss)
}

/// Each parameter is replaced by a tracked copy while `loss` runs, then restored (also when it throws).
private func valueAndGrad(parameters named: [(name: String, parameter: ParameterReference)],
                          _ loss: () throws -> Tensor) throws -> (value: Tensor, gradients: Gradients) {
    let references = named.map(\.parameter)
    let (value, tensors) = try valueAndGrad(at: references.map(\.value)) { tracked in
        let originals = references.map(\.value)
        for (reference, t) in zip(references, tracked) { reference.value = t }
        defer { for (reference, t) in zip(references, originals) { reference.value = t } }
        return try loss()
    }
    return (value, Gradients(names: named.map(\.name), tensors: tensors, references: references))
}
