import Foundation
import Plotting

/// The module cells' own types belong to, as Swift prints it in qualified names (`main.Point`).
let cellModuleName = "main"

extension Context {
    /// `String(describing:)`: what `print` and string interpolation show, as Swift shows it.
    func describe(_ v: Value, _ staticType: CellType, at position: Int) throws(CellFailure) -> String {
        let type = concrete(staticType)
        // An optional holds its value unwrapped: its static type says to show `Optional(…)`.
        if case .optional = type { return try debugDescribe(v, type, at: position) }
        switch (v, type) {
        case (.string(let s), _): return s
        case (.character(let c), _): return String(c)
        case (.substring(let s), _): return String(s.value)
        case (.existential(let box), _): return try describe(box.value, box.type, at: position)
        case (_, .nominal(let decl, let args)):
            if decl.origin == .cell { return try describeCellValue(v, decl, args, type, debug: false, at: position) }
            return try describeStandard(v, decl, args, type, debug: false, at: position)
        default:
            return try debugDescribe(v, type, at: position)
        }
    }

    /// What a value shows inside a collection, a tuple or an optional (`String(reflecting:)`):
    /// strings quoted, cells' types with their module.
    func debugDescribe(_ v: Value, _ staticType: CellType, at position: Int) throws(CellFailure) -> String {
        let type = concrete(staticType)
        switch v {
        case .existential(let box): return try debugDescribe(box.value, box.type, at: position)
        case .instance(let object) where type != object.type && !type.isOptional:
            return try debugDescribe(v, object.type, at: position)
        default: break
        }
        switch type {
        case .int:
            if case .int(let i) = v { return String(i) }
        case .double:
            if case .double(let d) = v { return formatDouble(d) }
        case .bool:
            if case .bool(let b) = v { return b ? "true" : "false" }
        case .string:
            if case .string(let s) = v { return quoted(s) }
        case .character:
            if case .character(let c) = v { return quoted(String(c)) }
        case .void:
            return "()"
        case .never:
            return ""
        case .optional(let wrapped):
            if case .none = v { return "nil" }
            let inner = unwrapOptional(v, wrappedIsOptional: concrete(wrapped).isOptional)
            return "Optional(" + (try debugDescribe(inner, wrapped, at: position)) + ")"
        case .array(let e):
            return try list(elements(of: v), e, at: position)
        case .set(let e):
            guard case .set(let box) = v else { break }
            return try list(box.table.orderedKeys, e, at: position)
        case .dictionary(let k, let val):
            guard case .dictionary(let box) = v else { break }
            if box.table.count == 0 { return "[:]" }
            var parts: [String] = []
            for (key, value) in box.table.entries {
                parts.append((try debugDescribe(key, k, at: position)) + ": " + (try debugDescribe(value, val, at: position)))
            }
            return "[" + parts.joined(separator: ", ") + "]"
        case .tuple(let elements):
            guard case .tuple(let values) = v else { break }
            var parts: [String] = []
            for (e, value) in zip(elements, values) {
                parts.append((e.label.map { "\($0): " } ?? "") + (try debugDescribe(value, e.type, at: position)))
            }
            return "(" + parts.joined(separator: ", ") + ")"
        case .function:
            return "(Function)"
        case .metatype:
            if case .metatype(let t) = v { return t.runtimeName }
        case .existential:
            break
        case .nominal(let decl, let args):
            if decl.origin == .cell { return try describeCellValue(v, decl, args, type, debug: true, at: position) }
            if decl === registry.standard.substring, case .substring(let s) = v { return quoted(String(s.value)) }
            return try describeStandard(v, decl, args, type, debug: true, at: position)
        case .parameter, .variable:
            break
        }
        if case .object(let o) = v { return (o as? CustomStringConvertible)?.description ?? "<\(o.typeName)>" }
        return "<\(type.runtimeName)>"
    }

    private func list(_ items: [Value], _ element: CellType, at position: Int) throws(CellFailure) -> String {
        var parts: [String] = []
        parts.reserveCapacity(items.count)
        for item in items { parts.append(try debugDescribe(item, element, at: position)) }
        return "[" + parts.joined(separator: ", ") + "]"
    }

    /// A cell's struct, class or enum: its `description` if it has one, else Swift's default form.
    private func describeCellValue(_ v: Value, _ decl: NominalDecl, _ args: [CellType], _ type: CellType, debug: Bool,
                                   at position: Int) throws(CellFailure) -> String {
        let dynamicDecl: NominalDecl
        if case .instance(let object) = v { dynamicDecl = object.decl } else { dynamicDecl = decl }
        let s = registry.standard
        let conformances = dynamicDecl.allConformances + extensionsConformances(dynamicDecl)
        if debug, conformances.contains(s.customDebugStringConvertible),
           let text = try callDescription("debugDescription", on: v, type: type, at: position) {
            return text
        }
        if conformances.contains(s.customStringConvertible), let text = try callDescription("description", on: v, type: type, at: position) {
            return text
        }
        let qualified = qualifiedName(type)
        switch dynamicDecl.kind {
        case .classType:
            if case .instance(let object) = v { return qualifiedName(object.type) }
            return qualified
        case .enumeration:
            guard case .enumValue(let index, let payload) = v, index < dynamicDecl.cases.count else { return qualified }
            let c = dynamicDecl.cases[index]
            let substitution = Dictionary(uniqueKeysWithValues: zip(decl.genericParameters, args))
            var text = c.name
            if let payload, let elements = c.payload {
                var parts: [String] = []
                for (e, value) in zip(elements, payload) {
                    parts.append((e.label.map { "\($0): " } ?? "") + (try debugDescribe(value, e.type.substituting(substitution), at: position)))
                }
                text += "(" + parts.joined(separator: ", ") + ")"
            }
            return debug ? qualified + "." + text : text
        default:
            guard case .structValue(let fields) = v else { return qualified }
            let substitution = Dictionary(uniqueKeysWithValues: zip(decl.genericParameters, args))
            var parts: [String] = []
            for (p, value) in zip(decl.storedProperties, fields) {
                parts.append(p.name + ": " + (try debugDescribe(value, p.type.substituting(substitution), at: position)))
            }
            let name = debug ? qualified : type.runtimeName
            return name + "(" + parts.joined(separator: ", ") + ")"
        }
    }

    private func extensionsConformances(_ decl: NominalDecl) -> [NominalDecl] {
        runtime.extensions.extraConformances(of: decl)
    }

    /// Reads a cell type's `description` (or `debugDescription`) property.
    private func callDescription(_ name: String, on v: Value, type: CellType, at position: Int) throws(CellFailure) -> String? {
        let dynamicType: CellType
        if case .instance(let object) = v { dynamicType = object.type } else { dynamicType = type }
        guard let result = try runtime.readProperty(name, of: v, type: dynamicType, self, at: position) else { return nil }
        if case .string(let s) = result { return s }
        return nil
    }

    /// The type's name with every part qualified by its module, as Swift's reflection prints it.
    func qualifiedName(_ type: CellType) -> String {
        switch type {
        case .nominal(let decl, let args):
            let module = decl.origin == .cell ? cellModuleName : "Swift"
            let name = module + "." + decl.qualifiedName
            return args.isEmpty ? name : name + "<" + args.map(qualifiedName).joined(separator: ", ") + ">"
        case .int, .double, .bool, .string, .character, .never:
            return "Swift." + type.runtimeName
        case .array(let e): return "Swift.Array<\(qualifiedName(e))>"
        case .set(let e): return "Swift.Set<\(qualifiedName(e))>"
        case .optional(let w): return "Swift.Optional<\(qualifiedName(w))>"
        case .dictionary(let k, let v): return "Swift.Dictionary<\(qualifiedName(k)), \(qualifiedName(v))>"
        default: return type.runtimeName
        }
    }

    /// Values of the standard library's other types and of the model library.
    private func describeStandard(_ v: Value, _ decl: NominalDecl, _ args: [CellType], _ type: CellType, debug: Bool,
                                  at position: Int) throws(CellFailure) -> String {
        let s = registry.standard
        let bound = args.first ?? .int
        switch v {
        case .intRange(let lower, let upper):
            switch decl {
            case s.range: return "\(lower)..<\(upper)"
            case s.closedRange: return "\(lower)...\(upper)"
            case s.partialRangeFrom: return "PartialRangeFrom<Int>(lowerBound: \(lower))"
            case s.partialRangeUpTo: return "PartialRangeUpTo<Int>(upperBound: \(upper))"
            case s.partialRangeThrough: return "PartialRangeThrough<Int>(upperBound: \(upper))"
            default: break
            }
        case .range(let box):
            let l = try box.lower.map { (x) throws(CellFailure) in try describe(x, bound, at: position) } ?? ""
            let u = try box.upper.map { (x) throws(CellFailure) in try describe(x, bound, at: position) } ?? ""
            let b = bound.runtimeName
            switch decl {
            case s.range: return "\(l)..<\(u)"
            case s.closedRange: return "\(l)...\(u)"
            case s.partialRangeFrom: return "PartialRangeFrom<\(b)>(lowerBound: \(try debugDescribe(box.lower!, bound, at: position)))"
            case s.partialRangeUpTo: return "PartialRangeUpTo<\(b)>(upperBound: \(try debugDescribe(box.upper!, bound, at: position)))"
            case s.partialRangeThrough: return "PartialRangeThrough<\(b)>(upperBound: \(try debugDescribe(box.upper!, bound, at: position)))"
            default: break
            }
        case .arraySlice(let box):
            return try list(Array(box.value), bound, at: position)
        case .substring(let sub):
            return String(sub.value)
        case .view(let view):
            switch view.kind {
            case .reversed:
                return "\(type.runtimeName)(_base: \(try debugDescribe(view.base, bound, at: position)))"
            case .enumerated:
                return "\(type.runtimeName)(_base: \(try debugDescribe(view.base, bound, at: position)))"
            case .zip:
                guard case .tuple(let pair) = view.base, args.count == 2 else { break }
                return "\(type.runtimeName)(_sequence1: \(try debugDescribe(pair[0], args[0], at: position)), _sequence2: \(try debugDescribe(pair[1], args[1], at: position)))"
            case .strideTo, .strideThrough:
                return qualifiedName(type)
            case .keys:
                guard case .dictionary(let box) = view.base else { break }
                return try list(box.table.orderedKeys, bound, at: position)
            case .values:
                guard case .dictionary(let box) = view.base else { break }
                return try list(box.table.orderedValues, args.count > 1 ? args[1] : bound, at: position)
            }
        case .object(let o):
            return (o as? CustomStringConvertible)?.description ?? "<\(o.typeName)>"
        case .enumValue(let index, nil) where decl.kind == .enumeration && index < decl.cases.count:
            // `minus`; inside a collection `Swift.FloatingPointSign.minus`.
            return debug ? qualifiedName(type) + "." + decl.cases[index].name : decl.cases[index].name
        default:
            break
        }
        return qualifiedName(type)
    }

    /// The elements of an array value (or an empty list).
    func elements(of v: Value) -> [Value] {
        if case .array(let a) = v { return a }
        return []
    }

    /// Shows a value under the cell: rich library values (figures, images) as themselves,
    /// others as their debug text (strings quoted, as a REPL shows them).
    func display(_ value: Value, type: CellType, at position: Int) throws(CellFailure) {
        var v = value
        if case .existential(let box) = v { v = box.value }
        if case .object(let object) = v, let rich = object as? RichDisplayable {
            let output: CellOutput
            do { output = .value(try rich.display(size: displaySize, categoryColors: &categoryColors)) } catch { throw failure(from: error, at: position) }
            try show(output, at: position)
            return
        }
        try show(.value(.text(try debugDescribe(value, type, at: position))), at: position)
    }
}

/// Shortest round-trip form, as Swift prints a Double (`0.1`, `1.0`, `1e-05`). `print` and
/// interpolation show a NaN's sign (`0.0 / 0.0` is `-nan` on x86); `description` does not.
func formatDouble(_ d: Double, signedNaN: Bool = true) -> String {
    if d.isNaN { return signedNaN && d.sign == .minus ? "-nan" : "nan" }
    if d.isInfinite { return d < 0 ? "-inf" : "inf" }
    return d.description
}

/// A string literal as Swift's debug description writes it.
func quoted(_ s: String) -> String {
    s.debugDescription
}
