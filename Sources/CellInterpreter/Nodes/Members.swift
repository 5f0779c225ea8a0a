/// `base.name`: a tuple element, a property, or a method taken as a value.
final class MemberGetExpr: Expr {
    let base: Expr
    let name: String

    init(_ base: Expr, name: String, position: Int) {
        self.base = base
        self.name = name
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        try member(of: try base.eval(cx), cx)
    }

    func member(of value: Value, _ cx: Context) throws(CellFailure) -> Value {
        if case .tuple(let t) = value {
            if let i = Int(name), t.elements.indices.contains(i) { return t.elements[i] }
            if let i = t.labels.firstIndex(of: name) { return t.elements[i] }
            throw CellFailure(.name, "value of tuple type '\(value.typeName)' has no member '\(name)'", at: position)
        }
        guard let binding = cx.registry.binding(for: value) else {
            throw CellFailure(.name, "value of type '\(value.typeName)' has no member '\(name)'", at: position)
        }
        if let property = binding.properties[name] {
            do { return try property.get(value) } catch { throw failure(from: error, at: position) }
        }
        if let overloads = binding.methods[name], overloads.count == 1 {
            return .function(FunctionValue(.method(overloads[0], receiver: value)))
        }
        throw noMember(name, of: value, binding: binding, at: position)
    }
}

func noMember(_ name: String, of value: Value, binding: TypeBinding?, at position: Int) -> CellFailure {
    var message = "value of type '\(value.typeName)' has no member '\(name)'"
    if let binding, let near = nearestName(to: name, in: binding.memberNames) { message += "; did you mean '\(near)'?" }
    return CellFailure(.name, message, at: position)
}

/// `base.name(args)`: a method of a library value or of a built-in type, found by the value's
/// type at run time and remembered for the next call from the same place.
final class MethodCallExpr: Expr {
    let base: Expr
    /// The base as an assignable place, for mutating methods (`xs.append(1)`).
    let place: LValue?
    let name: String
    let labels: [ArgumentLabel]
    let arguments: [Expr]
    private var cachedType: String?
    private var cachedFunction: NativeFunction?
    private var cachedMapping: [[Int]] = []

    init(base: Expr, place: LValue?, name: String, labels: [ArgumentLabel], arguments: [Expr], position: Int) {
        self.base = base
        self.place = place
        self.name = name
        self.labels = labels
        self.arguments = arguments
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        let receiver = try base.eval(cx)
        let typeName = receiver.bindingName
        if cachedType != typeName {
            try resolve(receiver, cx)
            cachedType = typeName
        }
        guard let function = cachedFunction else { throw CellFailure(.name, "no method '\(name)'", at: position) }
        var values: [Value] = []
        values.reserveCapacity(arguments.count)
        for a in arguments { values.append(try a.eval(cx)) }
        let grouped = cachedMapping.map { $0.map { values[$0] } }
        if function.isMutating {
            guard let place else {
                throw CellFailure(.type, "cannot use mutating member '\(name)' on an immutable value", at: position)
            }
            var result: Value = .void
            let position = self.position
            try place.modify(cx) { (stored: inout Value) throws(CellFailure) in
                let (r, updated) = try invokeNative(function, receiver: stored, arguments: grouped, context: cx, at: position)
                stored = updated
                result = r
            }
            return result
        }
        return try invokeNative(function, receiver: receiver, arguments: grouped, context: cx, at: position).0
    }

    private func resolve(_ receiver: Value, _ cx: Context) throws(CellFailure) {
        guard let binding = cx.registry.binding(for: receiver) else {
            throw noMember(name, of: receiver, binding: nil, at: position)
        }
        guard let overloads = binding.methods[name] else {
            if binding.properties[name] != nil {
                throw CellFailure(.type, "'\(name)' is a property of '\(receiver.typeName)', not a method; write it without parentheses",
                                  at: position)
            }
            throw noMember(name, of: receiver, binding: binding, at: position)
        }
        for f in overloads {
            if let mapping = matchArguments(labels, to: f.parameterShapes) {
                cachedFunction = f
                cachedMapping = mapping
                return
            }
        }
        throw wrongCall("\(receiver.typeName).\(name)", labels: labels, overloads: overloads, at: position)
    }
}

/// The error for a call whose labels fit no overload: it lists what is available.
func wrongCall(_ what: String, labels: [ArgumentLabel], overloads: [NativeFunction], at position: Int) -> CellFailure {
    let written = "(" + labels.map(\.text).joined() + ")"
    let available = overloads.map(\.declaration).joined(separator: "; ")
    return CellFailure(.type, "\(what) has no overload \(written); available: \(available)", at: position)
}

/// `base[index]`: an array element or slice, or a library value's subscript.
final class SubscriptExpr: Expr {
    let base: Expr
    let indices: [Expr]

    init(_ base: Expr, indices: [Expr], position: Int) {
        self.base = base
        self.indices = indices
        super.init(position: position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value {
        let b = try base.eval(cx)
        var keys: [Value] = []
        for i in indices { keys.append(try i.eval(cx)) }
        return try subscriptGet(b, keys, cx, at: position)
    }
}

func subscriptGet(_ base: Value, _ keys: [Value], _ cx: Context, at position: Int) throws(CellFailure) -> Value {
    switch (base, keys.first) {
    case (.array(let items), .int(let i)?) where keys.count == 1:
        guard items.indices.contains(i) else {
            throw CellFailure(.runtime, "index \(i) out of range for an array of \(items.count) elements", at: position)
        }
        return items[i]
    case (.array(let items), .range(let r)?) where keys.count == 1:
        let (lower, upper) = r.resolved(length: items.count)
        guard lower >= 0, upper <= items.count, lower <= upper else {
            throw CellFailure(.runtime, "range \(Value.range(r).debugText) out of bounds for an array of \(items.count) elements", at: position)
        }
        return .array(Array(items[lower..<upper]))
    case (.string(let s), .int(let i)?) where keys.count == 1:
        let chars = Array(s)
        guard chars.indices.contains(i) else {
            throw CellFailure(.runtime, "index \(i) out of range for a string of \(chars.count) characters", at: position)
        }
        return .string(String(chars[i]))
    case (.tuple(let t), .int(let i)?) where keys.count == 1 && t.elements.indices.contains(i):
        return t.elements[i]
    default:
        guard let binding = cx.registry.binding(for: base), let overloads = binding.methods["subscript"] else {
            throw CellFailure(.type, "cannot subscript a value of type '\(base.typeName)' with \(keys.map(\.typeName).joined(separator: ", "))",
                              at: position)
        }
        let labels = Array(repeating: ArgumentLabel.unnamed, count: keys.count)
        for f in overloads {
            if let mapping = matchArguments(labels, to: f.parameterShapes) {
                return try invokeNative(f, receiver: base, arguments: mapping.map { $0.map { keys[$0] } }, context: cx, at: position).0
            }
        }
        throw wrongCall("\(base.typeName) subscript", labels: labels, overloads: overloads, at: position)
    }
}

/// `base[index] = value`: changes an element in place.
final class SubscriptLValue: LValue {
    let base: LValue
    let indices: [Expr]

    init(_ base: LValue, indices: [Expr], position: Int) {
        self.base = base
        self.indices = indices
        super.init(position: position)
    }

    override func get(_ cx: Context) throws(CellFailure) -> Value {
        var keys: [Value] = []
        for i in indices { keys.append(try i.eval(cx)) }
        return try subscriptGet(try base.get(cx), keys, cx, at: position)
    }

    override func modify(_ cx: Context, _ body: (inout Value) throws(CellFailure) -> Void) throws(CellFailure) {
        var keys: [Value] = []
        for i in indices { keys.append(try i.eval(cx)) }
        let position = self.position
        try base.modify(cx) { (container: inout Value) throws(CellFailure) in
            switch (container, keys.first) {
            case (.array(var items), .int(let i)?) where keys.count == 1:
                guard items.indices.contains(i) else {
                    throw CellFailure(.runtime, "index \(i) out of range for an array of \(items.count) elements", at: position)
                }
                container = .void
                defer { container = .array(items) }
                try body(&items[i])
            default:
                guard let binding = cx.registry.binding(for: container), let setters = binding.methods["subscriptSet"] else {
                    throw CellFailure(.type, "cannot assign through a subscript of a value of type '\(container.typeName)'", at: position)
                }
                var element = try subscriptGet(container, keys, cx, at: position)
                try body(&element)
                let labels = Array(repeating: ArgumentLabel.unnamed, count: keys.count + 1)
                let values = keys + [element]
                for f in setters {
                    if let mapping = matchArguments(labels, to: f.parameterShapes) {
                        let (_, updated) = try invokeNative(f, receiver: container, arguments: mapping.map { $0.map { values[$0] } },
                                                            context: cx, at: position)
                        container = updated
                        return
                    }
                }
                throw wrongCall("\(container.typeName) subscript", labels: labels, overloads: setters, at: position)
            }
        }
    }
}

/// `base.name = value` for a settable property of a library value, or a tuple element.
final class MemberLValue: LValue {
    let base: LValue
    let name: String

    init(_ base: LValue, name: String, position: Int) {
        self.base = base
        self.name = name
        super.init(position: position)
    }

    override func get(_ cx: Context) throws(CellFailure) -> Value {
        try MemberGetExpr(LValueRead(base), name: name, position: position).eval(cx)
    }

    override func modify(_ cx: Context, _ body: (inout Value) throws(CellFailure) -> Void) throws(CellFailure) {
        let name = self.name, position = self.position
        try base.modify(cx) { (container: inout Value) throws(CellFailure) in
            if case .tuple(var t) = container {
                guard let i = Int(name).flatMap({ t.elements.indices.contains($0) ? $0 : nil }) ?? t.labels.firstIndex(of: name) else {
                    throw CellFailure(.name, "value of tuple type '\(container.typeName)' has no member '\(name)'", at: position)
                }
                container = .void
                defer { container = .tuple(t) }
                try body(&t.elements[i])
                return
            }
            guard let binding = cx.registry.binding(for: container), let property = binding.properties[name] else {
                throw noMember(name, of: container, binding: cx.registry.binding(for: container), at: position)
            }
            guard let setter = property.set else {
                throw CellFailure(.type, "cannot assign to property: '\(name)' of '\(container.typeName)' is read-only", at: position)
            }
            var value: Value
            do { value = try property.get(container) } catch { throw failure(from: error, at: position) }
            try body(&value)
            do { try setter(&container, value) } catch { throw failure(from: error, at: position) }
        }
    }
}

/// Reads an assignable place as an expression.
final class LValueRead: Expr {
    let place: LValue

    init(_ place: LValue) {
        self.place = place
        super.init(position: place.position)
    }

    override func eval(_ cx: Context) throws(CellFailure) -> Value { try place.get(cx) }
}
