import Foundation

/// Standard functions and operators the lowering runs as their own nodes, with no call
/// machinery (each also has an ordinary implementation for when it is used as a value).
enum Intrinsic: Equatable {
    case intAdd, intSubtract, intMultiply, intDivide, intRemainder
    case intBitAnd, intBitOr, intBitXor, intShiftLeft, intShiftRight
    case intWrappingAdd, intWrappingSubtract, intWrappingMultiply
    case intLess, intLessEqual, intGreater, intGreaterEqual, intEqual, intNotEqual
    case intNegate, intBitNot, intIdentity
    case doubleAdd, doubleSubtract, doubleMultiply, doubleDivide
    case doubleLess, doubleLessEqual, doubleGreater, doubleGreaterEqual, doubleEqual, doubleNotEqual
    case doubleNegate, doubleIdentity
    case boolEqual, boolNotEqual
    case stringConcat
    /// `Double(n)`, `Int(x)`, and the identity conversions.
    case intToDouble, doubleToInt, sameNumber
    /// A Double function of one Double (`sqrt`, `exp` …), by name in `doubleFunctions`.
    case doubleFunction(String)
    case halfOpenIntRange, closedIntRange
    /// `array.append(element)` on a variable: appended in place.
    case arrayAppend
}

/// The Double functions cells call most, run in place.
nonisolated(unsafe) let doubleFunctions: [String: (Double) -> Double] = [
    "sqrt": { $0.squareRoot() }, "exp": { Foundation.exp($0) }, "log": { Foundation.log($0) }, "log2": { Foundation.log2($0) },
    "log10": { Foundation.log10($0) }, "log1p": { Foundation.log1p($0) }, "expm1": { Foundation.expm1($0) },
    "sin": { Foundation.sin($0) }, "cos": { Foundation.cos($0) }, "tan": { Foundation.tan($0) }, "asin": { Foundation.asin($0) },
    "acos": { Foundation.acos($0) }, "atan": { Foundation.atan($0) }, "sinh": { Foundation.sinh($0) }, "cosh": { Foundation.cosh($0) },
    "tanh": { Foundation.tanh($0) }, "floor": { $0.rounded(.down) }, "ceil": { $0.rounded(.up) }, "round": { $0.rounded() },
    "trunc": { $0.rounded(.towardZero) }, "fabs": { Swift.abs($0) }, "cbrt": { Foundation.cbrt($0) },
]

/// How a subscript of the standard library is run in place.
enum SubscriptIntrinsic {
    /// `array[i]`.
    case arrayIndex
    /// `slice[i]` (the base array's indices).
    case sliceIndex
    /// `dictionary[key]` (an optional).
    case dictionaryKey
    /// `dictionary[key, default: value]`.
    case dictionaryKeyDefault
}

extension Lowerer {
    /// The node for an intrinsic applied to lowered operands, or nil when the operands are not
    /// what the intrinsic needs.
    func intrinsicNode(_ intrinsic: Intrinsic, _ operands: [Expr], at position: Int) -> Expr? {
        if operands.count == 2 {
            let (l, r) = (operands[0], operands[1])
            switch intrinsic {
            case .intAdd: return IntAdd(l, r, position: position)
            case .intSubtract: return IntSubtract(l, r, position: position)
            case .intMultiply: return IntMultiply(l, r, position: position)
            case .intDivide: return IntDivide(l, r, position: position)
            case .intRemainder: return IntRemainder(l, r, position: position)
            case .intBitAnd: return IntBitAnd(l, r, position: position)
            case .intBitOr: return IntBitOr(l, r, position: position)
            case .intBitXor: return IntBitXor(l, r, position: position)
            case .intShiftLeft: return IntShiftLeft(l, r, position: position)
            case .intShiftRight: return IntShiftRight(l, r, position: position)
            case .intWrappingAdd: return IntWrappingAdd(l, r, position: position)
            case .intWrappingSubtract: return IntWrappingSubtract(l, r, position: position)
            case .intWrappingMultiply: return IntWrappingMultiply(l, r, position: position)
            case .intLess: return IntLess(l, r, position: position)
            case .intLessEqual: return IntLessEqual(l, r, position: position)
            case .intGreater: return IntGreater(l, r, position: position)
            case .intGreaterEqual: return IntGreaterEqual(l, r, position: position)
            case .intEqual: return IntEqual(l, r, position: position)
            case .intNotEqual: return IntNotEqual(l, r, position: position)
            case .doubleAdd: return DoubleAdd(l, r, position: position)
            case .doubleSubtract: return DoubleSubtract(l, r, position: position)
            case .doubleMultiply: return DoubleMultiply(l, r, position: position)
            case .doubleDivide: return DoubleDivide(l, r, position: position)
            case .doubleLess: return DoubleLess(l, r, position: position)
            case .doubleLessEqual: return DoubleLessEqual(l, r, position: position)
            case .doubleGreater: return DoubleGreater(l, r, position: position)
            case .doubleGreaterEqual: return DoubleGreaterEqual(l, r, position: position)
            case .doubleEqual: return DoubleEqual(l, r, position: position)
            case .doubleNotEqual: return DoubleNotEqual(l, r, position: position)
            case .boolEqual: return BoolEqual(l, r, position: position)
            case .boolNotEqual: return BoolNotEqual(l, r, position: position)
            case .stringConcat: return StringConcat(l, r, position: position)
            default: return nil
            }
        }
        if operands.count == 1 {
            let x = operands[0]
            switch intrinsic {
            case .intNegate: return IntNegate(x, position: position)
            case .intBitNot: return IntBitNot(x, position: position)
            case .doubleNegate: return DoubleNegate(x, position: position)
            case .intIdentity, .doubleIdentity, .sameNumber: return x
            case .intToDouble: return IntToDouble(x, position: position)
            case .doubleToInt: return DoubleToInt(x, position: position)
            case .doubleFunction(let name):
                guard let f = doubleFunctions[name] else { return nil }
                return DoubleFunction(x, function: f, position: position)
            default: return nil
            }
        }
        return nil
    }
}
