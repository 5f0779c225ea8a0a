import Tensors

/// A module that maps one tensor to another, so that layers compose (`Sequential`, `MLP`).
public protocol Layer: Module {
    /// The forward pass.
    func callAsFunction(_ x: Tensor) throws -> Tensor
}

/// Layers applied in order.
public final class Sequential: Layer {
    /// The layers, first applied first.
    public let layers: [any Layer]

    /// A composition of `layers`.
    public init(_ layers: [any Layer]) {
        self.layers = layers
    }

    public var namedParameters: [(name: String, parameter: ParameterReference)] {
        var seen = Set<ObjectIdentifier>()
        return layers.enumerated().flatMap { i, layer in
            layer.namedParameters.compactMap { entry -> (name: String, parameter: ParameterReference)? in
                seen.insert(ObjectIdentifier(entry.parameter)).inserted ? ("layers.\(i).\(entry.name)", entry.parameter) : nil
            }
        }
    }

    public func callAsFunction(_ x: Tensor) throws -> Tensor {
        var h = x
        for layer in layers { h = try layer(h) }
        return h
    }
}
