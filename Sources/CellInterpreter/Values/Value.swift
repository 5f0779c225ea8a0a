/// A value at run time. The checker has given every expression a static type, so a value
/// carries no type of its own beyond what its case says: printing, equality and conversions
/// are driven by the static type (or, in generic code, by the type arguments a call received).
/// Value types (arrays, dictionaries, sets, strings, structs) have Swift's value semantics:
/// their storage is shared until written and written in place when not shared.
public enum Value {
    case void
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case character(Character)
    case array([Value])
    case dictionary(DictionaryBox)
    case set(SetBox)
    case tuple([Value])
    /// A range of Ints as written (`Range`, `ClosedRange` or a partial range: the static type says).
    case intRange(Int, Int)
    /// A range of other bounds (`0.0..<1.0`, `"a"..."z"`).
    case range(RangeBox)
    /// A struct's stored properties, in declaration order.
    case structValue([Value])
    case instance(ClassInstance)
    /// An enum case: its index and its associated values.
    case enumValue(Int, [Value]?)
    /// `Optional.none`.
    case none
    /// `Optional.some` of a value whose own type is optional (`Int??`): otherwise an optional
    /// holds its value unwrapped.
    case some(OptionalBox)
    case function(FunctionValue)
    /// A value of type `Any` or `any P`, with its dynamic type.
    case existential(ExistentialBox)
    /// A type as a value (`Int.self`, `type(of: x)`).
    case metatype(CellType)
    case substring(SubstringBox)
    case arraySlice(SliceBox)
    /// A lazy view: reversed, enumerated, zipped, strided, a dictionary's keys or values.
    case view(SequenceView)
    /// A value of the model library (tensor, model, figure …).
    case object(any LibraryValue)
    /// A variable that closures capture: it lives in a box they share (only in slots).
    case box(VarBox)
    /// A slot not yet assigned (or lent out to an `inout` access).
    case uninitialized
}

/// A variable captured by closures: every closure that uses it shares this box.
public final class VarBox {
    var value: Value
    init(_ value: Value) { self.value = value }
}

public final class OptionalBox {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// `Any` or `any P`: the value and its dynamic type.
public final class ExistentialBox {
    let type: CellType
    let value: Value
    init(type: CellType, value: Value) {
        self.type = type
        self.value = value
    }
}

/// An instance of a cell's class: shared by reference, its class chosen when made.
public final class ClassInstance {
    let type: CellType
    let decl: NominalDecl
    var fields: [Value]

    init(type: CellType, decl: NominalDecl, fields: [Value]) {
        self.type = type
        self.decl = decl
        self.fields = fields
    }
}

public final class RangeBox {
    let lower: Value?
    let upper: Value?
    init(lower: Value?, upper: Value?) {
        self.lower = lower
        self.upper = upper
    }
}

public final class SubstringBox {
    let value: Substring
    init(_ value: Substring) { self.value = value }
}

/// An `ArraySlice`: Swift's own, so its indices are the array's (a slice of 2..<5 starts at 2).
public final class SliceBox {
    var value: ArraySlice<Value>
    init(_ value: ArraySlice<Value>) { self.value = value }
}

/// A lazy sequence view and the value it views.
public final class SequenceView {
    enum Kind {
        case reversed
        case enumerated
        case zip
        case strideTo
        case strideThrough
        case keys
        case values
    }

    let kind: Kind
    /// The viewed value (for zip, a two-element tuple; for strides, start, end and step).
    let base: Value
    /// The elements, made once when first needed.
    private var cached: [Value]?

    init(kind: Kind, base: Value) {
        self.kind = kind
        self.base = base
    }

    func elements(_ make: () throws(CellFailure) -> [Value]) throws(CellFailure) -> [Value] {
        if let cached { return cached }
        let made = try make()
        cached = made
        return made
    }
}

/// A value of the model library. The interpreter asks the registry, not the value, for its
/// members; conformers are classes, which keeps `Value` small.
public protocol LibraryValue: AnyObject {
    /// The Swift type name shown in messages (`Tensor`, `PPCA`).
    var typeName: String { get }
}

extension Value {
    /// Whether the value holds nothing to release (a number, a Bool, an Int range, `nil`).
    @inline(__always) var isTrivial: Bool {
        switch self {
        case .void, .bool, .int, .double, .intRange, .none, .uninitialized: true
        default: false
        }
    }

    @inline(__always) var isUninitialized: Bool {
        if case .uninitialized = self { return true }
        return false
    }
}

extension UnsafeMutablePointer where Pointee == Value {
    /// Stores a value in a slot. When the slot's old value holds nothing to release (a number
    /// variable always), it is overwritten without the generic destroy that assignment calls:
    /// the store of every Int and Double variable in a loop.
    @inline(__always)
    func store(_ v: Value) {
        if pointee.isTrivial {
            initialize(to: v)
        } else {
            pointee = v
        }
    }
}
