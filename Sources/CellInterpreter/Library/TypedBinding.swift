import GenerativeModels
import Tensors

/// A Swift type that library bindings take from cells or give back to them: its type as cells
/// see it, and how its values cross over. The library's bindings are typed Swift closures over
/// these, checked against their declarations when the registry is built.
protocol CellConvertible {
    /// The type cells see for it (`Tensor`, `[Int]`, `Double?`).
    static func cellType(_ registry: Registry) -> CellType
    /// The Swift value of a cell value of that type (the checker has made sure of the type).
    static func fromCell(_ value: Value, _ call: NativeCall) throws -> Self
    /// The cell value of a Swift value.
    func toCell(_ call: NativeCall) -> Value
}

/// A bridging failure: a value not of the type the checker promised (a bug in Lectern).
struct BridgingError: Error, CustomStringConvertible {
    let expected: String
    var description: String { "internal error: a library call expected a value of type \(expected)" }
}

extension Int: CellConvertible {
    static func cellType(_ registry: Registry) -> CellType { .int }
    static func fromCell(_ value: Value, _ call: NativeCall) throws -> Int {
        guard case .int(let v) = value else { throw BridgingError(expected: "Int") }
        return v
    }
    func toCell(_ call: NativeCall) -> Value { .int(self) }
}

extension Double: CellConvertible {
    static func cellType(_ registry: Registry) -> CellType { .double }
    static func fromCell(_ value: Value, _ call: NativeCall) throws -> Double {
        guard case .double(let v) = value else { throw BridgingError(expected: "Double") }
        return v
    }
    func toCell(_ call: NativeCall) -> Value { .double(self) }
}

extension Bool: CellConvertible {
    static func cellType(_ registry: Registry) -> CellType { .bool }
    static func fromCell(_ value: Value, _ call: NativeCall) throws -> Bool {
        guard case .bool(let v) = value else { throw BridgingError(expected: "Bool") }
        return v
    }
    func toCell(_ call: NativeCall) -> Value { .bool(self) }
}

extension String: CellConvertible {
    static func cellType(_ registry: Registry) -> CellType { .string }
    static func fromCell(_ value: Value, _ call: NativeCall) throws -> String { value.stringValue }
    func toCell(_ call: NativeCall) -> Value { .string(self) }
}

extension Array: CellConvertible where Element: CellConvertible {
    static func cellType(_ registry: Registry) -> CellType { .array(Element.cellType(registry)) }
    static func fromCell(_ value: Value, _ call: NativeCall) throws -> [Element] {
        guard case .array(let items) = value else { throw BridgingError(expected: "an array") }
        return try items.map { try Element.fromCell($0, call) }
    }
    func toCell(_ call: NativeCall) -> Value { .array(map { $0.toCell(call) }) }
}

extension Optional: CellConvertible where Wrapped: CellConvertible {
    static func cellType(_ registry: Registry) -> CellType { .optional(Wrapped.cellType(registry)) }
    static func fromCell(_ value: Value, _ call: NativeCall) throws -> Wrapped? {
        if case .none = value { return nil }
        return try Wrapped.fromCell(value, call)
    }
    func toCell(_ call: NativeCall) -> Value { map { $0.toCell(call) } ?? .none }
}

/// `Void` results.
struct Nothing: CellConvertible {
    static func cellType(_ registry: Registry) -> CellType { .void }
    static func fromCell(_ value: Value, _ call: NativeCall) throws -> Nothing { Nothing() }
    func toCell(_ call: NativeCall) -> Value { .void }
}

/// A value of any type a cell passes where a binding takes `Any` (a colour given as labels,
/// names or values): the value with its type.
struct AnyCellValue: CellConvertible {
    let value: Value
    let type: CellType
    static func cellType(_ registry: Registry) -> CellType { .any }
    static func fromCell(_ value: Value, _ call: NativeCall) throws -> AnyCellValue {
        guard case .existential(let box) = value else { return AnyCellValue(value: value, type: .any) }
        return AnyCellValue(value: box.value, type: box.type)
    }
    func toCell(_ call: NativeCall) -> Value { .existential(ExistentialBox(type: type, value: value)) }
}

/// A closed range of Doubles (`-3...3` for a plot's axis).
extension ClosedRange: CellConvertible where Bound == Double {
    static func cellType(_ registry: Registry) -> CellType { .nominal(registry.standard.closedRange, [.double]) }
    static func fromCell(_ value: Value, _ call: NativeCall) throws -> ClosedRange<Double> {
        guard case .range(let box) = value, case .double(let l)? = box.lower, case .double(let u)? = box.upper else {
            throw BridgingError(expected: "ClosedRange<Double>")
        }
        return l...u
    }
    func toCell(_ call: NativeCall) -> Value { .range(RangeBox(lower: .double(lowerBound), upper: .double(upperBound))) }
}

/// A function a cell passes to a binding, called like a Swift function.
struct CellFunction0<R: CellConvertible>: CellConvertible {
    let function: FunctionValue
    let call: NativeCall
    static func cellType(_ registry: Registry) -> CellType { .function(FunctionType([], R.cellType(registry))) }
    static func fromCell(_ value: Value, _ call: NativeCall) throws -> CellFunction0 {
        guard case .function(let f) = value else { throw BridgingError(expected: "a function") }
        return CellFunction0(function: f, call: call)
    }
    func toCell(_ call: NativeCall) -> Value { .function(function) }
    func callAsFunction() throws -> R {
        try R.fromCell(try function.call([], call.context, at: call.position), call)
    }
}

struct CellFunction1<A: CellConvertible, R: CellConvertible>: CellConvertible {
    let function: FunctionValue
    let call: NativeCall
    static func cellType(_ registry: Registry) -> CellType { .function(FunctionType([A.cellType(registry)], R.cellType(registry))) }
    static func fromCell(_ value: Value, _ call: NativeCall) throws -> CellFunction1 {
        guard case .function(let f) = value else { throw BridgingError(expected: "a function") }
        return CellFunction1(function: f, call: call)
    }
    func toCell(_ call: NativeCall) -> Value { .function(function) }
    func callAsFunction(_ a: A) throws -> R {
        try R.fromCell(try function.call([a.toCell(call)], call.context, at: call.position), call)
    }
}

struct CellFunction2<A: CellConvertible, B: CellConvertible, R: CellConvertible>: CellConvertible {
    let function: FunctionValue
    let call: NativeCall
    static func cellType(_ registry: Registry) -> CellType {
        .function(FunctionType([A.cellType(registry), B.cellType(registry)], R.cellType(registry)))
    }
    static func fromCell(_ value: Value, _ call: NativeCall) throws -> CellFunction2 {
        guard case .function(let f) = value else { throw BridgingError(expected: "a function") }
        return CellFunction2(function: f, call: call)
    }
    func toCell(_ call: NativeCall) -> Value { .function(function) }
    func callAsFunction(_ a: A, _ b: B) throws -> R {
        try R.fromCell(try function.call([a.toCell(call), b.toCell(call)], call.context, at: call.position), call)
    }
}

/// A tuple result, `(a, b)`: its labels come from the declaration.
struct Pair<A: CellConvertible, B: CellConvertible>: CellConvertible {
    let first: A
    let second: B
    init(_ first: A, _ second: B) {
        self.first = first
        self.second = second
    }
    static func cellType(_ registry: Registry) -> CellType {
        .tuple([TupleElementType(label: nil, type: A.cellType(registry)), TupleElementType(label: nil, type: B.cellType(registry))])
    }
    static func fromCell(_ value: Value, _ call: NativeCall) throws -> Pair {
        guard case .tuple(let parts) = value, parts.count == 2 else { throw BridgingError(expected: "a pair") }
        return Pair(try A.fromCell(parts[0], call), try B.fromCell(parts[1], call))
    }
    func toCell(_ call: NativeCall) -> Value { .tuple([first.toCell(call), second.toCell(call)]) }
}

struct Triple<A: CellConvertible, B: CellConvertible, C: CellConvertible>: CellConvertible {
    let first: A
    let second: B
    let third: C
    init(_ first: A, _ second: B, _ third: C) {
        self.first = first
        self.second = second
        self.third = third
    }
    static func cellType(_ registry: Registry) -> CellType {
        .tuple([A.cellType(registry), B.cellType(registry), C.cellType(registry)].map { TupleElementType(label: nil, type: $0) })
    }
    static func fromCell(_ value: Value, _ call: NativeCall) throws -> Triple {
        guard case .tuple(let parts) = value, parts.count == 3 else { throw BridgingError(expected: "a triple") }
        return Triple(try A.fromCell(parts[0], call), try B.fromCell(parts[1], call), try C.fromCell(parts[2], call))
    }
    func toCell(_ call: NativeCall) -> Value { .tuple([first.toCell(call), second.toCell(call), third.toCell(call)]) }
}

struct Quadruple<A: CellConvertible, B: CellConvertible, C: CellConvertible, D: CellConvertible>: CellConvertible {
    let values: (A, B, C, D)
    init(_ a: A, _ b: B, _ c: C, _ d: D) { values = (a, b, c, d) }
    static func cellType(_ registry: Registry) -> CellType {
        .tuple([A.cellType(registry), B.cellType(registry), C.cellType(registry), D.cellType(registry)].map { TupleElementType(label: nil, type: $0) })
    }
    static func fromCell(_ value: Value, _ call: NativeCall) throws -> Quadruple {
        guard case .tuple(let p) = value, p.count == 4 else { throw BridgingError(expected: "a 4-tuple") }
        return Quadruple(try A.fromCell(p[0], call), try B.fromCell(p[1], call), try C.fromCell(p[2], call), try D.fromCell(p[3], call))
    }
    func toCell(_ call: NativeCall) -> Value {
        .tuple([values.0.toCell(call), values.1.toCell(call), values.2.toCell(call), values.3.toCell(call)])
    }
}

/// What a library binding may need of the running cell: the notebook's generator and seed,
/// progress and time limits for long loops, paths relative to the notebook.
struct LibraryContext {
    let call: NativeCall

    var generator: RandomGenerator { call.context.generator }

    /// A seed argument: the one written, or the next draw of the notebook's generator (so an
    /// unseeded model is still the same on every run of the notebook).
    func seed(_ written: Int?) throws -> UInt64 {
        guard let written else { return generator.next() }
        guard written >= 0 else { throw call.fail("seed must not be negative, got \(written)") }
        return UInt64(written)
    }

    /// What long library loops call every step: it ends the cell at its timeout and reports
    /// progress to whoever runs the notebook (a terminal progress bar).
    func progress(_ label: String) -> ProgressHandler {
        let context = call.context, position = call.position
        return { p in
            try context.checkClock(at: position)
            context.reportProgress(LibraryProgress(label: label, step: p.step, totalSteps: p.totalSteps, loss: p.loss, seconds: p.seconds))
        }
    }

    /// A path written in a cell for the library to write to, made absolute against the
    /// notebook's folder (and confined to it under `--safe`).
    func path(_ written: String) throws -> String {
        try call.context.resolvePath(written, at: call.position)
    }

    /// A path the library reads: as `path`, and the file's digest is noted as it is read.
    func readPath(_ written: String) throws -> String {
        try call.context.resolveReadPath(written, at: call.position)
    }

    func fail(_ message: String) -> CellFailure { call.fail(message) }

    /// The session's element limit, for bindings that make large results.
    var maxElements: Int { call.context.limits.maxElements }

    /// Ends the call if the cell has run out of time.
    func checkTime() throws { try call.context.checkClock(at: call.position) }

    /// Shows a value under the cell.
    func display(_ value: Value, type: CellType) throws { try call.context.display(value, type: type, at: call.position) }
}

// MARK: - Registering typed closures

extension TypeBuilder {
    /// A method whose implementation is a typed Swift closure of the receiver and arguments.
    @discardableResult
    func method<Receiver: CellConvertible, each A: CellConvertible, R: CellConvertible>(
        _ declaration: String, doc: String = "", _ body: @escaping (Receiver, repeat each A) throws -> R
    ) -> FunctionDecl {
        let f = method(declaration, doc: doc) { call in
            let receiver = try Receiver.fromCell(call.receiver, call)
            var i = 0
            func next<T: CellConvertible>(_ t: T.Type) throws -> T {
                defer { i += 1 }
                return try T.fromCell(call.arguments[i], call)
            }
            return try body(receiver, repeat try next((each A).self)).toCell(call)
        }
        registry.verify(f, registry.cellTypes(repeat (each A).self), R.cellType(registry), receiver: Receiver.cellType(registry))
        return f
    }

    /// A method whose closure also receives the running cell's `LibraryContext`.
    @discardableResult
    func contextMethod<Receiver: CellConvertible, each A: CellConvertible, R: CellConvertible>(
        _ declaration: String, doc: String = "", _ body: @escaping (LibraryContext, Receiver, repeat each A) throws -> R
    ) -> FunctionDecl {
        let f = method(declaration, doc: doc) { call in
            let receiver = try Receiver.fromCell(call.receiver, call)
            var i = 0
            func next<T: CellConvertible>(_ t: T.Type) throws -> T {
                defer { i += 1 }
                return try T.fromCell(call.arguments[i], call)
            }
            return try body(LibraryContext(call: call), receiver, repeat try next((each A).self)).toCell(call)
        }
        registry.verify(f, registry.cellTypes(repeat (each A).self), R.cellType(registry), receiver: Receiver.cellType(registry))
        return f
    }

    /// A static method or initializer whose implementation is a typed Swift closure.
    @discardableResult
    func staticMethod<each A: CellConvertible, R: CellConvertible>(
        _ declaration: String, doc: String = "", _ body: @escaping (LibraryContext, repeat each A) throws -> R
    ) -> FunctionDecl {
        let f = method(declaration, doc: doc) { call in
            var i = 0
            func next<T: CellConvertible>(_ t: T.Type) throws -> T {
                defer { i += 1 }
                return try T.fromCell(call.arguments[i], call)
            }
            return try body(LibraryContext(call: call), repeat try next((each A).self)).toCell(call)
        }
        registry.verify(f, registry.cellTypes(repeat (each A).self), R.cellType(registry), receiver: nil)
        return f
    }

    /// A read-only property.
    @discardableResult
    func property<Receiver: CellConvertible, R: CellConvertible>(_ declaration: String, doc: String = "",
                                                                  _ get: @escaping (Receiver) throws -> R) -> PropertyDecl {
        let registry = self.registry
        let p = property(declaration, doc: doc, get: { v, cx in
            let call = NativeCall(receiver: v, arguments: [], typeArguments: [], context: cx, position: 0)
            return try get(try Receiver.fromCell(v, call)).toCell(call)
        })
        registry.verifyProperty(p, R.cellType(registry))
        return p
    }

    /// A property cells may also assign (on a class instance: an optimiser's learning rate).
    @discardableResult
    func property<Receiver: CellConvertible, R: CellConvertible>(_ declaration: String, doc: String = "",
                                                                  get: @escaping (Receiver) throws -> R,
                                                                  set: @escaping (Receiver, R) throws -> Void) -> PropertyDecl {
        let registry = self.registry
        let p = property(declaration, doc: doc, get: { v, cx in
            let call = NativeCall(receiver: v, arguments: [], typeArguments: [], context: cx, position: 0)
            return try get(try Receiver.fromCell(v, call)).toCell(call)
        }, set: { v, new, cx in
            let call = NativeCall(receiver: v, arguments: [], typeArguments: [], context: cx, position: 0)
            try set(try Receiver.fromCell(v, call), try R.fromCell(new, call))
        })
        registry.verifyProperty(p, R.cellType(registry))
        return p
    }
}

extension Registry {
    /// A global function whose implementation is a typed Swift closure.
    @discardableResult
    func typedFunction<each A: CellConvertible, R: CellConvertible>(
        _ declaration: String, doc: String = "", topic: String? = nil, _ body: @escaping (LibraryContext, repeat each A) throws -> R
    ) -> FunctionDecl {
        let f = function(declaration, doc: doc, topic: topic) { call in
            var i = 0
            func next<T: CellConvertible>(_ t: T.Type) throws -> T {
                defer { i += 1 }
                return try T.fromCell(call.arguments[i], call)
            }
            return try body(LibraryContext(call: call), repeat try next((each A).self)).toCell(call)
        }
        verify(f, cellTypes(repeat (each A).self), R.cellType(self), receiver: nil)
        return f
    }

    /// The cell types of a pack of bridged Swift types, in order.
    func cellTypes<each A: CellConvertible>(_ types: repeat (each A).Type) -> [CellType] {
        var result: [CellType] = []
        repeat result.append((each types).cellType(self))
        return result
    }

    /// A binding's closure must take and give the types its declaration says: checked once, when
    /// the registry is built, so the checker's view and the implementation cannot drift apart.
    func verify(_ f: FunctionDecl, _ parameters: [CellType], _ result: CellType, receiver: CellType?) {
        let declared = f.parameters.map { $0.isVariadic ? CellType.array($0.type) : $0.type }
        let declaredResult = f.isFailableInitializer ? CellType.optional(f.resultType) : f.resultType
        func same(_ a: CellType, _ b: CellType) -> Bool {
            // Tuple labels are the declaration's; the closure's tuples have none.
            if case .tuple(let x) = a, case .tuple(let y) = b { return x.map(\.type) == y.map(\.type) }
            if case .optional(let x) = a, case .optional(let y) = b { return same(x, y) }
            return a == b
        }
        precondition(declared.count == parameters.count && zip(declared, parameters).allSatisfy(same),
                      "binding \(f.declaration): the closure takes (\(parameters.map(\.description).joined(separator: ", ")))")
        precondition(same(declaredResult, result), "binding \(f.declaration): the closure gives \(result)")
        if let receiver, let owner = f.owner, !f.isStatic, !f.isInitializer {
            let selfType = builtinType(owner, arguments: owner.genericParameters.map { .parameter($0) }) ?? .nominal(owner, [])
            precondition(receiver == selfType, "binding \(f.declaration): the closure's receiver is \(receiver)")
        }
    }

    func verifyProperty(_ p: PropertyDecl, _ type: CellType) {
        precondition(p.type == type || { if case .tuple = p.type { return true }; return false }(),
                     "property \(p.name): declared \(p.type), the closure gives \(type)")
    }
}
