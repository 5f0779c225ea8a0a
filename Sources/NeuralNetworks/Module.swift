import Tensors

/// A model or layer: a class whose trainable tensors are `@Parameter` properties and whose parts are
/// other modules (directly, in arrays, dictionaries, or optional). `namedParameters` finds them all by
/// reflection, so a new model needs no bookkeeping (the library's layers list theirs directly, which
/// is faster; a model may do the same):
///
///     final class Decoder: Module {
///         let hidden: Linear
///         @Parameter var logScale: Tensor
///         …
///     }
public protocol Module: AnyObject {
    /// Every parameter of this module and its sub-modules with a dotted path (`layers.0.weight`), in
    /// declaration order, each once. The default reflects over stored properties.
    var namedParameters: [(name: String, parameter: ParameterReference)] { get }
}

extension Module {
    public var namedParameters: [(name: String, parameter: ParameterReference)] {
        ModuleReflection.parameters(of: self)
    }

    /// The parameter tensors, in the order of `namedParameters`.
    public var parameters: [Tensor] { namedParameters.map(\.parameter.value) }

    /// The total number of trainable scalars.
    public var parameterCount: Int { namedParameters.reduce(0) { $0 + $1.parameter.value.count } }
}

/// The walk behind the default `Module.namedParameters`: stored properties by reflection (superclass
/// first, a leading `_` dropped from labels), sub-modules asked for their own `namedParameters`, each
/// parameter reported once (at its first path) even when shared.
enum ModuleReflection {
    static func parameters(of module: AnyObject) -> [(name: String, parameter: ParameterReference)] {
        var result: [(name: String, parameter: ParameterReference)] = []
        var seen = Set<ObjectIdentifier>()
        collect(module, prefix: "", into: &result, seen: &seen)
        return result
    }

    /// Appends `module`'s own parameters and its children's (their names prefixed).
    static func collect(
        _ module: AnyObject, prefix: String,
        into result: inout [(name: String, parameter: ParameterReference)], seen: inout Set<ObjectIdentifier>
    ) {
        var mirrors: [Mirror] = []
        var mirror: Mirror? = Mirror(reflecting: module)
        while let m = mirror {
            mirrors.insert(m, at: 0)  // superclass properties first
            mirror = m.superclassMirror
        }
        for m in mirrors {
            for child in m.children {
                guard var label = child.label else { continue }
                if label.hasPrefix("_") { label.removeFirst() }
                visit(child.value, path: prefix + label, into: &result, seen: &seen)
            }
        }
    }

    private static func visit(
        _ value: Any, path: String,
        into result: inout [(name: String, parameter: ParameterReference)], seen: inout Set<ObjectIdentifier>
    ) {
        switch value {
        case let parameter as Parameter:
            let reference = parameter.projectedValue
            if seen.insert(ObjectIdentifier(reference)).inserted { result.append((path, reference)) }
        case let reference as ParameterReference:
            if seen.insert(ObjectIdentifier(reference)).inserted { result.append((path, reference)) }
        case let module as Module:
            for (name, reference) in module.namedParameters where seen.insert(ObjectIdentifier(reference)).inserted {
                result.append((path + "." + name, reference))
            }
        default:
            let mirror = Mirror(reflecting: value)
            switch mirror.displayStyle {
            case .collection?:
                for (i, element) in mirror.children.enumerated() {
                    visit(element.value, path: "\(path).\(i)", into: &result, seen: &seen)
                }
            case .optional?:
                if let wrapped = mirror.children.first { visit(wrapped.value, path: path, into: &result, seen: &seen) }
            case .dictionary?:
                let entries = mirror.children.compactMap { entry -> (String, Any)? in
                    let pair = Array(Mirror(reflecting: entry.value).children)
                    guard pair.count == 2 else { return nil }
                    return ("\(pair[0].value)", pair[1].value)
                }
                for (key, element) in entries.sorted(by: { $0.0 < $1.0 }) {
                    visit(element, path: "\(path).\(key)", into: &result, seen: &seen)
                }
            default:
                break
            }
        }
    }
}
